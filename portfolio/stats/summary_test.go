package stats

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
)

// frame builds a performance frame from values and flows only: the columns
// Compute reads.
func frame(dates []time.Time, value, in, out []float64) *perf.Frame {
	return &perf.Frame{Currency: "EUR", Dates: dates, Value: value, Deposits: in, Withdrawals: out}
}

func compute(t *testing.T, p *perf.Frame, opts Options) *Summary {
	t.Helper()
	s, err := Compute(p, opts)
	if err != nil {
		t.Fatal(err)
	}
	noInf(t, s)
	return s
}

// noInf checks that no figure is ±Inf and that every NaN has a reason.
func noInf(t *testing.T, s *Summary) {
	t.Helper()
	figs := map[string]Figure{
		"TWR": s.TWR, "TWRAnnualised": s.TWRAnnualised, "TWRAnnualisedTrading": s.TWRAnnualisedTrading,
		"MWR": s.MWR, "IRR": s.IRR, "Volatility": s.Volatility, "Sharpe": s.Sharpe, "Sortino": s.Sortino,
		"Calmar": s.Calmar, "BestDay": s.BestDay.Return, "WorstDay": s.WorstDay.Return,
		"BestMonth": s.BestMonth.Return, "WorstMonth": s.WorstMonth.Return, "PositiveMonths": s.PositiveMonths,
	}
	for _, p := range s.Periods {
		figs[p.Name] = p.Return
		figs[p.Name+" annualised"] = p.Annualised
	}
	for _, m := range s.Monthly {
		figs[m.Month.String()] = m.Return
	}
	for name, f := range figs {
		if math.IsInf(f.Value, 0) || math.IsNaN(f.Value) != !f.Defined() || (f.Defined() != (f.Reason == "")) {
			t.Errorf("%s = %#v: Inf, or NaN without a reason", name, f)
		}
	}
	if math.IsInf(s.MaxDrawdown.Depth, 0) {
		t.Errorf("max drawdown is Inf")
	}
}

func TestComputeFlat(t *testing.T) {
	// 100 deposited and nothing moves for 25 days.
	n := 25
	value, in := make([]float64, n), make([]float64, n)
	for i := range value {
		value[i] = 100
	}
	in[0] = 100
	s := compute(t, frame(days(n), value, in, nil), Options{})
	checkFigure(t, "TWR", s.TWR, 0)
	checkFigure(t, "volatility", s.Volatility, 0)
	checkUndefined(t, "sharpe", s.Sharpe)
	checkUndefined(t, "sortino", s.Sortino)
	checkFigure(t, "MWR", s.MWR, 0) // 100 in, 100 out: r = 0
	checkUndefined(t, "IRR (24 days)", s.IRR)
	if s.MaxDrawdown != (Drawdown{}) {
		t.Errorf("max drawdown = %+v, want none", s.MaxDrawdown)
	}
	checkUndefined(t, "calmar", s.Calmar)
	checkUndefined(t, "annualised (24 days)", s.TWRAnnualised)
	checkFigure(t, "positive months", s.PositiveMonths, 0)
	if s.ReturnDays != 24 || s.PnL != 0 || s.NetContributions != 100 {
		t.Errorf("ReturnDays %d PnL %v Net %v, want 24, 0, 100", s.ReturnDays, s.PnL, s.NetContributions)
	}
}

func TestComputeSingleDay(t *testing.T) {
	// Deposit 100 and close at 101: r0 = 101/100 − 1 = 0.01.
	s := compute(t, frame(days(1), []float64{101}, []float64{100}, []float64{0}), Options{RiskFree: 0.02})
	checkFigure(t, "TWR", s.TWR, 0.01)
	for name, f := range map[string]Figure{"vol": s.Volatility, "sharpe": s.Sharpe, "sortino": s.Sortino,
		"best day": s.BestDay.Return, "MWR": s.MWR, "IRR": s.IRR, "calmar": s.Calmar} {
		checkUndefined(t, name, f)
	}
	if !strings.Contains(s.IRR.Reason, "no time elapsed") || s.MWR.Reason != s.IRR.Reason {
		t.Errorf("IRR reason = %q, MWR reason = %q", s.IRR.Reason, s.MWR.Reason)
	}
	if len(s.Monthly) != 1 || len(s.Yearly) != 1 {
		t.Fatalf("got %d months and %d years, want 1 and 1", len(s.Monthly), len(s.Yearly))
	}
	checkFigure(t, "January", s.Monthly[0].Return, 0.01)
	ytd, _ := s.Period("YTD")
	checkFigure(t, "YTD (from inception)", ytd.Return, 0.01)
	if !ytd.FromInception {
		t.Error("YTD of a frame that starts this year should run from inception")
	}
	m1, _ := s.Period("1M")
	checkUndefined(t, "1M", m1.Return)
}

func TestComputeAllZero(t *testing.T) {
	z := make([]float64, 5)
	s := compute(t, frame(days(5), z, z, z), Options{})
	checkUndefined(t, "TWR", s.TWR)
	checkUndefined(t, "MWR", s.MWR)
	checkUndefined(t, "IRR", s.IRR)
	checkUndefined(t, "volatility", s.Volatility)
	checkUndefined(t, "best month", s.BestMonth.Return)
	checkUndefined(t, "positive months", s.PositiveMonths)
	if s.ReturnDays != 0 {
		t.Errorf("ReturnDays = %d, want 0", s.ReturnDays)
	}
}

