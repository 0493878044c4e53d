package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/lots"
)

// options are the parsed command-line flags.
type options struct {
	tx string // transactions file (the first -tx); "" = the embedded sample
	// txFiles is every -tx given (files or folders), in order; mapFile is
	// -map, a column mapping for the CSV files.
	txFiles    []string
	mapFile    string
	sheet      string   // Excel sheet; "" = the first
	currency   string   // reporting currency, a major ISO code in upper case
	benchmarks []string // benchmark symbols, without duplicates
	// defaultBenchmarks is set when -benchmarks was left empty: an error
	// about a benchmark then says the user never asked for it.
	defaultBenchmarks bool
	from, to          time.Time
	source            string // "sample", "yahoo" or "csv:DIR"
	offline           bool   // Yahoo from the cache only
	adjusted          bool   // CSV closes are split-adjusted
	autoFund          bool   // count spending beyond the cash held as deposits
	out               string // HTML report path; "" = none
	echartsURL        string // -echarts when it is an http(s) URL
	echartsFile       string // -echarts when it is a local file to inline
	logScale          bool   // -log: the performance chart on a log scale
	xlsx              string // Excel workbook of the frames; "" = none
	// targets maps -out and -xlsx to the file each writes, symbolic links
	// followed; set by checkOutputs.
	targets  map[string]string
	riskFree float64
	// force replaces an existing output that is not one gofolio wrote
	// (see checkOverwrite).
	force bool
	// ratesFile is -rates: a FRED or HMRC file of exchange rates used
	// instead of the market data's; "" = the market data's.
	ratesFile string
	// timeout bounds each Yahoo Finance request; 0 = the yahoo package's
	// default.
	timeout time.Duration
	// settle is -settle: the currency the engine settles trades in
	// (portfolio.Config.Settle); "" = the engine's default.
	settle string
	// repair is -repair: fix the market data's repairable faults
	// (package quotes/quality) before building.
	repair bool
	// lots is -lots: how sales pick the shares they sell
	// (portfolio.Config.Lots, and the -gains report); gains is -gains,
	// taxYear -tax-year (see gains.go).
	lots    lots.Method
	gains   bool
	taxYear string
	// rebal is -targets and its options (see rebalance.go).
	rebal rebalanceFlags
	// contrib is -contrib: print the returns per holding and the
	// contributions (see contrib.go).
	contrib bool
	// accounts is -accounts: the accounts the report covers
	// (portfolio.Config.Accounts); empty: all of them (accounts.go).
	accounts []string
	// compare is -compare: each account alone beside the portfolio
	// (compare.go).
	compare bool
	// metaFile is -meta: the symbols' metadata (package quotes/meta) for
	// the allocation's groupings; "" = the source's own (meta.go).
	metaFile string
	// model is -model: a model portfolio to compare with (model.go).
	model modelFlag
}

