package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gofolio/gofolio/internal/suggest"
	"github.com/gofolio/gofolio/quotes"
)

// checkBenchmarks checks, before anything is fetched, that the sources
// that can list their symbols (the sample, a CSV directory) have every
// benchmark, so that a typo fails at once with a suggestion. Yahoo cannot
// list its symbols: its unknown ones are reported by fetchBenchmarks.
func checkBenchmarks(o *options, src quotes.Source) error {
	var all []string
	switch s := src.(type) {
	case *quotes.Memory:
		all = s.Symbols()
	case *quotes.Dir:
		var err error
		if all, err = s.Symbols(); err != nil {
			return fmt.Errorf("-source %s: %w", o.source, err)
		}
	default:
		return nil
	}
	var errs []error
	for _, b := range o.benchmarks {
		if !slices.Contains(all, b) {
			errs = append(errs, benchmarkError(o, b, unknownBenchmark(o, b, knownSymbols(src))))
		}
	}
	return joinBenchmarkErrors(errs)
}

// fetchBenchmarks gets the benchmarks' series, in the order asked for,
// with errors that name each failing benchmark and what is wrong with it
// in the user's terms, not the source's internal name.
func fetchBenchmarks(ctx context.Context, o *options, src quotes.Source, from, to time.Time) ([]*quotes.Series, error) {
	got, err := quotes.FetchAll(ctx, src, o.benchmarks, from, to)
	var fe *quotes.FetchError
	switch {
	case errors.As(err, &fe):
		errs := make([]error, 0, len(fe.Errs))
		for _, se := range fe.Errs {
			why := se.Err.Error()
			if errors.Is(se.Err, quotes.ErrUnknownSymbol) {
				why = unknownBenchmark(o, se.Symbol, knownSymbols(src))
			} else if errors.Is(se.Err, quotes.ErrNoData) {
				// "no data in range: ^X has data from A to B" reads
				// better without the sentinel's words.
				why = "no data for the report's dates: " + strings.TrimPrefix(why, quotes.ErrNoData.Error()+": ")
			}
			errs = append(errs, benchmarkError(o, se.Symbol, why))
		}
		return nil, joinBenchmarkErrors(errs)
	case err != nil:
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	out := make([]*quotes.Series, 0, len(o.benchmarks))
	for _, b := range o.benchmarks {
		out = append(out, got[b])
	}
	return out, nil
}

// benchmarkError is the error about one benchmark. A default benchmark is
// named as such: the user did not ask for it and may not know the flag
// that changes it.
func benchmarkError(o *options, symbol, why string) error {
	name := "benchmark " + symbol
	if o.defaultBenchmarks {
		name += " (the default; choose others with -benchmarks, or -benchmarks , for none)"
	}
	return fmt.Errorf("%s: %s", name, why)
}

// joinBenchmarkErrors gives one error for one benchmark, or a heading and
// one indented line each for several, as the transactions' problems are
// listed.
func joinBenchmarkErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d benchmarks cannot be used:", len(errs))
	for _, err := range errs {
		b.WriteString("\n\t")
		b.WriteString(err.Error())
	}
	return errors.New(b.String())
}

// unknownBenchmark says that the market data has no symbol, and which
// symbols it has, the nearest to symbol first when it looks like a typo.
func unknownBenchmark(o *options, symbol string, known []string) string {
	var where string
	switch {
	case o.source == "sample":
		where = "not in the sample market"
	case o.source == "yahoo":
		return "Yahoo Finance does not know it"
	default:
		where = fmt.Sprintf("the CSV directory %s has no %s.csv", strings.TrimPrefix(o.source, "csv:"), symbol)
	}
	if len(known) == 0 {
		return where
	}
	// Indices (^DJI) are what benchmarks usually are: they come first, so
	// that a long list cut short still shows them.
	known = slices.Clone(known)
	slices.SortStableFunc(known, func(a, b string) int {
		return boolInt(!strings.HasPrefix(a, "^")) - boolInt(!strings.HasPrefix(b, "^"))
	})
	return fmt.Sprintf("%s (%s)", where, suggest.Known(symbol, known, 2))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
