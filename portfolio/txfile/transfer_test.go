package txfile

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// TestReadCSVTransfers: a cash and a share TRANSFER read with their
// accounts, and one problem for each column missing, wrong or not used.
func TestReadCSVTransfers(t *testing.T) {
	in := "date,kind,symbol,quantity,amount,currency,account,to\n" +
		"2024-01-02,TRANSFER,,,500,USD,ISA,GIA\n" +
		"2024-01-03,transfer,ABC,10,,,GIA,ISA\n"
	got, err := ReadCSV(strings.NewReader(in), Options{Name: "t.csv"})
	if err != nil {
		t.Fatal(err)
	}
	want := []txn.Transaction{
		{Kind: txn.Transfer, Amount: 500, Currency: "USD", Account: "ISA", To: "GIA"},
		{Kind: txn.Transfer, Symbol: "ABC", Quantity: 10, Account: "GIA", To: "ISA"},
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != w.Kind || g.Symbol != w.Symbol || g.Quantity != w.Quantity || g.Amount != w.Amount ||
			g.Currency != w.Currency || g.Account != w.Account || g.To != w.To {
			t.Errorf("row %d: got %+v, want %+v", i+2, g, w)
		}
	}
	bad := "date,kind,symbol,quantity,price,amount,currency,account,to\n" +
		"2024-01-02,TRANSFER,,,,500,,ISA,\n" +
		"2024-01-03,TRANSFER,,,,500,,ISA,ISA\n" +
		"2024-01-04,TRANSFER,,5,,,,ISA,GIA\n" +
		"2024-01-05,TRANSFER,ABC,10,12,30,USD,ISA,GIA\n"
	_, err = ReadCSV(strings.NewReader(bad), Options{Name: "t.csv"})
	var ve *txn.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want problems", err)
	}
	var lines []string
	for _, p := range ve.Problems {
		lines = append(lines, p.String())
	}
	wantLines := []string{
		`t.csv, row 2, column to: "": the account receiving the transfer: TRANSFER rows need one`,
		`t.csv, row 3, column to: "ISA": another account than the row's own ("ISA"): a transfer moves cash or shares between two accounts`,
		`t.csv, row 4, column amount: "": an amount greater than 0 (the kind gives the direction)`,
		`t.csv, row 4, column quantity: "5": blank: TRANSFER rows do not use quantity`,
		`t.csv, row 5, column currency: "USD": ` + expectTransferCurrency,
		`t.csv, row 5, column price: "12": blank: TRANSFER rows do not use price`,
		`t.csv, row 5, column amount: "30": blank: TRANSFER rows do not use amount`,
	}
	for _, w := range wantLines {
		if !slices.Contains(lines, w) {
			t.Errorf("missing problem %q in:\n%s", w, strings.Join(lines, "\n"))
		}
	}
	if len(lines) != len(wantLines) {
		t.Errorf("got %d problems, want %d:\n%s", len(lines), len(wantLines), strings.Join(lines, "\n"))
	}
}
