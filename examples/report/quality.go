package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/quality"
)

// qualityFound is what checkQuality found and, with -repair, changed.
type qualityFound struct {
	findings []quality.Finding
	changes  []quality.Change
}

// checkQuality checks the market data the report uses (the holdings'
// series, the benchmarks and j.extra: the -model and -targets symbols not
// traded) before Build values anything, prints each finding on stderr, the
// largest effect first, and returns the series to build with: with
// -repair, those quality.Repair fixed (every changed row printed, and the
// benchmarks and j.extra replaced too), else series unchanged.
func (j *job) checkQuality(series map[string]*quotes.Series, stderr io.Writer) map[string]*quotes.Series {
	all := maps.Clone(series)
	for _, b := range j.benchmarks {
		if _, ok := all[b.Symbol]; !ok {
			all[b.Symbol] = b
		}
	}
	for sym, x := range j.extra {
		if _, ok := all[sym]; !ok {
			all[sym] = x
		}
	}
	j.quality.findings = j.withoutSplitRows(quality.Check(all, quality.Options{}))
	repairable := 0
	for _, f := range j.quality.findings {
		fmt.Fprintln(stderr, "data quality:", f)
		if f.Repairable {
			repairable++
		}
	}
	if !j.opts.repair {
		if repairable > 0 {
			fmt.Fprintf(stderr, "data quality: %d finding(s) marked repairable: rerun with -repair to fix them\n", repairable)
		}
		return series
	}
	repaired, changes := quality.Repair(all, j.quality.findings)
	j.quality.changes = changes
	for _, c := range changes {
		fmt.Fprintln(stderr, "repaired:", c)
	}
	// A benchmark may also be held, its series fetched over other dates:
	// it gets the same repairs on its own copy (rows listed above).
	bench := make(map[string]*quotes.Series, len(j.benchmarks))
	for i, b := range j.benchmarks {
		bench["\x00"+strconv.Itoa(i)] = b
	}
	fixed, _ := quality.Repair(bench, j.quality.findings)
	for i := range j.benchmarks {
		j.benchmarks[i] = fixed["\x00"+strconv.Itoa(i)]
	}
	j.extra, _ = quality.Repair(j.extra, j.quality.findings)
	out := make(map[string]*quotes.Series, len(series))
	for sym := range series {
		out[sym] = repaired[sym]
	}
	return out
}

// withoutSplitRows drops the findings of a split missing from the data
// that a SPLIT row of the transactions supplies (within a week): the
// engine applies those rows, and would refuse one beside a split the
// repair added.
func (j *job) withoutSplitRows(found []quality.Finding) []quality.Finding {
	week := 7 * 24 * time.Hour
	supplied := func(f quality.Finding) bool {
		return f.Kind == quality.MissingSplit && slices.ContainsFunc(j.txs, func(tx portfolio.Transaction) bool {
			return tx.Kind == portfolio.Split && tx.Symbol == f.Symbol && tx.Date.Sub(f.From).Abs() <= week
		})
	}
	return slices.DeleteFunc(found, supplied)
}
