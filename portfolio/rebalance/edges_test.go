package rebalance

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/quotes"
)

// build builds txs, all dated 2 Jan 2024, over series, in GBP.
func build(t *testing.T, cfg portfolio.Config, txs ...portfolio.Transaction) *portfolio.Result {
	t.Helper()
	d := quotes.Date(2024, 1, 2)
	for i := range txs {
		txs[i].Date = d
	}
	cfg.Currency = "GBP"
	res, err := portfolio.Build(txs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// zeroClose is £1,000 deposited on 2 Jan 2024, 30 A bought at £8 and 40 B
// at £5; on 3 Jan A closes at 12 and B at closeB.
func zeroClose(t *testing.T, closeB float64) *portfolio.Result {
	return build(t, portfolio.Config{Series: map[string]*quotes.Series{"A": series("A", 10, 12), "B": series("B", 5, closeB)}},
		portfolio.Transaction{Kind: portfolio.Deposit, Amount: 1000},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "A", Quantity: 30, Price: 8},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "B", Quantity: 40, Price: 5})
}

// TestComputeZeroPricedHolding: B closes at 0 on the plan's day, so its
// shares have no price to trade at, whether it is targeted or to be sold
// out: the error names B and asks for its price (it used to say that
// commissions of NaN would take all the portfolio). A price in the
// targets plans it: B at £4 is worth 160, A 360, the cash 1,000 − 240 −
// 200 = 560, 1,080 in all; 50% of it, 540, is A's 45 shares (15 bought)
// and B's 135 (95 bought): 180 + 380 = 560, the cash.
func TestComputeZeroPricedHolding(t *testing.T) {
	res := zeroClose(t, 0)
	for _, tg := range []Targets{{{Symbol: "A", Weight: 0.5}, {Symbol: "B", Weight: 0.5}}, {{Symbol: "A", Weight: 1}}} {
		_, err := Compute(res, tg, Options{})
		if err == nil || !strings.Contains(err.Error(), "holding B: its close on 2024-01-03 is 0 GBP: give its price") {
			t.Errorf("targets %v: error %v, want one naming B's close of 0 and asking for its price", tg, err)
		}
	}
	p, err := Compute(res, Targets{{Symbol: "A", Weight: 0.5}, {Symbol: "B", Weight: 0.5, Price: 4}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := trade(t, p, "A"), trade(t, p, "B"); a.Quantity != 15 || b.Quantity != 95 || b.Price != 4 || !near(p.CashAfter, 0) {
		t.Errorf("A %+v, B %+v, cash after %v: want 15 A and 95 B bought, no cash left", a, b, p.CashAfter)
	}
}

// TestComputeTargetNotHeld: C was bought and sold on 2 Jan, so the
// portfolio has its market data but no position; its close (£20) prices
// it. On 3 Jan A is worth 30 × 12 = 360, B 200, the cash 1,000 − 240 −
// 200 = 560: 1,120. Targets of 25%, 50%, 25% are 280, 560, 280: A sells
// floor((280 − 360) / 12) = −7 shares (84), B buys (560 − 200) / 5 = 72
// (360), C buys 280 / 20 = 14 (280), leaving 560 + 84 − 360 − 280 = 4,
// too little for the share of A that would realize a gain not to be
// sold (12).
func TestComputeTargetNotHeld(t *testing.T) {
	res := build(t, portfolio.Config{Lots: lots.FIFO, Series: map[string]*quotes.Series{
		"A": series("A", 10, 12), "B": series("B", 5, 5), "C": series("C", 20, 20)}},
		portfolio.Transaction{Kind: portfolio.Deposit, Amount: 1000},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "A", Quantity: 30, Price: 8},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "B", Quantity: 40, Price: 5},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "C", Quantity: 5, Price: 20},
		portfolio.Transaction{Kind: portfolio.Sell, Symbol: "C", Quantity: 5, Price: 20})
	tg := Targets{{Symbol: "A", Weight: 0.25}, {Symbol: "B", Weight: 0.5}, {Symbol: "C", Weight: 0.25}}
	p, err := Compute(res, tg, Options{Lots: lots.FIFO})
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := trade(t, p, "A"), trade(t, p, "B"), trade(t, p, "C")
	if a.Side != Sell || a.Quantity != 7 || !near(a.Gain, 7*4) || b.Side != Buy || b.Quantity != 72 || c.Side != Buy || c.Quantity != 14 || c.Price != 20 {
		t.Errorf("A %+v\nB %+v\nC %+v\nwant 7 A sold (gain 7 × (12 − 8)), 72 B and 14 C bought", a, b, c)
	}
	if !near(p.CashAfter, 4) {
		t.Errorf("cash after %v, want 4", p.CashAfter)
	}
}

// borrowed is £100 deposited on 2 Jan 2024, then 30 A bought at £8 and 40
// B at £5: £340 borrowed. On 3 Jan A (12) is worth 360, B 200, the cash
// −340: 220 in all.
func borrowed(t *testing.T) *portfolio.Result {
	return build(t, portfolio.Config{Series: map[string]*quotes.Series{"A": series("A", 10, 12), "B": series("B", 5, 5)}},
		portfolio.Transaction{Kind: portfolio.Deposit, Amount: 100},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "A", Quantity: 30, Price: 8},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "B", Quantity: 40, Price: 5})
}

