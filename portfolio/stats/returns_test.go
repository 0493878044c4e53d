package stats

import (
	"math"
	"testing"
)

func TestDailyReturnsEmptiedAndRefilled(t *testing.T) {
	// day 0: deposit 100, worth 100            r = 100/(0+100) − 1 = 0
	// day 1: worth 110                          r = 110/100 − 1 = 0.10
	// day 2: grows to 121, all 121 withdrawn    r = (0+121)/(110+0) − 1 = 0.10
	// day 3: empty, no flow                     r = 0 (denominator 0)
	// day 4: deposit 50, worth 50               r = 50/(0+50) − 1 = 0
	// day 5: worth 45                           r = 45/50 − 1 = −0.10
	value := []float64{100, 110, 0, 0, 50, 45}
	in := []float64{100, 0, 0, 0, 50, 0}
	out := []float64{0, 0, 121, 0, 0, 0}
	r := DailyReturns(value, in, out)
	checkSlice(t, "daily", r, []float64{0, 0.10, 0.10, 0, 0, -0.10})
	// Cumulative: 1.1 × 1.1 × 0.9 − 1 = 0.089, not −100 %.
	c := Cumulative(r)
	checkSlice(t, "cumulative", c, []float64{0, 0.1, 0.21, 0.21, 0.21, 0.089})
	// Drawdown: peak 1.21, last 1.089 → 1.089/1.21 − 1 = −0.1.
	checkSlice(t, "drawdown", Drawdowns(c), []float64{0, 0, 0, 0, 0, -0.1})
}

func TestDailyReturnsDegenerate(t *testing.T) {
	// No flows: nil in and out; day 0 has no deposit → 0; 100 → 0 is −100 %.
	checkSlice(t, "no flows", DailyReturns([]float64{100, 0, 0}, nil, nil), []float64{0, -1, 0})
	// NaN value gives NaN returns on its day and the next, never Inf.
	r := DailyReturns([]float64{100, math.NaN(), 100}, []float64{100, 0, 0}, nil)
	if r[0] != 0 || !math.IsNaN(r[1]) || !math.IsNaN(r[2]) {
		t.Errorf("NaN value: got %v", r)
	}
	r = DailyReturns([]float64{100, math.Inf(1)}, []float64{100, 0}, nil)
	if !math.IsNaN(r[1]) {
		t.Errorf("Inf value: got %v, want NaN", r[1])
	}
	// Everything lost from the start: the wealth index is 0 against the 1
	// invested, a drawdown of −100 % on both days.
	if d := Drawdowns([]float64{-1, -1}); d[0] != -1 || d[1] != -1 {
		t.Errorf("drawdown of a zero index = %v, want [-1 -1]", d)
	}
	// A first-day loss is a drawdown: 0.99 / 1 − 1, then 1.1 is a new peak.
	checkSlice(t, "first-day loss", Drawdowns([]float64{-0.01, 0.1, 0.045}), []float64{-0.01, 0, 1.045/1.1 - 1})
}

// The four returns used below: mean = (0.01 − 0.02 + 0.03 + 0)/4 = 0.005;
// deviations 0.005, −0.025, 0.025, −0.005; squares 0.000025, 0.000625,
// 0.000625, 0.000025, sum 0.0013; sample variance 0.0013/3.
var fourReturns = []float64{0.01, -0.02, 0.03, 0}

func TestVolatility(t *testing.T) {
	// sqrt(0.0013/3) = 0.0208166600, × sqrt(252) = 15.8745079 → 0.330454.
	want := math.Sqrt(0.0013/3) * math.Sqrt(252)
	checkNear(t, "volatility", Volatility(fourReturns, 252), want)
	checkRough(t, "volatility literal", Volatility(fourReturns, 252), 0.3304542)
	if v := Volatility([]float64{0.01}, 252); !math.IsNaN(v) {
		t.Errorf("volatility of one return = %v, want NaN", v)
	}
	if v := Volatility([]float64{0.01, 0.01, 0.01}, 252); v != 0 {
		t.Errorf("volatility of a constant = %v, want 0", v)
	}
}

