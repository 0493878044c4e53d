package yahoo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/yahoo/cache"
)

// earliest is the first day of an open-ended range, and the earliest day
// ever asked for: the oldest histories on Yahoo (^GSPC, from 1927) start
// after it, and the parser takes timestamps before it for garbage. Yahoo
// takes the negative period1 of days before 1970.
var earliest = quotes.Date(1900, 1, 1)

// series gets one symbol: from the cache when it covers the range, else by
// fetching what the cache lacks and merging it in.
func (s *Source) series(ctx context.Context, symbol string, from, to time.Time) (*quotes.Series, error) {
	if err := checkSymbol(symbol); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	now := s.opts.Now()
	// The latest day anywhere on Earth (UTC+14), so that no exchange's
	// today is cut off.
	lastDay := quotes.Day(now.UTC().Add(14 * time.Hour))
	from, to = quotes.Day(from), quotes.Day(to)
	if from.Before(earliest) {
		from = earliest
	}
	if to.IsZero() || to.After(lastDay) {
		to = lastDay
	}
	if to.Before(from) {
		return nil, fmt.Errorf("%w: range %s to %s ends before it starts", quotes.ErrNoData,
			from.Format(time.DateOnly), to.Format(time.DateOnly))
	}

	old := s.load(symbol)
	if s.opts.Offline {
		if old == nil {
			return nil, fmt.Errorf("offline, and nothing cached for %s", symbol)
		}
		if from.Before(old.From) || to.After(old.To) {
			s.warn(symbol, fmt.Errorf("offline: cache covers only %s to %s of %s to %s",
				old.From.Format(time.DateOnly), old.To.Format(time.DateOnly),
				from.Format(time.DateOnly), to.Format(time.DateOnly)))
		}
		if old.Legacy {
			s.warn(symbol, fmt.Errorf("offline: the cached %s to %s is used, %s (run once online to check it)",
				old.From.Format(time.DateOnly), old.To.Format(time.DateOnly), legacyNote))
		}
		return inRange(old.Series, from, to)
	}
	lo, fetch := s.plan(old, from, to, now)
	if !fetch {
		return inRange(old.Series, from, to)
	}

	// Yahoo divides every close by all the splits it knows today, also
	// those after the range asked for, so the request always runs through
	// today: then every split the closes are adjusted for is in the series
	// (and the cache), where the portfolio engine finds it to undo the
	// adjustment. inRange trims the closes but keeps the later splits.
	hi := lastDay
	fresh, dropped, err := s.fetch(ctx, symbol, lo, hi)
	if err == nil && old != nil && old.From.Before(lo) &&
		(droppedSplit(dropped) || splitGone(old.Series, fresh, lo, hi)) {
		// The answer's closes are likely divided by a split it sent
		// malformed, so their basis is unknown and Merge cannot rebase
		// the older cached closes to it. A cached split the answer lacks
		// or gives another ratio, Merge could rebase for; but that is
		// rare, and the answer may just have lost the event. Fetched
		// again from the start of the entry, all the closes come from
		// one answer.
		s.warnAll(symbol, dropped)
		lo = old.From
		var again []error
		fresh, again, err = s.fetch(ctx, symbol, lo, hi)
		dropped = unseen(again, dropped)
	}
	if err != nil {
		return s.fallback(ctx, symbol, old, from, to, err)
	}
	s.warnAll(symbol, dropped)
	if old == nil && fresh.Between(lo, hi).Len() == 0 {
		// "No data" for a symbol not cached yet is not stored: as
		// coverage without closes it would answer every later call
		// with no data, and the symbol would never be fetched again.
		return inRange(fresh, from, to)
	}
	if s.keepCache(ctx, symbol, old, fresh, from, to, lo, hi) {
		return inRange(old.Series, from, to)
	}
	var entry *cache.Entry
	if s.cache != nil {
		e, err := s.cache.Update(ctx, symbol, func(cur *cache.Entry) (*cache.Entry, error) {
			// Merge into what is on disk now, which another process may
			// have updated since load.
			return cache.Merge(cur, fresh, lo, hi, now), nil
		})
		if err != nil {
			s.warn(symbol, fmt.Errorf("could not update the cache: %w", err))
		} else {
			entry = e
		}
	}
	if entry == nil { // no cache, or it could not be written: merge here
		entry = cache.Merge(old, fresh, lo, hi, now)
	}
	return inRange(entry.Series, from, to)
}

