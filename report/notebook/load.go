package notebook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/sample"
	"github.com/gofolio/gofolio/quotes/yahoo"
)

// A Market is where a notebook's end-of-day data and exchange rates come
// from: switching a notebook from the sample to Yahoo Finance is changing
// its Market setting, nothing else.
type Market string

const (
	// Sample is the embedded sample market (the Dow Jones stocks and
	// index, 1991-2000) and the Federal Reserve's exchange rates: offline.
	Sample Market = "sample"
	// Yahoo is Yahoo Finance, cached on disk (package quotes/yahoo), with
	// its exchange rates (fx.Load).
	Yahoo Market = "yahoo"
)

// Settings are what a notebook's reader sets: every cell after takes them
// as they are.
type Settings struct {
	// Transactions is the reader's transactions file (.xlsx or .csv, read
	// by txfile.Read); "" reads the embedded sample portfolio.
	Transactions string
	// Market is where prices and exchange rates come from.
	Market Market
	// Benchmarks are the symbols to compare the portfolio with, in Market.
	Benchmarks []string
	// Currency is the reporting currency.
	Currency string
	// RiskFree is the annual risk-free rate as a fraction (0.03 is 3%),
	// for Sharpe, Sortino and alpha.
	RiskFree float64
	// Settle is the currency trades and dividends with a blank currency
	// settle in, for a broker that converts each trade to the account's
	// currency (portfolio.Config.Settle); "" settles each in the
	// instrument's own currency.
	Settle string
	// Accounts are the accounts to show alone (portfolio.Config.Accounts):
	// a TRANSFER from or to another account is then a deposit or a
	// withdrawal of theirs. Empty: every account, consolidated.
	Accounts []string
	// Meta is the symbols' metadata file (symbol, name, asset_class,
	// sector, region, country ...: package quotes/meta) the allocation is
	// grouped by; "" is the sample market's own with Sample, none with
	// Yahoo (ReadMeta).
	Meta string
}

// Loaded is a portfolio built and analysed from Settings: the steps of
// Load, each result kept for the cells that show it.
type Loaded struct {
	Transactions []portfolio.Transaction
	Source       quotes.Source
	// Benchmarks are the benchmarks' series, in Settings.Benchmarks' order.
	Benchmarks []*quotes.Series
	Rates      portfolio.Rates
	Result     *portfolio.Result
	Analysis   *analysis.Analysis
}

// Load reads the transactions (ReadTransactions), opens the market
// (OpenMarket), fetches every symbol's and benchmark's series, loads the
// exchange rates (MarketRates), builds the portfolio (portfolio.Build) and
// analyses it against the benchmarks (analysis.Run). Its error is the first
// failing step's, which lists every problem of its own (every bad row of
// the file, every unknown symbol).
func Load(ctx context.Context, s Settings) (*Loaded, error) {
	l := &Loaded{}
	var err error
	if l.Transactions, err = ReadTransactions(s.Transactions); err != nil {
		return nil, err
	}
	if l.Source, err = OpenMarket(s.Market); err != nil {
		return nil, err
	}
	series, err := portfolio.Fetch(ctx, l.Source, l.Transactions, time.Time{})
	if err != nil {
		return nil, err
	}
	if l.Benchmarks, err = FetchBenchmarks(ctx, l.Source, s.Benchmarks, l.Transactions); err != nil {
		return nil, err
	}
	if l.Rates, err = MarketRates(ctx, s.Market, l.Source, s.Currency, l.Transactions, series, l.Benchmarks); err != nil {
		return nil, err
	}
	if l.Result, err = portfolio.Build(l.Transactions, portfolio.Config{Currency: s.Currency, Series: series, Rates: l.Rates, Settle: s.Settle,
		Accounts: s.Accounts}); err != nil {
		return nil, err
	}
	m, err := ReadMeta(s)
	if err != nil {
		return nil, err
	}
	if l.Analysis, err = analysis.Run(l.Result, l.Benchmarks, analysis.Options{RiskFree: s.RiskFree, Settle: s.Settle, Meta: m}); err != nil {
		return nil, err
	}
	return l, nil
}

// ReadTransactions reads the transactions file at path with txfile.Read,
// or the embedded sample portfolio when path is "".
func ReadTransactions(path string) ([]portfolio.Transaction, error) {
	if path == "" {
		return txfile.ReadCSV(bytes.NewReader(sample.Transactions()), txfile.Options{Name: sample.TransactionsFile})
	}
	return txfile.Read(path, txfile.Options{})
}

// OpenMarket returns the source of end-of-day data of m.
func OpenMarket(m Market) (quotes.Source, error) {
	switch m {
	case Sample:
		return sample.Market(), nil
	case Yahoo:
		return yahoo.New(yahoo.Options{})
	}
	return nil, fmt.Errorf("notebook: market %q: want notebook.Sample or notebook.Yahoo", m)
}

// FetchBenchmarks fetches each of symbols from src (portfolio.FetchBenchmarks:
// from a few days before the first transaction, in the order given).
func FetchBenchmarks(ctx context.Context, src quotes.Source, symbols []string, txs []portfolio.Transaction) ([]*quotes.Series, error) {
	out, err := portfolio.FetchBenchmarks(ctx, src, symbols, txs, time.Time{})
	if err != nil {
		return nil, fmt.Errorf("notebook: benchmarks: %w", err)
	}
	return out, nil
}

// MarketRates are m's exchange rates for valuing in currency: the sample's
// (sample.FX), or for Yahoo those fx.Load fetches from src for every
// currency the transactions, their series and the benchmarks are in.
func MarketRates(ctx context.Context, m Market, src quotes.Source, currency string, txs []portfolio.Transaction,
	series map[string]*quotes.Series, benchmarks []*quotes.Series) (portfolio.Rates, error) {
	if m == Sample {
		return sample.FX(), nil
	}
	return fx.Load(ctx, src, currency, portfolio.Currencies(txs, series, benchmarks), portfolio.FirstDate(txs), time.Time{})
}

// FirstBenchmark is the analysis' first benchmark, which a tearsheet
// compares the portfolio with, or an error saying to name one in
// Settings.Benchmarks.
func FirstBenchmark(a *analysis.Analysis) (analysis.Benchmark, error) {
	if len(a.Benchmarks) == 0 {
		return analysis.Benchmark{}, errors.New("notebook: no benchmark: a tearsheet compares the portfolio with one; name it in Settings.Benchmarks (for example \"^GSPC\")")
	}
	return a.Benchmarks[0], nil
}
