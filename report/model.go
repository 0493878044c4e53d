package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/gofolio/gofolio/report/chart"
)

// Input is everything a report shows, already computed. Money is in
// Currency; returns are fractions (0.05 is 5%); NaN marks a value that is
// not known and is shown as "–".
type Input struct {
	Title    string
	Currency string    // reporting currency, e.g. "GBP"
	AsOf     time.Time // date of the last valuation

	Summary Summary

	// Warnings are what the engine found doubtful but not wrong (a
	// Result's Warnings, one line each); the page lists them near the
	// top, where they cannot be missed.
	Warnings []string
	// DataQuality is what the market data's check found and repaired
	// (NewDataQuality); its section follows the warnings.
	DataQuality DataQuality

	// Dates is the calendar of every date-indexed series below.
	Dates []time.Time
	// Lines are the performance chart's lines, the portfolio first, then
	// each benchmark: each on Dates (its Dates are Dates), its Values the
	// cumulative return as fractions (0.25 is +25%; GrowthLine makes one
	// from a growth index), NaN before its history starts. The chart shows
	// each line rebased to the first date s of the range shown:
	// (1 + v[t]) / (1 + v[s']) − 1, s' the line's first date with a value
	// on or after s.
	Lines []Line
	// Value and Contributions are the portfolio's value and net
	// contributions (cumulative deposits − withdrawals) on Dates.
	Value, Contributions []float64
	// Drawdown is the portfolio's drawdown on Dates, fractions ≤ 0.
	Drawdown []float64

	Monthly []MonthlyRow

	// YearlyYears and Yearly are the calendar-year returns of the
	// portfolio and each benchmark's index (fractions, NaN for a year a
	// series has none), for the yearly bars; none: no chart.
	YearlyYears []int
	Yearly      []YearlySeries

	// DividendYears and Dividends are the dividends received in each
	// calendar year, in Currency, for the dividends chart; none (or all
	// 0): no chart.
	DividendYears []int
	Dividends     []float64

	// RollingVolatility are lines of the portfolio's annualised volatility
	// over trailing windows (fractions, NaN before a window is full), on
	// Dates; none, or all NaN: no chart.
	RollingVolatility []Line
	// RollingSharpe, RollingSortino and RollingBeta are lines of the
	// portfolio's rolling ratios over trailing windows (beta against each
	// benchmark), NaN before a window is full, on Dates; none: no chart.
	RollingSharpe, RollingSortino, RollingBeta []Line
	// Distributions are histograms of the portfolio's daily and monthly
	// returns with the first benchmark's; none: no chart.
	Distributions []Distribution
	// Securities are the holdings' closes with their trades marked,
	// largest holding first; none: no chart.
	Securities []SecurityChart

	// WorstDrawdowns are the portfolio's deepest drawdowns, deepest first
	// (the report shows them as a table; none: no table).
	WorstDrawdowns []DrawdownRow

	// ByHolding and ByCurrency are the allocation on AsOf: value per holding
	// and per quote currency, in Currency.
	ByHolding, ByCurrency []Slice
	// Allocations are the allocation on AsOf grouped several ways (by
	// holding and by currency, cash per currency included; by each field
	// of the symbols' metadata), the Allocation section's donut and table
	// with a selector. None: the section groups ByHolding and ByCurrency.
	Allocations []Allocation
	// NotListed are the symbols held that the symbols' metadata does not
	// list (Unclassified in its groupings); the section says so.
	NotListed []string

	Holdings []HoldingRow
	// HoldingsFrom is the first date of the history the holdings'
	// realized P&L and dividends count from (they are to date). It is
	// before Summary.From when the report covers only a window of that
	// history, and the page then says so; zero when not known.
	HoldingsFrom time.Time
	Statistics   Statistics
	// Relative is the portfolio's statistics against each benchmark
	// (beta, alpha, correlation, tracking error, information ratio,
	// capture): one column per benchmark, one row per statistic. Its
	// figures are the portfolio's, so they are not in Statistics, where
	// under a benchmark's column they would read as the benchmark's.
	// Empty without benchmarks.
	Relative     Statistics
	Transactions []TransactionRow
	// Gains is the capital gains section (realized gains per tax year
	// and the disposals); nil: no section.
	Gains *Gains
	// Rebalance is the rebalancing section (NewRebalance); nil: none.
	Rebalance *Rebalance
	// HoldingReturns is the returns-per-holding section (TWR, MWR and
	// contribution of each holding, contributions by group); nil: no
	// section.
	HoldingReturns *HoldingReturns
	// ModelAttribution is the Brinson-Fachler attribution against a model
	// portfolio (attribution.go); nil: none.
	ModelAttribution *ModelAttribution
	// comparedPortfolios counts the portfolios AddPortfolio added beside
	// the report's own (compare.go).
	comparedPortfolios int
}

