package portfolio

import (
	"testing"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// actionTxs: 10 X at 10 (d1) and 10 at 30 (d2): 20 shares costing 400;
// on d3 a stock dividend of 5 shares and a return of capital of 60; on d4
// a capital-gains distribution of 7 and a sale of 5 at 10.
func actionTxs() []Transaction {
	o := func(r int) Origin { return Origin{File: "t.csv", Row: r} }
	return []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: o(2)},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 10, Origin: o(3)},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 10, Price: 30, Origin: o(4)},
		{Date: d3, Kind: StockDividend, Symbol: "X", Quantity: 5, Origin: o(5)},
		{Date: d3, Kind: ReturnOfCapital, Symbol: "X", Amount: 60, Origin: o(6)},
		{Date: d4, Kind: CapitalGains, Symbol: "X", Amount: 7, Origin: o(7)},
		{Date: d4, Kind: Sell, Symbol: "X", Quantity: 5, Price: 10, Origin: o(8)},
	}
}

// TestBuildBooksSingleSymbolActions, by hand. On d3 the stock dividend
// adds 5 shares at no cost (25 shares, cost 400: before = after + 0), the
// return of capital takes 60 off the cost (400 = 340 + 60 reduced) and
// pays 60; on d4 the distribution of 7 is realized and paid. The sale of
// 5 at 10 (proceeds 50) takes:
//
//   - average: 340 / 25 × 5 = 68: realized 7 + 50 − 68 = −11, cost 272;
//   - fifo: the stock dividend makes lot 1 12.5 shares (× 25/20), the
//     return of capital takes 60 pro rata to cost (100: 15, 300: 45),
//     so lot 1 costs 85 and 5 of it 5/12.5 × 85 = 34: realized 7 + 50 −
//     34 = 23, cost 306.
//
// Cash: 1000 − 100 − 300 + 60 + 7 + 50 = 717. The engine's realized P&L
// equals the sum of lots.Match's gains for the same method.
func TestBuildBooksSingleSymbolActions(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 30, 10, 10)
	for _, c := range []struct {
		m              lots.Method
		realized, cost float64
	}{{lots.Average, -11, 272}, {lots.FIFO, 23, 306}} {
		t.Run(c.m.String(), func(t *testing.T) {
			res := build(t, actionTxs(), Config{Currency: "USD", Series: market(x), Lots: c.m})
			h := res.Holdings
			r3, r4 := h.Row(0, 2), h.Row(0, 3)
			near(t, "Quantity d3", h.Quantity()[r3], 25)
			near(t, "CostBasis d3", h.CostBasis()[r3], 340)
			near(t, "Realized d3", h.Realized()[r3], 0)
			near(t, "Quantity d4", h.Quantity()[r4], 20)
			near(t, "CostBasis d4", h.CostBasis()[r4], c.cost)
			near(t, "Realized d4", h.Realized()[r4], c.realized)
			near(t, "Cash d4", res.Cash["USD"][3], 717)
			rep, err := res.Gains(c.m, "")
			if err != nil {
				t.Fatal(err)
			}
			sum := 0.0
			for _, d := range rep.Disposals {
				sum += d.Gain
			}
			near(t, "lots.Match gains", sum, c.realized)
		})
	}
}

// TestBuildReturnOfCapitalBeyondCost: 500 returned on a cost of 400
// leaves no cost (400 = 0 + 400 reduced) and realizes the excess, 100.
func TestBuildReturnOfCapitalBeyondCost(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 30, 10, 10)
	txs := actionTxs()[:3]
	txs = append(txs, Transaction{Date: d3, Kind: ReturnOfCapital, Symbol: "X", Amount: 500})
	for _, m := range []lots.Method{lots.Average, lots.FIFO} {
		res := build(t, txs, Config{Currency: "USD", Series: market(x), Lots: m})
		h := res.Holdings
		r := h.Row(0, 2)
		near(t, m.String()+" CostBasis", h.CostBasis()[r], 0)
		near(t, m.String()+" Realized", h.Realized()[r], 100)
		near(t, m.String()+" Quantity", h.Quantity()[r], 20)
	}
}

// TestBuildActionOnNothingHeld: a stock dividend needs shares held, a
// return of capital or distribution shares held in the dividend window;
// a corporate action's numbers follow the readers' rules.
func TestBuildActionOnNothingHeld(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 30, 10, 10)
	o := func(r int) Origin { return Origin{File: "t.csv", Row: r} }
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: o(2)},
		{Date: d2, Kind: StockDividend, Symbol: "X", Quantity: 5, Origin: o(3)},
		{Date: d2, Kind: ReturnOfCapital, Symbol: "X", Amount: 5, Origin: o(4)},
		{Date: d3, Kind: StockDividend, Symbol: "X", Quantity: 5, Amount: 1, Origin: o(5)},
	}
	_, err := Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`t.csv, row 5, column amount: "1": 0: STOCKDIVIDEND rows do not use amount`)
	_, err = Build(txs[:3], Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`t.csv, row 3, column symbol: "X": a symbol held on 2024-01-02: a STOCKDIVIDEND needs shares of it`,
		`t.csv, row 4, column symbol: "X": a symbol held on the day or in the 60 days before: no X was held then (is the symbol right?)`)
}
