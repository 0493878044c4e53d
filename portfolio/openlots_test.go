package portfolio

import (
	"testing"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// TestOpenLots: A buys 10 X at 10 on d1, B 10 X at 20 on d2, and A
// transfers 5 X to B on d3 (FIFO: from its d1 lot, cost 50). B alone holds
// its d2 lot (10, cost 200) and the 5 of d1 (cost 50), in date order;
// both accounts hold the two whole lots (10 of d1 at 100, 10 of d2 at
// 200), the transfer moving nothing. Under the average cost there are no
// lots. ShareTransfers lists the crossing for B alone (5 X worth 5 × 30
// at the d3 close, cost 50), nothing for both.
func TestOpenLots(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 10, 20, 30)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Account: "A"},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 10, Account: "A"},
		{Date: d2, Kind: Deposit, Amount: 1000, Account: "B"},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 10, Price: 20, Account: "B"},
		{Date: d3, Kind: Transfer, Symbol: "X", Quantity: 5, Account: "A", To: "B"},
	}
	type lot struct{ qty, cost float64 }
	check := func(what string, res *Result, m lots.Method, want ...lot) {
		t.Helper()
		got, open := res.OpenLots()
		if got != m || len(open["X"]) != len(want) {
			t.Fatalf("%s: OpenLots %s %+v, want %s with %d lots of X", what, got, open, m, len(want))
		}
		for i, l := range open["X"] {
			near(t, what+" quantity", l.Quantity, want[i].qty)
			near(t, what+" cost", l.Cost, want[i].cost)
		}
	}
	b := build(t, txs, Config{Currency: "USD", Series: market(x), Lots: lots.FIFO, Accounts: []string{"B"}})
	check("B", b, lots.FIFO, lot{5, 50}, lot{10, 200})
	if st := b.ShareTransfers; len(st) != 1 || st[0] != (ShareTransfer{Symbol: "X", Day: 2, Quantity: 5, Value: 150, Cost: 50}) {
		t.Errorf("B's ShareTransfers %+v", st)
	}
	both := build(t, txs, Config{Currency: "USD", Series: market(x), Lots: lots.FIFO})
	check("both", both, lots.FIFO, lot{10, 100}, lot{10, 200})
	if both.ShareTransfers != nil {
		t.Errorf("both accounts' ShareTransfers %+v, want none", both.ShareTransfers)
	}
	check("average", build(t, txs, Config{Currency: "USD", Series: market(x), Accounts: []string{"B"}}), lots.Average)
}
