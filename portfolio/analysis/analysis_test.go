package analysis

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
)

// halfRates converts USD to GBP at 0.5 on every day.
type halfRates struct{}

func (halfRates) Rates(from, to string, dates []time.Time) ([]float64, error) {
	out := make([]float64, len(dates))
	for i := range out {
		out[i] = 0.5
	}
	return out, nil
}

func series(sym, ccy string, closes ...float64) *quotes.Series {
	s := &quotes.Series{Symbol: sym, Currency: ccy}
	for i, c := range closes {
		s.Dates = append(s.Dates, quotes.Date(2024, 1, 2+i))
		s.Close = append(s.Close, c)
	}
	return s
}

// fourDays is a portfolio small enough to check by hand: £1,000 and $200
// deposited on 2 Jan 2024 and 50 shares of A (in GBP) bought at that day's
// close of £10, A then closing 11, 12 and 9; a dollar is £0.50. The value is
// 500 + 100 cash + 50 × close = 1100, 1150, 1200, 1050. The benchmark ^DJI,
// in GBP, closes 100, 102, 101, 103.
func fourDays(t *testing.T) (*portfolio.Result, *quotes.Series) {
	t.Helper()
	d := quotes.Date(2024, 1, 2)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 1000, Currency: "GBP"},
		{Date: d, Kind: portfolio.Deposit, Amount: 200, Currency: "USD"},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 50, Price: 10},
	}, portfolio.Config{Currency: "GBP", Rates: halfRates{},
		Series: map[string]*quotes.Series{"A": series("A", "GBP", 10, 11, 12, 9)}})
	if err != nil {
		t.Fatal(err)
	}
	return res, series("^DJI", "GBP", 100, 102, 101, 103)
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestRunWholeHistory(t *testing.T) {
	res, dji := fourDays(t)
	a, err := Run(res, []*quotes.Series{dji}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// TWR: 1050/1100 − 1 (the deposits are the first day's).
	if a.Performance != res.Performance || !near(a.Summary.TWR.Value, 1050.0/1100-1) {
		t.Errorf("TWR %v, want %v over the whole frame", a.Summary.TWR.Value, 1050.0/1100-1)
	}
	if len(a.Benchmarks) != 1 {
		t.Fatalf("%d benchmarks, want 1", len(a.Benchmarks))
	}
	b := a.Benchmarks[0]
	// The index alone: 103/100 − 1. Same cash flows: £1,100 buys 11 units
	// at 100, worth 11 × 103 = 1133.
	if b.Symbol != "^DJI" || !near(b.Summary.TWR.Value, 0.03) || !near(b.SameCashFlowsSummary.EndValue, 1133) {
		t.Errorf("benchmark %s: TWR %v, same cash flows end value %v; want 0.03 and 1133",
			b.Symbol, b.Summary.TWR.Value, b.SameCashFlowsSummary.EndValue)
	}
	if b.Relative == nil || !math.IsNaN(b.Relative.Beta.Value) {
		t.Errorf("relative %+v: want a NaN beta from 3 returns", b.Relative)
	}
	// 50 A at 9 = 450; cash £500 and $200 = £100.
	if len(a.Holdings) != 1 || a.Holdings[0].Symbol != "A" || !near(a.Holdings[0].Value, 450) {
		t.Errorf("holdings %+v, want 50 A worth 450", a.Holdings)
	}
	if len(a.CashByCurrency) != 2 || !near(a.CashByCurrency["GBP"], 500) || !near(a.CashByCurrency["USD"], 100) {
		t.Errorf("cash by currency %v, want GBP 500 and USD 100 (in GBP)", a.CashByCurrency)
	}
	// the same cash as held: £500 and $200
	if len(a.CashHeld) != 2 || !near(a.CashHeld["GBP"], 500) || !near(a.CashHeld["USD"], 200) {
		t.Errorf("cash held %v, want GBP 500 and USD 200", a.CashHeld)
	}
}

// TestRunWindowFlows: in a window from 3 Jan the same-cash-flows benchmark
// receives the window's flows, the opening value of 1150 deposited on its
// first day (the whole history's £1,100 of 2 Jan would fall before it),
// buying 1150/102 units worth 1150 × 103/102 on 5 Jan.
func TestRunWindowFlows(t *testing.T) {
	res, dji := fourDays(t)
	a, err := Run(res, []*quotes.Series{dji}, Options{From: quotes.Date(2024, 1, 3)})
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Performance.Dates[0]; !got.Equal(quotes.Date(2024, 1, 3)) {
		t.Fatalf("window starts %v, want 2024-01-03", got)
	}
	// TWR: 1050/1150 − 1.
	if !near(a.Summary.TWR.Value, 1050.0/1150-1) {
		t.Errorf("window TWR %v, want %v", a.Summary.TWR.Value, 1050.0/1150-1)
	}
	if got, want := a.Benchmarks[0].SameCashFlowsSummary.EndValue, 1150*103.0/102; !near(got, want) {
		t.Errorf("same cash flows end value %v, want %v", got, want)
	}
}

func TestRunEmptyWindow(t *testing.T) {
	res, _ := fourDays(t)
	_, err := Run(res, nil, Options{From: quotes.Date(2024, 2, 1)})
	if !errors.Is(err, ErrEmptyWindow) || !strings.Contains(err.Error(), "from 2024-02-01 to (open)") {
		t.Errorf("error %v, want ErrEmptyWindow with the window", err)
	}
}

// TestRunReportsEveryBenchmarkProblem: a missing series and one with no
// data on the portfolio's dates are both named, in one error.
func TestRunReportsEveryBenchmarkProblem(t *testing.T) {
	res, _ := fourDays(t)
	late := &quotes.Series{Symbol: "LATE", Currency: "GBP", Dates: []time.Time{quotes.Date(2025, 1, 2)}, Close: []float64{1}}
	_, err := Run(res, []*quotes.Series{nil, late}, Options{})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"benchmark 0: no series", "benchmark LATE: "} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// TestOptionsCheck: every problem of the options at once, each naming its
// field; the risk-free rate's says what 3% is.
func TestOptionsCheck(t *testing.T) {
	res, _ := fourDays(t)
	_, err := Run(res, nil, Options{RiskFree: 3, PeriodsPerYear: -1,
		From: quotes.Date(2024, 1, 5), To: quotes.Date(2024, 1, 3)})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"Options.RiskFree 3: want a fraction, e.g. 0.03 for 3%, from -0.1 to 1",
		"Options.PeriodsPerYear -1: want a positive number",
		"Options.To 2024-01-03 is before Options.From 2024-01-05",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if err := (Options{RiskFree: 0.03}).Check(); err != nil {
		t.Errorf("0.03: %v", err)
	}
}

func TestCheckRiskFree(t *testing.T) {
	for _, c := range []struct {
		rate float64
		want string // "" for no error
	}{
		{0, ""}, {0.03, ""}, {1, ""}, {-0.1, ""},
		{3, "want a fraction, e.g. 0.03 for 3%, from -0.1 to 1"},
		{4.5, "want a fraction, e.g. 0.03 for 3%, from -0.1 to 1; for 4.5% give 0.045"},
		{-1.5, "; for -1.5% give -0.015"},
		{-50, "from -0.1 to 1"},
		{1.01, "; for 1.01% give 0.0101"},
		{math.NaN(), "want a finite annual rate as a fraction, e.g. 0.03 for 3%"},
		{math.Inf(1), "want a finite annual rate"},
	} {
		err := CheckRiskFree(c.rate)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("CheckRiskFree(%v): %v", c.rate, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("CheckRiskFree(%v) = %v, want %q", c.rate, err, c.want)
		}
	}
}
