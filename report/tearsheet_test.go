package report

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/quotes/sample"
)

// TestTearsheetChecksWhatItIsGivenFirst: the options are checked before
// the file is read, each error naming what is wrong.
func TestTearsheetChecksWhatItIsGivenFirst(t *testing.T) {
	const missing = "no-such-dir/transactions.csv"
	for _, c := range []struct {
		opts TearsheetOptions
		want string
	}{
		{TearsheetOptions{}, "TearsheetOptions.Currency (the reporting currency) is required"},
		{TearsheetOptions{Currency: "GBP", Analysis: analysis.Options{RiskFree: 3}}, "Options.RiskFree 3: want a fraction, e.g. 0.03 for 3%"},
		{TearsheetOptions{Currency: "GBP"}, missing},
	} {
		err := Tearsheet(context.Background(), io.Discard, missing, sample.Market(), c.opts)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want %q", c.opts, err, c.want)
		}
	}
}

// TestTearsheetUnknownBenchmark: a benchmark the source lacks is named.
func TestTearsheetUnknownBenchmark(t *testing.T) {
	err := Tearsheet(context.Background(), io.Discard, "../quotes/sample/data/sample-portfolio.csv", sample.Market(),
		TearsheetOptions{Currency: "GBP", Benchmarks: []string{"^NOPE"}, Rates: sample.FX()})
	if err == nil || !strings.Contains(err.Error(), "^NOPE") {
		t.Errorf("error %v, want ^NOPE named", err)
	}
}
