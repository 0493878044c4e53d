package notebook

import (
	"errors"
	"fmt"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio/stats"
)

// A Column is one column of the statistics table: a portfolio, a benchmark
// or a same-cash-flows benchmark, by name.
type Column struct {
	Name    string
	Summary *stats.Summary // required
	// Relative holds the column's statistics against a benchmark (beta,
	// alpha, ...); nil leaves those rows blank for the column.
	Relative *benchmark.RelativeStats
}

// Statistics shows the statistics of each column side by side, as an HTML
// table and as aligned text: period, money, returns, risk, best and worst
// days and months, and the relative statistics of the columns that have
// them. Returns are percentages rounded to two decimals, ratios to two
// decimals; an undefined figure is "–", with its reason as the HTML cell's
// tooltip.
func Statistics(cols ...Column) error { return gonb.Statistics(cols...) }

// Statistics is the package-level Statistics on d.
func (d *Display) Statistics(cols ...Column) error {
	t, err := statisticsTable(cols)
	if err != nil {
		return err
	}
	return d.HTML(t.html(), t.text())
}

// statRow is one row of the statistics table: its name and how to get the
// cell of a column.
type statRow struct {
	name     string
	relative bool // a row of RelativeStats
	cell     func(Column) cell
}

var statRows = []statRow{
	{name: "Start", cell: func(c Column) cell { return cell{text: day(c.Summary.Start)} }},
	{name: "End", cell: func(c Column) cell { return cell{text: day(c.Summary.End)} }},
	{name: "Years", cell: func(c Column) cell { return cell{text: ratio(c.Summary.Years)} }},
	{name: "End value", cell: func(c Column) cell { return cell{text: money(c.Summary.EndValue)} }},
	{name: "Net contributions", cell: func(c Column) cell { return cell{text: money(c.Summary.NetContributions)} }},
	{name: "P&L", cell: func(c Column) cell { return cell{text: money(c.Summary.PnL)} }},
	{name: "TWR", cell: func(c Column) cell { return figure(c.Summary.TWR, percent) }},
	{name: "TWR annualised", cell: func(c Column) cell { return figure(c.Summary.TWRAnnualised, percent) }},
	{name: "MWR (period)", cell: func(c Column) cell { return figure(c.Summary.MWR, percent) }},
	{name: "IRR (annual)", cell: func(c Column) cell { return figure(c.Summary.IRR, percent) }},
	{name: "Volatility (annual)", cell: func(c Column) cell { return figure(c.Summary.Volatility, percent) }},
	{name: "Sharpe", cell: func(c Column) cell { return figure(c.Summary.Sharpe, ratio) }},
	{name: "Sortino", cell: func(c Column) cell { return figure(c.Summary.Sortino, ratio) }},
	{name: "Max drawdown", cell: func(c Column) cell { return cell{text: percent(c.Summary.MaxDrawdown.Depth)} }},
	{name: "Drawdown peak", cell: func(c Column) cell { return cell{text: day(c.Summary.MaxDrawdown.Peak)} }},
	{name: "Drawdown trough", cell: func(c Column) cell { return cell{text: day(c.Summary.MaxDrawdown.Trough)} }},
	{name: "Recovered", cell: func(c Column) cell { return cell{text: day(c.Summary.MaxDrawdown.Recovery)} }},
	{name: "Calmar", cell: func(c Column) cell { return figure(c.Summary.Calmar, ratio) }},
	{name: "Best day", cell: func(c Column) cell { return dayReturn(c.Summary.BestDay) }},
	{name: "Worst day", cell: func(c Column) cell { return dayReturn(c.Summary.WorstDay) }},
	{name: "Best month", cell: func(c Column) cell { return monthReturn(c.Summary.BestMonth) }},
	{name: "Worst month", cell: func(c Column) cell { return monthReturn(c.Summary.WorstMonth) }},
	{name: "Positive months", cell: func(c Column) cell { return figure(c.Summary.PositiveMonths, percent) }},
	{name: "Beta", relative: true, cell: func(c Column) cell { return figure(c.Relative.Beta, ratio) }},
	{name: "Alpha (annual)", relative: true, cell: func(c Column) cell { return figure(c.Relative.Alpha, percent) }},
	{name: "Correlation", relative: true, cell: func(c Column) cell { return figure(c.Relative.Correlation, ratio) }},
	{name: "Tracking error", relative: true, cell: func(c Column) cell { return figure(c.Relative.TrackingError, percent) }},
	{name: "Information ratio", relative: true, cell: func(c Column) cell { return figure(c.Relative.InformationRatio, ratio) }},
	{name: "Up capture", relative: true, cell: func(c Column) cell { return figure(c.Relative.UpCapture, ratio) }},
	{name: "Down capture", relative: true, cell: func(c Column) cell { return figure(c.Relative.DownCapture, ratio) }},
}

// dayReturn is "1.23% on 1998-10-15".
func dayReturn(d stats.DayReturn) cell {
	c := figure(d.Return, percent)
	if c.reason == "" {
		c.text += " on " + day(d.Date)
	}
	return c
}

// monthReturn is "12.34% in 1998-10".
func monthReturn(m stats.MonthReturn) cell {
	c := figure(m.Return, percent)
	if c.reason == "" {
		c.text += fmt.Sprintf(" in %04d-%02d", m.Year, int(m.Month))
	}
	return c
}

func statisticsTable(cols []Column) (*table, error) {
	var errs []error
	if len(cols) == 0 {
		errs = append(errs, errors.New("notebook: statistics: no columns"))
	}
	anyRelative := false
	for i, c := range cols {
		if c.Summary == nil {
			errs = append(errs, fmt.Errorf("notebook: statistics: column %d (%q) has no summary", i, c.Name))
		}
		anyRelative = anyRelative || c.Relative != nil
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	t := &table{header: []string{""}}
	for _, c := range cols {
		t.header = append(t.header, c.Name)
	}
	for _, r := range statRows {
		if r.relative && !anyRelative {
			continue
		}
		row := tableRow{name: r.name}
		for _, c := range cols {
			if r.relative && c.Relative == nil {
				row.cells = append(row.cells, cell{text: ""})
				continue
			}
			row.cells = append(row.cells, r.cell(c))
		}
		t.rows = append(t.rows, row)
	}
	return t, nil
}
