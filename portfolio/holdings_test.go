package portfolio_test

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/synth"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
)

// holdingsCases are builds whose holdings exercise every kind of run: buys
// and sells to zero (synthetic), and a split, a dividend, a stock quoted in
// pence valued in another currency at a changing rate.
func holdingsCases(t *testing.T) map[string]*portfolio.Result {
	t.Helper()
	w := synth.Generate(synth.Spec{Symbols: 40, Days: 600, Transactions: 1500, Seed: 3})
	synthetic, err := portfolio.Build(w.Transactions, portfolio.Config{Currency: "USD", Series: w.Series})
	if err != nil {
		t.Fatal(err)
	}

	d := []time.Time{quotes.Date(2024, 1, 2), quotes.Date(2024, 1, 3), quotes.Date(2024, 1, 4), quotes.Date(2024, 1, 5)}
	x := &quotes.Series{Symbol: "X", Currency: "USD", Dates: d, Close: []float64{50, 55, 60, 61}, SplitAdjusted: true,
		Splits:    []quotes.Split{{Date: d[2], Numerator: 2, Denominator: 1}},
		Dividends: []quotes.Dividend{{Date: d[1], Amount: 0.5}}}
	l := &quotes.Series{Symbol: "L.L", Currency: "GBp", Dates: d[1:], Close: []float64{200, 210, 190}}
	rates := poundRates{change: d[2]}
	txs := []portfolio.Transaction{
		{Date: d[0], Kind: portfolio.Deposit, Amount: 5000},
		{Date: d[0], Kind: portfolio.Buy, Symbol: "X", Quantity: 10, Price: 100, Commission: 1},
		{Date: d[1], Kind: portfolio.Buy, Symbol: "L.L", Quantity: 100, Commission: 2, Currency: "GBP"},
		{Date: d[2], Kind: portfolio.Sell, Symbol: "X", Quantity: 20, Price: 60, Commission: 1},
		{Date: d[3], Kind: portfolio.Sell, Symbol: "L.L", Quantity: 40},
	}
	mixed, err := portfolio.Build(txs, portfolio.Config{Currency: "USD", Series: map[string]*quotes.Series{"X": x, "L.L": l}, Rates: rates})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*portfolio.Result{"synthetic": synthetic, "split, dividend, pence": mixed}
}

// poundRates converts pounds (GBP) and pence (GBp) to dollars: 1.25 a
// pound before the change day, 1.3 from it.
type poundRates struct{ change time.Time }

func (r poundRates) Rates(from, to string, dates []time.Time) ([]float64, error) {
	if to != "USD" || (from != "GBP" && from != "GBp") {
		return nil, fmt.Errorf("poundRates: no %s→%s", from, to)
	}
	out := make([]float64, len(dates))
	for i, d := range dates {
		out[i] = 1.25
		if !d.Before(r.change) {
			out[i] = 1.3
		}
		if from == "GBp" {
			out[i] /= 100
		}
	}
	return out, nil
}

// TestHoldingsAtIsTheColumns: a row read with At is the row of the
// columns, to the last bit, and the performance frame's market value is
// the sum of the Value column.
func TestHoldingsAtIsTheColumns(t *testing.T) {
	for name, res := range holdingsCases(t) {
		h := res.Holdings
		columns := map[string][]float64{
			"Quantity": h.Quantity(), "Close": h.Close(), "Value": h.Value(), "CostBasis": h.CostBasis(),
			"Unrealized": h.Unrealized(), "Realized": h.Realized(), "Dividends": h.Dividends(), "Commissions": h.Commissions(),
		}
		for col, values := range columns {
			if want := len(h.Symbols) * len(h.Dates); len(values) != want {
				t.Fatalf("%s: %s has %d rows, want %d", name, col, len(values), want)
			}
		}
		for s := range h.Symbols {
			for d := range h.Dates {
				p, r := h.At(s, d), h.Row(s, d)
				got := map[string]float64{
					"Quantity": p.Quantity, "Close": p.Close, "Value": p.Value, "CostBasis": p.CostBasis,
					"Unrealized": p.Unrealized, "Realized": p.Realized, "Dividends": p.Dividends, "Commissions": p.Commissions,
				}
				for col, values := range columns {
					if math.Float64bits(got[col]) != math.Float64bits(values[r]) {
						t.Fatalf("%s: At(%d, %d).%s = %v, the column has %v", name, s, d, col, got[col], values[r])
					}
				}
				if p.Symbol != h.Symbols[s] || p.QuoteCurrency != h.QuoteCurrency[s] || !math.IsNaN(p.Weight) {
					t.Fatalf("%s: At(%d, %d) = %+v", name, s, d, p)
				}
			}
			// Printed, because NaN (the Weight) is not equal to itself.
			if last, fromEnd := h.At(s, len(h.Dates)-1), h.At(s, -1); fmt.Sprint(last) != fmt.Sprint(fromEnd) {
				t.Fatalf("%s: At(%d, -1) = %+v, the last day is %+v", name, s, fromEnd, last)
			}
		}
		for d := range h.Dates {
			var sum float64
			for s := range h.Symbols {
				sum += h.Value()[h.Row(s, d)]
			}
			if mv := res.Performance.MarketValue[d]; math.Abs(mv-sum) > 1e-9*math.Max(1, math.Abs(sum)) {
				t.Fatalf("%s: MarketValue[%d] = %v, the Value column sums to %v", name, d, mv, sum)
			}
		}
	}
}

