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
	bad := func(i int) bool { return !isFinite(returns[i]) }
	return rollingWindows(len(returns), window, bad, func(lo, hi int) float64 { return f(returns[lo:hi]) })
}

// rollingWindows is f(t−window+1, t+1) for each t of n periods: NaN before
// the first full window and for a window holding a period that is bad.
func rollingWindows(n, window int, bad func(int) bool, f func(lo, hi int) float64) []float64 {
	out := make([]float64, n)
	lastBad := -1 // index of the latest bad period seen
	for t := range out {
		if bad(t) {
			lastBad = t
		}
		out[t] = math.NaN()
		if t >= window-1 && lastBad <= t-window {
			out[t] = f(t-window+1, t+1)
		}
	}
	return out
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// RollingSortino is the annualised Sortino ratio of periodic returns over a
// trailing window of window periods, Sortino on each window with the
// per-period risk-free rate rf as the target:
//
//	sortino[t] = √P × (r̄ − rf) / DD,  DD = √( Σ min(0, r[i] − rf)² / window )   over i = t−window+1 … t
//
// where r̄ is the window's mean and P is periodsPerYear. sortino[t] is NaN
// for t < window−1, for a window holding a NaN or infinite return and for
// a window without a return below rf (DD = 0). window must be at least 2
// and periodsPerYear positive; the error names every problem.
func RollingSortino(returns []float64, window int, rf, periodsPerYear float64) ([]float64, error) {
	if err := checkRolling("Sortino", window, periodsPerYear); err != nil {
		return nil, err
	}
	return rolling(returns, window, func(w []float64) float64 { return Sortino(w, rf, periodsPerYear) }), nil
}

// RollingBeta is the beta of periodic returns p against a benchmark's
// returns b of the same periods, over a trailing window of window periods:
//
//	beta[t] = Σ (p[i] − p̄)(b[i] − b̄) / Σ (b[i] − b̄)²   over i = t−window+1 … t
//
// the sample covariance over the benchmark's sample variance (their n − 1
// cancel), as benchmark.RelativeStats.Beta over the whole period. beta[t]
// is NaN for t < window−1, for a window in which either series holds a NaN
// or infinite return (before the benchmark's history starts) and for a
// window in which b does not vary. p and b must be equally long, window at
// least 2; the error names every problem.
func RollingBeta(p, b []float64, window int) ([]float64, error) {
	var errs []error
	if len(p) != len(b) {
		errs = append(errs, fmt.Errorf("stats: rolling beta: %d portfolio returns but %d benchmark returns", len(p), len(b)))
	}
	if window < 2 {
		errs = append(errs, fmt.Errorf("stats: rolling beta: window of %d periods: want at least 2", window))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	bad := func(i int) bool { return !isFinite(p[i]) || !isFinite(b[i]) }
	return rollingWindows(len(p), window, bad, func(lo, hi int) float64 { return beta(p[lo:hi], b[lo:hi]) }), nil
}

// beta is Σ (p − p̄)(b − b̄) / Σ (b − b̄)²; NaN when b does not vary.
func beta(p, b []float64) float64 {
	mp, mb := Mean(p), Mean(b)
	var cov, vb float64
	for i := range p {
		cov += (p[i] - mp) * (b[i] - mb)
		vb += (b[i] - mb) * (b[i] - mb)
	}
	if !(vb > 0) {
		return math.NaN()
	}
	return finite(cov / vb)
}
