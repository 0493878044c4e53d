package stats

import (
	"math"
	"testing"
	"time"
)

func TestMaxDrawdown(t *testing.T) {
	// index:        100  120   90   110   60   130  125
	// running peak: 100  120  120   120  120   130  130
	// drawdown:       0    0 −.25 −.083  −.5     0 −.038
	// Deepest: 60/120 − 1 = −0.5, peak day 1, trough day 4, recovered on
	// day 5 (130 ≥ 120); duration day 1 → day 5 = 4 days.
	d := MaxDrawdown(days(7), []float64{100, 120, 90, 110, 60, 130, 125})
	checkNear(t, "depth", d.Depth, -0.5)
	if d.Peak != day(1) || d.Trough != day(4) || d.Recovery != day(5) || d.Duration != 4*24*time.Hour || !d.Recovered() {
		t.Errorf("got %+v", d)
	}
}

func TestMaxDrawdownNotRecovered(t *testing.T) {
	// 100 → 80 (−20 %) → 90: not back to 100; duration runs to the last day.
	d := MaxDrawdown(days(3), []float64{100, 80, 90})
	checkNear(t, "depth", d.Depth, -0.2)
	if d.Peak != day(0) || d.Trough != day(1) || !d.Recovery.IsZero() || d.Duration != 2*24*time.Hour || d.Recovered() {
		t.Errorf("got %+v", d)
	}
}

func TestMaxDrawdownTiesAndDegenerate(t *testing.T) {
	// Two −50 % troughs: the first one is reported, recovered at day 2.
	d := MaxDrawdown(days(4), []float64{100, 50, 100, 50})
	if d.Trough != day(1) || d.Recovery != day(2) {
		t.Errorf("ties: got %+v", d)
	}
	if d := MaxDrawdown(days(3), []float64{1, 2, 3}); d != (Drawdown{}) {
		t.Errorf("rising: got %+v, want zero", d)
	}
	if d := MaxDrawdown(nil, nil); d != (Drawdown{}) {
		t.Errorf("empty: got %+v, want zero", d)
	}
	if d := MaxDrawdown(days(3), []float64{1, math.NaN(), 3}); !math.IsNaN(d.Depth) {
		t.Errorf("NaN: got %+v, want NaN depth", d)
	}
	if d := MaxDrawdown(days(2), []float64{0, 0}); !math.IsNaN(d.Depth) {
		t.Errorf("all zero: got %+v, want NaN depth", d)
	}
	// Zeros before the first positive value are skipped: 0, 0, 10, 5 → −50 % from day 2.
	d = MaxDrawdown(days(4), []float64{0, 0, 10, 5})
	if d.Depth != -0.5 || d.Peak != day(2) {
		t.Errorf("leading zeros: got %+v", d)
	}
}
