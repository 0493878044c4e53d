package rebalance

import (
	"math"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/quotes"
)

func series(sym string, closes ...float64) *quotes.Series {
	s := &quotes.Series{Symbol: sym, Currency: "GBP"}
	for i, c := range closes {
		s.Dates = append(s.Dates, quotes.Date(2024, 1, 2+i))
		s.Close = append(s.Close, c)
	}
	return s
}

// twoLots is £1,000 deposited on 2 Jan 2024, 30 A bought at £8 and 30 A at
// £12 (cost £600, two lots) and 40 B at £5 (£200), £200 left in cash. A
// closes 10 then 12, B 5 and 5: on 3 Jan A is worth 60 × 12 = 720, B 200,
// the cash 200, the total 1,120.
func twoLots(t *testing.T, m lots.Method) *portfolio.Result {
	t.Helper()
	d := quotes.Date(2024, 1, 2)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 1000},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 30, Price: 8},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 30, Price: 12},
		{Date: d, Kind: portfolio.Buy, Symbol: "B", Quantity: 40, Price: 5},
	}, portfolio.Config{Currency: "GBP", Lots: m,
		Series: map[string]*quotes.Series{"A": series("A", 10, 12), "B": series("B", 5, 5)}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*max(1, math.Abs(b)) }

func halfHalf(t *testing.T) Targets {
	t.Helper()
	tg, err := NewTargets(map[string]float64{"A": 0.5, "B": 0.5})
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// trade finds sym's trade in p, or fails.
func trade(t *testing.T, p *Plan, sym string) Trade {
	t.Helper()
	for _, tr := range p.Trades {
		if tr.Symbol == sym {
			return tr
		}
	}
	t.Fatalf("no trade of %s in %+v", sym, p.Trades)
	return Trade{}
}

// TestFullFractionalHand: targets of 50% each of £1,120 are £560: A sells
// (720 − 560) / 12 = 13.333… shares, B buys (560 − 200) / 5 = 72, and the
// cash left is 200 + 160 − 360 = 0.
func TestFullFractionalHand(t *testing.T) {
	p, err := Compute(twoLots(t, lots.Average), halfHalf(t), Options{Fractional: true})
	if err != nil {
		t.Fatal(err)
	}
	a, b := trade(t, p, "A"), trade(t, p, "B")
	if a.Side != Sell || !near(a.Quantity, 40.0/3) || !near(a.Value, 160) {
		t.Errorf("A: %+v, want a sale of 13.333 shares worth 160", a)
	}
	if b.Side != Buy || !near(b.Quantity, 72) || !near(b.Value, 360) {
		t.Errorf("B: %+v, want a buy of 72 shares worth 360", b)
	}
	if !near(p.CashAfter, 0) || p.CashAfter < 0 {
		t.Errorf("cash after %v, want 0", p.CashAfter)
	}
	for _, w := range p.Weights[:2] {
		if !near(w.After, 0.5) {
			t.Errorf("%s after %v, want 0.5", w.Symbol, w.After)
		}
	}
	// Average cost: 600 / 60 = 10 a share, so the gain is 160 − 13.333 × 10 = 26.667.
	if !near(a.Gain, 160-400.0/3) {
		t.Errorf("A's gain %v, want 26.667", a.Gain)
	}
}

// TestFullWholeSharesHand: in whole shares A's sale rounds to 14 (floor of
// −13.333), B's buy is 72: the cash is 200 + 14 × 12 − 72 × 5 = 8. Selling
// 13 instead would leave 200 + 156 − 360 = −4: not allowed. Each sale's
// gain depends on the method: the 14 shares' cost is 14 × 8 = 112 under
// FIFO (the £8 lot first), 14 × 12 = 168 under HIFO and specific (the
// highest cost first), 14 × 10 = 140 under average cost; the proceeds are
// 168.
func TestFullWholeSharesHand(t *testing.T) {
	for _, c := range []struct {
		m    lots.Method
		gain float64
	}{{lots.Average, 28}, {lots.UK, 28}, {lots.FIFO, 56}, {lots.US, 56}, {lots.HIFO, 0}, {lots.Specific, 0}} {
		p, err := Compute(twoLots(t, c.m), halfHalf(t), Options{Lots: c.m})
		if err != nil {
			t.Fatal(err)
		}
		a, b := trade(t, p, "A"), trade(t, p, "B")
		if a.Side != Sell || a.Quantity != 14 || b.Side != Buy || b.Quantity != 72 || !near(p.CashAfter, 8) {
			t.Errorf("%s: A %+v, B %+v, cash %v; want sell 14 A, buy 72 B, cash 8", c.m, a, b, p.CashAfter)
		}
		if !near(a.Gain, c.gain) || !near(p.Gain, c.gain) {
			t.Errorf("%s: gain %v (plan %v), want %v", c.m, a.Gain, p.Gain, c.gain)
		}
	}
}

// TestNewMoneyCommission: 50 A at £10 and £500 cash; targets 50% A, 50% B
// (not held, priced £5 in the targets). Without commission the £500 buys
// 100 B: exactly the targets. With £1 + 1% a trade, the buy b satisfies
// b + 1 + 0.01 b = 500, b = 499 / 1.01 = 494.059…, 98.81 shares
// fractional; in whole shares 98 (490 + 1 + 4.90 = 495.90; 99 would cost
// 500.95), leaving 4.10.
func TestNewMoneyCommission(t *testing.T) {
	d := quotes.Date(2024, 1, 2)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 1000},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 50, Price: 10},
	}, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": series("A", 10, 10)}})
	if err != nil {
		t.Fatal(err)
	}
	tg := Targets{{Symbol: "A", Weight: 0.5}, {Symbol: "B", Weight: 0.5, Price: 5}}
	comm := Commission{Fixed: 1, Rate: 0.01}
	for _, c := range []struct {
		o         Options
		qty, cash float64
	}{
		{Options{Mode: NewMoney, Fractional: true}, 100, 0},
		{Options{Mode: NewMoney, Fractional: true, Commission: comm}, 499 / 1.01 / 5, 0},
		{Options{Mode: NewMoney, Commission: comm}, 98, 4.1},
		{Options{Mode: NewMoney}, 100, 0},
	} {
		p, err := Compute(res, tg, c.o)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Trades) != 1 {
			t.Fatalf("%+v: trades %+v, want one buy of B", c.o, p.Trades)
		}
		b := p.Trades[0]
		if b.Symbol != "B" || b.Side != Buy || !near(b.Quantity, c.qty) || !near(p.CashAfter, c.cash) || p.CashAfter < 0 {
			t.Errorf("%+v: %+v, cash %v; want buy %v B, cash %v", c.o, b, p.CashAfter, c.qty, c.cash)
		}
	}
}

