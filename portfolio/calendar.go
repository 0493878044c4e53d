package portfolio

import (
	"math"
	"slices"
	"time"
	"unsafe"

	"github.com/gofolio/gofolio/quotes"
)

// dayNumber is a date as whole days since 1970-01-01. Every date in the
// engine is midnight UTC (quotes.Day), so this is exact; working in day
// numbers instead of time.Time keeps the hot loops to integer compares.
type dayNumber int32

// toDayNumber is t's calendar day in its own location as a day number
// (see quotes.DayNumber).
func toDayNumber(t time.Time) dayNumber { return dayNumber(quotes.DayNumber(t)) }

// seriesDayNumbers is s.DayNumbers as the engine's day numbers (of the
// same type underneath, int32: no copy). Converting every date of every
// series was a large part of Build; quotes.Series computes it once and
// keeps it, so repeated builds on the same market data skip it.
func seriesDayNumbers(s *quotes.Series) []dayNumber {
	days := s.DayNumbers()
	if len(days) == 0 {
		return nil
	}
	return unsafe.Slice((*dayNumber)(unsafe.Pointer(&days[0])), len(days))
}

func (d dayNumber) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// calendar is the portfolio's trading calendar: the union of the trading
// days of every series it holds, from the first transaction to the end.
type calendar struct {
	dates []time.Time
	days  []dayNumber
	// next[i] is the index of the first calendar day on or after day
	// first+i, or len(days) when there is none.
	first dayNumber
	next  []int32
	// seriesDays[i] is the day number of every date of the i-th series the
	// calendar was built from (its DayNumbers, cached with the series),
	// reused by align, placeTransactions and fillOnSessions.
	seriesDays [][]dayNumber
}

// newCalendar builds the union of the series' days in [from, to]. It marks
// days in a bitmap spanning the range rather than sorting every date of
// every series: O(total dates + range) with no allocation per date.
func newCalendar(series []*quotes.Series, from, to dayNumber) *calendar {
	c := &calendar{first: from, seriesDays: make([][]dayNumber, len(series))}
	span := max(0, int(to-from)+1)
	mark := make([]bool, span)
	total := 0
	for _, s := range series {
		total += len(s.Dates)
	}
	// The first build on new market data converts its dates: in parallel,
	// a chunk of series each. Later builds find them cached.
	forChunks(len(series), max(1, chunkSymbolDays/max(1, total/max(1, len(series)))), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			c.seriesDays[i] = seriesDayNumbers(series[i])
		}
	})
	// Most series share a few calendars (one per exchange): the days of
	// one equal to days already marked mark nothing new, and comparing
	// them costs a fifth of marking them (nothing, for the series
	// quotes.FetchAll returns, which share their days' array).
	var marked [][]int32
	for i, days := range c.seriesDays {
		raw := series[i].DayNumbers()
		if slices.ContainsFunc(marked, func(m []int32) bool { return quotes.SameDayNumbers(m, raw) }) {
			continue
		}
		if len(marked) < maxDistinctCalendars {
			marked = append(marked, raw)
		}
		for _, d := range days {
			if d >= from && d <= to {
				mark[d-from] = true
			}
		}
	}
	if to < from {
		return c
	}
	n := 0
	for _, m := range mark {
		if m {
			n++
		}
	}
	c.days = make([]dayNumber, 0, n)
	c.dates = make([]time.Time, 0, n)
	c.next = make([]int32, span)
	for i := span - 1; i >= 0; i-- {
		if mark[i] {
			n--
		}
		c.next[i] = int32(n)
	}
	for i, m := range mark {
		if m {
			d := from + dayNumber(i)
			c.days = append(c.days, d)
			c.dates = append(c.dates, d.time())
		}
	}
	return c
}

// maxDistinctCalendars is how many distinct series calendars newCalendar
// compares each series' days with before marking them.
const maxDistinctCalendars = 8

// index returns the index of the first calendar day on or after d, and
// false when d is after the last calendar day.
func (c *calendar) index(d dayNumber) (int, bool) {
	if d < c.first {
		return 0, len(c.days) > 0
	}
	off := int(d - c.first)
	if off >= len(c.next) {
		return len(c.days), false
	}
	i := int(c.next[off])
	return i, i < len(c.days)
}

// align writes the closes of the si-th series the calendar was built from,
// s, on the calendar (one per calendar day), forward-filled over days on
// which s did not trade (another market's holidays) and NaN before its
// first day. When s is SplitAdjusted the closes are multiplied back by the
// ratio of every later split so that they are the prices actually traded.
//
// Most series trade on every day of the calendar and are not adjusted for
// a split: their closes over it are then a part of s.Close, returned as it
// is (capacity cut to it), not copied. The result is read only.
func (c *calendar) align(si int, s *quotes.Series) []float64 {
	sdays := c.seriesDays[si]
	if j0, j1, ok := c.everyDay(si, s); ok {
		if !s.SplitAdjusted || len(s.Splits) == 0 {
			return s.Close[j0:j1:j1]
		}
		out := slices.Clone(s.Close[j0:j1])
		c.undoSplitAdjustment(out, s)
		return out
	}
	out := make([]float64, len(c.days))
	j := 0
	last := math.NaN()
	for i, d := range c.days {
		for j < len(sdays) && sdays[j] <= d {
			last = s.Close[j]
			j++
		}
		out[i] = last
	}
	c.undoSplitAdjustment(out, s)
	return out
}

// tradesEveryDay reports whether the si-th series the calendar was built
// from, s, trades on every day of the calendar.
func (c *calendar) tradesEveryDay(si int, s *quotes.Series) bool {
	_, _, ok := c.everyDay(si, s)
	return ok
}

// everyDay reports whether the si-th series, s, trades on every day of
// the calendar, and where those days are in it: s's days j0 to j1.
func (c *calendar) everyDay(si int, s *quotes.Series) (j0, j1 int, ok bool) {
	sdays := c.seriesDays[si]
	n := len(c.days)
	if n == 0 {
		return 0, 0, false
	}
	j0, _ = slices.BinarySearch(sdays, c.days[0])
	j1, _ = slices.BinarySearch(sdays, c.days[n-1]+1)
	// The series' days within the calendar's are calendar days (the
	// calendar is their union), so when they are strictly ascending and
	// as many as the calendar's they are the calendar's: no need to
	// compare them one by one (a tenth of Build's time at 500 symbols).
	return j0, j1, j1-j0 == n && (s.DaysAscending() || slices.Equal(sdays[j0:j1], c.days))
}

// undoSplitAdjustment multiplies the closes out of a SplitAdjusted series s
// back by the ratio of every later split.
func (c *calendar) undoSplitAdjustment(out []float64, s *quotes.Series) {
	if s.SplitAdjusted && len(s.Splits) > 0 {
		f := c.splitFactors(s)
		for i := range out {
			out[i] *= f[i]
		}
	}
}

// splitFactors returns, for each calendar day, the product of the ratios of
// s's splits that take effect after that day: the factor that turns a
// split-adjusted price or dividend on that day back into the one traded.
func (c *calendar) splitFactors(s *quotes.Series) []float64 {
	f := make([]float64, len(c.days))
	k := len(s.Splits) - 1
	factor := 1.0
	for i := len(c.days) - 1; i >= 0; i-- {
		for k >= 0 && toDayNumber(s.Splits[k].Date) > c.days[i] {
			factor *= s.Splits[k].Ratio()
			k--
		}
		f[i] = factor
	}
	return f
}
