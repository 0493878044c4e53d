package txfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/txn"
	"github.com/gofolio/gofolio/quotes"
)

// TestReadCSVEveryKind reads one row of each kind, with header aliases in
// mixed case, an ignored extra column, a byte order mark, thousands
// separators, padded lower-case kinds and symbols wrapped in non-breaking
// spaces.
func TestReadCSVEveryKind(t *testing.T) {
	in := "\ufeff Date ,TYPE,Ticker,Shares,Price,Fees,Cash,Currency,Memo,Ratio,My running total\n" +
		"2016-02-03,sell,IBM,5,130,1.5,,,,,x\n" +
		"2016-02-01,buy ,\u00a0IBM\u00a0,\"1,000\",125.50,8.99,,USD,\"<b>first</b> \"\"lot\"\"\",,\n" +
		"20160201,DEPOSIT,,,,,\"150,000.25\",GBP,,,\n" +
		"2016-02-02,WITHDRAWAL,,,,,500,,,,\n" +
		"2016-02-04,DIVIDEND,IBM,,,,12.5,GBp,,,\n" +
		"2016-02-05,FEE,,,,,5,,account fee,,\n" +
		"2016-02-05,TAX,IBM,,,,1.25,,withheld,,\n" +
		"2016-02-06,INTEREST,,,,,0.5,,,,\n" +
		"2016-02-07,SPLIT,IBM,4,1,,,,,,\n" +
		"2016-02-08,SPLIT,BRK-b,,,,,,,1:10,\n" +
		"2016-02-09,BUY,IBM,1,,0,,,,,\n" +
		",,,,,,,,,,ignored: no known column filled\n" +
		"2016-02-09,,,,,,-20,,,,\n"
	got, err := ReadCSV(strings.NewReader(in), Options{Name: "t.csv"})
	if err != nil {
		t.Fatal(err)
	}
	o := func(row int) txn.Origin { return txn.Origin{File: "t.csv", Row: row} }
	want := []txn.Transaction{
		{Date: quotes.Date(2016, 2, 1), Kind: txn.Buy, Symbol: "IBM", Quantity: 1000, Price: 125.5, Commission: 8.99, Currency: "USD", Note: `<b>first</b> "lot"`, Origin: o(3)},
		{Date: quotes.Date(2016, 2, 1), Kind: txn.Deposit, Amount: 150000.25, Currency: "GBP", Origin: o(4)},
		{Date: quotes.Date(2016, 2, 2), Kind: txn.Withdrawal, Amount: 500, Origin: o(5)},
		{Date: quotes.Date(2016, 2, 3), Kind: txn.Sell, Symbol: "IBM", Quantity: 5, Price: 130, Commission: 1.5, Origin: o(2)},
		{Date: quotes.Date(2016, 2, 4), Kind: txn.Dividend, Symbol: "IBM", Amount: 12.5, Currency: "GBp", Origin: o(6)},
		{Date: quotes.Date(2016, 2, 5), Kind: txn.Fee, Amount: 5, Note: "account fee", Origin: o(7)},
		{Date: quotes.Date(2016, 2, 5), Kind: txn.Tax, Symbol: "IBM", Amount: 1.25, Note: "withheld", Origin: o(8)},
		{Date: quotes.Date(2016, 2, 6), Kind: txn.Interest, Amount: 0.5, Origin: o(9)},
		{Date: quotes.Date(2016, 2, 7), Kind: txn.Split, Symbol: "IBM", Quantity: 4, Price: 1, Origin: o(10)},
		{Date: quotes.Date(2016, 2, 8), Kind: txn.Split, Symbol: "BRK-b", Quantity: 1, Price: 10, Origin: o(11)},
		{Date: quotes.Date(2016, 2, 9), Kind: txn.Buy, Symbol: "IBM", Quantity: 1, Origin: o(12)},
		{Date: quotes.Date(2016, 2, 9), Kind: txn.Withdrawal, Amount: 20, Origin: o(14)},
	}
	assertTransactions(t, got, want)
}

// TestReadCSVBrokerAbbreviations reads the short headers broker exports
// use (Px, Comm, Amt, Ccy) as their fields rather than ignoring them.
func TestReadCSVBrokerAbbreviations(t *testing.T) {
	in := "Date,Action,Symbol,Qty,Px,Comm,Amt,Ccy\n" +
		"2016-02-01,DEPOSIT,,,,,1000,USD\n" +
		"2016-02-02,BUY,IBM,3,125.5,4.95,,USD\n"
	got, err := ReadCSV(strings.NewReader(in), Options{Name: "t.csv"})
	if err != nil {
		t.Fatal(err)
	}
	o := func(row int) txn.Origin { return txn.Origin{File: "t.csv", Row: row} }
	assertTransactions(t, got, []txn.Transaction{
		{Date: quotes.Date(2016, 2, 1), Kind: txn.Deposit, Amount: 1000, Currency: "USD", Origin: o(2)},
		{Date: quotes.Date(2016, 2, 2), Kind: txn.Buy, Symbol: "IBM", Quantity: 3, Price: 125.5, Commission: 4.95, Currency: "USD", Origin: o(3)},
	})
}

