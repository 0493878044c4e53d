package notebook

import (
	"math"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
)

// TestCompareAccounts: two accounts, on 2 January 2024 ISA deposits £1,000
// and buys 50 A at £10, GIA deposits £1,000 and buys 100 B at £10. On the
// 3rd A closes 12 and B 9: ISA is worth 500 + 50 × 12 = 1,100, a TWR of
// 1,100 / 1,000 − 1 = +10%; GIA 100 × 9 = 900 (the cash spent), −10%; the
// portfolio 2,000, 0%. The model holds A alone: +20% (12 / 10 − 1). The
// chart has one line a side, the statistics table one column, in the
// order Portfolio, GIA, ISA (portfolio.Accounts: by name), Model; the model's money rows are blank.
func TestCompareAccounts(t *testing.T) {
	d := quotes.Date(2024, 1, 2)
	txs := []portfolio.Transaction{
		{Date: d, Account: "ISA", Kind: portfolio.Deposit, Amount: 1000},
		{Date: d, Account: "ISA", Kind: portfolio.Buy, Symbol: "A", Quantity: 50, Price: 10},
		{Date: d, Account: "GIA", Kind: portfolio.Deposit, Amount: 1000},
		{Date: d, Account: "GIA", Kind: portfolio.Buy, Symbol: "B", Quantity: 100, Price: 10},
	}
	src, err := quotes.NewMemory(closes("A", 10, 12), closes("B", 10, 9))
	if err != nil {
		t.Fatal(err)
	}
	series, err := portfolio.Fetch(t.Context(), src, txs, quotes.Date(2024, 1, 3))
	if err != nil {
		t.Fatal(err)
	}
	cfg := portfolio.Config{Currency: "GBP", Series: series}
	res, err := portfolio.Build(txs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	a, err := analysis.Run(res, nil, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	targets := rebalance.Targets{{Symbol: "A", Weight: 1}}
	withModel, err := analysis.Run(res, nil, analysis.Options{Model: &analysis.Model{Name: "Model", Targets: targets, Series: series}})
	if err != nil {
		t.Fatal(err)
	}
	sides, err := Compared(txs, cfg, analysis.Options{}, a, withModel)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"Portfolio": 0, "ISA": 0.10, "GIA": -0.10, "Model": 0.20}
	var names []string
	for _, s := range sides {
		names = append(names, s.Column.Name)
		if last := s.Line.Values[len(s.Line.Values)-1]; s.Line.Name != s.Column.Name || !near(last, want[s.Column.Name]) {
			t.Errorf("%s: line %q ends at %v, want %v", s.Column.Name, s.Line.Name, last, want[s.Column.Name])
		}
	}
	if strings.Join(names, ",") != "Portfolio,GIA,ISA,Model" {
		t.Fatalf("sides %v, want Portfolio, GIA, ISA, Model", names)
	}
	var got []Bundle
	if err := New(func(b Bundle) error { got = append(got, b); return nil }).Compare("Accounts", sides...); err != nil || len(got) != 2 {
		t.Fatalf("%v, %d outputs; want a chart and a table", err, len(got))
	}
	if _, ok := got[1][MIMERecords]; ok {
		t.Errorf("the comparison's table repeats the statistics cell's records: %s", got[1][MIMERecords])
	}
	if got[0][MIMEPNG] == "" {
		t.Errorf("no chart first: %v", got[0][MIMEPlain])
	}
	plain := squeeze(got[1][MIMEPlain])
	for _, w := range []string{"Portfolio GIA ISA Model", "Time-weighted return 0.00% -10.00% 10.00% 20.00%",
		"Final value 2,000.00 900.00 1,100.00\n"} {
		if !strings.Contains(plain, w) {
			t.Errorf("no %q in\n%s", w, plain)
		}
	}
}

// TestAccountSidesOneAccount: with one account there is nothing to
// compare; an account that is not in the transactions is an error naming
// it.
func TestAccountSidesOneAccount(t *testing.T) {
	d := quotes.Date(2024, 1, 2)
	txs := []portfolio.Transaction{{Date: d, Account: "ISA", Kind: portfolio.Deposit, Amount: 1000}}
	sides, err := AccountSides(txs, portfolio.Config{Currency: "GBP"}, analysis.Options{})
	if err != nil || sides != nil {
		t.Errorf("one account: %v, %v; want nothing", sides, err)
	}
	_, err = AccountSides(txs, portfolio.Config{Currency: "GBP", Accounts: []string{"ISA", "SIPP"}}, analysis.Options{})
	if err == nil || !strings.Contains(err.Error(), "SIPP") {
		t.Errorf("an unknown account: %v; want an error naming SIPP", err)
	}
}

// near says whether x is y to 1e-12.
func near(x, y float64) bool { return math.Abs(x-y) < 1e-12 }
