package perf

import (
	"math"
	"testing"
	"time"
)

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.15g, want %.15g", what, got, want)
	}
}

// TestDailyReturnByHand checks r = (value + Out) / (prevValue + In) − 1
// with In = max(0, in − out), Out = max(0, out − in) on values worked out
// by hand, without the engine.
func TestDailyReturnByHand(t *testing.T) {
	for _, c := range []struct {
		name                 string
		prev, value, in, out float64
		want                 float64
		invested             bool
	}{
		// No flows: 110 / 100 − 1 = 0.1.
		{"no flows", 100, 110, 0, 0, 0.1, true},
		// Deposit 50, withdrawal 20 netted: In = 30, Out = 0;
		// 110 / (100 + 30) − 1 = −20/130 = −0.153846153846…
		{"netted deposit", 100, 110, 50, 20, -20.0 / 130, true},
		// Withdrawal 20 beyond a deposit of 0: Out = 20 at the close;
		// (90 + 20) / 100 − 1 = 0.1.
		{"withdrawal", 100, 90, 0, 20, 0.1, true},
		// A deposit and a withdrawal of the same amount cancel: 105/100 − 1.
		{"cancelling flows", 100, 105, 40, 40, 0.05, true},
		// First day: nothing before, deposit 1000 worth 990 at the close:
		// 990 / 1000 − 1 = −0.01.
		{"first deposit", 0, 990, 1000, 0, -0.01, true},
		// Nothing invested (base 0, or a millionth exactly): the return is 0.
		{"empty", 0, 0, 0, 0, 0, false},
		{"a millionth", 1e-6, 5, 0, 0, 0, false},
	} {
		near(t, c.name, DailyReturn(c.prev, c.value, c.in, c.out), c.want)
		if got := Invested(c.prev, c.in, c.out); got != c.invested {
			t.Errorf("%s: Invested = %v, want %v", c.name, got, c.invested)
		}
	}
	if r := DailyReturn(math.NaN(), 1, 0, 0); !math.IsNaN(r) {
		t.Errorf("DailyReturn of a NaN value = %g, want NaN", r)
	}
	if r := DailyReturn(1, math.Inf(1), 0, 0); !math.IsNaN(r) {
		t.Errorf("DailyReturn of an infinite value = %g, want NaN", r)
	}
}

// TestWindowAndFlowsByHand: a window from the second day starts with that
// day's value as its only deposit, and Flows lists deposits positive and
// withdrawals negative.
func TestWindowAndFlowsByHand(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	f := &Frame{
		Currency:    "USD",
		Dates:       []time.Time{day(1), day(2), day(3), day(4)},
		MarketValue: []float64{0, 0, 0, 0},
		Cash:        []float64{100, 110, 121, 100},
		Value:       []float64{100, 110, 121, 100},
		Deposits:    []float64{100, 0, 0, 0},
		Withdrawals: []float64{0, 0, 0, 30},
	}
	f.NetContributions = []float64{100, 100, 100, 70}
	f.PnL = []float64{0, 10, 21, 30}
	f.DailyReturn = []float64{0, 0.1, 0.1, 130.0/121 - 1}
	f.CumulativeReturn = []float64{0, 0.1, 0.21, 1.3 - 1}
	f.Drawdown = []float64{0, 0, 0, 0}

	w := f.Window(day(2), day(4))
	if w.Len() != 3 {
		t.Fatalf("window has %d dates, want 3", w.Len())
	}
	// Day 2's value, 110, is the opening deposit: r = 0; then 121/110 − 1
	// = 0.1; then (100 + 30)/121 − 1 = 9/121 = 0.0743801652…
	near(t, "Deposits[0]", w.Deposits[0], 110)
	near(t, "DailyReturn[0]", w.DailyReturn[0], 0)
	near(t, "DailyReturn[1]", w.DailyReturn[1], 0.1)
	near(t, "DailyReturn[2]", w.DailyReturn[2], 9.0/121)
	// Cumulative: 1.1 × 130/121 − 1 = 143/121 − 1 = 22/121; PnL on day 4:
	// 100 − (110 − 30) = 20.
	near(t, "CumulativeReturn[2]", w.CumulativeReturn[2], 22.0/121)
	near(t, "PnL[2]", w.PnL[2], 20)
	if f.Window(day(5), time.Time{}) != nil {
		t.Error("a window after the last date is not nil")
	}
	if f.Window(time.Time{}, time.Time{}) != f {
		t.Error("an open window is not the frame itself")
	}

	flows := f.Flows()
	if len(flows) != 2 || flows[0] != (Flow{Date: day(1), Amount: 100}) || flows[1] != (Flow{Date: day(4), Amount: -30}) {
		t.Errorf("Flows = %v, want +100 on day 1 and −30 on day 4", flows)
	}
}
