package portfolio

import (
	"context"
	"errors"
	"maps"
	"slices"
	"time"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/quotes"
)

// Symbols lists the symbols the transactions trade or receive dividends
// on, and those a SPINOFF, MERGER or SYMBOLCHANGE moves shares to (To),
// in order of first appearance.
func Symbols(txs []Transaction) []string {
	var out []string
	seen := map[string]bool{}
	for _, tx := range txs {
		if !needsSymbol(&tx) {
			continue
		}
		for _, s := range []string{tx.Symbol, tx.To} {
			if s != "" && !seen[s] && (s == tx.Symbol || movesHolding(tx.Kind)) {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// Fetch gets from src the series of every symbol in txs, from the first
// transaction's date to to (zero: as far as the source goes), ready for
// Config.Series.
//
// Symbols the source does not know are left out rather than failing the
// fetch, so that Build reports each row that names one, with its file and
// row. Any other failure is returned as the source reported it.
func Fetch(ctx context.Context, src quotes.Source, txs []Transaction, to time.Time) (map[string]*quotes.Series, error) {
	if len(txs) == 0 {
		return map[string]*quotes.Series{}, nil
	}
	symbols, from := Symbols(txs), FirstDate(txs)
	got, err := quotes.FetchAll(ctx, src, symbols, from, to)
	var fe *quotes.FetchError
	if err == nil || !errors.As(err, &fe) {
		return got, err
	}
	unknown := map[string]bool{}
	for _, se := range fe.Errs {
		if !errors.Is(se, quotes.ErrUnknownSymbol) {
			return nil, err
		}
		unknown[se.Symbol] = true
	}
	var known []string
	for _, sym := range symbols {
		if !unknown[sym] {
			known = append(known, sym)
		}
	}
	return quotes.FetchAll(ctx, src, known, from, to)
}

// FirstDate is the earliest transaction's date (the readers keep file
// order, which need not be by date), or the zero time for none.
func FirstDate(txs []Transaction) time.Time {
	var first time.Time
	for _, tx := range txs {
		if first.IsZero() || tx.Date.Before(first) {
			first = tx.Date
		}
	}
	return first
}

// FetchBenchmarks fetches each of symbols from src, from fx.LoadLookback
// days before the first transaction (so that an index whose market was
// closed that day carries its last close forward) to to (zero: as far as
// the source goes), in the order given.
func FetchBenchmarks(ctx context.Context, src quotes.Source, symbols []string, txs []Transaction, to time.Time) ([]*quotes.Series, error) {
	if len(symbols) == 0 {
		return nil, nil
	}
	all, err := quotes.FetchAll(ctx, src, symbols, FirstDate(txs).AddDate(0, 0, -fx.LoadLookback), to)
	if err != nil {
		return nil, err
	}
	out := make([]*quotes.Series, len(symbols))
	for i, s := range symbols {
		out[i] = all[s]
	}
	return out, nil
}

// Currencies lists, sorted, every currency the transactions name and the
// series (the symbols' and the benchmarks') are quoted in: what the rates
// must convert into the reporting currency.
func Currencies(txs []Transaction, series map[string]*quotes.Series, benchmarks []*quotes.Series) []string {
	set := map[string]bool{}
	for _, tx := range txs {
		if tx.Currency != "" {
			set[tx.Currency] = true
		}
	}
	for _, s := range series {
		set[s.Currency] = true
	}
	for _, s := range benchmarks {
		set[s.Currency] = true
	}
	return slices.Sorted(maps.Keys(set))
}
