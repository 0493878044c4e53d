package portfolio_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/gofolio/gofolio/internal/synth"
	"github.com/gofolio/gofolio/portfolio"
)

// BenchmarkBuild measures the engine alone (market data in memory). The
// largest size is the target of the core issue: 500 symbols × 5000
// trading days × 50,000 transactions in under 1 s and 1 GiB.
//
//	go test -run '^$' -bench Build -benchmem ./portfolio/
//
// "build" is Build alone: the performance frame, and the holdings'
// positions; "all_columns" also fills the eight holdings columns Build
// leaves to first use. The series' day numbers are computed by the first
// Build and cached with them (quotes.Series.DayNumbers), as pandas
// indexes its frame while loading.
func BenchmarkBuild(b *testing.B) {
	for _, s := range []synth.Spec{
		{Symbols: 50, Days: 2520, Transactions: 2000, Seed: 1},
		{Symbols: 500, Days: 5000, Transactions: 50000, Seed: 1},
	} {
		w := synth.Generate(s)
		for _, all := range []bool{false, true} {
			name := fmt.Sprintf("%dsym_%ddays_%dtx/build", s.Symbols, s.Days, s.Transactions)
			if all {
				name = fmt.Sprintf("%dsym_%ddays_%dtx/all_columns", s.Symbols, s.Days, s.Transactions)
			}
			b.Run(name, func(b *testing.B) {
				var peak uint64
				b.ReportAllocs()
				for b.Loop() {
					res, err := portfolio.Build(w.Transactions, portfolio.Config{Currency: "USD", Series: w.Series})
					if err != nil {
						b.Fatal(err)
					}
					if h := res.Holdings; all {
						for _, column := range []func() []float64{h.Quantity, h.Close, h.Value, h.CostBasis, h.Unrealized, h.Realized, h.Dividends, h.Commissions} {
							column()
						}
					}
					var ms runtime.MemStats
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapInuse)
					runtime.KeepAlive(res)
				}
				symDays := float64(s.Symbols * s.Days)
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/symDays, "ns/symbol-day")
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			})
		}
	}
}
