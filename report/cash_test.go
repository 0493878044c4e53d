package report

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/stats"
)

// TestCashRowPerCurrency: cash held in pounds and dollars is one row each,
// the amount in its own currency and the value in the reporting currency
// (issue 18: one "Cash GBP" row showed the total of both). $200 at 0.5 is
// £100; the rows' values add up to the £600 of cash.
func TestCashRowPerCurrency(t *testing.T) {
	rows := cashRows("GBP", 600, map[string]float64{"USD": 200, "GBP": 500}, map[string]float64{"USD": 100, "GBP": 500})
	if len(rows) != 2 {
		t.Fatalf("%d cash rows, want 2: %+v", len(rows), rows)
	}
	want := []struct {
		currency      string
		amount, value float64
	}{{"GBP", 500, 500}, {"USD", 200, 100}}
	for i, w := range want {
		r := rows[i]
		if !r.Cash || r.Symbol != "Cash" || r.Currency != w.currency || r.Quantity != w.amount || r.Value != w.value || !math.IsNaN(r.Cost) {
			t.Errorf("row %d: %+v, want cash %s %v worth %v", i, r, w.currency, w.amount, w.value)
		}
	}
	// without the conversion, one row of the total in the reporting currency
	rows = cashRows("GBP", 600, map[string]float64{"USD": 200, "GBP": 500}, nil)
	if len(rows) != 1 || rows[0].Currency != "GBP" || rows[0].Value != 600 {
		t.Errorf("without rates: %+v, want one GBP row of 600", rows)
	}
	if rows := cashRows("GBP", 0, nil, nil); len(rows) != 0 {
		t.Errorf("no cash: %+v, want no row", rows)
	}
}

// TestCashRowsInThePage: each cash row shows its amount as money in the
// quantity column, under its own currency.
func TestCashRowsInThePage(t *testing.T) {
	in := synthetic(2, 1)
	in.Holdings = append(in.Holdings, cashRows("GBP", 0, map[string]float64{"USD": 200.5, "GBP": 500}, map[string]float64{"USD": 100.25, "GBP": 500})...)
	page := render(t, in, Options{})
	for _, want := range []string{
		`<tr><td>Cash</td><td>GBP</td><td class="n">500.00</td>`,
		`<tr><td>Cash</td><td>USD</td><td class="n">200.50</td><td class="n">–</td><td class="n">100.25</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestWorstDrawdownsTable: each drawdown's dates, depth and days; one not
// recovered says so.
func TestWorstDrawdownsTable(t *testing.T) {
	in := synthetic(2, 1)
	d := func(m, day int) time.Time { return time.Date(2025, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	in.WorstDrawdowns = []DrawdownRow{
		{Peak: d(2, 3), Trough: d(3, 4), Recovery: d(5, 6), Depth: -0.2, Days: 92},
		{Peak: d(8, 1), Trough: d(9, 1), Depth: -0.05, Days: 30},
	}
	got := tableRows(t, render(t, in, Options{}), "drawdowns")
	want := [][]string{
		{"Peak", "Trough", "Recovered", "Depth", "Days"},
		{"2025-02-03", "2025-03-04", "2025-05-06", "-20.00%", "92"},
		{"2025-08-01", "2025-09-01", "not yet", "-5.00%", "30 so far"},
	}
	if strings.Join(flatten(got), "|") != strings.Join(flatten(want), "|") {
		t.Errorf("drawdowns table\n%q, want\n%q", got, want)
	}
	in.WorstDrawdowns = nil
	if strings.Contains(render(t, in, Options{}), `id="drawdowns"`) {
		t.Error("a drawdowns table without drawdowns")
	}
}

// TestYearlyBars: NewInput gives the portfolio's calendar-year returns and
// each benchmark's for the same years; the page draws them as a chart with
// a static image; a series of the wrong length is an input error.
func TestYearlyBars(t *testing.T) {
	in := synthetic(2, 3)
	in.YearlyYears = []int{2024, 2025}
	in.Yearly = []YearlySeries{{Name: "Portfolio", Returns: []float64{0.1, -0.05}}, {Name: "^DJI", Returns: []float64{math.NaN(), 0.02}}}
	page := render(t, in, Options{})
	if !strings.Contains(page, `<figure class="chart" id="yearly">`) || !strings.Contains(page, `alt="Yearly returns"`) {
		t.Error("no yearly returns figure with its static image")
	}
	in.Yearly[1].Returns = []float64{0.02}
	var ie *InputError
	if err := in.Validate(); !errors.As(err, &ie) || !strings.Contains(err.Error(), `yearly series "^DJI" has 1 returns for 2 years`) {
		t.Errorf("short yearly series: %v", err)
	}
}

// TestDividendsChart: a dividends figure with its static image when there
// are dividends; amounts and years of different lengths are an input error.
func TestDividendsChart(t *testing.T) {
	in := synthetic(2, 3)
	in.DividendYears, in.Dividends = []int{2024, 2025}, []float64{120, 0}
	if page := render(t, in, Options{}); !strings.Contains(page, `<figure class="chart" id="dividends">`) || !strings.Contains(page, `alt="Dividends per year (GBP)"`) {
		t.Error("no dividends figure with its static image")
	}
	in.Dividends = in.Dividends[:1]
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), "1 dividend amounts for 2 years") {
		t.Errorf("short dividends: %v", err)
	}
}

// TestRollingVolatilityChart: a time chart of each rolling volatility line,
// with its static image; a line of the wrong length is an input error.
func TestRollingVolatilityChart(t *testing.T) {
	in := synthetic(2, 3)
	in.RollingVolatility = rollingLines(t, in)
	if page := render(t, in, Options{}); !strings.Contains(page, `<figure class="chart" id="rolling-volatility">`) || !strings.Contains(page, `alt="Rolling volatility (annualised)"`) {
		t.Error("no rolling volatility figure with its static image")
	}
	in.RollingVolatility[0].Values = in.RollingVolatility[0].Values[:3]
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), `rolling volatility "6 months" has 3 values`) {
		t.Errorf("short rolling line: %v", err)
	}
}

// rollingLines are the 126- and 252-day rolling volatility of the
// synthetic portfolio's daily returns, (1 + c[t]) / (1 + c[t−1]) − 1 of its
// cumulative return c.
func rollingLines(t *testing.T, in *Input) []Line {
	t.Helper()
	c := in.Lines[0].Values
	daily := make([]float64, len(c))
	for i := 1; i < len(c); i++ {
		daily[i] = (1+c[i])/(1+c[i-1]) - 1
	}
	var out []Line
	for _, w := range []struct {
		name string
		n    int
	}{{"6 months", 126}, {"12 months", 252}} {
		v, err := stats.RollingVolatility(daily, w.n, stats.TradingDaysPerYear)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Line{Name: w.name, Dates: in.Dates, Values: v})
	}
	return out
}
