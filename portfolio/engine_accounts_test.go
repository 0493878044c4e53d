package portfolio

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/quotes"
)

// accountTxs: two accounts. A deposits 1000 and buys 10 X at 10 on d1; B
// deposits 500 on d2, when A transfers it 200 of cash; A transfers 4 X to
// B on d3 (close 15); B sells them at 15 on d4. X closes 10, 12, 15, 15.
func accountTxs() []Transaction {
	return []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Account: "A"},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 10, Account: "A"},
		{Date: d2, Kind: Deposit, Amount: 500, Account: "B"},
		{Date: d2, Kind: Transfer, Amount: 200, Account: "A", To: "B"},
		{Date: d3, Kind: Transfer, Symbol: "X", Quantity: 4, Account: "A", To: "B"},
		{Date: d4, Kind: Sell, Symbol: "X", Quantity: 4, Price: 15, Account: "B"},
	}
}

// TestBuildAccountsByHand: each account alone, and both, by hand.
//
// A: d1 cash 900 + 10 × 10 = 1000 (in 1000, r 0); d2 200 out, 700 + 10 ×
// 12 = 820, r = (820 + 200) / 1000 − 1 = 0.02; d3 4 X out at the close,
// 4 × 15 = 60, 700 + 6 × 15 = 790, r = (790 + 60) / 820 − 1; d4 790, r 0.
// The 4 X leave with 4/10 of the cost 100: A keeps 60, B gets 40.
//
// B: d2 in 500 + 200, value 700, r 0; d3 in 60 (the shares), 700 + 60 =
// 760, r = 760 / (700 + 60) − 1 = 0; d4 sells for 60: cash 760, realized
// 60 − 40 = 20.
//
// Both: the transfers are nothing: d1 1000 (in 1000); d2 in 500, 1400 +
// 120 = 1520, r = 1520 / 1500 − 1; d3 1400 + 150 = 1550, r = 1550 / 1520
// − 1; d4 1460 + 90 = 1550, r 0; realized 20.
func TestBuildAccountsByHand(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 12, 15, 15)
	for _, c := range []struct {
		accounts             []string
		value, in, out, r    []float64
		cost, realized, held []float64 // of X, each day
	}{
		{[]string{"A"}, []float64{1000, 820, 790, 790}, []float64{1000, 0, 0, 0}, []float64{0, 200, 60, 0},
			[]float64{0, 0.02, 850.0/820 - 1, 0}, []float64{100, 100, 60, 60}, []float64{0, 0, 0, 0}, []float64{10, 10, 6, 6}},
		{[]string{"B"}, []float64{0, 700, 760, 760}, []float64{0, 700, 60, 0}, []float64{0, 0, 0, 0},
			[]float64{0, 0, 0, 0}, []float64{0, 0, 40, 0}, []float64{0, 0, 0, 20}, []float64{0, 0, 4, 0}},
		{nil, []float64{1000, 1520, 1550, 1550}, []float64{1000, 500, 0, 0}, []float64{0, 0, 0, 0},
			[]float64{0, 1520.0/1500 - 1, 1550.0/1520 - 1, 0}, []float64{100, 100, 100, 60}, []float64{0, 0, 0, 20}, []float64{10, 10, 10, 6}},
		{[]string{"B", "A"}, []float64{1000, 1520, 1550, 1550}, []float64{1000, 500, 0, 0}, []float64{0, 0, 0, 0},
			[]float64{0, 1520.0/1500 - 1, 1550.0/1520 - 1, 0}, []float64{100, 100, 100, 60}, []float64{0, 0, 0, 20}, []float64{10, 10, 10, 6}},
	} {
		t.Run(strings.Join(c.accounts, "+"), func(t *testing.T) {
			res := build(t, accountTxs(), Config{Currency: "USD", Series: market(x), Accounts: c.accounts})
			p, h := res.Performance, res.Holdings
			for d := range c.value {
				near(t, "value", p.Value[d], c.value[d])
				near(t, "deposits", p.Deposits[d], c.in[d])
				near(t, "withdrawals", p.Withdrawals[d], c.out[d])
				near(t, "daily return", p.DailyReturn[d], c.r[d])
				near(t, "X held", h.Quantity()[h.Row(0, d)], c.held[d])
				near(t, "X cost", h.CostBasis()[h.Row(0, d)], c.cost[d])
				near(t, "X realized", h.Realized()[h.Row(0, d)], c.realized[d])
			}
			want := c.accounts
			if want == nil {
				want = []string{"A", "B"}
			}
			if !slices.Equal(res.Accounts, want) {
				t.Errorf("Accounts = %q, want %q", res.Accounts, want)
			}
		})
	}
}