// TestComputeBorrowedCash: a full rebalance repays the £340 borrowed:
// targets of 50% of 220 are 110 each, so A sells floor((110 − 360) / 12)
// = −21 shares (252) and B (110 − 200) / 5 = −18 (90): the cash is −340 +
// 342 = 2, too little to keep the 21st A (12). With £1,000 of new money
// the cash is 660 and the total 1,220, 610 a target: A buys floor(250 /
// 12) = 20 (240), B 410 / 5 = 82 (410), £10 left; new money never sells.
func TestComputeBorrowedCash(t *testing.T) {
	res := borrowed(t)
	p, err := Compute(res, halfHalf(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := trade(t, p, "A"), trade(t, p, "B"); a.Side != Sell || a.Quantity != 21 || b.Side != Sell || b.Quantity != 18 || !near(p.CashAfter, 2) {
		t.Errorf("A %+v, B %+v, cash after %v: want 21 A and 18 B sold, 2 left", a, b, p.CashAfter)
	}
	if !near(p.CashBefore, -340) {
		t.Errorf("cash before %v, want -340", p.CashBefore)
	}
	p, err = Compute(res, halfHalf(t), Options{Mode: NewMoney, Invest: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := trade(t, p, "A"), trade(t, p, "B"); a.Side != Buy || a.Quantity != 20 || b.Side != Buy || b.Quantity != 82 || !near(p.CashAfter, 10) {
		t.Errorf("A %+v, B %+v, cash after %v: want 20 A and 82 B bought, 10 left", a, b, p.CashAfter)
	}
	// Without new money, a borrowed cash buys nothing, and sells nothing.
	p, err = Compute(res, halfHalf(t), Options{Mode: NewMoney})
	if err != nil || len(p.Trades) != 0 || !near(p.CashAfter, -340) {
		t.Errorf("new money, none invested: %v, %+v: want no trade", err, p)
	}
}

// TestComputeInvestMoreThanNeeded: new money of £10,000 on the borrowed
// portfolio (A 360, B 200, cash −340) makes 10,220, of which A's target
// is 25%, 2,555, and B's 75%, 7,665: both are under them, so every
// holding lands on its target: A buys (2,555 − 360) / 12 =
// 182.916…, B (7,665 − 200) / 5 = 1,493, and no cash is left (its target
// is 0).
func TestComputeInvestMoreThanNeeded(t *testing.T) {
	res := borrowed(t)
	tg := Targets{{Symbol: "A", Weight: 0.25}, {Symbol: "B", Weight: 0.75}}
	p, err := Compute(res, tg, Options{Mode: NewMoney, Invest: 10000, Fractional: true})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := trade(t, p, "A"), trade(t, p, "B"); !near(a.Quantity, 2195.0/12) || !near(b.Quantity, 1493) || !near(p.CashAfter, 0) {
		t.Errorf("A %+v, B %+v, cash after %v: want 182.92 A and 1,493 B bought, nothing left", a, b, p.CashAfter)
	}
	for _, w := range p.Weights {
		if !near(w.After, w.Target) {
			t.Errorf("%s after %v, want its target %v", w.Symbol, w.After, w.Target)
		}
	}
}

// fixedRates converts USD to GBP at 0.8 (and back at 1.25) every day.
type fixedRates struct{}

func (fixedRates) Rates(from, to string, dates []time.Time) ([]float64, error) {
	r := map[string]float64{"USD>GBP": 0.8, "GBP>USD": 1.25, "GBP>GBP": 1, "USD>USD": 1}[from+">"+to]
	if r == 0 {
		return nil, fmt.Errorf("no rate %s to %s", from, to)
	}
	out := make([]float64, len(dates))
	for i := range out {
		out[i] = r
	}
	return out, nil
}

// TestComputeQuoteCurrencies: $500 and £500 deposited; 30 A (in USD) bought
// at $10 from the dollars, 40 B (GBP) at £5. On 3 Jan A closes at $12,
// £9.60 at 0.8: A is worth 288, B 200, the cash $200 (160) + £300: 948.
// Targets A 40%, B 40%, CASH 20% are 379.20, 379.20 and 189.60: A buys
// (379.20 − 288) / 9.60 = 9.5 shares at $12 (£91.20), B (379.20 − 200) /
// 5 = 35.84 (179.20), leaving 460 − 270.40 = 189.60.
func TestComputeQuoteCurrencies(t *testing.T) {
	a := series("A", 10, 12)
	a.Currency = "USD"
	res := build(t, portfolio.Config{Rates: fixedRates{}, Series: map[string]*quotes.Series{"A": a, "B": series("B", 5, 5)}},
		portfolio.Transaction{Kind: portfolio.Deposit, Amount: 500, Currency: "USD"},
		portfolio.Transaction{Kind: portfolio.Deposit, Amount: 500},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "A", Quantity: 30, Price: 10},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "B", Quantity: 40, Price: 5})
	tg := Targets{{Symbol: "A", Weight: 0.4}, {Symbol: "B", Weight: 0.4}, {Symbol: Cash, Weight: 0.2}}
	p, err := Compute(res, tg, Options{Fractional: true})
	if err != nil {
		t.Fatal(err)
	}
	ta, tb := trade(t, p, "A"), trade(t, p, "B")
	if ta.Side != Buy || !near(ta.Quantity, 9.5) || ta.Price != 12 || ta.QuoteCurrency != "USD" || !near(ta.Value, 91.2) {
		t.Errorf("A %+v: want 9.5 bought at USD 12, £91.20", ta)
	}
	if tb.Side != Buy || !near(tb.Quantity, 35.84) || !near(tb.Value, 179.2) {
		t.Errorf("B %+v: want 35.84 bought, £179.20", tb)
	}
	if !near(p.TotalBefore, 948) || !near(p.CashAfter, 189.6) {
		t.Errorf("total before %v, cash after %v: want 948 and 189.60", p.TotalBefore, p.CashAfter)
	}
}

// TestComputeStaleHolding: B's market data ends on 2 January while A's
// runs to the 10th, so on the plan's day B is valued (and would trade) at
// a close 8 days old: the plan says so (the engine's StalePrice warning,
// for the symbols the plan trades or holds), and names the fix. A target
// price for B replaces the stale close: no note then.
func TestComputeStaleHolding(t *testing.T) {
	closes := []float64{10, 10, 10, 10, 10, 10, 10, 10, 10}
	res := build(t, portfolio.Config{Series: map[string]*quotes.Series{"A": series("A", closes...), "B": series("B", 5)}},
		portfolio.Transaction{Kind: portfolio.Deposit, Amount: 1000},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "A", Quantity: 30, Price: 10},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "B", Quantity: 40, Price: 5})
	p, err := Compute(res, halfHalf(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "B is priced at its last close, of 2024-01-02, not one of 2024-01-10: give its price (a price column in the targets file, Target.Price)"
	if len(p.Notes) != 1 || p.Notes[0] != want {
		t.Errorf("notes %q, want [%q]", p.Notes, want)
	}
	p, err = Compute(res, Targets{{Symbol: "A", Weight: 0.5}, {Symbol: "B", Weight: 0.5, Price: 6}}, Options{})
	if err != nil || len(p.Notes) != 0 {
		t.Errorf("with B's price: %v, notes %q: want none", err, p.Notes)
	}
}

// TestComputeTargetNearHolding: a target "a" is not the holding A (symbols
// match exactly, as in the transactions): the error suggests A rather
// than only asking for a price.
func TestComputeTargetNearHolding(t *testing.T) {
	_, err := Compute(twoLots(t, lots.Average), Targets{{Symbol: "a", Weight: 0.5}, {Symbol: "B", Weight: 0.5}}, Options{})
	if want := "target a: the portfolio has no market data for it (did you mean A? symbols are matched exactly): give its price"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}

// TestComputeWashSaleNote: under us, A bought on 2 January (30 at 12 and
// 10 at 8) closes at 10 on the 3rd; targets of A 25% and the cash 75% of
// 1,000 − 440 + 400 = 960 keep 24 A, so 16 are sold, FIFO from the lot at
// 12: a loss of 2 a share, with A bought the day before: the note says
// the loss may be disallowed. Under fifo, or selling at a gain (A at 15),
// no note.
func TestComputeWashSaleNote(t *testing.T) {
	tg := Targets{{Symbol: "A", Weight: 0.25}, {Symbol: Cash, Weight: 0.75}}
	for _, c := range []struct {
		m     lots.Method
		close float64
		note  bool
	}{{lots.US, 10, true}, {lots.FIFO, 10, false}, {lots.US, 15, false}} {
		res := build(t, portfolio.Config{Series: map[string]*quotes.Series{"A": series("A", 12, c.close)}},
			portfolio.Transaction{Kind: portfolio.Deposit, Amount: 1000},
			portfolio.Transaction{Kind: portfolio.Buy, Symbol: "A", Quantity: 30, Price: 12},
			portfolio.Transaction{Kind: portfolio.Buy, Symbol: "A", Quantity: 10, Price: 8})
		p, err := Compute(res, tg, Options{Lots: c.m})
		if err != nil {
			t.Fatal(err)
		}
		want := "A: the sale takes lots at a loss, and A was bought on 2024-01-02, within 30 days before: under us the loss may be a wash sale"
		if got := strings.Join(p.Notes, "\n"); strings.Contains(got, want) != c.note {
			t.Errorf("%s at %v: notes %q, want a wash-sale note: %v", c.m, c.close, got, c.note)
		}
		if c.close == 10 {
			if a := trade(t, p, "A"); a.Quantity != 16 || !near(a.Gain, -32) {
				t.Errorf("%s: A %+v, want 16 sold at a loss of 32", c.m, a)
			}
		}
	}
}
