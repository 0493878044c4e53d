package main

import (
	"fmt"
	"time"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/report"
)

// analyse computes the statistics over the -from/-to window and the
// report's input (which adds the benchmarks' statistics, the
// same-cash-flows benchmarks and the relative statistics).
func analyse(j *job) error {
	o := j.opts
	perf := j.result.Performance.Window(o.from, o.to)
	if perf == nil {
		return noWindow(o, j.result.Performance)
	}
	// The same-cash-flows benchmarks must see the window's flows, with the
	// opening value as the first deposit, not the whole history's.
	windowed := *j.result
	windowed.Performance, windowed.Flows = perf, perf.Flows()
	opts := stats.Options{RiskFree: o.riskFree}
	sum, err := stats.Compute(perf, opts)
	if err != nil {
		return err
	}
	var benches []report.Benchmark
	for _, s := range j.benchmarks {
		idx, err := benchmark.Align(s, perf.Dates, o.currency, j.rates)
		if err != nil {
			return fmt.Errorf("benchmark %s: %w", s.Symbol, err)
		}
		benches = append(benches, report.Benchmark{Index: idx})
	}
	title := "Portfolio report"
	if o.tx != "" {
		title = "Portfolio report: " + o.tx
	}
	in, err := report.NewInput(&windowed, sum, benches, report.InputOptions{Title: title, Stats: opts, Rates: j.rates})
	if err != nil {
		return err
	}
	in.DataQuality = report.NewDataQuality(j.quality.findings, j.quality.changes)
	j.perf, j.summary, j.input = perf, sum, in
	return nil
}

// analysed is what analyse adds to a job.
type analysed struct {
	perf    *portfolio.Performance // the -from/-to window
	summary *stats.Summary
	input   *report.Input
}

// noWindow is the error for a -from/-to window without a trading day. The
// frame ends on or before -to (the engine stops there) and every transaction
// is on or before -to, so the window can only be empty because -from is
// after the frame's last day. An unset -to is named by what stands in for
// it, never printed as a zero date.
func noWindow(o *options, whole *portfolio.Performance) error {
	if whole.Len() == 0 {
		return fmt.Errorf("-from %s: the portfolio has no trading day at all", o.from.Format(time.DateOnly))
	}
	last := whole.Dates[whole.Len()-1].Format(time.DateOnly)
	if o.to.IsZero() {
		return fmt.Errorf("-from %s is after the end of the market data (%s): no trading day to report on",
			o.from.Format(time.DateOnly), last)
	}
	return fmt.Errorf("no trading day from -from %s to -to %s: the portfolio's last trading day is %s",
		o.from.Format(time.DateOnly), o.to.Format(time.DateOnly), last)
}
