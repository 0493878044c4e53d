package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/workbook"
	"github.com/gofolio/gofolio/report"
)

// gains matches the built portfolio's trades by -lots (Result.Gains:
// the prices the engine used, each blank currency the one it settled the
// row in, converted with the rates the portfolio was built with: -rates,
// HMRC's monthly rates for a UK return). Without market data, see
// printGainsWithoutMarket.
func gains(j *job) (*lots.Report, error) {
	return j.result.Gains(j.opts.lots, j.opts.settle)
}

// printGains prints the capital gains (-gains): the disposals, then a
// summary per tax year; -tax-year keeps one year.
func printGains(w io.Writer, j *job) error {
	rep, err := gains(j)
	if err != nil {
		return fmt.Errorf("capital gains: %w", err)
	}
	return writeGains(w, rep, j.opts.taxYear, report.GainsScope(j.opts.accounts, portfolio.Accounts(j.result.Transactions)))
}

// writeGains writes rep's disposals and tax years (only year's, when
// year is not ""), each of notes on a line under the heading.
func writeGains(w io.Writer, rep *lots.Report, year string, notes ...string) error {
	years := rep.Years
	if year != "" {
		years = nil
		for _, y := range rep.Years {
			if y.Label == year {
				years = append(years, y)
			}
		}
		if len(years) == 0 {
			return fmt.Errorf("-tax-year %s: no disposal in it; the years with disposals are %s", year, yearLabels(rep.Years))
		}
	}
	fmt.Fprintf(w, "\nCapital gains (-lots %s; money in %s)\n", rep.Method, rep.Currency)
	for _, n := range notes {
		if n != "" {
			fmt.Fprintln(w, n)
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "date\tsymbol\tquantity\tproceeds\tcosts\tgain\tmatched\t")
	for _, d := range rep.Disposals {
		if year != "" && (d.Date.Before(years[0].Start) || d.Date.After(years[0].End)) {
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", d.Date.Format(time.DateOnly), d.Symbol, quantity(d.Quantity),
			money(d.Proceeds), money(d.Costs), money(d.Gain), d.Matched())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return writeYears(w, rep.Method, years)
}

// writeYears writes the tax-year summary: UK years with the annual exempt
// amount, US years with short and long term apart; then each note of the
// years (lots.TaxYear.Note: a UK year before 2008/09) once, with the years
// it is of (report.YearNotes).
func writeYears(w io.Writer, m lots.Method, years []lots.TaxYear) error {
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "tax year\tdisposals\tproceeds\tcosts\tgains\tlosses\tnet\t"
	switch m {
	case lots.UK:
		head += "exempt\ttaxable\t"
	case lots.US:
		head += "short term\tlong term\twash sales\t"
	}
	fmt.Fprintln(tw, head)
	for _, y := range years {
		row := fmt.Sprintf("%s\t%d\t%s\t%s\t%s\t%s\t%s\t", y.Label, y.Disposals, money(y.Proceeds), money(y.Costs),
			money(y.Gains), money(y.Losses), money(y.Net))
		switch m {
		case lots.UK:
			row += money(y.Exempt) + "\t" + money(y.Taxable) + "\t"
		case lots.US:
			row += money(y.ShortTerm) + "\t" + money(y.LongTerm) + "\t" + money(y.WashDisallowed) + "\t"
		}
		fmt.Fprintln(tw, row)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range report.YearNotes(years) {
		fmt.Fprintln(w, n)
	}
	return nil
}

func yearLabels(years []lots.TaxYear) string {
	if len(years) == 0 {
		return "none"
	}
	var ls []string
	for _, y := range years {
		ls = append(ls, y.Label)
	}
	return strings.Join(ls, ", ")
}

// writeWorkbook writes the -xlsx workbook: the frames, and with -gains
// the disposals and tax years (workbook.WriteGains).
func writeWorkbook(w io.Writer, j *job) error {
	if !j.opts.gains {
		return workbook.Write(w, j.result)
	}
	rep, err := gains(j)
	if err != nil {
		return fmt.Errorf("capital gains: %w", err)
	}
	return workbook.WriteGains(w, j.result, rep)
}

// printGainsWithoutMarket prints the capital gains of the file's rows
// alone, with no market data (for -source none): lots.Match on txs, a
// blank currency meaning the reporting currency (there is no quote
// currency to fall back on), other currencies converted with the -rates
// file (HMRC's monthly rates for a UK return).
func printGainsWithoutMarket(w io.Writer, txs []portfolio.Transaction, o *options) error {
	var rates lots.Rates
	if o.ratesFile != "" {
		conv, err := ratesFromFile(o)
		if err != nil {
			return err
		}
		rates = conv
	}
	rep, err := lots.Match(txs, lots.Options{Method: o.lots, Currency: o.currency, Rates: rates})
	if err != nil {
		return fmt.Errorf("capital gains: %w", err)
	}
	return writeGains(w, rep, o.taxYear, report.GainsScope(o.accounts, portfolio.Accounts(txs)))
}

// warnUnusedLots says, on stderr, that the file's lot column does nothing
// with -lots other than specific or us: SELL rows naming lots would
// otherwise be matched by another rule without a word.
func warnUnusedLots(stderr io.Writer, j *job) {
	if m := j.opts.lots; m == lots.Specific || m == lots.US {
		return
	}
	for _, tx := range j.txs {
		if tx.Kind == portfolio.Sell && tx.Lot != "" {
			fmt.Fprintf(stderr, "warning: the lot column (%s: %q) is used only with -lots specific or us; -lots %s ignores it\n",
				tx.Origin, tx.Lot, j.opts.lots)
			return
		}
	}
}
