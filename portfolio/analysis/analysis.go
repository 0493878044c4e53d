package analysis

import (
	"errors"
	"fmt"
	"time"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/attribution"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/meta"
)

// Options says what to analyse. The zero value analyses the whole history
// with a risk-free rate of 0.
type Options struct {
	// From and To are the window analysed, inclusive; zero leaves a side
	// open. A window that starts after the first date counts the
	// portfolio's value on its first day as deposited that day
	// (portfolio.Performance.Window).
	From, To time.Time
	// RiskFree is the annual risk-free rate as a fraction, for Sharpe,
	// Sortino and alpha: 0.03 means 3%. A rate outside MinRiskFree to
	// MaxRiskFree is an error (3 written for 3% would make every ratio
	// meaningless).
	RiskFree float64
	// PeriodsPerYear is the number of daily returns in a year; 0 means
	// stats.TradingDaysPerYear (252).
	PeriodsPerYear float64
	// Lots and Settle are the portfolio's Config.Lots and Config.Settle:
	// Run matches the trades by Lots for Analysis.Gains
	// (portfolio.Result.Gains), settling rows with a blank currency in
	// Settle as Build did. The zero values are Build's defaults.
	Lots   lots.Method
	Settle string
	// Groups maps a symbol to its group (asset class, sector, region...)
	// for Analysis.ContributionByGroup and the first of
	// Analysis.Contributions; nil groups those by quote currency.
	Groups map[string]string
	// Meta says what each symbol is (package quotes/meta): the allocation
	// is grouped by each of its fields too (Analysis.Allocation). The zero
	// Table groups by holding and currency only.
	Meta meta.Table
	// Model is a model portfolio to compare with (see Model): shown as
	// the last benchmark and the Brinson-Fachler effects of each grouping
	// of Analysis.Contributions are against it. Nil: none.
	Model *Model
}

// Bounds of Options.RiskFree. Below −10% a year no central bank has ever
// gone (the most negative policy rates were about −0.75%), so a lower rate
// is a percentage written as a number (−0.5 for −0.5%), as is one above
// 100%.
const (
	MinRiskFree = -0.1
	MaxRiskFree = 1
)

// ErrEmptyWindow is returned (wrapped) by Run when no date of the
// portfolio falls in Options.From to Options.To.
var ErrEmptyWindow = errors.New("no trading day in the window")

// Analysis is everything computed from a portfolio for its report.
type Analysis struct {
	// Result is the built portfolio analysed: its reporting currency,
	// rates, transactions, warnings and whole holdings frame.
	Result *portfolio.Result
	// Options are the options Run was given.
	Options Options
	// Performance is the performance frame over the window (the whole
	// frame when Options set none); its Flows() are the flows the
	// same-cash-flows benchmarks receive.
	Performance *portfolio.Performance
	// Summary is the portfolio's statistics over Performance, period
	// returns (Summary.Period) included.
	Summary *stats.Summary
	// Benchmarks are in the order given to Run, then the model's
	// (Options.Model, named by its Name) when there is one.
	Benchmarks []Benchmark
	// Holdings are the positions on Performance's last date, each symbol
	// held then or having realized a gain or loss or paid dividends by
	// then, in the holdings frame's order.
	Holdings []portfolio.Position
	// CashByCurrency is the cash held in each currency on Performance's
	// last date, converted to the reporting currency at that day's rate,
	// by currency as held (pence in pounds); nil when a rate is missing.
	CashByCurrency map[string]float64
	// CashHeld is the cash held in each currency on Performance's last
	// date, in that currency (the amounts CashByCurrency converts), by
	// currency as held; balances of zero are left out.
	CashHeld map[string]float64
	// DividendsByYear is the dividends received in each calendar year of
	// Performance's dates, in the reporting currency (dividendsByYear).
	DividendsByYear []YearAmount
	// RollingVolatility6M and RollingVolatility12M are the portfolio's
	// annualised volatility over the trailing 126 and 252 daily returns
	// (stats.RollingVolatility of Performance.DailyReturn), on
	// Performance's dates: NaN until a window is full.
	RollingVolatility6M, RollingVolatility12M []float64
	// Rolling is the portfolio's rolling Sharpe and Sortino ratios over
	// the same windows (rollingRatios); each benchmark's rolling beta is
	// in its Benchmark.
	Rolling Rolling
	// Distribution is the distribution of the daily and monthly returns
	// of the portfolio and of the first benchmark.
	Distribution Distribution
	// Securities are each holding's close and trades in the window, in
	// Holdings' order, for a chart of each with its trades marked.
	Securities []Security
	// Gains is the capital gains of the whole history (tax years do not
	// follow the window), the trades matched by Options.Lots
	// (portfolio.Result.Gains): every disposal and their sums per tax
	// year, in the reporting currency.
	Gains *lots.Report
	// Attribution is the window's TWR split day by day among the holdings
	// and the cash (attribution.FromResult), for other groupings
	// (Attribution.ByGroup) and Brinson-Fachler (Attribution.BrinsonFachler).
	// HoldingReturns are each holding's TWR, MWR and linked contribution
	// over the window, largest contribution first, then the cash's: the
	// contributions add up to Summary's TWR. ContributionByGroup sums them
	// by Options.Groups, or by quote currency without them (GroupedBy
	// says which).
	Attribution         *attribution.Daily
	HoldingReturns      []attribution.HoldingReturn
	ContributionByGroup []attribution.GroupContribution
	GroupedBy           string
	// Contributions are the contributions grouped each way (see
	// ContributionGrouping): Options.Groups' (when given), by quote
	// currency, then by each field of Options.Meta that classifies a
	// symbol of the window or the model; each with the Brinson-Fachler
	// effects against Options.Model when there is one.
	Contributions []ContributionGrouping
	// Model is Options.Model's analysis; nil without one.
	Model *ModelAnalysis
	// Allocation is the value on Performance's last date by holding, by
	// currency and by each field of Options.Meta, cash included.
	Allocation *Allocation
}

