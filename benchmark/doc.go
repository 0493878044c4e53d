// Package benchmark compares a portfolio with market indices.
//
// An Index is a benchmark's closes laid over the portfolio calendar:
// converted to the reporting currency, forward-filled over the benchmark's
// holidays and starting on the first calendar date on which it has data
// (Align). Rebase and CumulativeReturn turn it into a cumulative return
// rebased to 0 at any start date, for charts that rebase when their range
// changes.
//
// SameCashFlows answers "would I have done better in the index?": it
// invests every external deposit of the portfolio in the index at the start
// of its day (the previous close) and sells at the day's close for every
// withdrawal, the timing the portfolio's TWR gives them, giving a
// performance frame whose TWR (the index's own) and IRR (package stats)
// compare directly with the portfolio's.
//
// Relative and Against give beta, alpha, correlation, tracking error,
// information ratio and up- and down-capture of the portfolio's daily
// returns against the index's, from stats.MinReturns (20) days on.
//
// Returns are fractions (0.05 is 5 %), never percentages.
//
// It imports only the standard library, quotes, portfolio/perf (the
// performance frame and flows it reads and makes) and portfolio/stats: a
// program comparing a frame with an index does not link the engine
// (portfolio), excelize or gota.
package benchmark
