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
// Yahoo's closes and dividends are split-adjusted: it divides each by every
// split after it that it knows when asked. The old closes and dividends
// kept from outside from..to are rebased to fresh's basis: multiplied by
// the ratio of the old entry's splits within from..to after their day, and
// divided by that of fresh's. So a split that appears divides the earlier
// history, one that Yahoo retracted multiplies it back, and one it
// re-ratioed does both; otherwise an update after such a change would
// leave the cached history adjusted the old way. This relies on both lists
// being complete: old must list every split its closes are divided by
// (not so for a Legacy entry, see Entry.Legacy), and fresh every split
// within from..to, which holds when the fetch ran through the day it was
// made and no split event was dropped as malformed. Splits outside
// from..to are taken to be unchanged. The result is Legacy when old was
// and some of its data is kept.
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
		out.Legacy = old.Legacy && (old.From.Before(from) || old.To.After(to))
		gone, added := splitChanges(o.Splits, fresh.Splits, in)
		// Multiplying before dividing keeps a close exact when splits
		// were only added (gone contributes 1), the usual case.
		for i, d := range o.Dates {
			if !in(d) {
				s.Dates = append(s.Dates, d)
				s.Close = append(s.Close, o.Close[i]*laterRatio(gone, d)/laterRatio(added, d))
			}
		}
		for _, d := range o.Dividends {
			if !in(d.Date) {
				d.Amount = d.Amount * laterRatio(gone, d.Date) / laterRatio(added, d.Date)
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

// splitChanges compares the splits of the old entry and of fresh within
// the fetched range: gone are the old ones fresh does not have, added the
// fresh ones old did not have (a re-ratioed split is in both). Splits of
// the same day and ratio cancel out, so that the rebase factor of
// unchanged splits is exactly 1.
func splitChanges(old, fresh []quotes.Split, in func(time.Time) bool) (gone, added []quotes.Split) {
	matched := make([]bool, len(fresh))
	for _, o := range old {
		if !in(o.Date) {
			continue
		}
		found := false
		for j, f := range fresh {
			if !matched[j] && f.Date.Equal(o.Date) && f.Ratio() == o.Ratio() {
				matched[j], found = true, true
				break
			}
		}
		if !found {
			gone = append(gone, o)
		}
	}
	for j, f := range fresh {
		if !matched[j] && in(f.Date) {
			added = append(added, f)
		}
	}
	return gone, added
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
