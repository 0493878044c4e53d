package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// options are the parsed command-line flags.
type options struct {
	tx         string   // transactions file; "" = the embedded sample
	sheet      string   // Excel sheet; "" = the first
	currency   string   // reporting currency
	benchmarks []string // benchmark symbols
	from, to   time.Time
	source     string // "sample", "yahoo" or "csv:DIR"
	offline    bool   // Yahoo from the cache only
	adjusted   bool   // CSV closes are split-adjusted
	autoFund   bool   // count spending beyond the cash held as deposits
	out        string // HTML report path; "" = none
	echarts    string // ECharts script URL or local file to inline
	xlsx       string // Excel workbook of the frames; "" = none
	riskFree   float64
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./examples/report [flags]\n\nWith no flags: the embedded sample portfolio, offline, reported in GBP against ^DJI.\n\nFlags:")
		fs.PrintDefaults()
	}
	var o options
	var benchmarks, from, to, prices string
	fs.StringVar(&o.tx, "tx", "", "transactions `file` (.xlsx or .csv); default: the embedded sample portfolio")
	fs.StringVar(&o.sheet, "sheet", "", "Excel `sheet` to read; default: the first")
	fs.StringVar(&o.currency, "currency", "", "reporting `currency` (ISO code); default: GBP for the sample, else USD")
	fs.StringVar(&benchmarks, "benchmarks", "", "comma-separated benchmark `symbols`; default: ^DJI on the sample, else ^GSPC")
	fs.StringVar(&from, "from", "", "first `date` (YYYY-MM-DD) of the report's statistics and charts; default: the first transaction")
	fs.StringVar(&to, "to", "", "last `date` (YYYY-MM-DD); default: the last day of the market data")
	fs.StringVar(&o.source, "source", "sample", "market data: sample, yahoo or csv:`DIR`")
	fs.StringVar(&prices, "prices", "", "`DIR` of CSV prices (same as -source csv:DIR)")
	fs.BoolVar(&o.offline, "offline", false, "with -source yahoo: use only the cache, never the network")
	fs.BoolVar(&o.adjusted, "split-adjusted", false, "with -source csv:DIR: the closes and dividends are split-adjusted, as in a Yahoo download")
	fs.StringVar(&o.out, "out", "report.html", "HTML report `file` to write; empty for none")
	fs.StringVar(&o.echarts, "echarts", "", "ECharts script: a `URL` to load, or a local file to inline; default: the pinned CDN URL")
	fs.StringVar(&o.xlsx, "xlsx", "", "also write the holdings and performance frames to this Excel `file`")
	fs.BoolVar(&o.autoFund, "auto-deposit", false, "count money spent beyond the cash held as deposited that day (for files that list trades but no deposits)")
	fs.Float64Var(&o.riskFree, "riskfree", 0, "annual risk-free `rate` for Sharpe and Sortino, e.g. 0.03")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q (flags only; see -h)", fs.Arg(0))
	}
	if prices != "" {
		o.source = "csv:" + prices
	}
	switch {
	case o.source == "sample", o.source == "yahoo":
	case strings.HasPrefix(o.source, "csv:") && len(o.source) > len("csv:"):
	default:
		return nil, fmt.Errorf("-source %q: want sample, yahoo or csv:DIR", o.source)
	}
	var err error
	if o.from, err = parseDate("-from", from); err != nil {
		return nil, err
	}
	if o.to, err = parseDate("-to", to); err != nil {
		return nil, err
	}
	if !o.from.IsZero() && !o.to.IsZero() && o.to.Before(o.from) {
		return nil, fmt.Errorf("-to %s is before -from %s", to, from)
	}
	for _, b := range strings.Split(benchmarks, ",") {
		if b = strings.TrimSpace(b); b != "" {
			o.benchmarks = append(o.benchmarks, b)
		}
	}
	sampleData := o.source == "sample"
	if o.currency == "" {
		o.currency = "USD"
		if o.tx == "" && sampleData {
			o.currency = "GBP"
		}
	}
	if len(o.benchmarks) == 0 && benchmarks == "" {
		o.benchmarks = []string{"^GSPC"}
		if sampleData {
			o.benchmarks = []string{"^DJI"}
		}
	}
	return &o, nil
}

func parseDate(flagName, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q: want a date as YYYY-MM-DD", flagName, s)
	}
	return t, nil
}
