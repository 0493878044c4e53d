package attribution

import (
	"fmt"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/synth"
	"github.com/gofolio/gofolio/portfolio"
)

// BenchmarkFromResult measures the decomposition of a whole history and
// the holdings' figures (TWR, MWR, linked contributions), the portfolio
// built once outside the timing:
//
//	go test -run '^$' -bench FromResult -benchtime 3x ./portfolio/attribution
func BenchmarkFromResult(b *testing.B) {
	for _, s := range []synth.Spec{
		{Symbols: 50, Days: 2520, Transactions: 2000, Seed: 1},
		{Symbols: 500, Days: 5000, Transactions: 50000, Seed: 1},
	} {
		w := synth.Generate(s)
		res, err := portfolio.Build(w.Transactions, portfolio.Config{Currency: "USD", Series: w.Series})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dsym_%ddays", s.Symbols, s.Days), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, err := FromResult(res, time.Time{}, time.Time{})
				if err != nil {
					b.Fatal(err)
				}
				d.Holdings()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(s.Symbols*s.Days), "ns/symbol-day")
		})
	}
}
