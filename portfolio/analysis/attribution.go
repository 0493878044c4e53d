package analysis

import (
	"fmt"

	"github.com/gofolio/gofolio/portfolio/attribution"
	"github.com/gofolio/gofolio/quotes/meta"
)

// ContributionGrouping is the window's contributions grouped one way, and
// the Brinson-Fachler effects of the portfolio against the model grouped
// the same way.
type ContributionGrouping struct {
	// By is "group" (Options.Groups), "currency" (each symbol's quote
	// currency, minor units in their major: GBp in GBP) or the metadata
	// field (meta.Sector ...); Title is it as a heading.
	By, Title string
	// Groups are the linked contributions by group
	// (attribution.Daily.ByGroup: the cash is Cash, a symbol without a
	// group Unclassified); they add up to Summary's TWR.
	Groups []attribution.GroupContribution
	// Effects are the Brinson-Fachler allocation, selection and
	// interaction effects of each group against Options.Model
	// (attribution.Daily.BrinsonFachler against the model's groups,
	// ModelDaily.Benchmark), linked over the window: their totals add up
	// to the portfolio's TWR less the model's. Nil without a model.
	Effects *attribution.Attribution
}

// grouping is a way to group symbols, before it is computed.
type grouping struct {
	by, title string
	group     func(symbol string) string
}

// attribute sets the window's returns per holding and contributions
// (package attribution): Attribution, HoldingReturns, Contributions (with
// the effects against the model when a.Model is set) and
// ContributionByGroup, Contributions' first.
func (a *Analysis) attribute() error {
	d, err := attribution.FromResult(a.Result, a.Options.From, a.Options.To)
	if err != nil {
		return err
	}
	a.Attribution = d
	a.HoldingReturns = d.Holdings()
	for _, g := range a.groupings() {
		c := ContributionGrouping{By: g.by, Title: g.title, Groups: d.ByGroup(g.group)}
		if a.Model != nil {
			if c.Effects, err = d.BrinsonFachler(g.group, a.Model.Daily.Benchmark(g.group)); err != nil {
				return fmt.Errorf("against the model %s by %s: %w", a.Model.Name, g.title, err)
			}
		}
		a.Contributions = append(a.Contributions, c)
	}
	a.ContributionByGroup = a.Contributions[0].Groups
	a.GroupedBy = "quote currency"
	if a.Options.Groups != nil {
		a.GroupedBy = "group"
	}
	return nil
}

// groupings are Options.Groups' (when given), by quote currency (the
// holdings', else the model's series'), then each groupable field of
// Options.Meta that classifies a symbol of the window or of the model.
func (a *Analysis) groupings() []grouping {
	var out []grouping
	if a.Options.Groups != nil {
		out = append(out, grouping{"group", "Group", attribution.MapGroup(a.Options.Groups)})
	}
	currency := map[string]string{}
	if m := a.Options.Model; m != nil {
		for sym, s := range m.Series {
			if s != nil {
				currency[sym] = major(s.Currency)
			}
		}
	}
	h := a.Result.Holdings
	for s, sym := range h.Symbols {
		currency[sym] = major(h.QuoteCurrency[s])
	}
	out = append(out, grouping{"currency", "Quote currency", attribution.MapGroup(currency)})
	symbols := a.Attribution.Names
	if a.Model != nil {
		symbols = append(symbols[:len(symbols):len(symbols)], a.Model.Daily.Symbols...)
	}
	m := a.Options.Meta
	for _, f := range m.Groupable() {
		group := func(sym string) string { return m.Get(sym, f) }
		if classifiesAny(group, symbols) {
			out = append(out, grouping{f, meta.Title(f), group})
		}
	}
	return out
}

// classifiesAny reports whether group gives a symbol (not the cash) a group.
func classifiesAny(group func(string) string, symbols []string) bool {
	for _, s := range symbols {
		if s != attribution.Cash && group(s) != "" {
			return true
		}
	}
	return false
}
