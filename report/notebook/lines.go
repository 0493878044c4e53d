package notebook

import (
	"fmt"
	"math"
	"time"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/report/chart"
)

// CumulativeLine is the portfolio's time-weighted cumulative return,
// perf.CumulativeReturn on perf.Dates, for chart.Performance and Interactive.
func CumulativeLine(name string, perf *portfolio.Performance) chart.Line {
	return chart.Line{Name: name, Dates: perf.Dates, Values: perf.CumulativeReturn}
}

// IndexLine is the benchmark's cumulative return from start,
// benchmark.CumulativeReturn(idx.Dates, idx.Values, start):
//
//	out[i] = Values[i] / Values[s] − 1
//
// where s is the last date on or before start (the first date when start
// precedes them all), so that the line starts at 0 where the portfolio's does
// when start is the portfolio's first date.
func IndexLine(idx *benchmark.Index, start time.Time) chart.Line {
	return chart.Line{
		Name:   idx.Symbol,
		Dates:  idx.Dates,
		Values: benchmark.CumulativeReturn(idx.Dates, idx.Values, start),
	}
}

// DrawdownLine is the portfolio's drawdown from its running peak,
// perf.Drawdown, for chart.Drawdown.
func DrawdownLine(name string, perf *portfolio.Performance) chart.Line {
	return chart.Line{Name: name, Dates: perf.Dates, Values: perf.Drawdown}
}

// ReturnsLine is the portfolio's daily returns, perf.DailyReturn, from its
// second date on (the first date's return is the deposit's own day, not a
// market move), for RollingVolatilityLine.
func ReturnsLine(name string, perf *portfolio.Performance) chart.Line {
	if perf.Len() < 2 {
		return chart.Line{Name: name}
	}
	return chart.Line{Name: name, Dates: perf.Dates[1:], Values: perf.DailyReturn[1:]}
}

// RollingVolatilityLine is the annualised volatility of returns, a line of
// daily returns (ReturnsLine, IndexReturnsLine), over a trailing window of
// days: stats.RollingVolatility(returns.Values, window,
// stats.TradingDaysPerYear) on returns.Dates, for chart.RollingVolatility,
//
//	vol[t] = √252 × √( Σ (r[i] − r̄)² / (window − 1) )   over i = t−window+1 … t,
//
// NaN before the first full window and for a window holding a NaN.
func RollingVolatilityLine(returns chart.Line, window int) (chart.Line, error) {
	v, err := stats.RollingVolatility(returns.Values, window, stats.TradingDaysPerYear)
	if err != nil {
		return chart.Line{}, fmt.Errorf("notebook: %q: %w", returns.Name, err)
	}
	return chart.Line{Name: returns.Name, Dates: returns.Dates, Values: v}, nil
}

// IndexReturnsLine is the benchmark's daily returns,
// benchmark.Returns(idx.Values) on idx.Dates[1:]:
//
//	out[i] = Values[i+1] / Values[i] − 1,
//
// for RollingVolatilityLine.
func IndexReturnsLine(idx *benchmark.Index) chart.Line {
	if idx.Len() < 2 {
		return chart.Line{Name: idx.Symbol}
	}
	return chart.Line{Name: idx.Symbol, Dates: idx.Dates[1:], Values: benchmark.Returns(idx.Values)}
}

// MonthlyGrid lays the summary's monthly and yearly returns out as a
// chart.MonthlyGrid, one row per year of s.Yearly. A month the summary has
// no row for, or whose return is undefined, is NaN, as is a year's total
// when undefined.
func MonthlyGrid(s *stats.Summary) chart.MonthlyGrid {
	g := chart.MonthlyGrid{
		Years:     make([]int, len(s.Yearly)),
		Months:    make([][12]float64, len(s.Yearly)),
		YearTotal: make([]float64, len(s.Yearly)),
	}
	row := make(map[int]int, len(s.Yearly))
	for i, y := range s.Yearly {
		g.Years[i] = y.Year
		g.YearTotal[i] = y.Return.Value
		for m := range g.Months[i] {
			g.Months[i][m] = math.NaN()
		}
		row[y.Year] = i
	}
	for _, m := range s.Monthly {
		if i, ok := row[m.Year]; ok && m.Month >= time.January && m.Month <= time.December {
			g.Months[i][m.Month-1] = m.Return.Value
		}
	}
	return g
}
