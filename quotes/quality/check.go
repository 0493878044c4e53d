package quality

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// Kind is the kind of fault a Finding reports.
type Kind string

// The kinds of fault Check looks for; the package documentation says how
// each is recognised.
const (
	UnitSwitch        Kind = "unit switch"
	MissingSplit      Kind = "split-like jump without a split event"
	SplitWithoutJump  Kind = "split event without a jump"
	DoubledAdjustment Kind = "doubled split adjustment"
	MissingAdjustment Kind = "missing split adjustment"
	DividendTooLarge  Kind = "dividend larger than a plausible yield"
	DividendNoDrop    Kind = "dividend without a price drop"
	Stale             Kind = "stale closes"
	NotPositive       Kind = "close not a positive price"
	Gap               Kind = "gap in the closes"
)

// Options tunes Check; a zero field takes the default given beside it.
type Options struct {
	// StaleDays is the least number of equal closes in a row that is a
	// stale run (5); a series with many unchanged days needs more.
	StaleDays int
	// GapDays is the longest run of calendar days between two closes that
	// is not a gap (21).
	GapDays int
	// MaxYield is the largest plausible dividend as a fraction of the
	// close before its ex-date (0.25).
	MaxYield float64
	// DropYield is the smallest dividend, as a fraction of the close
	// before its ex-date, whose price drop is checked (0.10).
	DropYield float64
}

func (o Options) withDefaults() Options {
	if o.StaleDays <= 0 {
		o.StaleDays = 5
	}
	if o.GapDays <= 0 {
		o.GapDays = 21
	}
	if o.MaxYield <= 0 {
		o.MaxYield = 0.25
	}
	if o.DropYield <= 0 {
		o.DropYield = 0.10
	}
	return o
}

// Finding is one fault found in one series.
type Finding struct {
	Symbol   string
	Kind     Kind
	From, To time.Time // the days concerned, both inclusive
	Seen     string    // what the data shows
	Likely   string    // what it most likely is
	// Impact estimates the relative error the fault would put in a value
	// figure: 99 for closes 100 times too high, 0.5 for a dividend of half
	// the price. Check orders findings by it, largest first.
	Impact float64
	// Repairable says Repair can fix the fault with confidence.
	Repairable bool
	fix        fix
}

// fix is how Repair repairs a finding.
type fix struct {
	scale          float64   // multiply the closes from scaleFrom to scaleTo by scale
	scaleFrom      time.Time // zero: from the first close
	scaleTo        time.Time
	scaleDividends bool          // and the dividends in that range
	split          *quotes.Split // add this split
	drop           bool          // drop the rows from From to To whose close is not positive
}

// String is the finding on one line.
func (f Finding) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s: %s; likely %s", f.Symbol, dateRange(f.From, f.To), f.Kind, f.Seen, f.Likely)
	if f.Repairable {
		b.WriteString(" (repairable)")
	}
	return b.String()
}

func dateRange(from, to time.Time) string {
	if from.Equal(to) {
		return from.Format(time.DateOnly)
	}
	return from.Format(time.DateOnly) + " to " + to.Format(time.DateOnly)
}

// Check looks for faults in every series and returns them, the largest
// Impact first (then by symbol, date and kind). It does not change the
// series. A nil series is skipped; series is keyed by symbol, and a
// series' Symbol, when set, names it in the findings.
func Check(series map[string]*quotes.Series, opts Options) []Finding {
	opts = opts.withDefaults()
	keys := sortedKeys(series)
	found := make([][]Finding, len(keys))
	// The series are checked independently (the stale check only reads the
	// others), on every core; the findings are gathered in key order, so
	// the result does not depend on the scheduling.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(keys)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(keys); i = int(next.Add(1)) - 1 {
				if s := series[keys[i]]; s != nil {
					found[i] = checkSeries(keys[i], s, series, opts)
				}
			}
		})
	}
	wg.Wait()
	out := slices.Concat(found...)
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(b.Impact, a.Impact), cmp.Compare(a.Symbol, b.Symbol),
			a.From.Compare(b.From), cmp.Compare(a.Kind, b.Kind))
	})
	return out
}

