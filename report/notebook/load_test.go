package notebook

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/sample"
)

// TestLoadIsTheSteps: Load with the sample settings gives the figures of
// the steps written out (read, fetch, build, analyse).
func TestLoadIsTheSteps(t *testing.T) {
	ctx := context.Background()
	got, err := Load(ctx, Settings{Market: Sample, Benchmarks: []string{sample.Benchmark}, Currency: sample.Currency})
	if err != nil {
		t.Fatal(err)
	}
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
	want, err := analysis.Run(res, []*quotes.Series{dji}, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if StatsRecord("p", got.Analysis.Summary) != StatsRecord("p", want.Summary) {
		t.Errorf("summary\n%s\nwant\n%s", StatsRecord("p", got.Analysis.Summary), StatsRecord("p", want.Summary))
	}
	g, w := got.Analysis.Benchmarks[0], want.Benchmarks[0]
	if RelativeRecord("r", g.Relative) != RelativeRecord("r", w.Relative) ||
		StatsRecord("s", g.SameCashFlowsSummary) != StatsRecord("s", w.SameCashFlowsSummary) {
		t.Error("the benchmark's figures differ from the steps'")
	}
	if len(got.Transactions) != len(txs) || len(got.Benchmarks) != 1 || got.Result.Currency != sample.Currency {
		t.Errorf("loaded %d transactions, %d benchmarks, in %s", len(got.Transactions), len(got.Benchmarks), got.Result.Currency)
	}
}

func TestLoadErrors(t *testing.T) {
	ctx := context.Background()
	_, err := Load(ctx, Settings{Market: "google", Currency: "GBP"})
	if err == nil || !strings.Contains(err.Error(), `"google"`) {
		t.Errorf("unknown market: %v", err)
	}
	_, err = Load(ctx, Settings{Transactions: "/nonexistent/tx.csv", Market: Sample, Currency: "GBP"})
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/tx.csv") {
		t.Errorf("missing file: %v", err)
	}
	_, err = Load(ctx, Settings{Market: Sample, Benchmarks: []string{"NOPE"}, Currency: "GBP"})
	if err == nil || !strings.Contains(err.Error(), "NOPE") {
		t.Errorf("unknown benchmark: %v", err)
	}
}

// TestFirstBenchmark: a tearsheet without a benchmark is an error saying
// where to name one, not an index out of range.
func TestFirstBenchmark(t *testing.T) {
	if _, err := FirstBenchmark(&analysis.Analysis{}); err == nil || !strings.Contains(err.Error(), "Settings.Benchmarks") {
		t.Errorf("err = %v", err)
	}
	want := analysis.Benchmark{Symbol: "^DJI"}
	if got, err := FirstBenchmark(&analysis.Analysis{Benchmarks: []analysis.Benchmark{want}}); err != nil || got.Symbol != "^DJI" {
		t.Errorf("got %v, %v", got.Symbol, err)
	}
}

// TestLoadAccounts: Settings.Accounts reaches Build: the sample's rows
// name no account (""), so selecting it gives the consolidated figures,
// and naming another is Build's error listing the accounts.
func TestLoadAccounts(t *testing.T) {
	ctx := context.Background()
	s := Settings{Market: Sample, Currency: sample.Currency}
	all, err := Load(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	s.Accounts = []string{""}
	one, err := Load(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if StatsRecord("p", one.Analysis.Summary) != StatsRecord("p", all.Analysis.Summary) {
		t.Error("the sample's one account differs from the consolidated portfolio")
	}
	s.Accounts = []string{"ISA"}
	if _, err := Load(ctx, s); err == nil || !strings.Contains(err.Error(), `Config.Accounts names "ISA": an account no transaction belongs to (the accounts: "")`) {
		t.Errorf("got %v", err)
	}
}
