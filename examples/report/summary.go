package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/report"
)

// printSummary writes the holdings table and the headline figures.
//
// The headline figures and the statistics are both over the -from/-to
// window (j.analysis.Performance), as in the HTML report, and say so: figures of different
// periods side by side would not add up. The holdings are a position on the
// last day, so their realized P&L and dividends are to date, and say so
// when -from makes that differ from the window.
func printSummary(w io.Writer, j *job) error {
	res := j.result
	whole := res.Performance
	last := whole.Len() - 1
	cur := res.Currency
	start, end := whole.Dates[0].Format(time.DateOnly), whole.Dates[last].Format(time.DateOnly)
	windowed := j.analysis.Performance.Dates[0].After(whole.Dates[0])
	fmt.Fprintf(w, "gofolio: %s\n", j.txName)
	days := fmt.Sprintf("%d trading days", whole.Len())
	if whole.Len() == 1 {
		days = "1 trading day"
	}
	fmt.Fprintf(w, "market data: %s; reporting currency: %s; %s to %s (%s)\n\n",
		j.sourceName, cur, start, end, days)

	since := ""
	if windowed {
		since = "; realized and dividends since " + start
	}
	fmt.Fprintf(w, "Holdings on %s (money in %s; price in the quote currency%s)\n", end, cur, since)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "symbol\tquantity\tprice\tvalue\tcost\tunrealized\trealized\tdividends\tweight\t")
	for _, p := range j.analysis.Holdings { // on the last day, the window's too
		fmt.Fprintf(tw, "%s\t%s\t%s %s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", p.Symbol, quantity(p.Quantity),
			p.QuoteCurrency, money(p.Close), money(p.Value), money(p.CostBasis), money(p.Unrealized),
			money(p.Realized), money(p.Dividends), percent(p.Weight))
	}
	// The positions' weights are of the total value, cash included; without
	// a cash row they would not add up to 100%.
	fmt.Fprintf(tw, "cash\t\t\t%s\t\t\t\t\t%s\t\n", money(whole.Cash[last]), percent(cashWeight(whole)))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "cash: %s\n", cashLine(j))
	if !windowed {
		// What the holdings' columns do not explain, so that the table
		// adds up to the P&L below.
		h, other := res.Holdings, whole.PnL[last]
		for si := range h.Symbols {
			p := h.At(si, last)
			other -= p.Unrealized + p.Realized + p.Dividends
		}
		fmt.Fprintf(w, "P&L outside the holdings (fees, interest, taxes, exchange-rate changes on cash): %s %s\n", cur, money(other))
	}
	fmt.Fprintln(w)

	perf := j.analysis.Performance
	n := perf.Len() - 1
	from, to := perf.Dates[0].Format(time.DateOnly), perf.Dates[n].Format(time.DateOnly)
	if windowed {
		fmt.Fprintf(w, "From %s (-from) to %s, the value on %s counting as contributed that day\n", from, to, from)
	} else {
		fmt.Fprintf(w, "From %s to %s\n", from, to)
	}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v string) { fmt.Fprintf(tw, "%s\t%s\n", k, v) }
	if windowed {
		row("Opening value", cur+" "+money(perf.Value[0]))
	}
	row("Total value", cur+" "+money(perf.Value[n]))
	row("Net contributions", cur+" "+money(perf.NetContributions[n]))
	row("Profit and loss", cur+" "+money(perf.PnL[n]))
	row("Time-weighted return", percent(perf.CumulativeReturn[n]))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nStatistics from %s to %s (risk-free rate %s)\n", from, to, percent(j.opts.riskFree))
	if err := printStatistics(w, j.input.Statistics, j.input.Relative); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return nil
}

// cashWeight is the share of the last day's value held as cash, NaN when
// the portfolio is worth nothing (as Position.Weight is then).
func cashWeight(perf *portfolio.Performance) float64 {
	last := perf.Len() - 1
	if perf.Value[last] <= 0 {
		return math.NaN()
	}
	return perf.Cash[last] / perf.Value[last]
}

// cashLine lists the cash held in each currency on the last day.
func cashLine(j *job) string {
	res := j.result
	last := res.Performance.Len() - 1
	var ccys []string
	for c := range res.Cash {
		ccys = append(ccys, c)
	}
	sort.Strings(ccys)
	var parts []string
	for _, c := range ccys {
		if b := res.Cash[c][last]; b != 0 {
			parts = append(parts, c+" "+money(b))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ") + fmt.Sprintf(" (%s %s in all)", res.Currency, money(res.Performance.Cash[last]))
}

func money(x float64) string    { return report.Money.Text(x) }
func percent(x float64) string  { return report.Percent.Text(x) }
func quantity(q float64) string { return strconv.FormatFloat(q, 'f', -1, 64) }

// printStatistics writes the report's statistics tables: the portfolio,
// each benchmark and each same-cash-flows benchmark side by side, then
// the portfolio's statistics relative to each benchmark in a table of
// their own, so that a beta never sits under a benchmark's name as if it
// were the benchmark's. Why a figure is "–" is listed once under both.
func printStatistics(w io.Writer, st, rel report.Statistics) error {
	cells, notes := report.StatisticsCells(st, rel)
	if err := printStatTable(w, st.Columns, st.Rows, cells[0]); err != nil {
		return err
	}
	if len(rel.Columns) > 0 {
		what := "each benchmark"
		if len(rel.Columns) == 1 {
			what = rel.Columns[0]
		}
		fmt.Fprintf(w, "\nThe portfolio relative to %s\n", what)
		cols := make([]string, len(rel.Columns))
		for i, c := range rel.Columns {
			cols[i] = "Portfolio against " + c
		}
		if err := printStatTable(w, cols, rel.Rows, cells[1]); err != nil {
			return err
		}
	}
	for k, why := range notes {
		if _, err := fmt.Fprintf(w, "  [%d] %s\n", k+1, why); err != nil {
			return err
		}
	}
	return nil
}

// printStatTable writes one statistics table, its cells as formatted:
// numbers right-aligned, the row names padded to read left-aligned.
func printStatTable(w io.Writer, columns []string, rows []report.StatRow, cells [][]string) error {
	width := 0
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r.Name))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", width-utf8.RuneCountInString(s)) }
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t%s\t\n", pad(""), strings.Join(columns, "\t"))
	for i, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t\n", pad(r.Name), strings.Join(cells[i], "\t"))
	}
	return tw.Flush()
}
