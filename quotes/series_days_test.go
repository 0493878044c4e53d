package quotes

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestDayNumbers checks the numbers against days counted by hand:
// 1970-01-01 is day 0; 1970-02-01 is day 31 (January's 31 days);
// 2000-01-01 is day 10957 (30 years of 365 days = 10950, plus the 7 leap
// days of 1972, 76, 80, 84, 88, 92 and 96); 1969-12-31 is day −1 (the
// floor, not the truncation toward zero); 2000-01-01 at 23:00 in UTC−5 is
// 2000-01-02 04:00 UTC but still 2000-01-01, day 10957, in its own zone.
func TestDayNumbers(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	for _, c := range []struct {
		date time.Time
		want int32
	}{
		{Date(1970, 1, 1), 0},
		{Date(1970, 2, 1), 31},
		{Date(2000, 1, 1), 10957},
		{Date(1969, 12, 31), -1},
		{time.Date(2000, 1, 1, 23, 0, 0, 0, est), 10957},
	} {
		if got := DayNumber(c.date); got != c.want {
			t.Errorf("DayNumber(%v) = %d, want %d", c.date, got, c.want)
		}
	}
	s := &Series{Symbol: "X", Dates: []time.Time{Date(1969, 12, 31), Date(1970, 1, 1), Date(1970, 2, 1)}, Close: []float64{1, 2, 3}}
	if got := s.DayNumbers(); len(got) != 3 || got[0] != -1 || got[1] != 0 || got[2] != 31 {
		t.Errorf("DayNumbers = %v, want [-1 0 31]", got)
	}
	if got := (&Series{}).DayNumbers(); got != nil {
		t.Errorf("DayNumbers of an empty series = %v, want nil", got)
	}
}

// TestDaysAscending: strictly ascending day numbers only; two times on one
// day (day 0 twice) or dates out of order are not.
func TestDaysAscending(t *testing.T) {
	for _, c := range []struct {
		dates []time.Time
		want  bool
	}{
		{nil, true},
		{[]time.Time{Date(1970, 1, 1), Date(1970, 1, 2)}, true},
		{[]time.Time{Date(1970, 1, 1), Date(1970, 1, 1).Add(time.Hour)}, false},
		{[]time.Time{Date(1970, 1, 2), Date(1970, 1, 1)}, false},
	} {
		s := &Series{Symbol: "X", Dates: c.dates}
		if got := s.DaysAscending(); got != c.want {
			t.Errorf("DaysAscending(%v) = %v, want %v", c.dates, got, c.want)
		}
	}
}

// TestDayNumbersCached checks that the numbers are computed once per dates
// slice: a second call returns the same array, a copy of the series with
// the same dates shares it, and a series given other dates gets theirs.
func TestDayNumbersCached(t *testing.T) {
	s := &Series{Symbol: "X", Dates: []time.Time{Date(1970, 1, 1), Date(1970, 1, 2)}, Close: []float64{1, 2}}
	first := s.DayNumbers()
	if again := s.DayNumbers(); &again[0] != &first[0] {
		t.Error("the second call computed the numbers again: want them cached")
	}
	cp := *s
	if shared := cp.DayNumbers(); &shared[0] != &first[0] {
		t.Error("a copy with the same dates computed them again: want the cache shared")
	}
	cp.Dates = []time.Time{Date(1970, 1, 3)}
	if got := cp.DayNumbers(); len(got) != 1 || got[0] != 2 {
		t.Errorf("after new dates DayNumbers = %v, want [2]", got)
	}
	s.Dates = s.Dates[:1] // another length: recomputed
	if got := s.DayNumbers(); len(got) != 1 || got[0] != 0 {
		t.Errorf("after shortening the dates DayNumbers = %v, want [0]", got)
	}
}

// TestDayNumbersConcurrent calls DayNumbers from several goroutines on one
// new series (run with -race): every caller gets the same numbers.
func TestDayNumbersConcurrent(t *testing.T) {
	s := &Series{Symbol: "X", Dates: []time.Time{Date(1970, 1, 1), Date(1970, 1, 5)}, Close: []float64{1, 2}}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := s.DayNumbers(); len(got) != 2 || got[0] != 0 || got[1] != 4 {
				t.Errorf("DayNumbers = %v, want [0 4]", got)
			}
		})
	}
	wg.Wait()
}

// TestFetchAllSharesDayNumbers: the series FetchAll returns whose dates
// fall on the same days hold one array of day numbers, with the right
// numbers; a series of other days keeps its own.
func TestFetchAllSharesDayNumbers(t *testing.T) {
	days := func(ds ...int) []time.Time {
		out := make([]time.Time, len(ds))
		for i, d := range ds {
			out[i] = Date(2024, 1, d)
		}
		return out
	}
	series := func(sym string, dates []time.Time) *Series {
		return &Series{Symbol: sym, Currency: "USD", Dates: dates, Close: slices.Repeat([]float64{1}, len(dates))}
	}
	mem, err := NewMemory(series("A", days(2, 3, 4)), series("B", days(2, 3, 4)), series("C", days(2, 4, 5)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := FetchAll(context.Background(), mem, []string{"A", "B", "C"}, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := got["A"].DayNumbers(), got["B"].DayNumbers(), got["C"].DayNumbers()
	if &a[0] != &b[0] {
		t.Error("A and B trade on the same days but hold two arrays of day numbers")
	}
	if &a[0] == &c[0] || !SameDayNumbers(a, b) || SameDayNumbers(a, c) {
		t.Errorf("C trades on other days: A %v, B %v, C %v", a, b, c)
	}
	jan2 := DayNumber(Date(2024, 1, 2))
	if want := []int32{jan2, jan2 + 1, jan2 + 2}; !slices.Equal(b, want) {
		t.Errorf("B's day numbers %v, want %v", b, want)
	}
}
