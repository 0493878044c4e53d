// Package stats computes returns and risk statistics from a performance
// frame (perf.Frame, which package portfolio calls Performance): time-weighted and money-weighted returns,
// volatility, Sharpe and Sortino ratios, drawdowns, Calmar ratio, best and
// worst days and months, period returns and monthly and yearly tables.
//
// The primitives (Volatility, Sharpe, Sortino, MaxDrawdown, CAGR, XIRR, ...)
// work on plain slices and each doc comment gives its formula. Compute
// gathers every figure into a Summary. A figure that cannot be computed
// (too little data, a flat series, no sign change in the cash flows) is a
// Figure whose Value is NaN and whose Reason says why; no function here
// returns ±Inf or panics on degenerate input.
//
// Conventions, used throughout:
//
//   - Returns are fractions (0.05 is 5 %), never percentages.
//   - A year has 252 trading days by default (Options.PeriodsPerYear);
//     volatility is annualised by sqrt(252).
//   - The daily risk-free rate is (1 + annual)^(1/252) − 1 (DailyRiskFree).
//   - CAGR has two conventions, both provided: calendar (days/365, CAGR;
//     Portfolio Performance's annualised TTWROR) and trading-day
//     (periods/252, CAGRTrading; empyrical's annual_return, QuantStats'
//     cagr). Summary says which figure uses which.
//   - The money-weighted return (XIRR) counts time as Act/365: days/365.
//   - Returns of periods shorter than a calendar year are not annualised in
//     a Summary (the GIPS rule): TWRAnnualised, IRR and
//     PeriodReturn.Annualised are then NaN (TWRAnnualisedTrading below
//     PeriodsPerYear returns). The money-weighted return over the period,
//     MWR = (1 + XIRR)^(days/365) − 1, is given for any period, as TWR is.
//     The primitives annualise whatever they get.
//   - Statistics estimated from daily returns (volatility, Sharpe, Sortino,
//     and benchmark.Relative's) need at least MinReturns (20) of them in a
//     Summary; the primitives compute on any n ≥ 2.
//
// It imports only the standard library and portfolio/perf: a program that
// computes a Sharpe ratio from a frame does not link the engine
// (portfolio), excelize or gota.
package stats
