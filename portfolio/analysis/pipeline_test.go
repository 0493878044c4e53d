package analysis

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/sample"
)

// TestRunIsThePipeline: on the embedded sample, over a window, Run's
// figures are exactly (to the bit) those of the calls it replaces, made one
// by one as the package comment lists them.
func TestRunIsThePipeline(t *testing.T) {
	ctx := context.Background()
	txs, err := txfile.ReadCSV(bytes.NewReader(sample.Transactions()), txfile.Options{Name: sample.TransactionsFile})
	if err != nil {
		t.Fatal(err)
	}
	market := sample.Market()
	series, err := portfolio.Fetch(ctx, market, txs, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: sample.Currency, Series: series, Rates: sample.FX()})
	if err != nil {
		t.Fatal(err)
	}
	dji, err := market.Series(ctx, sample.Benchmark, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{From: quotes.Date(1995, 6, 1), RiskFree: 0.02}
	a, err := Run(res, []*quotes.Series{dji}, opts)
	if err != nil {
		t.Fatal(err)
	}

	so := stats.Options{RiskFree: 0.02}
	perf := res.Performance.Window(opts.From, time.Time{})
	sum, err := stats.Compute(perf, so)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := benchmark.Align(dji, perf.Dates, sample.Currency, sample.FX())
	if err != nil {
		t.Fatal(err)
	}
	rel, err := benchmark.Against(perf, idx, so)
	if err != nil {
		t.Fatal(err)
	}
	same, err := benchmark.SameCashFlows(idx, perf.Flows(), perf.Dates)
	if err != nil {
		t.Fatal(err)
	}
	sameSum, err := stats.Compute(same, so)
	if err != nil {
		t.Fatal(err)
	}
	b := a.Benchmarks[0]
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"summary", a.Summary, sum},
		{"index", b.Index, idx},
		{"relative", b.Relative, rel},
		{"same cash flows", b.SameCashFlows, same},
		{"same cash flows summary", b.SameCashFlowsSummary, sameSum},
	} {
		// Printed, since NaN (an undefined figure) is not equal to itself.
		if g, w := fmt.Sprintf("%+v", c.got), fmt.Sprintf("%+v", c.want); g != w {
			t.Errorf("%s differs from the pipeline's", c.name)
		}
	}
}
