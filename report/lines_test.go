package report

import (
	"math"
	"testing"
	"time"
)

func checkValues(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s = %v, want %v", name, got, want)
	}
	for i := range want {
		if math.IsNaN(want[i]) != math.IsNaN(got[i]) || !math.IsNaN(want[i]) && math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("%s[%d] = %v, want %v", name, i, got[i], want[i])
		}
	}
}

func TestGrowthLine(t *testing.T) {
	dates := make([]time.Time, 6)
	for i := range dates {
		dates[i] = time.Date(2024, 1, 1+i, 0, 0, 0, 0, time.UTC)
	}
	nan := math.NaN()
	// The first positive level is 200 (NaN and 0 are no level): 200/200 − 1
	// = 0, 220/200 − 1 = 0.1, −5 is no level, 180/200 − 1 = −0.1.
	l := GrowthLine("^DJI", dates, []float64{nan, 0, 200, 220, -5, 180})
	if l.Name != "^DJI" || &l.Dates[0] != &dates[0] {
		t.Errorf("line %q on other dates", l.Name)
	}
	checkValues(t, "GrowthLine", l.Values, []float64{nan, nan, 0, 0.1, nan, -0.1})
	checkValues(t, "GrowthLine of no level", GrowthLine("x", dates[:2], []float64{nan, math.Inf(1)}).Values, []float64{nan, nan})
}

func TestRebased(t *testing.T) {
	nan := math.NaN()
	// First value 0.1: 1.1/1.1 − 1 = 0, 1.21/1.1 − 1 = 0.1, 0.88/1.1 − 1 = −0.2.
	checkValues(t, "rebased", rebased(Line{Values: []float64{nan, 0.1, 0.21, -0.12}}).Values, []float64{nan, 0, 0.1, -0.2})
	// A line from 0 is drawn exactly as it is: the same values, not (1 + v) − 1.
	l := Line{Values: []float64{nan, 0, 1e-17}}
	if r := rebased(l); &r.Values[0] != &l.Values[0] {
		t.Error("a line starting at 0 was recomputed")
	}
}

func TestPerformanceGrowth(t *testing.T) {
	// growth of 1: 1 + 0 = 1, 1 + 0.05 = 1.05, NaN stays a gap (null).
	got := performanceGrowth([]Line{{Values: []float64{0, 0.05, math.NaN()}}})
	if len(got) != 1 || len(got[0]) != 3 || got[0][0] != 1 || got[0][1] != 1.05 || !math.IsNaN(float64(got[0][2])) {
		t.Errorf("performanceGrowth = %v", got)
	}
}
