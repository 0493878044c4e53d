package stats

import (
	"errors"
	"fmt"
	"math"
)

// Rolling statistics are computed here, on plain return series, so that the
// charts (package report/chart) and the notebooks draw computed series and
// compute none themselves.

// RollingVolatility is the annualised volatility of periodic returns over a
// trailing window of window periods, Volatility on each window:
//
//	vol[t] = √P × √( Σ (r[i] − r̄)² / (window − 1) )   over i = t−window+1 … t
//
// where r̄ is the window's mean and P is periodsPerYear
// (TradingDaysPerYear for daily returns). vol[t] is NaN for t < window−1 and
// for a window holding a NaN or infinite return. window must be at least 2
// and periodsPerYear positive; the error names every problem.
func RollingVolatility(returns []float64, window int, periodsPerYear float64) ([]float64, error) {
	if err := checkRolling("volatility", window, periodsPerYear); err != nil {
		return nil, err
	}
	return rolling(returns, window, func(w []float64) float64 { return Volatility(w, periodsPerYear) }), nil
}

// RollingSharpe is the annualised Sharpe ratio of periodic returns over a
// trailing window of window periods, Sharpe on each window:
//
//	sharpe[t] = √P × (r̄ − rf) / √( Σ (r[i] − r̄)² / (window − 1) )   over i = t−window+1 … t
//
// where r̄ is the window's mean, rf the per-period risk-free rate
// (DailyRiskFree) and P is periodsPerYear. sharpe[t] is NaN for t <
// window−1, for a window holding a NaN or infinite return and for a window
// whose returns are all equal (a zero standard deviation). window must be
// at least 2 and periodsPerYear positive; the error names every problem.
func RollingSharpe(returns []float64, window int, rf, periodsPerYear float64) ([]float64, error) {
	if err := checkRolling("Sharpe", window, periodsPerYear); err != nil {
		return nil, err
	}
	return rolling(returns, window, func(w []float64) float64 { return Sharpe(w, rf, periodsPerYear) }), nil
}

// checkRolling reports every problem with a rolling statistic's window and
// periods per year at once.
func checkRolling(what string, window int, periodsPerYear float64) error {
	var errs []error
	if window < 2 {
		errs = append(errs, fmt.Errorf("stats: rolling %s: window of %d periods: want at least 2", what, window))
	}
	if !(periodsPerYear > 0) || math.IsInf(periodsPerYear, 0) {
		errs = append(errs, fmt.Errorf("stats: rolling %s: %v periods per year: want a positive number", what, periodsPerYear))
	}
	return errors.Join(errs...)
}

// rolling is f over each trailing window of returns[t−window+1 … t]: NaN
// before the first full window and for a window holding a value that is not
// finite.
func rolling(returns []float64, window int, f func([]float64) float64) []float64 {
	out := make([]float64, len(returns))
	lastBad := -1 // index of the latest non-finite return seen
	for t, r := range returns {
		if math.IsNaN(r) || math.IsInf(r, 0) {
			lastBad = t
		}
		out[t] = math.NaN()
		if t >= window-1 && lastBad <= t-window {
			out[t] = f(returns[t-window+1 : t+1])
		}
	}
	return out
}
