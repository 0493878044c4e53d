package report

import (
	"math"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/quotes"
)

func TestStatisticsCells(t *testing.T) {
	nan := math.NaN()
	st := Statistics{
		Columns: []string{"Portfolio", "Index"},
		Rows: []StatRow{
			{Name: "Return", Format: Percent, Values: []float64{0.1, 0.2}},
			{Name: "IRR", Format: Percent, Values: []float64{nan, nan}, Reasons: []string{"short <period>", ""}},
			{Name: "Beta", Format: Ratio, Values: []float64{nan, nan}, Reasons: []string{"too few", "short <period>"}},
			// A reason next to a known value is ignored.
			{Name: "Alpha", Format: Ratio, Values: []float64{1.5, nan}, Reasons: []string{"stale", "too few"}},
		},
	}
	cells, notes := st.Cells()
	want := [][]string{
		{"10.00%", "20.00%"},
		{"– [1]", "–"},
		{"– [2]", "– [1]"},
		{"1.50", "– [2]"},
	}
	for i := range want {
		if strings.Join(cells[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i, cells[i], want[i])
		}
	}
	if strings.Join(notes, "|") != "short <period>|too few" {
		t.Errorf("notes %q", notes)
	}

	in := synthetic(3, 2)
	in.Statistics.Columns = st.Columns
	in.Statistics.Rows = st.Rows
	html := render(t, in, Options{})
	for _, want := range []string{
		`<td class="n" title="short &lt;period&gt;">–<sup>1</sup></td>`,
		`<td class="n" title="too few">–<sup>2</sup></td>`,
		`<td class="n">1.50</td>`,
		`<li>short &lt;period&gt;</li><li>too few</li></ol>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(html, "stale") {
		t.Error("the reason of a known value is shown")
	}

	in.Statistics.Rows[1].Reasons = []string{"one"}
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), `row 1 ("IRR") has 1 reasons for 2 values`) {
		t.Errorf("Validate: %v, want the reasons of row 1 reported", err)
	}
}

func TestSummaryCardReasons(t *testing.T) {
	in := synthetic(3, 2)
	in.Summary.MWR = 0.1
	in.Summary.IRR, in.Summary.IRRReason = math.NaN(), "a period shorter than a year is not annualised"
	in.Summary.TWRReason = "stale: TWR is known"
	html := render(t, in, Options{})
	for _, want := range []string{
		`<div class="k">Money-weighted return</div><div class="v gain">&#43;10.00%</div></div>`,
		`<div class="k">Money-weighted return (IRR, p.a.)</div><div class="v ">–</div><div class="why">a period shorter than a year is not annualised</div></div>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(html, "stale") {
		t.Error("the reason of a known figure is shown")
	}
}

func TestNewInputRelativeFromMinReturns(t *testing.T) {
	// 22 days: £1,000 deposited, 490 of it invested in A on the first,
	// then 21 daily returns of the portfolio and of the index, at least
	// stats.MinReturns: the portfolio has a volatility and, in the index
	// column, a beta. With 20 days, 19 returns, it has neither.
	for _, tc := range []struct {
		days    int
		defined bool
	}{{22, true}, {20, false}} {
		var a, dji []float64
		for i := range tc.days {
			a = append(a, 10*(1+0.02*float64(i%3-1)))
			dji = append(dji, 100*(1+0.01*float64(i%3-1)))
		}
		series := func(sym string, closes []float64) *quotes.Series {
			s := &quotes.Series{Symbol: sym, Currency: "GBP"}
			for i, c := range closes {
				s.Dates = append(s.Dates, quotes.Date(2024, 1, 1).AddDate(0, 0, i))
				s.Close = append(s.Close, c)
			}
			return s
		}
		first := quotes.Date(2024, 1, 1)
		res, err := portfolio.Build([]portfolio.Transaction{
			{Date: first, Kind: portfolio.Deposit, Amount: 1000, Currency: "GBP"},
			{Date: first, Kind: portfolio.Buy, Symbol: "A", Quantity: 50, Price: a[0]},
		}, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": series("A", a)}})
		if err != nil {
			t.Fatal(err)
		}
		sum, err := stats.Compute(res.Performance, stats.Options{})
		if err != nil {
			t.Fatal(err)
		}
		idx, err := benchmark.Align(series("^DJI", dji), res.Performance.Dates, "GBP", nil)
		if err != nil {
			t.Fatal(err)
		}
		in, err := NewInput(res, sum, []Benchmark{{Index: idx}}, InputOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range in.Statistics.Rows {
			if r.Name != "Beta" && r.Name != "Volatility (annualised)" {
				continue
			}
			col := 1 // the index column
			if r.Name == "Volatility (annualised)" {
				col = 0
			}
			if got := !math.IsNaN(r.Values[col]); got != tc.defined {
				t.Errorf("%d days: %s = %v (%q), want defined %v", tc.days, r.Name, r.Values[col], r.Reasons[col], tc.defined)
			}
			if !tc.defined && r.Reasons[col] != "fewer than 20 daily returns: there are 19" {
				t.Errorf("%d days: %s reason %q", tc.days, r.Name, r.Reasons[col])
			}
		}
	}
}
