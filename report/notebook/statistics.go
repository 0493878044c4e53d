package notebook

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/report"
)

// A Column is one column of the statistics table: a portfolio, a benchmark
// or a same-cash-flows benchmark, by name.
type Column struct {
	Name    string
	Summary *stats.Summary // required
	// MoneyOnly marks a same-cash-flows benchmark: only its money figures
	// (end value, contributions, P&L) and money-weighted returns (MWR,
	// IRR) show. Its time-weighted figures are exactly the index's (it
	// holds nothing else), so they are left blank rather than repeated.
	MoneyOnly bool
	// TimeOnly marks a column with time-weighted figures alone (a model
	// portfolio's index): its money and money-weighted figures would be
	// the index's, so they are left blank.
	TimeOnly bool
	// Relative holds the column's statistics against a benchmark (beta,
	// alpha, ...), shown in a second table, in a column headed "Name
	// against Against": under Name in the first table they would read as
	// that column's own. nil: none.
	Relative *benchmark.RelativeStats
	// Against names the benchmark Relative is measured against; "" reads
	// "the benchmark".
	Against string
}

// Statistics shows the statistics of each column side by side, as an HTML
// table and as aligned text: period, money, returns, risk, best and worst
// days and months. The relative statistics of the columns that have them
// follow in a table of their own, one column per comparison. Returns are
// percentages rounded to two decimals, ratios to two decimals; an
// undefined figure is "–", with its reason as the HTML cell's tooltip; a
// figure that does not apply to a column (a MoneyOnly column's
// time-weighted ones) is blank. The output also carries every column's
// figures as StatsRecord and RelativeRecord lines, in a MIME type of their
// own (MIMERecords) that front ends and nbconvert do not show, for
// checking a notebook's figures against the Go API.
func Statistics(cols ...Column) error { return gonb.Statistics(cols...) }

// Statistics is the package-level Statistics on d.
func (d *Display) Statistics(cols ...Column) error { return d.statistics(cols, true) }

// statistics is Statistics, with the columns' records when records is
// set: a comparison (Compare) shows columns the notebook's statistics
// cell has recorded already.
func (d *Display) statistics(cols []Column, records bool) error {
	t, rel, err := statisticsTables(cols)
	if err != nil {
		return err
	}
	b := Bundle{MIMEHTML: t.html(), MIMEPlain: t.text()}
	if records {
		b[MIMERecords] = columnRecords(cols)
	}
	if rel != nil {
		b[MIMEHTML] += "\n<br>\n" + rel.html()
		b[MIMEPlain] += "\n" + rel.text()
	}
	return d.send(b)
}

// columnRecords are the machine-readable lines of cols, one a line: each
// column's StatsRecord under its name, then, for each column with relative
// statistics, its RelativeRecord named "Name vs Against".
func columnRecords(cols []Column) string {
	var b strings.Builder
	for _, c := range cols {
		b.WriteString(StatsRecord(c.Name, c.Summary) + "\n")
	}
	for _, c := range cols {
		if c.Relative != nil {
			b.WriteString(RelativeRecord(c.Name+" vs "+againstName(c), c.Relative) + "\n")
		}
	}
	return b.String()
}

// againstName is what c's relative statistics are measured against.
func againstName(c Column) string {
	if c.Against == "" {
		return "the benchmark"
	}
	return c.Against
}

// The kinds of statistics rows: which columns each applies to.
const (
	anyColumn    = iota // the period: every column
	moneyRow            // money and money-weighted: every column
	timeWeighted        // every column but a MoneyOnly one
	relativeRow         // the relative table
)

// statRow is one row of the statistics tables: its name, which columns it
// applies to and how to get the cell of a column.
type statRow struct {
	name string
	kind int
	cell func(Column) cell
}

