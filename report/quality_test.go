package report

import (
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/quality"
)

// TestDataQualitySection: the market data's findings show, in their order
// and escaped, between the warnings and the summary, with the rows
// repaired; no section shows without findings.
func TestDataQualitySection(t *testing.T) {
	in := synthetic(3, 2)
	if html := render(t, in, Options{}); strings.Contains(html, `id="data-quality"`) {
		t.Error("a data quality section without findings")
	}
	s := &quotes.Series{Symbol: "<V>", Close: []float64{70, 71, 0.7, 72, 71, 70}}
	for i := range s.Close {
		s.Dates = append(s.Dates, quotes.Date(2024, 3, 4).AddDate(0, 0, i))
	}
	s.Dates[5] = s.Dates[4].Add(40 * 24 * time.Hour) // a gap, impact |70/71 − 1|, after the switch's 99
	series := map[string]*quotes.Series{"<V>": s}
	found := quality.Check(series, quality.Options{})
	_, changes := quality.Repair(series, found)
	in.Warnings = []string{"a warning"}
	in.DataQuality = NewDataQuality(found, changes)
	html := render(t, in, Options{})
	w, q, sum := strings.Index(html, `<section id="warnings"`), strings.Index(html, `<section id="data-quality"`), strings.Index(html, `<section id="summary"`)
	if !(w >= 0 && w < q && q < sum) {
		t.Fatalf("warnings at %d, data quality at %d, summary at %d: want them in that order", w, q, sum)
	}
	section := html[q:sum]
	unit, gap := strings.Index(section, "&lt;V&gt; 2024-03-06: unit switch"), strings.Index(section, "&lt;V&gt; 2024-03-08 to 2024-04-17: gap")
	if unit < 0 || gap < unit {
		t.Errorf("want the unit switch, then the gap, escaped:\n%s", section)
	}
	if !strings.Contains(section, "1 row(s) repaired") || !strings.Contains(section, "<li>&lt;V&gt; 2024-03-06: close 0.7 -&gt; 70 (unit switch)</li>") {
		t.Errorf("repaired rows missing:\n%s", section)
	}
}
