package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/meta"
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
	quality    qualityFound // the market data's check (quality.go)
	// config is what result was built with: -compare builds each account
	// with it.
	config portfolio.Config
	meta   meta.Table      // the symbols' metadata (meta.go)
	model  *analysis.Model // -model (model.go); nil: none
	// extra are the series of the -model and -targets symbols the
	// transactions do not name, fetched as the benchmarks are and checked
	// (and repaired) with the portfolio's series (model.go, rebalance.go).
	extra map[string]*quotes.Series
	analysed
}

func load(ctx context.Context, o *options, stderr io.Writer) (*job, error) {
	j := &job{opts: o}
	m, err := openMarket(ctx, o, stderr)
	if err != nil {
		return nil, err
	}
	if err := j.readInputs(ctx, stderr); err != nil {
		return nil, err
	}
	series, err := j.fetchPrices(ctx, m.src, stderr)
	if err != nil {
		return nil, err
	}
	first, _ := dateSpan(j.txs)
	// A benchmark's market may be closed on the portfolio's first day: fetch
	// a few days earlier so its last close carries forward.
	if j.benchmarks, err = fetchBenchmarks(ctx, o, m.src, first.AddDate(0, 0, -fx.LoadLookback), o.to); err != nil {
		return nil, err
	}
	if err := j.fetchExtra(ctx, m.src, series); err != nil {
		return nil, err
	}
	if err := j.loadRates(ctx, m, series, first); err != nil {
		return nil, err
	}
	if err := j.build(ctx, m.src, j.checkQuality(series, stderr), stderr); err != nil {
		return nil, err
	}
	if j.model, err = loadModel(j); err != nil {
		return nil, err
	}
	if err := analyse(j); err != nil {
		return nil, err
	}
	return j, compareAccounts(j, stderr)
}

// market is the opened -source and the exchange rates to convert with.
type market struct {
	src quotes.Source
	// rates is nil when FX must be fetched from src; accepted are the
	// currencies they can convert to.
	rates    portfolio.Rates
	accepted []string
	// csvDir is a CSV directory's rates, checked only once the currencies
	// in use are known (see loadRates).
	csvDir bool
}

// openMarket opens -source and -rates and checks -currency and
// -benchmarks against them, before anything is read or fetched.
func openMarket(ctx context.Context, o *options, stderr io.Writer) (*market, error) {
	src, rates, err := marketSource(ctx, o, stderr)
	if err != nil {
		return nil, err
	}
	m := &market{src: src, rates: rates}
	if m.accepted, err = reportingCurrencies(o, src); err != nil {
		return nil, err
	}
	if o.ratesFile != "" {
		conv, err := ratesFromFile(o)
		if err != nil {
			return nil, err
		}
		m.rates, m.accepted = conv, conv.Currencies()
	}
	// A CSV directory may hold no exchange rates at all for a portfolio
	// that needs none; its check waits until the currencies in use are
	// known (loadRates), still before any rate is loaded or anything built.
	m.csvDir = strings.HasPrefix(o.source, "csv:") && o.ratesFile == ""
	if !m.csvDir {
		if err := checkCurrency(o, m.accepted); err != nil {
			return nil, err
		}
	}
	if err := checkBenchmarks(o, src); err != nil {
		return nil, err
	}
	return m, nil
}

// readInputs reads the transactions and the symbols' metadata, and checks
// -accounts against the transactions.
func (j *job) readInputs(ctx context.Context, stderr io.Writer) error {
	o := j.opts
	var err error
	if j.txs, j.txName, err = readTransactions(o, stderr); err != nil {
		return err
	}
	if j.meta, err = readMeta(o); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err // interrupted while reading
	}
	if err := checkAccounts(o, j.txs); err != nil {
		return err
	}
	if label := accountsLabel(o); label != "" {
		j.txName += " (" + label + ")"
	}
	j.sourceName = o.source
	return nil
}

// fetchPrices fetches the series of the symbols the transactions name,
// leaving out the transactions after -to, or after the market data's last
// trading day up to -to, and noting on stderr what was left out.
func (j *job) fetchPrices(ctx context.Context, src quotes.Source, stderr io.Writer) (map[string]*quotes.Series, error) {
	o := j.opts
	var leftOut []portfolio.Transaction
	if !o.to.IsZero() {
		j.txs, leftOut = splitAfter(j.txs, o.to)
		if len(j.txs) == 0 {
			return nil, beforeFirst(o, leftOut)
		}
	}
	series, err := portfolio.Fetch(ctx, src, j.txs, o.to)
	if err != nil {
		return nil, err
	}
	if o.to.IsZero() {
		return series, nil
	}
	var tradingDay time.Time
	if last := lastTradingDay(series, o.to); !last.IsZero() && last.Before(quotes.Day(o.to)) {
		var more []portfolio.Transaction
		j.txs, more = splitAfter(j.txs, last)
		if len(j.txs) == 0 {
			first, _ := dateSpan(more)
			return nil, fmt.Errorf("-to %s: the market data has no trading day from the first transaction, on %s, to -to: nothing to report",
				o.to.Format(time.DateOnly), first.Format(time.DateOnly))
		}
		if len(more) > 0 {
			leftOut, tradingDay = append(leftOut, more...), last
			keepSeries(series, j.txs)
		}
	}
	noteLeftOut(stderr, o.to, tradingDay, leftOut)
	return series, nil
}

