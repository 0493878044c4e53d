package txfile

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
	"github.com/gofolio/gofolio/quotes"
)

// referenceWant is the reference sheet's content as its README lists it,
// sorted by date (the sheet itself is not in date order), with each row's
// position in the sheet.
func referenceWant(file, sheet string) []txn.Transaction {
	o := func(row int) txn.Origin { return txn.Origin{File: file, Sheet: sheet, Row: row} }
	return []txn.Transaction{
		{Date: quotes.Date(2015, 1, 5), Kind: txn.Deposit, Amount: 10000, Origin: o(6)},
		{Date: quotes.Date(2015, 9, 8), Kind: txn.Buy, Symbol: "TSLA", Quantity: 20, Price: 247.65, Commission: 61.95, Origin: o(4)},
		{Date: quotes.Date(2016, 2, 1), Kind: txn.Buy, Symbol: "IBM", Quantity: 10, Price: 125.50, Commission: 8.99, Origin: o(2)},
		{Date: quotes.Date(2016, 9, 6), Kind: txn.Buy, Symbol: "MSFT", Quantity: 15, Price: 57.12, Commission: 12.34, Origin: o(3)},
		{Date: quotes.Date(2017, 7, 3), Kind: txn.Sell, Symbol: "TSLA", Quantity: 10, Price: 320.40, Commission: 30.01, Origin: o(5)},
	}
}

// sharedDir returns the shared data directory next to the repository
// (../shared from the directory holding go.mod), skipping the test when it
// is absent.
func sharedDir(t *testing.T, sub string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("skipping: no go.mod above the test directory, so no ../shared")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", sub)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: shared data %s is absent: %v", p, err)
	}
	return p
}

func TestReadReferenceSheet(t *testing.T) {
	path := filepath.Join(sharedDir(t, "reference"), "transactions.xlsx")
	got, err := Read(path, Options{Sheet: "A"})
	if err != nil {
		t.Fatal(err)
	}
	assertTransactions(t, got, referenceWant(path, "A"))
}

