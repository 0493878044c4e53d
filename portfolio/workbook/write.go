package workbook

import (
	"fmt"
	"io"
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
)

// excelMaxRows is the most rows an Excel worksheet holds.
const excelMaxRows = 1 << 20

// Write writes the performance and holdings frames of r as two sheets of an
// .xlsx workbook, each with a header row (frozen) and one row per entry:
//
//	performance: date, market_value, cash, value, deposits, withdrawals,
//	             net_contributions, pnl, daily_return, cumulative_return,
//	             drawdown, currency
//	holdings:    date, symbol, quantity, close, value, cost_basis,
//	             unrealized_pnl, realized_pnl, dividends, commissions,
//	             quote_currency, currency
//
// "performance" has one row per date and "holdings" one per symbol and
// date, from the symbol's first transaction on. Every money column is in
// the reporting currency, which the "currency" column names on every row,
// except close, which is in the symbol's quote currency, named by
// "quote_currency" (for example "GBp", pence). The currency columns are
// last so that the other columns keep the names and positions they had
// before the workbook named its currencies, for readers written then.
// Dates are real Excel dates; money is unrounded, shown with two decimals;
// returns are fractions shown as percentages. NaN (a close before a
// symbol's first price) is written as an empty cell.
func Write(w io.Writer, r *portfolio.Result) error { return WriteGains(w, r, nil) }

// WriteGains writes what Write does and, when g is not nil, the capital
// gains of g (lots.Match) as two more sheets:
//
//	disposals: date, symbol, quantity, proceeds, costs, gain,
//	           wash_disallowed, matched, currency
//	tax_years: start, tax_year, disposals, proceeds, costs, gains, losses,
//	           net, exempt, taxable, short_term, long_term,
//	           wash_disallowed, currency
//
// with the money in g's currency (exempt and taxable empty where the
// year's exempt amount is unknown or the method is not uk).
func WriteGains(w io.Writer, r *portfolio.Result, g *lots.Report) error {
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yyyy, shown in the reader's locale
	if err != nil {
		return err
	}
	moneyStyle, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	if err != nil {
		return err
	}
	pctStyle, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return err
	}
	p := r.Performance
	perf := frameSheet{
		header: []string{"date", "market_value", "cash", "value", "deposits", "withdrawals", "net_contributions", "pnl",
			"daily_return", "cumulative_return", "drawdown"},
		columns: [][]float64{p.MarketValue, p.Cash, p.Value, p.Deposits, p.Withdrawals, p.NetContributions, p.PnL,
			p.DailyReturn, p.CumulativeReturn, p.Drawdown},
		styles: []int{moneyStyle, moneyStyle, moneyStyle, moneyStyle, moneyStyle, moneyStyle, moneyStyle, pctStyle, pctStyle, pctStyle},
		trail:  []string{"currency"},
	}
	for i := range p.Dates {
		perf.rows = append(perf.rows, i)
	}
	perfTrail := []any{r.Currency}
	if err := perf.write(f, "performance", dateStyle, func(i int) (any, []any, []any) { return p.Dates[i], nil, perfTrail }); err != nil {
		return err
	}

	h := r.Holdings
	n := len(h.Dates)
	hold := frameSheet{
		header:  []string{"date", "symbol", "quantity", "close", "value", "cost_basis", "unrealized_pnl", "realized_pnl", "dividends", "commissions"},
		columns: [][]float64{h.Quantity(), h.Close(), h.Value(), h.CostBasis(), h.Unrealized(), h.Realized(), h.Dividends(), h.Commissions()},
		styles:  []int{0, moneyStyle, moneyStyle, moneyStyle, moneyStyle, moneyStyle, moneyStyle, moneyStyle},
		trail:   []string{"quote_currency", "currency"},
	}
	hold.rows = h.ActiveRows()
	if err := hold.write(f, "holdings", dateStyle, func(i int) (any, []any, []any) {
		s := i / n
		return h.Dates[i%n], []any{h.Symbols[s]}, []any{h.QuoteCurrency[s], r.Currency}
	}); err != nil {
		return err
	}
	if g != nil {
		if err := writeGains(f, g, dateStyle, moneyStyle); err != nil {
			return err
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// frameSheet is one frame laid out as a sheet: a date, optional text
// columns, float columns, then trailing text columns headed trail, for the
// given row indices.
type frameSheet struct {
	header  []string
	columns [][]float64
	styles  []int
	trail   []string
	rows    []int
}

func (fs *frameSheet) write(f *excelize.File, name string, dateStyle int, text func(row int) (date any, lead, trail []any)) error {
	if len(fs.rows)+1 > excelMaxRows {
		return fmt.Errorf("workbook: the %s frame has %d rows, more than an Excel sheet holds (%d); write a shorter range or fewer symbols",
			name, len(fs.rows), excelMaxRows-1)
	}
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	head := make([]any, 0, len(fs.header)+len(fs.trail))
	for _, h := range fs.header {
		head = append(head, h)
	}
	for _, h := range fs.trail {
		head = append(head, h)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	cells := make([]any, len(head))
	for k, i := range fs.rows {
		date, lead, trail := text(i)
		cells = cells[:0]
		cells = append(cells, excelize.Cell{StyleID: dateStyle, Value: date})
		cells = append(cells, lead...)
		for c, col := range fs.columns {
			v := col[i]
			if math.IsNaN(v) || math.IsInf(v, 0) {
				cells = append(cells, nil)
				continue
			}
			cells = append(cells, excelize.Cell{StyleID: fs.styles[c], Value: v})
		}
		cells = append(cells, trail...)
		cell, err := excelize.CoordinatesToCellName(1, k+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}