// TestBuildTransferLotsKeepTheirDates: A buys 5 X at 10 on d1 and 5 at 12
// on d2, B 5 at 14 on d2; A transfers 5 X to B on d3. By FIFO the 5 that
// move are A's d1 lot (cost 50), which B's pool then holds before its own
// d2 lot: B's sale of 5 at 15 on d4 takes it, realized 75 − 50 = 25 (had
// the lot been put last, 75 − 70 = 5). A keeps the d2 lot, cost 60. Both
// accounts: the transfer changes nothing, and the sale takes A's d1 lot
// all the same; lots.Match's FIFO and UK gains are those of the file
// without the transfer (UK: the pool's average, (50 + 60 + 70) / 15 × 5 =
// 60, gain 15).
func TestBuildTransferLotsKeepTheirDates(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 12, 15, 15)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Account: "A"},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 5, Price: 10, Account: "A"},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 5, Price: 12, Account: "A"},
		{Date: d2, Kind: Deposit, Amount: 1000, Account: "B"},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 5, Price: 14, Account: "B"},
		{Date: d3, Kind: Transfer, Symbol: "X", Quantity: 5, Account: "A", To: "B"},
		{Date: d4, Kind: Sell, Symbol: "X", Quantity: 5, Price: 15, Account: "B"},
	}
	cfg := Config{Currency: "USD", Series: market(x), Lots: lots.FIFO}
	cfg.Accounts = []string{"B"}
	b := build(t, txs, cfg)
	near(t, "B realized", b.Holdings.Realized()[b.Holdings.Row(0, 3)], 25)
	near(t, "B cost", b.Holdings.CostBasis()[b.Holdings.Row(0, 3)], 70)
	cfg.Accounts = []string{"A"}
	a := build(t, txs, cfg)
	near(t, "A cost", a.Holdings.CostBasis()[a.Holdings.Row(0, 3)], 60)

	cfg.Accounts = nil
	both := build(t, txs, cfg)
	without := build(t, slices.Delete(slices.Clone(txs), 5, 6), cfg)
	near(t, "both realized", both.Holdings.Realized()[both.Holdings.Row(0, 3)], 25)
	for _, m := range []lots.Method{lots.FIFO, lots.UK} {
		g1, err1 := both.Gains(m, "")
		g2, err2 := without.Gains(m, "")
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}
		if len(g1.Disposals) != 1 || len(g2.Disposals) != 1 {
			t.Fatalf("%s: disposals %d and %d, want 1", m, len(g1.Disposals), len(g2.Disposals))
		}
		want := map[lots.Method]float64{lots.FIFO: 25, lots.UK: 15}[m]
		near(t, m.String()+" gain with the transfer", g1.Disposals[0].Gain, want)
		near(t, m.String()+" gain without", g2.Disposals[0].Gain, want)
	}
}

// TestBuildTransferProblems: a transfer of more shares than the account
// holds, one to its own account, one of shares with an amount, and an
// account Config.Accounts names that no row has.
func TestBuildTransferProblems(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 12, 15, 15)
	txs := accountTxs()
	txs[4].Quantity = 11 // A holds 10
	_, err := Build(txs, Config{Currency: "USD", Series: market(x), Accounts: []string{"B"}})
	wantProblem(t, err, `column quantity: "11": at most the 10 shares of X held in the accounts not selected on 2024-01-03: a TRANSFER moves shares the account holds`)
	_, err = Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblem(t, err, `at most the 10 shares of X held on 2024-01-03`)

	txs = accountTxs()
	txs[3].To = "A"
	txs[4].Amount = 5
	_, err = Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblem(t, err, `column to: "A": `+buildExpectTransferTo)
	wantProblem(t, err, `column amount: "5": 0: TRANSFER rows do not use amount`)

	_, err = Build(accountTxs(), Config{Currency: "USD", Series: market(x), Accounts: []string{"A", "C"}})
	if err == nil || err.Error() != `portfolio: Config.Accounts names "C": an account no transaction belongs to (the accounts: "A", "B")` {
		t.Errorf("got %v", err)
	}
}

