package stats

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestHistogramFreedmanDiaconis(t *testing.T) {
	// 1 … 8: n = 8, n^(1/3) = 2. Quartiles at rank q (n − 1): Q1 at 1.75,
	// between 2 and 3: 2.75; Q3 at 5.25, between 6 and 7: 6.25; IQR 3.5.
	// Width = 2 × 3.5 / 2 = 3.5.
	// The second series (−1, 10, NaN) widens the range: k0 = ⌊−1/3.5⌋ = −1,
	// the last bin ⌊10/3.5⌋ = 2: 4 bins, edges −3.5, 0, 3.5, 7, 10.5.
	// First series: ⌊x/3.5⌋ is 0 for 1, 2, 3; 1 for 4, 5, 6; 2 for 7
	// (7/3.5 = 2, the lower edge is in the bin) and 8: counts 0, 3, 3, 2.
	// Second: −1 in bin 0, 10 in bin 3, the NaN skipped.
	h, err := NewHistogram([]float64{1, 2, 3, 4, 5, 6, 7, 8}, []float64{-1, 10, math.NaN()})
	if err != nil {
		t.Fatal(err)
	}
	if h.Rule != "Freedman–Diaconis" || h.Width != 3.5 {
		t.Errorf("rule %q, width %v; want Freedman–Diaconis, 3.5", h.Rule, h.Width)
	}
	if want := []float64{-3.5, 0, 3.5, 7, 10.5}; !reflect.DeepEqual(h.Edges, want) {
		t.Errorf("edges %v, want %v", h.Edges, want)
	}
	if want := [][]int{{0, 3, 3, 2}, {1, 0, 0, 1}}; !reflect.DeepEqual(h.Counts, want) {
		t.Errorf("counts %v, want %v", h.Counts, want)
	}
	if want := []int{0, 1}; !reflect.DeepEqual(h.Skipped, want) {
		t.Errorf("skipped %v, want %v", h.Skipped, want)
	}
}

func TestHistogramSturgesWhenIQRIsZero(t *testing.T) {
	// seven days of 0 and one of +4%: Q1 = Q3 = 0. Sturges: 8 values,
	// ⌈log₂ 8⌉ + 1 = 4 bins over the range 0.04: width 0.01; bins ⌊x/0.01⌋
	// from 0 to 4: five bins, seven values in the first, one in the last.
	h, err := NewHistogram([]float64{0, 0, 0, 0.04, 0, 0, 0, 0})
	if err != nil {
		t.Fatal(err)
	}
	if h.Rule != "Sturges" || math.Abs(h.Width-0.01) > 1e-15 {
		t.Errorf("rule %q, width %v; want Sturges, 0.01", h.Rule, h.Width)
	}
	if want := [][]int{{7, 0, 0, 0, 1}}; !reflect.DeepEqual(h.Counts, want) {
		t.Errorf("counts %v, want %v", h.Counts, want)
	}
	// all equal: a width of 1% of the value, one bin
	h, err = NewHistogram([]float64{0.02, 0.02, 0.02})
	if err != nil || len(h.Counts[0]) != 1 || h.Counts[0][0] != 3 || math.Abs(h.Width-0.0002) > 1e-15 {
		t.Errorf("equal values: %+v, %v; want one bin of 3, width 0.0002", h, err)
	}
}

func TestHistogramCapsBins(t *testing.T) {
	// −1, 0, 0.001, 0.001, 0.002, 1: Q1 at rank 1.25 = 0.00025, Q3 at 3.75 =
	// 0.00175, IQR 0.0015, Freedman–Diaconis width 0.003 / 6^(1/3) ≈ 0.00165:
	// about 1,200 bins over the range 2. Capped: width 2 / 199; k0 =
	// ⌊−99.5⌋ = −100, last ⌊99.5⌋ = 99: 200 bins, −1 in the first, 1 in the
	// last, the four near 0 in bin 100 (0 … 2/199).
	h, err := NewHistogram([]float64{-1, 0, 0.001, 0.001, 0.002, 1})
	if err != nil {
		t.Fatal(err)
	}
	c := h.Counts[0]
	if len(c) != MaxBins || !strings.Contains(h.Rule, "capped at 200 bins") || h.Width != 2.0/199 {
		t.Fatalf("%d bins, rule %q, width %v; want 200, capped, 2/199", len(c), h.Rule, h.Width)
	}
	if c[0] != 1 || c[199] != 1 || c[100] != 4 {
		t.Errorf("counts: first %d, bin 100 %d, last %d; want 1, 4, 1", c[0], c[100], c[199])
	}
}

func TestHistogramBadInput(t *testing.T) {
	if _, err := NewHistogram(); err == nil || !strings.Contains(err.Error(), "no series") {
		t.Errorf("no series: %v", err)
	}
	if _, err := NewHistogram([]float64{math.NaN(), 0.01, math.Inf(1)}); err == nil || !strings.Contains(err.Error(), "1 finite values in the first series, want at least 2") {
		t.Errorf("one finite value: %v", err)
	}
}
