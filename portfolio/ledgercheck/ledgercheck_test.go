package ledgercheck

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

func day(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }

// TestCompute, by hand, account "a" in USD, rows given out of date order:
//
//	deposit 1000                          cash 1000
//	buy 10 X at 20 + 1                    cash 1000 − 201 = 799, X 10
//	split 3:1 (day 4)                     X 30
//	sell 5 X at 8 − 1                     cash 799 + 39 = 838, X 25
//	dividend 6 X, tax 0.9 on X            cash 838 + 6 − 0.9 = 843.10
//	interest 2, fee 3, withdrawal 100     cash 843.10 + 2 − 3 − 100 = 742.10
//
// and account "b": a blank-currency deposit of 50 (the reporting currency).
func TestCompute(t *testing.T) {
	txs := []txn.Transaction{
		{Date: day(4), Kind: txn.Split, Symbol: "X", Quantity: 3, Price: 1, Account: "a"},
		{Date: day(2), Kind: txn.Deposit, Amount: 1000, Currency: "USD", Account: "a"},
		{Date: day(3), Kind: txn.Buy, Symbol: "X", Quantity: 10, Price: 20, Commission: 1, Currency: "USD", Account: "a"},
		{Date: day(5), Kind: txn.Sell, Symbol: "X", Quantity: 5, Price: 8, Commission: 1, Currency: "USD", Account: "a"},
		{Date: day(6), Kind: txn.Dividend, Symbol: "X", Amount: 6, Currency: "USD", Account: "a"},
		{Date: day(6), Kind: txn.Tax, Symbol: "X", Amount: 0.9, Currency: "USD", Account: "a"},
		{Date: day(7), Kind: txn.Interest, Amount: 2, Currency: "USD", Account: "a"},
		{Date: day(7), Kind: txn.Fee, Amount: 3, Currency: "USD", Account: "a"},
		{Date: day(8), Kind: txn.Withdrawal, Amount: 100, Currency: "USD", Account: "a"},
		{Date: day(8), Kind: txn.Deposit, Amount: 50, Account: "b"},
		// Flows that cancel but for float rounding: 0.3 − 0.1 − 0.2 in
		// EUR is −2.8e-17, written 0.00, never -0.00.
		{Date: day(9), Kind: txn.Interest, Amount: 0.3, Currency: "EUR", Account: "b"},
		{Date: day(9), Kind: txn.Fee, Amount: 0.1, Currency: "EUR", Account: "b"},
		{Date: day(9), Kind: txn.Fee, Amount: 0.2, Currency: "EUR", Account: "b"},
	}
	b, err := Compute(txs)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Holdings) != 1 || b.Holdings[0] != (Holding{"a", "X", 25}) {
		t.Errorf("holdings %+v", b.Holdings)
	}
	if len(b.Cash) != 3 || b.Cash[0].Currency != "USD" || math.Abs(b.Cash[0].Amount-742.10) > 1e-9 || b.Cash[1] != (Cash{"b", ReportingCurrency, 50}) || b.Cash[2].Amount >= 0 {
		t.Errorf("cash %+v", b.Cash)
	}
	if len(b.Dividends) != 1 || b.Dividends[0] != (Income{"X", "USD", 6, 0.9}) || len(b.Interest) != 2 || b.Interest[0] != (Income{"a", "USD", 2, 0}) {
		t.Errorf("income %+v %+v", b.Dividends, b.Interest)
	}
	var out bytes.Buffer
	if err := b.Write(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"  a, X: 25\n", "  a: 742.10 USD\n", "  b: 50.00 (reporting currency)\n", "  X: 6.00 USD (0.90)\n", "  b: 0.00 EUR\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestComputeUnpricedTrade: a trade at the day's close has no known cash
// without market data: an error naming its origin.
func TestComputeUnpricedTrade(t *testing.T) {
	_, err := Compute([]txn.Transaction{{Date: day(2), Kind: txn.Buy, Symbol: "X", Quantity: 1, Origin: txn.Origin{File: "f.csv", Row: 2}}})
	if err == nil || !strings.Contains(err.Error(), "f.csv, row 2, column price") {
		t.Errorf("err = %v", err)
	}
}

// TestComputeTransfers: a TRANSFER moves 4 of a's 10 X and 300 of its
// 1000 USD to b: a holds 6 X and 1000 − 10 × 20 − 300 = 500 USD, b 4 X
// and 300 USD.
func TestComputeTransfers(t *testing.T) {
	txs := []txn.Transaction{
		{Date: day(2), Kind: txn.Deposit, Amount: 1000, Currency: "USD", Account: "a"},
		{Date: day(3), Kind: txn.Buy, Symbol: "X", Quantity: 10, Price: 20, Currency: "USD", Account: "a"},
		{Date: day(4), Kind: txn.Transfer, Symbol: "X", Quantity: 4, Account: "a", To: "b"},
		{Date: day(4), Kind: txn.Transfer, Amount: 300, Currency: "USD", Account: "a", To: "b"},
	}
	b, err := Compute(txs)
	if err != nil {
		t.Fatal(err)
	}
	if want := []Holding{{"a", "X", 6}, {"b", "X", 4}}; !slices.Equal(b.Holdings, want) {
		t.Errorf("holdings %+v, want %+v", b.Holdings, want)
	}
	if want := []Cash{{"a", "USD", 500}, {"b", "USD", 300}}; !slices.Equal(b.Cash, want) {
		t.Errorf("cash %+v, want %+v", b.Cash, want)
	}
}

// TestComputeForAccounts: a buys 10 X at 20 (1000 deposited), then an X
// at the day's close (no price: its cash is unknown), receives a dividend
// of 5 and transfers 4 X and 300 USD to b, which is paid a dividend of 2
// on them and interest of 1. For b alone: 4 X, 300 + 2 + 1 = 303 USD,
// X's dividends 2 and b's interest 1; a's unpriced trade is not b's
// business. For a: its unpriced trade is an error.
func TestComputeForAccounts(t *testing.T) {
	txs := []txn.Transaction{
		{Date: day(2), Kind: txn.Deposit, Amount: 1000, Currency: "USD", Account: "a"},
		{Date: day(3), Kind: txn.Buy, Symbol: "X", Quantity: 10, Price: 20, Currency: "USD", Account: "a"},
		{Date: day(3), Kind: txn.Buy, Symbol: "X", Quantity: 1, Currency: "USD", Account: "a", Origin: txn.Origin{File: "f.csv", Row: 3}},
		{Date: day(3), Kind: txn.Dividend, Symbol: "X", Amount: 5, Currency: "USD", Account: "a"},
		{Date: day(4), Kind: txn.Transfer, Symbol: "X", Quantity: 4, Account: "a", To: "b"},
		{Date: day(4), Kind: txn.Transfer, Amount: 300, Currency: "USD", Account: "a", To: "b"},
		{Date: day(5), Kind: txn.Dividend, Symbol: "X", Amount: 2, Currency: "USD", Account: "b"},
		{Date: day(5), Kind: txn.Interest, Amount: 1, Currency: "USD", Account: "b"},
	}
	b, err := ComputeFor(txs, []string{"b"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []Holding{{"b", "X", 4}}; !slices.Equal(b.Holdings, want) {
		t.Errorf("holdings %+v, want %+v", b.Holdings, want)
	}
	if want := []Cash{{"b", "USD", 303}}; !slices.Equal(b.Cash, want) {
		t.Errorf("cash %+v, want %+v", b.Cash, want)
	}
	if want := []Income{{"X", "USD", 2, 0}}; !slices.Equal(b.Dividends, want) {
		t.Errorf("dividends %+v, want %+v", b.Dividends, want)
	}
	if want := []Income{{"b", "USD", 1, 0}}; !slices.Equal(b.Interest, want) {
		t.Errorf("interest %+v, want %+v", b.Interest, want)
	}
	if _, err := ComputeFor(txs, []string{"a"}); err == nil || !strings.Contains(err.Error(), "f.csv, row 3, column price") {
		t.Errorf("a's unpriced trade: %v", err)
	}
}