// Summary is the headline figures.
type Summary struct {
	Value            float64 // total value on AsOf
	NetContributions float64 // deposits − withdrawals to AsOf
	PnL              float64 // Value − NetContributions
	TWR              float64 // time-weighted return over the period
	MWR              float64 // money-weighted return over the period, not annualised
	// IRR is the money-weighted annual return: NaN when it does not exist
	// and for a period shorter than a year, which is not annualised.
	IRR       float64
	DayChange float64 // change in P&L on AsOf's day, in Currency
	DayReturn float64 // the day's time-weighted return
	From      time.Time
	// PeriodChange is the change in P&L from From to AsOf, in Currency.
	// The page shows it only when it differs from PnL: when From is the
	// start of the history (or NewInput's window, whose P&L counts from
	// the window's start) it is the same figure.
	PeriodChange float64

	// TWRReason, MWRReason and IRRReason say why TWR, MWR or IRR is NaN
	// (stats.Figure.Reason); the page shows the reason under the "–".
	TWRReason, MWRReason, IRRReason string
}

// Line is chart.Line, the one line type of both renderings of the report's
// charts (the static drawings and the ECharts options) and of the
// notebooks': a name, dates and values, returns as fractions.
type Line = chart.Line

// GrowthLine is the line of a growth index on dates (any positive level: 1
// plus a cumulative return, an index's closes) as chart.Line's cumulative
// return since the index's first positive value index[f]:
//
//	Values[t] = index[t] / index[f] − 1,
//
// NaN where index[t] is not a positive finite number (before the line's
// history starts, say). Dates is dates, not a copy.
func GrowthLine(name string, dates []time.Time, index []float64) Line {
	base := math.NaN()
	for _, x := range index {
		if positive(x) {
			base = x
			break
		}
	}
	v := make([]float64, len(index))
	for t, x := range index {
		v[t] = math.NaN()
		if positive(x) {
			v[t] = x/base - 1
		}
	}
	return Line{Name: name, Dates: dates, Values: v}
}

// positive reports whether v is a positive finite number.
func positive(v float64) bool { return v > 0 && !math.IsInf(v, 0) }

// YearlySeries is one series of the yearly bars: Returns[i] is the return
// of Input.YearlyYears[i].
type YearlySeries struct {
	Name    string
	Returns []float64
}

// DrawdownRow is one drawdown of the wealth index: from its Peak to its
// Trough, Depth = trough / peak − 1 (≤ 0), back at the peak on Recovery
// (zero: not yet), lasting Days calendar days from the peak to the
// recovery or, not recovered, to the last date.
type DrawdownRow struct {
	Peak, Trough, Recovery time.Time
	Depth                  float64
	Days                   int
}

// MonthlyRow is one year of the monthly returns heatmap: Months[m] is the
// return of month m+1 (NaN when not held for it), Year the year's return.
type MonthlyRow struct {
	Year   int
	Months [12]float64
	Total  float64
}

// Slice is chart.Slice, a part of an allocation: a name and its value in
// the reporting currency.
type Slice = chart.Slice

