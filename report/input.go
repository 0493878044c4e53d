package report

import (
	"errors"
	"fmt"
	"math"
	"sort"

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
	in.WorstDrawdowns = drawdownRows(stats.WorstDrawdowns(sum.Drawdowns, 5))
	yearlyBars(in, a)
	for _, r := range []struct {
		name string
		v    []float64
	}{{"6 months", a.RollingVolatility6M}, {"12 months", a.RollingVolatility12M}} {
		if anyKnown(r.v) {
			in.RollingVolatility = append(in.RollingVolatility, Line{Name: r.name, Dates: in.Dates, Values: r.v})
		}
	}
	ratioAndDistributionInput(in, a)
	for _, d := range a.DividendsByYear {
		if d.Amount != 0 {
			for _, d := range a.DividendsByYear {
				in.DividendYears = append(in.DividendYears, d.Year)
				in.Dividends = append(in.Dividends, d.Amount)
			}
			break
		}
	}
	holdingsAndAllocation(in, a)
	allocationInputs(in, a)
	in.Transactions = transactionRows(res)
	in.Gains = gainsSection(a.Gains)
	if in.Gains != nil {
		in.Gains.Scope = GainsScope(res.Accounts, portfolio.Accounts(res.Transactions))
	}
	in.HoldingReturns = holdingReturnsSection(a)
	in.ModelAttribution = modelAttributionSection(a)
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
		portfolioIndex[i] = 1 + c
	}
	in.Lines = []Line{GrowthLine("Portfolio", in.Dates, portfolioIndex)}
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
			line[idx.Offset+j] = v
		}
		in.Lines = append(in.Lines, GrowthLine(b.Symbol, in.Dates, line))
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

// yearlyBars lays out the portfolio's calendar-year returns and each
// benchmark index's for the same years.
func yearlyBars(in *Input, a *analysis.Analysis) {
	for _, y := range a.Summary.Yearly {
		in.YearlyYears = append(in.YearlyYears, y.Year)
	}
	if len(in.YearlyYears) == 0 {
		return
	}
	series := func(name string, sum *stats.Summary) YearlySeries {
		byYear := map[int]float64{}
		if sum != nil {
			for _, y := range sum.Yearly {
				byYear[y.Year] = y.Return.Value
			}
		}
		s := YearlySeries{Name: name, Returns: make([]float64, len(in.YearlyYears))}
		for i, y := range in.YearlyYears {
			v, ok := byYear[y]
			if !ok {
				v = math.NaN()
			}
			s.Returns[i] = v
		}
		return s
	}
	in.Yearly = append(in.Yearly, series("Portfolio", a.Summary))
	for _, b := range a.Benchmarks {
		in.Yearly = append(in.Yearly, series(b.Symbol, b.Summary))
	}
}

// anyKnown reports whether v holds a number that is not NaN.
func anyKnown(v []float64) bool {
	for _, x := range v {
		if known(x) {
			return true
		}
	}
	return false
}

// drawdownRows lays drawdowns out as table rows.
func drawdownRows(dds []stats.Drawdown) []DrawdownRow {
	out := make([]DrawdownRow, len(dds))
	for i, d := range dds {
		out[i] = DrawdownRow{Peak: d.Peak, Trough: d.Trough, Recovery: d.Recovery, Depth: d.Depth,
			Days: int(math.Round(d.Duration.Hours() / 24))}
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
	in.Holdings = append(in.Holdings, cashRows(res.Currency, cash, a.CashHeld, a.CashByCurrency)...)
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

// cashRows are the holdings table's cash rows: one per currency held, its
// amount in that currency and its value in the reporting currency
// (converted), in currency order; or, when the conversion is missing (nil
// converted), one row of the total cash in the reporting currency. Cash has
// no cost basis here: what it gained or lost on exchange rates is in the
// portfolio's P&L, not in a row's.
func cashRows(reporting string, total float64, held, converted map[string]float64) []HoldingRow {
	row := func(c string, amount, value float64) HoldingRow {
		return HoldingRow{Symbol: "Cash", Currency: c, Quantity: amount, Price: math.NaN(), Value: value,
			Cost: math.NaN(), Unrealized: math.NaN(), Cash: true}
	}
	if converted == nil || len(held) == 0 {
		if total == 0 {
			return nil
		}
		return []HoldingRow{row(reporting, total, total)}
	}
	currencies := make([]string, 0, len(held))
	for c := range held {
		currencies = append(currencies, c)
	}
	sort.Strings(currencies)
	rows := make([]HoldingRow, 0, len(currencies))
	for _, c := range currencies {
		rows = append(rows, row(c, held[c], converted[c]))
	}
	return rows
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
		if !res.Shows(&t) {
			continue // another account's (portfolio.Config.Accounts)
		}
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
	return k.IsTrade() || k == portfolio.Dividend || k == portfolio.Split || k.IsCorporateAction()
}

// majorCurrency folds minor units into their currency (GBp into GBP).
func majorCurrency(code string) string {
	if m, _, ok := fx.Major(code); ok {
		return m
	}
	return code
}
