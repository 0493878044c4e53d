package notebook

import (
	"math"
	"testing"

	"github.com/gofolio/gofolio/report/chart"
)

// tenYears is three lines over 2,520 trading days, the size of the sample
// portfolio's performance chart.
func tenYears() []chart.Line {
	dates := days("1991-01-14", 2520)
	lines := make([]chart.Line, 3)
	for i := range lines {
		v := make([]float64, len(dates))
		for j := range v {
			v[j] = float64(i+1) * math.Sin(float64(j)/200) * 0.3
		}
		lines[i] = chart.Line{Name: "line", Dates: dates, Values: v}
	}
	return lines
}

func BenchmarkChart(b *testing.B) {
	d := New(func(Bundle) error { return nil })
	lines := tenYears()
	for b.Loop() {
		if err := d.Chart(chart.Performance("t", lines...)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInteractive(b *testing.B) {
	var size int
	d := New(func(bu Bundle) error { size = len(bu[MIMEHTML]) + len(bu[MIMESVG]); return nil })
	lines := tenYears()
	for b.Loop() {
		if err := d.Interactive("t", lines...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size), "output-bytes")
}
