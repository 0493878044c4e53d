package quality

import (
	"fmt"
	"math"
	"slices"

	"github.com/gofolio/gofolio/quotes"
)

// unitStep is the power of ten k (±2, ±3 or ±4) of a day-over-day move
// q = close/previous close with |log10 q − k| ≤ 0.3, or 0 for any other
// move: no stock moves a hundredfold in a day, so such a move is a change
// of unit (or a split of that ratio, which the caller rules out).
func unitStep(q float64) int {
	if q < 20 && q > 1.0/20 {
		return 0 // most days, without a logarithm
	}
	l := math.Log10(q)
	k := math.Round(l)
	if a := math.Abs(k); a >= 2 && a <= 4 && math.Abs(l-k) <= 0.3 {
		return int(k)
	}
	return 0
}

// unitSwitches reports every run of closes on another power-of-ten level
// than the level held on most days, and brings the view's closes to that
// level. A step at a split of the same power of ten in closes as traded is
// the split, not a switch.
func (v *view) unitSwitches(sym string, s *quotes.Series) []Finding {
	n := len(v.close)
	if n < 2 {
		return nil
	}
	// steps[i] is the power of ten closes i..n−1 move by from close i−1.
	steps := map[int]int{}
	for _, i := range v.jumps {
		k := unitStep(v.close[i] / v.close[i-1])
		if k != 0 && !(!s.SplitAdjusted && splitOfPower(s.Splits, v, i, -k)) {
			steps[i] = k
		}
	}
	if len(steps) == 0 {
		return nil
	}
	level := make([]int, n)
	for i := 1; i < n; i++ {
		level[i] = level[i-1] + steps[i]
	}
	ref := commonestLevel(level)
	var out []Finding
	for i := 0; i < n; {
		j := i
		for j < n && level[j] == level[i] {
			j++
		}
		if level[i] != ref {
			out = append(out, v.unitFinding(sym, i, j-1, level[i]-ref))
		}
		i = j
	}
	v.close = slices.Clone(v.close) // may be the series' own
	for i := range v.close {
		v.close[i] *= math.Pow10(ref - level[i])
	}
	return out
}

// unitFinding is the finding for the run of closes i..j, exp powers of
// ten off the right level.
func (v *view) unitFinding(sym string, i, j, exp int) Finding {
	factor := math.Pow10(exp)
	times, fixWord, units := fmt.Sprintf("%gx", factor), fmt.Sprintf("divide them by %g", factor), "pence for pounds"
	if exp < 0 {
		times, fixWord, units = fmt.Sprintf("1/%g of", 1/factor), fmt.Sprintf("multiply them by %g", 1/factor), "pounds for pence"
	}
	seen := fmt.Sprintf("%d close(s) %s the rest (%g on %s", j-i+1, times, v.close[i], v.dates[i].Format("2006-01-02"))
	if i > 0 {
		seen += fmt.Sprintf(" after %g", v.close[i-1])
	}
	seen += ")"
	return Finding{Symbol: sym, Kind: UnitSwitch, From: v.dates[i], To: v.dates[j], Seen: seen,
		Likely: "prices quoted in another unit (such as " + units + ") on those days: " + fixWord,
		Impact: math.Abs(factor - 1), Repairable: true,
		fix: fix{scale: 1 / factor, scaleFrom: v.dates[i], scaleTo: v.dates[j]}}
}

// commonestLevel is the level held on most days; a tie goes to the level
// nearest the first close's.
func commonestLevel(level []int) int {
	count := map[int]int{}
	for _, l := range level {
		count[l]++
	}
	keys := make([]int, 0, len(count))
	for l := range count {
		keys = append(keys, l)
	}
	slices.SortFunc(keys, func(a, b int) int { return abs(a) - abs(b) })
	best := keys[0]
	for _, l := range keys {
		if count[l] > count[best] {
			best = l
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// splitOfPower says whether a split of ratio about 10^k is dated within a
// day of the view's day i (k > 0: a fall in the closes as traded).
func splitOfPower(splits []quotes.Split, v *view, i, k int) bool {
	for _, sp := range splits {
		if r := sp.Ratio(); r > 0 && math.Abs(math.Log10(r)-float64(k)) <= 0.3 && nearDay(v, i, sp, 1) {
			return true
		}
	}
	return false
}

// nearDay says whether the split is dated from the view's day i−days to
// day i+days, both inclusive.
func nearDay(v *view, i int, sp quotes.Split, days int) bool {
	lo, hi := max(i-days, 0), min(i+days, len(v.dates)-1)
	return !sp.Date.Before(v.dates[lo]) && !sp.Date.After(v.dates[hi])
}