func TestSharpeSortino(t *testing.T) {
	rf := 0.001
	// Sharpe = sqrt(252) × (0.005 − 0.001) / sqrt(0.0013/3)
	//        = 15.8745079 × 0.004 / 0.0208166600 = 15.8745079 × 0.1921538 = 3.050347
	checkNear(t, "sharpe", Sharpe(fourReturns, rf, 252), math.Sqrt(252)*0.004/math.Sqrt(0.0013/3))
	checkRough(t, "sharpe literal", Sharpe(fourReturns, rf, 252), 3.050347)
	// Excess returns 0.009, −0.021, 0.029, −0.001: downside squares
	// 0.000441 + 0.000001 = 0.000442, / n = 4 → DD = sqrt(0.0001105) = 0.01051190
	// Sortino = sqrt(252) × 0.004 / 0.01051190 = 15.8745079 × 0.3805211 = 6.040587
	checkNear(t, "downside deviation", DownsideDeviation(fourReturns, rf), math.Sqrt(0.000442/4))
	checkNear(t, "sortino", Sortino(fourReturns, rf, 252), math.Sqrt(252)*0.004/math.Sqrt(0.000442/4))
	checkRough(t, "sortino literal", Sortino(fourReturns, rf, 252), 6.040587)

	flat := []float64{0, 0, 0}
	if v := Sharpe(flat, 0, 252); !math.IsNaN(v) {
		t.Errorf("sharpe of a flat series = %v, want NaN", v)
	}
	if v := Sortino(flat, 0, 252); !math.IsNaN(v) {
		t.Errorf("sortino with nothing below target = %v, want NaN", v)
	}
	// Flat at 0 against a positive target: every excess is −rf, DD = rf,
	// Sortino = sqrt(252) × (−rf) / rf = −sqrt(252).
	checkNear(t, "sortino flat below target", Sortino(flat, 0.0001, 252), -math.Sqrt(252))
}

func TestDailyRiskFree(t *testing.T) {
	// 1.03^(1/252) − 1 = exp(ln 1.03 / 252) − 1 = exp(0.0295588022/252) − 1 = exp(0.000117296834) − 1 = 0.0001173037
	checkNear(t, "daily rf", DailyRiskFree(0.03, 252), math.Exp(math.Log(1.03)/252)-1)
	checkRough(t, "daily rf literal", DailyRiskFree(0.03, 252), 0.0001173037)
	// Compounding it back over 252 days gives the annual rate.
	checkNear(t, "round trip", math.Pow(1+DailyRiskFree(0.03, 252), 252)-1, 0.03)
	if v := DailyRiskFree(-1, 252); !math.IsNaN(v) {
		t.Errorf("rf −100 %% = %v, want NaN", v)
	}
}

func TestCAGR(t *testing.T) {
	// A year is 365 days (issue 13.4: it was 365.25, which no tool users
	// compare with uses). 2021-01-01 to 2023-01-01 is 730 days = 2 × 365,
	// so 2 years exactly: 1.1^2 − 1 = 0.21 annualises to 10 %.
	checkNear(t, "years", Years(date(2021, 1, 1), date(2023, 1, 1)), 2)
	checkNear(t, "calendar", CAGR(0.21, date(2021, 1, 1), date(2023, 1, 1)), 0.1)
	// 2020 is a leap year: 366 days are 366/365 years, 1.1^(365/366) − 1 =
	// 0.0997136.
	checkNear(t, "leap year", CAGR(0.1, date(2020, 1, 1), date(2021, 1, 1)), math.Pow(1.1, 365.0/366)-1)
	// 504 trading days / 252 = 2 years: sqrt(1.21) − 1 = 0.1.
	checkNear(t, "trading", CAGRTrading(0.21, 504, 252), 0.1)
	// 365 calendar days are a year: 10 % stays 10 %.
	checkNear(t, "calendar 365 days", CAGR(0.1, date(2021, 1, 1), date(2022, 1, 1)), 0.1)
	checkNear(t, "total loss", CAGR(-1, date(2021, 1, 1), date(2022, 1, 1)), -1)
	for name, v := range map[string]float64{
		"zero span":      CAGR(0.1, date(2021, 1, 1), date(2021, 1, 1)),
		"below −100 %":   CAGR(-1.5, date(2021, 1, 1), date(2022, 1, 1)),
		"zero periods":   CAGRTrading(0.1, 0, 252),
		"NaN total":      CAGRTrading(math.NaN(), 10, 252),
		"Inf total":      CAGRTrading(math.Inf(1), 10, 252),
		"overflow power": CAGR(1e300, date(2021, 1, 1), date(2021, 1, 2)),
	} {
		if !math.IsNaN(v) {
			t.Errorf("%s: CAGR = %v, want NaN", name, v)
		}
	}
}