func TestComputeEmptiedAndRefilled(t *testing.T) {
	// The frame of TestDailyReturnsEmptiedAndRefilled, r = 0, .1, .1, 0, 0,
	// −.1, then 20 days flat at 45 (r = 0) so that there are enough returns
	// for a volatility.
	value, in, out := []float64{100, 110, 0, 0, 50, 45}, []float64{100, 0, 0, 0, 50, 0}, []float64{0, 0, 121, 0, 0, 0}
	for range 20 {
		value, in, out = append(value, 45), append(in, 0), append(out, 0)
	}
	s := compute(t, frame(days(26), value, in, out), Options{})
	// 1.1 × 1.1 × 0.9 − 1 = 0.089, not −100 %.
	checkFigure(t, "TWR", s.TWR, 0.089)
	// Risk returns leave out day 0 and the empty day 3: .1, .1, 0, −.1 and
	// the 20 zeros.
	if s.ReturnDays != 24 {
		t.Errorf("ReturnDays = %d, want 24", s.ReturnDays)
	}
	// mean m = 0.1/24; Σ (x − m)² = Σ x² − 24 m² = 0.03 − 0.01/24
	// = 0.0295833…, / 23 → sd.
	checkFigure(t, "volatility", s.Volatility, math.Sqrt((0.03-0.01/24)/23)*math.Sqrt(252))
	checkNear(t, "max drawdown", s.MaxDrawdown.Depth, -0.1) // 1.089/1.21 − 1
	// MWR over the 25 days: the flows 100 (day 0), −121 (day 2), 50 (day 4)
	// and end value 45 (day 25) must balance at 1 + R per 25 days.
	r := s.MWR.Value
	fv := 100*(1+r) - 121*math.Pow(1+r, 23.0/25) + 50*math.Pow(1+r, 21.0/25)
	if !s.MWR.Defined() || math.Abs(fv-45) > 1e-8 {
		t.Errorf("MWR %v: future value of the flows %.12g, want 45", s.MWR, fv)
	}
	checkUndefined(t, "IRR (25 days)", s.IRR)
	checkNear(t, "PnL", s.PnL, 45-(150-121))
}

func TestComputeSeesOnlyValue(t *testing.T) {
	// A large buy without a deposit: 1000 of cash becomes shares, so
	// MarketValue jumps from 10 to 1010 and Cash falls to 0, but Value does
	// not move. The summary must be the one of Value alone; a stale
	// DailyReturn column must not leak in either.
	// Then 20 days flat at 1000, so that there are enough returns for a
	// volatility.
	n := 24
	dates := days(n)
	value, in := make([]float64, n), make([]float64, n)
	copy(value, []float64{1010, 1010, 1020})
	for i := 3; i < n; i++ {
		value[i] = 1000
	}
	in[0] = 1010
	p := frame(dates, value, in, nil)
	p.MarketValue = append([]float64{10}, value[1:]...)
	p.Cash = make([]float64, n)
	p.Cash[0] = 1000
	p.DailyReturn, p.CumulativeReturn = make([]float64, n), make([]float64, n)
	for i := range n {
		p.DailyReturn[i], p.CumulativeReturn[i] = float64(i)*0.5, float64(i)*100
	}
	got := compute(t, p, Options{})
	want := compute(t, frame(dates, value, in, nil), Options{})
	// TWR = 1000/1010 − 1 (the buy is not a return).
	checkFigure(t, "TWR", got.TWR, 1000.0/1010-1)
	if !got.Volatility.Defined() {
		t.Fatalf("volatility undefined: %s", got.Volatility.Reason)
	}
	if got.TWR != want.TWR || got.Volatility != want.Volatility || got.BestDay != want.BestDay {
		t.Errorf("summary depends on MarketValue, Cash or DailyReturn: %+v vs %+v", got, want)
	}
	// Best day: 1020/1010 − 1 on day 2.
	if got.BestDay.Date != day(2) || !near(got.BestDay.Return.Value, 1020.0/1010-1, 1e-12) {
		t.Errorf("best day %+v", got.BestDay)
	}
}

func TestComputeErrors(t *testing.T) {
	if _, err := Compute(nil, Options{}); err == nil {
		t.Error("nil frame: no error")
	}
	if _, err := Compute(frame(nil, nil, nil, nil), Options{}); err == nil {
		t.Error("empty frame: no error")
	}
	dates := days(4)
	dates[3] = dates[2]
	p := frame(dates, []float64{100, math.NaN(), math.Inf(1), 100}, []float64{100, -5, 0}, []float64{0, 0, math.NaN(), 0})
	_, err := Compute(p, Options{RiskFree: math.NaN()})
	if err == nil {
		t.Fatal("bad frame: no error")
	}
	// Every problem at once.
	for _, want := range []string{"not strictly ascending", "Value is NaN or infinite on 2 date(s)",
		"Deposits has 3 values for 4 dates", "Withdrawals is NaN, infinite or negative on 1 date(s)", "risk-free rate"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestComputeFirstDayLossIsADrawdown(t *testing.T) {
	// 1000 deposited, 10 paid in commission on the first day, then flat:
	// the wealth index is 0.99 from the start, 1 % below the money invested.
	n := 5
	value, in := make([]float64, n), make([]float64, n)
	for i := range value {
		value[i] = 990
	}
	in[0] = 1000
	d := days(n)
	s := compute(t, frame(d, value, in, nil), Options{})
	checkFigure(t, "TWR", s.TWR, -0.01)
	if got := s.MaxDrawdown; math.Abs(got.Depth+0.01) > 1e-12 || !got.Peak.Equal(d[0]) || !got.Trough.Equal(d[0]) || got.Recovered() {
		t.Errorf("max drawdown = %+v, want −1 %% from and at %v, not recovered", got, d[0])
	}
}
