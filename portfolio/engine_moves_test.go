package portfolio

import (
	"testing"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// moveTxs: 10 X at 10 (d1, cost 100) and 10 at 30 (d2, cost 300), then
// the corporate action on d3.
func moveTxs(action Transaction) []Transaction {
	action.Date, action.Symbol, action.To = d3, "X", "Y"
	return []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 10},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 10, Price: 30},
		action,
	}
}

// TestBuildBooksMoves, by hand, for average cost and FIFO; on d3 X held
// 20 shares costing 400 (lots: 10 for 100 on d1, 10 for 300 on d2). Each
// conserves cost: X's cost before = X's after + Y's + the cost disposed.
//
//   - SYMBOLCHANGE: Y holds the 20 shares for 400, X nothing:
//     400 = 0 + 400 + 0.
//   - SPINOFF of 5 Y with a fraction of 0.25: X keeps 20 shares for 300,
//     Y gets 5 for 100: 400 = 300 + 100 + 0.
//   - MERGER into 8 Y worth 50 each (400) plus 100 cash: f = 100 / (100 +
//     400) = 0.2 of the 20 shares, 4, are sold for 100. Average: cost 80,
//     realized 20, Y gets 8 for 320 (400 = 0 + 320 + 80). FIFO, LIFO and
//     specific (no lot named) the same: the cash is paid on every share,
//     so the 4 are 0.2 of each lot, 2 + 2 (cost 20 + 60 = 80; before, FIFO
//     took lot 1 and specific refused). Cash 1000 − 400 + 100 = 700.
func TestBuildBooksMoves(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 30, 10, 10)
	y := testSeries("Y", "USD", days(d1, d2, d3, d4), 50, 50, 50, 50)
	for _, c := range []struct {
		name           string
		action         Transaction
		m              lots.Method
		xQty, xCost    float64
		yQty, yCost    float64
		realized, cash float64
	}{
		{"symbol change", Transaction{Kind: SymbolChange}, lots.Average, 0, 0, 20, 400, 0, 600},
		{"symbol change fifo", Transaction{Kind: SymbolChange}, lots.FIFO, 0, 0, 20, 400, 0, 600},
		{"spin-off", Transaction{Kind: SpinOff, Quantity: 5, Fraction: 0.25}, lots.Average, 20, 300, 5, 100, 0, 600},
		{"spin-off fifo", Transaction{Kind: SpinOff, Quantity: 5, Fraction: 0.25}, lots.FIFO, 20, 300, 5, 100, 0, 600},
		{"merger", Transaction{Kind: Merger, Quantity: 8, Price: 50, Amount: 100}, lots.Average, 0, 0, 8, 320, 20, 700},
		{"merger fifo", Transaction{Kind: Merger, Quantity: 8, Price: 50, Amount: 100}, lots.FIFO, 0, 0, 8, 320, 20, 700},
		{"merger lifo", Transaction{Kind: Merger, Quantity: 8, Price: 50, Amount: 100}, lots.LIFO, 0, 0, 8, 320, 20, 700},
		{"merger specific", Transaction{Kind: Merger, Quantity: 8, Price: 50, Amount: 100}, lots.Specific, 0, 0, 8, 320, 20, 700},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := build(t, moveTxs(c.action), Config{Currency: "USD", Series: market(x, y), Lots: c.m})
			h := res.Holdings
			xr, yr := h.Row(0, 2), h.Row(1, 2)
			near(t, "X quantity", h.Quantity()[xr], c.xQty)
			near(t, "X cost", h.CostBasis()[xr], c.xCost)
			near(t, "X realized", h.Realized()[xr], c.realized)
			near(t, "Y quantity", h.Quantity()[yr], c.yQty)
			near(t, "Y cost", h.CostBasis()[yr], c.yCost)
			near(t, "Y realized", h.Realized()[yr], 0)
			near(t, "cost conserved", 400, h.CostBasis()[xr]+h.CostBasis()[yr]+(c.cash-600)-c.realized)
			near(t, "cash", res.Cash["USD"][2], c.cash)
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

// TestBuildMovedLotsKeepTheirDates: after a FIFO spin-off, Y's lots are
// X's dates: 2.5 shares for 25 (d1) and 2.5 for 75 (d2); selling 2.5 Y
// at 50 on d4 takes the d1 lot: realized 125 − 25 = 100 (average: 100 /
// 5 × 2.5 = 50, realized 75).
func TestBuildMovedLotsKeepTheirDates(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 30, 10, 10)
	y := testSeries("Y", "USD", days(d1, d2, d3, d4), 50, 50, 50, 50)
	txs := append(moveTxs(Transaction{Kind: SpinOff, Quantity: 5, Fraction: 0.25}),
		Transaction{Date: d4, Kind: Sell, Symbol: "Y", Quantity: 2.5, Price: 50})
	for m, want := range map[lots.Method]float64{lots.FIFO: 100, lots.Average: 75} {
		res := build(t, txs, Config{Currency: "USD", Series: market(x, y), Lots: m})
		near(t, m.String()+" Y realized", res.Holdings.Realized()[res.Holdings.Row(1, 3)], want)
	}
}

