package quotes

import (
	"bytes"
	"maps"
	"slices"
	"sync/atomic"
	"time"
	"unsafe"
)

// dayNumbers is the cache behind Series.DayNumbers: the day numbers of
// the dates slice that starts at first and holds n dates, and whether they
// are strictly ascending.
type dayNumbers struct {
	first     *time.Time
	n         int
	days      []int32
	ascending bool
}

// DayNumbers returns each of s.Dates as a day number: whole days since
// 1970-01-01, floor(Unix seconds / 86400) of the date's calendar day in
// its own location (for the midnight-UTC days of a valid Series, Unix
// seconds / 86400 exactly). The portfolio engine places every series on
// its calendar by these numbers; converting them is the costliest part
// of laying market data on a calendar, so it is done once per Series and
// cached with it, as pandas indexes its frame once while loading. Repeated
// builds on the same market data (a notebook, a benchmark) reuse it.
//
// The cache is safe for concurrent use (two goroutines may compute it at
// once; they compute the same numbers). Copying the Series value (c :=
// *s) reads the cache's pointer plainly: while another goroutine makes the
// first call, that is a race, as copying any struct being written is; the
// portfolio engine copies a series only after its own first call. It belongs to the dates slice it
// was computed from: assigning another slice to s.Dates, or one of another
// length, recomputes it. Changing the dates in place after the first call
// is not detected: build a new slice instead. The result is shared: do not
// modify it.
func (s *Series) DayNumbers() []int32 { return s.dayNumbers().days }

// DaysAscending reports whether DayNumbers is strictly ascending: no two
// dates on one calendar day, none out of order (as Validate requires of
// the dates). It is computed and cached with DayNumbers.
func (s *Series) DaysAscending() bool { return s.dayNumbers().ascending }

func (s *Series) dayNumbers() *dayNumbers {
	if c := s.cachedDayNumbers(); c != nil {
		return c
	}
	c := s.computeDayNumbers()
	if len(s.Dates) > 0 {
		atomic.StorePointer(&s.days, unsafe.Pointer(c))
	}
	return c
}

// cachedDayNumbers is the cache, when it belongs to s.Dates; nil when
// there is none (or no date).
func (s *Series) cachedDayNumbers() *dayNumbers {
	if len(s.Dates) == 0 {
		return nil
	}
	c := (*dayNumbers)(atomic.LoadPointer(&s.days))
	if c == nil || c.first != &s.Dates[0] || c.n != len(s.Dates) {
		return nil
	}
	return c
}

// computeDayNumbers computes what the cache holds, without keeping it.
func (s *Series) computeDayNumbers() *dayNumbers {
	if len(s.Dates) == 0 {
		return &dayNumbers{ascending: true}
	}
	c := &dayNumbers{first: &s.Dates[0], n: len(s.Dates), days: make([]int32, len(s.Dates)), ascending: true}
	for i, t := range s.Dates {
		c.days[i] = DayNumber(t)
		if i > 0 && c.days[i] <= c.days[i-1] {
			c.ascending = false
		}
	}
	return c
}

// DayNumber is t's calendar day, in t's own location, as whole days since
// 1970-01-01: floor((Unix seconds + zone offset) / 86400). It works on the
// Unix seconds directly, without the calendar arithmetic of Day, because
// every date of every series passes through it.
func DayNumber(t time.Time) int32 {
	secs := t.Unix()
	if t.Location() != time.UTC {
		_, offset := t.Zone()
		secs += int64(offset)
	}
	days := secs / secondsPerDay
	if days*secondsPerDay > secs {
		days-- // floor, for instants before 1970
	}
	return int32(days)
}

// shareDayNumbers computes the day numbers of the series among series
// that have none cached yet, and makes those equal to another's share one
// array of them, as pandas' MultiIndex keeps the dates of every symbol in
// one level: 500 series of one exchange then hold one array instead of
// 500, and the portfolio engine, which unites the calendars of every
// series it builds on, finds them equal by address instead of comparing
// them. A series' cache is set once, as its first DayNumbers call would
// set it (one already cached is left as it is); the series are taken in
// symbol order, so that the same series share the same arrays every time.
func shareDayNumbers(series map[string]*Series) {
	var distinct [][]int32
	for _, sym := range slices.Sorted(maps.Keys(series)) {
		s := series[sym]
		if c := s.cachedDayNumbers(); c != nil {
			distinct = appendCalendar(distinct, c.days)
			continue
		}
		c := s.computeDayNumbers()
		if len(c.days) == 0 {
			continue
		}
		if k := slices.IndexFunc(distinct, func(d []int32) bool { return SameDayNumbers(d, c.days) }); k >= 0 {
			c.days = distinct[k]
		} else {
			distinct = appendCalendar(distinct, c.days)
		}
		atomic.StorePointer(&s.days, unsafe.Pointer(c))
	}
}

// appendCalendar adds days to the distinct calendars shareDayNumbers
// compares each series' days with, unless it holds them already or is
// full.
func appendCalendar(distinct [][]int32, days []int32) [][]int32 {
	if len(days) == 0 || len(distinct) >= maxSharedCalendars ||
		slices.ContainsFunc(distinct, func(d []int32) bool { return SameDayNumbers(d, days) }) {
		return distinct
	}
	return append(distinct, days)
}

// maxSharedCalendars is how many distinct calendars shareDayNumbers
// compares each series' days with.
const maxSharedCalendars = 16

// SameDayNumbers reports whether a and b hold the same day numbers (see
// DayNumbers): at once when they are one array, as the series FetchAll
// returns share theirs, and otherwise comparing their memory as bytes
// (bytes.Equal's vector compare, several times faster than a loop).
func SameDayNumbers(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return bytes.Equal(unsafe.Slice((*byte)(unsafe.Pointer(&a[0])), 4*len(a)), unsafe.Slice((*byte)(unsafe.Pointer(&b[0])), 4*len(b)))
}
