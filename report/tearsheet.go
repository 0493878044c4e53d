package report

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes"
)

// TearsheetOptions configures Tearsheet.
type TearsheetOptions struct {
	// Currency is the reporting currency, a major ISO code. Required.
	Currency string
	// Benchmarks are the symbols, in src, to compare the portfolio with.
	Benchmarks []string
	// Rates converts between currencies; nil loads them from src
	// (fx.Load: Yahoo-style pairs such as GBPUSD=X), as a Yahoo or CSV
	// source holds them.
	Rates portfolio.Rates
	// Sheet is the Excel sheet to read; "" is the first visible one.
	Sheet string
	// Analysis is the window and risk-free rate (analysis.Options); its To
	// is also the last day built.
	Analysis analysis.Options
	// Title is the page's title; "" is "Portfolio report: " and the path.
	Title string
	// Page says how the page loads ECharts (Options).
	Page Options
}

// Tearsheet writes to w the HTML report of the transactions file at txPath
// (.xlsx or .csv, txfile.Read) priced from src, in one call:
// txfile.Read, portfolio.Fetch, the benchmarks' series from src,
// the exchange rates, portfolio.Build, analysis.Run, NewInput and Write. It
// is the Go equivalent of QuantStats' qs.reports.html(returns, "^GSPC").
// Its errors are the first failing step's, which lists every problem of
// its own (every bad row of the file, every unknown symbol).
func Tearsheet(ctx context.Context, w io.Writer, txPath string, src quotes.Source, opts TearsheetOptions) error {
	if opts.Currency == "" {
		return errors.New("report: Tearsheet: TearsheetOptions.Currency (the reporting currency) is required")
	}
	if err := opts.Analysis.Check(); err != nil {
		return err
	}
	txs, err := txfile.Read(txPath, txfile.Options{Sheet: opts.Sheet})
	if err != nil {
		return err
	}
	to := opts.Analysis.To
	series, err := portfolio.Fetch(ctx, src, txs, to)
	if err != nil {
		return err
	}
	benchmarks, err := portfolio.FetchBenchmarks(ctx, src, opts.Benchmarks, txs, to)
	if err != nil {
		return fmt.Errorf("report: Tearsheet: benchmarks: %w", err)
	}
	rates := opts.Rates
	if rates == nil {
		if rates, err = fx.Load(ctx, src, opts.Currency, portfolio.Currencies(txs, series, benchmarks), portfolio.FirstDate(txs), to); err != nil {
			return err
		}
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: opts.Currency, Series: series, Rates: rates, To: to})
	if err != nil {
		return err
	}
	a, err := analysis.Run(res, benchmarks, opts.Analysis)
	if err != nil {
		return err
	}
	title := opts.Title
	if title == "" {
		title = "Portfolio report: " + txPath
	}
	in, err := NewInput(a, InputOptions{Title: title})
	if err != nil {
		return err
	}
	return Write(w, in, opts.Page)
}
