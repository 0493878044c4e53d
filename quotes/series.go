package quotes

import (
	"fmt"
	"math"
	"sort"
	"time"
	"unsafe"
)

// Day returns t's calendar day (in t's own location) as midnight UTC, the
// form every date in this module takes.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// isDay says whether d == Day(d), without Day's calendar arithmetic (which
// Validate would pay per date): midnight UTC, location UTC (not merely a
// zone at offset 0), no monotonic reading, is exactly the Time that
// time.Unix gives for a whole number of days, in UTC.
func isDay(d time.Time) bool {
	sec := d.Unix()
	midnight := sec - ((sec%secondsPerDay)+secondsPerDay)%secondsPerDay
	return d == time.Unix(midnight, 0).UTC()
}

// Date is shorthand for Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)).
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Dividend is a cash dividend: Amount per share, in the series' currency,
// paid to whoever held the share at the close of the day before Date (the
// ex-date).
type Dividend struct {
	Date   time.Time
	Amount float64
}

// Split is a stock split effective at the open of Date: every share held at
// the close of the previous day becomes Numerator/Denominator shares. A 4:1
// split has Numerator 4 and Denominator 1; a 1:10 reverse split has
// Numerator 1 and Denominator 10.
type Split struct {
	Date        time.Time
	Numerator   float64
	Denominator float64
}

// Ratio is the number of shares after the split for each share before it.
func (s Split) Ratio() float64 { return s.Numerator / s.Denominator }

// Series is the end-of-day history of one symbol.
//
// Dates are strictly ascending days (see Day) with Close[i] the closing price
// on Dates[i]; days without a price are absent, never zero or NaN. Dividends
// and Splits are ascending by date and may fall on days that have no close.
//
// Treat a Series as read-only once made: the portfolio engine reads its
// closes in place, and it caches its dates' day numbers (DayNumbers). To
// change one, make a new Series (or at least new Dates and Close slices).
type Series struct {
	Symbol string
	// Currency is the ISO 4217 code the closes and dividends are quoted in,
	// or a minor unit such as "GBp" (pence) or "ZAc" as the exchange quotes
	// it; package fx knows how to convert those.
	Currency string
	// Timezone is the exchange's IANA timezone name, "" when not known.
	Timezone string
	// SplitAdjusted says that Close and the dividend amounts before each
	// split in Splits are already divided by that split's ratio, as Yahoo
	// Finance gives them. The portfolio engine multiplies them back so that
	// the shares actually held are valued at the price actually traded.
	// A source of raw (as-traded) prices leaves it false.
	SplitAdjusted bool
	Dates         []time.Time
	Close         []float64
	Dividends     []Dividend
	Splits        []Split

	// days caches DayNumbers (a *dayNumbers, loaded and stored
	// atomically); a copy of the Series shares it while its Dates do.
	days unsafe.Pointer
}

// Len is the number of trading days.
func (s *Series) Len() int { return len(s.Dates) }

// First and Last are the first and last trading days; zero for an empty series.
func (s *Series) First() time.Time {
	if len(s.Dates) == 0 {
		return time.Time{}
	}
	return s.Dates[0]
}

// Last is the last trading day; zero for an empty series.
func (s *Series) Last() time.Time {
	if len(s.Dates) == 0 {
		return time.Time{}
	}
	return s.Dates[len(s.Dates)-1]
}

// Search returns the index of the last trading day on or before date, or -1
// when date is before the first one.
func (s *Series) Search(date time.Time) int {
	return sort.Search(len(s.Dates), func(i int) bool { return s.Dates[i].After(date) }) - 1
}

// CloseOn returns the close on date or, when date is not a trading day, on
// the last trading day before it. ok is false when date precedes the series.
func (s *Series) CloseOn(date time.Time) (close float64, ok bool) {
	i := s.Search(date)
	if i < 0 {
		return 0, false
	}
	return s.Close[i], true
}

// Between returns the part of s from from to to, both inclusive, sharing
// the underlying arrays; a zero from or to leaves that side open. Dividends
// are kept when they fall in the range, splits when they are on or after from.
func (s *Series) Between(from, to time.Time) *Series {
	lo, hi := 0, len(s.Dates)
	if !from.IsZero() {
		lo = sort.Search(len(s.Dates), func(i int) bool { return !s.Dates[i].Before(from) })
	}
	if !to.IsZero() {
		hi = sort.Search(len(s.Dates), func(i int) bool { return s.Dates[i].After(to) })
	}
	if hi < lo {
		hi = lo
	}
	in := func(d time.Time) bool {
		return (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to))
	}
	out := *s
	out.Dates, out.Close = s.Dates[lo:hi:hi], s.Close[lo:hi:hi]
	out.Dividends, out.Splits = nil, nil
	for _, d := range s.Dividends {
		if in(d.Date) {
			out.Dividends = append(out.Dividends, d)
		}
	}
	// Splits after to are kept: a split-adjusted close before them is
	// still divided by their ratio, so they are needed to undo it.
	for _, sp := range s.Splits {
		if from.IsZero() || !sp.Date.Before(from) {
			out.Splits = append(out.Splits, sp)
		}
	}
	return &out
}

// Validate reports the first way in which s breaks the invariants documented
// on Series: dates not ascending or not days, closes not positive and finite,
// events with bad amounts or ratios.
func (s *Series) Validate() error {
	if s.Symbol == "" {
		return fmt.Errorf("quotes: series has no symbol")
	}
	if len(s.Dates) != len(s.Close) {
		return fmt.Errorf("quotes: %s: %d dates but %d closes", s.Symbol, len(s.Dates), len(s.Close))
	}
	for i, d := range s.Dates {
		if !isDay(d) {
			return fmt.Errorf("quotes: %s: date %v is not a day at midnight UTC", s.Symbol, d)
		}
		if i > 0 && !d.After(s.Dates[i-1]) {
			return fmt.Errorf("quotes: %s: dates not strictly ascending at %s", s.Symbol, d.Format(time.DateOnly))
		}
		if c := s.Close[i]; !(c > 0) || math.IsInf(c, 0) {
			return fmt.Errorf("quotes: %s: close %v on %s is not a positive price", s.Symbol, c, d.Format(time.DateOnly))
		}
	}
	for i, d := range s.Dividends {
		if !(d.Amount > 0) || math.IsInf(d.Amount, 0) {
			return fmt.Errorf("quotes: %s: dividend %v on %s is not a positive amount", s.Symbol, d.Amount, d.Date.Format(time.DateOnly))
		}
		if i > 0 && d.Date.Before(s.Dividends[i-1].Date) {
			return fmt.Errorf("quotes: %s: dividends not ascending at %s", s.Symbol, d.Date.Format(time.DateOnly))
		}
	}
	for i, sp := range s.Splits {
		if r := sp.Ratio(); !(r > 0) || math.IsInf(r, 0) {
			return fmt.Errorf("quotes: %s: split %v:%v on %s is not a positive ratio", s.Symbol, sp.Numerator, sp.Denominator, sp.Date.Format(time.DateOnly))
		}
		if i > 0 && sp.Date.Before(s.Splits[i-1].Date) {
			return fmt.Errorf("quotes: %s: splits not ascending at %s", s.Symbol, sp.Date.Format(time.DateOnly))
		}
	}
	return nil
}
