package notebook

import (
	"context"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
)

// TestRebalance: £1,000 deposited, 60 A bought at £10 and 20 B at £10; A
// then closes 12, B 10: A £720, B £200, cash £200, £1,120 in all. Equal
// weights (Targets with no file: the holdings, 50% each) are £560: A
// sells floor(−160 / 12) = 14 (168), B buys 36 (360), leaving 8. At
// average cost (£10 a share) the 14 A realize 168 − 140 = 28.
func TestRebalance(t *testing.T) {
	series := func(sym string, closes ...float64) *quotes.Series {
		s := &quotes.Series{Symbol: sym, Currency: "GBP"}
		for i, c := range closes {
			s.Dates = append(s.Dates, quotes.Date(2024, 1, 2+i))
			s.Close = append(s.Close, c)
		}
		return s
	}
	d := quotes.Date(2024, 1, 2)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 1000},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 60, Price: 10},
		{Date: d, Kind: portfolio.Buy, Symbol: "B", Quantity: 20, Price: 10},
	}, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": series("A", 10, 12), "B": series("B", 10, 10)}})
	if err != nil {
		t.Fatal(err)
	}
	targets, err := Targets("", res)
	if err != nil || len(targets) != 2 || targets[0].Weight != 0.5 {
		t.Fatalf("targets %+v, %v; want A and B at 50%%", targets, err)
	}
	plan, err := rebalance.Compute(res, targets, rebalance.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []Bundle
	if err := New(func(b Bundle) error { got = append(got, b); return nil }).Rebalance(plan); err != nil || len(got) != 1 {
		t.Fatalf("%v, %d outputs", err, len(got))
	}
	plain := squeeze(got[0][MIMEPlain])
	for _, want := range []string{
		"Rebalancing at the closes of 2024-01-03: full, whole shares, no commission, lots average; money in GBP. Cash left 8.00, commissions 0.00, estimated realized gain 28.00.",
		"SELL A 14 GBP 12.00 168.00 0.00 28.00",
		"BUY B 36 GBP 10.00 360.00 0.00",
		"A 50.00% 64.29% 49.29% 60 46",
		"B 50.00% 17.86% 50.00% 20 56",
		"CASH 0.00% 17.86% 0.71% 200.00 8.00",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("no %q in\n%s", want, plain)
		}
	}
	if !strings.Contains(got[0][MIMEHTML], "<th style=\"text-align:left\">SELL</th><td style=\"text-align:right\">A</td>") {
		t.Errorf("HTML %s", got[0][MIMEHTML])
	}
	if strings.Contains(plain, "Lots sold") {
		t.Errorf("lots listed at average cost:\n%s", plain)
	}

	// Under fifo the sale names its lot, one bought on 2 January at £10;
	// a plan's notes follow the line saying what was asked.
	plan, err = rebalance.Compute(res, targets, rebalance.Options{Lots: lots.FIFO})
	if err != nil {
		t.Fatal(err)
	}
	plan.Notes = []string{"B is priced at its last close"}
	got = nil
	if err := New(func(b Bundle) error { got = append(got, b); return nil }).Rebalance(plan); err != nil || len(got) != 1 {
		t.Fatalf("%v, %d outputs", err, len(got))
	}
	plain = squeeze(got[0][MIMEPlain])
	for _, want := range []string{"Lots sold", "SELL A 14 GBP 12.00 168.00 0.00 28.00 2024-01-02 14 shares (cost 140.00)",
		"estimated realized gain 28.00. Note: B is priced at its last close."} {
		if !strings.Contains(plain, want) {
			t.Errorf("no %q in\n%s", want, plain)
		}
	}
}

// squeeze collapses runs of spaces, so that the test does not pin column
// widths.
func squeeze(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// TestRebalanceTargetNeverTraded: £1,000 deposited, 60 A bought at £10;
// A closes 12 on the last day: A £720, cash £400, £1,120 in all. The
// targets are A and C at 50% each (£560), C never traded and without a
// price: TargetSeries fetches it from the market (a Memory source), whose
// last close is £25. C buys floor(560 / 25) = 22 (550), which the £400
// of cash funds but for 150: A sells ceil(150 / 12) = 13 shares (156),
// leaving 400 + 156 − 550 = 6; at £10 a share they realize 156 − 130 =
// 26. Without C's
// series the plan cannot price C. A target with a price (D) is not
// fetched, and one the market does not know (E) is an error naming it.
func TestRebalanceTargetNeverTraded(t *testing.T) {
	d := quotes.Date(2024, 1, 2)
	txs := []portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 1000},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 60, Price: 10},
	}
	series := map[string]*quotes.Series{"A": closes("A", 10, 12)}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "GBP", Series: series})
	if err != nil {
		t.Fatal(err)
	}
	src, err := quotes.NewMemory(closes("A", 10, 12), closes("C", 20, 25))
	if err != nil {
		t.Fatal(err)
	}
	targets := rebalance.Targets{{Symbol: "A", Weight: 0.5}, {Symbol: "C", Weight: 0.5}}
	if _, err := rebalance.Compute(res, targets, rebalance.Options{}); err == nil {
		t.Fatal("C priced without its series")
	}
	more, err := TargetSeries(context.Background(), src, txs, series, targets)
	if err != nil || len(more) != 1 || more["C"] == nil {
		t.Fatalf("TargetSeries: %v, %v; want C's series alone", more, err)
	}
	plan, err := rebalance.Compute(res, targets, rebalance.Options{Series: more})
	if err != nil {
		t.Fatal(err)
	}
	_, plain := shown(t, func(d *Display) error { return d.Rebalance(plan) })
	for _, want := range []string{"SELL A 13 GBP 12.00 156.00 0.00 26.00", "BUY C 22 GBP 25.00 550.00", "Cash left 6.00"} {
		if !strings.Contains(plain, want) {
			t.Errorf("no %q in\n%s", want, plain)
		}
	}
	priced := rebalance.Targets{{Symbol: "A", Weight: 0.5}, {Symbol: "D", Weight: 0.5, Price: 5}}
	if more, err := TargetSeries(context.Background(), src, txs, series, priced); err != nil || more != nil {
		t.Errorf("a target with a price: %v, %v; want nothing fetched", more, err)
	}
	unknown := rebalance.Targets{{Symbol: "A", Weight: 0.5}, {Symbol: "E", Weight: 0.5}}
	if _, err := TargetSeries(context.Background(), src, txs, series, unknown); err == nil || !strings.Contains(err.Error(), "E") || !strings.Contains(err.Error(), "price") {
		t.Errorf("a target the market does not know: %v; want an error naming E and asking for its price", err)
	}
}
