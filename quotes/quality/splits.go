package quality

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// splitRatios are the common split ratios (shares after per share before),
// as the fractions a Split records.
var splitRatios = [][2]float64{
	{3, 2}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {10, 1}, {20, 1},
	{2, 3}, {1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 10}, {1, 20},
}

const (
	splitTolerance  = 0.10 // |ln move − ln ratio| for a split-like move
	repairTolerance = 0.05 // the same, for a move repaired as a split
	// repairTolerance32 is repairTolerance for 3:2 and 2:3: one-day
	// moves of a third happen (P&G on 2000-03-07, a 3:2-like 1.433 fall).
	repairTolerance32 = 0.02
	lastTolerance     = 0.20 // the same, for the medians either side
	splitWindow       = 5    // trading days either side searched for a split or its move
)

// nearSplitRatio returns the common split ratio whose fall the move
// q = previous close/close is within splitTolerance of.
func nearSplitRatio(q float64) ([2]float64, bool) {
	for _, r := range splitRatios {
		if math.Abs(math.Log(q)-math.Log(r[0]/r[1])) <= splitTolerance {
			return r, true
		}
	}
	return [2]float64{}, false
}

// missingSplits reports closes that move like a common split, lastingly,
// with no split within splitWindow trading days.
func (v *view) missingSplits(sym string, s *quotes.Series) []Finding {
	var out []Finding
	for _, i := range v.jumps {
		q := v.close[i-1] / v.close[i]
		r, ok := nearSplitRatio(q)
		if !ok || v.anySplitNear(s.Splits, i) || !v.lasting(i, r[0]/r[1]) {
			continue
		}
		out = append(out, v.missingSplitFinding(sym, s, i, q, r))
	}
	return out
}

func (v *view) missingSplitFinding(sym string, s *quotes.Series, i int, q float64, r [2]float64) Finding {
	ratio := r[0] / r[1]
	f := Finding{Symbol: sym, Kind: MissingSplit, From: v.dates[i], To: v.dates[i],
		Seen: fmt.Sprintf("the close %s %.3g-fold (%g to %g) and stays there, with no split in the data",
			moveWord(q), math.Max(q, 1/q), v.close[i-1], v.close[i]),
		Likely: fmt.Sprintf("a %g:%g split missing from the events (or a move of that size: check the news)", r[0], r[1]),
		Impact: math.Max(ratio, 1/ratio) - 1,
		fix:    fix{split: &quotes.Split{Date: v.dates[i], Numerator: r[0], Denominator: r[1]}},
	}
	tol := repairTolerance
	if r[0]*r[1] == 6 {
		tol = repairTolerance32
	}
	f.Repairable = math.Abs(math.Log(q)-math.Log(ratio)) <= tol
	if s.SplitAdjusted {
		// The engine multiplies the closes before a split by its ratio:
		// they must be divided by it first, and so must the dividends.
		f.fix.scale, f.fix.scaleTo, f.fix.scaleDividends = 1/ratio, v.dates[i].AddDate(0, 0, -1), true
	}
	return f
}

func moveWord(q float64) string {
	if q >= 1 {
		return "falls"
	}
	return "rises"
}

// anySplitNear says whether any split is within splitWindow trading days
// of day i.
func (v *view) anySplitNear(splits []quotes.Split, i int) bool {
	return slices.ContainsFunc(splits, func(sp quotes.Split) bool { return nearDay(v, i, sp, splitWindow) })
}

// lasting says whether the median of the (up to) splitWindow closes from
// day i, over the median of the splitWindow closes before it, is a fall of
// ratio within lastTolerance: a lasting move, not a one-day spike.
func (v *view) lasting(i int, ratio float64) bool {
	before := median(v.close[max(i-splitWindow, 0):i])
	after := median(v.close[i:min(i+splitWindow, len(v.close))])
	return math.Abs(math.Log(before/after)-math.Log(ratio)) <= lastTolerance
}

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

// splitEvents checks each split of 3:2 or more either way against the
// closes: as traded, they must fall about its ratio on its day or near it;
// split-adjusted, they must not move on its day.
func (v *view) splitEvents(sym string, s *quotes.Series) []Finding {
	var out []Finding
	for _, sp := range s.Splits {
		want := math.Log(sp.Ratio())
		d, ok := slices.BinarySearchFunc(v.dates, sp.Date, time.Time.Compare)
		if math.Abs(want) < math.Log(1.5)-0.01 || math.IsInf(want, 0) || math.IsNaN(want) || d < 1 || d >= len(v.dates) ||
			(!ok && v.dates[d].Sub(sp.Date) > 7*24*time.Hour) {
			continue
		}
		x := math.Log(v.close[d-1]/v.close[d]) / want // 1: a fall of the ratio
		if f, bad := v.splitEventFinding(sym, s, sp, d, x); bad {
			out = append(out, f)
		}
	}
	return out
}

// splitEventFinding judges the move x (in units of the split's fall) of
// the closes on day d, the split's day.
func (v *view) splitEventFinding(sym string, s *quotes.Series, sp quotes.Split, d int, x float64) (Finding, bool) {
	ratio := sp.Ratio()
	f := Finding{Symbol: sym, From: sp.Date, To: sp.Date, Impact: math.Max(ratio, 1/ratio) - 1}
	before := v.dates[d].AddDate(0, 0, -1)
	switch {
	case !s.SplitAdjusted:
		if math.Abs(x) >= 1.0/3 || v.splitMoveNear(d, math.Log(ratio)) {
			return f, false
		}
		f.Kind = SplitWithoutJump
		f.Likely = "closes already adjusted for the split (mark them split-adjusted) or a split that did not happen"
	case x >= 0.5 && x <= 1.5:
		f.Kind, f.Repairable = MissingAdjustment, math.Abs(x-1) <= 0.25
		f.Likely = "closes before the split not divided by its ratio, though the series is marked split-adjusted: divide them"
		f.fix = fix{scale: 1 / ratio, scaleTo: before}
	case x <= -0.5 && x >= -1.5:
		f.Kind, f.Repairable = DoubledAdjustment, math.Abs(x+1) <= 0.25
		f.Likely = "closes before the split divided by its ratio twice: multiply them by it once"
		f.fix = fix{scale: ratio, scaleTo: before}
	default:
		return f, false
	}
	f.Seen = fmt.Sprintf("a %v:%v split on %s and the closes go from %g to %g on %s", sp.Numerator, sp.Denominator,
		sp.Date.Format(time.DateOnly), v.close[d-1], v.close[d], v.dates[d].Format(time.DateOnly))
	return f, true
}

// splitMoveNear says whether the closes fall between half and one and a
// half times a split of log-ratio want within splitWindow days of day d.
func (v *view) splitMoveNear(d int, want float64) bool {
	for j := max(d-splitWindow, 1); j <= min(d+splitWindow, len(v.close)-1); j++ {
		if x := math.Log(v.close[j-1]/v.close[j]) / want; x >= 0.5 && x <= 1.5 {
			return true
		}
	}
	return false
}
