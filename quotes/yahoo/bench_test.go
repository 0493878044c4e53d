package yahoo

import (
	"fmt"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// The figures of the issue: a local server adding 100 ms to every
// request, 50 symbols of 10 years each, default concurrency (4).
//
//	go test -run '^$' -bench . -benchtime 3x ./quotes/yahoo/
//
// Each benchmark reports requests/op, counted at the server.
const benchSymbols = 50

func benchSetup(b *testing.B) (*fakeYahoo, *clock, Options, []string) {
	f := newFakeYahoo(b)
	f.latency = 100 * time.Millisecond
	c := &clock{now: friday}
	o := testOptions(b, f, c, &warnings{})
	o.Warn = func(err error) { b.Error(err) }
	syms := make([]string, benchSymbols)
	for i := range syms {
		syms[i] = fmt.Sprintf("SYM%02d", i)
	}
	return f, c, o, syms
}

var tenYearsAgo = quotes.Date(2015, 1, 10)

// BenchmarkCold fetches 50 symbols x 10 years into an empty cache.
func BenchmarkCold(b *testing.B) {
	f, _, o, syms := benchSetup(b)
	for b.Loop() {
		b.StopTimer()
		o.CacheDir = b.TempDir()
		src := mustNew(b, o)
		b.StartTimer()
		got, err := src.SeriesBatch(bg, syms, tenYearsAgo, time.Time{})
		if err != nil || len(got) != benchSymbols || got["SYM00"].Len() < 2600 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(f.charts.Load())/float64(b.N), "requests/op")
}

// BenchmarkWarm asks again for the same range, at once.
func BenchmarkWarm(b *testing.B) {
	f, _, o, syms := benchSetup(b)
	src := mustNew(b, o)
	if _, err := src.SeriesBatch(bg, syms, tenYearsAgo, time.Time{}); err != nil {
		b.Fatal(err)
	}
	cold := f.charts.Load()
	for b.Loop() {
		if _, err := src.SeriesBatch(bg, syms, tenYearsAgo, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(f.charts.Load()-cold)/float64(b.N), "requests/op")
}

// BenchmarkNextDay asks for the range extended by one day, a day later:
// one small request per symbol.
func BenchmarkNextDay(b *testing.B) {
	f, c, o, syms := benchSetup(b)
	src := mustNew(b, o)
	if _, err := src.SeriesBatch(bg, syms, tenYearsAgo, time.Time{}); err != nil {
		b.Fatal(err)
	}
	cold := f.charts.Load()
	for b.Loop() {
		c.Add(24 * time.Hour)
		if _, err := src.SeriesBatch(bg, syms, tenYearsAgo, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(f.charts.Load()-cold)/float64(b.N), "requests/op")
}
