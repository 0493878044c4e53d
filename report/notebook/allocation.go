package notebook

import (
	"fmt"
	"html"
	"strings"

	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/quotes/meta"
	"github.com/gofolio/gofolio/quotes/sample"
	"github.com/gofolio/gofolio/report/chart"
)

// ReadMeta is the symbols' metadata of s (package quotes/meta), for
// analysis.Options.Meta: the file s.Meta names, else the sample market's
// own (sample.Meta) for Sample, else none.
func ReadMeta(s Settings) (meta.Table, error) {
	switch {
	case s.Meta != "":
		return meta.ReadFile(s.Meta)
	case s.Market == Sample:
		return sample.Meta(), nil
	}
	return meta.Table{}, nil
}

// Allocation shows the analysis' allocation on its last date grouped by
// by ("holding", "currency", or a field of the symbols' metadata such as
// "sector"): each group's value and weight, of the total value cash
// included (analysis.Allocation), as a table and as bars, and the symbols
// left Unclassified. A grouping the analysis does not have is an error
// naming those it has.
func Allocation(a *analysis.Analysis, by string) error { return gonb.Allocation(a, by) }

// Allocation is the package-level Allocation on d.
func (d *Display) Allocation(a *analysis.Analysis, by string) error {
	g, err := grouping(a, by)
	if err != nil {
		return err
	}
	t := &table{header: []string{g.Title, "Value " + a.Result.Currency, "Weight"}}
	bars := make([]chart.Weight, 0, len(g.Shares))
	for _, s := range g.Shares {
		t.rows = append(t.rows, tableRow{name: s.Name, cells: []cell{{text: money(s.Value)}, {text: percent(s.Weight)}}})
		bars = append(bars, chart.Weight{Name: s.Name, Weight: s.Weight, Label: percent(s.Weight)})
	}
	t.rows = append(t.rows, tableRow{name: "Total", cells: []cell{{text: money(a.Allocation.Total)}, {text: percent(1)}}})
	h, txt := t.html(), t.text()
	if len(g.Unclassified) > 0 {
		note := "Unclassified (not in the symbols' metadata, or blank): " + strings.Join(g.Unclassified, ", ")
		h += "<p>" + html.EscapeString(note) + "</p>"
		txt += "\n" + note + "\n"
	}
	if err := d.HTML(h, txt); err != nil {
		return err
	}
	return d.Chart(chart.Weights("Allocation by "+strings.ToLower(g.Title), bars))
}

// grouping finds a's grouping by by, matched without regard to case with
// its field or title.
func grouping(a *analysis.Analysis, by string) (analysis.Grouping, error) {
	if a == nil || a.Allocation == nil || a.Result == nil {
		return analysis.Grouping{}, fmt.Errorf("notebook: allocation: no analysis (analysis.Run)")
	}
	var have []string
	for _, g := range a.Allocation.Groupings {
		if strings.EqualFold(g.By, by) || strings.EqualFold(g.Title, by) {
			return g, nil
		}
		have = append(have, fmt.Sprintf("%q", g.By))
	}
	return analysis.Grouping{}, fmt.Errorf("notebook: allocation by %q: the analysis groups by %s (a field of the symbols' metadata classifies at least one holding; see analysis.Options.Meta)",
		by, strings.Join(have, ", "))
}
