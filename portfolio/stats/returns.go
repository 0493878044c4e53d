package stats

import (
	"fmt"
	"math"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
)

// TradingDaysPerYear is the default number of daily periods in a year.
const TradingDaysPerYear = 252

// MinReturns is the fewest daily returns from which a Summary estimates
// volatility, Sharpe and Sortino, and benchmark.Relative beta, alpha,
// correlation, tracking error, information ratio and capture. Fewer give
// estimates that are noise, which annualising then magnifies (12 days gave
// an alpha of 5,849.91 % and a beta of −76.86): those figures are NaN with
// the reason TooFewReturns gives. The primitives (Volatility, Sharpe, ...)
// compute on any n ≥ 2.
const MinReturns = 20

// TooFewReturns is the reason a statistic estimated from n daily returns is
// undefined, "fewer than 20 daily returns: there are n", or "" when n is at
// least MinReturns.
func TooFewReturns(n int) string {
	if n >= MinReturns {
		return ""
	}
	return fmt.Sprintf("fewer than %d daily returns: there are %d", MinReturns, n)
}

// DailyReturns is the time-weighted daily return of a value series with
// external flows, r[t] = perf.DailyReturn(value[t−1], value[t], in[t],
// out[t]) with value[−1] = 0: the convention of perf.Frame, where
// the day's flows are netted, a net deposit counts from the start of the
// day and a net withdrawal from its end (Portfolio Performance's TTWROR):
//
//	In[t] = max(0, in[t] − out[t]),  Out[t] = max(0, out[t] − in[t]),
//	r[t]  = (value[t] + Out[t]) / (value[t−1] + In[t]) − 1   when value[t−1] + In[t] > 0,
//	r[t]  = 0                                                 otherwise.
//
// in and out are the day's deposits and withdrawals, both ≥ 0; nil means
// none. A NaN or infinite input on a day gives a NaN return.
func DailyReturns(value, in, out []float64) []float64 {
	r := make([]float64, len(value))
	prev := 0.0
	for t, v := range value {
		r[t] = perf.DailyReturn(prev, v, at(in, t), at(out, t))
		prev = v
	}
	return r
}

