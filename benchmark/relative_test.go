package benchmark

import (
	"math"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/stats"
)

// repeat is k copies of x end to end. Repeating a pattern k times leaves
// means, ratios of sums (beta, correlation) and geometric means unchanged
// and multiplies sums of squared deviations by k, so expectations worked
// out by hand on the pattern carry over.
func repeat(x []float64, k int) []float64 {
	out := make([]float64, 0, k*len(x))
	for range k {
		out = append(out, x...)
	}
	return out
}

func TestRelative(t *testing.T) {
	// p = 2b + 0.001 over 20 days (a 4-day pattern, five times): beta 2,
	// correlation 1, Jensen's alpha (rf = 0) 252 × (mean p − 2 mean b) =
	// 252 × 0.001 = 0.252.
	b := repeat([]float64{0.01, -0.02, 0.03, -0.01}, 5)
	p := repeat([]float64{0.021, -0.039, 0.061, -0.019}, 5)
	r, err := Relative(p, b, stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "beta", r.Beta.Value, 2)
	checkNear(t, "alpha", r.Alpha.Value, 0.252)
	checkNear(t, "correlation", r.Correlation.Value, 1)
	// Active returns p − b = b + 0.001: mean 0.0025 + 0.001 = 0.0035; b's
	// deviations from 0.0025: .0075 −.0225 .0275 −.0125, squares 5.625e-5
	// 5.0625e-4 7.5625e-4 1.5625e-4, sum 1.475e-3 per pattern, 5 × 1.475e-3
	// in all; sample sd sqrt(5 × 1.475e-3 / 19).
	sd := math.Sqrt(5 * 1.475e-3 / 19)
	checkNear(t, "tracking error", r.TrackingError.Value, sd*math.Sqrt(252))
	// The information ratio is the daily figure (issue 13.4: QuantStats and
	// empyrical do not annualise it; it was sqrt(252) × this before).
	checkNear(t, "information ratio", r.InformationRatio.Value, 0.0035/sd)
	// Capture as empyrical (issue 13.4; it was the ratio of daily geometric
	// means before): the CAGR of the 10 up days (b = .01, .03, five each)
	// taken as 10/252 of a year, ((1.021 × 1.061)^5)^(252/10) − 1 =
	// (1.021 × 1.061)^126 − 1 = 23,843.15, over (1.01 × 1.03)^126 − 1 =
	// 144.206: 165.34.
	checkNear(t, "up capture", r.UpCapture.Value, (math.Pow(1.021*1.061, 126)-1)/(math.Pow(1.01*1.03, 126)-1))
	checkNear(t, "up capture rounded", math.Round(r.UpCapture.Value*100)/100, 165.34)
	// Down days (b = −.02, −.01): (0.961 × 0.981)^126 − 1 = −0.9994065 over
	// (0.98 × 0.99)^126 − 1 = −0.9778935: 1.0219993.
	checkNear(t, "down capture", r.DownCapture.Value, (math.Pow(0.961*0.981, 126)-1)/(math.Pow(0.98*0.99, 126)-1))
	checkNear(t, "down capture rounded", math.Round(r.DownCapture.Value*1e7)/1e7, 1.0219993)
	if r.Days != 20 || r.UpDays != 10 || r.DownDays != 10 {
		t.Errorf("days %d up %d down %d", r.Days, r.UpDays, r.DownDays)
	}

	// With rf: alpha = 252 × ((mean p − rf) − 2 (mean b − rf)) = 252 × (0.001 + rf).
	rf := stats.DailyRiskFree(0.05, 252)
	r, _ = Relative(p, b, stats.Options{RiskFree: 0.05})
	checkNear(t, "alpha with rf", r.Alpha.Value, 252*(0.001+rf))
}

