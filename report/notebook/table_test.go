package notebook

import (
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/report"
)

func TestShownRows(t *testing.T) {
	for _, c := range []struct {
		n, max int
		rows   []int
		gap    int
	}{
		{n: 3, max: 0, rows: []int{0, 1, 2}, gap: -1},
		{n: 3, max: 5, rows: []int{0, 1, 2}, gap: -1},
		{n: 10, max: 4, rows: []int{0, 1, 8, 9}, gap: 2},
		{n: 10, max: 5, rows: []int{0, 1, 2, 8, 9}, gap: 3},
	} {
		rows, gap := shownRows(c.n, c.max)
		if gap != c.gap || len(rows) != len(c.rows) {
			t.Errorf("shownRows(%d, %d) = %v, %d; want %v, %d", c.n, c.max, rows, gap, c.rows, c.gap)
			continue
		}
		for i := range rows {
			if rows[i] != c.rows[i] {
				t.Errorf("shownRows(%d, %d) = %v, want %v", c.n, c.max, rows, c.rows)
				break
			}
		}
	}
}

func TestFrame(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"2020-01-01", "2020-01-02", "2020-01-03"}, series.String, "date"),
		series.New([]float64{1234.5, 99.125, math.NaN()}, series.Float, "market_value"),
		series.New([]float64{0.0123456789, -0.5, 0}, series.Float, "daily_return"),
		series.New([]float64{1500, 2.5, 0.12345}, series.Float, "Quantity"),
		series.New([]float64{0.25, 0.5, 0.25}, series.Float, "Weight"),
		series.New([]string{"<b>", "x", "y"}, series.String, "Note"),
	)
	d, got := capture()
	if err := d.Frame(df, 2); err != nil {
		t.Fatal(err)
	}
	html, text := (*got)[0][MIMEHTML], (*got)[0][MIMEPlain]
	for _, want := range []string{
		">Market value</th>", // snake_case as words
		">Daily return</th>",
		">1,234.50<",  // money: thousands separators, two decimals
		">1.23%<",     // a return: a percentage, 0.0123456789 × 100 rounded
		">1,500<",     // a quantity: no trailing zeros
		">25.00%<",    // a weight
		">&lt;b&gt;<", // escaped
		"3 rows × 6 columns",
		"…",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("frame HTML lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, ">99.13<") || strings.Contains(html, "-50.00%") {
		t.Error("the middle row is shown although only 2 rows were asked for")
	}
	if !strings.Contains(html, ">–<") || strings.Contains(html, "NaN") {
		t.Errorf("NaN is not shown as –:\n%s", html)
	}
	// The text alternative is formatted the same, without 17-digit floats.
	for _, want := range []string{"Market value", "1,234.50", "1.23%", "0.1235"} {
		if !strings.Contains(text, want) {
			t.Errorf("frame text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "0.0123456789") || strings.Contains(text, "0.012346") {
		t.Errorf("frame text shows raw floats:\n%s", text)
	}
	bad := dataframe.DataFrame{Err: errStub("bad frame")}
	if err := d.Frame(bad, 0); err == nil {
		t.Error("a frame with an error was shown")
	}
}

func TestColumnTitle(t *testing.T) {
	for in, want := range map[string]string{
		"cost_basis": "Cost basis", "CostBasis": "Cost basis", "QuoteCurrency": "Quote currency",
		"pnl": "P&L", "unrealized_pnl": "Unrealized P&L", "date": "Date", "Symbol": "Symbol", "": "",
	} {
		if got := columnTitle(in); got != want {
			t.Errorf("columnTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

type errStub string

func (e errStub) Error() string { return string(e) }

func TestGroupThousands(t *testing.T) {
	for in, want := range map[float64]string{
		1234567.891: "1,234,567.89",
		-1234.5:     "-1,234.50",
		999:         "999.00",
		0.004:       "0.00",
		100000:      "100,000.00",
	} {
		if got := money(in); got != want {
			t.Errorf("money(%v) = %q, want %q", in, got, want)
		}
	}
	if got := money(math.NaN()); got != missing {
		t.Errorf("money(NaN) = %q", got)
	}
}

func testSummary() *stats.Summary {
	fig := func(v float64) stats.Figure { return stats.Figure{Value: v} }
	return &stats.Summary{
		Start:            time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		End:              time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC),
		Years:            1.0021,
		EndValue:         12345.678,
		NetContributions: 10000,
		PnL:              2345.678,
		TWR:              fig(0.23456),
		MWR:              fig(0.1875),
		IRR:              stats.Figure{Value: math.NaN(), Reason: "no sign change"},
		Sharpe:           fig(1.234),
		MaxDrawdown:      stats.Drawdown{Depth: -0.1},
		BestDay:          stats.DayReturn{Date: time.Date(2020, 3, 24, 0, 0, 0, 0, time.UTC), Return: fig(0.05)},
		BestMonth:        stats.MonthReturn{Year: 2020, Month: time.April, Return: fig(0.1)},
	}
}

func TestStatistics(t *testing.T) {
	d, got := capture()
	if err := d.Statistics(Column{Name: "Portfolio", Summary: testSummary()}); err != nil {
		t.Fatal(err)
	}
	text, html := (*got)[0][MIMEPlain], (*got)[0][MIMEHTML]
	for _, want := range []string{
		"12,345.68",           // end value
		"23.46%",              // TWR 0.23456
		"18.75%",              // MWR, not annualised
		"1.23",                // Sharpe
		"-10.00%",             // max drawdown
		"5.00% on 2020-03-24", // best day
		"10.00% in 2020-04",   // best month
		"2020-01-01",          // start
	} {
		if !strings.Contains(text, want) {
			t.Errorf("statistics text lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(html, `title="no sign change">–<`) {
		t.Errorf("the undefined IRR does not carry its reason:\n%s", html)
	}
	if strings.Contains(text, "Beta") {
		t.Error("relative rows shown without relative statistics")
	}
}

// TestStatisticsRelativeRows: the relative statistics are a table of
// their own, headed "<column> against <benchmark>", never rows under the
// first table's columns; a MoneyOnly (same-cash-flows) column shows its
// money figures and leaves the time-weighted ones, the index's, blank
// (issue 13.7).
func TestStatisticsRelativeRows(t *testing.T) {
	d, got := capture()
	rel := &benchmark.RelativeStats{Beta: stats.Figure{Value: 0.65}}
	err := d.Statistics(Column{Name: "Portfolio", Summary: testSummary(), Relative: rel, Against: "^DJI"},
		Column{Name: "^DJI same cash flows", Summary: testSummary(), MoneyOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	text, html := (*got)[0][MIMEPlain], (*got)[0][MIMEHTML]
	first, second, ok := strings.Cut(text, "\n\n")
	if !ok {
		t.Fatalf("one table, want two:\n%s", text)
	}
	if strings.Contains(first, "Beta") {
		t.Errorf("beta in the first table:\n%s", first)
	}
	if !strings.Contains(second, "Portfolio against ^DJI") || !regexp.MustCompile(`(?m)^\s*Beta\s+0\.65\s*$`).MatchString(second) {
		t.Errorf("relative table:\n%s", second)
	}
	if strings.Count(html, "<table") != 2 {
		t.Errorf("%d HTML tables, want 2", strings.Count(html, "<table"))
	}
	row := func(name string) []string {
		m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(name) + `  +(.*)$`).FindStringSubmatch(first)
		if m == nil {
			t.Fatalf("no %s row:\n%s", name, first)
		}
		return strings.Fields(m[1])
	}
	// The rows are the report's (report.SummaryStatistics), named as there.
	if f := row("Time-weighted return"); len(f) != 1 || f[0] != "23.46%" {
		t.Errorf("TWR row %q: want the portfolio's only", f)
	}
	if f := row("Final value"); len(f) != 2 {
		t.Errorf("Final value row %q: want both columns", f)
	}
	// The machine-readable figures ride along in a MIME type of their own,
	// out of the tables the reader sees.
	wantRecords := StatsRecord("Portfolio", testSummary()) + "\n" + StatsRecord("^DJI same cash flows", testSummary()) + "\n" +
		RelativeRecord("Portfolio vs ^DJI", rel) + "\n"
	if got := (*got)[0][MIMERecords]; got != wantRecords {
		t.Errorf("records:\n%s\nwant:\n%s", got, wantRecords)
	}
	if strings.Contains(text, "STATS") || strings.Contains(html, "STATS") {
		t.Error("the records show in the tables")
	}
}

func TestStatisticsErrors(t *testing.T) {
	d, got := capture()
	if err := d.Statistics(); err == nil {
		t.Error("no error without columns")
	}
	err := d.Statistics(Column{Name: "a"}, Column{Name: "b"})
	if err == nil || !strings.Contains(err.Error(), `"a"`) || !strings.Contains(err.Error(), `"b"`) {
		t.Errorf("error %v: want both columns without a summary named", err)
	}
	if len(*got) != 0 {
		t.Errorf("sent %d bundles", len(*got))
	}
}

// TestStatisticsRowsAreTheReports: every statistic of the report's tables
// (report.SummaryStatistics, report.RelativeStatistics) is a row of the
// notebook's, under the same name and in the same order, so that the two
// cannot drift apart.
func TestStatisticsRowsAreTheReports(t *testing.T) {
	d, got := capture()
	rel := &benchmark.RelativeStats{Beta: stats.Figure{Value: 0.65}}
	if err := d.Statistics(Column{Name: "Portfolio", Summary: testSummary(), Relative: rel}); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, line := range strings.Split((*got)[0][MIMEPlain], "\n") {
		if f := strings.Split(strings.TrimSpace(line), "  "); len(f) > 1 {
			names = append(names, f[0])
		}
	}
	var want []string
	for _, st := range report.SummaryStatistics(testSummary()) {
		want = append(want, st.Name)
	}
	for _, st := range report.RelativeStatistics {
		want = append(want, st.Name)
	}
	i := 0
	for _, n := range names {
		if i < len(want) && n == want[i] {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("the notebook's rows %q lack the report's %q (in order)", names, want[i])
	}
}
