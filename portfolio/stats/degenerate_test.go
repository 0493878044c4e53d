package stats

import (
	"math/rand/v2"
	"testing"
)

// TestComputeNeverInfOrPanics feeds Compute frames made of awkward values
// (zeros, negatives, the extremes of float64) and checks that every figure
// is finite or NaN with a reason.
func TestComputeNeverInfOrPanics(t *testing.T) {
	awkward := []float64{0, 0, 1, 100, 1e-300, 1e300, 1.7e308, -5, -1e300, 5e-324}
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 2000 {
		n := 1 + rng.IntN(40)
		value, in, out := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range n {
			value[i] = awkward[rng.IntN(len(awkward))]
			if rng.IntN(4) == 0 {
				in[i] = max(0, awkward[rng.IntN(len(awkward))])
			}
			if rng.IntN(6) == 0 {
				out[i] = max(0, awkward[rng.IntN(len(awkward))])
			}
		}
		dates := days(n)
		if rng.IntN(2) == 0 { // spread over years so that annualised figures appear
			for i := range dates {
				dates[i] = day(i * 40)
			}
		}
		s, err := Compute(frame(dates, value, in, out), Options{RiskFree: 0.02})
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		noInf(t, s)
		if t.Failed() {
			t.Fatalf("trial %d: value %v in %v out %v", trial, value, in, out)
		}
	}
}