// at is s[i], or 0 for a nil or short s.
func at(s []float64, i int) float64 {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// Cumulative is the compounded return to each day:
//
//	c[t] = Π_{i ≤ t} (1 + r[i]) − 1.
func Cumulative(daily []float64) []float64 {
	c := make([]float64, len(daily))
	g := 1.0
	for t, r := range daily {
		g *= 1 + r
		c[t] = g - 1
	}
	return c
}

// Drawdowns is the fall of the wealth index 1 + cumulative[t] from its
// running peak, counting the 1 it starts from (the money as invested, so
// a loss on the first day is a drawdown, as in perf.Frame):
//
//	d[t] = (1 + c[t]) / max(1, max_{i ≤ t}(1 + c[i])) − 1  (≤ 0).
func Drawdowns(cumulative []float64) []float64 {
	d := make([]float64, len(cumulative))
	peak := 1.0
	for t, c := range cumulative {
		w := 1 + c
		if math.IsNaN(w) {
			d[t] = math.NaN()
			continue
		}
		if w > peak {
			peak = w
		}
		if peak > 0 && !math.IsInf(peak, 0) {
			d[t] = w/peak - 1
		}
	}
	return d
}

// DailyRiskFree converts an annual risk-free rate to a per-period rate by
// compounding: (1 + annual)^(1/periodsPerYear) − 1. For 3 % a year and 252
// periods that is 1.03^(1/252) − 1 ≈ 0.0001173.
func DailyRiskFree(annual, periodsPerYear float64) float64 {
	if !(periodsPerYear > 0) || annual <= -1 {
		return math.NaN()
	}
	return math.Pow(1+annual, 1/periodsPerYear) - 1
}

// Mean is the arithmetic mean Σ x / n; NaN for no values.
func Mean(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// StdDev is the sample standard deviation sqrt(Σ (x − mean)² / (n − 1));
// NaN for fewer than two values.
func StdDev(x []float64) float64 {
	if len(x) < 2 {
		return math.NaN()
	}
	m := Mean(x)
	s := 0.0
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return math.Sqrt(s / float64(len(x)-1))
}

// Volatility is the annualised sample standard deviation of periodic
// returns: StdDev(returns) × sqrt(periodsPerYear), with n − 1 in the
// denominator, as empyrical's annual_volatility and QuantStats' volatility.
// NaN for fewer than two returns or a non-positive periodsPerYear.
func Volatility(returns []float64, periodsPerYear float64) float64 {
	if !(periodsPerYear > 0) {
		return math.NaN()
	}
	return finite(StdDev(returns) * math.Sqrt(periodsPerYear))
}

// Sharpe is the annualised Sharpe ratio of periodic returns against the
// per-period risk-free rate rf (see DailyRiskFree):
//
//	Sharpe = sqrt(P) × mean(r − rf) / StdDev(r)
//
// where P is periodsPerYear (rf is a constant, so StdDev(r − rf) =
// StdDev(r)), as empyrical's sharpe_ratio and QuantStats' sharpe (both with
// n − 1). NaN for fewer than two returns or a zero standard deviation.
func Sharpe(returns []float64, rf, periodsPerYear float64) float64 {
	sd := StdDev(returns)
	if !(sd > 0) || !(periodsPerYear > 0) {
		return math.NaN()
	}
	return finite(math.Sqrt(periodsPerYear) * (Mean(returns) - rf) / sd)
}

// Sortino is the annualised Sortino ratio with the per-period risk-free rate
// rf as the target (minimum acceptable return):
//
//	Sortino = sqrt(P) × mean(r − rf) / DD,  DD = sqrt( Σ min(0, r − rf)² / n )
//
// The downside deviation DD divides by n, the number of all returns (not
// only those below the target, and not n − 1), the convention of Sortino
// and Price (1994), of empyrical's sortino_ratio (required_return = rf) and
// of QuantStats' sortino. NaN for fewer than two returns or when no return
// is below the target (DD = 0).
func Sortino(returns []float64, rf, periodsPerYear float64) float64 {
	dd := DownsideDeviation(returns, rf)
	if len(returns) < 2 || !(dd > 0) || !(periodsPerYear > 0) {
		return math.NaN()
	}
	return finite(math.Sqrt(periodsPerYear) * (Mean(returns) - rf) / dd)
}

// DownsideDeviation is sqrt( Σ min(0, r − target)² / n ) over all n returns
// (not annualised); NaN for no returns.
func DownsideDeviation(returns []float64, target float64) float64 {
	if len(returns) == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, r := range returns {
		if d := r - target; d < 0 || math.IsNaN(d) {
			s += d * d
		}
	}
	return math.Sqrt(s / float64(len(returns)))
}

// Years is the calendar span from start to end in years of 365 days
// (Act/365), the convention CAGR uses: that of XIRR (here and in Excel) and
// of Portfolio Performance's annualised TTWROR, (1 + r)^(365/days) − 1, so
// that 365 days are a year and a 1Y return annualises to itself (an older
// gofolio counted 365.25 days).
func Years(start, end time.Time) float64 {
	return end.Sub(start).Hours() / 24 / 365
}

// CAGR annualises a total return earned from start to end with the calendar
// convention:
//
//	CAGR = (1 + total)^(1 / years) − 1,  years = calendar days / 365.
//
// NaN when the span is not positive or 1 + total is negative; −1 for a
// total loss.
func CAGR(total float64, start, end time.Time) float64 {
	return annualise(total, Years(start, end))
}

// CAGRTrading annualises a total return earned over a number of periods
// (trading days) with the trading-day convention:
//
//	CAGR = (1 + total)^(periodsPerYear / periods) − 1,
//
// so 252 daily returns make a year by default: empyrical's annual_return
// and QuantStats' cagr (from 0.0.6x; earlier versions divided calendar
// days by 252 or 365). NaN when periods or
// periodsPerYear is not positive or 1 + total is negative.
func CAGRTrading(total float64, periods int, periodsPerYear float64) float64 {
	if !(periodsPerYear > 0) {
		return math.NaN()
	}
	return annualise(total, float64(periods)/periodsPerYear)
}

// annualise is (1 + total)^(1/years) − 1, finite or NaN.
func annualise(total, years float64) float64 {
	if !(years > 0) || !(1+total >= 0) || math.IsInf(total, 0) {
		return math.NaN()
	}
	return finite(math.Pow(1+total, 1/years) - 1)
}

// finite returns v, or NaN when v is ±Inf.
func finite(v float64) float64 {
	if math.IsInf(v, 0) {
		return math.NaN()
	}
	return v
}
