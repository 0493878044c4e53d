package quality

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// dividends checks each dividend against the close before its ex-date:
// yield = amount/that close must be at most o.MaxYield, and when it is at
// least o.DropYield the ex-date close must fall by at least half of it.
func (v *view) dividends(sym string, s *quotes.Series, o Options) []Finding {
	var out []Finding
	for _, dv := range s.Dividends {
		d, _ := slices.BinarySearchFunc(v.dates, dv.Date, time.Time.Compare)
		if d < 1 || d >= len(v.dates) || v.dates[d].Sub(dv.Date) > 7*24*time.Hour || !(dv.Amount > 0) {
			continue
		}
		prev := v.close[d-1]
		yield := dv.Amount / prev
		move := v.close[d]/prev - 1
		f := Finding{Symbol: sym, From: dv.Date, To: dv.Date, Impact: yield}
		switch {
		case yield > o.MaxYield:
			f.Kind = DividendTooLarge
			f.Likely = "a wrong amount or a special distribution (return of capital, spin-off): check it"
			if yield >= 1 && yield/100 <= o.MaxYield/2 {
				f.Likely = "an amount in the minor unit (such as pence for a price in pounds), 100 times too large"
			}
		case yield >= o.DropYield && move > -yield/2:
			f.Kind = DividendNoDrop
			f.Likely = "a dividend that was not paid (or a wrong amount or date): the price did not drop by it"
		default:
			continue
		}
		f.Seen = fmt.Sprintf("a dividend of %g, %.1f%% of the close of %g before it, and the close moves %+.1f%% on %s",
			dv.Amount, 100*yield, prev, 100*move, v.dates[d].Format(time.DateOnly))
		out = append(out, f)
	}
	return out
}

// maxStaleDays caps the run length a series with many unchanged days needs.
const maxStaleDays = 20

// staleWindow is how many trading days either side of a run the share of
// unchanged days is measured on: a price quoted in cents is flat more
// often when it is low.
const staleWindow = 125

// staleDays is the least run of equal closes i..j that is stale: the
// larger of o.StaleDays and the least N with days·p^(N−1) < 0.01 (capped
// at maxStaleDays), where days is the series' length and p the share of
// closes equal to the one before within staleWindow days of the run,
// the run itself left out (chance would make such a run in the whole
// series less than once in a hundred).
func (v *view) staleDays(i, j int, o Options) int {
	n := len(v.close)
	same, pairs := 0, 0
	for k := max(i-staleWindow, 1); k <= min(j+staleWindow, n-1); k++ {
		if k > i && k <= j {
			continue // the run's own pairs
		}
		pairs++
		if v.close[k] == v.close[k-1] {
			same++
		}
	}
	if same == 0 {
		return o.StaleDays
	}
	p := float64(same) / float64(pairs)
	need := int(math.Floor(math.Log(0.01/float64(n))/math.Log(p))) + 2
	return max(o.StaleDays, min(need, maxStaleDays))
}

// staleRuns reports runs of at least staleDays equal closes during which
// another series moved (or no other series has closes).
func (v *view) staleRuns(sym, key string, all map[string]*quotes.Series, o Options) []Finding {
	var out []Finding
	for _, r := range v.runs {
		i, j := r[0], r[1]
		if need := v.staleDays(i, j, o); j-i+1 >= need && othersMoved(all, key, v.dates[i], v.dates[j]) {
			out = append(out, v.staleFinding(sym, i, j, need))
		}
	}
	return out
}

func (v *view) staleFinding(sym string, i, j, need int) Finding {
	f := Finding{Symbol: sym, Kind: Stale, From: v.dates[i], To: v.dates[j],
		Seen: fmt.Sprintf("the same close, %g, on %d trading days in a row (%d would be chance for this series)",
			v.close[i], j-i+1, need-1),
		Likely: "a price source that stopped updating (or a suspended listing): values do not move over the run"}
	if j+1 < len(v.close) {
		f.Impact = math.Abs(v.close[j+1]/v.close[j] - 1)
		f.Seen += fmt.Sprintf(", then %g", v.close[j+1])
	}
	return f
}

// othersMoved says whether another series in all has two different closes
// from from to to, or none has closes there (nothing to compare with).
func othersMoved(all map[string]*quotes.Series, key string, from, to time.Time) bool {
	compared := false
	for k, o := range all {
		if k == key || o == nil || len(o.Close) < len(o.Dates) {
			continue
		}
		lo, hi := max(o.Search(from), 0), o.Search(to)
		if hi-lo < 1 {
			continue
		}
		compared = true
		for i := lo + 1; i <= hi; i++ {
			if o.Close[i] != o.Close[i-1] {
				return true
			}
		}
	}
	return !compared
}