// TestReadReferenceLayout writes a sheet in the original notebook's layout
// (as its README describes it, in the same row order) and reads it back.
func TestReadReferenceLayout(t *testing.T) {
	data := buildWorkbook(t, rtBook{sheets: []rtSheet{{name: "A", rows: [][]any{
		{"date", "tx", "symbol", "quantity", "price", "commission", "cash"},
		{20160201, "BUY", "IBM", 10, 125.5, 8.99},
		{20160906, "BUY", "MSFT", 15, 57.12, 12.34},
		{20150908, "BUY", "TSLA", 20, 247.65, 61.95},
		{20170703, "SELL", "TSLA", 10, 320.4, 30.01},
		{20150105, nil, nil, nil, nil, nil, 10000},
	}}}})
	got, err := ReadExcel(bytes.NewReader(data), Options{Name: "mine.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	assertTransactions(t, got, referenceWant("mine.xlsx", "A"))
}

func assertTransactions(t *testing.T, got, want []txn.Transaction) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d transactions, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("transaction %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

// TestReadExcelDates reads every accepted form of date: yyyymmdd numbers
// and text, serial numbers under built-in and custom date formats in both
// the 1900 and 1904 date systems, ISO text and midnight date-time text.
func TestReadExcelDates(t *testing.T) {
	// 2016-02-01 is serial 42401 in the 1900 system (days since 1899-12-30,
	// which absorbs Lotus's fictitious 1900-02-29) and 42401 − 1462 = 40939
	// in the 1904 system (days since 1904-01-01).
	for _, system := range []struct {
		date1904 bool
		serial   float64
	}{{false, 42401}, {true, 40939}} {
		rows := [][]any{{"Date", "Kind", "Amount"},
			{20160201, "DEPOSIT", 1},
			{rtDate{serial: system.serial}, "DEPOSIT", 2},
			{rtDate{serial: system.serial, format: "yyyy-mm-dd"}, "DEPOSIT", 3},
			{rtDate{serial: system.serial, format: `[$-409]d\ mmmm\ yyyy;@`}, "DEPOSIT", 4},
			{"2016-02-01", "DEPOSIT", 5},
			{"2016-02-01T00:00:00Z", "DEPOSIT", 6},
			{"20160201", "DEPOSIT", 7},
		}
		data := buildWorkbook(t, rtBook{date1904: system.date1904, sheets: []rtSheet{{rows: rows}}})
		got, err := ReadExcel(bytes.NewReader(data), Options{})
		if err != nil {
			t.Fatalf("1904=%v: %v", system.date1904, err)
		}
		if len(got) != len(rows)-1 {
			t.Fatalf("1904=%v: got %d transactions, want %d", system.date1904, len(got), len(rows)-1)
		}
		for i, tx := range got {
			if !tx.Date.Equal(quotes.Date(2016, 2, 1)) || tx.Date.Location() != time.UTC {
				t.Errorf("1904=%v: row %d: date %v, want 2016-02-01 UTC", system.date1904, tx.Origin.Row, tx.Date)
			}
			if tx.Amount != float64(i+1) {
				t.Errorf("1904=%v: same-day transactions out of file order: %+v", system.date1904, got)
			}
		}
	}
}

// TestReadExcelFormulas: a formula's saved result is used, for dates (a
// result formatted as a date) and numbers alike.
func TestReadExcelFormulas(t *testing.T) {
	book := rtBook{sheets: []rtSheet{{
		rows: [][]any{{"date", "kind", "amount"},
			{rtFormula{formula: "DATE(2016,2,1)", cached: 42401.0}, "DEPOSIT", rtFormula{formula: "2*50", cached: 100.0}},
			{rtDate{serial: 42402}, "DEPOSIT", 1}},
		// The stream writer cannot style a formula cell; give A2 the date
		// style (index 1) that A3 uses.
		patch: func(s string) string { return replaceOnce(s, `<c r="A2">`, `<c r="A2" s="1">`) },
	}}}
	got, err := ReadExcel(bytes.NewReader(buildWorkbook(t, book)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !got[0].Date.Equal(quotes.Date(2016, 2, 1)) || got[0].Amount != 100 || got[0].Origin.Row != 2 {
		t.Fatalf("got %+v, want a deposit of 100 on 2016-02-01 (row 2) first", got)
	}
}

// TestReadExcelDateCell reads an ISO 8601 date cell (t="d"), which some
// programs write instead of a serial number.
func TestReadExcelDateCell(t *testing.T) {
	book := rtBook{sheets: []rtSheet{{
		rows:  [][]any{{"date", "kind", "amount"}, {"placeholder", "DEPOSIT", 5}},
		patch: cellPatch("A2", `<c r="A2" t="d"><v>2016-02-01T00:00:00Z</v></c>`),
	}}}
	got, err := ReadExcel(bytes.NewReader(buildWorkbook(t, book)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !got[0].Date.Equal(quotes.Date(2016, 2, 1)) {
		t.Fatalf("got %+v, want a deposit on 2016-02-01", got)
	}
}

func replaceOnce(s, old, new string) string { return strings.Replace(s, old, new, 1) }

func TestReadIsDateFormat(t *testing.T) {
	for code, want := range map[string]bool{
		"yyyy-mm-dd":                 true,
		`[$-409]d\ mmmm\ yyyy;@`:     true,
		"dd/mm/yy h:mm":              true,
		"[h]:mm:ss":                  true,
		"h:mm AM/PM":                 true,
		"General":                    false,
		"#,##0.00":                   false,
		`#,##0.00 "days"`:            false, // d and s are quoted text
		`0.00\d`:                     false, // an escaped d is a literal
		"[Red]#,##0;[Blue]-#,##0":    false, // colours, not placeholders
		`[$USD-409] #,##0.00;(0.00)`: false,
		"0.00E+00":                   false,
		"#,##0;yyyy":                 false, // only the first section counts
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v, want %v", code, got, want)
		}
	}
	for id, want := range map[int]bool{0: false, 2: false, 14: true, 22: true, 23: false, 45: true, 49: false, 57: true} {
		if got := isBuiltInDateFormat(id); got != want {
			t.Errorf("isBuiltInDateFormat(%d) = %v, want %v", id, got, want)
		}
	}
}

// TestReadExcelPicksSheet: "" reads the first sheet; a name matches
// case-insensitively, as spreadsheet programs match sheet names.
func TestReadExcelPicksSheet(t *testing.T) {
	data := buildWorkbook(t, rtBook{sheets: []rtSheet{
		{name: "First", rows: [][]any{{"date", "kind", "amount"}, {20160201, "DEPOSIT", 1}}},
		{name: "Second", rows: [][]any{{"date", "kind", "amount"}, {20160201, "DEPOSIT", 2}}},
	}})
	for sheet, want := range map[string]float64{"": 1, "second": 2, "SECOND": 2, "First": 1} {
		got, err := ReadExcel(bytes.NewReader(data), Options{Sheet: sheet})
		if err != nil {
			t.Fatalf("sheet %q: %v", sheet, err)
		}
		if len(got) != 1 || got[0].Amount != want {
			t.Errorf("sheet %q: got %+v, want the deposit of %v", sheet, got, want)
		}
	}
}
