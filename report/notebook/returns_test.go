package notebook

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
)

// closes is a GBP series of sym closing closes on consecutive days from
// 2024-01-02.
func closes(sym string, cs ...float64) *quotes.Series {
	s := &quotes.Series{Symbol: sym, Currency: "GBP"}
	for i, c := range cs {
		s.Dates = append(s.Dates, quotes.Date(2024, 1, 2+i))
		s.Close = append(s.Close, c)
	}
	return s
}

// shown runs show on a Display that keeps what it is sent, and returns
// the one output's HTML and its text with runs of spaces squeezed.
func shown(t *testing.T, show func(*Display) error) (string, string) {
	t.Helper()
	var got []Bundle
	if err := show(New(func(b Bundle) error { got = append(got, b); return nil })); err != nil || len(got) != 1 {
		t.Fatalf("%v, %d outputs", err, len(got))
	}
	return got[0][MIMEHTML], squeeze(got[0][MIMEPlain])
}

// TestHoldingReturns: £100 deposited and 100 A bought at £1 on the first
// day; A closes 11.9608 the next: the portfolio's value goes from 100 to
// 1,196.08, a TWR of 1196.08 / 100 − 1 = 10.9608 = +1,096.08%, all of it
// A's (A's own TWR too, the cash holding nothing). Grouped by quote
// currency, GBP is A: +1,096.08% too.
func TestHoldingReturns(t *testing.T) {
	d := quotes.Date(2024, 1, 2)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 100},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 100, Price: 1},
	}, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": closes("A", 1, 11.9608)}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := analysis.Run(res, nil, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h, plain := shown(t, func(d *Display) error { return d.HoldingReturns(a) })
	for _, want := range []string{
		"From 2024-01-02 to 2024-01-03, in GBP: the portfolio&#39;s TWR is +1,096.08%",
		"<th>End value GBP</th>",
		`<td style="text-align:right">+1,096.08%</td>`,
		`<td style="text-align:right">1,196.08</td>`,
		"<h4>Contribution by quote currency</h4>",
		`<td style="text-align:left">A</td>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("no %q in\n%s", want, h)
		}
	}
	for _, want := range []string{
		"A +1,096.08% ",
		"Portfolio +1,096.08% +1,096.08%",
		"GBP +1,096.08% A",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("no %q in\n%s", want, plain)
		}
	}
	if err := New(func(Bundle) error { return nil }).HoldingReturns(nil); err == nil || !strings.Contains(err.Error(), "analysis.Run") {
		t.Errorf("no analysis: %v; want an error naming analysis.Run", err)
	}
}

// TestAttribution: £1,000 deposited and 100 A bought at £10; A closes 12
// the next day (+20%), B stays at 10 (0%). The model holds half of each:
// 0.5 × 20% + 0.5 × 0% = +10.00%, so the difference is +10.00%. Grouped by
// quote currency both are GBP, weighted 100% in each: allocation (w_p −
// w_b)(r_b − R_b) = 0, selection w_b(r_p − r_b) = 1 × (20% − 10%) =
// +10.00%, interaction (w_p − w_b)(r_p − r_b) = 0.
func TestAttribution(t *testing.T) {
	d := quotes.Date(2024, 1, 2)
	series := map[string]*quotes.Series{"A": closes("A", 10, 12), "B": closes("B", 10, 10)}
	txs := []portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 1000},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 100, Price: 10},
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": series["A"]}})
	if err != nil {
		t.Fatal(err)
	}
	targets, err := rebalance.NewTargets(map[string]float64{"A": 0.5, "B": 0.5})
	if err != nil {
		t.Fatal(err)
	}
	model, err := Model(context.Background(), nil, txs, series, "Halves", targets)
	if err != nil {
		t.Fatal(err)
	}
	a, err := analysis.Run(res, nil, analysis.Options{Model: model})
	if err != nil {
		t.Fatal(err)
	}
	h, plain := shown(t, func(d *Display) error { return d.Attribution(a) })
	for _, want := range []string{
		"The portfolio&#39;s TWR of +20.00% against Halves&#39;s +10.00%: a difference of +10.00%",
		"<h4>By quote currency</h4>",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("no %q in\n%s", want, h)
		}
	}
	for _, want := range []string{"GBP 0.00% +10.00% 0.00% +10.00%", "Total 0.00% +10.00% 0.00% +10.00%"} {
		if !strings.Contains(plain, want) {
			t.Errorf("no %q in\n%s", want, plain)
		}
	}
	if err := New(func(Bundle) error { return nil }).Attribution(res0(t)); err == nil || !strings.Contains(err.Error(), "analysis.Options.Model") {
		t.Errorf("an analysis without a model: %v; want an error naming analysis.Options.Model", err)
	}
	if _, err := Model(context.Background(), nil, txs, series, "None", nil); err == nil {
		t.Error("a model of no targets: no error")
	}
}

// res0 is an analysis without a model.
func res0(t *testing.T) *analysis.Analysis {
	t.Helper()
	d := quotes.Date(2024, 1, 2)
	res, err := portfolio.Build([]portfolio.Transaction{{Date: d, Kind: portfolio.Deposit, Amount: 10}},
		portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := analysis.Run(res, nil, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// sourceOf serves the series it holds, and records what it was asked.
type sourceOf struct {
	series map[string]*quotes.Series
	asked  []string
}

func (s *sourceOf) Series(_ context.Context, symbol string, _, _ time.Time) (*quotes.Series, error) {
	s.asked = append(s.asked, symbol)
	if x, ok := s.series[symbol]; ok {
		return x, nil
	}
	return nil, fmt.Errorf("no %s", symbol)
}

// TestModelFetchesTheTargetsNotHeld: the portfolio's series hold A; the
// targets are A, B and CASH: Model fetches B alone (not A, not the cash),
// keeps A's series as it is, and leaves the portfolio's map unchanged. A
// target the market does not have is an error naming the model.
func TestModelFetchesTheTargetsNotHeld(t *testing.T) {
	d := quotes.Date(2024, 1, 2)
	txs := []portfolio.Transaction{{Date: d, Kind: portfolio.Deposit, Amount: 1000}}
	held := map[string]*quotes.Series{"A": closes("A", 10, 12)}
	src := &sourceOf{series: map[string]*quotes.Series{"B": closes("B", 10, 10)}}
	targets, err := rebalance.NewTargets(map[string]float64{"A": 0.4, "B": 0.4, rebalance.Cash: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Model(context.Background(), src, txs, held, "Model", targets)
	if err != nil {
		t.Fatal(err)
	}
	if len(src.asked) != 1 || src.asked[0] != "B" {
		t.Errorf("asked the market for %v, want [B]", src.asked)
	}
	if m.Name != "Model" || len(m.Series) != 2 || m.Series["A"] != held["A"] || m.Series["B"] == nil {
		t.Errorf("model %q of series %v, want Model of A and B", m.Name, m.Series)
	}
	if len(held) != 1 {
		t.Errorf("the portfolio's series changed: %v", held)
	}
	targets, err = rebalance.NewTargets(map[string]float64{"A": 0.5, "C": 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Model(context.Background(), src, txs, held, "Model", targets); err == nil || !strings.Contains(err.Error(), `model "Model"`) || !strings.Contains(err.Error(), "C") {
		t.Errorf("a target without market data: %v; want an error naming the model and C", err)
	}
}
