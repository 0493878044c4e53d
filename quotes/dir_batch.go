package quotes

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// SeriesBatch implements BatchSource: it reads the files of the symbols
// (duplicates ignored) in parallel, at most GOMAXPROCS at a time, and
// returns every series, or a *FetchError naming every symbol that failed
// (sorted), or ctx.Err() alone when ctx ends first, as FetchAll documents.
func (d *Dir) SeriesBatch(ctx context.Context, symbols []string, from, to time.Time) (map[string]*Series, error) {
	symbols = slices.Compact(slices.Sorted(slices.Values(symbols)))
	series := make([]*Series, len(symbols))
	errs := make([]error, len(symbols))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(symbols)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(symbols) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				series[i], errs[i] = d.Series(ctx, symbols[i], from, to)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make(map[string]*Series, len(symbols))
	var fe FetchError
	for i, sym := range symbols {
		if errs[i] == nil {
			out[sym] = series[i]
			continue
		}
		var se *SymbolError
		if !errors.As(errs[i], &se) {
			se = &SymbolError{Source: d.source(), Symbol: sym, Err: errs[i]}
		}
		fe.Errs = append(fe.Errs, se)
	}
	if len(fe.Errs) > 0 {
		return nil, &fe
	}
	return out, nil
}