// TestReadCSVHostileText: notes keep HTML, quotes, path separators and
// control characters verbatim (they are escaped where rendered); symbols
// keep HTML-like text (the market data will not know it) but not control
// characters.
func TestReadCSVHostileText(t *testing.T) {
	note := "<script>alert('x')</script> ../../etc/passwd \\ \t\x01"
	in := "date,kind,symbol,quantity,note\n2016-02-01,BUY,\"<i>\"\"IBM\"\"</i>/..\",1,\"" + strings.ReplaceAll(note, `"`, `""`) + "\"\n"
	got, err := ReadCSV(strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Note != note {
		t.Errorf("note %q, want %q", got[0].Note, note)
	}
	if got[0].Symbol != `<i>"IBM"</i>/..` {
		t.Errorf("symbol %q", got[0].Symbol)
	}
}

// TestReadCSVProblemsAreCollected: a file with problems on several rows
// reports all of them and returns no transactions.
func TestReadCSVProblemsAreCollected(t *testing.T) {
	in := "date,kind,amount\n2016-02-01,DEPOSIT,1\nbad,DEPOSIT,1\n2016-02-01,DEPOSIT,x\n2016-02-01,DEPOSIT,2\n"
	txs, err := ReadCSV(strings.NewReader(in), Options{})
	var ve *txn.ValidationError
	if !errors.As(err, &ve) || txs != nil {
		t.Fatalf("got %v, %v; want a *ValidationError and no transactions", txs, err)
	}
	if len(ve.Problems) != 2 || ve.Problems[0].Row != 3 || ve.Problems[1].Row != 4 {
		t.Fatalf("problems %+v, want rows 3 and 4", ve.Problems)
	}
	if !strings.HasPrefix(err.Error(), "2 problems in transactions:\n\trow 3, column date: \"bad\": ") {
		t.Errorf("message %q", err.Error())
	}
}

// TestReadCSVProblemLimit: a million broken rows do not make a million-line
// message: the first maxProblems are listed and the rest counted.
func TestReadCSVProblemLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,kind,amount\n")
	for range maxProblems + 5 {
		b.WriteString("2016-02-01,DEPOSIT,-1\n")
	}
	_, err := ReadCSV(strings.NewReader(b.String()), Options{})
	var ve *txn.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != maxProblems+1 {
		t.Fatalf("got %v", err)
	}
	if last := ve.Problems[maxProblems]; last.Expected != "5 more problems not listed" {
		t.Errorf("last problem %+v", last)
	}
}

// TestReadFile reads by extension, and leaves the files as they were.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "t.CSV")
	csvData := []byte("date,tx,symbol,quantity,price,commission,cash\n20160201,BUY,IBM,10,125.5,8.99,\n20150105,,,,,,10000\n")
	xlsxPath := filepath.Join(dir, "t.xlsx")
	xlsxData := buildWorkbook(t, rtBook{sheets: []rtSheet{{rows: [][]any{
		{"date", "tx", "symbol", "quantity", "price", "commission", "cash"},
		{20160201, "BUY", "IBM", 10, 125.5, 8.99},
		{20150105, nil, nil, nil, nil, nil, 10000},
	}}}})
	for path, data := range map[string][]byte{csvPath: csvData, xlsxPath: xlsxData} {
		if err := os.WriteFile(path, data, 0o444); err != nil {
			t.Fatal(err)
		}
		got, err := Read(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Kind != txn.Deposit || got[1].Symbol != "IBM" || got[1].Origin.File != path {
			t.Errorf("%s: got %+v", path, got)
		}
		after, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(after, data) {
			t.Errorf("%s changed by reading it", path)
		}
	}
	if _, err := Read(filepath.Join(dir, "t.xls"), Options{}); err == nil || !strings.Contains(err.Error(), `unsupported file type ".xls"`) {
		t.Errorf("reading .xls: %v", err)
	}
	if _, err := Read(filepath.Join(dir, "absent.csv"), Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("reading a missing file: %v, want os.ErrNotExist", err)
	}
}
