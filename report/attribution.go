package report

import (
	_ "embed"
	"html/template"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/analysis"
)

// attributionTemplate is the "contribution-groupings" block (the returns
// section's contributions by every grouping) and the "model-attribution"
// section (Brinson-Fachler against a model).
//
//go:embed attribution.html.tmpl
var attributionTemplate string

func init() { template.Must(page.Parse(attributionTemplate)) }

// ContributionGrouping is the contributions by group grouped one way
// (analysis.ContributionGrouping): By is its title ("Sector").
// ID is its table's id: group-contribution for the first, then
// group-contribution-sector ...
type ContributionGrouping struct {
	ID, By string
	Groups []GroupContributionRow
}

// contributionGroupings lays each of a.Contributions out.
func contributionGroupings(a *analysis.Analysis) []ContributionGrouping {
	var out []ContributionGrouping
	for i, c := range a.Contributions {
		g := ContributionGrouping{ID: "group-contribution", By: c.Title}
		if i > 0 {
			g.ID += "-" + slug(c.By)
		}
		for _, x := range c.Groups {
			g.Groups = append(g.Groups, GroupContributionRow{Group: x.Group, Contribution: x.Contribution, Symbols: strings.Join(x.Symbols, ", ")})
		}
		out = append(out, g)
	}
	return out
}

// ModelAttribution is the section of the Brinson-Fachler attribution of the
// portfolio's TWR over the report's window against a model portfolio
// (analysis.Model), one table per grouping.
type ModelAttribution struct {
	Model string
	From  time.Time
	// PortfolioTWR and ModelTWR are the window's; every table's total is
	// their difference.
	PortfolioTWR, ModelTWR float64
	Tables                 []EffectsTable
}

// EffectsTable is one grouping's effects, by group, and their sums; ID is
// its table's id (model-effects, then model-effects-sector ...).
type EffectsTable struct {
	ID, By string
	Rows   []EffectRow
	Total  EffectRow
}

// EffectRow is a group's linked effects; Total is their sum.
type EffectRow struct {
	Group                                     string
	Allocation, Selection, Interaction, Total float64
}

// modelAttributionSection lays a's effects against its model out; nil
// without a model.
func modelAttributionSection(a *analysis.Analysis) *ModelAttribution {
	if a.Model == nil {
		return nil
	}
	s := &ModelAttribution{Model: a.Model.Name, From: a.Performance.Dates[0]}
	for _, c := range a.Contributions {
		e := c.Effects
		if e == nil {
			continue
		}
		s.PortfolioTWR, s.ModelTWR = e.PortfolioReturn, e.BenchmarkReturn
		t := EffectsTable{ID: "model-effects", By: c.Title}
		if len(s.Tables) > 0 {
			t.ID += "-" + slug(c.By)
		}
		for _, x := range e.Effects {
			t.Rows = append(t.Rows, EffectRow{x.Group, x.Allocation, x.Selection, x.Interaction, x.Total()})
		}
		tot := e.Totals()
		t.Total = EffectRow{"Total", tot.Allocation, tot.Selection, tot.Interaction, tot.Total()}
		s.Tables = append(s.Tables, t)
	}
	return s
}

// validateModelAttribution checks that every effect and return of the
// attribution against a model is finite.
func (in *Input) validateModelAttribution(add func(string, ...any)) {
	m := in.ModelAttribution
	if m == nil {
		return
	}
	if !known(m.PortfolioTWR) || !known(m.ModelTWR) {
		add("attribution against %q: the portfolio's TWR %v, the model's %v", m.Model, m.PortfolioTWR, m.ModelTWR)
	}
	for _, t := range m.Tables {
		for _, r := range append(t.Rows, t.Total) {
			for _, x := range [...]float64{r.Allocation, r.Selection, r.Interaction, r.Total} {
				if !known(x) {
					add("attribution against %q by %s: group %q has effects %v, %v, %v (total %v)", m.Model, t.By, r.Group, r.Allocation, r.Selection, r.Interaction, r.Total)
					break
				}
			}
		}
	}
}
