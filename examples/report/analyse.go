package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/report"
)

// analyse runs the one analysis step (analysis.Run) over the -from/-to
// window against the benchmarks, and lays it out as the report's input.
func analyse(j *job) error {
	o := j.opts
	a, err := analysis.Run(j.result, j.benchmarks, analysis.Options{From: o.from, To: o.to, RiskFree: o.riskFree, Lots: o.lots, Settle: o.settle, Meta: j.meta, Model: j.model})
	if errors.Is(err, analysis.ErrEmptyWindow) {
		return noWindow(o, j.result.Performance)
	}
	if err != nil {
		return err
	}
	title := "Portfolio report"
	if o.tx != "" {
		title = "Portfolio report: " + o.tx
	}
	if label := accountsLabel(o); label != "" {
		title += " (" + label + ")"
	}
	in, err := report.NewInput(a, report.InputOptions{Title: title})
	if err != nil {
		return err
	}
	in.DataQuality = report.NewDataQuality(j.quality.findings, j.quality.changes)
	j.analysis, j.input = a, in
	return nil
}

// analysed is what analyse adds to a job.
type analysed struct {
	analysis *analysis.Analysis // over the -from/-to window
	input    *report.Input
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
