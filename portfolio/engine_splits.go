package portfolio

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// withSplitRows returns s with the file's SPLIT rows for it (those that
// are not a split the data already has, which are reported) added to its
// splits, in date order, and the rows added. A SPLIT row is for a split the
// data lacks: it changes the quantity held like any split and, when the
// closes are split-adjusted (a Yahoo download's Close column), they are
// adjusted for it too, so it is undone on them like the data's own splits.
// s itself is not changed.
func (e *engine) withSplitRows(l *ledger, s *quotes.Series, txs []int) (*quotes.Series, []int) {
	var rows []int
	var added []quotes.Split
	for _, i := range txs {
		if e.kinds[i] != Split || e.txIndex[i] >= len(e.cal.days) {
			continue // off the calendar: reported by fillOnSessions
		}
		tx := &e.txs[i]
		// One near a split the data has is the same split, and would
		// double the shares.
		if sp, ok := nearEvent(s.Splits, func(sp quotes.Split) time.Time { return sp.Date }, tx.Date, -splitWindow, splitWindow); ok {
			if e.cfg.Statement && sameRatio(sp.Ratio(), tx.Quantity/tx.Price) {
				continue // the statement's record of the data's split
			}
			l.problem(tx, "kind", "SPLIT", fmt.Sprintf("no SPLIT row: the market data already has the %v:%v split of %s on %s",
				sp.Numerator, sp.Denominator, tx.Symbol, sp.Date.Format(time.DateOnly)))
			continue
		}
		rows = append(rows, i)
		added = append(added, quotes.Split{Date: e.cal.dates[e.txIndex[i]], Numerator: tx.Quantity, Denominator: tx.Price})
	}
	if len(added) == 0 {
		return s, nil
	}
	eff := *s
	eff.Splits = append(slices.Clone(s.Splits), added...)
	slices.SortStableFunc(eff.Splits, func(a, b quotes.Split) int { return a.Date.Compare(b.Date) })
	return &eff, rows
}

// sameRatio says whether two split ratios are the same split, to the
// rounding of a broker's "3 for 2" written as 1.5 or 1.4999.
func sameRatio(a, b float64) bool { return math.Abs(a/b-1) < 1e-3 }

// splitSearch is how many trading days either side of a SPLIT row
// splitInCloses looks for the drop in the closes.
const splitSearch = 5

// splitInCloses checks a SPLIT row of ratio (shares after per share
// before) on day d against the closes as traded: a split the data lacks
// still shows in them, the close falling about ratio-fold from the day
// before (rising, for a reverse split). It returns "" when it does, or what
// is wrong: the move is on another day (the row's date would value the
// shares wrongly in between), or there is none. A move between the square
// root of the ratio and its square counts, so that a split on a day the
// price also moved passes; splits of less than 2:1 either way, and days
// with no close before them, are not checked.
func splitInCloses(closes []float64, d int, ratio float64, dates []time.Time) string {
	want := math.Log(ratio)
	if _, ok := splitMove(closes, d, want); !ok || math.Abs(want) < math.Log(2) {
		return ""
	}
	moved := func(j int) bool {
		x, ok := splitMove(closes, j, want)
		return ok && x >= 0.5 && x <= 2
	}
	if moved(d) {
		return ""
	}
	move := func(j int) string {
		if f := closes[j-1] / closes[j]; f >= 1 {
			return fmt.Sprintf("fall %.3g-fold", f)
		}
		return fmt.Sprintf("rise %.3g-fold", closes[j]/closes[j-1])
	}
	for off := 1; off <= splitSearch; off++ {
		for _, j := range [2]int{d - off, d + off} {
			if moved(j) {
				return fmt.Sprintf("the date the closes show the split: they %s on %s (from %g to %g), so date the row then",
					move(j), dates[j].Format(time.DateOnly), closes[j-1], closes[j])
			}
		}
	}
	return fmt.Sprintf("a split the closes show: they %s on that day (%g the day before, %g that day) and nothing near a %v:1 split "+
		"within %d trading days; if the closes are split-adjusted (as a Yahoo download's Close column), mark them so "+
		"(Series.SplitAdjusted, -split-adjusted) and keep the row; else check its ratio and date", move(d), closes[d-1], closes[d],
		strconv.FormatFloat(ratio, 'g', 4, 64), splitSearch)
}

// splitMove is how far the close moves from day j−1 to day j, in units of
// a split of log-ratio want: 1 for a fall of exactly the split's ratio, 0
// for no move, 2 for a fall of its square; ok is false without both closes.
func splitMove(closes []float64, j int, want float64) (float64, bool) {
	if j < 1 || j >= len(closes) || !(closes[j] > 0) || !(closes[j-1] > 0) {
		return 0, false
	}
	return math.Log(closes[j-1]/closes[j]) / want, true
}

// splitBasis checks the data's own splits of s (SPLIT rows are checked by
// splitInCloses) against the closes as traded, to catch closes marked split-adjusted that are not
// (then undoing the adjustment makes them fall about ratio²-fold at the
// split) and closes not marked that are (no move at all). It returns what
// is wrong, or "". Only splits of 2:1 or more either way with no
// ordinary split move within splitSearch days count, so that a split on a
// day the price also moved, or a day late in the data, is not taken for
// either.
func (e *engine) splitBasis(closes []float64, s *quotes.Series, splits []quotes.Split) string {
	for _, sp := range splits {
		want := math.Log(sp.Ratio())
		d, ok := e.cal.index(toDayNumber(sp.Date))
		if !ok || math.Abs(want) < math.Log(2) || !e.cal.dates[d].Equal(quotes.Day(sp.Date)) {
			continue
		}
		x, ok := splitMove(closes, d, want)
		if !ok {
			continue
		}
		normal := false
		for j := d - splitSearch; j <= d+splitSearch && !normal; j++ {
			if y, ok := splitMove(closes, j, want); ok && y >= 0.5 && y <= 1.5 {
				normal = true
			}
		}
		if normal {
			continue
		}
		ratio := fmt.Sprintf("%v:%v", sp.Numerator, sp.Denominator)
		switch {
		case s.SplitAdjusted && x > 1.5 && x < 2.5:
			return fmt.Sprintf("closes that match their flag: %s's are marked split-adjusted, but they fall %.3g-fold on %s, the day of its %s split, "+
				"as closes traded do; do not mark them split-adjusted (-split-adjusted, Series.SplitAdjusted)",
				s.Symbol, closes[d-1]/closes[d]/sp.Ratio(), sp.Date.Format(time.DateOnly), ratio)
		case !s.SplitAdjusted && math.Abs(x) < 0.25:
			return fmt.Sprintf("closes that match their flag: %s's do not move on %s, the day of its %s split, as split-adjusted closes do; "+
				"mark them split-adjusted (-split-adjusted, Series.SplitAdjusted)", s.Symbol, sp.Date.Format(time.DateOnly), ratio)
		}
	}
	return ""
}
