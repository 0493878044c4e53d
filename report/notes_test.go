package report

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
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
		an, err := analysis.Run(res, []*quotes.Series{series("^DJI", dji)}, analysis.Options{})
		if err != nil {
			t.Fatal(err)
		}
		in, err := NewInput(an, InputOptions{})
		if err != nil {
			t.Fatal(err)
		}
		// Beta is in the relative table, whose column 0 is the index.
		checked := 0
		for _, r := range append(append([]StatRow(nil), in.Statistics.Rows...), in.Relative.Rows...) {
			if r.Name != "Beta" && r.Name != "Volatility (annualised)" {
				continue
			}
			checked++
			col := 0
			if got := !math.IsNaN(r.Values[col]); got != tc.defined {
				t.Errorf("%d days: %s = %v (%q), want defined %v", tc.days, r.Name, r.Values[col], r.Reasons[col], tc.defined)
			}
			if !tc.defined && r.Reasons[col] != "fewer than 20 daily returns: there are 19" {
				t.Errorf("%d days: %s reason %q", tc.days, r.Name, r.Reasons[col])
			}
		}
		if checked != 2 {
			t.Errorf("%d days: %d of the rows Beta and Volatility found", tc.days, checked)
		}
	}
}

// TestRelativeTableAndBlankCells: the relative statistics are a table of
// their own, one column per benchmark, their notes numbered after the
// statistics table's and listed once under both; a statistic that does
// not apply is an empty cell, not "–" (issue 13.7).
func TestRelativeTableAndBlankCells(t *testing.T) {
	nan := math.NaN()
	st := Statistics{
		Columns: []string{"Portfolio", "^DJI in GBP", "Same cash flows in ^DJI"},
		Rows: []StatRow{
			{Name: "Final value", Format: Money, Values: []float64{950, nan, 1030}, Reasons: []string{"", "", ""}, Blank: []bool{false, true, false}},
			{Name: "Sharpe ratio", Format: Ratio, Values: []float64{nan, 0.5, nan}, Reasons: []string{"too few", "", ""}, Blank: []bool{false, false, true}},
		},
	}
	rel := Statistics{
		Columns: []string{"^DJI in GBP"},
		Rows: []StatRow{
			{Name: "Beta", Format: Ratio, Values: []float64{nan}, Reasons: []string{"too few"}},
			{Name: "Up capture", Format: Ratio, Values: []float64{nan}, Reasons: []string{"no up day"}},
		},
	}
	cells, notes := StatisticsCells(st, rel)
	if got := fmt.Sprint(cells); got != "[[[950.00  1,030.00] [– [1] 0.50 ]] [[– [1]] [– [2]]]]" {
		t.Errorf("cells %s", got)
	}
	if strings.Join(notes, "|") != "too few|no up day" {
		t.Errorf("notes %q", notes)
	}
	in := synthetic(3, 2)
	in.Statistics, in.Relative = st, rel
	html := render(t, in, Options{})
	for _, want := range []string{
		`<tr><td>Final value</td><td class="n">950.00</td><td class="n"></td><td class="n">1,030.00</td></tr>`,
		`<h3>The portfolio relative to ^DJI in GBP</h3>`,
		`<th class="n">Portfolio against ^DJI in GBP</th>`,
		`<tr><td>Beta</td><td class="n" title="too few">–<sup>1</sup></td></tr>`,
		`<tr><td>Up capture</td><td class="n" title="no up day">–<sup>2</sup></td></tr>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := strings.Count(html, `<ol class="notes"`); n != 1 || !strings.Contains(html, `<li>too few</li><li>no up day</li></ol>`) {
		t.Errorf("%d notes lists, want one with both reasons", n)
	}
	if strings.Index(html, `id="relative"`) > strings.Index(html, `<ol class="notes"`) {
		t.Error("the notes come before the relative table")
	}
	in.Relative = Statistics{}
	if html := render(t, in, Options{}); strings.Contains(html, `id="relative"`) {
		t.Error("a relative table without benchmarks")
	}
	in.Relative = Statistics{Columns: []string{"A", "B"}, Rows: []StatRow{{Name: "Beta", Values: []float64{1}, Blank: []bool{true, false, true}}}}
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), `relative statistics row 0 ("Beta") has 1 values for 2 columns`) ||
		!strings.Contains(err.Error(), "has 3 blank flags for 2 columns") {
		t.Errorf("Validate: %v", err)
	}
}