// Benchmark is one benchmark's analysis.
type Benchmark struct {
	Symbol string
	// Index is the benchmark's total-return index in the reporting
	// currency, aligned on Performance's dates (benchmark.Align).
	Index *benchmark.Index
	// Summary is the statistics of holding the index from its first date:
	// its time-weighted figures are the index's own.
	Summary *stats.Summary
	// Relative is the portfolio's statistics against the index (beta,
	// alpha, ...); they are the portfolio's figures, not the index's.
	Relative *benchmark.RelativeStats
	// SameCashFlows is the index bought with the portfolio's deposits and
	// sold for its withdrawals over the window
	// (benchmark.SameCashFlows), and SameCashFlowsSummary its statistics.
	SameCashFlows        *portfolio.Performance
	SameCashFlowsSummary *stats.Summary
	// RollingBeta6M and RollingBeta12M are the portfolio's beta against
	// the index over the trailing 126 and 252 daily returns
	// (stats.RollingBeta), on Performance's dates: NaN until a window of
	// both is full.
	RollingBeta6M, RollingBeta12M []float64
}

// StatsOptions is the stats.Options of o.
func (o Options) StatsOptions() stats.Options {
	return stats.Options{RiskFree: o.RiskFree, PeriodsPerYear: o.PeriodsPerYear}
}

