package benchmark

import (
	"errors"
	"fmt"
	"math"

	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/stats"
)

// RelativeStats holds the statistics of a portfolio's daily returns p against a
// benchmark's b over the same N days. P is the periods per year (252) and
// rf the daily risk-free rate (stats.DailyRiskFree). Every figure is NaN
// when N is below stats.MinReturns. Each comment names the tool whose
// definition the figure matches, so that it can be checked against it.
type RelativeStats struct {
	Days, UpDays, DownDays int // N, days with b > 0, days with b < 0

	// Beta = cov(p, b) / var(b) (sample covariance and variance), as
	// QuantStats' greeks and empyrical's beta.
	Beta stats.Figure
	// Alpha is Jensen's alpha, annualised arithmetically:
	// P × ( mean(p − rf) − Beta × mean(b − rf) ). With rf = 0 it is
	// QuantStats' greeks alpha; empyrical compounds the daily figure
	// instead, (1 + daily)^P − 1.
	Alpha stats.Figure
	// Correlation is Pearson's: cov(p, b) / (sd(p) sd(b)), as numpy's
	// corrcoef and pandas' corr.
	Correlation stats.Figure
	// TrackingError = sd(p − b) × sqrt(P) (sample sd, n − 1), annualised:
	// label it so ("tracking error (annualised)").
	TrackingError stats.Figure
	// InformationRatio = mean(p − b) / sd(p − b), the daily figure, not
	// annualised (sample sd, n − 1), as QuantStats' information_ratio and
	// empyrical's excess_sharpe (its information_ratio before 0.5). Times
	// sqrt(P) it would be the annualised figure some tools show.
	InformationRatio stats.Figure
	// UpCapture is empyrical's up_capture: the annualised return of p over
	// the U days the benchmark rose divided by that of b,
	//
	//	( Π(1 + p)^(P/U) − 1 ) / ( Π(1 + b)^(P/U) − 1 )  over the days with b > 0,
	//
	// each the CAGR of U returns taken as U/P of a year (empyrical's
	// annual_return). DownCapture is the same over the D days with b < 0.
	// Above 1 up and below 1 down is better than the benchmark. Over few
	// up or down days the annualised returns, and so the ratio, can be
	// extreme; a ratio that overflows is NaN.
	UpCapture, DownCapture stats.Figure
}

// Relative computes the relative statistics of portfolio against benchmark,
// two equally long slices of daily returns of the same days. Different
// lengths, or a NaN or infinite return, are an error. opts gives the risk-free
// rate and periods per year as for stats.Compute. With fewer than
// stats.MinReturns (20) days every statistic is NaN with the reason
// stats.TooFewReturns gives: estimates from so few days are noise (12 days
// gave an alpha of 5,849.91 % and a beta of −76.86).
func Relative(portfolioDaily, benchmarkDaily []float64, opts stats.Options) (*RelativeStats, error) {
	p, b := portfolioDaily, benchmarkDaily
	if len(p) != len(b) {
		return nil, fmt.Errorf("benchmark: relative: %d portfolio returns but %d benchmark returns", len(p), len(b))
	}
	var errs []error
	for _, series := range []struct {
		name string
		x    []float64
	}{{"portfolio", p}, {"benchmark", b}} {
		name, x := series.name, series.x
		bad, first := 0, -1
		for i, v := range x {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				if bad++; first < 0 {
					first = i
				}
			}
		}
		if bad > 0 {
			errs = append(errs, fmt.Errorf("%d %s returns are NaN or infinite, the first at index %d", bad, name, first))
		}
	}
	ppy := opts.PeriodsPerYear
	if ppy == 0 {
		ppy = stats.TradingDaysPerYear
	}
	rf := stats.DailyRiskFree(opts.RiskFree, ppy)
	if math.IsNaN(rf) {
		errs = append(errs, fmt.Errorf("risk-free rate %v or periods per year %v out of range", opts.RiskFree, opts.PeriodsPerYear))
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("benchmark: relative: %w", errors.Join(errs...))
	}

	n := len(p)
	r := &RelativeStats{Days: n}
	if why := stats.TooFewReturns(n); why != "" {
		f := undefined(why)
		r.Beta, r.Alpha, r.Correlation, r.TrackingError, r.InformationRatio = f, f, f, f, f
		r.UpCapture, r.DownCapture = f, f
		for _, v := range b {
			if v > 0 {
				r.UpDays++
			} else if v < 0 {
				r.DownDays++
			}
		}
		return r, nil
	}
	mp, mb := stats.Mean(p), stats.Mean(b)
	var cov, vp, vb float64
	active := make([]float64, n)
	for i := range p {
		cov += (p[i] - mp) * (b[i] - mb)
		vp += (p[i] - mp) * (p[i] - mp)
		vb += (b[i] - mb) * (b[i] - mb)
		active[i] = p[i] - b[i]
	}
	if vb > 0 {
		beta := cov / vb // the n − 1 of the sample estimates cancels
		r.Beta = fig(beta, "")
		r.Alpha = fig(ppy*((mp-rf)-beta*(mb-rf)), "")
	} else {
		r.Beta = undefined("the benchmark returns do not vary")
		r.Alpha = r.Beta
	}
	if vp > 0 && vb > 0 {
		r.Correlation = fig(cov/math.Sqrt(vp*vb), "")
	} else {
		r.Correlation = undefined("the portfolio or the benchmark returns do not vary")
	}
	sdA := stats.StdDev(active)
	r.TrackingError = fig(sdA*math.Sqrt(ppy), "")
	if sdA > 0 {
		r.InformationRatio = fig(stats.Mean(active)/sdA, "")
	} else {
		r.InformationRatio = undefined("the portfolio tracks the benchmark exactly (zero tracking error)")
	}
	r.UpCapture, r.UpDays = capture(p, b, ppy, func(v float64) bool { return v > 0 }, "rose")
	r.DownCapture, r.DownDays = capture(p, b, ppy, func(v float64) bool { return v < 0 }, "fell")
	return r, nil
}

