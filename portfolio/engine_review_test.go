package portfolio

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// TestBuildMarketValueIsTheValueColumnsSum: the performance frame's
// market value is, every day, the sum of the holdings' Value column (and
// of At's values), and finite. The case: Y, quoted in the reporting
// currency, is received by a SPINOFF on d2, before any other row uses the
// reporting currency (a deposit of it on d4). Its rate was NaN on d2 and
// d3, before the currency's first use, until the SPINOFF counted as a use
// of its To's currency; and valuing a run in the reporting currency
// without reading its rate (a speed-up) made the market value finite there
// while the column was NaN.
func TestBuildMarketValueIsTheValueColumnsSum(t *testing.T) {
	x := testSeries("X", "EUR", days(d1, d2, d3, d4, d5), 10, 12, 9, 15, 14)
	y := testSeries("Y", "USD", days(d1, d2, d3, d4, d5), 5, 6, 7, 8, 9)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Currency: "EUR"},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 10},
		{Date: d2, Kind: SpinOff, Symbol: "X", To: "Y", Quantity: 5, Fraction: 0.2},
		{Date: d4, Kind: Deposit, Amount: 100},
	}
	rates := fakeRates{to: "USD", rates: map[string]map[time.Time]float64{"EUR": {d1: 1.1}}}
	res := build(t, txs, Config{Currency: "USD", Series: market(x, y), Rates: rates})
	h, mv := res.Holdings, res.Performance.MarketValue
	value := h.Value()
	for d := range h.Dates {
		sum := 0.0
		for s := range h.Symbols {
			sum += value[h.Row(s, d)]
			if at := h.At(s, d).Value; math.Float64bits(at) != math.Float64bits(value[h.Row(s, d)]) {
				t.Errorf("day %d, %s: At's value %v, the Value column's %v", d, h.Symbols[s], at, value[h.Row(s, d)])
			}
		}
		if math.IsNaN(sum) || math.IsNaN(mv[d]) || math.Abs(sum-mv[d]) > 1e-9 {
			t.Errorf("day %d: market value %v, the Value column sums to %v", d, mv[d], sum)
		}
	}
}

// TestBuildQuantityColumnIsFillColumns: Build writes the holdings'
// Quantity column as it books each symbol (valueRuns) instead of filling
// it from the runs on first use; on random portfolios of two accounts,
// with and without a selection, every symbol's rows must be, to the bit
// (a -0 included, and 0 before the first trade), what fillColumn gives.
func TestBuildQuantityColumnIsFillColumns(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4, d5, d8), 10, 12, 9, 15, 14, 16)
	y := testSeries("Y", "USD", days(d1, d2, d3, d4, d5, d8), 50, 40, 45, 60, 55, 52)
	for seed := range uint64(100) {
		txs := randomAccountTxs(rand.New(rand.NewPCG(seed, 23)), x, y)
		for _, accounts := range [][]string{nil, {"B"}} {
			h := build(t, txs, Config{Currency: "USD", Series: market(x, y), Accounts: accounts}).Holdings
			got, n := h.Quantity(), len(h.Dates)
			for s := range h.Symbols {
				want := make([]float64, n)
				h.fillColumn(columnQuantity, s, want)
				for d := range want {
					if math.Float64bits(got[s*n+d]) != math.Float64bits(want[d]) {
						t.Fatalf("seed %d, accounts %q, %s day %d: Quantity %v, fillColumn %v", seed, accounts, h.Symbols[s], d, got[s*n+d], want[d])
					}
				}
			}
		}
	}
}

// TestBuildMergerIntoAnotherCurrency: a MERGER into a symbol quoted in a
// currency no row uses (CHF) converts the new shares at CHF's rates from
// the merger's day. Build panicked (CHF had no rates: the merger did not
// count as a use of it). By hand: 10 X at 100 EUR become 20 Y, valued on
// d3 at 60 CHF × 1.2 = 1,440 USD; the EUR cash, 1,000 − 1,000 = 0.
func TestBuildMergerIntoAnotherCurrency(t *testing.T) {
	x := testSeries("X", "EUR", days(d1, d2, d3), 100, 100, 100)
	y := testSeries("Y", "CHF", days(d1, d2, d3), 50, 55, 60)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Currency: "EUR"},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 100},
		{Date: d2, Kind: Merger, Symbol: "X", To: "Y", Quantity: 20},
	}
	rates := fakeRates{to: "USD", rates: map[string]map[time.Time]float64{"EUR": {d1: 1.1}, "CHF": {d1: 1.2}}}
	res := build(t, txs, Config{Currency: "USD", Series: market(x, y), Rates: rates})
	if got := res.Performance.MarketValue[2]; math.Abs(got-1440) > 1e-9 {
		t.Errorf("market value on d3 %v, want 20 × 60 CHF × 1.2 = 1440", got)
	}
}
