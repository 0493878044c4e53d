package report

import (
	"errors"
	"fmt"
	"math"

	"github.com/gofolio/gofolio/portfolio/analysis"
)

// AddPortfolio shows another portfolio beside the one in is about (an
// account alone, a group of accounts, a model allocation built as a
// portfolio), as a benchmark is shown: its growth, 1 + its cumulative
// time-weighted return rebased to 0 at the first date (GrowthLine), as a
// line of the performance chart, after the lines already added, and its
// statistics as a column of the statistics table, after the portfolio's
// and those of the portfolios added before (every figure applies: it is
// money invested). a is analysed over in's window (analysis.Run with the
// same From and To): its dates must be in's. It computes nothing itself.
func (in *Input) AddPortfolio(name string, a *analysis.Analysis) error {
	if a == nil || a.Performance == nil || a.Summary == nil {
		return errors.New("report: AddPortfolio needs an analysis from analysis.Run")
	}
	perf := a.Performance
	if perf.Len() != len(in.Dates) || perf.Len() > 0 && (!perf.Dates[0].Equal(in.Dates[0]) || !perf.Dates[perf.Len()-1].Equal(in.AsOf)) {
		return fmt.Errorf("report: AddPortfolio %q: its %d dates are not the report's %d (analyse it over the same window)",
			name, perf.Len(), len(in.Dates))
	}
	index := make([]float64, perf.Len())
	for i, c := range perf.CumulativeReturn {
		index[i] = 1 + c
	}
	at := 1 + in.comparedPortfolios
	in.Lines = insertAt(in.Lines, at, GrowthLine(name, in.Dates, index))
	column := statRows([]statColumn{{summary: a.Summary, money: true, timeWeighted: true}})
	byName := make(map[string]StatRow, len(column))
	for _, r := range column {
		byName[r.Name] = r
	}
	in.Statistics.Columns = insertAt(in.Statistics.Columns, at, name)
	for i := range in.Statistics.Rows {
		r := &in.Statistics.Rows[i]
		v, why := math.NaN(), "" // a row the other's figures lack (a period it is too short for)
		if c, ok := byName[r.Name]; ok {
			v, why = c.Values[0], c.Reasons[0]
		}
		r.Values = insertAt(r.Values, at, v)
		if r.Reasons != nil {
			r.Reasons = insertAt(r.Reasons, at, why)
		}
		if r.Blank != nil {
			r.Blank = insertAt(r.Blank, at, false)
		}
	}
	in.comparedPortfolios++
	return in.Validate()
}

func insertAt[T any](s []T, i int, v T) []T {
	return append(s[:i], append([]T{v}, s[i:]...)...)
}