// capture is the ratio of the annualised returns of p and b over the days
// where keep(b) holds (see RelativeStats.UpCapture).
func capture(p, b []float64, ppy float64, keep func(float64) bool, verb string) (stats.Figure, int) {
	var gp, gb geometric
	for i := range b {
		if keep(b[i]) {
			gp.add(p[i])
			gb.add(b[i])
		}
	}
	if gb.n == 0 {
		return undefined("the benchmark never " + verb), 0
	}
	ap := gp.annualised(ppy)
	if math.IsNaN(ap) {
		return undefined("a portfolio return is below −100 %"), gb.n
	}
	return fig(ap/gb.annualised(ppy), "the annualised returns overflow: too few days"), gb.n
}

// geometric accumulates Π(1 + r) as mantissa × 2^exp, renormalised at every
// step, so that thousands of factors neither overflow nor underflow (and
// without a logarithm per day).
type geometric struct {
	mant     float64
	exp, n   int
	negative bool
}

func (g *geometric) add(r float64) {
	if g.n == 0 {
		g.mant = 1
	}
	g.n++
	if 1+r < 0 {
		g.negative = true
	}
	m, e := math.Frexp(g.mant * (1 + r))
	g.mant, g.exp = m, g.exp+e
}

// annualised is the CAGR of the n returns taken as n/ppy of a year,
// (Π(1 + r))^(ppy/n) − 1: NaN when a factor is negative, −1 when one is 0.
func (g *geometric) annualised(ppy float64) float64 {
	switch {
	case g.negative:
		return math.NaN()
	case g.mant == 0:
		return -1
	}
	return math.Expm1((math.Log(g.mant) + float64(g.exp)*math.Ln2) * ppy / float64(g.n))
}

// Against computes Relative for frame against idx on the days both cover:
// every date t of idx after its first on which frame had a return
// (perf.Invested: Value[t−1] plus the day's net deposit above zero). The
// portfolio's returns are stats.DailyReturns of frame, the benchmark's the
// change of idx.Values; idx must have been aligned on frame.Dates.
func Against(frame *perf.Frame, idx *Index, opts stats.Options) (*RelativeStats, error) {
	if frame == nil || idx == nil {
		return nil, errors.New("benchmark: against: nil performance frame or index")
	}
	if len(frame.Value) != frame.Len() || idx.Offset+idx.Len() != frame.Len() {
		return nil, fmt.Errorf("benchmark: against %s: index covers dates %d..%d of a frame of %d dates with %d values",
			idx.Symbol, idx.Offset, idx.Offset+idx.Len(), frame.Len(), len(frame.Value))
	}
	for i, d := range idx.Dates {
		if !frame.Dates[idx.Offset+i].Equal(d) {
			return nil, fmt.Errorf("benchmark: against %s: index date %s is not the frame's %s", idx.Symbol,
				d.Format("2006-01-02"), frame.Dates[idx.Offset+i].Format("2006-01-02"))
		}
	}
	daily := stats.DailyReturns(frame.Value, frame.Deposits, frame.Withdrawals)
	var pr, br []float64
	for i := 1; i < idx.Len(); i++ {
		t := idx.Offset + i
		if perf.Invested(frame.Value[t-1], at(frame.Deposits, t), at(frame.Withdrawals, t)) {
			pr = append(pr, daily[t])
			br = append(br, idx.Values[i]/idx.Values[i-1]-1)
		}
	}
	r, err := Relative(pr, br, opts)
	if err != nil {
		return nil, fmt.Errorf("benchmark: against %s: %w", idx.Symbol, err)
	}
	return r, nil
}

func at(s []float64, i int) float64 {
	if i < len(s) {
		return s[i]
	}
	return 0
}

func fig(v float64, why string) stats.Figure {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		if why == "" {
			why = "not a finite number"
		}
		return undefined(why)
	}
	return stats.Figure{Value: v}
}

func undefined(why string) stats.Figure { return stats.Figure{Value: math.NaN(), Reason: why} }
