// Package chart draws gofolio's charts as gonum/plot plots: performance
// lines in percent, value against net contributions, drawdown, a monthly
// returns heatmap, allocation bars, rolling volatility and rolling ratios
// (Sharpe, Sortino, beta), the growth of 1 on a log scale
// (PerformanceLog), return histograms and a security's close with its
// trades marked (Security).
//
// Every constructor returns a *Plot (a gonum/plot plot) that WritePNG and WriteSVG render
// at 800x450 pixels (Width x Height), for notebooks, documents and the
// static fallback of the HTML report (package report). Date axes use
// DateTicks, which labels years, quarters, months or days depending on the
// span shown; percent axes use PercentTicks.
//
// Inputs are plain slices so that callers need not depend on the portfolio
// packages: a Line is a name with dates and values (returns as fractions), a
// Slice a part of an allocation, a MonthlyGrid a table of monthly returns by
// year. The charts compute nothing but the weights of an allocation: rolling
// statistics come computed (stats.RollingVolatility), so that every figure
// drawn is one that package stats computes and tests.
package chart
