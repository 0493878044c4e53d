// Package perf holds the performance frame (Frame: one row per date, every
// money column in the reporting currency, with the time-weighted return),
// the external cash flows (Flow) and the one convention every TWR in
// gofolio follows (DailyReturn, Invested). Frame.Window restricts a frame
// to a range of dates as if the portfolio had started there, and
// Frame.Flows lists its deposits and withdrawals for money-weighted
// returns.
//
// It is a leaf: it imports only the standard library, so that statistics
// (portfolio/stats), benchmarks (benchmark), the report and the views of
// the frame take a Frame without importing the engine that builds it.
// Package portfolio aliases the types: portfolio.Performance is
// perf.Frame and portfolio.Flow is perf.Flow.
package perf
