package report

import (
	_ "embed"
	"html/template"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/attribution"
)

// returnsTemplate is the "holding-returns" block: the section of the
// returns per holding and their contributions.
//
//go:embed returns.html.tmpl
var returnsTemplate string

func init() { template.Must(page.Parse(returnsTemplate)) }

// HoldingReturns is the returns-per-holding section: each holding's
// time- and money-weighted return over the report's window and its
// contribution to the portfolio's TWR (analysis.HoldingReturns), then the
// contributions by group. The contributions add up to TWR.
type HoldingReturns struct {
	From time.Time
	// Accounts names the accounts the figures are of (AccountsCovered):
	// the portfolio's, not those -compare shows alone; "" for a file of
	// one account.
	Accounts string
	TWR      float64
	Rows     []HoldingReturnRow
	// GroupedBy names the grouping ("quote currency", "group").
	GroupedBy string
	Groups    []GroupContributionRow
	// Groupings are the contributions by every grouping
	// (analysis.Contributions; attribution.go), shown instead of Groups
	// when set.
	Groupings []ContributionGrouping
}

// HoldingReturnRow is one line of the table; Cash marks the cash's, whose
// TWR and MWR are NaN. MWR is not annualised, over the days held.
type HoldingReturnRow struct {
	Symbol                              string
	Cash                                bool
	TWR, MWR, Contribution              float64
	Start, Bought, Sold, Dividends, End float64
}

// GroupContributionRow is a group's contribution and its members.
type GroupContributionRow struct {
	Group        string
	Contribution float64
	Symbols      string
}

// holdingReturnsSection lays a's returns per holding out; nil when it has
// none.
func holdingReturnsSection(a *analysis.Analysis) *HoldingReturns {
	if len(a.HoldingReturns) == 0 {
		return nil
	}
	perf := a.Performance
	s := &HoldingReturns{From: perf.Dates[0], TWR: perf.CumulativeReturn[perf.Len()-1], GroupedBy: a.GroupedBy,
		Accounts: AccountsCovered(a.Result)}
	for _, h := range a.HoldingReturns {
		s.Rows = append(s.Rows, HoldingReturnRow{
			Symbol: h.Symbol, Cash: h.Symbol == attribution.Cash, TWR: h.TWR, MWR: h.MWR, Contribution: h.Contribution,
			Start: h.Start, Bought: h.Bought, Sold: h.Sold, Dividends: h.Dividends, End: h.End,
		})
	}
	for _, g := range a.ContributionByGroup {
		s.Groups = append(s.Groups, GroupContributionRow{Group: g.Group, Contribution: g.Contribution, Symbols: strings.Join(g.Symbols, ", ")})
	}
	s.Groupings = contributionGroupings(a) // attribution.go
	return s
}