// TestHoldingsMixedByHand checks the lazily filled columns of the mixed
// case against values worked out by hand.
func TestHoldingsMixedByHand(t *testing.T) {
	res := holdingsCases(t)["split, dividend, pence"]
	h := res.Holdings
	if got := h.Symbols; len(got) != 2 || got[0] != "L.L" || got[1] != "X" {
		t.Fatalf("symbols %q", got)
	}
	at := func(sym, col string, d int, want float64) {
		t.Helper()
		s := map[string]int{"L.L": 0, "X": 1}[sym]
		got := map[string][]float64{"Quantity": h.Quantity(), "Value": h.Value(), "CostBasis": h.CostBasis(),
			"Unrealized": h.Unrealized(), "Realized": h.Realized(), "Dividends": h.Dividends(), "Commissions": h.Commissions()}[col][h.Row(s, d)]
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s %s on day %d = %.10g, want %.10g", sym, col, d, got, want)
		}
	}
	// X: 10 bought at 100 + 1 on day 0 (cost 1001); ex-dividend 0.5
	// adjusted = 1.0 as paid on day 1: 10; split 2:1 on day 2 → 20 shares,
	// all sold at 60 − 1: realized 1199 − 1001 = 198.
	at("X", "Quantity", 0, 10)
	at("X", "Value", 0, 10*100) // the adjusted close 50 × 2 = 100 as traded
	at("X", "Unrealized", 0, 1000-1001)
	at("X", "Dividends", 1, 10)
	at("X", "Quantity", 2, 0)
	at("X", "Value", 2, 0)
	at("X", "CostBasis", 2, 0)
	at("X", "Realized", 3, 198)
	at("X", "Commissions", 3, 2)
	// L.L: 100 at the close of 200p with £2 commission on day 1 at 1.25:
	// cost (200 + 2) × 1.25 = 252.5; on day 2, 100 × 210p × 0.013 = 273.
	// Day 3: 40 sold at 190p (£76, at 1.3: 98.8); average cost 2.525 a share.
	at("L.L", "Quantity", 0, 0)
	at("L.L", "CostBasis", 1, 252.5)
	at("L.L", "Value", 1, 100*2*1.25)
	at("L.L", "Value", 2, 100*2.1*1.3)
	at("L.L", "Unrealized", 2, 273-252.5)
	at("L.L", "Quantity", 3, 60)
	at("L.L", "CostBasis", 3, 252.5*0.6)
	at("L.L", "Realized", 3, 98.8-40*2.525)
	at("L.L", "Value", 3, 60*1.9*1.3)
}

// TestHoldingsColumnsConcurrently: columns filled from many goroutines at
// once are filled once and shared (run with -race by test.sh).
func TestHoldingsColumnsConcurrently(t *testing.T) {
	w := synth.Generate(synth.Spec{Symbols: 30, Days: 1500, Transactions: 500, Seed: 5})
	res, err := portfolio.Build(w.Transactions, portfolio.Config{Currency: "USD", Series: w.Series})
	if err != nil {
		t.Fatal(err)
	}
	h := res.Holdings
	columns := []func() []float64{h.Quantity, h.Value, h.CostBasis, h.Unrealized, h.Realized, h.Dividends, h.Commissions}
	got := make([][][]float64, 8)
	var wg sync.WaitGroup
	for g := range got {
		got[g] = make([][]float64, len(columns))
		wg.Go(func() {
			for k := range columns {
				k = (k + g) % len(columns) // each goroutine starts on another column
				got[g][k] = columns[k]()
			}
		})
	}
	wg.Wait()
	for g := range got {
		for k := range columns {
			if &got[g][k][0] != &got[0][k][0] {
				t.Fatalf("column %d was filled more than once", k)
			}
		}
	}
}

// TestHoldingsAtOutOfRange: At names what was out of range rather than
// reading another symbol's row.
func TestHoldingsAtOutOfRange(t *testing.T) {
	h := holdingsCases(t)["split, dividend, pence"].Holdings
	for _, at := range [][2]int{{0, len(h.Dates)}, {0, -len(h.Dates) - 1}, {2, 0}, {-1, 0}} {
		func() {
			defer func() {
				want := fmt.Sprintf("portfolio: Holdings.At(%d, ", at[0])
				if r := recover(); r == nil || !strings.HasPrefix(fmt.Sprint(r), want) {
					t.Errorf("At(%d, %d): recovered %v, want a panic starting %q", at[0], at[1], r, want)
				}
			}()
			h.At(at[0], at[1])
		}()
	}
	var zero portfolio.Holdings
	if zero.Quantity() != nil || zero.Value() != nil {
		t.Error("a zero Holdings has columns")
	}
}
