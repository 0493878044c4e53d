package main

import (
	"fmt"

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
		return fmt.Errorf("no trading day between -from %s and -to %s", o.from.Format("2006-01-02"), o.to.Format("2006-01-02"))
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
	j.perf, j.summary, j.input = perf, sum, in
	return nil
}

// analysed is what analyse adds to a job.
type analysed struct {
	perf    *portfolio.Performance // the -from/-to window
	summary *stats.Summary
	input   *report.Input
}