// fetch asks Yahoo for symbol's days lo to hi, both inclusive, with one day
// of margin on each side (exchange days start up to 14 hours away from UTC
// midnight), and returns the answer, named symbol, and why each event
// the parser dropped was dropped. Yahoo's "no data" is an empty answer.
func (s *Source) fetch(ctx context.Context, symbol string, lo, hi time.Time) (*quotes.Series, []error, error) {
	// The parser takes timestamps before 1900 for garbage, and fails the
	// series on a close dated so: never ask for one.
	p1 := max(lo.AddDate(0, 0, -1).Unix(), minUnix)
	p2 := hi.AddDate(0, 0, 2).Unix()
	fresh, dropped, err := s.client.chart(ctx, symbol, p1, p2)
	switch {
	case errors.Is(err, quotes.ErrNoData):
		// Yahoo knows the symbol but has nothing in the range.
		fresh, dropped = &quotes.Series{SplitAdjusted: true}, nil
	case err != nil:
		return nil, nil, err
	}
	fresh.Symbol = symbol
	return fresh, dropped, nil
}

// splitGone reports whether a split old lists between lo and hi is not in
// fresh with the same day and ratio: Yahoo retracted or re-ratioed it, or
// the answer lacks it.
func splitGone(old, fresh *quotes.Series, lo, hi time.Time) bool {
	for _, o := range old.Splits {
		if o.Date.Before(lo) || o.Date.After(hi) {
			continue
		}
		found := false
		for _, f := range fresh.Splits {
			found = found || f.Date.Equal(o.Date) && f.Ratio() == o.Ratio()
		}
		if !found {
			return true
		}
	}
	return false
}

// legacyNote is said of an entry an earlier version wrote (see
// cache.Entry.Legacy) whenever it is used unchecked.
const legacyNote = "though an earlier version wrote it and it may not list every split its closes are divided by"

// fallback answers from the cache, with a warning, when the fetch failed
// with err, if the cache covers from..to; else it returns err. A legacy
// entry of a symbol Yahoo no longer has is marked checked, so that it is
// not fetched again and again in vain.
func (s *Source) fallback(ctx context.Context, symbol string, old *cache.Entry, from, to time.Time, err error) (*quotes.Series, error) {
	if old == nil || ctx.Err() != nil {
		return nil, err
	}
	covered := !from.Before(old.From) && !to.After(old.To)
	if old.Legacy && errors.Is(err, quotes.ErrUnknownSymbol) {
		s.markChecked(ctx, symbol)
		s.warn(symbol, fmt.Errorf("Yahoo no longer has the symbol to check the cache of %s to %s against, so it is kept as it is, %s: %w",
			old.From.Format(time.DateOnly), old.To.Format(time.DateOnly), legacyNote, err))
		if covered {
			return inRange(old.Series, from, to)
		}
		return nil, err
	}
	if !covered {
		return nil, err
	}
	note := ""
	if old.Legacy {
		note = ", " + legacyNote + " (it will be fetched again)"
	}
	s.warn(symbol, fmt.Errorf("using the cache (last fetched %s)%s: %w",
		old.Fetched.Format(time.RFC3339), note, err))
	return inRange(old.Series, from, to)
}

// maxMissing is how many of the closes the cache has within a fetched range
// Yahoo's answer may lack and still be taken for a revision: dropping a bad
// row is one, while a partial answer (a glitch that returns only the last
// days) lacks most of them.
const maxMissing = 5

// keepCache reports whether fresh, Yahoo's answer for lo to hi, is to be
// ignored: when it lacks closes the cache has in that range (none at all,
// more than maxMissing before its first close, or more than maxMissing
// fewer days), it is taken for a glitch rather than a revision, since
// merging it would drop the cached closes. It warns when so. A legacy
// entry of which the answer has no close at all is marked checked: Yahoo
// has nothing to check it against.
func (s *Source) keepCache(ctx context.Context, symbol string, old *cache.Entry, fresh *quotes.Series,
	from, to, lo, hi time.Time) bool {
	if old == nil {
		return false
	}
	had := old.Series.Between(lo, hi).Len()
	got := fresh.Between(lo, hi)
	if had == 0 {
		return false
	}
	short := had - got.Len()
	before := had // cached closes before the answer's first
	if got.Len() > 0 {
		before = old.Series.Between(lo, got.First().AddDate(0, 0, -1)).Len()
	}
	if got.Len() > 0 && before <= maxMissing && short <= maxMissing {
		return false
	}
	var why string
	if got.Len() == 0 {
		why = fmt.Sprintf("Yahoo returned no closes from %s through today, where the cache has %d",
			lo.Format(time.DateOnly), had)
	} else {
		why = fmt.Sprintf("Yahoo returned %d closes from %s through today, the first on %s, where the cache has %d",
			got.Len(), lo.Format(time.DateOnly), got.First().Format(time.DateOnly), had)
	}
	note := ""
	if old.Legacy {
		if fresh.Between(old.From, old.To).Len() == 0 {
			s.markChecked(ctx, symbol)
			note = ", " + legacyNote + " (Yahoo has nothing to check it against)"
		} else {
			note = ", " + legacyNote + " (it will be fetched again)"
		}
	}
	s.warn(symbol, fmt.Errorf("asked for %s to %s: %s; keeping the cache%s", from.Format(time.DateOnly),
		to.Format(time.DateOnly), why, note))
	return true
}

