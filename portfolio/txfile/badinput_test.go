package txfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// badInput is one broken file and the exact problems it must produce,
// each written as Problem.String gives it: file, sheet, row, column, the
// value found, and what was expected.
type badInput struct {
	name string
	csv  string  // CSV input, or
	book *rtBook // a workbook to write, or
	raw  func(t *testing.T) []byte
	opts Options
	want []string
}

const badCSVHeader = "date,kind,symbol,quantity,price,commission,amount,currency,note\n"

// The catalogue of broken inputs. Every case is built here, none is a
// committed binary.
var badInputs = []badInput{
	// Structure.
	{name: "csv empty", csv: "", want: []string{
		`bad.csv: "": a header row (date, kind, symbol, quantity, price, commission, amount, currency, note) and transactions below it: the file is empty`}},
	{name: "csv header only", csv: badCSVHeader, want: []string{
		`bad.csv, row 1: "": transactions below the header row: there are none`}},
	{name: "missing date column", csv: "Kind,Symbol\nBUY,IBM\n", want: []string{
		`bad.csv, row 1, column date: "": missing column: a date column; the headers found are: "Kind", "Symbol"`}},
	{name: "semicolon separated", csv: "date;kind;amount\n2016-02-01;DEPOSIT;5\n", want: []string{
		`bad.csv, row 1, column date: "": missing column: a date column; the headers found are: "date;kind;amount" (the columns must be separated by commas)`,
		`bad.csv, row 1, column kind: "": missing column: a kind column (or tx, type, action); the headers found are: "date;kind;amount" (the columns must be separated by commas)`}},
	{name: "duplicate header", csv: "date,kind,Fee,Commission,PRICE,price\n", want: []string{
		`bad.csv, row 1, column Commission: "Commission": one commission column: "Fee" and "Commission" are both commission (keep one)`,
		`bad.csv, row 1, column price: "price": one price column: "PRICE" and "price" are both price (keep one)`}},
	// A bad header does not hide the rows' problems: one run lists all.
	{name: "misspelt header and bad rows", csv: "date,kind,symbol,quantity,price,Comission\n2016-02-01,BUY,IBM,x,1,abc\n2016-02-02,BYU,IBM,1,1,1\n", want: []string{
		`bad.csv, row 1, column Comission: "Comission": a header gofolio knows: "Comission" looks like commission misspelt (rename the column "commission"; a column gofolio does not know is ignored, so its values would be lost)`,
		`bad.csv, row 2, column quantity: "x": a number such as 1234.56`,
		`bad.csv, row 2, column Comission: "abc": a number such as 1234.56`,
		`bad.csv, row 3, column kind: "BYU": one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT (did you mean BUY?)`}},
	{name: "misspelt headers", csv: "date,kind,symbol,Quantiy,price,Comission,amount,Account,fx\n2016-02-01,BUY,IBM,1,1,1,,\n", want: []string{
		`bad.csv, row 1, column Quantiy: "Quantiy": a header gofolio knows: "Quantiy" looks like quantity misspelt (rename the column "quantity"; a column gofolio does not know is ignored, so its values would be lost)`,
		`bad.csv, row 1, column Comission: "Comission": a header gofolio knows: "Comission" looks like commission misspelt (rename the column "commission"; a column gofolio does not know is ignored, so its values would be lost)`}},
	{name: "no amount column", csv: "date,kind\n2016-02-01,DEPOSIT\n", want: []string{
		`bad.csv, row 2, column amount: "": an amount greater than 0 (the kind gives the direction) (the file has no amount column)`}},
	{name: "unterminated quote", csv: badCSVHeader + "2016-02-01,DEPOSIT,,,,,\"5,\n", want: []string{
		`bad.csv, row 2: "": well-formed CSV: extraneous or missing " in quoted-field`}},
	{name: "utf-16 with a byte order mark", csv: "\xff\xfed\x00a\x00t\x00e\x00\n\x00", want: []string{
		`bad.csv: "": ` + expectUTF16}},
	{name: "utf-16 big-endian without a mark", csv: "\x00d\x00a\x00t\x00e\x00\n", want: []string{
		`bad.csv: "": ` + expectUTF16}},
	{name: "too many rows", csv: badCSVHeader + "2016-02-01,DEPOSIT,,,,,1\n2016-02-02,DEPOSIT,,,,,1\n\n2016-02-03,DEPOSIT,,,,,1\n", opts: Options{MaxRows: 2}, want: []string{
		`bad.csv, row 5: "": at most 2 data rows (split the file, or raise Options.MaxRows)`}},

	// Messages: a value is cut after 60 characters and followed by its
	// length (a 1 MiB line without a header used to give a 2 MiB
	// message); control and bidirectional formatting characters in
	// headers are escaped as values are, so that an ESC cannot reset the
	// terminal nor a newline print a problem line of its own.
	{name: "huge header line", csv: strings.Repeat("x", 1<<20) + ",kind\n", want: []string{
		`bad.csv, row 1, column date: "": missing column: a date column; the headers found are: "` + strings.Repeat("x", 60) + `"… (1048576 bytes), "kind"`}},
	{name: "many headers", csv: strings.Repeat("a,", 30) + "date\n", want: []string{
		`bad.csv, row 1, column kind: "": missing column: a kind column (or tx, type, action); the headers found are: ` + strings.Repeat(`"a", `, 20) + `and 11 more`}},
	{name: "control characters in headers", csv: "date,kind,Amoun\x1b,\u202eNote\n2016-02-01,DEPOSIT,x\n", want: []string{
		`bad.csv, row 1, column Amoun\x1b: "Amoun\x1b": a header gofolio knows: "Amoun\x1b" looks like amount misspelt (rename the column "amount"; a column gofolio does not know is ignored, so its values would be lost)`,
		`bad.csv, row 1, column \u202eNote: "\u202eNote": a header gofolio knows: "\u202eNote" looks like note misspelt (rename the column "note"; a column gofolio does not know is ignored, so its values would be lost)`,
		`bad.csv, row 2, column Amoun\x1b: "x": a number such as 1234.56`}},

	// Kinds.
	{name: "misspelt kind", csv: badCSVHeader + "2016-02-01,WITHDRAWL,,,,,5\n2016-02-01,divdend,IBM,,,,5\n2016-02-01,BYU,IBM,1,1,,\n", want: []string{
		`bad.csv, row 2, column kind: "WITHDRAWL": one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT (did you mean WITHDRAWAL?)`,
		`bad.csv, row 3, column kind: "divdend": one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT (did you mean DIVIDEND?)`,
		`bad.csv, row 4, column kind: "BYU": one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT (did you mean BUY?)`}},
	{name: "unknown kind", csv: badCSVHeader + "2016-02-01,PURCHASE,IBM,1,1,,\n2016-02-01,buy now,IBM,1,1,,\n", want: []string{
		`bad.csv, row 2, column kind: "PURCHASE": one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT`,
		`bad.csv, row 3, column kind: "buy now": one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT`}},
	{name: "no kind and a symbol", csv: "date,tx,symbol,cash\n20160201,,IBM,100\n20160202,,,\n20160203,,,0\n", want: []string{
		`bad.csv, row 2, column tx: "": a kind (one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT), or a cash amount with no symbol for a deposit or withdrawal`,
		`bad.csv, row 3, column tx: "": a kind (one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT), or a cash amount with no symbol for a deposit or withdrawal`,
		`bad.csv, row 4, column tx: "": a kind (one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT), or a cash amount with no symbol for a deposit or withdrawal`}},

	// Dates.
	{name: "ambiguous date", csv: badCSVHeader + "01/02/2016,DEPOSIT,,,,,5\n", want: []string{
		`bad.csv, row 2, column date: "01/02/2016": an unambiguous ISO date such as 2016-02-01 (is 01/02/2016 the 1st of February or the 2nd of January?)`}},
	{name: "unparseable dates", csv: badCSVHeader + "yesterday,DEPOSIT,,,,,5\n2016-02-30,DEPOSIT,,,,,5\n,DEPOSIT,,,,,5\n", want: []string{
		`bad.csv, row 2, column date: "yesterday": a date: yyyy-mm-dd, a yyyymmdd number or a spreadsheet date`,
		`bad.csv, row 3, column date: "2016-02-30": a date: yyyy-mm-dd, a yyyymmdd number or a spreadsheet date`,
		`bad.csv, row 4, column date: "": a date: yyyy-mm-dd, a yyyymmdd number or a spreadsheet date`}},
	{name: "far past and future", csv: badCSVHeader + "1899-12-31,DEPOSIT,,,,,5\n21010101,DEPOSIT,,,,,5\n", want: []string{
		`bad.csv, row 2, column date: "1899-12-31": a date between 1900-01-01 and 2100-12-31 (far past or future)`,
		`bad.csv, row 3, column date: "21010101": a date between 1900-01-01 and 2100-12-31 (far past or future)`}},
	{name: "time of day", csv: badCSVHeader + "2016-02-01T10:30:00,DEPOSIT,,,,,5\n", want: []string{
		`bad.csv, row 2, column date: "2016-02-01T10:30:00": a date without a time of day`}},

	// Numbers.
	{name: "decimal commas", csv: badCSVHeader + "2016-02-01,DEPOSIT,,,,,\"12,5\"\n2016-02-01,DEPOSIT,,,,,\"1.234,56\"\n", want: []string{
		`bad.csv, row 2, column amount: "12,5": a number with '.' as the decimal separator, such as 12.5`,
		`bad.csv, row 3, column amount: "1.234,56": a number with '.' as the decimal separator, such as 12.5`}},
	{name: "not numbers", csv: badCSVHeader + "2016-02-01,BUY,IBM,ten,$125,,\n2016-02-01,BUY,IBM,NaN,Inf,,\n", want: []string{
		`bad.csv, row 2, column quantity: "ten": a number such as 1234.56`,
		`bad.csv, row 2, column price: "$125": a number such as 1234.56`,
		`bad.csv, row 3, column quantity: "NaN": a finite number`,
		`bad.csv, row 3, column price: "Inf": a finite number`}},
	{name: "huge quantity", csv: badCSVHeader + "2016-02-01,BUY,IBM,2e12,1,,\n2016-02-01,BUY,IBM,1e400,1,,\n", want: []string{
		`bad.csv, row 2, column quantity: "2e12": a number no larger than 1e12`,
		`bad.csv, row 3, column quantity: "1e400": a number no larger than 1e12`}},
	{name: "spreadsheet error exported as text", csv: badCSVHeader + "2016-02-01,BUY,IBM,1,#N/A,,\n", want: []string{
		`bad.csv, row 2, column price: "#N/A": a value, not the spreadsheet error #N/A (fix the formula or the data it uses)`}},

	// Per-kind rules.
	{name: "negative quantity", csv: badCSVHeader + "2016-02-01,SELL,IBM,-10,1,,\n2016-02-01,BUY,IBM,,1,,\n", want: []string{
		`bad.csv, row 2, column quantity: "-10": a number of shares greater than 0 (the kind gives the direction)`,
		`bad.csv, row 3, column quantity: "": a number of shares greater than 0 (the kind gives the direction)`}},
	{name: "buy without symbol", csv: badCSVHeader + "2016-02-01,BUY,,10,1,,\n", want: []string{
		`bad.csv, row 2, column symbol: "": a symbol: BUY rows need one`}},
	{name: "price zero or negative", csv: badCSVHeader + "2016-02-01,BUY,IBM,1,0,,\n2016-02-01,SELL,IBM,1,-3,,\n", want: []string{
		`bad.csv, row 2, column price: "0": a price greater than 0, or blank for that day's close`,
		`bad.csv, row 3, column price: "-3": a price greater than 0, or blank for that day's close`}},
	{name: "negative commission", csv: badCSVHeader + "2016-02-01,BUY,IBM,1,1,-1,\n", want: []string{
		`bad.csv, row 2, column commission: "-1": a commission of 0 or more`}},
	{name: "signed cash amounts", csv: badCSVHeader + "2016-02-01,WITHDRAWAL,,,,,-500\n2016-02-01,FEE,,,,,-5\n2016-02-01,INTEREST,,,,,\n", want: []string{
		`bad.csv, row 2, column amount: "-500": an amount greater than 0 (the kind gives the direction)`,
		`bad.csv, row 3, column amount: "-5": an amount greater than 0 (the kind gives the direction)`,
		`bad.csv, row 4, column amount: "": an amount greater than 0 (the kind gives the direction)`}},
	{name: "cash rows with trade fields", csv: badCSVHeader + "2016-02-01,DEPOSIT,IBM,5,,,100\n2016-02-01,BUY,IBM,1,1,,100\n", want: []string{
		`bad.csv, row 2, column symbol: "IBM": no symbol: DEPOSIT rows are cash only`,
		`bad.csv, row 2, column quantity: "5": blank: DEPOSIT rows do not use quantity`,
		`bad.csv, row 3, column amount: "100": blank: BUY rows do not use amount`}},
	{name: "dividend without symbol or amount", csv: badCSVHeader + "2016-02-01,DIVIDEND,,,,,\n", want: []string{
		`bad.csv, row 2, column symbol: "": a symbol: DIVIDEND rows need one`,
		`bad.csv, row 2, column amount: "": an amount greater than 0 (the kind gives the direction)`}},
	{name: "split ratios", csv: "date,kind,symbol,quantity,price,ratio\n2016-02-01,SPLIT,AAPL,,,\n2016-02-01,SPLIT,AAPL,,,4-1\n2016-02-01,SPLIT,AAPL,4,1,4:1\n2016-02-01,SPLIT,AAPL,4,,\n", want: []string{
		`bad.csv, row 2, column quantity: "": a split ratio: a ratio column such as 4:1, or the quantity column for the new shares and price for the old (4 and 1 for 4:1)`,
		`bad.csv, row 3, column ratio: "4-1": a split ratio such as 4:1 (text: a spreadsheet reads 4:1 typed in a cell as a time of day)`,
		`bad.csv, row 4, column ratio: "4:1": either a ratio or quantity and price, not both`,
		`bad.csv, row 5, column price: "": ` + expectSplitShares}},

	// Text.
	{name: "currencies", csv: badCSVHeader + "2016-02-01,DEPOSIT,,,,,5,Usd,\n2016-02-01,DEPOSIT,,,,,5,EURO,\n2016-02-01,DEPOSIT,,,,,5,Gbp,\n2016-02-01,DEPOSIT,,,,,5,usd,\n", want: []string{
		`bad.csv, row 2, column currency: "Usd": ` + expectCurrencyMixed,
		`bad.csv, row 3, column currency: "EURO": a 3-letter ISO 4217 code such as USD, or one of the minor units GBp, GBX, ZAc, ILA`,
		`bad.csv, row 4, column currency: "Gbp": ` + expectCurrencyMixed}},
	{name: "control characters and bad UTF-8 in symbols", csv: badCSVHeader + "2016-02-01,BUY,IB\aM,1,1,,\n2016-02-01,BUY,IB\xffM,1,1,,\n2016-02-01,BUY,\u00a0\u00a0,1,1,,\n", want: []string{
		`bad.csv, row 2, column symbol: "IB\aM": a symbol without control characters`,
		`bad.csv, row 3, column symbol: "IB\xffM": UTF-8 text`,
		`bad.csv, row 4, column symbol: "\u00a0\u00a0": a symbol: BUY rows need one`}},

	// Workbooks.
	{name: "xlsx empty sheet", book: &rtBook{sheets: []rtSheet{{name: "A"}}}, want: []string{
		`bad.xlsx, sheet A: "": a header row (date, kind, symbol, quantity, price, commission, amount, currency, note) and transactions below it: the sheet is empty`}},
	{name: "xlsx missing sheet", book: &rtBook{sheets: []rtSheet{{name: "A"}, {name: "B"}}}, opts: Options{Sheet: "Trades"}, want: []string{
		`bad.xlsx, sheet Trades: "Trades": the name of a sheet in the workbook: "A", "B"`}},
	{name: "xlsx merged cells", book: &rtBook{sheets: []rtSheet{{
		rows:   [][]any{{"date", "kind", "amount"}, {20160201, "DEPOSIT", 5}, {nil, "DEPOSIT", 6}},
		merges: [][2]string{{"A2", "A3"}},
	}}}, want: []string{
		`bad.xlsx, sheet Sheet1, row 3, column date: "": a date: yyyy-mm-dd, a yyyymmdd number or a spreadsheet date`,
		`bad.xlsx, sheet Sheet1, row 2, column date: "A2:A3": unmerged cells: a merged region holds its value in its first cell only (unmerge it and fill in each cell)`}},
	{name: "xlsx formula errors", book: &rtBook{sheets: []rtSheet{{
		rows:  [][]any{{"date", "kind", "symbol", "quantity", "price"}, {20160201, "BUY", "IBM", rtFormula{formula: "A1*2"}, "x"}},
		patch: errorCellPatch("E2", "#DIV/0!"),
	}}}, want: []string{
		`bad.xlsx, sheet Sheet1, row 2, column quantity: "": a value: the formula has no saved result (open and save the file in a spreadsheet program)`,
		`bad.xlsx, sheet Sheet1, row 2, column price: "#DIV/0!": a value, not the spreadsheet error #DIV/0! (fix the formula or the data it uses)`}},
	{name: "xlsx wrong cell types", book: &rtBook{sheets: []rtSheet{{rows: [][]any{
		{"date", "kind", "symbol", "quantity", "ratio"},
		{42401, "BUY", "IBM", true},
		{rtNum{v: 42401, format: "#,##0.00"}, "SPLIT", "IBM", nil, rtDate{serial: 0.1673611, format: "h:mm"}},
	}}}}, want: []string{
		`bad.xlsx, sheet Sheet1, row 2, column date: "42401": a date: this number has no date format and is not a yyyymmdd date`,
		`bad.xlsx, sheet Sheet1, row 2, column quantity: "1": a number, not TRUE or FALSE`,
		`bad.xlsx, sheet Sheet1, row 3, column date: "42401": a date: this number has no date format and is not a yyyymmdd date`,
		`bad.xlsx, sheet Sheet1, row 3, column ratio: "0.1673611": a split ratio such as 4:1 (text: a spreadsheet reads 4:1 typed in a cell as a time of day)`}},
	{name: "xlsx serial dates out of range", book: &rtBook{date1904: true, sheets: []rtSheet{{rows: [][]any{
		{"date", "kind", "amount"},
		{rtDate{serial: 75000}, "DEPOSIT", 5},   // 1904-01-01 + 75000 days = 2109-05-05
		{rtDate{serial: 40939.5}, "DEPOSIT", 5}, // 2016-02-01 at noon
	}}}}, want: []string{
		`bad.xlsx, sheet Sheet1, row 2, column date: "75000": a date between 1900-01-01 and 2100-12-31 (far past or future)`,
		`bad.xlsx, sheet Sheet1, row 3, column date: "40939.5": a date without a time of day`}},
	{name: "xlsx huge and lower-case", book: &rtBook{sheets: []rtSheet{{rows: [][]any{
		{" DATE ", "Action", "Ticker", "Shares"},
		{20160201, "buy ", "\u00a0IBM\u00a0", 1e13},
	}}}}, want: []string{
		`bad.xlsx, sheet Sheet1, row 2, column Shares: "10000000000000": a number no larger than 1e12`}},
	{name: "xlsx hostile sheet name", book: &rtBook{sheets: []rtSheet{{name: `<b onclick="x">'s`, rows: [][]any{
		{"date", "kind", "symbol", "quantity", "note"},
		{20160201, "BUY", "<script>", 0, `<img src=x onerror="alert(1)">`},
	}}}}, want: []string{
		`bad.xlsx, sheet <b onclick="x">'s, row 2, column quantity: "0": a number of shares greater than 0 (the kind gives the direction)`}},
	{name: "not a zip", raw: func(*testing.T) []byte { return []byte("date,kind\n") }, want: []string{
		`bad.xlsx: "": an .xlsx workbook (a zip archive): zip: not a valid zip file`}},
	{name: "old xls", raw: func(*testing.T) []byte { return []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest") }, want: []string{
		`bad.xlsx: "": an .xlsx workbook: this is an older .xls workbook or a password-protected one (save it as .xlsx without a password)`}},
	{name: "ods renamed", raw: handRaw(handBook{sheets: []handSheet{{}}, extra: map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.spreadsheet")}}), want: []string{
		`bad.xlsx: "": an .xlsx workbook: this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV`}},
	{name: "numbers renamed", raw: handRaw(handBook{sheets: []handSheet{{}}, extra: map[string][]byte{"Index/Document.iwa": []byte("x")}}), want: []string{
		`bad.xlsx: "": an .xlsx workbook: this is an Apple Numbers document; export it as .xlsx or CSV (File > Export To)`}},
	{name: "zip without a workbook", raw: func(t *testing.T) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		if _, err := zw.Create("word/document.xml"); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}, want: []string{
		`bad.xlsx: "": an .xlsx workbook: this zip archive holds no workbook part (xl/workbook.xml)`}},
	// The sheet's XML is read at its own references: rows out of order
	// used to be dropped, and a cell of another row read into this one.
	{name: "xlsx rows out of order", raw: handRaw(handOneSheet(handHeader, handRow(3, 20160203, "DEPOSIT", 3), handRow(2, 20160202, "DEPOSIT", 2, "two"))), want: []string{
		`bad.xlsx, sheet Sheet1, row 2: "": rows in order: the sheet's XML has row 2 after row 3 (it was not written by a spreadsheet program; open and save it in one)`}},
	{name: "xlsx cells in the wrong place", raw: handRaw(handOneSheet(handHeader,
		`<row r="2"><c r="A2"><v>20160202</v></c><c r="B2" t="inlineStr"><is><t>DEPOSIT</t></is></c><c r="C2"><v>2</v></c><c r="D5" t="inlineStr"><is><t>five</t></is></c></row>`,
		`<row r="3"><c r="A3"><v>20160203</v></c><c r="B3" t="inlineStr"><is><t>DEPOSIT</t></is></c><c r="C3"><v>3</v></c><c r="C3"><v>4</v></c><c r="ZZZZ3"><v>4</v></c></row>`,
		`<row r="1048577"><c r="A1048577"><v>1</v></c></row>`)), want: []string{
		`bad.xlsx, sheet Sheet1, row 2: "D5": a cell of row 2: the sheet's XML puts cell D5 in row 2 (open and save it in a spreadsheet program)`,
		`bad.xlsx, sheet Sheet1, row 3: "C3": one cell per place: the sheet's XML has this cell twice (open and save it in a spreadsheet program)`,
		`bad.xlsx, sheet Sheet1, row 3: "ZZZZ3": a cell reference from A1 to XFD1048576`,
		`bad.xlsx, sheet Sheet1: "1048577": a row number from 1 to 1,048,576 (in the sheet's XML after row 3)`}},
	{name: "xlsx serial day 60", book: &rtBook{sheets: []rtSheet{{rows: [][]any{
		{"date", "kind", "amount"},
		{rtDate{serial: 60}, "DEPOSIT", 5},
	}}}}, want: []string{
		`bad.xlsx, sheet Sheet1, row 2, column date: "60": ` + expectLeapDay1900}},
	{name: "xlsx cells over 32,767 characters", raw: handRaw(handBook{
		shared: []string{"DEPOSIT", strings.Repeat("n", 40000)},
		sheets: []handSheet{{rows: handHeader + handRow(2, 20160202, "DEPOSIT", 2, "") + handRow(3, 20160203, "DEPOSIT", 3, strings.Repeat("i", 32768)) + handRow(4, 20160204, "DEPOSIT", 4, strings.Repeat("é", 32767)) +
			`<row r="5"><c r="A5"><v>20160205</v></c><c r="B5" t="s"><v>0</v></c><c r="C5"><v>5</v></c><c r="D5" t="s"><v>1</v></c></row>` +
			`<row r="6"><c r="A6"><v>20160206</v></c><c r="B6" t="s"><v>0</v></c><c r="C6"><v>6</v></c><c r="D6" t="s"><v>2</v></c></row>`}},
	}), want: []string{
		`bad.xlsx, sheet Sheet1, row 3, column note: "` + strings.Repeat("i", 60) + `": a cell of at most 32,767 characters (Excel's limit): this one has 32768 (the first 60 are shown)`,
		`bad.xlsx, sheet Sheet1, row 5, column note: "` + strings.Repeat("n", 60) + `": a cell of at most 32,767 characters (Excel's limit): this one has 40000 (the first 60 are shown)`,
		`bad.xlsx, sheet Sheet1, row 6, column note: "2": a shared string number from 0 to 1: the workbook has 2 shared strings`}},
	// 200 rich-text runs of 1,000 characters: each text is small, the
	// cell is not (and only its first 131,068 bytes are kept).
	{name: "xlsx rich text over 32,767 characters", raw: handRaw(handOneSheet(handHeader,
		`<row r="2"><c r="A2"><v>20160202</v></c><c r="B2" t="inlineStr"><is><t>DEPOSIT</t></is></c><c r="C2"><v>2</v></c><c r="D2" t="inlineStr"><is>`+strings.Repeat("<r><t>"+strings.Repeat("é", 1000)+"</t></r>", 200)+`</is></c></row>`)), want: []string{
		`bad.xlsx, sheet Sheet1, row 2, column note: "` + strings.Repeat("é", 60) + `": a cell of at most 32,767 characters (Excel's limit): this one has 200000 (the first 60 are shown)`}},
	{name: "xlsx text over 1 MiB", raw: handRaw(handOneSheet(handHeader, handRow(2, 20160202, "DEPOSIT", 2, letters(2<<20)))), want: []string{
		`bad.xlsx, sheet Sheet1, row 2, column note: "": a cell of at most 32,767 characters (Excel's limit): xl/worksheets/sheet1.xml has a text or tag of more than 1 MiB here`}},
	{name: "xlsx nested 1000 deep", raw: handRaw(handOneSheet(handHeader, `<row r="2"><c r="A2">`+strings.Repeat("<x>", 1000)+strings.Repeat("</x>", 1000)+`</c></row>`)), want: []string{
		`bad.xlsx, sheet Sheet1, row 2, column date: "": a readable workbook: xl/worksheets/sheet1.xml: elements nested more than 100 deep`}},
	{name: "xlsx cut short", raw: handRaw(handBook{sheets: []handSheet{{raw: []byte(`<worksheet><sheetData>` + handHeader + `<row r="2"><c r="A2"><v>2016`)}}}), want: []string{
		`bad.xlsx, sheet Sheet1, row 2: "": a complete workbook: xl/worksheets/sheet1.xml is cut short`}},
	{name: "xlsx doctype", raw: handRaw(handBook{sheets: []handSheet{{raw: []byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet><sheetData></sheetData></worksheet>`)}}}), want: []string{
		`bad.xlsx, sheet Sheet1: "": a workbook part without a DOCTYPE: xl/worksheets/sheet1.xml has one`}},
	{name: "xlsx shared strings over the limit", opts: Options{MaxUnzippedBytes: 1 << 20}, raw: handRaw(handBook{shared: []string{letters(300 << 10)}, sheets: []handSheet{{rows: handHeader}}}), want: []string{
		`bad.xlsx, sheet Sheet1: "": a readable workbook: the shared strings part: xl/sharedStrings.xml declares 307409 bytes, more than the 262144 a workbook needs (a zip bomb?)`}},
	// A newline in a sheet name would print a problem line of its own, a
	// right-to-left override reverse the rest of the line.
	{name: "xlsx control characters in the sheet name", raw: handRaw(handBook{sheets: []handSheet{{name: "Bad&#10;2016-02-01: fake\u202e", rows: handHeader + handRow(2, 20160202, "DEPOSIT", -2)}}}), want: []string{
		`bad.xlsx, sheet Bad\n2016-02-01: fake\u202e, row 2, column amount: "-2": an amount greater than 0 (the kind gives the direction)`}},
	{name: "zip bomb over the limit", raw: zipBomb, opts: Options{MaxUnzippedBytes: 32 << 20}, want: []string{
		`bad.xlsx: "": a workbook that unzips to at most 33554432 bytes: it declares more (a zip bomb?)`}},
	{name: "zip bomb ratio", raw: zipBomb, want: []string{
		`bad.xlsx: "": a workbook whose parts compress at most 400 to 1: xl/worksheets/sheet1.xml compresses 67108864 bytes into {compressed} (a zip bomb?)`}},
}

// The deflated size of the zip bomb depends on the compressor's version;
// "{compressed}" in a wanted message stands for it.
func zipCompressedSize(t *testing.T, data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) == 0 {
		return "?"
	}
	return strconv.FormatUint(zr.File[0].CompressedSize64, 10)
}

var zipBombOnce struct {
	sync.Once
	data []byte
}

// zipBomb is a zip whose worksheet is 64 MiB of zeros, deflated to about
// 64 KiB: a ratio no spreadsheet has. It is built once per test run.
func zipBomb(t *testing.T) []byte {
	zipBombOnce.Do(func() { zipBombOnce.data = buildZipBomb(t) })
	return zipBombOnce.data
}

func buildZipBomb(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for range 64 {
		if _, err := w.Write(zeros); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBadInputs(t *testing.T) {
	if len(badInputs) < 30 {
		t.Errorf("the catalogue has %d cases, want at least 30", len(badInputs))
	}
	for _, c := range badInputs {
		t.Run(c.name, func(t *testing.T) {
			opts := c.opts
			var txs []txn.Transaction
			var err error
			if c.book == nil && c.raw == nil {
				opts.Name = "bad.csv"
				txs, err = ReadCSV(strings.NewReader(c.csv), opts)
			} else {
				opts.Name = "bad.xlsx"
				var data []byte
				if c.raw != nil {
					data = c.raw(t)
				} else {
					data = buildWorkbook(t, *c.book)
				}
				txs, err = ReadExcel(bytes.NewReader(data), opts)
			}
			want := strings.Join(c.want, "\n")
			if c.raw != nil {
				want = strings.ReplaceAll(want, "{compressed}", zipCompressedSize(t, c.raw(t)))
			}
			var ve *txn.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %d transactions and error %v, want a *ValidationError", len(txs), err)
			}
			if txs != nil {
				t.Errorf("got %d transactions with the error, want none", len(txs))
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != want {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
			}
		})
	}
}
