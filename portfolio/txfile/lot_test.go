package txfile

import (
	"errors"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// TestReadCSVLotColumn: a SELL row's lot is a date or a BUY row's number;
// anything else, or a lot on another kind, is a problem at its cell.
func TestReadCSVLotColumn(t *testing.T) {
	in := "date,kind,symbol,quantity,price,lot\n" +
		"2024-01-02,BUY,X,10,5,\n" +
		"2024-01-03,SELL,X,1,6,2024-01-02\n" +
		"2024-01-04,SELL,X,1,6,row 2\n" +
		"2024-01-05,SELL,X,1,6, 2 \n"
	got, err := ReadCSV(strings.NewReader(in), Options{Name: "t.csv"})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"", "2024-01-02", "row 2", "row 2"} {
		if got[i].Lot != want {
			t.Errorf("row %d: Lot %q, want %q", i+2, got[i].Lot, want)
		}
	}
	bad := "date,kind,symbol,quantity,price,lot\n" +
		"2024-01-02,BUY,X,10,5,2024-01-01\n" +
		"2024-01-03,SELL,X,1,6,first\n"
	_, err = ReadCSV(strings.NewReader(bad), Options{Name: "t.csv"})
	var ve *txn.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 2 {
		t.Fatalf("got %v, want 2 problems", err)
	}
	for i, want := range []string{
		`t.csv, row 2, column lot: "2024-01-01": blank: a BUY row sells no lot (only SELL rows name one)`,
		`t.csv, row 3, column lot: "first": ` + expectLot,
	} {
		if got := ve.Problems[i].String(); got != want {
			t.Errorf("problem %d:\n got %s\nwant %s", i, got, want)
		}
	}
}
