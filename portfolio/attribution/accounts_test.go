package attribution

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/quotes"
)

// buildAccounts builds txs in EUR for the accounts given, at the average
// cost.
func buildAccounts(t *testing.T, txs []portfolio.Transaction, accounts []string, series ...*quotes.Series) *portfolio.Result {
	t.Helper()
	return buildLots(t, txs, accounts, lots.Average, series...)
}

// buildLots builds txs in EUR for the accounts given under lots method m.
func buildLots(t *testing.T, txs []portfolio.Transaction, accounts []string, m lots.Method, series ...*quotes.Series) *portfolio.Result {
	t.Helper()
	ms := map[string]*quotes.Series{}
	for _, s := range series {
		ms[s.Symbol] = s
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "EUR", Series: ms, Accounts: accounts, Lots: m})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestTransferredSharesCountAtTheirValue: account A deposits 1000 and buys
// 10 X at 10 (cost 100) on day 0; X closes 10, 12, 9, 15; on day 2 A
// transfers the 10 X to B (worth 10 × 9 = 90).
//
// B alone receives a deposit of 90 on day 2, and X is its only holding:
// its return starts from the 90 received, not the 100 of cost carried,
// so X returns 150/90 − 1 = 2/3, time- and money-weighted (one flow in),
// which is B's TWR (day 2: 90/90 − 1 = 0; day 3: 150/90 − 1), all of it
// X's contribution; the cash never held anything and contributes 0.
// Counting the cost, X would have returned 150/100 − 1 = 0.5 and the cash
// the difference.
//
// A alone: the transfer is a withdrawal of 90 on day 2. X returns day 1
// 120/100 − 1 = 0.2, day 2 (0 + 90)/120 − 1 = −0.25, so 1.2 × 0.75 − 1 =
// −0.1 = 9/10 − 1, its MWR alike (100 in, 90 out); A's TWR is (1000 +
// 20)/1000 − 1 = 0.02 on day 1, then (900 + 90)/1020 − 1 on day 2 and 0
// on day 3: 990/1000 − 1 = −0.01, all of it X's (−10 / 1000); the cash
// (900, earning nothing) contributes 0.
func TestTransferredSharesCountAtTheirValue(t *testing.T) {
	x := closes("X", 10, 12, 9, 15)
	txs := []portfolio.Transaction{
		{Date: date(0), Kind: portfolio.Deposit, Amount: 1000, Account: "A"},
		{Date: date(0), Kind: portfolio.Buy, Symbol: "X", Quantity: 10, Price: 10, Account: "A"},
		{Date: date(2), Kind: portfolio.Transfer, Symbol: "X", Quantity: 10, Account: "A", To: "B"},
	}
	b := buildAccounts(t, txs, []string{"B"}, x)
	if st := b.ShareTransfers; len(st) != 1 || st[0] != (portfolio.ShareTransfer{Symbol: "X", Day: 2, Quantity: 10, Value: 90, Cost: 100}) {
		t.Errorf("B's ShareTransfers = %+v, want X on day 2: 10 shares worth 90 at a cost of 100", st)
	}
	d, err := FromResult(b, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "B's TWR", d.TWR(), 2.0/3)
	checkHoldings(t, d.Holdings(), []HoldingReturn{
		{Symbol: "X", TWR: 2.0 / 3, MWR: 2.0 / 3, Contribution: 2.0 / 3, End: 150, Bought: 90},
		{Symbol: Cash, TWR: math.NaN(), MWR: math.NaN(), Contribution: 0},
	})

	a := buildAccounts(t, txs, []string{"A"}, x)
	d, err = FromResult(a, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "A's TWR", d.TWR(), -0.01)
	checkHoldings(t, d.Holdings(), []HoldingReturn{
		{Symbol: "X", TWR: -0.1, MWR: -0.1, Contribution: -0.01, Bought: 100, Sold: 90},
		{Symbol: Cash, TWR: math.NaN(), MWR: math.NaN(), Contribution: 0, End: 900},
	})

	// Over a window from day 1, B's X opens at 0 and is received at 90.
	d, err = FromResult(b, date(1), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	checkHoldings(t, d.Holdings(), []HoldingReturn{
		{Symbol: "X", TWR: 2.0 / 3, MWR: 2.0 / 3, Contribution: 2.0 / 3, End: 150, Bought: 90},
		{Symbol: Cash, TWR: math.NaN(), MWR: math.NaN(), Contribution: 0},
	})
}

// TestContributionsAddUpForAnAccount: random two-account files (deposits,
// buys, sales, withdrawals, and transfers of cash and shares between the
// accounts, all in EUR at the closes, no fees) built for account A alone,
// over random windows, at the average cost and FIFO (whose transfers
// carry other costs): the contributions add up to A's TWR to 1e-12, and
// the cash, which earns nothing (one currency, no fee, no interest),
// contributes 0 to 1e-12: transfers of shares in and out are flows at
// their value, in the holding as in the portfolio.
func TestContributionsAddUpForAnAccount(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 19))
	checked := 0
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 23))
		x, y := randomWalk(r, "X", 40), randomWalk(r, "Y", 40)
		txs := randomAccountTxs(r, x, y)
		res := buildLots(t, txs, []string{"A"}, []lots.Method{lots.Average, lots.FIFO}[seed%2], x, y)
		if len(res.ShareTransfers) == 0 {
			continue
		}
		checked++
		dates := res.Performance.Dates
		for w := range 10 {
			a, b := rng.IntN(len(dates)), rng.IntN(len(dates))
			from, to := dates[min(a, b)], dates[max(a, b)]
			if w == 0 {
				from, to = time.Time{}, time.Time{}
			}
			d, err := FromResult(res, from, to)
			if err != nil {
				t.Fatal(err)
			}
			checkAddsUp(t, "account A", res.Performance, d, from, to, false)
			c := d.Contributions()
			if cash := c[len(c)-1]; math.Abs(cash) > 1e-12 {
				t.Errorf("seed %d, %s to %s: the cash contributes %.3g, want 0 (it earns nothing)", seed, day(from), day(to), cash)
			}
		}
		if t.Failed() {
			t.Fatalf("seed %d: %v", seed, txs)
		}
	}
	if checked < 50 {
		t.Errorf("only %d of 60 files transfer shares across account A", checked)
	}
}

