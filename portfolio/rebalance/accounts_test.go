package rebalance

import (
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/quotes"
)

// twoAccounts: X closes 10, 20, 30 on 2, 3 and 4 Jan 2024. Account A
// deposits 1,000 and buys 10 X at 10 (cost 100) on the 2nd; account B
// deposits 1,000 and buys 10 X at 20 (cost 200) on the 3rd; on the 4th A
// transfers 5 X to B, with their lot (2 Jan, cost 50). B holds 15 X worth
// 450 and 800 of cash; A 5 X (150) and 900; both together 20 X and 1,700.
func twoAccounts(t *testing.T, m lots.Method, accounts ...string) *portfolio.Result {
	t.Helper()
	d := func(day int) time.Time { return quotes.Date(2024, 1, day) }
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d(2), Kind: portfolio.Deposit, Amount: 1000, Account: "A"},
		{Date: d(2), Kind: portfolio.Buy, Symbol: "X", Quantity: 10, Price: 10, Account: "A"},
		{Date: d(3), Kind: portfolio.Deposit, Amount: 1000, Account: "B"},
		{Date: d(3), Kind: portfolio.Buy, Symbol: "X", Quantity: 10, Price: 20, Account: "B"},
		{Date: d(4), Kind: portfolio.Transfer, Symbol: "X", Quantity: 5, Account: "A", To: "B"},
	}, portfolio.Config{Currency: "GBP", Lots: m, Accounts: accounts,
		Series: map[string]*quotes.Series{"X": series("X", 10, 20, 30)}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestPlanOfSomeAccounts: a plan for account B alone (all in cash) uses
// B's 15 X and 800 of cash, not the 20 X and 1,700 of both accounts, and
// sells B's own lots: under FIFO the 5 transferred from A first (2 Jan,
// cost 50), then B's 10 (3 Jan, cost 200): gain 15 × 30 − 250 = 200
// (the lots of both accounts scaled to 15 shares would give 450 − 300 =
// 150). Its Accounts say it is B's.
func TestPlanOfSomeAccounts(t *testing.T) {
	cash, err := NewTargets(map[string]float64{"CASH": 1})
	if err != nil {
		t.Fatal(err)
	}
	res := twoAccounts(t, lots.FIFO, "B")
	p, err := Compute(res, cash, Options{Lots: lots.FIFO})
	if err != nil {
		t.Fatal(err)
	}
	if !near(p.CashBefore, 800) || !near(p.TotalBefore, 1250) {
		t.Errorf("B's cash %v and total %v, want 800 and 1250", p.CashBefore, p.TotalBefore)
	}
	sale := trade(t, p, "X")
	if sale.Side != Sell || !near(sale.Quantity, 15) || !near(sale.Gain, 200) || len(sale.Lots) != 2 ||
		!sale.Lots[0].Date.Equal(quotes.Date(2024, 1, 2)) || !near(sale.Lots[0].Cost, 50) || !near(sale.Lots[1].Cost, 200) {
		t.Errorf("B's sale %+v, want 15 X sold for a gain of 200: 5 of 2 Jan (cost 50), 10 of 3 Jan (cost 200)", sale)
	}
	if strings.Join(p.Accounts, ",") != "B" {
		t.Errorf("Accounts %q, want B", p.Accounts)
	}
	both, err := Compute(twoAccounts(t, lots.FIFO), cash, Options{Lots: lots.FIFO})
	if err != nil {
		t.Fatal(err)
	}
	if both.Accounts != nil || !near(both.CashBefore, 1700) || !near(trade(t, both, "X").Quantity, 20) {
		t.Errorf("both accounts: Accounts %q, cash %v, sale %+v; want nil, 1700, 20 X", both.Accounts, both.CashBefore, trade(t, both, "X"))
	}
	// The lots of some accounts are those Build booked: another method is
	// an error saying so.
	_, err = Compute(twoAccounts(t, lots.Average, "B"), cash, Options{Lots: lots.FIFO})
	if err == nil || !strings.Contains(err.Error(), "Config.Lots") {
		t.Errorf("lots booked under average, planned under fifo: %v", err)
	}
}
