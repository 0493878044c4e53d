package stats

import (
	"math"
	"testing"
	"time"
)

// TestReturnShape on r = 1 %, −2 %, 3 %, 0, −1 %, by hand:
//
//	n = 5, mean m = 0.01 / 5 = 0.002
//	r − m = 0.008, −0.022, 0.028, −0.002, −0.012
//	Σ(r − m)² = 6.4e-5 + 4.84e-4 + 7.84e-4 + 4e-6 + 1.44e-4 = 0.00148
//	s² = 0.00148 / 4 = 0.00037
//	Σ(r − m)³ = 5.12e-7 − 1.0648e-5 + 2.1952e-5 − 8e-9 − 1.728e-6 = 1.008e-5
//	Σ(r − m)⁴ = 4.096e-9 + 2.34256e-7 + 6.14656e-7 + 1.6e-11 + 2.0736e-8 = 8.7376e-7
//	skew = 5 / (4 · 3) · 1.008e-5 / 0.00037^1.5 = 0.590129
//	kurtosis = 5 · 6 / (4 · 3 · 2) · 8.7376e-7 / 0.00037² − 3 · 16 / (3 · 2)
//	         = 1.25 · 6.38247 − 8 = −0.0219
//	sorted −0.02, −0.01, 0, 0.01, 0.03; rank 0.05 · 4 = 0.2:
//	VaR = −0.02 + 0.2 · (−0.01 − (−0.02)) = −0.018; CVaR = mean(−0.02) = −0.02
//	wins 1 %, 3 %; losses −2 %, −1 % (0 is neither): win rate 2 / 4 = 0.5,
//	average win 0.02, average loss −0.015
func TestReturnShape(t *testing.T) {
	sh := ReturnShape([]float64{0.01, -0.02, 0.03, 0, -0.01})
	for name, c := range map[string]struct{ got, want float64 }{
		"skew":     {sh.Skew.Value, 5.0 / 12 * 1.008e-5 / math.Pow(0.00037, 1.5)},
		"kurtosis": {sh.Kurtosis.Value, 1.25*8.7376e-7/(0.00037*0.00037) - 8},
		"VaR":      {sh.VaR.Value, -0.018},
		"CVaR":     {sh.CVaR.Value, -0.02},
		"win rate": {sh.WinRate.Value, 0.5},
		"avg win":  {sh.AvgWin.Value, 0.02},
		"avg loss": {sh.AvgLoss.Value, -0.015},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", name, c.got, c.want)
		}
	}
	if math.Abs(sh.Skew.Value-0.590129) > 1e-6 || math.Abs(sh.Kurtosis.Value-(-0.0219)) > 1e-4 {
		t.Errorf("skew %v, kurtosis %v; want 0.590129 and −0.0219", sh.Skew.Value, sh.Kurtosis.Value)
	}
}

// TestReturnShapeTooFew: each figure says why it is missing.
func TestReturnShapeTooFew(t *testing.T) {
	sh := ReturnShape([]float64{0.01, 0.02})
	if sh.Skew.Defined() || sh.Kurtosis.Defined() || !sh.VaR.Defined() || sh.AvgLoss.Defined() {
		t.Errorf("two returns: %+v; want skew, kurtosis and average loss undefined, VaR defined", sh)
	}
	sh = ReturnShape(nil)
	for _, f := range []Figure{sh.Skew, sh.Kurtosis, sh.VaR, sh.CVaR, sh.WinRate, sh.AvgWin, sh.AvgLoss} {
		if f.Defined() || f.Reason == "" {
			t.Errorf("no returns: %+v, want NaN with a reason", f)
		}
	}
	if sh := ReturnShape([]float64{0.01, math.NaN()}); sh.VaR.Defined() {
		t.Errorf("NaN return: VaR %v, want undefined", sh.VaR)
	}
}

// TestDrawdownEpisodes on the index 1, 1.1, 1.0, 1.05, 1.1, 1.2, 0.9, 1.0
// on 1–8 January: a fall from 1.1 (2 Jan) to 1.0 (3 Jan), back at 1.1 on
// 5 Jan: depth 1.0/1.1 − 1 = −0.0909, 3 days; then from 1.2 (6 Jan) to
// 0.9 (7 Jan), not recovered: depth 0.9/1.2 − 1 = −0.25, 2 days to the
// last date. Worst first: −0.25, −0.0909; the longest is the first.
// Recovery factor of a 50 % return over −0.25: 0.5 / 0.25 = 2.
func TestDrawdownEpisodes(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	var dates []time.Time
	for d := 1; d <= 8; d++ {
		dates = append(dates, day(d))
	}
	eps := DrawdownEpisodes(dates, []float64{1, 1.1, 1.0, 1.05, 1.1, 1.2, 0.9, 1.0})
	if len(eps) != 2 {
		t.Fatalf("%d episodes, want 2: %+v", len(eps), eps)
	}
	first, second := eps[0], eps[1]
	if !first.Peak.Equal(day(2)) || !first.Trough.Equal(day(3)) || !first.Recovery.Equal(day(5)) ||
		math.Abs(first.Depth-(1.0/1.1-1)) > 1e-12 || first.Duration != 3*24*time.Hour {
		t.Errorf("first episode %+v", first)
	}
	if !second.Peak.Equal(day(6)) || !second.Trough.Equal(day(7)) || second.Recovered() ||
		math.Abs(second.Depth-(-0.25)) > 1e-12 || second.Duration != 2*24*time.Hour {
		t.Errorf("second episode %+v", second)
	}
	if w := WorstDrawdowns(eps, 5); len(w) != 2 || w[0].Depth != second.Depth || w[1].Depth != first.Depth {
		t.Errorf("worst %+v, want the second then the first", w)
	}
	if l := LongestDrawdown(eps); !l.Peak.Equal(day(2)) {
		t.Errorf("longest %+v, want the first (3 days)", l)
	}
	if f := RecoveryFactor(Figure{Value: 0.5}, -0.25); f.Value != 2 {
		t.Errorf("recovery factor %v, want 2", f)
	}
	if f := RecoveryFactor(Figure{Value: 0.5}, 0); f.Defined() {
		t.Errorf("no drawdown: recovery factor %v, want undefined", f)
	}
	if DrawdownEpisodes(dates[:2], []float64{1, math.NaN()}) != nil {
		t.Error("NaN index: want no episodes")
	}
}

// TestBestWorstYear: the highest and lowest defined yearly return.
func TestBestWorstYear(t *testing.T) {
	years := []YearReturn{{Year: 2020, Return: Figure{Value: 0.1}}, {Year: 2021, Return: undefined("x")}, {Year: 2022, Return: Figure{Value: -0.2}}, {Year: 2023, Return: Figure{Value: 0.3}}}
	b, w := bestWorstYear(years)
	if b.Year != 2023 || w.Year != 2022 {
		t.Errorf("best %d, worst %d; want 2023 and 2022", b.Year, w.Year)
	}
	if b, _ := bestWorstYear(years[1:2]); b.Return.Defined() {
		t.Errorf("no defined year: best %+v, want undefined", b)
	}
}
