package report

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/quotes"
)

// builtPortfolio is a four-day portfolio small enough to check by hand:
// £1,000 deposited on 2 Jan 2024 and 50 shares of A bought at that day's
// close of £10, A then closing 11, 12 and 9, so the value is
// 500 cash + 50 × close = 1000, 1050, 1100, 950. The benchmark ^DJI, in
// GBP, closes 100, 102, 101, 103.
func builtPortfolio(t *testing.T) *analysis.Analysis {
	t.Helper()
	days := []int{2, 3, 4, 5}
	series := func(sym string, closes ...float64) *quotes.Series {
		s := &quotes.Series{Symbol: sym, Currency: "GBP"}
		for i, c := range closes {
			s.Dates = append(s.Dates, quotes.Date(2024, 1, days[i]))
			s.Close = append(s.Close, c)
		}
		return s
	}
	a, dji := series("A", 10, 11, 12, 9), series("^DJI", 100, 102, 101, 103)
	txs := []portfolio.Transaction{
		{Date: quotes.Date(2024, 1, 2), Kind: portfolio.Deposit, Amount: 1000, Currency: "GBP"},
		{Date: quotes.Date(2024, 1, 2), Kind: portfolio.Buy, Symbol: "A", Quantity: 50, Price: 10, Note: `first <script>alert("x")</script>`},
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": a}})
	if err != nil {
		t.Fatal(err)
	}
	an, err := analysis.Run(res, []*quotes.Series{dji}, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return an
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestNewInput(t *testing.T) {
	in, err := NewInput(builtPortfolio(t), InputOptions{Title: "Test"})
	if err != nil {
		t.Fatal(err)
	}
	// Lines are cumulative returns as fractions (chart.Line's unit; they were
	// growth indices before issue 15). The portfolio's TWR: 1000/1000 − 1,
	// 1050/1000 − 1, 1100/1000 − 1, 950/1000 − 1; the index's closes 100,
	// 102, 101, 103 over its first: 0, 0.02, 0.01, 0.03.
	wantLines := map[string][]float64{"Portfolio": {0, 0.05, 0.1, -0.05}, "^DJI": {0, 0.02, 0.01, 0.03}}
	if len(in.Lines) != 2 {
		t.Fatalf("%d lines, want 2", len(in.Lines))
	}
	for _, l := range in.Lines {
		if len(l.Dates) != len(in.Dates) || !l.Dates[0].Equal(in.Dates[0]) {
			t.Errorf("line %s is on %d dates from %v, want the report's %d", l.Name, len(l.Dates), l.Dates, len(in.Dates))
		}
		for i, v := range wantLines[l.Name] {
			if !near(l.Values[i], v) {
				t.Errorf("line %s[%d] = %v, want %v", l.Name, i, l.Values[i], v)
			}
		}
	}
	s := in.Summary
	// P&L = value − 1000: 0, 50, 100, −50; the last day's change is −50 − 100
	// = −150 and its return 950/1100 − 1.
	if !near(s.Value, 950) || !near(s.NetContributions, 1000) || !near(s.PnL, -50) ||
		!near(s.DayChange, -150) || !near(s.DayReturn, 950.0/1100-1) || !near(s.TWR, -0.05) {
		t.Errorf("summary %+v", s)
	}
	// allocation on 5 Jan: A 50 × 9 = 450, cash 500
	if len(in.ByHolding) != 2 || !near(in.ByHolding[0].Value, 450) || in.ByHolding[1].Name != "Cash" || !near(in.ByHolding[1].Value, 500) {
		t.Errorf("by holding %+v", in.ByHolding)
	}
	if len(in.ByCurrency) != 1 || in.ByCurrency[0].Name != "GBP" || !near(in.ByCurrency[0].Value, 950) {
		t.Errorf("by currency %+v", in.ByCurrency)
	}
	// the yearly bars: 2024's returns, the portfolio's −5 % and the
	// index's 3 %; the worst drawdown from 1100 (4 Jan) to 950 (5 Jan),
	// 950/1100 − 1, not recovered
	if len(in.YearlyYears) != 1 || in.YearlyYears[0] != 2024 || len(in.Yearly) != 2 ||
		!near(in.Yearly[0].Returns[0], -0.05) || in.Yearly[1].Name != "^DJI" || !near(in.Yearly[1].Returns[0], 0.03) {
		t.Errorf("yearly bars %v %+v", in.YearlyYears, in.Yearly)
	}
	if len(in.WorstDrawdowns) != 1 || !near(in.WorstDrawdowns[0].Depth, 950.0/1100-1) || !in.WorstDrawdowns[0].Recovery.IsZero() ||
		!in.WorstDrawdowns[0].Peak.Equal(quotes.Date(2024, 1, 4)) {
		t.Errorf("worst drawdowns %+v", in.WorstDrawdowns)
	}
	wantCols := []string{"Portfolio", "^DJI in GBP", "Same cash flows in ^DJI"}
	if strings.Join(in.Statistics.Columns, "|") != strings.Join(wantCols, "|") {
		t.Fatalf("statistics columns %q, want %q", in.Statistics.Columns, wantCols)
	}
	row := func(name string) []float64 {
		for _, r := range in.Statistics.Rows {
			if r.Name == name {
				return r.Values
			}
		}
		t.Fatalf("no statistics row %q", name)
		return nil
	}
	reasons := func(name string) []string {
		for _, r := range in.Statistics.Rows {
			if r.Name == name {
				return r.Reasons
			}
		}
		t.Fatalf("no statistics row %q", name)
		return nil
	}
	// same cash flows: £1,000 buys 10 units at 100, worth 10 × 103 = 1030;
	// the index alone returns 103/100 − 1 = 3%.
	fv := row("Final value")
	if !near(fv[0], 950) || !math.IsNaN(fv[1]) || !near(fv[2], 1030) {
		t.Errorf("final value row %v, want [950 NaN 1030]", fv)
	}
	twr := row("Time-weighted return")
	if !near(twr[0], -0.05) || !near(twr[1], 0.03) {
		t.Errorf("TWR row %v, want [-0.05 0.03 ...]", twr)
	}
	// One deposit of 1000 worth 950 three days later: the money-weighted
	// return is −5 % too; three days are not annualised.
	if mwr := row("Money-weighted return"); !near(mwr[0], -0.05) || !math.IsNaN(mwr[1]) || !near(mwr[2], 0.03) {
		t.Errorf("MWR row %v, want [-0.05 NaN 0.03]", mwr)
	}
	if !near(s.MWR, -0.05) || !math.IsNaN(s.IRR) || s.IRRReason != "a period shorter than a year is not annualised" || s.MWRReason != "" {
		t.Errorf("summary MWR %v IRR %v (%q), want −0.05 and NaN for a short period", s.MWR, s.IRR, s.IRRReason)
	}
	// Three days compared with the index: too few for a beta, and the
	// reason says so. Beta is the portfolio's against the index: it is in
	// the relative table, whose one column is the index, never in the
	// statistics table under the index's column (issue 13.7).
	if got := strings.Join(in.Relative.Columns, "|"); got != "^DJI in GBP" {
		t.Errorf("relative columns %q, want the index's", got)
	}
	for _, r := range in.Statistics.Rows {
		if r.Name == "Beta" || r.Name == "Alpha (annualised)" || r.Name == "Correlation" {
			t.Errorf("statistics table has the relative row %q", r.Name)
		}
	}
	var beta *StatRow
	for i := range in.Relative.Rows {
		if in.Relative.Rows[i].Name == "Beta" {
			beta = &in.Relative.Rows[i]
		}
	}
	if beta == nil || len(beta.Values) != 1 || !math.IsNaN(beta.Values[0]) || beta.Reasons[0] != "fewer than 20 daily returns: there are 3" {
		t.Errorf("beta row %+v: want NaN, with the too-few-returns reason", beta)
	}
	// What does not apply is blank: the index's money figures, the
	// same-cash-flows benchmark's time-weighted ones (the index's own).
	blank := func(name string) []bool {
		for _, r := range in.Statistics.Rows {
			if r.Name == name {
				return r.Blank
			}
		}
		return nil
	}
	for name, want := range map[string]string{
		"Final value": "false|true|false", "Money-weighted return (IRR, p.a.)": "false|true|false",
		"Time-weighted return": "false|false|true", "Volatility (annualised)": "false|false|true",
	} {
		if got := fmt.Sprint(blank(name)); got != "["+strings.ReplaceAll(want, "|", " ")+"]" {
			t.Errorf("%s blank %s, want %s", name, got, want)
		}
	}
	if irr := reasons("Money-weighted return (IRR, p.a.)"); irr[0] != "a period shorter than a year is not annualised" || irr[1] != "" {
		t.Errorf("IRR reasons %q", irr)
	}
	if len(in.Monthly) != 1 || in.Monthly[0].Year != 2024 || !near(in.Monthly[0].Months[0], -0.05) {
		t.Errorf("monthly %+v, want 2024 with January −5%%", in.Monthly)
	}
	if len(in.Transactions) != 2 || in.Transactions[1].Kind != "BUY" {
		t.Errorf("transactions %+v", in.Transactions)
	}
	var buf bytes.Buffer
	if err := Write(&buf, in, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `<script>alert`) {
		t.Error("the note's <script> reached the page unescaped")
	}
}

// TestNewInputRefusesAMisalignedIndex: an Analysis changed by hand after
// Run is checked, not read out of range.
func TestNewInputRefusesAMisalignedIndex(t *testing.T) {
	an := builtPortfolio(t)
	short := *an.Benchmarks[0].Index
	short.Values = short.Values[1:]
	an.Benchmarks[0].Index = &short
	_, err := NewInput(an, InputOptions{})
	if err == nil || !strings.Contains(err.Error(), `benchmark "^DJI": index not aligned on the 4 portfolio dates`) {
		t.Errorf("error %v, want the misaligned ^DJI named", err)
	}
}
