package portfolio_test

import (
	"math"
	"runtime"
	"testing"

	"github.com/gofolio/gofolio/internal/synth"
	"github.com/gofolio/gofolio/portfolio"
)

// TestBuildSameOnAnyNumberOfCPUs: the symbols run in parallel chunks, and
// the result is the same to the last bit whether one goroutine or several
// run them (the chunks are cut by size, not by CPU count, and merged in
// order). Run with -race, it also shows the chunks share nothing they write.
func TestBuildSameOnAnyNumberOfCPUs(t *testing.T) {
	// 60 symbols over 2,000 days: 16 symbols a chunk, 4 chunks.
	w := synth.Generate(synth.Spec{Symbols: 60, Days: 2000, Transactions: 3000, Seed: 7})
	build := func(procs int) *portfolio.Result {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		res, err := portfolio.Build(w.Transactions, portfolio.Config{Currency: "USD", Series: w.Series})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	one, four := build(1), build(4)
	same := func(name string, a, b []float64) {
		t.Helper()
		if len(a) != len(b) {
			t.Fatalf("%s: %d rows and %d rows", name, len(a), len(b))
		}
		for i := range a {
			if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
				t.Fatalf("%s[%d]: %v on one CPU, %v on four", name, i, a[i], b[i])
			}
		}
	}
	h1, h4 := one.Holdings, four.Holdings
	same("Quantity", h1.Quantity(), h4.Quantity())
	same("Value", h1.Value(), h4.Value())
	same("CostBasis", h1.CostBasis(), h4.CostBasis())
	same("Realized", h1.Realized(), h4.Realized())
	same("Dividends", h1.Dividends(), h4.Dividends())
	same("Commissions", h1.Commissions(), h4.Commissions())
	p1, p4 := one.Performance, four.Performance
	same("Cash", p1.Cash, p4.Cash)
	same("Value", p1.Value, p4.Value)
	same("DailyReturn", p1.DailyReturn, p4.DailyReturn)
	same("Cash USD", one.Cash["USD"], four.Cash["USD"])
	if len(h1.Symbols) != 60 {
		t.Fatalf("%d symbols, want 60", len(h1.Symbols))
	}
}

// TestBuildProblemsFromEveryChunk: an oversell in each of several chunks
// is reported, every one, in file order.
func TestBuildProblemsFromEveryChunk(t *testing.T) {
	w := synth.Generate(synth.Spec{Symbols: 60, Days: 2000, Transactions: 3000, Seed: 7})
	txs := append([]portfolio.Transaction(nil), w.Transactions...)
	last := txs[len(txs)-1].Date
	// Sell a million shares of the first and the last symbol (different
	// chunks), the last one earlier in the file.
	for i, sym := range []string{w.Symbols[len(w.Symbols)-1], w.Symbols[0]} {
		txs = append(txs, portfolio.Transaction{Date: last, Kind: portfolio.Sell, Symbol: sym, Quantity: 1e6,
			Origin: portfolio.Origin{File: "t.csv", Row: 100000 + i}})
	}
	_, err := portfolio.Build(txs, portfolio.Config{Currency: "USD", Series: w.Series})
	ve, ok := err.(*portfolio.ValidationError)
	if !ok || len(ve.Problems) != 2 {
		t.Fatalf("err = %v, want 2 problems", err)
	}
	if ve.Problems[0].Row != 100000 || ve.Problems[1].Row != 100001 || ve.Problems[0].Column != "quantity" {
		t.Errorf("problems %v, want the oversells of rows 100000 and 100001 in that order", ve.Problems)
	}
}
