package report

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/stats"
)

// InputOptions configures NewInput.
type InputOptions struct {
	Title string // "" means "Portfolio report"
}

// NewInput lays an analysis (analysis.Run) out as a report's input: it
// formats and computes nothing. The statistics table has a column for the
// portfolio, each benchmark's index and each same-cash-flows benchmark; the
// relative table one per benchmark; the holdings and allocations are the
// analysis's positions and cash on its last date.
func NewInput(a *analysis.Analysis, opts InputOptions) (*Input, error) {
	if a == nil || a.Result == nil || a.Performance == nil || a.Summary == nil || a.Performance.Len() == 0 {
		return nil, errors.New("report: NewInput needs an analysis from analysis.Run")
	}
	res, perf, sum := a.Result, a.Performance, a.Summary
	n := perf.Len()
	in := &Input{
		Title:         opts.Title,
		Currency:      res.Currency,
		AsOf:          perf.Dates[n-1],
		Dates:         perf.Dates,
		Value:         perf.Value,
		Contributions: perf.NetContributions,
		Drawdown:      perf.Drawdown,
	}
	if in.Title == "" {
		in.Title = "Portfolio report"
	}
	in.Warnings = WarningTexts(res.Warnings)
	in.Summary = Summary{
		Value: sum.EndValue, NetContributions: sum.NetContributions, PnL: sum.PnL,
		TWR: sum.TWR.Value, MWR: sum.MWR.Value, IRR: sum.IRR.Value,
		TWRReason: sum.TWR.Reason, MWRReason: sum.MWR.Reason, IRRReason: sum.IRR.Reason,
		DayChange: math.NaN(), DayReturn: math.NaN(),
		From: perf.Dates[0], PeriodChange: sum.PnL,
	}
	if n >= 2 {
		in.Summary.DayChange = perf.PnL[n-1] - perf.PnL[n-2]
		in.Summary.DayReturn = perf.DailyReturn[n-1]
	}
	if err := benchmarkColumns(in, a); err != nil {
		return nil, err
	}
	in.Monthly = monthlyRows(sum)
	holdingsAndAllocation(in, a)
	in.Transactions = transactionRows(res)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	return in, nil
}

// benchmarkColumns lays out the chart's lines and the statistics and
// relative tables: the portfolio, then for each benchmark its index and its
// same-cash-flows benchmark.
func benchmarkColumns(in *Input, a *analysis.Analysis) error {
	perf := a.Performance
	n := perf.Len()
	portfolioIndex := make([]float64, n)
	for i, c := range perf.CumulativeReturn {
		portfolioIndex[i] = positiveOrNaN(1 + c)
	}
	in.Lines = []Line{{Name: "Portfolio", Index: portfolioIndex}}
	in.Statistics.Columns = []string{"Portfolio"}
	cols := []statColumn{{summary: a.Summary, money: true, timeWeighted: true}}
	var rels []*benchmark.RelativeStats
	for _, b := range a.Benchmarks {
		idx := b.Index
		if idx == nil || idx.Offset < 0 || idx.Offset+len(idx.Values) != n || len(idx.Dates) != len(idx.Values) {
			return fmt.Errorf("report: NewInput: benchmark %q: index not aligned on the %d portfolio dates", b.Symbol, n)
		}
		line := make([]float64, n)
		for j := range line {
			line[j] = math.NaN()
		}
		for j, v := range idx.Values {
			line[idx.Offset+j] = positiveOrNaN(v)
		}
		in.Lines = append(in.Lines, Line{Name: b.Symbol, Index: line})
		// The index is valued in the reporting currency (exchange-rate
		// changes included), which the column says.
		in.Statistics.Columns = append(in.Statistics.Columns, b.Symbol+" in "+idx.Currency)
		cols = append(cols, statColumn{summary: b.Summary, timeWeighted: true})
		in.Relative.Columns = append(in.Relative.Columns, b.Symbol+" in "+idx.Currency)
		rels = append(rels, b.Relative)
		// Its time-weighted figures are the index's: only the money it
		// would have made shows (see statColumn).
		in.Statistics.Columns = append(in.Statistics.Columns, "Same cash flows in "+b.Symbol)
		cols = append(cols, statColumn{summary: b.SameCashFlowsSummary, money: true})
	}
	in.Statistics.Rows = statRows(cols)
	if len(rels) > 0 {
		in.Relative.Rows = relativeRows(rels)
	}
	return nil
}

// WarningTexts is the one-line text of each warning, for Input.Warnings.
func WarningTexts[W fmt.Stringer](warnings []W) []string {
	out := make([]string, len(warnings))
	for i, w := range warnings {
		out[i] = w.String()
	}
	return out
}

