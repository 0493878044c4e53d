package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gofolio/gofolio/portfolio/attribution"
	"github.com/gofolio/gofolio/report"
)

// printContributions prints (-contrib) each holding's returns over the
// window and its contribution to the portfolio's TWR, then the
// contributions by group (analysis.ContributionByGroup): both add up to
// the window's TWR.
func printContributions(w io.Writer, j *job) error {
	a := j.analysis
	perf := a.Performance
	from, to := perf.Dates[0].Format(time.DateOnly), perf.Dates[perf.Len()-1].Format(time.DateOnly)
	// Beside -compare's accounts alone, say which portfolio these are of.
	of := report.AccountsCovered(j.result)
	if of != "" {
		of = " of " + of + ","
	}
	fmt.Fprintf(w, "Returns per holding%s from %s to %s (in %s; MWR not annualised, over the days held; contributions linked, adding up to the TWR)\n",
		of, from, to, j.result.Currency)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "symbol\tTWR\tMWR\tcontribution\tstart value\tbought\tsold\tdividends\tend value\t")
	var total float64
	for _, h := range a.HoldingReturns {
		total += h.Contribution
		if h.Symbol == attribution.Cash {
			fmt.Fprintf(tw, "cash\t\t\t%s\t%s\t\t\t\t%s\t\n", percent(h.Contribution), money(h.Start), money(h.End))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", h.Symbol, optPercent(h.TWR), optPercent(h.MWR), percent(h.Contribution),
			money(h.Start), money(h.Bought), money(h.Sold), money(h.Dividends), money(h.End))
	}
	fmt.Fprintf(tw, "total\t%s\t\t%s\t\t\t\t\t\t\n", percent(perf.CumulativeReturn[perf.Len()-1]), percent(total))
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, c := range a.Contributions {
		fmt.Fprintf(w, "\nContribution by %s\n", strings.ToLower(c.Title))
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "group\tcontribution\tsymbols")
		for _, g := range c.Groups {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", g.Group, percent(g.Contribution), strings.Join(g.Symbols, ", "))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintln(w)
	return printEffects(w, a) // model.go
}

// optPercent is percent, "–" for NaN (no rate of return).
func optPercent(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return percent(x)
}
