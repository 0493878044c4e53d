package portfolio

import (
	"context"
	"errors"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// Symbols lists the symbols the transactions trade or receive dividends
// on, and those a SPINOFF, MERGER or SYMBOLCHANGE moves shares to (To),
// in order of first appearance.
func Symbols(txs []Transaction) []string {
	var out []string
	seen := map[string]bool{}
	for _, tx := range txs {
		if !needsSymbol(tx.Kind) {
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
	from := txs[0].Date
	for _, tx := range txs {
		if tx.Date.Before(from) {
			from = tx.Date
		}
	}
	symbols := Symbols(txs)
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
