package benchmark

import (
	"math"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/stats"
)

func TestRelative(t *testing.T) {
	// p = 2b + 0.001: beta 2, correlation 1, Jensen's alpha (rf = 0)
	// 252 × (mean p − 2 mean b) = 252 × 0.001 = 0.252.
	b := []float64{0.01, -0.02, 0.03, -0.01}
	p := []float64{0.021, -0.039, 0.061, -0.019}
	r, err := Relative(p, b, stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "beta", r.Beta.Value, 2)
	checkNear(t, "alpha", r.Alpha.Value, 0.252)
	checkNear(t, "correlation", r.Correlation.Value, 1)
	// Active returns p − b = b + 0.001: mean 0.0025 + 0.001 = 0.0035; b's
	// deviations from 0.0025: .0075 −.0225 .0275 −.0125, squares 5.625e-5
	// 5.0625e-4 7.5625e-4 1.5625e-4, sum 1.475e-3, sample sd sqrt(1.475e-3/3).
	sd := math.Sqrt(1.475e-3 / 3)
	checkNear(t, "tracking error", r.TrackingError.Value, sd*math.Sqrt(252))
	checkNear(t, "information ratio", r.InformationRatio.Value, math.Sqrt(252)*0.0035/sd)
	// Up days (b = .01, .03): sqrt(1.021 × 1.061) − 1 over sqrt(1.01 × 1.03) − 1.
	checkNear(t, "up capture", r.UpCapture.Value, (math.Sqrt(1.021*1.061)-1)/(math.Sqrt(1.01*1.03)-1))
	// Down days (b = −.02, −.01): sqrt(0.961 × 0.981) − 1 over sqrt(0.98 × 0.99) − 1.
	checkNear(t, "down capture", r.DownCapture.Value, (math.Sqrt(0.961*0.981)-1)/(math.Sqrt(0.98*0.99)-1))
	if r.Days != 4 || r.UpDays != 2 || r.DownDays != 2 {
		t.Errorf("days %d up %d down %d", r.Days, r.UpDays, r.DownDays)
	}

	// With rf: alpha = 252 × ((mean p − rf) − 2 (mean b − rf)) = 252 × (0.001 + rf).
	rf := stats.DailyRiskFree(0.05, 252)
	r, _ = Relative(p, b, stats.Options{RiskFree: 0.05})
	checkNear(t, "alpha with rf", r.Alpha.Value, 252*(0.001+rf))
}

func TestRelativeDegenerate(t *testing.T) {
	// A flat benchmark: no beta, no correlation, no capture; tracking error
	// is the portfolio's own volatility.
	r, err := Relative([]float64{0.01, -0.01}, []float64{0, 0}, stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]stats.Figure{"beta": r.Beta, "alpha": r.Alpha, "correlation": r.Correlation,
		"up": r.UpCapture, "down": r.DownCapture} {
		if f.Defined() || !math.IsNaN(f.Value) {
			t.Errorf("%s = %v, want NaN with a reason", name, f)
		}
	}
	// sd of (0.01, −0.01) = sqrt(2 × 0.0001 / 1) = 0.0141421.
	checkNear(t, "tracking error", r.TrackingError.Value, math.Sqrt(0.0002)*math.Sqrt(252))
	// Identical series: zero tracking error, no information ratio.
	r, _ = Relative([]float64{0.01, -0.01, 0.02}, []float64{0.01, -0.01, 0.02}, stats.Options{})
	if r.InformationRatio.Defined() || r.TrackingError.Value != 0 {
		t.Errorf("identical: TE %v IR %v", r.TrackingError, r.InformationRatio)
	}
	checkNear(t, "identical capture", r.UpCapture.Value, 1)
	// One day: everything NaN, no error.
	r, err = Relative([]float64{0.01}, []float64{0.02}, stats.Options{})
	if err != nil || r.Beta.Defined() || r.UpCapture.Defined() {
		t.Errorf("one day: %+v, %v", r, err)
	}
	// Errors: lengths, NaN.
	if _, err := Relative([]float64{0.01}, nil, stats.Options{}); err == nil {
		t.Error("different lengths: no error")
	}
	_, err = Relative([]float64{math.NaN(), 0}, []float64{0, math.Inf(1)}, stats.Options{})
	if err == nil || !strings.Contains(err.Error(), "portfolio returns") || !strings.Contains(err.Error(), "benchmark returns") {
		t.Errorf("NaN: %v, want both series named", err)
	}
}

func TestAgainst(t *testing.T) {
	// Calendar of 5 days; the portfolio is empty on day 0, receives 100 on
	// day 1, worth 110, 99, 108.9 on days 2–4. The index starts on day 1:
	// 50, 55, 44, 44. Days compared: 2, 3, 4 (day 1 is the index's first):
	//   portfolio 0.1, −0.1, 0.1; index 0.1, −0.2, 0.
	perf := &portfolio.Performance{
		Dates:    days(5),
		Value:    []float64{0, 100, 110, 99, 108.9},
		Deposits: []float64{0, 100, 0, 0, 0},
	}
	idx := &Index{Symbol: "IDX", Dates: days(5)[1:], Values: []float64{50, 55, 44, 44}, Offset: 1}
	got, err := Against(perf, idx, stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Relative([]float64{0.1, -0.1, 0.1}, []float64{0.1, -0.2, 0}, stats.Options{})
	if got.Days != 3 {
		t.Fatalf("days %d, want 3", got.Days)
	}
	checkNear(t, "beta", got.Beta.Value, want.Beta.Value)
	// Beta by hand: b mean −1/30, deviations 0.13333, −0.16667, 0.03333;
	// p mean 1/30, deviations 0.06667, −0.13333, 0.06667.
	// cov·(n−1) = 0.0088889 + 0.0222222 + 0.0022222 = 0.0333333,
	// var·(n−1) = 0.0177778 + 0.0277778 + 0.0011111 = 0.0466667 → beta 0.714286 = 5/7.
	checkNear(t, "beta by hand", got.Beta.Value, 5.0/7)

	idx.Offset = 0
	if _, err := Against(perf, idx, stats.Options{}); err == nil {
		t.Error("misaligned index: no error")
	}
}

func TestCaptureTotalLoss(t *testing.T) {
	// A −100 % portfolio day on an up day: geometric mean sqrt(0 × 1.01) − 1
	// = −1, over the benchmark's sqrt(1.01 × 1.02) − 1.
	r, err := Relative([]float64{-1, 0.01}, []float64{0.01, 0.02}, stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "up capture", r.UpCapture.Value, -1/(math.Sqrt(1.01*1.02)-1))
	// Below −100 % (a frame that went negative): undefined, not garbage.
	r, _ = Relative([]float64{-1.5, 0.01}, []float64{0.01, 0.02}, stats.Options{})
	if r.UpCapture.Defined() {
		t.Errorf("up capture with a −150 %% day = %v, want NaN", r.UpCapture)
	}
}
