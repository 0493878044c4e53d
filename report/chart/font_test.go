package chart

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
)

// TestChartsUseGoSans: every chart's text is measured with Go Sans, which
// is compiled in, not Liberation Serif (which an SVG only names, and a
// viewer without it draws with another font's widths: issue 18's
// overlapping legend and "200" for 2001); and WriteSVG embeds it.
func TestChartsUseGoSans(t *testing.T) {
	if plot.DefaultFont.Typeface != Typeface || !font.DefaultCache.Has(font.Font{Typeface: Typeface}) {
		t.Fatalf("default font %+v; want %q, in gonum/plot's font cache", plot.DefaultFont, Typeface)
	}
	d := []time.Time{time.Date(2000, 1, 3, 0, 0, 0, 0, time.UTC), time.Date(2001, 1, 2, 0, 0, 0, 0, time.UTC)}
	p, err := Performance("Performance", Line{Name: "Portfolio", Dates: d, Values: []float64{0, 0.1}})
	if err != nil {
		t.Fatal(err)
	}
	for what, f := range map[string]font.Font{"title": p.Title.TextStyle.Font, "x ticks": p.X.Tick.Label.Font, "y ticks": p.Y.Tick.Label.Font} {
		if f.Typeface != Typeface {
			t.Errorf("%s font %q, want %q", what, f.Typeface, Typeface)
		}
	}
	var svg bytes.Buffer
	if err := WriteSVG(&svg, p); err != nil {
		t.Fatal(err)
	}
	s := svg.String()
	// vgsvg names an embedded font by the family in the font file: "Go"
	if !strings.Contains(s, `font-family:"Go";`) || !strings.Contains(s, "src: url(data:font/ttf;") || strings.Contains(s, "Liberation") {
		t.Errorf("the SVG does not embed Go Sans (or still names Liberation): %.300s", s)
	}
}
