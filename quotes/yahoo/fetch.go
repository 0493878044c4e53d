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
	// One day of margin on each side: exchange days start up to 14 hours
	// away from UTC midnight.
	hi := lastDay
	p1 := lo.AddDate(0, 0, -1).Unix()
	p2 := hi.AddDate(0, 0, 2).Unix()
	fresh, dropped, err := s.client.chart(ctx, symbol, p1, p2)
	switch {
	case errors.Is(err, quotes.ErrNoData):
		// Yahoo knows the symbol but has nothing in the range.
		fresh = &quotes.Series{Symbol: symbol, SplitAdjusted: true}
	case err != nil:
		if old != nil && !from.Before(old.From) && !to.After(old.To) && ctx.Err() == nil {
			s.warn(symbol, fmt.Errorf("using the cache (last fetched %s): %w",
				old.Fetched.Format(time.RFC3339), err))
			return inRange(old.Series, from, to)
		}
		return nil, err
	}
	for _, d := range dropped {
		s.warn(symbol, d)
	}
	fresh.Symbol = symbol
	if fresh.Len() == 0 && old != nil && old.Series.Between(lo, hi).Len() > 0 {
		// An empty answer for days the cache has closes for is a glitch,
		// not a revision: keep what is known.
		s.warn(symbol, fmt.Errorf("Yahoo returned no data for %s to %s, which the cache has; keeping the cache",
			lo.Format(time.DateOnly), hi.Format(time.DateOnly)))
		return inRange(old.Series, from, to)
	}
	entry := cache.Merge(old, fresh, lo, hi, now)
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
	return inRange(entry.Series, from, to)
}

// plan decides from which day to fetch, given the cached entry old (nil
// when none) and the wanted range from..to; fetch is false when the cache
// answers alone. A fetch always runs through today (see series), so the
// merged entry covers one unbroken range.
func (s *Source) plan(old *cache.Entry, from, to, now time.Time) (lo time.Time, fetch bool) {
	if old == nil {
		return from, true
	}
	// Entries written since fetches run through today end on or after the
	// day they were fetched. One that ends before was fetched for a
	// bounded range and may lack splits, after its end, that its closes
	// are divided by: fetch all of it again.
	if old.To.Before(quotes.Day(old.Fetched.UTC())) {
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
// file.
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
	return e
}

func (s *Source) warn(symbol string, err error) {
	s.opts.Warn(&quotes.SymbolError{Source: sourceName, Symbol: symbol, Err: err})
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
