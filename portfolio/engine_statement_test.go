package portfolio

import (
	"strings"
	"testing"

	"github.com/gofolio/gofolio/quotes"
)

// TestBuildStatement: a broker's statement records the dividends received
// and the splits, which the market data has too (issue 17: a broker export
// with dividends was refused with market data). Without Config.Statement the
// rows are reported as duplicates of the data's events; with it the data's
// dividend is not paid (the statement's net amount is the cash that came)
// and the SPLIT row is the data's split, taken once.
//
// By hand, X as traded: 100, 100, 50, 50 with a 2:1 split on d3 and a
// dividend of 1.00 a share (ex d2) in the data. Deposit 1000, buy 10 at 100
// on d1: cash 0. The statement's dividend on d4 is 7.50 (after 25% withheld
// from 10 × 1.00). Day 4: 20 shares × 50 = 1000, cash 7.50, value 1007.50;
// paying the data's dividend too would give 1017.50.
func TestBuildStatement(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 100, 100, 50, 50)
	x.Splits = []quotes.Split{{Date: d3, Numerator: 2, Denominator: 1}}
	x.Dividends = []quotes.Dividend{{Date: d2, Amount: 1}}
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Currency: "USD"},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 100},
		{Date: d3, Kind: Split, Symbol: "X", Quantity: 2, Price: 1},
		{Date: d4, Kind: Dividend, Symbol: "X", Amount: 7.5},
	}
	cfg := Config{Currency: "USD", Series: map[string]*quotes.Series{"X": x}}
	_, err := Build(txs, cfg)
	if err == nil || !strings.Contains(err.Error(), "no SPLIT row: the market data already has the 2:1 split") ||
		!strings.Contains(err.Error(), "no DIVIDEND row: the market data already pays the 1 dividend") {
		t.Fatalf("without Statement: err = %v, want the SPLIT and DIVIDEND rows reported as duplicates", err)
	}
	cfg.Statement = true
	res, err := Build(txs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	p := res.Performance
	if got := p.Value[3]; got != 1007.5 {
		t.Errorf("value on d4 = %v, want 1007.5 (20 × 50 + the statement's 7.50)", got)
	}
	if got := res.Holdings.Quantity()[res.Holdings.Row(0, 3)]; got != 20 {
		t.Errorf("quantity on d4 = %v, want 20: the split once", got)
	}
	// A SPLIT row of another ratio at the data's split is still a problem.
	txs[2].Quantity = 3
	if _, err := Build(txs, cfg); err == nil || !strings.Contains(err.Error(), "no SPLIT row") {
		t.Errorf("a 3:1 SPLIT row at the data's 2:1 split: err = %v", err)
	}
}

// TestBuildMessagesWriteTinyNumbersShort: a close of 1e-320 given through the
// Go API is written as such in a message, not as 320 digits (issue 14.14).
func TestBuildMessagesWriteTinyNumbersShort(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2), 1e-320, 1e-320)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 100, Currency: "USD"},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 1, Price: 1},
	}
	_, err := Build(txs, Config{Currency: "USD", Series: map[string]*quotes.Series{"X": x}})
	if err == nil || !strings.Contains(err.Error(), "close of X (1e-320 USD)") || len(err.Error()) > 600 {
		t.Errorf("err = %v", err)
	}
	if got := formatNumber(0.000000001); got != "0.000000001" {
		t.Errorf("formatNumber(1e-9) = %q, want it in full", got)
	}
}