func wantProblem(t *testing.T, err error, part string) {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want problems", err)
	}
	if !strings.Contains(err.Error(), part) {
		t.Errorf("no problem with %q in:\n%v", part, err)
	}
}

// TestAccountsProperty: over random two-account files (deposits, buys,
// sells, withdrawals and transfers of cash and shares between A and B),
// the consolidated frames equal those of the same file without its
// transfers and with every row in one account, to 1e-9 (the transfers
// move nothing: the time-weighted return is unchanged); and A's and B's
// frames add up to them: values, market values and net contributions
// (a transfer is one account's withdrawal and the other's deposit of the
// same value).
func TestAccountsProperty(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4, d5, d8), 10, 12, 9, 15, 14, 16)
	y := testSeries("Y", "USD", days(d1, d2, d3, d4, d5, d8), 50, 40, 45, 60, 55, 52)
	for seed := range uint64(200) {
		txs := randomAccountTxs(rand.New(rand.NewPCG(seed, 19)), x, y)
		for _, m := range []lots.Method{lots.Average, lots.FIFO} {
			cfg := Config{Currency: "USD", Series: market(x, y), Lots: m}
			all, err := Build(txs, cfg)
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			var oneAccount []Transaction
			for _, tx := range txs {
				if tx.Kind != Transfer {
					tx.Account = ""
					oneAccount = append(oneAccount, tx)
				}
			}
			one := build(t, oneAccount, cfg)
			cfg.Accounts = []string{"A"}
			a := build(t, txs, cfg)
			cfg.Accounts = []string{"B"}
			b := build(t, txs, cfg)
			p := all.Performance
			for d := range p.Dates {
				near(t, "TWR against one account", p.CumulativeReturn[d], one.Performance.CumulativeReturn[d])
				near(t, "value against one account", p.Value[d], one.Performance.Value[d])
				near(t, "A + B value", a.Performance.Value[d]+b.Performance.Value[d], p.Value[d])
				near(t, "A + B market value", a.Performance.MarketValue[d]+b.Performance.MarketValue[d], p.MarketValue[d])
				near(t, "A + B net contributions", a.Performance.NetContributions[d]+b.Performance.NetContributions[d], p.NetContributions[d])
			}
			if t.Failed() {
				t.Fatalf("seed %d, %s: %v", seed, m, txs)
			}
		}
	}
}

