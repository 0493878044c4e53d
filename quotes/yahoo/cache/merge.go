package cache

import (
	"sort"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// Merge returns the entry that results from fetching the days from..to
// (both inclusive) at time fetched, getting fresh (the whole answer for
// those days, possibly empty), on top of old (nil when there was none).
//
// Inside from..to the fresh data replaces the old, so revised closes and
// events are picked up; outside it the old data stays. The covered range
// becomes the union of both ranges when they overlap or touch; when they do
// not, the old entry is dropped, because the days between them were never
// fetched. Currency and timezone come from fresh when it has them.
// Fetched is updated only when the fetch reached the old entry's last day,
// since it dates the tail of the history.
//
// Yahoo's closes and dividends are split-adjusted: when a split appears
// that the old entry did not have, Yahoo divides all earlier history by its
// ratio, so the old closes and dividends kept from before that split are
// divided by it too. Otherwise an incremental update after a split would
// leave the cached history adjusted the old way. This relies on fresh
// listing every split its closes are divided by, which holds when the fetch
// ran through the day it was made (Yahoo adjusts for all splits known
// then); a fetch of older days only could bring closes divided by a later
// split that neither fresh nor old lists.
func Merge(old *Entry, fresh *quotes.Series, from, to, fetched time.Time) *Entry {
	from, to = quotes.Day(from), quotes.Day(to)
	in := func(d time.Time) bool { return !d.Before(from) && !d.After(to) }
	out := &Entry{From: from, To: to, Fetched: fetched}
	s := &quotes.Series{Symbol: fresh.Symbol, Currency: fresh.Currency, Timezone: fresh.Timezone, SplitAdjusted: true}
	out.Series = s
	if old != nil && !old.From.After(to.AddDate(0, 0, 1)) && !old.To.Before(from.AddDate(0, 0, -1)) {
		o := old.Series
		if s.Symbol == "" {
			s.Symbol = o.Symbol
		}
		if s.Currency == "" {
			s.Currency = o.Currency
		}
		if s.Timezone == "" {
			s.Timezone = o.Timezone
		}
		if old.From.Before(from) {
			out.From = old.From
		}
		if old.To.After(to) {
			out.To = old.To
			out.Fetched = old.Fetched
		}
		newSplits := unseenSplits(o.Splits, fresh.Splits, in)
		for i, d := range o.Dates {
			if !in(d) {
				s.Dates = append(s.Dates, d)
				s.Close = append(s.Close, o.Close[i]/laterRatio(newSplits, d))
			}
		}
		for _, d := range o.Dividends {
			if !in(d.Date) {
				d.Amount /= laterRatio(newSplits, d.Date)
				s.Dividends = append(s.Dividends, d)
			}
		}
		for _, sp := range o.Splits {
			if !in(sp.Date) {
				s.Splits = append(s.Splits, sp)
			}
		}
	}
	for i, d := range fresh.Dates {
		if in(d) {
			s.Dates = append(s.Dates, d)
			s.Close = append(s.Close, fresh.Close[i])
		}
	}
	for _, d := range fresh.Dividends {
		if in(d.Date) {
			s.Dividends = append(s.Dividends, d)
		}
	}
	for _, sp := range fresh.Splits {
		if in(sp.Date) {
			s.Splits = append(s.Splits, sp)
		}
	}
	// Old days all lie outside from..to and fresh ones inside, so no day
	// appears twice; sorting restores the order.
	sort.Sort(byDate{s})
	sort.SliceStable(s.Dividends, func(i, j int) bool { return s.Dividends[i].Date.Before(s.Dividends[j].Date) })
	sort.SliceStable(s.Splits, func(i, j int) bool { return s.Splits[i].Date.Before(s.Splits[j].Date) })
	return out
}

type byDate struct{ s *quotes.Series }

func (b byDate) Len() int           { return len(b.s.Dates) }
func (b byDate) Less(i, j int) bool { return b.s.Dates[i].Before(b.s.Dates[j]) }
func (b byDate) Swap(i, j int) {
	b.s.Dates[i], b.s.Dates[j] = b.s.Dates[j], b.s.Dates[i]
	b.s.Close[i], b.s.Close[j] = b.s.Close[j], b.s.Close[i]
}

// unseenSplits lists the splits of fresh, within the fetched range, that
// the old entry did not know.
func unseenSplits(old, fresh []quotes.Split, in func(time.Time) bool) []quotes.Split {
	var out []quotes.Split
	for _, sp := range fresh {
		if !in(sp.Date) {
			continue
		}
		known := false
		for _, o := range old {
			known = known || o.Date.Equal(sp.Date)
		}
		if !known {
			out = append(out, sp)
		}
	}
	return out
}

// laterRatio is the product of the ratios of the splits after day d.
func laterRatio(splits []quotes.Split, d time.Time) float64 {
	r := 1.0
	for _, sp := range splits {
		if sp.Date.After(d) {
			r *= sp.Ratio()
		}
	}
	return r
}
