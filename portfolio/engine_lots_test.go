package portfolio

import (
	"math"
	"testing"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// lotTxs: 10 X at 10 (d1, row 2), 10 at 30 (d2, row 3), 10 at 20 (d3,
// row 4), then 15 sold at 40 on d4 (row 5), a 2:1 split on d5 and 10
// (post-split) sold at 25 on d8 (row 7).
func lotTxs(spec4, spec8 string) []Transaction {
	o := func(r int) Origin { return Origin{File: "t.csv", Row: r} }
	return []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: o(1)},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 10, Origin: o(2)},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 10, Price: 30, Origin: o(3)},
		{Date: d3, Kind: Buy, Symbol: "X", Quantity: 10, Price: 20, Origin: o(4)},
		{Date: d4, Kind: Sell, Symbol: "X", Quantity: 15, Price: 40, Lot: spec4, Origin: o(5)},
		{Date: d5, Kind: Split, Symbol: "X", Quantity: 2, Price: 1, Origin: o(6)},
		{Date: d8, Kind: Sell, Symbol: "X", Quantity: 10, Price: 25, Lot: spec8, Origin: o(7)},
	}
}

// TestBuildLotMethods: the cost that leaves on each sale, by method, and
// what is left, computed by hand. The lots cost 100, 300 and 200 (600 in
// all); the sale of 15 on d4 gets 600, the sale of 10 on d8 (5 pre-split
// shares) 250; realized = 850 − cost sold.
func TestBuildLotMethods(t *testing.T) {
	// The closes fall 2-fold on d5, as the SPLIT row says.
	x := testSeries("X", "USD", days(d1, d2, d3, d4, d5, d8), 10, 30, 20, 40, 12, 25)
	for _, c := range []struct {
		m            lots.Method
		spec4, spec8 string
		sold4, sold8 float64 // cost leaving on d4 and d8
	}{
		// average: 600/30 × 15 = 300; then 300 left for 30 post-split
		// shares: 300/30 × 10 = 100.
		{m: lots.Average, sold4: 300, sold8: 100},
		// fifo: 100 (lot 1) + 5 × 30 = 250; left: 5 at 30 (10 post-split,
		// 150) and lot 3 (20 post-split, 200); 10 sold: lot 2's 150.
		{m: lots.FIFO, sold4: 250, sold8: 150},
		// lifo: 200 (lot 3) + 5 × 30 = 350; left lot 1 (100, 20 shares)
		// and 5 of lot 2 (150, 10 shares): 10 from lot 2 = 150.
		{m: lots.LIFO, sold4: 350, sold8: 150},
		// hifo: lot 2 (300) + 5 of lot 3 (100) = 400; left lot 1 (100 for
		// 20 post-split, 5 a share) and 5 of lot 3 (100 for 10, 10 a
		// share): the 10 of lot 3 = 100.
		{m: lots.HIFO, sold4: 400, sold8: 100},
		// uk books the Section 104 pool, the average; us books FIFO (the
		// look-ahead rules are lots.Match's).
		{m: lots.UK, sold4: 300, sold8: 100},
		{m: lots.US, sold4: 250, sold8: 150},
	} {
		if c.m == lots.Specific {
			continue
		}
		t.Run(c.m.String(), func(t *testing.T) {
			res := build(t, lotTxs(c.spec4, c.spec8), Config{Currency: "USD", Series: market(x), Lots: c.m})
			h := res.Holdings
			r4, r8 := h.Row(0, 3), h.Row(0, 5)
			near(t, "Realized d4", h.Realized()[r4], 600-c.sold4)
			near(t, "CostBasis d4", h.CostBasis()[r4], 600-c.sold4)
			near(t, "Realized d8", h.Realized()[r8], 600-c.sold4+250-c.sold8)
			near(t, "CostBasis d8", h.CostBasis()[r8], 600-c.sold4-c.sold8)
			near(t, "Quantity d8", h.Quantity()[r8], 20)
		})
	}
}

// TestBuildSpecificLot: SELL rows name their lot by date or row, and a
// lot that is not open, or holds fewer shares, is a problem at the row.
func TestBuildSpecificLot(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4, d5, d8), 10, 30, 20, 40, 12, 25)
	cfg := Config{Currency: "USD", Series: market(x), Lots: lots.Specific}
	txs := lotTxs("2024-01-02", "row 2")
	txs[4].Quantity = 10
	res := build(t, txs, cfg)
	h := res.Holdings
	// d4: 10 of lot d2 (cost 300) sold for 400: realized 100. d8: 10 of
	// row 2's lot (20 post-split shares, cost 100): 50 leaves, proceeds
	// 250: realized 100 + 200 = 300; cost left 600 − 300 − 50 = 250.
	r8 := h.Row(0, 5)
	near(t, "Realized d4", h.Realized()[h.Row(0, 3)], 100)
	near(t, "Realized d8", h.Realized()[r8], 300)
	near(t, "CostBasis d8", h.CostBasis()[r8], 250)

	bad := lotTxs("row 3", "2024-01-03")
	bad[6].Quantity = 30 // lot d3 holds 20 after the split
	_, err := Build(bad, cfg)
	wantProblems(t, err,
		`t.csv, row 5, column lot: "row 3": sells 15 shares but the lots it names (row 3) hold 10`,
		`t.csv, row 7, column lot: "2024-01-03": sells 30 shares but the lots it names (2024-01-03) hold 20`)
	none := lotTxs("", "row 9")
	none[4].Lot = "2023-12-29"
	_, err = Build(none, cfg)
	wantProblems(t, err,
		`t.csv, row 5, column lot: "2023-12-29": no open lot 2023-12-29: the open lots are 2024-01-01 (row 2, 10 shares), 2024-01-02 (row 3, 10 shares), 2024-01-03 (row 4, 10 shares)`,
		`t.csv, row 7, column lot: "row 9": no open lot row 9: the open lots are 2024-01-01 (row 2, 20 shares), 2024-01-02 (row 3, 20 shares), 2024-01-03 (row 4, 20 shares)`)
}

// TestBuildSoldOutLeavesNoLots: selling all but rounding (2e-9 of 3
// shares, within shareEpsilon) sells out the position and its lots: a
// later FIFO sale takes the new lot, not a 2e-9-share remainder of the
// 0.5 bought at 100 (which would add 2e-9 × (100 − 30) = 1.4e-7 of cost).
// 1 bought at 30, half sold at 40: realized 20 − 15 = 5 on that sale.
func TestBuildSoldOutLeavesNoLots(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 30, 10, 30, 40)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1e6},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 2.5, Price: 10},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 0.5, Price: 10},
		{Date: d2, Kind: Sell, Symbol: "X", Quantity: 3 - 2e-9, Price: 10},
		{Date: d3, Kind: Buy, Symbol: "X", Quantity: 1, Price: 30},
		{Date: d4, Kind: Sell, Symbol: "X", Quantity: 0.5, Price: 40},
	}
	txs[2].Price = 100
	res := build(t, txs, Config{Currency: "USD", Series: market(x), Lots: lots.FIFO, AutoDeposit: true})
	h := res.Holdings
	before := h.Realized()[h.Row(0, 2)]
	if got := h.Realized()[h.Row(0, 3)] - before; math.Abs(got-5) > 1e-9 {
		t.Errorf("realized on the last sale %v, want 5", got)
	}
}