// randomAccountTxs makes a valid file of two accounts, A and B, trading
// the series (which share their dates) at their closes: every day one to
// four rows, each account's cash and shares followed so that no row
// spends cash or shares its account does not have. Quantities are whole
// shares.
func randomAccountTxs(r *rand.Rand, ss ...*quotes.Series) []Transaction {
	accounts := [2]string{"A", "B"}
	cash := map[string]float64{}
	held := map[[2]string]float64{}
	// A buy first, so that the calendar is the series' days (a file of
	// cash rows alone has the days of its rows).
	txs := []Transaction{{Date: ss[0].Dates[0], Kind: Deposit, Amount: 1000, Account: "A"},
		{Date: ss[0].Dates[0], Kind: Buy, Symbol: ss[0].Symbol, Quantity: 1, Price: ss[0].Close[0], Account: "A"}}
	txs = append(txs, Transaction{Date: ss[0].Dates[0], Kind: Deposit, Amount: 500, Account: "B"})
	cash["A"], cash["B"] = 1000-ss[0].Close[0], 500
	held[[2]string{"A", ss[0].Symbol}] = 1
	for d, day := range ss[0].Dates {
		for range 1 + r.IntN(4) {
			k := r.IntN(2)
			acct, other := accounts[k], accounts[1-k]
			s := ss[r.IntN(len(ss))]
			key, to := [2]string{acct, s.Symbol}, [2]string{other, s.Symbol}
			tx := Transaction{Date: day, Account: acct}
			switch r.IntN(6) {
			case 0:
				tx.Kind, tx.Amount = Deposit, float64(100+r.IntN(1000))
				cash[acct] += tx.Amount
			case 1:
				q := float64(1 + r.IntN(5))
				if q*s.Close[d] > cash[acct] {
					continue
				}
				tx.Kind, tx.Symbol, tx.Quantity, tx.Price = Buy, s.Symbol, q, s.Close[d]
				cash[acct] -= q * s.Close[d]
				held[key] += q
			case 2, 5:
				if held[key] == 0 {
					continue
				}
				q := float64(1 + r.IntN(int(held[key])))
				held[key] -= q
				tx.Symbol, tx.Quantity = s.Symbol, q
				if tx.Kind, tx.Price = Sell, s.Close[d]; r.IntN(2) == 0 {
					tx.Kind, tx.Price, tx.To = Transfer, 0, other
					held[to] += q
				} else {
					cash[acct] += q * s.Close[d]
				}
			case 3, 4:
				amount := float64(int(cash[acct] * r.Float64()))
				if amount <= 0 {
					continue
				}
				tx.Kind, tx.Amount = Withdrawal, amount
				cash[acct] -= amount
				if r.IntN(3) > 0 {
					tx.Kind, tx.To = Transfer, other
					cash[other] += amount
				}
			}
			txs = append(txs, tx)
		}
	}
	return txs
}

// TestBuildTransferAfterSymbolChange: account A's 20 X (cost 400: 10 at
// 10, 10 at 30) become 20 Y on d3; A transfers them to B on d4, where Y
// closes 50. B alone: 20 Y at the carried cost 400, a deposit of 20 × 50
// = 1000 on d4; A alone: a withdrawal of 1000 and nothing held.
func TestBuildTransferAfterSymbolChange(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 30, 10, 10)
	y := testSeries("Y", "USD", days(d1, d2, d3, d4), 50, 50, 50, 50)
	txs := moveTxs(Transaction{Kind: SymbolChange})
	for i := range txs {
		txs[i].Account = "A"
	}
	txs = append(txs, Transaction{Date: d4, Kind: Transfer, Symbol: "Y", Quantity: 20, Account: "A", To: "B"})
	for _, m := range []lots.Method{lots.Average, lots.FIFO} {
		b := build(t, txs, Config{Currency: "USD", Series: market(x, y), Lots: m, Accounts: []string{"B"}})
		h := b.Holdings
		near(t, "B's Y", h.Quantity()[h.Row(1, 3)], 20)
		near(t, "B's Y cost", h.CostBasis()[h.Row(1, 3)], 400)
		near(t, "B's deposit", b.Performance.Deposits[3], 1000)
		a := build(t, txs, Config{Currency: "USD", Series: market(x, y), Lots: m, Accounts: []string{"A"}})
		near(t, "A's withdrawal", a.Performance.Withdrawals[3], 1000)
		near(t, "A's Y", a.Holdings.Quantity()[a.Holdings.Row(1, 3)], 0)
	}
}

// TestBuildOversellInAnAccount: with a selection, a SELL is checked
// against its side's shares: B sells 5 X it never held (A holds 10), a
// problem saying where; consolidated, the 10 are held.
func TestBuildOversellInAnAccount(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 10, 12, 15, 15)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Account: "A"},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 10, Account: "A"},
		{Date: d2, Kind: Sell, Symbol: "X", Quantity: 5, Price: 12, Account: "B"},
	}
	build(t, txs, Config{Currency: "USD", Series: market(x)})
	_, err := Build(txs, Config{Currency: "USD", Series: market(x), Accounts: []string{"B"}})
	wantProblem(t, err, `column quantity: "5": at most the 0 shares of X held in the accounts selected on 2024-01-02`)
}