// flagText holds the flags read as text and parsed once every flag is
// read: their checks need other flags, or give a better message than the
// flag package's.
type flagText struct {
	benchmarks, from, to, prices, echarts, riskFree, settle, lots, accounts string
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	// The flag package would print each parse error, and the usage after
	// it, before returning the error that main prints again: it stays
	// silent, and parseFlags prints the usage only where it helps (-h, an
	// unknown flag).
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var o options
	var text flagText
	o.defineInputFlags(fs, &text)
	o.defineOutputFlags(fs, &text)
	o.defineAnalysisFlags(fs, &text)
	o.rebal.define(fs)
	if err := fs.Parse(args); err != nil {
		// The flag package has no error type: its message for a flag it
		// does not know is the only way to tell that case.
		if errors.Is(err, flag.ErrHelp) || strings.HasPrefix(err.Error(), "flag provided but not defined") {
			printUsage(fs, stderr)
		}
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q (flags only; see -h)", fs.Arg(0))
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if err := o.checkFlags(text, set, stderr); err != nil {
		return nil, err
	}
	warnIneffective(&o, set, stderr)
	return &o, nil
}

// defineInputFlags defines the flags that say what to read: the
// transactions, the market data and the exchange rates.
func (o *options) defineInputFlags(fs *flag.FlagSet, text *flagText) {
	fs.Var((*txList)(&o.txFiles), "tx", "transactions `file` (.xlsx or .csv, gofolio's layout or a broker's export) or folder of them; repeat for several accounts; default: the embedded sample portfolio")
	fs.StringVar(&o.mapFile, "map", "", "column mapping `file` (JSON) for CSV files in another layout (see README, \"Column mapping\")")
	fs.StringVar(&o.sheet, "sheet", "", "Excel `sheet` to read; default: the first visible sheet")
	fs.StringVar(&o.source, "source", "sample", "market data `source`: sample, yahoo or csv:DIR; none prints the holdings and cash per account from the transactions alone")
	fs.StringVar(&text.prices, "prices", "", "`DIR` of CSV prices (same as -source csv:DIR)")
	fs.BoolVar(&o.offline, "offline", false, "with -source yahoo: use only the cache, never the network")
	fs.BoolVar(&o.adjusted, "split-adjusted", false, "with -source csv:DIR: the closes and dividends are split-adjusted, as in a Yahoo download")
	fs.StringVar(&o.ratesFile, "rates", "", "exchange rates `file` (FRED daily or HMRC monthly CSV) to convert with, instead of the market data's")
	fs.DurationVar(&o.timeout, "timeout", 0, "with -source yahoo: the longest one request may take, e.g. 45s; default: 30s")
	fs.BoolVar(&o.repair, "repair", false, "repair the market data's faults that can be repaired with confidence (unit switches, a missing split, a doubled or missing split adjustment, zero closes), listing every row changed")
	fs.StringVar(&text.accounts, "accounts", "", "comma-separated `accounts` to report on alone (a TRANSFER from or to another is then a deposit or withdrawal); default: all of them together")
	fs.StringVar(&o.metaFile, "meta", "", "symbols' metadata `file` (CSV: symbol, name, asset_class, sector, region, country ...) to group the allocation by; default: symbols.csv of a -source csv:DIR, the sample's own")
	fs.BoolVar(&o.autoFund, "auto-deposit", false, "count money spent beyond the cash held as deposited that day (for files that list trades but no deposits)")
}

// defineOutputFlags defines the flags that say what to write and where.
func (o *options) defineOutputFlags(fs *flag.FlagSet, text *flagText) {
	fs.StringVar(&o.out, "out", "report.html", "HTML report `file` to write; empty for none")
	fs.StringVar(&text.echarts, "echarts", "", "ECharts script: an http(s) `URL` to load, or a local file to inline; default: the pinned CDN URL")
	fs.StringVar(&o.xlsx, "xlsx", "", "also write the holdings and performance frames to this Excel `file`")
	fs.BoolVar(&o.logScale, "log", false, "draw the report's performance chart as the growth of 1 on a log scale (its interactive chart has a toggle)")
	fs.BoolVar(&o.force, "force", false, "replace an existing -out or -xlsx file even when gofolio did not write it")
	fs.BoolVar(&o.gains, "gains", false, "print the capital gains: every disposal and a summary per tax year (UK years with -lots uk, else calendar years)")
	fs.StringVar(&o.taxYear, "tax-year", "", "with -gains: only this tax `year` (2022/23 for a UK year, 2022 for a calendar year)")
	fs.BoolVar(&o.contrib, "contrib", false, "print each holding's TWR, MWR and contribution to the TWR over the window, the contributions by quote currency and by each field of the symbols' metadata, and with -model the Brinson-Fachler effects against it")
	fs.BoolVar(&o.compare, "compare", false, "show each account alone (each of -accounts, else every account) beside the portfolio in the performance chart and the statistics table")
}

// defineAnalysisFlags defines the flags that say how to compute the
// figures: the currencies, the window, the benchmarks and the cost basis.
func (o *options) defineAnalysisFlags(fs *flag.FlagSet, text *flagText) {
	fs.StringVar(&o.currency, "currency", "", "reporting `currency` (a major ISO code such as USD); default: GBP for the embedded sample portfolio (no -tx), else USD")
	fs.StringVar(&text.benchmarks, "benchmarks", "", "comma-separated benchmark `symbols`; empty for the default: ^DJI on the sample, else ^GSPC; \",\" for none")
	fs.StringVar(&text.from, "from", "", "first `date` (YYYY-MM-DD) of the report's figures, statistics and charts; default: the first transaction")
	fs.StringVar(&text.to, "to", "", "`date` (YYYY-MM-DD) the report is as of: later transactions are left out; default: the last day of the market data")
	fs.StringVar(&text.settle, "settle", "", "settle trades in this `currency` (a major ISO code) rather than each symbol's quote currency")
	fs.StringVar(&text.lots, "lots", "average", "cost-basis `method`: average, fifo, lifo, hifo, specific (SELL rows name the lot), uk (HMRC share identification) or us (FIFO with wash sales)")
	fs.StringVar(&o.model.file, "model", "", "model portfolio `file` of weights (symbol,weight in percent, CASH for cash, as -targets), rebalanced daily: shown beside the portfolio as a benchmark, and its Brinson-Fachler attribution with -contrib and in the report")
	// -riskfree is read as a string and parsed in checkFlags, so that
	// "abc" gets the same hint as any other bad rate, not the flag
	// package's "parse error".
	fs.StringVar(&text.riskFree, "riskfree", "", "annual risk-free `rate` for Sharpe and Sortino, as a fraction: 0.03 for 3%; default: 0")
}

// checkFlags parses the flags read as text and checks the flags together,
// once parsed: set holds the flags given. The first problem is the error.
func (o *options) checkFlags(text flagText, set map[string]bool, stderr io.Writer) error {
	if err := o.checkSource(text.prices, set, stderr); err != nil {
		return err
	}
	if err := o.parseWindow(text.from, text.to); err != nil {
		return err
	}
	if err := o.parseLots(text.lots); err != nil {
		return err
	}
	var err error
	if o.riskFree, err = parseRiskFree(text.riskFree); err != nil {
		return err
	}
	if o.echartsURL, o.echartsFile, err = parseECharts(text.echarts); err != nil {
		return err
	}
	o.accounts = splitList(text.accounts)
	if err := o.parseCurrencies(text.settle); err != nil {
		return err
	}
	if o.timeout < 0 || (set["timeout"] && o.timeout == 0) {
		return fmt.Errorf("-timeout %v: want a positive duration such as 45s or 2m", o.timeout)
	}
	o.benchmarks, o.defaultBenchmarks = chooseBenchmarks(text.benchmarks, o.source == "sample")
	return o.rebal.parse(set, stderr)
}

// checkSource sets -source from -prices, takes the first -tx as the
// transactions file and checks -source and -map.
func (o *options) checkSource(prices string, set map[string]bool, stderr io.Writer) error {
	if prices != "" {
		if set["source"] {
			return fmt.Errorf("-prices %s and -source %s both name the market data: give one (-prices DIR is -source csv:DIR)", prices, o.source)
		}
		o.source = "csv:" + prices
	}
	if len(o.txFiles) > 0 {
		o.tx = o.txFiles[0]
	}
	if o.mapFile != "" && len(o.txFiles) == 0 {
		return errors.New("-map needs -tx: the mapping reads those files")
	}
	switch {
	case o.source == "none":
		noneOutputs(o, set, stderr)
	case o.source == "sample", o.source == "yahoo":
	case strings.HasPrefix(o.source, "csv:") && len(o.source) > len("csv:"):
	default:
		return fmt.Errorf("-source %q: want sample, yahoo, csv:DIR or none", o.source)
	}
	return nil
}

// parseWindow parses -from and -to (from, to as given), which must be in
// that order.
func (o *options) parseWindow(from, to string) error {
	var err error
	if o.from, err = parseDate("-from", from); err != nil {
		return err
	}
	if o.to, err = parseDate("-to", to); err != nil {
		return err
	}
	if !o.from.IsZero() && !o.to.IsZero() && o.to.Before(o.from) {
		return fmt.Errorf("-to %s is before -from %s", to, from)
	}
	return nil
}

// parseLots parses -lots; -tax-year asks for the gains of that year, so
// it turns -gains on.
func (o *options) parseLots(name string) error {
	var err error
	if o.lots, err = lots.ParseMethod(name); err != nil {
		return fmt.Errorf("-lots %s", strings.TrimPrefix(err.Error(), "lots: "))
	}
	if o.taxYear != "" && !o.gains {
		o.gains = true
	}
	return nil
}

// parseCurrencies normalises -currency, defaulting it (GBP for the
// embedded sample on its own market data, else USD), and -settle when
// given.
func (o *options) parseCurrencies(settle string) error {
	if o.currency == "" {
		o.currency = "USD"
		if o.tx == "" && o.source == "sample" {
			o.currency = "GBP"
		}
	}
	var err error
	if o.currency, err = parseCurrency("-currency", o.currency); err != nil {
		return err
	}
	if settle != "" {
		if o.settle, err = parseCurrency("-settle", settle); err != nil {
			return err
		}
	}
	return nil
}

// chooseBenchmarks parses -benchmarks (s as given). An empty (or blank)
// -benchmarks is the default, ^DJI on the sample's market data
// (sampleData), else ^GSPC, and isDefault says so; "," lists no symbol
// and so asks for none.
func chooseBenchmarks(s string, sampleData bool) (symbols []string, isDefault bool) {
	if strings.TrimSpace(s) != "" {
		return splitList(s), false
	}
	if sampleData {
		return []string{"^DJI"}, true
	}
	return []string{"^GSPC"}, true
}

// warnIneffective prints one line on stderr for each flag that was given
// but does nothing with the others: a silently ignored flag makes the user
// believe the report reflects it.
func warnIneffective(o *options, set map[string]bool, stderr io.Writer) {
	warn := func(format string, args ...any) { fmt.Fprintf(stderr, "warning: "+format+"\n", args...) }
	if o.offline && o.source != "yahoo" {
		warn("-offline has no effect without -source yahoo")
	}
	if o.adjusted && !strings.HasPrefix(o.source, "csv:") {
		warn("-split-adjusted has no effect without -source csv:DIR (or -prices DIR)")
	}
	switch {
	case o.sheet == "":
	case o.tx == "":
		warn("-sheet has no effect without -tx (the embedded sample is CSV)")
	case strings.EqualFold(filepath.Ext(o.tx), ".csv"):
		warn("-sheet has no effect on a CSV file (%s)", o.tx)
	}
	if set["timeout"] && o.source != "yahoo" {
		warn("-timeout has no effect without -source yahoo")
	}
	if o.model.file != "" && o.source == "none" {
		warn("-model has no effect with -source none (no market data to value the model with)")
	}
	if set["echarts"] && o.out == "" {
		warn("-echarts has no effect without an HTML report (-out is empty)")
	}
}

// printUsage prints the usage, which fs is told not to print itself.
func printUsage(fs *flag.FlagSet, w io.Writer) {
	fmt.Fprintln(w, "usage: go run ./examples/report [flags]\n\nWith no flags: the embedded sample portfolio, offline, reported in GBP against ^DJI.\n\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// splitList splits a comma-separated flag (-benchmarks, -accounts) into
// its items, dropping empty ones and repeats (the first occurrence keeps
// its place): a benchmark given twice would be fetched once but shown as
// two identical columns.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" && !slices.Contains(out, item) {
			out = append(out, item)
		}
	}
	return out
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

// parseRiskFree parses -riskfree and rejects rates that are surely a
// mistake (analysis.CheckRiskFree, the check analysis.Run makes): a
// percentage written as a number (3 for 3%) would silently make every
// Sharpe and Sortino ratio meaningless.
func parseRiskFree(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	r, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		r = math.NaN() // not a number: the same hint as any other bad rate
	}
	if err := analysis.CheckRiskFree(r); err != nil {
		return 0, fmt.Errorf("-riskfree %s: %w", s, err)
	}
	return r, nil
}