// TestBuildMoveProblems: a move needs its symbol held and a To the market
// data knows; a spin-off's fraction is in (0, 1].
func TestBuildMoveProblems(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 30, 10, 10)
	y := testSeries("Y", "USD", days(d1, d2, d3, d4), 50, 50, 50, 50)
	o := func(r int) Origin { return Origin{File: "t.csv", Row: r} }
	_, err := Build([]Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: o(2)},
		{Date: d2, Kind: SymbolChange, Symbol: "X", To: "Y", Origin: o(3)},
		{Date: d3, Kind: SymbolChange, Symbol: "X", To: "Z", Origin: o(4)},
		{Date: d3, Kind: SpinOff, Symbol: "X", To: "Y", Quantity: 1, Fraction: 1.5, Origin: o(5)},
	}, Config{Currency: "USD", Series: market(x, y)})
	wantProblems(t, err,
		`t.csv, row 4, column to: "Z": a symbol the market data knows, with prices (known: X, Y)`,
		`t.csv, row 5, column fraction: "1.5": `+buildExpectFraction)
	_, err = Build([]Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: o(2)},
		{Date: d2, Kind: SymbolChange, Symbol: "X", To: "Y", Origin: o(3)},
	}, Config{Currency: "USD", Series: market(x, y)})
	wantProblems(t, err, `t.csv, row 3, column symbol: "X": a symbol held on 2024-01-02: a SYMBOLCHANGE needs shares of it`)
}

// TestBuildMovesToAnEarlierSymbol: X changing to A, which sorts first, is
// booked after X (moveOrder): A holds the 20 shares for 400.
func TestBuildMovesToAnEarlierSymbol(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 30, 10, 10)
	a := testSeries("A", "USD", days(d1, d2, d3, d4), 50, 50, 50, 50)
	txs := moveTxs(Transaction{Kind: SymbolChange})
	txs[3].To = "A"
	res := build(t, txs, Config{Currency: "USD", Series: market(x, a), Lots: lots.FIFO})
	h := res.Holdings
	near(t, "A quantity", h.Quantity()[h.Row(0, 3)], 20)
	near(t, "A cost", h.CostBasis()[h.Row(0, 3)], 400)
	near(t, "X quantity", h.Quantity()[h.Row(1, 3)], 0)
}

// TestSymbolsIncludeTo: Fetch gets the series a corporate action moves
// shares to.
func TestSymbolsIncludeTo(t *testing.T) {
	got := Symbols(append(moveTxs(Transaction{Kind: SpinOff, Quantity: 1, Fraction: 0.1}),
		Transaction{Kind: Deposit, Symbol: "CASH"}))
	if len(got) != 2 || got[0] != "X" || got[1] != "Y" {
		t.Errorf("Symbols = %q, want [X Y]", got)
	}
}
