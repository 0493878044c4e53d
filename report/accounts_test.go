package report

import (
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
)

// twoAccountInput is the report of TestAddPortfolio's two accounts a and b
// (a buys 50 A, b holds £500 of cash), built for accounts (nil: both).
func twoAccountInput(t *testing.T, accounts []string, more ...portfolio.Transaction) *Input {
	t.Helper()
	s := &quotes.Series{Symbol: "A", Currency: "GBP"}
	for i, c := range []float64{10, 11, 12, 9} {
		s.Dates = append(s.Dates, quotes.Date(2024, 1, 2+i))
		s.Close = append(s.Close, c)
	}
	txs := []portfolio.Transaction{
		{Date: quotes.Date(2024, 1, 2), Kind: portfolio.Deposit, Amount: 1000, Account: "a"},
		{Date: quotes.Date(2024, 1, 2), Kind: portfolio.Buy, Symbol: "A", Quantity: 50, Price: 10, Account: "a"},
		{Date: quotes.Date(2024, 1, 2), Kind: portfolio.Deposit, Amount: 500, Account: "b"},
	}
	txs = append(txs, more...)
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": s}, Accounts: accounts})
	if err != nil {
		t.Fatal(err)
	}
	a, err := analysis.Run(res, nil, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := NewInput(a, InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestHoldingReturnsNameTheAccounts: beside -compare's accounts alone, the
// returns per holding say which portfolio they are of: every account
// consolidated, or the selection; a file of one account says nothing.
func TestHoldingReturnsNameTheAccounts(t *testing.T) {
	for _, c := range []struct {
		accounts []string
		want     string
	}{
		{nil, "<h2>Returns per holding (every account, consolidated: a, b)</h2>"},
		{[]string{"a"}, "<h2>Returns per holding (account a)</h2>"},
		{[]string{"b", "a"}, "<h2>Returns per holding (every account, consolidated: a, b)</h2>"},
	} {
		page := render(t, twoAccountInput(t, c.accounts), Options{})
		if !strings.Contains(page, c.want) {
			t.Errorf("accounts %v: no %q in the page", c.accounts, c.want)
		}
	}
	if page := render(t, windowedInput(t), Options{}); !strings.Contains(page, "<h2>Returns per holding</h2>") {
		t.Error("a file of one account: the heading should name no account")
	}
}

// TestAccountsLabel: one account, several, and all of them.
func TestAccountsLabel(t *testing.T) {
	for _, c := range []struct {
		accounts  []string
		selection bool
		want      string
	}{
		{[]string{"gia"}, true, "account gia"},
		{[]string{"gia", "isa"}, true, "accounts gia, isa, consolidated"},
		{[]string{"gia", "isa", "sipp"}, false, "every account, consolidated: gia, isa, sipp"},
	} {
		if got := AccountsLabel(c.accounts, c.selection); got != c.want {
			t.Errorf("AccountsLabel(%q, %v) = %q, want %q", c.accounts, c.selection, got, c.want)
		}
	}
}

// TestRebalanceNamesTheAccounts: a plan of account a alone says so in the
// section's heading and text; a plan of every account says "the
// portfolio".
func TestRebalanceNamesTheAccounts(t *testing.T) {
	in := twoAccountInput(t, []string{"a"})
	in.Rebalance = NewRebalance(&rebalance.Plan{Currency: "GBP", Accounts: []string{"a"}})
	page := render(t, in, Options{})
	if !strings.Contains(page, "<h2>Rebalancing (account a)</h2>") || !strings.Contains(page, "The trades that bring the positions and cash of account a to") {
		t.Error("the rebalancing section does not name account a")
	}
	in.Rebalance = NewRebalance(&rebalance.Plan{Currency: "GBP"})
	if page := render(t, in, Options{}); !strings.Contains(page, "<h2>Rebalancing</h2>") || !strings.Contains(page, "The trades that bring the portfolio to") {
		t.Error("a plan of every account should name none")
	}
}

// TestGainsSayTheyCoverEveryAccount: a report of account b alone still
// shows a's sale in its capital gains (tax is the person's), and a line
// says so; the report of both accounts needs no such line.
func TestGainsSayTheyCoverEveryAccount(t *testing.T) {
	sale := portfolio.Transaction{Date: quotes.Date(2024, 1, 4), Kind: portfolio.Sell, Symbol: "A", Quantity: 10, Price: 12, Account: "a"}
	in := twoAccountInput(t, []string{"b"}, sale)
	if in.Gains == nil || len(in.Gains.Disposals) != 1 {
		t.Fatalf("b's report: gains %+v, want a's sale", in.Gains)
	}
	want := "The capital gains cover every account (a, b), not only account b: tax is the person&#39;s"
	if page := render(t, in, Options{}); !strings.Contains(page, want) {
		t.Errorf("no %q in b's report", want)
	}
	if both := twoAccountInput(t, nil, sale); both.Gains == nil || both.Gains.Scope != "" {
		t.Errorf("both accounts: gains %+v, want no scope line", both.Gains)
	}
}
