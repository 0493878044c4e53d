package notebook

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio/stats"
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
		series.New([]string{"2020-01-01", "2020-01-02", "2020-01-03"}, series.String, "Date"),
		series.New([]float64{1234.5, 99.125, math.NaN()}, series.Float, "Value"),
		series.New([]float64{0.0123456789, -0.5, 0}, series.Float, "Return"),
		series.New([]string{"<b>", "x", "y"}, series.String, "Note"),
	)
	d, got := capture()
	if err := d.Frame(df, 2); err != nil {
		t.Fatal(err)
	}
	html := (*got)[0][MIMEHTML]
	for _, want := range []string{
		"<th>Value</th>",
		">1234.50<",   // a column reaching 100 shows money's two decimals
		">NaN<",       // kept, not hidden
		">0.012346<",  // a column below 100 shows six
		">&lt;b&gt;<", // escaped
		"3 rows × 4 columns",
		"…",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("frame HTML lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, ">99.13<") || strings.Contains(html, "-0.500000") {
		t.Error("the middle row is shown although only 2 rows were asked for")
	}
	if (*got)[0][MIMEPlain] == "" {
		t.Error("no text alternative")
	}
	bad := dataframe.DataFrame{Err: errStub("bad frame")}
	if err := d.Frame(bad, 0); err == nil {
		t.Error("a frame with an error was shown")
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

func TestStatisticsRelativeRows(t *testing.T) {
	d, got := capture()
	rel := &benchmark.RelativeStats{Beta: stats.Figure{Value: 0.65}}
	err := d.Statistics(Column{Name: "Portfolio", Summary: testSummary(), Relative: rel}, Column{Name: "Index", Summary: testSummary()})
	if err != nil {
		t.Fatal(err)
	}
	text := (*got)[0][MIMEPlain]
	if !strings.Contains(text, "Beta") || !strings.Contains(text, "0.65") {
		t.Errorf("no beta row:\n%s", text)
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
