package txfile

import (
	"errors"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// TestReadCSVCorporateActions: each corporate action's columns, and a
// problem for each column missing, out of range or not used.
func TestReadCSVCorporateActions(t *testing.T) {
	in := "date,kind,symbol,quantity,price,amount,to,fraction\n" +
		"2024-01-02,SPINOFF,P,30,,,C,0.2\n" +
		"2024-01-03,MERGER,T,50,30,500,A,\n" +
		"2024-01-04,SYMBOLCHANGE,FB,,,,META,\n" +
		"2024-01-05,STOCKDIVIDEND,X,10,,,,\n" +
		"2024-01-08,RETURNOFCAPITAL,X,,,300,,\n" +
		"2024-01-09,CAPITALGAINS,F,,,50,,\n"
	got, err := ReadCSV(strings.NewReader(in), Options{Name: "t.csv"})
	if err != nil {
		t.Fatal(err)
	}
	want := []txn.Transaction{
		{Kind: txn.SpinOff, Symbol: "P", Quantity: 30, To: "C", Fraction: 0.2},
		{Kind: txn.Merger, Symbol: "T", Quantity: 50, Price: 30, Amount: 500, To: "A"},
		{Kind: txn.SymbolChange, Symbol: "FB", To: "META"},
		{Kind: txn.StockDividend, Symbol: "X", Quantity: 10},
		{Kind: txn.ReturnOfCapital, Symbol: "X", Amount: 300},
		{Kind: txn.CapitalGains, Symbol: "F", Amount: 50},
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != w.Kind || g.Symbol != w.Symbol || g.Quantity != w.Quantity || g.Price != w.Price || g.Amount != w.Amount ||
			g.To != w.To || g.Fraction != w.Fraction {
			t.Errorf("row %d: got %+v, want %+v", i+2, g, w)
		}
	}
	bad := "date,kind,symbol,quantity,price,amount,to,fraction\n" +
		"2024-01-02,SPINOFF,P,30,,,,1.5\n" +
		"2024-01-03,MERGER,T,50,,500,A,\n" +
		"2024-01-04,BUY,X,1,5,,Y,\n"
	_, err = ReadCSV(strings.NewReader(bad), Options{Name: "t.csv"})
	var ve *txn.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want problems", err)
	}
	var lines []string
	for _, p := range ve.Problems {
		lines = append(lines, p.String())
	}
	for _, w := range []string{
		`t.csv, row 2, column to: "": the other symbol: SPINOFF rows need one (the company spun off, the acquirer, the new symbol)`,
		`t.csv, row 2, column fraction: "1.5": the part of the cost that moves to the new shares, greater than 0 and at most 1 (0.2 for 20%)`,
		`t.csv, row 3, column price: "": ` + expectWorth,
		`t.csv, row 4, column to: "Y": blank: BUY rows do not use to`,
	} {
		found := false
		for _, l := range lines {
			found = found || l == w
		}
		if !found {
			t.Errorf("no problem\n%s\nin\n%s", w, strings.Join(lines, "\n"))
		}
	}
	if len(lines) != 4 {
		t.Errorf("%d problems, want 4:\n%s", len(lines), strings.Join(lines, "\n"))
	}
}
