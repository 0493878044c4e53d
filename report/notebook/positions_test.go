package notebook

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/perf"
)

// positionsAnalysis holds, on its one date, A (10 shares at 50 USD worth
// 400 GBP, cost 300), B (sold, 20 realized) and cash of 100 GBP and 500
// GBP's worth of USD: the portfolio is worth 400 + 100 + 500 = 1,000 GBP.
func positionsAnalysis() *analysis.Analysis {
	day := time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)
	return &analysis.Analysis{
		Result:      &portfolio.Result{Currency: "GBP"},
		Performance: &perf.Frame{Currency: "GBP", Dates: []time.Time{day}, Value: []float64{1000}, Cash: []float64{600}},
		Holdings: []portfolio.Position{
			{Symbol: "A", QuoteCurrency: "USD", Quantity: 10, Close: 50, Value: 400, CostBasis: 300, Unrealized: 100, Dividends: 5, Weight: 0.4},
			{Symbol: "B", QuoteCurrency: "USD", Realized: 20},
		},
		CashByCurrency: map[string]float64{"USD": 500, "GBP": 100},
	}
}

// TestPositionsCashAndWeights: one cash row per currency, weights of value
// over the portfolio's value that add up to 100%:
// A 400/1000 = 40.00%, cash GBP 100/1000 = 10.00%, cash USD 500/1000 = 50.00%;
// A's unrealized 100/300 = 33.33%.
func TestPositionsCashAndWeights(t *testing.T) {
	d, got := capture()
	if err := d.Positions(positionsAnalysis()); err != nil {
		t.Fatal(err)
	}
	text := (*got)[0][MIMEPlain]
	for _, want := range []string{
		`(?m)^\s*A\s+USD\s+10\s+50\.00\s+400\.00\s+40\.00%\s+300\.00\s+100\.00\s+33\.33%\s+0\.00\s+5\.00\s*$`,
		`(?m)^\s*B\s+USD\s+0\s+0\.00\s+0\.00\s+0\.00%\s+0\.00\s+0\.00\s+20\.00\s+0\.00\s*$`,
		`(?m)^\s*Cash GBP\s+GBP\s+100\.00\s+10\.00%\s*$`,
		`(?m)^\s*Cash USD\s+USD\s+500\.00\s+50\.00%\s*$`,
		`(?m)^\s*Total\s+1,000\.00\s+100\.00%\s+300\.00\s+100\.00\s+33\.33%\s+20\.00\s+5\.00\s*$`,
		`Value GBP`,
	} {
		if !regexp.MustCompile(want).MatchString(text) {
			t.Errorf("positions lack %s:\n%s", want, text)
		}
	}
	if strings.Index(text, "Cash GBP") > strings.Index(text, "Cash USD") {
		t.Error("cash rows not sorted by currency")
	}
	if !strings.Contains((*got)[0][MIMEHTML], "<td style=\"text-align:right\">1,000.00</td>") {
		t.Errorf("HTML lacks the total:\n%s", (*got)[0][MIMEHTML])
	}
}

// TestPositionsCashWithoutRates: without a rate for every currency the
// frame's cash shows as one row, 600/1000 = 60.00%.
func TestPositionsCashWithoutRates(t *testing.T) {
	a := positionsAnalysis()
	a.CashByCurrency = nil
	d, got := capture()
	if err := d.Positions(a); err != nil {
		t.Fatal(err)
	}
	if text := (*got)[0][MIMEPlain]; !regexp.MustCompile(`(?m)^\s*Cash\s+600\.00\s+60\.00%\s*$`).MatchString(text) {
		t.Errorf("no single cash row:\n%s", text)
	}
	if err := d.Positions(&analysis.Analysis{}); err == nil {
		t.Error("no error for an empty analysis")
	}
}
