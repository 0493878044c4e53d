package stats

import (
	"math"
	"sort"
	"time"
)

// The figures of this file are those QuantStats' tearsheet shows beside
// the ones Summary already had: the shape of the daily returns (skew,
// kurtosis, value at risk, win rate), the best and worst years, every
// drawdown and the longest one, and the recovery factor.

// Shape describes the distribution of daily returns r[1..n] (the
// ReturnDays returns). Each figure is NaN, with the reason, when there are
// too few returns for it.
type Shape struct {
	// Skew is the sample skewness, adjusted Fisher–Pearson (as pandas'
	// Series.skew and QuantStats' skew), with m the mean and s the sample
	// standard deviation (n − 1):
	//
	//	Skew = n / ((n − 1)(n − 2)) · Σ ((r − m) / s)³;   n ≥ 3
	Skew Figure
	// Kurtosis is the sample excess kurtosis (pandas' Series.kurt,
	// QuantStats' kurtosis; 0 for a normal distribution):
	//
	//	Kurtosis = n(n + 1) / ((n − 1)(n − 2)(n − 3)) · Σ ((r − m) / s)⁴
	//	           − 3 (n − 1)² / ((n − 2)(n − 3));   n ≥ 4
	Kurtosis Figure
	// VaR is the historical one-day value at risk at 95 %: the 5th
	// percentile of the returns, interpolated linearly between the sorted
	// returns x[0..n−1] at rank p = 0.05 (n − 1) (numpy's default):
	// x[⌊p⌋] + (p − ⌊p⌋)(x[⌊p⌋+1] − x[⌊p⌋]). A loss is negative.
	// QuantStats' value_at_risk is the normal-distribution one,
	// m − 1.645 s, instead.
	VaR Figure
	// CVaR (expected shortfall) is the mean of the returns at or below VaR.
	CVaR Figure
	// WinRate is the share of the non-zero returns that are above 0 (days
	// without a change are neither wins nor losses, as in QuantStats).
	WinRate Figure
	// AvgWin is the mean of the returns above 0, AvgLoss of those below
	// 0 (a negative number).
	AvgWin, AvgLoss Figure
}

// ReturnShape computes Shape of returns; NaN values are an error of the
// caller and make every figure NaN.
func ReturnShape(returns []float64) Shape {
	n := len(returns)
	var sh Shape
	for _, r := range returns {
		if math.IsNaN(r) || math.IsInf(r, 0) {
			why := "a daily return is not a finite number"
			return Shape{undefined(why), undefined(why), undefined(why), undefined(why), undefined(why), undefined(why), undefined(why)}
		}
	}
	sh.Skew, sh.Kurtosis = moments(returns)
	if n == 0 {
		why := "no daily return"
		sh.VaR, sh.CVaR = undefined(why), undefined(why)
	} else {
		sh.VaR = figure(percentile(returns, 0.05), "")
		var tail []float64
		for _, r := range returns {
			if r <= sh.VaR.Value {
				tail = append(tail, r)
			}
		}
		sh.CVaR = figure(Mean(tail), "")
	}
	var wins, losses []float64
	for _, r := range returns {
		switch {
		case r > 0:
			wins = append(wins, r)
		case r < 0:
			losses = append(losses, r)
		}
	}
	sh.WinRate = figure(float64(len(wins))/float64(len(wins)+len(losses)), "no daily return other than 0")
	sh.AvgWin = figure(Mean(wins), "no daily return above 0")
	sh.AvgLoss = figure(Mean(losses), "no daily return below 0")
	return sh
}

// moments is the sample skewness and excess kurtosis (see Shape).
func moments(r []float64) (skew, kurt Figure) {
	n := float64(len(r))
	m, s := Mean(r), StdDev(r)
	if len(r) >= 2 && s == 0 {
		why := "the returns do not vary"
		return undefined(why), undefined(why)
	}
	var s3, s4 float64
	for _, x := range r {
		z := (x - m) / s
		s3 += z * z * z
		s4 += z * z * z * z
	}
	if len(r) < 3 {
		skew = undefined("fewer than 3 daily returns")
	} else {
		skew = figure(n/((n-1)*(n-2))*s3, "")
	}
	if len(r) < 4 {
		kurt = undefined("fewer than 4 daily returns")
	} else {
		kurt = figure(n*(n+1)/((n-1)*(n-2)*(n-3))*s4-3*(n-1)*(n-1)/((n-2)*(n-3)), "")
	}
	return skew, kurt
}

