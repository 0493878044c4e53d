package dataframe

import (
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
)

// Test days: Monday 2024-01-01 .. Wednesday 2024-01-03 (as in package
// portfolio's tests).
var (
	d1 = quotes.Date(2024, 1, 1)
	d2 = quotes.Date(2024, 1, 2)
	d3 = quotes.Date(2024, 1, 3)
)

func testSeries(sym, ccy string, dates []time.Time, closes ...float64) *quotes.Series {
	return &quotes.Series{Symbol: sym, Currency: ccy, Dates: dates[:len(closes)], Close: closes}
}

func days(ds ...time.Time) []time.Time { return ds }

func market(ss ...*quotes.Series) map[string]*quotes.Series {
	m := map[string]*quotes.Series{}
	for _, s := range ss {
		m[s.Symbol] = s
	}
	return m
}

// TestHoldingsRows: the DataFrame holds each symbol's rows from
// the first day it is held, as its doc says: X from day 1 (sold out on
// day 2, it keeps its rows for its realized P&L), Y from day 3.
func TestHoldingsRows(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 121)
	y := testSeries("Y", "USD", days(d1, d2, d3), 10, 10, 10)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d1, Kind: portfolio.Deposit, Amount: 1000},
		{Date: d1, Kind: portfolio.Buy, Symbol: "X", Quantity: 2},
		{Date: d2, Kind: portfolio.Sell, Symbol: "X", Quantity: 2},
		{Date: d3, Kind: portfolio.Buy, Symbol: "Y", Quantity: 1},
	}, portfolio.Config{Currency: "USD", Series: market(x, y)})
	if err != nil {
		t.Fatal(err)
	}
	df := Holdings(res.Holdings)
	// X: days 1-3 (held, then its realized P&L); Y: day 3 only. The
	// columns have 2 × 3 = 6 rows; the frame 4.
	want := [][2]string{{"2024-01-01", "X"}, {"2024-01-02", "X"}, {"2024-01-03", "X"}, {"2024-01-03", "Y"}}
	if df.Nrow() != len(want) {
		t.Fatalf("DataFrame has %d rows, want %d", df.Nrow(), len(want))
	}
	for i, w := range want {
		if got := [2]string{df.Elem(i, 0).String(), df.Elem(i, 1).String()}; got != w {
			t.Errorf("row %d = %v, want %v", i, got, w)
		}
	}
}