func positiveOrNaN(v float64) float64 {
	if v > 0 && !math.IsInf(v, 0) {
		return v
	}
	return math.NaN()
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

// statRows lays the columns out as rows: money figures, then returns,
// risk and periods.
func statRows(cols []statColumn) []StatRow {
	timeWeighted := func(f func(s *stats.Summary) stats.Figure) func(statColumn) cellValue {
		return func(c statColumn) cellValue {
			if c.summary == nil || !c.timeWeighted {
				return notApplicable
			}
			return fromFigure(f(c.summary))
		}
	}
	money := func(f func(s *stats.Summary) stats.Figure) func(statColumn) cellValue {
		return func(c statColumn) cellValue {
			if c.summary == nil || !c.money {
				return notApplicable
			}
			return fromFigure(f(c.summary))
		}
	}
	known := func(f func(s *stats.Summary) float64) func(s *stats.Summary) stats.Figure {
		return func(s *stats.Summary) stats.Figure { return stats.Figure{Value: f(s)} }
	}
	defs := []rowDef[statColumn]{
		{"Final value", Money, money(known(func(s *stats.Summary) float64 { return s.EndValue }))},
		{"Net contributions", Money, money(known(func(s *stats.Summary) float64 { return s.NetContributions }))},
		{"Profit / loss", Money, money(known(func(s *stats.Summary) float64 { return s.PnL }))},
		{"Money-weighted return", Percent, money(func(s *stats.Summary) stats.Figure { return s.MWR })},
		{"Money-weighted return (IRR, p.a.)", Percent, money(func(s *stats.Summary) stats.Figure { return s.IRR })},
		{"Time-weighted return", Percent, timeWeighted(func(s *stats.Summary) stats.Figure { return s.TWR })},
		{"TWR annualised", Percent, timeWeighted(func(s *stats.Summary) stats.Figure { return s.TWRAnnualised })},
		{"Volatility (annualised)", Percent, timeWeighted(func(s *stats.Summary) stats.Figure { return s.Volatility })},
		{"Sharpe ratio", Ratio, timeWeighted(func(s *stats.Summary) stats.Figure { return s.Sharpe })},
		{"Sortino ratio", Ratio, timeWeighted(func(s *stats.Summary) stats.Figure { return s.Sortino })},
		{"Max drawdown", Percent, timeWeighted(known(func(s *stats.Summary) float64 { return s.MaxDrawdown.Depth }))},
		{"Calmar ratio", Ratio, timeWeighted(func(s *stats.Summary) stats.Figure { return s.Calmar })},
		{"Best day", Percent, timeWeighted(func(s *stats.Summary) stats.Figure { return s.BestDay.Return })},
		{"Worst day", Percent, timeWeighted(func(s *stats.Summary) stats.Figure { return s.WorstDay.Return })},
		{"Positive months", Percent, timeWeighted(func(s *stats.Summary) stats.Figure { return s.PositiveMonths })},
	}
	for _, p := range []string{"1M", "3M", "6M", "YTD", "1Y", "3Y", "5Y"} {
		name := "Return " + p
		// A year-to-date that began before the first date runs from it:
		// say so, or it reads as a return from 1 January.
		if p == "YTD" && len(cols) > 0 && cols[0].summary != nil {
			if r, ok := cols[0].summary.Period(p); ok && r.FromInception {
				name = "Return YTD (since " + r.Start.Format(time.DateOnly) + ")"
			}
		}
		defs = append(defs, rowDef[statColumn]{name, Percent, timeWeighted(func(s *stats.Summary) stats.Figure {
			if r, ok := s.Period(p); ok {
				return r.Return
			}
			return stats.Figure{Value: math.NaN(), Reason: "no such period"}
		})})
	}
	return layRows(defs, cols)
}

// relativeRows lays out the portfolio's statistics against each
// benchmark, one column per benchmark.
func relativeRows(rels []*benchmark.RelativeStats) []StatRow {
	rel := func(f func(r *benchmark.RelativeStats) stats.Figure) func(*benchmark.RelativeStats) cellValue {
		return func(r *benchmark.RelativeStats) cellValue {
			if r == nil {
				return notApplicable
			}
			return fromFigure(f(r))
		}
	}
	return layRows([]rowDef[*benchmark.RelativeStats]{
		{"Beta", Ratio, rel(func(r *benchmark.RelativeStats) stats.Figure { return r.Beta })},
		{"Alpha (annualised)", Percent, rel(func(r *benchmark.RelativeStats) stats.Figure { return r.Alpha })},
		{"Correlation", Ratio, rel(func(r *benchmark.RelativeStats) stats.Figure { return r.Correlation })},
		{"Tracking error (annualised)", Percent, rel(func(r *benchmark.RelativeStats) stats.Figure { return r.TrackingError })},
		{"Information ratio (daily)", Ratio, rel(func(r *benchmark.RelativeStats) stats.Figure { return r.InformationRatio })},
		{"Up capture", Ratio, rel(func(r *benchmark.RelativeStats) stats.Figure { return r.UpCapture })},
		{"Down capture", Ratio, rel(func(r *benchmark.RelativeStats) stats.Figure { return r.DownCapture })},
	}, rels)
}

// monthlyRows lays the summary's monthly and yearly returns out as a grid.
func monthlyRows(sum *stats.Summary) []MonthlyRow {
	byYear := map[int]*MonthlyRow{}
	var years []int
	row := func(y int) *MonthlyRow {
		r, ok := byYear[y]
		if !ok {
			r = &MonthlyRow{Year: y, Total: math.NaN()}
			for m := range r.Months {
				r.Months[m] = math.NaN()
			}
			byYear[y] = r
			years = append(years, y)
		}
		return r
	}
	for _, m := range sum.Monthly {
		row(m.Year).Months[m.Month-1] = m.Return.Value
	}
	for _, y := range sum.Yearly {
		row(y.Year).Total = y.Return.Value
	}
	sort.Ints(years)
	out := make([]MonthlyRow, len(years))
	for i, y := range years {
		out[i] = *byYear[y]
	}
	return out
}

// holdingsAndAllocation fills the holdings table (the analysis's
// positions on its last date, then cash) and the allocations by holding and
// by currency. Symbols sold out are listed when they realized a gain or
// loss or paid dividends, as in Result.Positions, so the realized and
// dividends columns add up to what the portfolio made.
func holdingsAndAllocation(in *Input, a *analysis.Analysis) {
	res, perf := a.Result, a.Performance
	last := perf.Len() - 1
	in.HoldingsFrom = res.Holdings.Dates[0]
	byCurrency := map[string]float64{}
	for _, p := range a.Holdings {
		in.Holdings = append(in.Holdings, HoldingRow{
			Symbol: p.Symbol, Currency: p.QuoteCurrency, Quantity: p.Quantity, Price: p.Close,
			Value: p.Value, Cost: p.CostBasis, Unrealized: p.Unrealized,
			Realized: p.Realized, Dividends: p.Dividends,
		})
		if p.Quantity == 0 {
			continue
		}
		if p.Value > 0 {
			in.ByHolding = append(in.ByHolding, Slice{Name: p.Symbol, Value: p.Value})
		}
		byCurrency[majorCurrency(p.QuoteCurrency)] += math.Max(p.Value, 0)
	}
	cash := perf.Cash[last]
	if cash != 0 {
		// Cash has no cost basis here: what it gained or lost on exchange
		// rates is in the portfolio's P&L, not in a row's.
		in.Holdings = append(in.Holdings, HoldingRow{Symbol: "Cash", Currency: res.Currency, Price: math.NaN(), Value: cash,
			Cost: math.NaN(), Unrealized: math.NaN()})
	}
	if cash > 0 {
		in.ByHolding = append(in.ByHolding, Slice{Name: "Cash", Value: cash})
		if a.CashByCurrency != nil {
			for c, v := range a.CashByCurrency {
				byCurrency[majorCurrency(c)] += math.Max(v, 0)
			}
		} else {
			byCurrency["Cash"] += cash
		}
	}
	for c, v := range byCurrency {
		if v > 0 {
			in.ByCurrency = append(in.ByCurrency, Slice{Name: c, Value: v})
		}
	}
	sort.Slice(in.ByCurrency, func(i, j int) bool { return in.ByCurrency[i].Name < in.ByCurrency[j].Name })
}

// transactionRows lists the transactions, each with the currency its
// amounts are in, as the engine reads a blank one (see Transaction): its
// own, else the symbol's quote currency for the kinds that act on a symbol
// (a trade's "505.00" is 505 of the quote currency), else the reporting
// currency for cash rows, whose Symbol, if any, is only a label.
func transactionRows(res *portfolio.Result) []TransactionRow {
	quote := map[string]string{}
	for s, sym := range res.Holdings.Symbols {
		quote[sym] = res.Holdings.QuoteCurrency[s]
	}
	rows := make([]TransactionRow, 0, len(res.Transactions))
	for _, t := range res.Transactions {
		c := t.Currency
		if c == "" && actsOnSymbol(t.Kind) {
			c = quote[t.Symbol]
		}
		if c == "" {
			c = res.Currency
		}
		rows = append(rows, TransactionRow{
			Date: t.Date, Kind: t.Kind.String(), Symbol: t.Symbol, Quantity: t.Quantity, Price: t.Price,
			Commission: t.Commission, Amount: t.Amount, Currency: c, Note: t.Note,
		})
	}
	return rows
}

// actsOnSymbol reports whether a transaction of kind k acts on its symbol,
// so that a blank currency is the symbol's quote currency.
func actsOnSymbol(k portfolio.Kind) bool {
	return k.IsTrade() || k == portfolio.Dividend || k == portfolio.Split
}

// majorCurrency folds minor units into their currency (GBp into GBP).
func majorCurrency(code string) string {
	if m, _, ok := fx.Major(code); ok {
		return m
	}
	return code
}
