package notebook

import (
	"errors"
	"fmt"
	"html"
	"strings"

	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/attribution"
)

// HoldingReturns shows, as the report's "Returns per holding" section
// does, each holding's time-weighted return (TWR), money-weighted return
// (MWR, not annualised, over the days it was held) and contribution to the
// portfolio's TWR (analysis.HoldingReturns; the cash has a contribution
// only), with its start and end values and the money bought, sold and
// received in between, in the reporting currency; then the contributions
// by each grouping (analysis.Contributions: quote currency, then each field
// of the symbols' metadata), one small table each. The contributions are
// linked day by day (Frongello), so each table's add up to the TWR.
func HoldingReturns(a *analysis.Analysis) error { return gonb.HoldingReturns(a) }

// HoldingReturns is the package-level HoldingReturns on d.
func (d *Display) HoldingReturns(a *analysis.Analysis) error {
	if a == nil || a.Result == nil || a.Performance == nil || a.Performance.Len() == 0 {
		return errors.New("notebook: holding returns: no analysis (analysis.Run)")
	}
	if len(a.HoldingReturns) == 0 {
		return errors.New("notebook: holding returns: the analysis has none (no holding over its window)")
	}
	perf := a.Performance
	twr := perf.CumulativeReturn[perf.Len()-1]
	head := fmt.Sprintf("From %s to %s, in %s: the portfolio's TWR is %s; the contributions add up to it.",
		day(perf.Dates[0]), day(perf.Dates[perf.Len()-1]), a.Result.Currency, signedPercent(twr))
	returns := holdingReturnsTable(a, twr)
	h := "<p>" + html.EscapeString(head) + "</p>" + returns.html()
	txt := head + "\n\n" + returns.text()
	for _, g := range a.Contributions {
		title := "Contribution by " + strings.ToLower(g.Title)
		t := contributionTable(g)
		h += "<h4>" + html.EscapeString(title) + "</h4>" + t.html()
		txt += "\n" + title + "\n" + t.text()
	}
	return d.HTML(h, txt)
}

// holdingReturnsTable lays a.HoldingReturns out, one row per holding (the
// cash's without TWR and MWR), and the portfolio's TWR, twr, last.
func holdingReturnsTable(a *analysis.Analysis, twr float64) *table {
	cur := a.Result.Currency
	t := &table{header: []string{"Symbol", "TWR", "MWR", "Contribution",
		"Start value " + cur, "Bought " + cur, "Sold " + cur, "Dividends " + cur, "End value " + cur}}
	for _, r := range a.HoldingReturns {
		if r.Symbol == attribution.Cash {
			t.rows = append(t.rows, tableRow{name: "Cash", cells: []cell{{}, {}, {text: signedPercent(r.Contribution)},
				{text: money(r.Start)}, {}, {}, {}, {text: money(r.End)}}})
			continue
		}
		t.rows = append(t.rows, tableRow{name: r.Symbol, cells: []cell{
			{text: signedPercent(r.TWR)}, {text: signedPercent(r.MWR)}, {text: signedPercent(r.Contribution)},
			{text: money(r.Start)}, {text: money(r.Bought)}, {text: money(r.Sold)}, {text: money(r.Dividends)}, {text: money(r.End)},
		}})
	}
	t.rows = append(t.rows, tableRow{name: "Portfolio", cells: []cell{{text: signedPercent(twr)}, {}, {text: signedPercent(twr)}, {}, {}, {}, {}, {}}})
	return t
}

// contributionTable is one grouping's contributions: each group's and the
// holdings in it.
func contributionTable(g analysis.ContributionGrouping) *table {
	t := &table{header: []string{g.Title, "Contribution", "Holdings"}}
	for _, x := range g.Groups {
		t.rows = append(t.rows, tableRow{name: x.Group, cells: []cell{{text: signedPercent(x.Contribution)}, {text: strings.Join(x.Symbols, ", "), left: true}}})
	}
	return t
}
