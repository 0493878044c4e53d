package analysis

import (
	"cmp"
	"slices"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes/meta"
)

// Allocation is the portfolio's value on the window's last day split
// several ways (Groupings), every share a weight of the same total, cash
// included, so that each grouping's weights add up to 100%.
type Allocation struct {
	// Total is the value the weights are of, in the reporting currency:
	//
	//	Total = Σ_s value of holding s + Σ_c cash held in currency c,
	//
	// the cash converted at that day's rate: the performance frame's value
	// on that day. Holdings of no shares are left out.
	Total float64
	// Groupings are by holding, by currency, then by each field of
	// Options.Meta that classifies a symbol held (meta.Table.Groupable, in
	// the file's order).
	Groupings []Grouping
	// NotListed are the symbols held that Options.Meta does not list,
	// sorted: grouped by a metadata field they are Unclassified. Nil
	// without metadata.
	NotListed []string
}

// Grouping is the allocation grouped one way.
type Grouping struct {
	// By is "holding", "currency" or the metadata field (meta.Sector ...);
	// Title is it as a heading ("Holding", "Sector").
	By, Title string
	// Shares are the groups, largest value first (then by name):
	//
	//	Weight = Value / Allocation.Total.
	//
	// By holding, each symbol and one "Cash CCY" per currency held; by
	// currency, each holding counts in its quote currency (minor units in
	// their major: GBp in GBP) and the cash in its own; by a metadata
	// field, each symbol in its value of the field (meta.Unclassified when
	// blank or not listed) and the cash in CashGroup.
	Shares []Share
	// Unclassified are the symbols held in the meta.Unclassified share,
	// sorted; nil by holding and by currency.
	Unclassified []string
}

// Share is one group of a Grouping.
type Share struct {
	Name   string
	Value  float64 // in the reporting currency; below 0 for borrowed cash
	Weight float64 // Value / Allocation.Total
}

// CashGroup is the cash's group by a metadata field, and its prefix by
// holding ("Cash USD").
const CashGroup = "Cash"

// allocation computes the Allocation of the positions held and the cash
// (each currency's, in the reporting currency; cashByCurrency nil, a rate
// missing: cashTotal as one CashGroup share) with the metadata m.
func allocation(positions []portfolio.Position, cashByCurrency map[string]float64, cashTotal float64, m meta.Table) *Allocation {
	var held []portfolio.Position
	for _, p := range positions {
		if p.Quantity != 0 {
			held = append(held, p)
		}
	}
	cash := cashByCurrency
	if cash == nil && cashTotal != 0 {
		cash = map[string]float64{"": cashTotal}
	}
	a := &Allocation{}
	for _, p := range held {
		a.Total += p.Value
	}
	for _, v := range cash {
		a.Total += v
	}
	cashName := func(c string) string {
		if c == "" {
			return CashGroup
		}
		return CashGroup + " " + c
	}
	byHolding := func(p portfolio.Position) string { return p.Symbol }
	byCurrency := func(p portfolio.Position) string { return major(p.QuoteCurrency) }
	a.Groupings = append(a.Groupings,
		a.group("holding", "Holding", held, byHolding, cash, cashName),
		a.group("currency", "Currency", held, byCurrency, cash, func(c string) string {
			if c == "" {
				return CashGroup
			}
			return major(c)
		}))
	for _, f := range m.Groupable() {
		g := a.group(f, meta.Title(f), held, func(p portfolio.Position) string { return m.Group(p.Symbol, f) },
			cash, func(string) string { return CashGroup })
		if len(g.Unclassified) < len(held) {
			a.Groupings = append(a.Groupings, g)
		}
	}
	if m.Len() > 0 {
		for _, p := range held {
			if !m.Has(p.Symbol) {
				a.NotListed = append(a.NotListed, p.Symbol)
			}
		}
		slices.Sort(a.NotListed)
	}
	return a
}

// group sums the holdings by groupOf and the cash by cashGroup, and
// weighs each group against a.Total.
func (a *Allocation) group(by, title string, held []portfolio.Position, groupOf func(portfolio.Position) string,
	cash map[string]float64, cashGroup func(currency string) string) Grouping {
	g := Grouping{By: by, Title: title}
	values := map[string]float64{}
	for _, p := range held {
		name := groupOf(p)
		values[name] += p.Value
		if name == meta.Unclassified && by != "holding" && by != "currency" {
			g.Unclassified = append(g.Unclassified, p.Symbol)
		}
	}
	for c, v := range cash {
		values[cashGroup(c)] += v
	}
	for name, v := range values {
		s := Share{Name: name, Value: v}
		if a.Total != 0 {
			s.Weight = v / a.Total
		}
		g.Shares = append(g.Shares, s)
	}
	slices.SortFunc(g.Shares, func(x, y Share) int {
		return cmp.Or(cmp.Compare(y.Value, x.Value), cmp.Compare(x.Name, y.Name))
	})
	slices.Sort(g.Unclassified)
	return g
}

// major folds a minor unit into its currency (GBp into GBP).
func major(code string) string {
	if m, _, ok := fx.Major(code); ok {
		return m
	}
	return code
}
