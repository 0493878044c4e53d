package stats

import (
	"math"
	"strings"
	"testing"
)

func TestRollingSortino(t *testing.T) {
	// window 3, rf 0, 4 periods a year (√P = 2), over 0.01, −0.01, 0.03, 0.02, 0.01:
	// t=2: 0.01, −0.01, 0.03: mean 0.01; below the target only −0.01:
	//      DD = √(0.0001 / 3) = 0.01/√3; 2 × 0.01 / (0.01/√3) = 2√3 = 3.46410161514.
	// t=3: −0.01, 0.03, 0.02: mean 0.04/3, same DD: 2 × (0.04/3) / (0.01/√3)
	//      = 8/√3 = 4.61880215352.
	// t=4: 0.03, 0.02, 0.01: no return below 0, DD = 0: undefined.
	nan := math.NaN()
	got, err := RollingSortino([]float64{0.01, -0.01, 0.03, 0.02, 0.01}, 3, 0, 4)
	if err != nil {
		t.Fatal(err)
	}
	checkSeries(t, "RollingSortino", got, []float64{nan, nan, 3.46410161514, 4.61880215352, nan})
	// rf 0.01 a period, 1 period a year, window 2 over 0.03, 0.01, NaN, 0.02, 0.00:
	// t=1: excess 0.02, 0: mean 0.01, nothing below the target: undefined.
	// t=2, t=3: the NaN.
	// t=4: excess 0.01, −0.01: mean 0, DD = √(0.0001/2): 0.
	got, err = RollingSortino([]float64{0.03, 0.01, nan, 0.02, 0.00}, 2, 0.01, 1)
	if err != nil {
		t.Fatal(err)
	}
	checkSeries(t, "RollingSortino rf", got, []float64{nan, nan, nan, nan, 0})
}

func TestRollingBeta(t *testing.T) {
	// window 3:
	// t=2: p 0.02, 0.04, 0.00 is exactly 2 × b 0.01, 0.02, 0.00: beta 2
	//      (deviations p 0, 0.02, −0.02; b 0, 0.01, −0.01; cov ∝ 0.0004,
	//      var ∝ 0.0002).
	// t=3: p 0.04, 0.00, 0.01 (mean 0.05/3), b 0.02, 0.00, 0.03 (mean 0.05/3):
	//      deviations in 1/300ths: p 7, −5, −2; b 1, −5, 4;
	//      cov ∝ 7 + 25 − 8 = 24, var ∝ 1 + 25 + 16 = 42: beta 24/42 = 4/7.
	// t=4, 5: b is NaN at 4; t=6, 7: p is NaN at 5.
	// t=8: b 0.01, 0.01, 0.01 does not vary: undefined.
	nan := math.NaN()
	p := []float64{0.02, 0.04, 0.00, 0.01, 0.03, nan, 0.01, 0.02, 0.03}
	b := []float64{0.01, 0.02, 0.00, 0.03, nan, 0.01, 0.01, 0.01, 0.01}
	got, err := RollingBeta(p, b, 3)
	if err != nil {
		t.Fatal(err)
	}
	checkSeries(t, "RollingBeta", got, []float64{nan, nan, 2, 4.0 / 7, nan, nan, nan, nan, nan})
}

func TestRollingBetaBadArguments(t *testing.T) {
	_, err := RollingBeta([]float64{0.01, 0.02}, []float64{0.01}, 1)
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{"rolling beta: 2 portfolio returns but 1 benchmark returns", "rolling beta: window of 1 periods: want at least 2"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
	if _, err := RollingSortino(nil, 1, 0, -1); err == nil || !strings.Contains(err.Error(), "rolling Sortino: window of 1") {
		t.Errorf("RollingSortino's error %v should name its window", err)
	}
}