// errUnchanged aborts a cache update that has nothing to change.
var errUnchanged = errors.New("nothing to change")

// markChecked rewrites symbol's legacy cache entry, data unchanged, as a
// current one, when Yahoo has nothing to fetch it again with: a symbol it
// no longer has, or no data for the days cached. Else every call would
// fetch it again in vain (and warn).
func (s *Source) markChecked(ctx context.Context, symbol string) {
	if s.cache == nil {
		return
	}
	_, err := s.cache.Update(ctx, symbol, func(cur *cache.Entry) (*cache.Entry, error) {
		if cur == nil || !cur.Legacy {
			return nil, errUnchanged // gone, or rewritten since load
		}
		checked := *cur
		checked.Legacy = false
		return &checked, nil
	})
	if err != nil && !errors.Is(err, errUnchanged) {
		s.warn(symbol, fmt.Errorf("could not update the cache: %w", err))
	}
}

// plan decides from which day to fetch, given the cached entry old (nil
// when none) and the wanted range from..to; fetch is false when the cache
// answers alone. A fetch always runs through today (see series), so the
// merged entry covers one unbroken range.
func (s *Source) plan(old *cache.Entry, from, to, now time.Time) (lo time.Time, fetch bool) {
	if old == nil {
		return from, true
	}
	// An entry of an earlier version, which fetched only the range asked
	// for, may lack splits its closes are divided by (after its end, or,
	// once extended backwards, after the end of its oldest fetch), which
	// no later merge can make up for: fetch all of it again.
	if old.Legacy {
		return minTime(from, old.From), true
	}
	headCovered := !from.Before(old.From)
	tailCovered := !to.After(old.To)
	// The close of the day the cache was last fetched, and of the day
	// before in exchanges ahead of UTC, may have been a live price.
	if tailCovered && now.Sub(old.Fetched) > s.opts.RefreshAfter &&
		!to.Before(quotes.Day(old.Fetched.UTC()).AddDate(0, 0, -1)) {
		tailCovered = false
	}
	switch {
	case headCovered && tailCovered:
		return time.Time{}, false
	case headCovered:
		// New days, and the last few cached ones again for revisions.
		lo = old.To.AddDate(0, 0, -s.opts.Overlap)
		if lo.Before(old.From) {
			lo = old.From
		}
		return lo, true
	default:
		// Older days. Fetched now, they are divided by every split up to
		// today, which the cached closes may not be (a split after the
		// cache was fetched); fetching through today replaces the cached
		// closes too, so the whole entry has one adjustment basis.
		return from, true
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// load returns the cached entry for symbol, or nil, warning about a corrupt
// file. An entry without a single close counts as none.
func (s *Source) load(symbol string) *cache.Entry {
	if s.cache == nil {
		return nil
	}
	e, err := s.cache.Load(symbol)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			s.warn(symbol, err)
		}
		return nil
	}
	if e.Series.Len() == 0 {
		// Written by earlier versions from a "no data" answer: taken
		// for no entry, so that the symbol is fetched again.
		return nil
	}
	return e
}

func (s *Source) warn(symbol string, err error) {
	s.opts.Warn(&quotes.SymbolError{Source: sourceName, Symbol: symbol, Err: err})
}

func (s *Source) warnAll(symbol string, errs []error) {
	for _, err := range errs {
		s.warn(symbol, err)
	}
}

// unseen is the errors of errs whose text none of seen has: what a second
// answer dropped that the first, already reported, did not.
func unseen(errs, seen []error) []error {
	var out []error
	for _, err := range errs {
		dup := false
		for _, s := range seen {
			dup = dup || s.Error() == err.Error()
		}
		if !dup {
			out = append(out, err)
		}
	}
	return out
}

// inRange is the part of series from from to to, or an error matching
// quotes.ErrNoData when that holds no trading day.
func inRange(series *quotes.Series, from, to time.Time) (*quotes.Series, error) {
	out := series.Between(from, to)
	if out.Len() == 0 {
		if series.Len() == 0 {
			return nil, fmt.Errorf("%w: no closes from %s to %s", quotes.ErrNoData,
				from.Format(time.DateOnly), to.Format(time.DateOnly))
		}
		return nil, fmt.Errorf("%w: no closes from %s to %s (cached data runs from %s to %s)", quotes.ErrNoData,
			from.Format(time.DateOnly), to.Format(time.DateOnly),
			series.First().Format(time.DateOnly), series.Last().Format(time.DateOnly))
	}
	return out, nil
}
