package report

import (
	"math"
	"time"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio/stats"
)

// Applies says which columns of the statistics table a Statistic applies
// to.
type Applies uint8

// The kinds of statistics.
const (
	// MoneyFigure applies to columns of money invested (the portfolio, a
	// same-cash-flows benchmark): amounts and money-weighted returns. A
	// bare index is not an amount invested.
	MoneyFigure Applies = iota + 1
	// TimeWeighted applies to the portfolio and each index: time-weighted
	// returns, risk, drawdown, periods. A same-cash-flows benchmark's are
	// exactly its index's.
	TimeWeighted
)

// A Statistic is one row of the statistics table, defined once for every
// renderer: the report's page, the terminal summary (StatisticsCells) and
// the notebooks (report/notebook).
type Statistic struct {
	Name    string
	Format  Format
	Applies Applies
	Value   func(*stats.Summary) stats.Figure
	// Date, when set, is the date the figure belongs to (the best day's),
	// which a renderer may show beside it.
	Date func(*stats.Summary) time.Time
}

// A RelativeStatistic is one row of the relative table: the portfolio's
// statistic against a benchmark.
type RelativeStatistic struct {
	Name   string
	Format Format
	Value  func(*benchmark.RelativeStats) stats.Figure
}

// always is a figure that is always defined.
func always(v float64) stats.Figure { return stats.Figure{Value: v} }

// summaryStatistics are the statistics table's rows before the period
// returns (SummaryStatistics adds them).
var summaryStatistics = []Statistic{
	{"Final value", Money, MoneyFigure, func(s *stats.Summary) stats.Figure { return always(s.EndValue) }, nil},
	{"Net contributions", Money, MoneyFigure, func(s *stats.Summary) stats.Figure { return always(s.NetContributions) }, nil},
	{"Profit / loss", Money, MoneyFigure, func(s *stats.Summary) stats.Figure { return always(s.PnL) }, nil},
	{"Money-weighted return", Percent, MoneyFigure, func(s *stats.Summary) stats.Figure { return s.MWR }, nil},
	{"Money-weighted return (IRR, p.a.)", Percent, MoneyFigure, func(s *stats.Summary) stats.Figure { return s.IRR }, nil},
	{"Time-weighted return", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.TWR }, nil},
	{"TWR annualised", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.TWRAnnualised }, nil},
	{"Volatility (annualised)", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Volatility }, nil},
	{"Sharpe ratio", Ratio, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Sharpe }, nil},
	{"Sortino ratio", Ratio, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Sortino }, nil},
	{"Max drawdown", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return always(s.MaxDrawdown.Depth) }, nil},
	{"Calmar ratio", Ratio, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Calmar }, nil},
	{"Best day", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.BestDay.Return },
		func(s *stats.Summary) time.Time { return s.BestDay.Date }},
	{"Worst day", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.WorstDay.Return },
		func(s *stats.Summary) time.Time { return s.WorstDay.Date }},
	{"Positive months", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.PositiveMonths }, nil},
}

// TearsheetStatistics are the rows after the period returns: the figures
// of QuantStats' tearsheet on the distribution of daily returns, the best
// and worst month and year, the longest drawdown and the recovery factor
// (each defined in package stats).
var TearsheetStatistics = []Statistic{
	{"Skew (daily returns)", Ratio, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Shape.Skew }, nil},
	{"Excess kurtosis (daily returns)", Ratio, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Shape.Kurtosis }, nil},
	{"Daily value at risk (95%)", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Shape.VaR }, nil},
	{"Daily expected shortfall (CVaR 95%)", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Shape.CVaR }, nil},
	{"Winning days", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Shape.WinRate }, nil},
	{"Average winning day", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Shape.AvgWin }, nil},
	{"Average losing day", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.Shape.AvgLoss }, nil},
	{"Best month", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.BestMonth.Return }, nil},
	{"Worst month", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.WorstMonth.Return }, nil},
	{"Best year", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.BestYear.Return }, nil},
	{"Worst year", Percent, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.WorstYear.Return }, nil},
	{"Longest drawdown (days)", Days, TimeWeighted, longestDrawdownDays, nil},
	{"Recovery factor", Ratio, TimeWeighted, func(s *stats.Summary) stats.Figure { return s.RecoveryFactor }, nil},
}

// longestDrawdownDays is the longest drawdown's calendar days, from its
// peak to its recovery or the last date.
func longestDrawdownDays(s *stats.Summary) stats.Figure {
	if s.LongestDrawdown.Peak.IsZero() {
		return stats.Figure{Value: math.NaN(), Reason: "no drawdown"}
	}
	return always(math.Round(s.LongestDrawdown.Duration.Hours() / 24))
}

// Periods are the trailing periods whose returns the statistics table
// shows (stats.Summary.Period).
var Periods = []string{"1M", "3M", "6M", "YTD", "1Y", "3Y", "5Y"}

