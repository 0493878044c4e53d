package stats

import (
	"math"
	"strings"
	"testing"
)

func checkSeries(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s has %d values, want %d: %v", name, len(got), len(want), got)
	}
	for i := range want {
		if math.IsNaN(want[i]) != math.IsNaN(got[i]) || !math.IsNaN(want[i]) && !near(got[i], want[i], 1e-9) {
			t.Errorf("%s[%d] = %.12g, want %.12g", name, i, got[i], want[i])
		}
	}
}

func TestRollingVolatility(t *testing.T) {
	// window 3 over 0.01, 0.03, 0.02, NaN, 0.01, 0.04, 0.01 at 252 periods a year:
	// t=0,1: no full window.
	// t=2: mean 0.02, squares 1e-4 + 1e-4 + 0 = 2e-4, /2 = 1e-4, sd 0.01,
	//      annualised 0.01 × √252 = 0.158745078664.
	// t=3,4,5: the window holds the NaN.
	// t=6: 0.01, 0.04, 0.01: mean 0.02, squares 1e-4 + 4e-4 + 1e-4 = 6e-4,
	//      /2 = 3e-4, annualised √(3e-4 × 252) = √0.0756 = 0.274954541697.
	nan := math.NaN()
	got, err := RollingVolatility([]float64{0.01, 0.03, 0.02, nan, 0.01, 0.04, 0.01}, 3, TradingDaysPerYear)
	if err != nil {
		t.Fatal(err)
	}
	checkSeries(t, "RollingVolatility", got, []float64{nan, nan, 0.158745078664, nan, nan, nan, 0.274954541697})
}

func TestRollingVolatilityInfiniteReturn(t *testing.T) {
	got, err := RollingVolatility([]float64{0.01, math.Inf(1), 0.02, 0.03, 0.01}, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	// t=1 and t=2 hold the +Inf; t=3: 0.02, 0.03, mean 0.025, squares
	// 2 × 0.005² = 5e-5, /1, sd √5e-5 = 0.00707106781; t=4: 0.03, 0.01, mean
	// 0.02, squares 2 × 0.01² = 2e-4, sd √2e-4 = 0.0141421356 (1 period a year:
	// not scaled).
	nan := math.NaN()
	checkSeries(t, "RollingVolatility", got, []float64{nan, nan, nan, 0.00707106781187, 0.0141421356237})
}

func TestRollingSharpe(t *testing.T) {
	// window 3, rf 0.001 a period, 252 periods a year, over
	// 0.01, 0.03, 0.02, 0.02, 0.02, 0.02:
	// t=2: mean 0.02, sd 0.01: √252 × 0.019 / 0.01 = 1.9 × 15.8745078664 = 30.1615649461.
	// t=3: 0.03, 0.02, 0.02: mean 0.07/3 = 0.0233333, deviations 0.0066667,
	//      −0.0033333, −0.0033333, squares 4.4444e-5 + 2 × 1.1111e-5 = 6.6667e-5,
	//      /2 = 3.3333e-5, sd 0.01/√3 = 0.00577350269; (0.0233333 − 0.001) / sd
	//      = 3.86824680357; × √252 = 61.4065143124.
	// t=4,5: all three returns equal, sd 0: undefined.
	nan := math.NaN()
	got, err := RollingSharpe([]float64{0.01, 0.03, 0.02, 0.02, 0.02, 0.02}, 3, 0.001, TradingDaysPerYear)
	if err != nil {
		t.Fatal(err)
	}
	checkSeries(t, "RollingSharpe", got, []float64{nan, nan, 30.1615649461, 61.4065143124, nan, nan})
}

func TestRollingShortSeries(t *testing.T) {
	got, err := RollingVolatility([]float64{0.01, 0.02}, 5, TradingDaysPerYear)
	if err != nil {
		t.Fatal(err)
	}
	checkSeries(t, "RollingVolatility", got, []float64{math.NaN(), math.NaN()})
	if got, err := RollingSharpe(nil, 5, 0, TradingDaysPerYear); err != nil || len(got) != 0 {
		t.Errorf("RollingSharpe(nil) = %v, %v; want no values and no error", got, err)
	}
}

func TestRollingBadArguments(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want []string
	}{
		{"volatility", func() error { _, err := RollingVolatility(nil, 1, 0); return err }(),
			[]string{"rolling volatility: window of 1 periods: want at least 2", "rolling volatility: 0 periods per year"}},
		{"Sharpe", func() error { _, err := RollingSharpe(nil, 0, 0, math.NaN()); return err }(),
			[]string{"rolling Sharpe: window of 0 periods", "rolling Sharpe: NaN periods per year"}},
		{"infinite year", func() error { _, err := RollingVolatility(nil, 3, math.Inf(1)); return err }(),
			[]string{"+Inf periods per year"}},
	} {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(c.err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", c.name, c.err, w)
			}
		}
	}
}
