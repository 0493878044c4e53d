package portfolio_test

import (
	"testing"

	"github.com/gofolio/gofolio/internal/synth"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
)

// BenchmarkBuildLots compares Build by cost-basis method at the core
// issue's largest size (500 symbols × 5000 trading days × 50,000
// transactions): the target is fifo (and uk, booked as the Section 104
// pool) under twice average's time. "match_uk" is lots.Match alone, the
// gains report's UK share identification over the same transactions.
//
//	go test -run '^$' -bench BuildLots -benchmem ./portfolio/
func BenchmarkBuildLots(b *testing.B) {
	w := synth.Generate(synth.Spec{Symbols: 500, Days: 5000, Transactions: 50000, Seed: 1})
	for _, m := range []lots.Method{lots.Average, lots.FIFO, lots.HIFO, lots.UK} {
		b.Run(m.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := portfolio.Build(w.Transactions, portfolio.Config{Currency: "USD", Series: w.Series, Lots: m}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	res, err := portfolio.Build(w.Transactions, portfolio.Config{Currency: "USD", Series: w.Series})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("match_uk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := lots.Match(res.Transactions, lots.Options{Method: lots.UK, Currency: "USD", Rates: res.Rates}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
