package notebooks

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/sample"
)

// wantRecords lists the records each notebook must print, by key.
var wantRecords = map[string][]string{
	"portfolio.ipynb": {`STATS "Portfolio"`, `RELATIVE "Portfolio vs ^DJI"`},
	"tearsheet.ipynb": {`STATS "Portfolio"`, `STATS "^DJI same cash flows"`, `RELATIVE "Portfolio vs ^DJI"`},
}

func sourceNotebooks(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("*.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no notebooks in notebooks/")
	}
	return paths
}

func TestEveryNotebookHasExpectedRecords(t *testing.T) {
	for _, path := range sourceNotebooks(t) {
		if _, ok := wantRecords[path]; !ok {
			t.Errorf("%s: not in wantRecords; list the STATS and RELATIVE lines it prints", path)
		}
	}
}

func TestSourceNotebooksAreClean(t *testing.T) {
	for _, path := range sourceNotebooks(t) {
		nb, err := readNotebook(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range sourceProblems(nb) {
			t.Errorf("%s: %s", path, p)
		}
	}
}

// TestExecutedNotebooks checks the copies run.sh executed into
// $GOFOLIO_NOTEBOOKS_OUT ($GOFOLIO_NOTEBOOKS lists which, space-separated;
// default every notebook).
func TestExecutedNotebooks(t *testing.T) {
	dir := os.Getenv("GOFOLIO_NOTEBOOKS_OUT")
	if dir == "" {
		t.Skip("GOFOLIO_NOTEBOOKS_OUT is not set: notebooks/run.sh executes the notebooks with Jupyter and gonb, then runs this test on them")
	}
	names := strings.Fields(os.Getenv("GOFOLIO_NOTEBOOKS"))
	if len(names) == 0 {
		names = sourceNotebooks(t)
	}
	want := apiRecords(t)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			nb, err := readNotebook(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range executionProblems(nb) {
				t.Error(p)
			}
			got, err := records(nb)
			if err != nil {
				t.Error(err)
			}
			compareRecords(t, got, wantRecords[name], want)
		})
	}
}

// compareRecords checks that got holds exactly the records named by keys,
// each with the fields and values of want[key].
func compareRecords(t testing.TB, got []record, keys []string, want map[string]map[string]float64) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range got {
		k := r.key()
		if seen[k] {
			t.Errorf("%s printed twice", k)
		}
		seen[k] = true
		if !slices.Contains(keys, k) {
			t.Errorf("%s: not a record this notebook should print", k)
			continue
		}
		w := want[k]
		for field, wv := range w {
			gv, ok := r.Fields[field]
			switch {
			case !ok:
				t.Errorf("%s: %s missing", k, field)
			case !(gv == wv || math.IsNaN(gv) && math.IsNaN(wv)):
				t.Errorf("%s: %s = %v, the Go API gives %v", k, field, gv, wv)
			}
		}
		for field := range r.Fields {
			if _, ok := w[field]; !ok {
				t.Errorf("%s: unexpected field %s", k, field)
			}
		}
	}
	for _, k := range keys {
		if !seen[k] {
			t.Errorf("%s not printed", k)
		}
	}
}

// apiRecords computes, with the Go API and the notebooks' default
// configuration (the embedded sample portfolio and market, GBP, against
// ^DJI, no risk-free rate), the figures each record must hold.
func apiRecords(t *testing.T) map[string]map[string]float64 {
	t.Helper()
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
	a, err := analysis.Run(res, []*quotes.Series{dji}, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	summary, sameCashSummary, rel := a.Summary, a.Benchmarks[0].SameCashFlowsSummary, a.Benchmarks[0].Relative
	return map[string]map[string]float64{
		`STATS "Portfolio"`:            summaryFields(summary),
		`STATS "^DJI same cash flows"`: summaryFields(sameCashSummary),
		`RELATIVE "Portfolio vs ^DJI"`: relativeFields(rel),
	}
}

func summaryFields(s *stats.Summary) map[string]float64 {
	return map[string]float64{
		"twr":               s.TWR.Value,
		"twr_annualised":    s.TWRAnnualised.Value,
		"irr":               s.IRR.Value,
		"volatility":        s.Volatility.Value,
		"sharpe":            s.Sharpe.Value,
		"sortino":           s.Sortino.Value,
		"max_drawdown":      s.MaxDrawdown.Depth,
		"calmar":            s.Calmar.Value,
		"end_value":         s.EndValue,
		"net_contributions": s.NetContributions,
		"pnl":               s.PnL,
	}
}

func relativeFields(r *benchmark.RelativeStats) map[string]float64 {
	return map[string]float64{
		"beta":              r.Beta.Value,
		"alpha":             r.Alpha.Value,
		"correlation":       r.Correlation.Value,
		"tracking_error":    r.TrackingError.Value,
		"information_ratio": r.InformationRatio.Value,
		"up_capture":        r.UpCapture.Value,
		"down_capture":      r.DownCapture.Value,
	}
}
