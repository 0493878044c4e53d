package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/sample"
)

// job is everything loaded for one report.
type job struct {
	opts       *options
	txName     string // where the transactions came from, for the report
	sourceName string
	txs        []portfolio.Transaction
	result     *portfolio.Result
	benchmarks []*quotes.Series // in the order asked for
	rates      portfolio.Rates
	analysed
}

func load(ctx context.Context, o *options, stderr io.Writer) (*job, error) {
	j := &job{opts: o}
	var err error
	if j.txs, j.txName, err = readTransactions(o); err != nil {
		return nil, err
	}
	src, rates, err := marketSource(o, stderr)
	if err != nil {
		return nil, err
	}
	j.sourceName = o.source
	series, err := portfolio.Fetch(ctx, src, j.txs, o.to)
	if err != nil {
		return nil, err
	}
	first := j.txs[0].Date
	// A benchmark's market may be closed on the portfolio's first day: fetch
	// a few days earlier so its last close carries forward.
	benchmarks, err := quotes.FetchAll(ctx, src, o.benchmarks, first.AddDate(0, 0, -fx.LoadLookback), o.to)
	if err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	for _, b := range o.benchmarks {
		j.benchmarks = append(j.benchmarks, benchmarks[b])
	}
	if rates == nil {
		// Yahoo and CSV sources carry FX as Yahoo-style pairs (GBPUSD=X).
		if rates, err = fx.Load(ctx, src, o.currency, currencies(j.txs, series, j.benchmarks), first, o.to); err != nil {
			return nil, err
		}
	}
	j.rates = rates
	j.result, err = portfolio.Build(j.txs, portfolio.Config{Currency: o.currency, Series: series, Rates: rates, To: o.to, AutoDeposit: o.autoFund})
	if err != nil {
		return nil, err
	}
	return j, analyse(j)
}

// readTransactions reads -tx, or the embedded sample portfolio.
func readTransactions(o *options) ([]portfolio.Transaction, string, error) {
	if o.tx == "" {
		txs, err := portfolio.ReadCSV(bytes.NewReader(sample.Transactions()), portfolio.ReadOptions{Name: sample.TransactionsFile})
		return txs, sample.TransactionsFile + " (embedded sample)", err
	}
	txs, err := portfolio.ReadFile(o.tx, portfolio.ReadOptions{Sheet: o.sheet})
	return txs, o.tx, err
}

// marketSource opens the -source; rates is nil when FX must be fetched
// from the source itself.
func marketSource(o *options, stderr io.Writer) (quotes.Source, portfolio.Rates, error) {
	switch {
	case o.source == "sample":
		return sample.Market(), sample.FX(), nil
	case o.source == "yahoo":
		src, err := yahooSource(o, stderr)
		return src, nil, err
	default:
		dir, err := quotes.NewDir(strings.TrimPrefix(o.source, "csv:"), quotes.DirOptions{SplitAdjusted: o.adjusted})
		return dir, nil, err
	}
}

// currencies lists every currency the portfolio and benchmarks use.
func currencies(txs []portfolio.Transaction, series map[string]*quotes.Series, benchmarks []*quotes.Series) []string {
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
	out := make([]string, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