func TestRelativeTooFewDays(t *testing.T) {
	// 19 days of the pattern above (and the reviewer's 12): too few to
	// estimate anything; the days are still counted.
	for _, n := range []int{19, 12} {
		b := repeat([]float64{0.01, -0.02, 0.03, -0.01}, 5)[:n]
		p := repeat([]float64{0.021, -0.039, 0.061, -0.019}, 5)[:n]
		r, err := Relative(p, b, stats.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := stats.TooFewReturns(n)
		if !strings.HasPrefix(want, "fewer than 20 daily returns") {
			t.Fatalf("TooFewReturns(%d) = %q", n, want)
		}
		for name, f := range map[string]stats.Figure{"beta": r.Beta, "alpha": r.Alpha, "correlation": r.Correlation,
			"tracking error": r.TrackingError, "information ratio": r.InformationRatio, "up": r.UpCapture, "down": r.DownCapture} {
			if f.Defined() || !math.IsNaN(f.Value) || f.Reason != want {
				t.Errorf("%d days: %s = %v, want NaN (%s)", n, name, f, want)
			}
		}
		// The benchmark rises on even days (.01, .03) and falls on odd ones.
		if up := (n + 1) / 2; r.Days != n || r.UpDays != up || r.DownDays != n-up {
			t.Errorf("%d days: days %d up %d down %d", n, r.Days, r.UpDays, r.DownDays)
		}
	}
}

func TestRelativeDegenerate(t *testing.T) {
	// A flat benchmark: no beta, no correlation, no capture; tracking error
	// is the portfolio's own volatility.
	r, err := Relative(repeat([]float64{0.01, -0.01}, 10), make([]float64, 20), stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]stats.Figure{"beta": r.Beta, "alpha": r.Alpha, "correlation": r.Correlation,
		"up": r.UpCapture, "down": r.DownCapture} {
		if f.Defined() || !math.IsNaN(f.Value) || strings.Contains(f.Reason, "fewer than") {
			t.Errorf("%s = %v, want NaN because the benchmark is flat", name, f)
		}
	}
	// sd of ten 0.01 and ten −0.01 (mean 0) = sqrt(20 × 0.0001 / 19).
	checkNear(t, "tracking error", r.TrackingError.Value, math.Sqrt(0.002/19)*math.Sqrt(252))
	// Identical series: zero tracking error, no information ratio.
	same := repeat([]float64{0.01, -0.01, 0.02}, 7)
	r, _ = Relative(same, same, stats.Options{})
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
	// Calendar of 23 days; the portfolio is empty on day 0, receives 100 on
	// day 1, then returns 0.1, −0.1, 0.1 in turn on days 2–22. The index
	// starts on day 1 at 50, then returns 0.1, −0.2, 0 in turn. Days
	// compared: 2–22 (day 1 is the index's first), 21 in all.
	const n = 23
	pr, br := repeat([]float64{0.1, -0.1, 0.1}, 7), repeat([]float64{0.1, -0.2, 0}, 7)
	frame := &perf.Frame{Dates: days(n), Value: make([]float64, n), Deposits: make([]float64, n)}
	frame.Value[1], frame.Deposits[1] = 100, 100
	idx := &Index{Symbol: "IDX", Dates: days(n)[1:], Values: []float64{50}, Offset: 1}
	for i := range pr {
		frame.Value[i+2] = frame.Value[i+1] * (1 + pr[i])
		idx.Values = append(idx.Values, idx.Values[i]*(1+br[i]))
	}
	got, err := Against(frame, idx, stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Relative(pr, br, stats.Options{})
	if got.Days != 21 {
		t.Fatalf("days %d, want 21", got.Days)
	}
	checkNear(t, "beta", got.Beta.Value, want.Beta.Value)
	// Beta by hand on one pattern (seven copies scale both sums by 7):
	// b mean −1/30, deviations 0.13333, −0.16667, 0.03333;
	// p mean 1/30, deviations 0.06667, −0.13333, 0.06667.
	// cov·(n−1) = 0.0088889 + 0.0222222 + 0.0022222 = 0.0333333,
	// var·(n−1) = 0.0177778 + 0.0277778 + 0.0011111 = 0.0466667 → beta 0.714286 = 5/7.
	checkNear(t, "beta by hand", got.Beta.Value, 5.0/7)

	// The first 3 days compared only: too few.
	short := &Index{Symbol: "IDX", Dates: idx.Dates[:4], Values: idx.Values[:4], Offset: 1}
	shortPerf := &perf.Frame{Dates: frame.Dates[:5], Value: frame.Value[:5], Deposits: frame.Deposits[:5]}
	got, err = Against(shortPerf, short, stats.Options{})
	if err != nil || got.Days != 3 || got.Beta.Reason != "fewer than 20 daily returns: there are 3" {
		t.Errorf("3 days: %+v, %v; want beta undefined for too few returns", got, err)
	}

	idx.Offset = 0
	if _, err := Against(frame, idx, stats.Options{}); err == nil {
		t.Error("misaligned index: no error")
	}
}

func TestCaptureTotalLoss(t *testing.T) {
	// A −100 % portfolio day on every other up day: annualised return
	// (0 × 1.01)^(252/2) − 1 = −1 (ten copies: the product is still 0), over
	// the benchmark's (1.01 × 1.02)^126 − 1.
	r, err := Relative(repeat([]float64{-1, 0.01}, 10), repeat([]float64{0.01, 0.02}, 10), stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "up capture", r.UpCapture.Value, -1/(math.Pow(1.01*1.02, 126)-1))
	// Below −100 % (a frame that went negative): undefined, not garbage.
	r, _ = Relative(repeat([]float64{-1.5, 0.01}, 10), repeat([]float64{0.01, 0.02}, 10), stats.Options{})
	if r.UpCapture.Defined() {
		t.Errorf("up capture with a −150 %% day = %v, want NaN", r.UpCapture)
	}
}
