package portfolio

import (
	"fmt"
	"math"
	"testing"
)

// TestBuildChecksTransactionFields: a transaction made in Go is held to the
// readers' rules, and every broken field of every row is reported at once,
// with nothing computed (a NaN quantity would make every sum NaN, a
// negative amount turn a deposit into a withdrawal).
func TestBuildChecksTransactionFields(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 121)
	at := func(row int) Origin { return Origin{File: "go", Row: row} }
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: -1000, Origin: at(2)},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: math.NaN(), Price: math.Inf(1), Commission: -1, Origin: at(3)},
		{Date: d2, Kind: Sell, Symbol: "X", Quantity: 2e12, Price: -5, Amount: 3, Origin: at(4)},
		{Date: d2, Kind: Split, Symbol: "X", Quantity: 2, Origin: at(5)},
		{Date: d3, Kind: Dividend, Symbol: "X", Amount: math.Inf(-1), Quantity: 1, Origin: at(6)},
		{Date: d3, Kind: 0, Amount: 1, Origin: at(7)},
		{Date: d3, Kind: Fee, Amount: 0, Origin: at(8)},
		{Date: d3, Kind: Deposit, Amount: 1, Origin: at(9)}, // fine
	}
	_, err := Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`go, row 2, column amount: "-1000": an amount greater than 0 (the kind gives the direction)`,
		`go, row 3, column quantity: "NaN": a finite number`,
		`go, row 3, column price: "+Inf": a finite number`,
		`go, row 3, column commission: "-1": a commission of 0 or more`,
		`go, row 4, column quantity: "2e+12": a number no larger than 1e12`,
		`go, row 4, column price: "-5": a price greater than 0, or 0 for that day's close`,
		`go, row 4, column amount: "3": 0: SELL rows do not use amount`,
		`go, row 5, column price: "0": for a SPLIT, the shares after it in Quantity and those before in Price, both greater than 0 (2 and 1 for 2:1)`,
		`go, row 6, column quantity: "1": 0: DIVIDEND rows do not use quantity`,
		`go, row 6, column amount: "-Inf": a finite number`,
		`go, row 7, column kind: "Kind(0)": one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT`,
		`go, row 8, column amount: "0": an amount greater than 0 (the kind gives the direction)`)
}

// TestBuildSellOfNothingHeld: a SELL of a symbol not held is a problem
// however small, not a sale the share tolerance lets through with an
// average cost of 0/0 (NaN realized P&L); once the position is closed the
// same holds.
func TestBuildSellOfNothingHeld(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 121)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: Origin{Row: 2}},
		{Date: d1, Kind: Sell, Symbol: "X", Quantity: 1e-9, Origin: Origin{Row: 3}},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 2, Origin: Origin{Row: 4}},
		{Date: d2, Kind: Sell, Symbol: "X", Quantity: 2, Origin: Origin{Row: 5}},
		{Date: d3, Kind: Sell, Symbol: "X", Quantity: 1e-10, Origin: Origin{Row: 6}},
	}
	_, err := Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`row 3, column quantity: "0.000000001": at most the 0 shares of X held on 2024-01-01`,
		`row 6, column quantity: "0.0000000001": at most the 0 shares of X held on 2024-01-03`)
}

// TestPositionsOutOfRange: a day outside the frames is an error naming
// their range, not an empty table that reads as "nothing held".
func TestPositionsOutOfRange(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 121)
	res := build(t, []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 2},
	}, Config{Currency: "USD", Series: market(x)})
	for _, d := range []int{0, 2, -1, -3} {
		if ps, err := res.Positions(d); err != nil || len(ps) != 1 || ps[0].Symbol != "X" {
			t.Errorf("Positions(%d) = %v, %v; want X's position", d, ps, err)
		}
	}
	for _, d := range []int{3, -4, 100} {
		ps, err := res.Positions(d)
		want := fmt.Sprintf("portfolio: Result.Positions(%d): no such day: the frames have 3 dates, 0 to 2 (or -1 to -3 from the end)", d)
		if err == nil || err.Error() != want || ps != nil {
			t.Errorf("Positions(%d) = %v, %v; want the error %q", d, ps, err, want)
		}
	}
}