// statRowsFor lists the tables' rows: the columns' period, then the
// report's statistics (report.SummaryStatistics, the one definition the
// HTML report and the terminal use too; a dated figure shows its date),
// the drawdown's dates and best and worst months, which only a notebook
// shows, and the report's relative statistics (report.RelativeStatistics).
func statRowsFor(first *stats.Summary) []statRow {
	rows := []statRow{
		{name: "Start", kind: anyColumn, cell: func(c Column) cell { return cell{text: day(c.Summary.Start)} }},
		{name: "End", kind: anyColumn, cell: func(c Column) cell { return cell{text: day(c.Summary.End)} }},
		{name: "Years", kind: anyColumn, cell: func(c Column) cell { return cell{text: ratio(c.Summary.Years)} }},
	}
	for _, st := range report.SummaryStatistics(first) {
		kind := timeWeighted
		if st.Applies == report.MoneyFigure {
			kind = moneyRow
		}
		rows = append(rows, statRow{name: st.Name, kind: kind, cell: func(c Column) cell {
			out := figure(st.Value(c.Summary), formatter(st.Format))
			if st.Date != nil && out.reason == "" {
				out.text += " on " + day(st.Date(c.Summary))
			}
			return out
		}})
	}
	rows = append(rows,
		statRow{name: "Drawdown peak", kind: timeWeighted, cell: func(c Column) cell { return cell{text: day(c.Summary.MaxDrawdown.Peak)} }},
		statRow{name: "Drawdown trough", kind: timeWeighted, cell: func(c Column) cell { return cell{text: day(c.Summary.MaxDrawdown.Trough)} }},
		statRow{name: "Recovered", kind: timeWeighted, cell: func(c Column) cell { return cell{text: day(c.Summary.MaxDrawdown.Recovery)} }},
		statRow{name: "Best month", kind: timeWeighted, cell: func(c Column) cell { return monthReturn(c.Summary.BestMonth) }},
		statRow{name: "Worst month", kind: timeWeighted, cell: func(c Column) cell { return monthReturn(c.Summary.WorstMonth) }},
	)
	for _, st := range report.RelativeStatistics {
		rows = append(rows, statRow{name: st.Name, kind: relativeRow, cell: func(c Column) cell {
			return figure(st.Value(c.Relative), formatter(st.Format))
		}})
	}
	return rows
}

// formatter is how a notebook writes a number of format f.
func formatter(f report.Format) func(float64) string {
	switch f {
	case report.Money:
		return money
	case report.Percent:
		return percent
	default:
		return ratio
	}
}

// monthReturn is "12.34% in 1998-10".
func monthReturn(m stats.MonthReturn) cell {
	c := figure(m.Return, percent)
	if c.reason == "" {
		c.text += fmt.Sprintf(" in %04d-%02d", m.Year, int(m.Month))
	}
	return c
}

// statisticsTables lays cols out as the statistics table and, when any
// column has relative statistics, the relative table (else nil).
func statisticsTables(cols []Column) (t, rel *table, err error) {
	var errs []error
	if len(cols) == 0 {
		errs = append(errs, errors.New("notebook: statistics: no columns"))
	}
	for i, c := range cols {
		if c.Summary == nil {
			errs = append(errs, fmt.Errorf("notebook: statistics: column %d (%q) has no summary", i, c.Name))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	t = &table{header: []string{""}}
	for _, c := range cols {
		t.header = append(t.header, c.Name)
	}
	var relCols []Column
	for _, c := range cols {
		if c.Relative != nil {
			relCols = append(relCols, c)
		}
	}
	if len(relCols) > 0 {
		rel = &table{header: []string{""}}
		for _, c := range relCols {
			rel.header = append(rel.header, c.Name+" against "+againstName(c))
		}
	}
	for _, r := range statRowsFor(cols[0].Summary) {
		if r.kind == relativeRow {
			if rel != nil {
				rel.rows = append(rel.rows, statRowOf(r, relCols))
			}
			continue
		}
		t.rows = append(t.rows, statRowOf(r, cols))
	}
	return t, rel, nil
}

// statRowOf is row r of cols, blank where r does not apply.
func statRowOf(r statRow, cols []Column) tableRow {
	row := tableRow{name: r.name}
	for _, c := range cols {
		if r.kind == timeWeighted && c.MoneyOnly || r.kind == moneyRow && c.TimeOnly {
			row.cells = append(row.cells, cell{text: ""})
			continue
		}
		row.cells = append(row.cells, r.cell(c))
	}
	return row
}
