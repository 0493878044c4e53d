package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/quotes"
)

// TestAddPortfolio: two accounts shown beside the consolidated portfolio.
// Account a deposits £1,000 on 2 Jan 2024 and buys 50 A at 10 (A closes
// 10, 11, 12, 9): values 1000, 1050, 1100, 950, growth 0, 0.05, 0.1,
// −0.05. Account b deposits £500 and holds it: growth 0 throughout. Both:
// 1500, 1550, 1600, 1450, growth 0, 1/30, 2/30, −1/30. The chart's lines
// are the portfolio, a, b, then the benchmark; the statistics columns the
// same, then the same-cash-flows benchmark.
func TestAddPortfolio(t *testing.T) {
	s := &quotes.Series{Symbol: "A", Currency: "GBP"}
	dji := &quotes.Series{Symbol: "^DJI", Currency: "GBP"}
	for i, c := range []float64{10, 11, 12, 9} {
		s.Dates = append(s.Dates, quotes.Date(2024, 1, 2+i))
		s.Close = append(s.Close, c)
		dji.Dates = append(dji.Dates, quotes.Date(2024, 1, 2+i))
		dji.Close = append(dji.Close, []float64{100, 102, 101, 103}[i])
	}
	txs := []portfolio.Transaction{
		{Date: quotes.Date(2024, 1, 2), Kind: portfolio.Deposit, Amount: 1000, Account: "a"},
		{Date: quotes.Date(2024, 1, 2), Kind: portfolio.Buy, Symbol: "A", Quantity: 50, Price: 10, Account: "a"},
		{Date: quotes.Date(2024, 1, 2), Kind: portfolio.Deposit, Amount: 500, Account: "b"},
	}
	analyse := func(accounts []string, benchmarks []*quotes.Series) *analysis.Analysis {
		res, err := portfolio.Build(txs, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": s}, Accounts: accounts})
		if err != nil {
			t.Fatal(err)
		}
		a, err := analysis.Run(res, benchmarks, analysis.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	in, err := NewInput(analyse(nil, []*quotes.Series{dji}), InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "b"} {
		if err := in.AddPortfolio(name, analyse([]string{name}, nil)); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string][]float64{"Portfolio": {0, 1.0 / 30, 2.0 / 30, -1.0 / 30}, "a": {0, 0.05, 0.1, -0.05}, "b": {0, 0, 0, 0}}
	var names []string
	for _, l := range in.Lines {
		names = append(names, l.Name)
		if w, ok := want[l.Name]; ok {
			checkValues(t, l.Name, l.Values, w)
		}
	}
	if got := strings.Join(names, ","); got != "Portfolio,a,b,^DJI" {
		t.Errorf("lines %s", got)
	}
	if got := strings.Join(in.Statistics.Columns, ","); got != "Portfolio,a,b,^DJI in GBP,Same cash flows in ^DJI" {
		t.Errorf("columns %s", got)
	}
	found := false
	for _, r := range in.Statistics.Rows {
		if r.Name == "Final value" {
			found = true
			checkValues(t, "final value", r.Values[:3], []float64{1450, 950, 500})
		}
	}
	if !found {
		t.Error("no Final value row")
	}
	// The report of b alone lists b's rows only.
	bIn, err := NewInput(analyse([]string{"b"}, nil), InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(bIn.Transactions) != 1 || bIn.Transactions[0].Amount != 500 {
		t.Errorf("b's transactions: %+v", bIn.Transactions)
	}
	var page bytes.Buffer
	if err := Write(&page, in, Options{}); err != nil {
		t.Fatal(err)
	}
	// The window of a portfolio analysed over other dates is refused.
	short := analyse([]string{"a"}, nil)
	short.Performance = short.Performance.Window(quotes.Date(2024, 1, 3), quotes.Date(2024, 1, 5))
	if err := in.AddPortfolio("short", short); err == nil || !strings.Contains(err.Error(), "not the report's 4") {
		t.Errorf("got %v", err)
	}
}
