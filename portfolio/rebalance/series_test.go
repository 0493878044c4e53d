package rebalance

import (
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
)

// bOnly is £1,000 deposited on 2 Jan 2024 and 40 B bought at £5, B closing
// at 5 every day of closesB: B is worth 200 and the cash 800, 1,000 in
// all, on the plan's day (the last of B's closes). USD converts at 0.8.
func bOnly(t *testing.T, closesB int) *portfolio.Result {
	t.Helper()
	closes := make([]float64, closesB)
	for i := range closes {
		closes[i] = 5
	}
	return build(t, portfolio.Config{Rates: fixedRates{}, Series: map[string]*quotes.Series{"B": series("B", closes...)}},
		portfolio.Transaction{Kind: portfolio.Deposit, Amount: 1000},
		portfolio.Transaction{Kind: portfolio.Buy, Symbol: "B", Quantity: 40, Price: 5})
}

// usd is a series of D quoted in USD from 2 Jan 2024, a close a day.
func usd(closes ...float64) *quotes.Series {
	s := series("D", closes...)
	s.Currency = "USD"
	return s
}

// TestComputeTargetFromSeries: D was never traded, so res.Holdings has no
// column for it; Options.Series prices it at its last close on or before
// the plan's day, 3 Jan: $12.50 (not the 4 Jan close of $50), £10 at 0.8.
// Targets B 20%, D 80% of £1,000 are 200 and 800: B does not trade, D
// buys 800 / 10 = 80 shares at USD 12.50 (£800), leaving no cash. A price
// in the targets wins: at £16, D buys 800 / 16 = 50 shares.
func TestComputeTargetFromSeries(t *testing.T) {
	res := bOnly(t, 2)
	tg := Targets{{Symbol: "B", Weight: 0.2}, {Symbol: "D", Weight: 0.8}}
	p, err := Compute(res, tg, Options{Series: map[string]*quotes.Series{"D": usd(10, 12.5, 50)}})
	if err != nil {
		t.Fatal(err)
	}
	d := trade(t, p, "D")
	if d.Side != Buy || d.Quantity != 80 || d.Price != 12.5 || d.QuoteCurrency != "USD" || !near(d.Value, 800) {
		t.Errorf("D %+v: want 80 bought at USD 12.50, £800", d)
	}
	if len(p.Trades) != 1 || !near(p.CashAfter, 0) || len(p.Notes) != 0 {
		t.Errorf("trades %+v, cash after %v, notes %q: want D's buy only, no cash left, no note", p.Trades, p.CashAfter, p.Notes)
	}
	tg[1].Price = 16
	p, err = Compute(res, tg, Options{Series: map[string]*quotes.Series{"D": usd(10, 12.5, 50)}})
	if err != nil {
		t.Fatal(err)
	}
	if d := trade(t, p, "D"); d.Quantity != 50 || d.Price != 16 || d.QuoteCurrency != "GBP" {
		t.Errorf("D with its price of £16: %+v, want 50 bought at GBP 16", d)
	}
}

// TestComputeTargetFromSeriesProblems: without a series (or one for
// another symbol) D still needs its price; a series that starts after the
// plan's day (3 Jan) has no close to price it at.
func TestComputeTargetFromSeriesProblems(t *testing.T) {
	res := bOnly(t, 2)
	tg := Targets{{Symbol: "B", Weight: 0.2}, {Symbol: "D", Weight: 0.8}}
	late := usd(10)
	late.Dates[0] = quotes.Date(2024, 1, 4)
	for _, c := range []struct {
		series map[string]*quotes.Series
		want   string
	}{
		{nil, "target D: the portfolio has no market data for it: give its price"},
		{map[string]*quotes.Series{"E": usd(10, 10)}, "target D: the portfolio has no market data for it: give its price"},
		{map[string]*quotes.Series{"D": late}, "target D: its market data start on 2024-01-04, after the plan's date, 2024-01-03: give its price"},
	} {
		_, err := Compute(res, tg, Options{Series: c.series})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("series %v: error %v, want %q", c.series, err, c.want)
		}
	}
}

// TestComputeTargetFromStaleSeries: the plan's day is 10 Jan (B's closes
// from the 2nd). D's series ending on the 2nd is 8 trading days of the
// portfolio's calendar behind (3..10 Jan), more than the engine's 5: the
// plan notes it as a stale holding's close. Ending on the 5th it is 5
// days behind (6..10 Jan): no note.
func TestComputeTargetFromStaleSeries(t *testing.T) {
	res := bOnly(t, 9)
	tg := Targets{{Symbol: "B", Weight: 0.2}, {Symbol: "D", Weight: 0.8}}
	p, err := Compute(res, tg, Options{Series: map[string]*quotes.Series{"D": usd(10)}})
	if err != nil {
		t.Fatal(err)
	}
	want := "D is priced at its last close, of 2024-01-02, not one of 2024-01-10: give its price (a price column in the targets file, Target.Price)"
	if len(p.Notes) != 1 || p.Notes[0] != want {
		t.Errorf("notes %q, want [%q]", p.Notes, want)
	}
	if d := trade(t, p, "D"); d.Quantity != 100 {
		t.Errorf("D %+v: want 800 / (10 × 0.8) = 100 bought at the stale close", d)
	}
	p, err = Compute(res, tg, Options{Series: map[string]*quotes.Series{"D": usd(10, 10, 10, 10)}})
	if err != nil || len(p.Notes) != 0 {
		t.Errorf("D's close of 5 Jan: %v, notes %q: want none", err, p.Notes)
	}
}
