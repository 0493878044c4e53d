package stats

import (
	"math"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
)

// growth is a frame over every calendar day from start to end: deposit
// deposited on start and invested at its close, worth end/start of it on
// the last day, growing by the same factor every day.
func growth(start, end time.Time, deposit, last float64) ([]time.Time, []float64, []float64) {
	var dates []time.Time
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		dates = append(dates, d)
	}
	n := len(dates)
	value, in := make([]float64, n), make([]float64, n)
	g := math.Pow(last/deposit, 1/float64(n-1))
	for i := range value {
		value[i] = deposit * math.Pow(g, float64(i))
	}
	value[n-1] = last
	in[0] = deposit
	return dates, value, in
}

func TestComputeShortPeriodMWR(t *testing.T) {
	// 100 in on 2023-01-01, 110 on 2023-03-15, 73 days later: over the
	// period the money earned 10 % exactly; annualised (Act/365) that would
	// be 1.1^(365/73) − 1 = 1.1^5 − 1 = 61.051 %, which is not reported.
	dates, value, in := growth(date(2023, 1, 1), date(2023, 3, 15), 100, 110)
	s := compute(t, frame(dates, value, in, nil), Options{})
	checkFigure(t, "MWR", s.MWR, 0.1)
	checkUndefined(t, "IRR", s.IRR)
	if s.IRR.Reason != "a period shorter than a year is not annualised" {
		t.Errorf("IRR reason %q", s.IRR.Reason)
	}
	// The primitive still annualises.
	r, err := XIRR([]perf.Flow{{Date: dates[0], Amount: 100}}, dates[len(dates)-1], 110)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "XIRR", r, 0.61051)
}

func TestComputeIRRFromAYear(t *testing.T) {
	// 2024 is a leap year: 2024-01-01 to 2025-01-01 is a calendar year of
	// 366 days, so IRR is defined: 1000 × (1 + r)^(366/365) = 1100, r =
	// 1.1^(365/366) − 1; MWR is the 10 % earned.
	dates, value, in := growth(date(2024, 1, 1), date(2025, 1, 1), 1000, 1100)
	s := compute(t, frame(dates, value, in, nil), Options{})
	checkFigure(t, "IRR", s.IRR, math.Pow(1.1, 365.0/366)-1)
	checkFigure(t, "MWR", s.MWR, 0.1)
	// One day short of the anniversary: 365 days, still under a year.
	dates, value, in = growth(date(2024, 1, 1), date(2024, 12, 31), 1000, 1100)
	s = compute(t, frame(dates, value, in, nil), Options{})
	checkUndefined(t, "IRR (365 days of a leap year)", s.IRR)
	checkFigure(t, "MWR (365 days of a leap year)", s.MWR, 0.1)
}

func TestComputeShortPeriodExtremes(t *testing.T) {
	// The reviewer's cases: a gain over 17 days annualises to an absurd
	// rate (1.5^(365/17) − 1 = e^8.706 − 1 ≈ 6040, 604,000 %); a 20 % loss
	// over 2 days to 0.8^(365/2) − 1 = e^−40.7 − 1, −100 % to a float64.
	// The period return is 50 % and −20 %, whatever the annual rate rounds
	// to.
	for _, tc := range []struct {
		days int
		end  float64
		want float64
	}{{17, 150, 0.5}, {2, 80, -0.2}} {
		dates, value, in := growth(date(2023, 6, 1), date(2023, 6, 1+tc.days), 100, tc.end)
		s := compute(t, frame(dates, value, in, nil), Options{})
		checkFigure(t, "MWR", s.MWR, tc.want)
		checkUndefined(t, "IRR", s.IRR)
		r, err := XIRR([]perf.Flow{{Date: dates[0], Amount: 100}}, dates[len(dates)-1], tc.end)
		if err != nil {
			t.Fatal(err)
		}
		// Over 2 days the annual rate is −1 to a float64: raised back to the
		// period it would say everything was lost.
		if naive := math.Pow(1+r, float64(tc.days)/365) - 1; tc.days == 2 && naive != -1 {
			t.Errorf("(1 + XIRR)^(2/365) − 1 = %v; the test no longer shows why MWR solves for ln(1 + r)", naive)
		}
	}
}

// alternating is a frame of n dates: 1000 deposited on the first, then
// daily returns of +2 % and −1 % in turn (n − 1 returns).
func alternating(n int) *Summary {
	value, in := make([]float64, n), make([]float64, n)
	value[0], in[0] = 1000, 1000
	for i := 1; i < n; i++ {
		r := 0.02
		if i%2 == 0 {
			r = -0.01
		}
		value[i] = value[i-1] * (1 + r)
	}
	s, _ := Compute(frame(days(n), value, in, nil), Options{})
	return s
}

func TestComputeMinReturns(t *testing.T) {
	// 20 returns, ten of +2 % and ten of −1 %: mean 0.005, deviations
	// ±0.015, Σ (x − m)² = 20 × 0.000225 = 0.0045, sd = sqrt(0.0045/19).
	// With rf = 0 the downside deviation is sqrt(10 × 0.0001 / 20).
	s := alternating(21)
	if s.ReturnDays != 20 {
		t.Fatalf("ReturnDays %d, want 20", s.ReturnDays)
	}
	sd := math.Sqrt(0.0045 / 19)
	checkFigure(t, "volatility", s.Volatility, sd*math.Sqrt(252))
	checkFigure(t, "sharpe", s.Sharpe, math.Sqrt(252)*0.005/sd)
	checkFigure(t, "sortino", s.Sortino, math.Sqrt(252)*0.005/math.Sqrt(0.00005))

	// 19 returns: too few; the primitives still compute on them.
	s = alternating(20)
	for name, f := range map[string]Figure{"volatility": s.Volatility, "sharpe": s.Sharpe, "sortino": s.Sortino} {
		checkUndefined(t, name, f)
		if f.Reason != "fewer than 20 daily returns: there are 19" {
			t.Errorf("%s reason %q", name, f.Reason)
		}
	}
	// The best and worst days are observed, not estimated: still there.
	checkFigure(t, "best day", s.BestDay.Return, 0.02)
	if TooFewReturns(MinReturns) != "" || TooFewReturns(MinReturns-1) == "" {
		t.Errorf("TooFewReturns disagrees with MinReturns = %d", MinReturns)
	}
}
