package report

import (
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/rebalance"
)

// TestRebalanceSection: tradedPortfolio ends with 30 A at £9 (£270), no
// B (closing $22, £11 at £0.50 a dollar) and cash of £724 (1000 − 500 +
// 220 + 5 − 1) + $520 (500 − 200 + 220) = £984: £1,254 in all, A 21.53%
// and the cash 78.47% of it. Targets of 50% each are £627: A buys
// floor(627 / 9 − 30) = 39 (39.67 wanted), B 627 / 11 = 57, leaving
// 984 − 351 − 627 = 6, too little for one more share of A. After: A
// 621 / 1254 = 49.52%, B 627 / 1254 = 50.00%, the cash 6 / 1254 = 0.48%.
func TestRebalanceSection(t *testing.T) {
	res := tradedPortfolio(t)
	a, err := analysis.Run(res, nil, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := NewInput(a, InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
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
		{"BUY", "A", "39", "GBP 9.00", "351.00", "0.00", "–"},
		{"BUY", "B", "57", "USD 22.00", "627.00", "0.00", "–"},
	}
	if got := tableRows(t, page, "rebalance-trades"); strings.Join(flatten(got), "|") != strings.Join(flatten(trades), "|") {
		t.Errorf("trades\n%q, want\n%q", got, trades)
	}
	weights := [][]string{
		{"Symbol", "Target", "Before", "After", "Shares before", "Shares after"},
		{"A", "50.00%", "21.53%", "49.52%", "30", "69"},
		{"B", "50.00%", "0.00%", "50.00%", "", "57"},
		{"CASH", "0.00%", "78.47%", "0.48%", "", ""},
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
