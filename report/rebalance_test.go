package report

import (
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// tradedInput is tradedPortfolio and its report's input.
func tradedInput(t *testing.T) (*portfolio.Result, *Input) {
	t.Helper()
	res := tradedPortfolio(t)
	a, err := analysis.Run(res, nil, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := NewInput(a, InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res, in
}

// TestRebalanceSection: tradedPortfolio ends with 30 A at £9 (£270), no
// B (closing $22, £11 at £0.50 a dollar) and cash of £724 (1000 − 500 +
// 220 + 5 − 1) + $520 (500 − 200 + 220) = £984: £1,254 in all, A 21.53%
// and the cash 78.47% of it. Targets of 50% each are £627: A buys
// floor(627 / 9 − 30) = 39 (39.67 wanted), B 627 / 11 = 57, leaving
// 984 − 351 − 627 = 6, too little for one more share of A. After: A
// 621 / 1254 = 49.52%, B 627 / 1254 = 50.00%, the cash 6 / 1254 = 0.48%.
//
// A buy's gain cell is blank (it was "–", which the report uses for a
// figure not known, not for one that does not apply); B's shares before
// are 0, not blank, and the cash's row shows its amounts, £984 and £6,
// as the terminal does (they were blank: the cash before was nowhere).
func TestRebalanceSection(t *testing.T) {
	res, in := tradedInput(t)
	targets, err := rebalance.NewTargets(map[string]float64{"A": 0.5, "B": 0.5})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := rebalance.Compute(res, targets, rebalance.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in.Rebalance = NewRebalance(plan)
	page := render(t, in, Options{})
	if !strings.Contains(page, "<h2>Rebalancing</h2>") || !strings.Contains(page, "full, whole shares, no commission, lots average; in GBP") {
		t.Fatal("no rebalancing section saying what was asked")
	}
	trades := [][]string{
		{"Side", "Symbol", "Quantity", "Price", "Value", "Commission", "Est. gain"},
		{"BUY", "A", "39", "GBP 9.00", "351.00", "0.00", ""},
		{"BUY", "B", "57", "USD 22.00", "627.00", "0.00", ""},
	}
	if got := tableRows(t, page, "rebalance-trades"); strings.Join(flatten(got), "|") != strings.Join(flatten(trades), "|") {
		t.Errorf("trades\n%q, want\n%q", got, trades)
	}
	weights := [][]string{
		{"Symbol", "Target", "Before", "After", "Shares before", "Shares after"},
		{"A", "50.00%", "21.53%", "49.52%", "30", "69"},
		{"B", "50.00%", "0.00%", "50.00%", "0", "57"},
		{"CASH", "0.00%", "78.47%", "0.48%", "984.00", "6.00"},
	}
	if got := tableRows(t, page, "rebalance-weights"); strings.Join(flatten(got), "|") != strings.Join(flatten(weights), "|") {
		t.Errorf("weights\n%q, want\n%q", got, weights)
	}
	if !strings.Contains(page, "Cash left 6.00") {
		t.Error("no cash left line")
	}
	if in.Rebalance = nil; strings.Contains(render(t, in, Options{}), "Rebalancing") {
		t.Error("a section without a plan")
	}
}

// TestRebalanceSectionLots: under fifo the trades name the lots each sale
// takes. All of B (£1,254 at £11: 114 shares bought) sells A's 30 shares,
// one lot of 2 January 2024 costing 30 × 10 = £300, for 30 × 9 = 270: a
// loss of 30; A's shares after are 0, not blank. Under average no lots
// column.
func TestRebalanceSectionLots(t *testing.T) {
	res, in := tradedInput(t)
	targets, err := rebalance.NewTargets(map[string]float64{"B": 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []lots.Method{lots.FIFO, lots.Average} {
		plan, err := rebalance.Compute(res, targets, rebalance.Options{Lots: m})
		if err != nil {
			t.Fatal(err)
		}
		in.Rebalance = NewRebalance(plan)
		page := render(t, in, Options{})
		trades := [][]string{
			{"Side", "Symbol", "Quantity", "Price", "Value", "Commission", "Est. gain", "Lots sold"},
			{"SELL", "A", "30", "GBP 9.00", "270.00", "0.00", "-30.00", "2024-01-02 30 shares (cost 300.00)"},
			{"BUY", "B", "114", "USD 22.00", "1,254.00", "0.00", "", ""},
		}
		if m == lots.Average {
			for i := range trades {
				trades[i] = trades[i][:7]
			}
		}
		if got := tableRows(t, page, "rebalance-trades"); strings.Join(flatten(got), "|") != strings.Join(flatten(trades), "|") {
			t.Errorf("%s: trades\n%q, want\n%q", m, got, trades)
		}
		if got := tableRows(t, page, "rebalance-weights"); len(got) < 3 || got[2][0] != "A" || got[2][5] != "0" {
			t.Errorf("%s: weights %q: want A with 0 shares after", m, got)
		}
	}
}

// TestRebalanceSectionNotes: the plan's notes are listed under the
// section's totals.
func TestRebalanceSectionNotes(t *testing.T) {
	_, in := tradedInput(t)
	in.Rebalance = NewRebalance(&rebalance.Plan{Notes: []string{"B is priced at its last close, of 2024-01-02"}})
	if page := render(t, in, Options{}); !strings.Contains(page, `<ul class="notes"><li>B is priced at its last close, of 2024-01-02</li></ul>`) {
		t.Error("no note in the rebalancing section")
	}
}

// TestSaleLotsSpecific: under specific each lot starts with what the SELL
// row's lot column should hold: the BUY row (two lots bought on 2 January
// share the date, so the date alone would take both, oldest first), or the
// date where the row is not known; other methods name the row after the
// date; a buy has none.
func TestSaleLotsSpecific(t *testing.T) {
	d := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	sale := rebalance.Trade{Side: rebalance.Sell, Lots: []lots.Lot{
		{Date: d, Quantity: 14, Cost: 168, Origin: txn.Origin{Row: 4}}, {Date: d, Quantity: 1, Cost: 8}}}
	for m, want := range map[lots.Method]string{
		lots.Specific: "lot 4: 2024-01-02 14 shares (cost 168.00), lot 2024-01-02: 1 shares (cost 8.00)",
		lots.FIFO:     "2024-01-02 (row 4) 14 shares (cost 168.00), 2024-01-02 1 shares (cost 8.00)",
		lots.Average:  "",
	} {
		if got := SaleLots(&rebalance.Plan{Options: rebalance.Options{Lots: m}}, sale); got != want {
			t.Errorf("%s: %q, want %q", m, got, want)
		}
	}
	if got := SaleLots(&rebalance.Plan{Options: rebalance.Options{Lots: lots.FIFO}}, rebalance.Trade{Side: rebalance.Buy}); got != "" {
		t.Errorf("a buy's lots %q", got)
	}
}