// HoldingRow is one line of the holdings table: a position, or the cash.
// Weight and the unrealized return are computed from it: Weight = Value /
// Σ Value, so the rows must include the cash for the weights to be of the
// portfolio's total value; unrealized return = Unrealized / Cost.
type HoldingRow struct {
	Symbol   string
	Currency string  // quote currency: the unit of Price; a cash row's currency held
	Quantity float64 // shares; a cash row's amount held, in Currency
	// Cash marks a cash row: one per currency held, its Quantity shown as
	// money, no price, cost or unrealized P&L.
	Cash       bool
	Price      float64 // close in the quote currency
	Value      float64 // in the reporting currency, as are the rest
	Cost       float64 // cost basis; NaN for the cash row
	Unrealized float64 // Value − Cost; NaN for the cash row
	Realized   float64 // realized P&L to date
	Dividends  float64 // dividends received to date
}

// Statistics is a table with one column per series (the portfolio, each
// benchmark, the same-cash-flows benchmark; or, for Input.Relative, each
// benchmark the portfolio is measured against) and one row per statistic.
type Statistics struct {
	Columns []string
	Rows    []StatRow
}

// StatRow is one statistic; Values[i] belongs to Columns[i].
type StatRow struct {
	Name   string
	Format Format
	Values []float64
	// Reasons[i], when not empty, says why Values[i] is NaN (a
	// stats.Figure's Reason); the page shows it as a note to the "–".
	// Reasons is nil or as long as Values; "" is a value that is known or
	// a statistic that does not apply to the column.
	Reasons []string
	// Blank[i] says the statistic does not apply to Columns[i] (an
	// index's money figures, a same-cash-flows benchmark's time-weighted
	// ones, which are the index's): the cell is empty rather than "–",
	// which says a figure is undefined. Blank is nil or as long as Columns.
	Blank []bool
}

// Format says how a number is shown.
type Format uint8

// The formats.
const (
	Number  Format = iota // 1,234.57
	Percent               // 12.34%
	Money                 // 1,234.57 with the currency in the column header
	Ratio                 // 1.23
	Days                  // 123
)

// TransactionRow is one line of the transactions table.
type TransactionRow struct {
	Date       time.Time
	Kind       string
	Symbol     string
	Quantity   float64
	Price      float64
	Commission float64
	Amount     float64
	// Currency is the unit of Price, Commission and Amount: never blank
	// in an Input from NewInput, which fills in the currency a
	// transaction's blank one stands for.
	Currency string
	Note     string
}

// InputError lists every problem found in an Input; nothing is written for
// an Input that has one.
type InputError struct {
	Problems []string
}

func (e *InputError) Error() string {
	return fmt.Sprintf("report: %d problem(s) in input:\n\t%s", len(e.Problems), strings.Join(e.Problems, "\n\t"))
}

// Validate checks that series match Dates, dates ascend and tables are
// rectangular, reporting every problem at once as an *InputError.
func (in *Input) Validate() error {
	if in == nil {
		return &InputError{Problems: []string{"input is nil"}}
	}
	var p []string
	add := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	in.validateDates(add)
	in.validateSeries(add)
	in.validateMore(add)
	in.validateYears(add)
	in.validateSlices(add)
	in.validateAllocations(add)
	in.validateModelAttribution(add) // attribution.go
	validateStatistics("statistics", in.Statistics, add)
	validateStatistics("relative statistics", in.Relative, add)
	if len(p) > 0 {
		return &InputError{Problems: p}
	}
	return nil
}

// validateDates checks that there are dates and that they ascend,
// reporting the first that does not.
func (in *Input) validateDates(add func(string, ...any)) {
	if len(in.Dates) == 0 {
		add("no dates")
	}
	for i := 1; i < len(in.Dates); i++ {
		if !in.Dates[i].After(in.Dates[i-1]) {
			add("Dates[%d] %s is not after %s", i, in.Dates[i].Format(time.DateOnly), in.Dates[i-1].Format(time.DateOnly))
			break
		}
	}
}

