package quotes

import (
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
	if len(s.Dates) == 0 {
		return &dayNumbers{ascending: true}
	}
	first := &s.Dates[0]
	if c := (*dayNumbers)(atomic.LoadPointer(&s.days)); c != nil && c.first == first && c.n == len(s.Dates) {
		return c
	}
	c := &dayNumbers{first: first, n: len(s.Dates), days: make([]int32, len(s.Dates)), ascending: true}
	for i, t := range s.Dates {
		c.days[i] = DayNumber(t)
		if i > 0 && c.days[i] <= c.days[i-1] {
			c.ascending = false
		}
	}
	atomic.StorePointer(&s.days, unsafe.Pointer(c))
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