// loadRates sets j.rates: those of m, else loaded from the source for the
// currencies in use from first on; then checks that they cover the
// report's history.
func (j *job) loadRates(ctx context.Context, m *market, series map[string]*quotes.Series, first time.Time) error {
	o := j.opts
	rates := m.rates
	if rates == nil {
		// Yahoo and CSV sources carry FX as Yahoo-style pairs (GBPUSD=X).
		used := portfolio.Currencies(j.txs, series, append(slices.Collect(maps.Values(j.extra)), j.benchmarks...))
		if m.csvDir && needsConversion(o.currency, used) {
			if err := checkCurrency(o, m.accepted); err != nil {
				return err
			}
		}
		var err error
		if rates, err = fx.Load(ctx, m.src, o.currency, used, first, o.to); err != nil {
			return err
		}
	}
	j.rates = rates
	if err := ctx.Err(); err != nil {
		return err // interrupted while fetching
	}
	return checkRateHistory(o, rates, m.accepted, j.txs, series, j.benchmarks)
}

// fetchExtra fetches into j.extra the symbols of -model (model.go) and
// -targets (rebalance.go) that series lacks, over the benchmarks' dates,
// before the rates are loaded (their currencies are in use) and the
// market data checked (checkQuality checks and repairs them too).
func (j *job) fetchExtra(ctx context.Context, src quotes.Source, series map[string]*quotes.Series) error {
	j.extra = map[string]*quotes.Series{}
	if err := j.fetchModel(ctx, src, series); err != nil {
		return err
	}
	return j.fetchTargets(ctx, src, series)
}

// build builds the portfolio from the transactions, series and rates,
// keeping the configuration in j.config for -compare.
func (j *job) build(ctx context.Context, src quotes.Source, series map[string]*quotes.Series, stderr io.Writer) error {
	o := j.opts
	j.config = portfolio.Config{Currency: o.currency, Series: series, Rates: j.rates, To: o.to,
		AutoDeposit: o.autoFund, Settle: o.settle, Statement: isStatement(j.txs, stderr), KnownSymbols: knownSymbols(src), Lots: o.lots, Accounts: o.accounts}
	var err error
	if j.result, err = portfolio.Build(j.txs, j.config); err != nil {
		return err
	}
	return ctx.Err() // interrupted while building
}

// isStatement says whether every transaction comes from a broker's export
// (its rows carry the broker's action), which records the dividends
// received and the splits: Config.Statement. With broker exports and
// gofolio's own files together, the market data's dividends are paid, as
// gofolio's files expect, and a note says what that means for the exports.
func isStatement(txs []portfolio.Transaction, stderr io.Writer) bool {
	broker := 0
	for _, tx := range txs {
		if tx.Origin.Action != "" {
			broker++
		}
	}
	if broker > 0 && broker < len(txs) {
		fmt.Fprintln(stderr, "note: broker exports read with gofolio's own files: the market data's dividends are paid, "+
			"so an export's DIVIDEND rows for them are reported as duplicates; read the exports alone to take their dividends instead")
	}
	return broker > 0 && broker == len(txs)
}

// beforeFirst is the error for a -to that leaves out every transaction.
func beforeFirst(o *options, leftOut []portfolio.Transaction) error {
	first, _ := dateSpan(leftOut)
	return fmt.Errorf("-to %s is before the first transaction, on %s: nothing to report",
		o.to.Format(time.DateOnly), first.Format(time.DateOnly))
}

// keepSeries drops from series the symbols that no transaction names any
// more, so that they neither extend the calendar nor ask for exchange rates.
func keepSeries(series map[string]*quotes.Series, txs []portfolio.Transaction) {
	named := map[string]bool{}
	for _, s := range portfolio.Symbols(txs) {
		named[s] = true
	}
	for s := range series {
		if !named[s] {
			delete(series, s)
		}
	}
}

// readTransactions reads -tx, or the embedded sample portfolio.
func readTransactions(o *options, stderr io.Writer) ([]portfolio.Transaction, string, error) {
	if o.tx == "" {
		txs, err := txfile.ReadCSV(bytes.NewReader(sample.Transactions()), txfile.Options{Name: sample.TransactionsFile})
		return txs, sample.TransactionsFile + " (embedded sample)", err
	}
	return readAccounts(o, stderr) // every -tx, folders, -map: accounts.go

}

// marketSource opens the -source; rates is nil when FX must be fetched
// from the source itself.
func marketSource(ctx context.Context, o *options, stderr io.Writer) (quotes.Source, portfolio.Rates, error) {
	switch {
	case o.source == "sample":
		return sample.Market(), sample.FX(), nil
	case o.source == "yahoo":
		src, err := yahooSource(ctx, o, stderr)
		return src, nil, err
	default:
		dir, err := quotes.NewDir(strings.TrimPrefix(o.source, "csv:"), quotes.DirOptions{SplitAdjusted: o.adjusted})
		if err != nil {
			return nil, nil, fmt.Errorf("-source %s: %w", o.source, err)
		}
		return dir, nil, nil
	}
}

// knownSymbols lists what a source that can tell offers (the sample, a CSV
// directory), for the problem that names an unknown symbol; Yahoo cannot
// list its symbols. Exchange-rate pairs (GBPUSD=X) are left out: nobody
// buys one by mistake.
func knownSymbols(src quotes.Source) []string {
	var all []string
	switch s := src.(type) {
	case *quotes.Memory:
		all = s.Symbols()
	case *quotes.Dir:
		all, _ = s.Symbols() // without the list, the problem still names the symbol
	}
	out := all[:0:0]
	for _, sym := range all {
		if !strings.HasSuffix(sym, "=X") {
			out = append(out, sym)
		}
	}
	return out
}