// Run analyses res over opts' window against each of benchmarks (market
// data from any source; converted with res.Rates into res.Currency), as the
// package comment describes. Every problem is reported at once: the options'
// and, once they pass, each benchmark's.
func Run(res *portfolio.Result, benchmarks []*quotes.Series, opts Options) (*Analysis, error) {
	if err := opts.Check(); err != nil {
		return nil, err
	}
	if res == nil || res.Performance == nil || res.Holdings == nil || res.Performance.Len() == 0 {
		return nil, errors.New("analysis: Run needs a built portfolio (portfolio.Build) with performance and holdings frames")
	}
	perf := res.Performance.Window(opts.From, opts.To)
	if perf == nil {
		return nil, fmt.Errorf("analysis: %w from %s to %s", ErrEmptyWindow, day(opts.From), day(opts.To))
	}
	so := opts.StatsOptions()
	sum, err := stats.Compute(perf, so)
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	a := &Analysis{Result: res, Options: opts, Performance: perf, Summary: sum}
	var errs []error
	for i, s := range benchmarks {
		b, err := analyseBenchmark(res, perf, s, so)
		if err != nil {
			name := fmt.Sprint(i)
			if s != nil {
				name = s.Symbol
			}
			errs = append(errs, fmt.Errorf("benchmark %s: %w", name, err))
			continue
		}
		a.Benchmarks = append(a.Benchmarks, *b)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("analysis: %w", errors.Join(errs...))
	}
	if a.Holdings, err = holdingsOn(res, perf.Dates[perf.Len()-1]); err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	a.CashByCurrency = cashByCurrency(res, perf.Dates[perf.Len()-1:])
	a.CashHeld = cashHeld(res, perf.Dates[perf.Len()-1])
	a.Allocation = allocation(a.Holdings, a.CashByCurrency, perf.Cash[perf.Len()-1], opts.Meta)
	a.DividendsByYear = dividendsByYear(res, perf.Dates)
	if a.Gains, err = res.Gains(opts.Lots, opts.Settle); err != nil {
		return nil, fmt.Errorf("analysis: capital gains (lots %s): %w", opts.Lots, err)
	}
	if err := a.analyseModel(); err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	if err := a.attribute(); err != nil {
		return nil, fmt.Errorf("analysis: returns per holding: %w", err)
	}
	if a.RollingVolatility6M, err = stats.RollingVolatility(perf.DailyReturn, 126, stats.TradingDaysPerYear); err != nil {
		return nil, fmt.Errorf("analysis: rolling volatility: %w", err)
	}
	if a.RollingVolatility12M, err = stats.RollingVolatility(perf.DailyReturn, 252, stats.TradingDaysPerYear); err != nil {
		return nil, fmt.Errorf("analysis: rolling volatility: %w", err)
	}
	if a.Rolling, err = rollingRatios(a); err != nil {
		return nil, err
	}
	if err := rollingBetas(a); err != nil {
		return nil, err
	}
	a.Distribution = distribution(a)
	a.Securities = securities(res, perf, a.Holdings)
	return a, nil
}

// analyseBenchmark aligns series on perf's dates and computes its index's
// statistics, the portfolio's relative to it and the same-cash-flows
// benchmark's, reporting every problem.
func analyseBenchmark(res *portfolio.Result, perf *portfolio.Performance, series *quotes.Series, so stats.Options) (*Benchmark, error) {
	if series == nil {
		return nil, errors.New("no series")
	}
	idx, err := benchmark.Align(series, perf.Dates, res.Currency, res.Rates)
	if err != nil {
		return nil, err
	}
	return analyseIndex(perf, idx, so)
}

// analyseIndex computes an aligned index's statistics, the portfolio's
// relative to it and the same-cash-flows benchmark's, reporting every
// problem.
func analyseIndex(perf *portfolio.Performance, idx *benchmark.Index, so stats.Options) (*Benchmark, error) {
	b := &Benchmark{Symbol: idx.Symbol, Index: idx}
	var err error
	var errs []error
	if b.Summary, err = indexSummary(idx, so); err != nil {
		errs = append(errs, err)
	}
	if b.Relative, err = benchmark.Against(perf, idx, so); err != nil {
		errs = append(errs, fmt.Errorf("relative statistics: %w", err))
	}
	if b.SameCashFlows, err = benchmark.SameCashFlows(idx, perf.Flows(), perf.Dates); err != nil {
		errs = append(errs, fmt.Errorf("same cash flows: %w", err))
	} else if b.SameCashFlowsSummary, err = stats.Compute(b.SameCashFlows, so); err != nil {
		errs = append(errs, fmt.Errorf("same cash flows statistics: %w", err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return b, nil
}

// indexSummary is the statistics of holding the index from its first date:
// a frame whose only flow is a deposit of the first value.
func indexSummary(idx *benchmark.Index, so stats.Options) (*stats.Summary, error) {
	n := len(idx.Values)
	if n == 0 {
		return nil, errors.New("index has no values")
	}
	deposits := make([]float64, n)
	deposits[0] = idx.Values[0]
	return stats.Compute(&portfolio.Performance{
		Currency: idx.Currency, Dates: idx.Dates, Value: idx.Values,
		Deposits: deposits, Withdrawals: make([]float64, n),
	}, so)
}

// day is a date for a message, "(open)" for a zero one.
func day(t time.Time) string {
	if t.IsZero() {
		return "(open)"
	}
	return t.Format(time.DateOnly)
}