func sortedKeys(series map[string]*quotes.Series) []string {
	keys := make([]string, 0, len(series))
	for k := range series {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// checkSeries runs every check on one series, unit switches first so that
// the other checks see the closes at one scale.
func checkSeries(key string, s *quotes.Series, all map[string]*quotes.Series, o Options) []Finding {
	sym := cmp.Or(s.Symbol, key)
	v := newView(s)
	var found []Finding
	if len(v.close) < min(len(s.Dates), len(s.Close)) {
		found = notPositive(sym, s)
	}
	v.scan(o)
	found = append(found, v.unitSwitches(sym, s)...)
	found = append(found, v.missingSplits(sym, s)...)
	found = append(found, v.splitEvents(sym, s)...)
	found = append(found, v.dividends(sym, s, o)...)
	found = append(found, v.staleRuns(sym, key, all, o)...)
	found = append(found, v.gapFindings(sym)...)
	return found
}

// view is a series' rows with a positive finite close, the closes brought
// to one scale by unitSwitches.
type view struct {
	dates []time.Time
	close []float64
	// What one pass over the rows (scan) found for the checks to look at:
	jumps []int    // days i whose close moves at least jumpLimit-fold from day i−1's
	runs  [][2]int // runs i..j of at least Options.StaleDays equal closes
	gaps  []int    // days i more than Options.GapDays calendar days after day i−1
}

// jumpLimit is the least move a split (3:2, less splitTolerance) or a
// unit switch makes; most days move less, and need no other check.
const jumpLimit = 1.35

// scan makes one pass over the rows, so that a series is read once
// whatever the number of checks, and lists the days each check needs.
func (v *view) scan(o Options) {
	n := len(v.close)
	limit := int64(o.GapDays) * 24 * 3600
	var prev int64
	if n > 0 {
		prev = v.dates[0].Unix()
	}
	start := 0 // of the current run of equal closes
	for i := 1; i < n; i++ {
		c, b := v.close[i], v.close[i-1]
		if b >= jumpLimit*c || c >= jumpLimit*b { // b/c ≥ jumpLimit or ≤ 1/jumpLimit, without dividing
			v.jumps = append(v.jumps, i)
		}
		if c != b {
			if i-start >= o.StaleDays {
				v.runs = append(v.runs, [2]int{start, i - 1})
			}
			start = i
		}
		t := v.dates[i].Unix()
		if t-prev > limit {
			v.gaps = append(v.gaps, i)
		}
		prev = t
	}
	if n-start >= o.StaleDays {
		v.runs = append(v.runs, [2]int{start, n - 1})
	}
}

func newView(s *quotes.Series) *view {
	n := min(len(s.Dates), len(s.Close))
	if !slices.ContainsFunc(s.Close[:n], func(c float64) bool { return !(c > 0) || math.IsInf(c, 0) }) {
		return &view{dates: s.Dates[:n:n], close: s.Close[:n:n]}
	}
	v := &view{dates: make([]time.Time, 0, n), close: make([]float64, 0, n)}
	for i := range n {
		if c := s.Close[i]; c > 0 && !math.IsInf(c, 0) {
			v.dates = append(v.dates, s.Dates[i])
			v.close = append(v.close, c)
		}
	}
	return v
}

// notPositive reports each run of rows whose close is zero, negative, NaN
// or infinite.
func notPositive(sym string, s *quotes.Series) []Finding {
	var out []Finding
	n := min(len(s.Dates), len(s.Close))
	bad := func(i int) bool { c := s.Close[i]; return !(c > 0) || math.IsInf(c, 0) }
	for i := 0; i < n; i++ {
		if !bad(i) {
			continue
		}
		j := i
		for j+1 < n && bad(j+1) {
			j++
		}
		out = append(out, Finding{Symbol: sym, Kind: NotPositive, From: s.Dates[i], To: s.Dates[j],
			Seen:   fmt.Sprintf("%d close(s) of %v", j-i+1, s.Close[i]),
			Likely: "missing prices written as zero: a day without a price must be absent, so the rows are dropped on repair",
			Impact: 1, Repairable: true, fix: fix{drop: true}})
		i = j
	}
	return out
}

// gaps reports two closes more than o.GapDays calendar days apart.
func (v *view) gapFindings(sym string) []Finding {
	var out []Finding
	for _, i := range v.gaps {
		days := v.dates[i].Sub(v.dates[i-1]).Hours() / 24
		out = append(out, Finding{Symbol: sym, Kind: Gap, From: v.dates[i-1], To: v.dates[i],
			Seen:   fmt.Sprintf("no close for %.0f calendar days (%g, then %g)", days, v.close[i-1], v.close[i]),
			Likely: "missing data: holdings are valued at the last close before the gap until it ends",
			Impact: math.Abs(v.close[i]/v.close[i-1] - 1)})
	}
	return out
}
