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

// epoch is the first day of an open-ended range.
var epoch = quotes.Date(1970, 1, 1)

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
	if from.IsZero() || from.Before(epoch) {
		from = epoch
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
	lo, hi, fetch := s.plan(old, from, to, now)
	if !fetch {
		return inRange(old.Series, from, to)
	}

	// One day of margin on each side: exchange days start up to 14 hours
	// away from UTC midnight.
	p1 := max(lo.AddDate(0, 0, -1).Unix(), 0)
	p2 := hi.AddDate(0, 0, 2).Unix()
	fresh, err := s.client.chart(ctx, symbol, p1, p2)
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

// plan decides which days to fetch, lo to hi, given the cached entry old
// (nil when none) and the wanted range from..to; fetch is false when the
// cache answers alone. The fetched range always touches or overlaps old's,
// so that the merged entry covers one unbroken range.
func (s *Source) plan(old *cache.Entry, from, to, now time.Time) (lo, hi time.Time, fetch bool) {
	if old == nil {
		return from, to, true
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
		return time.Time{}, time.Time{}, false
	case headCovered:
		lo = old.To.AddDate(0, 0, -s.opts.Overlap)
		if lo.Before(old.From) {
			lo = old.From
		}
		return lo, maxTime(to, old.To), true
	case tailCovered:
		return from, old.From, true
	default:
		return from, to, true
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
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
