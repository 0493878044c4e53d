package quality

import (
	"fmt"
	"testing"

	"github.com/gofolio/gofolio/quotes"
)

// BenchmarkCheck checks 500 series of 20 years (5,040 weekdays each),
// made from the sample market's real daily moves (each series strings
// together two of its ten-year histories, starting at a different
// stock), with a dividend a quarter and a split every five years. Compare
// with
//
//	go test -run '^$' -bench 'Build/500sym' ./portfolio/
//
// (Build of 500 symbols over 5,000 days).
func BenchmarkCheck(b *testing.B) {
	series := longSeries(b, 500, 5040)
	b.ResetTimer()
	for b.Loop() {
		if found := Check(series, Options{}); len(found) > 5000 {
			b.Fatalf("%d findings", len(found))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(500*5040), "ns/close")
}

// longSeries makes n series of days closes from the sample market's daily
// moves.
func longSeries(b testing.TB, n, days int) map[string]*quotes.Series {
	market := sampleMarket(b)
	keys := sortedKeys(market)
	dates := weekdays(days)
	out := make(map[string]*quotes.Series, n)
	for k := range n {
		src := market[keys[k%len(keys)]]
		s := &quotes.Series{Symbol: fmt.Sprintf("S%03d", k), Currency: "USD", SplitAdjusted: true, Dates: dates, Close: make([]float64, days)}
		s.Close[0] = 50
		for i := 1; i < days; i++ {
			j := 1 + (i+k)%(src.Len()-1)
			s.Close[i] = s.Close[i-1] * src.Close[j] / src.Close[j-1]
		}
		for i := 60; i < days; i += 63 {
			s.Dividends = append(s.Dividends, quotes.Dividend{Date: dates[i], Amount: 0.005 * s.Close[i-1]})
		}
		for i := 1000; i < days; i += 1260 {
			s.Splits = append(s.Splits, quotes.Split{Date: dates[i], Numerator: 2, Denominator: 1})
		}
		out[s.Symbol] = s
	}
	return out
}