// validateSeries checks the performance lines (validateLine), and that
// every other time series has a value per date and every yearly series a
// return per year.
func (in *Input) validateSeries(add func(string, ...any)) {
	n := len(in.Dates)
	if len(in.Lines) == 0 {
		add("no performance lines")
	}
	for i, l := range in.Lines {
		in.validateLine(i, l, add)
	}
	for _, s := range []struct {
		name string
		v    []float64
	}{{"Value", in.Value}, {"Contributions", in.Contributions}, {"Drawdown", in.Drawdown}} {
		if len(s.v) != n {
			add("%s has %d values for %d dates", s.name, len(s.v), n)
		}
	}
	for _, s := range in.Yearly {
		if len(s.Returns) != len(in.YearlyYears) {
			add("yearly series %q has %d returns for %d years", s.Name, len(s.Returns), len(in.YearlyYears))
		}
	}
	for _, l := range in.RollingVolatility {
		if len(l.Values) != n {
			add("rolling volatility %q has %d values for %d dates", l.Name, len(l.Values), n)
		}
	}
}

// validateYears checks that the dividends have an amount per year and
// that years of yearly returns come with their series.
func (in *Input) validateYears(add func(string, ...any)) {
	if len(in.Dividends) != len(in.DividendYears) {
		add("%d dividend amounts for %d years", len(in.Dividends), len(in.DividendYears))
	}
	if len(in.YearlyYears) > 0 && len(in.Yearly) == 0 {
		add("%d years of yearly returns but no series", len(in.YearlyYears))
	}
}

// validateSlices checks that the allocation by holding and by currency
// has finite values of 0 or more.
func (in *Input) validateSlices(add func(string, ...any)) {
	for _, s := range append(append([]Slice(nil), in.ByHolding...), in.ByCurrency...) {
		if math.IsNaN(s.Value) || math.IsInf(s.Value, 0) || s.Value < 0 {
			add("allocation slice %q has value %v", s.Name, s.Value)
		}
	}
}

// validateStatistics checks that the table st, named what, is
// rectangular: each row has a value per column, and its reasons and blank
// flags, when set, one per value.
func validateStatistics(what string, st Statistics, add func(string, ...any)) {
	for i, r := range st.Rows {
		if len(r.Values) != len(st.Columns) {
			add("%s row %d (%q) has %d values for %d columns", what, i, r.Name, len(r.Values), len(st.Columns))
		}
		if r.Reasons != nil && len(r.Reasons) != len(r.Values) {
			add("%s row %d (%q) has %d reasons for %d values", what, i, r.Name, len(r.Reasons), len(r.Values))
		}
		if r.Blank != nil && len(r.Blank) != len(st.Columns) {
			add("%s row %d (%q) has %d blank flags for %d columns", what, i, r.Name, len(r.Blank), len(st.Columns))
		}
	}
}

// validateLine checks that line i is on Dates and that its values are
// cumulative returns: above −100% (a growth of 1 + v > 0), or NaN.
func (in *Input) validateLine(i int, l Line, add func(string, ...any)) {
	n := len(in.Dates)
	if len(l.Values) != n {
		add("line %d (%q) has %d values for %d dates", i, l.Name, len(l.Values), n)
		return
	}
	if len(l.Dates) != n {
		add("line %d (%q) has %d dates for the report's %d", i, l.Name, len(l.Dates), n)
		return
	}
	for j, d := range l.Dates {
		if !d.Equal(in.Dates[j]) {
			add("line %d (%q) date %d is %s, not the report's %s", i, l.Name, j, d.Format(time.DateOnly), in.Dates[j].Format(time.DateOnly))
			return
		}
	}
	for j, v := range l.Values {
		if !math.IsNaN(v) && !(v > -1 && !math.IsInf(v, 0)) {
			add("line %d (%q) return %v on %s is not above −100%%", i, l.Name, v, in.Dates[j].Format(time.DateOnly))
			return
		}
	}
}
