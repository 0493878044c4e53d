package txfile

import (
	"bytes"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// TestReadSerialDate checks the serial day counts around the day that
// never was. By hand, in the 1900 system: day 1 is 1900-01-01, so day 59
// is 1900-01-01 + 58 days = 1900-02-28 (January has 31 days: 58 - 31 = 27
// days into February); day 60 would be 1900-02-29, which 1900 (not a leap
// year: divisible by 100, not by 400) does not have; day 61 is 1900-03-01,
// the day after 1900-02-28, and from there on day d is 1899-12-30 + d
// days: 42401 is 2016-02-01 (Excel shows it so). In the 1904 system day 0
// is 1904-01-01 and day 60 is 1904-03-01 (1904 is a leap year: 31 + 29 =
// 60 days before March).
func TestReadSerialDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		serial   float64
		date1904 bool
		want     time.Time
		expected string
	}{
		{0, false, time.Time{}, expectDateRange}, // 1900-01-00, Excel's day before the first
		{1, false, day(1900, 1, 1), ""},
		{59, false, day(1900, 2, 28), ""},
		{60, false, time.Time{}, expectLeapDay1900},
		{61, false, day(1900, 3, 1), ""},
		{62, false, day(1900, 3, 2), ""},
		{42401, false, day(2016, 2, 1), ""},
		{42400.9999999, false, day(2016, 2, 1), ""}, // a hundredth of a second before midnight
		{60.5, false, time.Time{}, expectNoTime},
		{0, true, day(1904, 1, 1), ""},
		{60, true, day(1904, 3, 1), ""},
		{73050, false, day(2099, 12, 31), ""},
		{73416, false, time.Time{}, expectDateRange}, // 2101-01-01: 73051 (2100-01-01) + 365, 2100 not being a leap year
	} {
		got, _, expected := serialDate(c.serial, c.date1904)
		if !got.Equal(c.want) || expected != c.expected {
			t.Errorf("serialDate(%v, 1904: %v) = %v, %q; want %v, %q", c.serial, c.date1904, got, expected, c.want, c.expected)
		}
	}
}

// TestReadExcelHiddenFirstSheet: without a sheet name the first visible
// sheet is read, not a hidden one before it (a lookup table, an old
// version); a hidden sheet named is read.
func TestReadExcelHiddenFirstSheet(t *testing.T) {
	data := buildHandBook(t, handBook{sheets: []handSheet{
		{name: "Old", state: "hidden", rows: handHeader + handRow(2, 20160201, "DEPOSIT", 1)},
		{name: "Lookup", state: "veryHidden", rows: handHeader + handRow(2, 20160201, "DEPOSIT", 2)},
		{name: "Trades", rows: handHeader + handRow(2, 20160201, "DEPOSIT", 3)},
	}})
	for sheet, want := range map[string]float64{"": 3, "old": 1, "Lookup": 2} {
		txs, err := ReadExcel(bytes.NewReader(data), Options{Sheet: sheet})
		if err != nil {
			t.Fatalf("sheet %q: %v", sheet, err)
		}
		if len(txs) != 1 || txs[0].Amount != want {
			t.Errorf("sheet %q: got %+v, want the deposit of %v", sheet, txs, want)
		}
	}
}

// TestReadExcelCellsAtTheirReferences: cells are placed by their r=
// reference, whatever their order in the row's XML, and rows and cells
// without references follow the one before; a shared string used by
// several rows is read in each.
func TestReadExcelCellsAtTheirReferences(t *testing.T) {
	data := buildHandBook(t, handBook{
		shared: []string{"DEPOSIT", "a note shared by rows"},
		sheets: []handSheet{{rows: handHeader +
			`<row r="3"><c r="D3" t="s"><v>1</v></c><c r="C3"><v>3</v></c><c r="A3"><v>20160203</v></c><c r="B3" t="s"><v>0</v></c></row>` +
			`<row><c><v>20160204</v></c><c t="s"><v>0</v></c><c><v>4</v></c><c t="s"><v>1</v></c></row>` +
			`<row r="6"><c r="B6" t="s"><v>0</v></c><c><v>6</v></c><c r="A6"><v>20160206</v></c></row>`}},
	})
	txs, err := ReadExcel(bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		row    int
		amount float64
		note   string
	}{{3, 3, "a note shared by rows"}, {4, 4, "a note shared by rows"}, {6, 6, ""}}
	if len(txs) != len(want) {
		t.Fatalf("got %d transactions, want %d: %+v", len(txs), len(want), txs)
	}
	for i, w := range want {
		if tx := txs[i]; tx.Origin.Row != w.row || tx.Amount != w.amount || tx.Note != w.note || tx.Kind != txn.Deposit {
			t.Errorf("transaction %d: %+v, want row %d, amount %v, note %q", i, tx, w.row, w.amount, w.note)
		}
	}
}

// TestReadExcelStrayEndTags: encoding/xml's RawToken does not match end
// tags to start tags, so an end tag without its start must not give the
// last row or cell a second time.
func TestReadExcelStrayEndTags(t *testing.T) {
	data := buildHandBook(t, handOneSheet(handHeader, handRow(2, 20160202, "DEPOSIT", 2), "</c></row></row>"))
	txs, err := ReadExcel(bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(txs) != 1 || txs[0].Amount != 2 {
		t.Errorf("got %+v, want the one deposit of 2", txs)
	}
}