// randomWalk is n closes of sym in EUR from 50, moving up to ±5 % a day,
// rounded to cents.
func randomWalk(r *rand.Rand, sym string, n int) *quotes.Series {
	s := &quotes.Series{Symbol: sym, Currency: "EUR"}
	c := 50.0
	for i := range n {
		s.Dates = append(s.Dates, date(i))
		s.Close = append(s.Close, math.Round(c*100)/100)
		c *= 1 + (r.Float64()-0.5)/10
	}
	return s
}

// randomAccountTxs makes a valid file of two accounts, A and B, trading
// the series (which share their dates) at their closes, as portfolio's
// TestAccountsProperty does: every day one to four rows, each account's
// cash and shares followed so that no row spends cash or shares its
// account does not have; half the sales are transfers of the shares to
// the other account, two withdrawals in three transfers of the cash.
func randomAccountTxs(r *rand.Rand, ss ...*quotes.Series) []portfolio.Transaction {
	accounts := [2]string{"A", "B"}
	cash := map[string]float64{"A": 1000 - ss[0].Close[0], "B": 500}
	held := map[[2]string]float64{{"A", ss[0].Symbol}: 1}
	txs := []portfolio.Transaction{{Date: ss[0].Dates[0], Kind: portfolio.Deposit, Amount: 1000, Account: "A"},
		{Date: ss[0].Dates[0], Kind: portfolio.Buy, Symbol: ss[0].Symbol, Quantity: 1, Price: ss[0].Close[0], Account: "A"},
		{Date: ss[0].Dates[0], Kind: portfolio.Deposit, Amount: 500, Account: "B"}}
	for d, day := range ss[0].Dates {
		for range 1 + r.IntN(4) {
			k := r.IntN(2)
			acct, other := accounts[k], accounts[1-k]
			s := ss[r.IntN(len(ss))]
			key, to := [2]string{acct, s.Symbol}, [2]string{other, s.Symbol}
			tx := portfolio.Transaction{Date: day, Account: acct}
			switch r.IntN(6) {
			case 0:
				tx.Kind, tx.Amount = portfolio.Deposit, float64(100+r.IntN(1000))
				cash[acct] += tx.Amount
			case 1:
				q := float64(1 + r.IntN(5))
				if q*s.Close[d] > cash[acct] {
					continue
				}
				tx.Kind, tx.Symbol, tx.Quantity, tx.Price = portfolio.Buy, s.Symbol, q, s.Close[d]
				cash[acct] -= q * s.Close[d]
				held[key] += q
			case 2, 5:
				if held[key] == 0 {
					continue
				}
				q := float64(1 + r.IntN(int(held[key])))
				held[key] -= q
				tx.Symbol, tx.Quantity = s.Symbol, q
				if tx.Kind, tx.Price = portfolio.Sell, s.Close[d]; r.IntN(2) == 0 {
					tx.Kind, tx.Price, tx.To = portfolio.Transfer, 0, other
					held[to] += q
				} else {
					cash[acct] += q * s.Close[d]
				}
			case 3, 4:
				amount := float64(int(cash[acct] * r.Float64()))
				if amount <= 0 {
					continue
				}
				tx.Kind, tx.Amount = portfolio.Withdrawal, amount
				cash[acct] -= amount
				if r.IntN(3) > 0 {
					tx.Kind, tx.To = portfolio.Transfer, other
					cash[other] += amount
				}
			}
			txs = append(txs, tx)
		}
	}
	return txs
}