// parseECharts splits -echarts into an http(s) URL or a local file. Any
// other scheme is rejected here: taken as a file name, "ftp://host/e.js"
// would fail later with a baffling "no such file".
func parseECharts(s string) (urlStr, file string, err error) {
	if s == "" {
		return "", "", nil
	}
	scheme, _, isURL := strings.Cut(s, "://")
	if !isURL {
		return "", s, nil
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
	default:
		return "", "", fmt.Errorf("-echarts %s: %q URLs are not supported: want an http(s) URL, or the path of a local file to inline", s, scheme)
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", "", fmt.Errorf("-echarts %s: not a valid URL: want one such as %s", s, "https://cdn.example.org/echarts.min.js")
	}
	return s, "", nil
}

// parseCurrency normalises -currency or -settle, named by flagName ("gbp"
// is GBP), and rejects what cannot be a reporting or settlement currency.
// Whether the market data can convert to it is checked once the source is
// open (see checkCurrency).
func parseCurrency(flagName, s string) (string, error) {
	c, err := fx.Normalize(s)
	if err != nil {
		return "", fmt.Errorf("%s %q: want a 3-letter ISO code such as USD, GBP or EUR", flagName, s)
	}
	if major, factor, _ := fx.Major(c); factor != 1 {
		verb := "report"
		if flagName == "-settle" {
			verb = "settle"
		}
		return "", fmt.Errorf("%s %s: that is a minor unit (1/%g of %s): %s in %s instead", flagName, c, 1/factor, major, verb, major)
	}
	return c, nil
}