// SummaryStatistics lists the statistics table's rows: money figures,
// then returns, risk and the period returns. first is the first column's
// summary (nil: none): a year-to-date that began before its first date
// runs from it, and its row says so, or it would read as a return from 1
// January.
func SummaryStatistics(first *stats.Summary) []Statistic {
	out := append([]Statistic(nil), summaryStatistics...)
	for _, p := range Periods {
		name := "Return " + p
		if p == "YTD" && first != nil {
			if r, ok := first.Period(p); ok && r.FromInception {
				name = "Return YTD (since " + r.Start.Format(time.DateOnly) + ")"
			}
		}
		out = append(out, Statistic{Name: name, Format: Percent, Applies: TimeWeighted, Value: func(s *stats.Summary) stats.Figure {
			if r, ok := s.Period(p); ok {
				return r.Return
			}
			return stats.Figure{Value: math.NaN(), Reason: "no such period"}
		}})
	}
	return out
}

// RelativeStatistics are the relative table's rows.
var RelativeStatistics = []RelativeStatistic{
	{"Beta", Ratio, func(r *benchmark.RelativeStats) stats.Figure { return r.Beta }},
	{"Alpha (annualised)", Percent, func(r *benchmark.RelativeStats) stats.Figure { return r.Alpha }},
	{"Correlation", Ratio, func(r *benchmark.RelativeStats) stats.Figure { return r.Correlation }},
	{"Tracking error (annualised)", Percent, func(r *benchmark.RelativeStats) stats.Figure { return r.TrackingError }},
	{"Information ratio (daily)", Ratio, func(r *benchmark.RelativeStats) stats.Figure { return r.InformationRatio }},
	{"Up capture", Ratio, func(r *benchmark.RelativeStats) stats.Figure { return r.UpCapture }},
	{"Down capture", Ratio, func(r *benchmark.RelativeStats) stats.Figure { return r.DownCapture }},
}

// statColumn is one column of the statistics table. The figures that do
// not apply to it are blank: a bare index has no money figures (it is
// not an amount invested), and a same-cash-flows benchmark shows only
// its money figures and money-weighted returns, since its time-weighted
// figures are exactly the index's (it holds nothing else), already in
// the index's column.
type statColumn struct {
	summary      *stats.Summary
	money        bool // final value, contributions, P&L, MWR and IRR apply
	timeWeighted bool // TWR, risk, drawdown, best and worst days, periods apply
}

// cellValue is a statistic of one column: a Value, or NaN with the Reason
// it is undefined; na marks a statistic that does not apply to the
// column, shown blank.
type cellValue struct {
	v   float64
	why string
	na  bool
}

var notApplicable = cellValue{v: math.NaN(), na: true}

func fromFigure(f stats.Figure) cellValue { return cellValue{v: f.Value, why: f.Reason} }

// rowDef is a row of a statistics table: its name, format and how to get
// the cell of a column of type C.
type rowDef[C any] struct {
	name   string
	format Format
	value  func(c C) cellValue
}

// layRows lays columns out as rows.
func layRows[C any](defs []rowDef[C], cols []C) []StatRow {
	rows := make([]StatRow, len(defs))
	for i, d := range defs {
		r := StatRow{Name: d.name, Format: d.format, Values: make([]float64, len(cols)), Reasons: make([]string, len(cols))}
		for j, c := range cols {
			cv := d.value(c)
			r.Values[j], r.Reasons[j] = cv.v, cv.why
			if cv.na {
				if r.Blank == nil {
					r.Blank = make([]bool, len(cols))
				}
				r.Blank[j] = true
			}
		}
		rows[i] = r
	}
	return rows
}

// statRows lays the columns out as rows, one per SummaryStatistics.
func statRows(cols []statColumn) []StatRow {
	var first *stats.Summary
	if len(cols) > 0 {
		first = cols[0].summary
	}
	var defs []rowDef[statColumn]
	for _, st := range append(SummaryStatistics(first), TearsheetStatistics...) {
		defs = append(defs, rowDef[statColumn]{st.Name, st.Format, func(c statColumn) cellValue {
			applies := c.timeWeighted
			if st.Applies == MoneyFigure {
				applies = c.money
			}
			if c.summary == nil || !applies {
				return notApplicable
			}
			return fromFigure(st.Value(c.summary))
		}})
	}
	return layRows(defs, cols)
}

// relativeRows lays out the portfolio's statistics against each
// benchmark, one column per benchmark, one row per RelativeStatistics.
func relativeRows(rels []*benchmark.RelativeStats) []StatRow {
	var defs []rowDef[*benchmark.RelativeStats]
	for _, st := range RelativeStatistics {
		defs = append(defs, rowDef[*benchmark.RelativeStats]{st.Name, st.Format, func(r *benchmark.RelativeStats) cellValue {
			if r == nil {
				return notApplicable
			}
			return fromFigure(st.Value(r))
		}})
	}
	return layRows(defs, rels)
}
