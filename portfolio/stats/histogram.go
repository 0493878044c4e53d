package stats

import (
	"errors"
	"fmt"
	"math"
)

// Histogram counts one or more series of returns in the same bins of equal
// width, so that a portfolio's distribution and a benchmark's can be drawn
// over each other. Bin i holds the values x with
//
//	Edges[i] ≤ x < Edges[i+1],  Edges[i] = (k0 + i) × Width,
//
// that is the x with ⌊x / Width⌋ = k0 + i, k0 = ⌊min / Width⌋ over every
// finite value: the bins are aligned on multiples of Width, so 0 is an edge
// and no bin mixes gains with losses.
type Histogram struct {
	// Rule says how Width was chosen: "Freedman–Diaconis" or, when the
	// first series' interquartile range is 0, "Sturges"; with "(capped at
	// 200 bins)" when the rule's width would have made more than MaxBins.
	Rule  string
	Width float64
	Edges []float64 // len(Edges) = bins + 1
	// Counts[s][i] is the number of values of series s in bin i.
	Counts [][]int
	// Skipped[s] is the number of NaN or infinite values of series s,
	// which are counted in no bin (a benchmark before its history starts).
	Skipped []int
}

// MaxBins bounds a histogram's bins: a series with a few extreme days
// (a crash) and a narrow interquartile range would otherwise get thousands
// of bins, most of them empty.
const MaxBins = 200

// NewHistogram bins series (each a set of returns, fractions) in common
// bins whose width the first series sets by the Freedman–Diaconis rule:
//
//	Width = 2 × IQR × n^(−1/3)
//
// where n is the number of its finite values and IQR = Q3 − Q1 their
// interquartile range, quartiles interpolated linearly between the sorted
// values at rank q (n − 1) (numpy's default). When the IQR is 0 (most
// values equal) it falls back to Sturges' rule, Width = (max − min) /
// (⌈log₂ n⌉ + 1) over the first series; when that is 0 too (all values
// equal) to a width of 1 % of |max|, or 0.0001 when every value is 0. When
// the width would give more than MaxBins bins over all series it is
// widened to (max − min) / (MaxBins − 1).
//
// No series, or a first series with fewer than 2 finite values, is an
// error.
func NewHistogram(series ...[]float64) (*Histogram, error) {
	if len(series) == 0 {
		return nil, errors.New("stats: histogram: no series")
	}
	first := finiteValues(series[0])
	if len(first) < 2 {
		return nil, fmt.Errorf("stats: histogram: %d finite values in the first series, want at least 2", len(first))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, v := range s {
			if isFinite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	h := &Histogram{}
	h.Width, h.Rule = binWidth(first)
	if (hi-lo)/h.Width+1 > MaxBins {
		h.Width = (hi - lo) / (MaxBins - 1)
		h.Rule += " (capped at 200 bins)"
	}
	k0 := math.Floor(lo / h.Width)
	bins := int(math.Floor(hi/h.Width)-k0) + 1
	h.Edges = make([]float64, bins+1)
	for i := range h.Edges {
		h.Edges[i] = (k0 + float64(i)) * h.Width
	}
	for _, s := range series {
		counts, skipped := make([]int, bins), 0
		for _, v := range s {
			if !isFinite(v) {
				skipped++
				continue
			}
			i := int(math.Floor(v/h.Width) - k0)
			counts[min(max(i, 0), bins-1)]++ // guards rounding at the ends
		}
		h.Counts = append(h.Counts, counts)
		h.Skipped = append(h.Skipped, skipped)
	}
	return h, nil
}

// binWidth is the Freedman–Diaconis width of x (at least 2 finite values),
// or Sturges' when x's IQR is 0, as NewHistogram documents.
func binWidth(x []float64) (float64, string) {
	n := float64(len(x))
	if iqr := percentile(x, 0.75) - percentile(x, 0.25); iqr > 0 {
		return 2 * iqr / math.Cbrt(n), "Freedman–Diaconis"
	}
	lo, hi := percentile(x, 0), percentile(x, 1)
	if w := (hi - lo) / (math.Ceil(math.Log2(n)) + 1); w > 0 {
		return w, "Sturges"
	}
	if hi != 0 {
		return math.Abs(hi) / 100, "Sturges"
	}
	return 0.0001, "Sturges"
}

// finiteValues is x without its NaN and infinite values.
func finiteValues(x []float64) []float64 {
	out := make([]float64, 0, len(x))
	for _, v := range x {
		if isFinite(v) {
			out = append(out, v)
		}
	}
	return out
}