// percentile is the q-quantile of x by linear interpolation between the
// sorted values at rank q (n − 1); x is not modified.
func percentile(x []float64, q float64) float64 {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	p := q * float64(len(s)-1)
	i := int(math.Floor(p))
	if i+1 >= len(s) {
		return s[i]
	}
	return s[i] + (p-float64(i))*(s[i+1]-s[i])
}

// DrawdownEpisodes is every fall of a wealth index below a previous peak,
// in time order: each from its peak (the last date at the running maximum
// before the fall) to its trough (the lowest point before the index is
// back at the peak) and its recovery (the first date back at or above the
// peak; zero for a fall not recovered by the last date, whose Duration
// then runs to the last date). Depth = index[trough] / index[peak] − 1.
// Nil when the index holds a NaN or infinity or never is positive.
func DrawdownEpisodes(dates []time.Time, index []float64) []Drawdown {
	n := min(len(dates), len(index))
	var out []Drawdown
	peakAt, troughAt := -1, -1
	for t := range n {
		v := index[t]
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		switch {
		case peakAt < 0 || v >= index[peakAt]:
			if troughAt >= 0 {
				out = append(out, episode(dates, index, peakAt, troughAt, t))
				troughAt = -1
			}
			if v > 0 {
				peakAt = t
			}
		case troughAt < 0 || v < index[troughAt]:
			troughAt = t
		}
	}
	if troughAt >= 0 {
		out = append(out, episode(dates, index, peakAt, troughAt, -1))
	}
	return out
}

// episode is the drawdown from peak to trough, recovered on date index
// recovery (-1: not recovered; it lasts to the last date).
func episode(dates []time.Time, index []float64, peak, trough, recovery int) Drawdown {
	d := Drawdown{Depth: index[trough]/index[peak] - 1, Peak: dates[peak], Trough: dates[trough]}
	end := dates[min(len(dates), len(index))-1]
	if recovery >= 0 {
		d.Recovery, end = dates[recovery], dates[recovery]
	}
	d.Duration = end.Sub(d.Peak)
	return d
}

// WorstDrawdowns is the k deepest of episodes, deepest first (the
// earlier first when two are as deep).
func WorstDrawdowns(episodes []Drawdown, k int) []Drawdown {
	s := append([]Drawdown(nil), episodes...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].Depth < s[j].Depth })
	return s[:min(k, len(s))]
}

// LongestDrawdown is the episode of the longest Duration (the earlier of
// two as long); the zero Drawdown when there is none.
func LongestDrawdown(episodes []Drawdown) Drawdown {
	var longest Drawdown
	for _, d := range episodes {
		if d.Duration > longest.Duration {
			longest = d
		}
	}
	return longest
}

// RecoveryFactor is the cumulative return over the depth of the maximum
// drawdown, TWR / |MaxDrawdown.Depth|: how many times over the portfolio
// made back its worst fall. QuantStats divides the sum of the daily
// returns instead of their compounded total.
func RecoveryFactor(twr Figure, maxDrawdown float64) Figure {
	switch {
	case !twr.Defined():
		return twr
	case math.IsNaN(maxDrawdown):
		return undefined("no drawdown can be measured")
	case maxDrawdown == 0:
		return undefined("no drawdown: the wealth index never fell")
	}
	return figure(twr.Value/-maxDrawdown, "")
}

// bestWorstYear is the years of the highest and lowest defined return
// (the earlier when two are equal); Return NaN when no year has one.
func bestWorstYear(years []YearReturn) (best, worst YearReturn) {
	b, w := -1, -1
	for i, y := range years {
		if !y.Return.Defined() {
			continue
		}
		if b < 0 || y.Return.Value > years[b].Return.Value {
			b = i
		}
		if w < 0 || y.Return.Value < years[w].Return.Value {
			w = i
		}
	}
	if b < 0 {
		none := YearReturn{Return: undefined("no year with a return")}
		return none, none
	}
	return years[b], years[w]
}
