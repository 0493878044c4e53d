// Package analysis is gofolio's one analysis step: Run takes a built
// portfolio (portfolio.Build) and the benchmarks' market data and computes,
// once, everything the HTML report, the terminal summary and the notebooks
// show: the portfolio's statistics over a window, each benchmark's index in
// the reporting currency with its own statistics, the portfolio's statistics
// relative to it, the same-cash-flows benchmark (the portfolio's own deposits
// and withdrawals invested in the index) with its statistics, the period
// returns (1M to 5Y, in stats.Summary), the holdings and cash on the
// window's last day and the allocation that day by holding, currency and
// each field of the symbols' metadata (Options.Meta, package quotes/meta),
// the returns per holding and their contributions grouped each of those
// ways, and, against a model portfolio of weights (Options.Model, shown as
// the last benchmark), the Brinson-Fachler effects of each grouping.
//
// The reporting currency and the exchange rates are the Result's (what Build
// converted with), and the options are given once, in Options, and checked
// where they are taken: a risk-free rate of 3 meant as 3% is an error naming
// RiskFree. Renderers (package report, the notebooks) format an Analysis and
// compute nothing of their own, so that their figures agree.
//
// The pipeline Run replaces, for reference:
//
//	perf := res.Performance.Window(from, to)
//	sum := stats.Compute(perf, opts)
//	for each benchmark:
//	    idx := benchmark.Align(series, perf.Dates, res.Currency, res.Rates)
//	    indexSum := stats.Compute(holding idx from its first date, opts)
//	    rel := benchmark.Against(perf, idx, opts)
//	    same := benchmark.SameCashFlows(idx, perf.Flows(), perf.Dates)
//	    sameSum := stats.Compute(same, opts)
package analysis
