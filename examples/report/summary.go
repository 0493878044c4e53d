package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gofolio/gofolio/report"
)

// printSummary writes the holdings table and the headline figures.
func printSummary(w io.Writer, j *job) error {
	res := j.result
	perf := res.Performance
	last := perf.Len() - 1
	cur := res.Currency
	fmt.Fprintf(w, "gofolio: %s\n", j.txName)
	fmt.Fprintf(w, "market data: %s; reporting currency: %s; %s to %s (%d trading days)\n\n",
		j.sourceName, cur, perf.Dates[0].Format(time.DateOnly), perf.Dates[last].Format(time.DateOnly), perf.Len())

	fmt.Fprintf(w, "Holdings on %s (money in %s; price in the quote currency)\n", perf.Dates[last].Format(time.DateOnly), cur)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "symbol\tquantity\tprice\tvalue\tcost\tunrealized\trealized\tdividends\tweight\t")
	for _, p := range res.Positions(-1) {
		fmt.Fprintf(tw, "%s\t%s\t%s %s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", p.Symbol, quantity(p.Quantity),
			p.QuoteCurrency, money(p.Close), money(p.Value), money(p.CostBasis), money(p.Unrealized),
			money(p.Realized), money(p.Dividends), percent(p.Weight))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "cash: %s\n\n", cashLine(j))

	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v string) { fmt.Fprintf(tw, "%s\t%s\n", k, v) }
	row("Total value", cur+" "+money(perf.Value[last]))
	row("Net contributions", cur+" "+money(perf.NetContributions[last]))
	row("Profit and loss", cur+" "+money(perf.PnL[last]))
	row("Time-weighted return", percent(perf.CumulativeReturn[last]))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nStatistics from %s to %s (risk-free rate %s)\n",
		j.perf.Dates[0].Format(time.DateOnly), j.perf.Dates[j.perf.Len()-1].Format(time.DateOnly), percent(j.opts.riskFree))
	if err := printStatistics(w, j.input.Statistics); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return nil
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

// printStatistics writes the report's statistics table: the portfolio, each
// benchmark and each same-cash-flows benchmark side by side.
func printStatistics(w io.Writer, st report.Statistics) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\t%s\t\n", strings.Join(st.Columns, "\t"))
	for _, r := range st.Rows {
		cells := make([]string, len(r.Values))
		for i, v := range r.Values {
			cells[i] = r.Format.Text(v)
		}
		fmt.Fprintf(tw, "%s\t%s\t\n", r.Name, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}