// TestNewMoneyNeverSells: 80 A at £10 (£800) and £200: A is over its 50%
// target, so new money only buys B with the £200 (40 shares) and keeps
// A; investing £1,000 more (total £2,000) reaches the targets exactly:
// A buys (1000 − 800) / 10 = 20, B 1000 / 5 = 200.
func TestNewMoneyNeverSells(t *testing.T) {
	d := quotes.Date(2024, 1, 2)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 1000},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 80, Price: 10},
	}, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": series("A", 10, 10)}})
	if err != nil {
		t.Fatal(err)
	}
	tg := Targets{{Symbol: "A", Weight: 0.5}, {Symbol: "B", Weight: 0.5, Price: 5}}
	p, err := Compute(res, tg, Options{Mode: NewMoney})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Trades) != 1 || p.Trades[0].Symbol != "B" || p.Trades[0].Quantity != 40 {
		t.Errorf("trades %+v, want only a buy of 40 B", p.Trades)
	}
	p, err = Compute(res, tg, Options{Mode: NewMoney, Invest: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := trade(t, p, "A"), trade(t, p, "B"); a.Quantity != 20 || b.Quantity != 200 || a.Side != Buy || b.Side != Buy {
		t.Errorf("A %+v, B %+v; want buys of 20 A and 200 B", a, b)
	}
	if !near(p.TotalAfter, 2000) || !near(p.CashAfter, 0) {
		t.Errorf("total after %v, cash %v; want 2000 and 0", p.TotalAfter, p.CashAfter)
	}
}

// TestComputeProblems: every problem at once, each naming what is wrong.
func TestComputeProblems(t *testing.T) {
	res := twoLots(t, lots.Average)
	_, err := Compute(res, Targets{{Symbol: "A", Weight: 0.7}}, Options{Invest: -1, Commission: Commission{Rate: 2}})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"sum 0.7", "Options.Invest -1", "Options.Commission.Rate 2"} {
		if !contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// £1,120 of which a commission of £1,000 a trade would take all.
	_, err = Compute(res, halfHalf(t), Options{Commission: Commission{Fixed: 1000}})
	if err == nil || !contains(err.Error(), "would take all the portfolio's 1120 GBP") {
		t.Errorf("commissions over the value: %v", err)
	}
	_, err = Compute(res, Targets{{Symbol: "A", Weight: 0.5}, {Symbol: "ZZZ", Weight: 0.5}}, Options{})
	if err == nil || !contains(err.Error(), "target ZZZ: the portfolio has no market data for it: give its price") {
		t.Errorf("error %v, want one naming ZZZ and asking for its price", err)
	}
}
