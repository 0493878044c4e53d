package txfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// checkResult asserts what every read must satisfy, whatever the
// input: either transactions that obey the documented rules, or a
// *ValidationError with at least one problem and no transactions.
func checkResult(t *testing.T, txs []txn.Transaction, err error) {
	t.Helper()
	if err != nil {
		var ve *txn.ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) == 0 {
			t.Fatalf("error is not a *ValidationError with problems: %v", err)
		}
		if txs != nil {
			t.Fatalf("transactions returned with an error: %d", len(txs))
		}
		_ = err.Error()
		return
	}
	if len(txs) == 0 {
		t.Fatal("no transactions and no error")
	}
	for i, tx := range txs {
		if i > 0 && tx.Date.Before(txs[i-1].Date) {
			t.Fatalf("not sorted by date at %d", i)
		}
		if tx.Date.Year() < 1900 || tx.Date.Year() > 2100 || tx.Date.Hour() != 0 {
			t.Fatalf("date %v out of range", tx.Date)
		}
		if tx.Kind < txn.Buy || tx.Kind > txn.Transfer {
			t.Fatalf("invalid kind %d", tx.Kind)
		}
		for _, v := range []float64{tx.Quantity, tx.Price, tx.Commission, tx.Amount} {
			if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) || v > maxNumber {
				t.Fatalf("bad number in %+v", tx)
			}
		}
		switch {
		case tx.Kind.IsTrade() && (tx.Symbol == "" || tx.Quantity <= 0):
			t.Fatalf("trade without symbol or quantity: %+v", tx)
		case tx.Kind == txn.Split && (tx.Quantity <= 0 || tx.Price <= 0):
			t.Fatalf("split without ratio: %+v", tx)
		case tx.Kind.IsTransfer() && (tx.To == "" || tx.To == tx.Account || (tx.Symbol == "") != (tx.Quantity == 0 && tx.Amount > 0)):
			t.Fatalf("transfer without its account, shares or cash: %+v", tx)
		case !tx.Kind.IsTrade() && tx.Kind != txn.Split && !tx.Kind.IsCorporateAction() && !tx.Kind.IsTransfer() && tx.Amount <= 0:
			t.Fatalf("cash row without amount: %+v", tx)
		}
		if tx.Origin.Row <= 0 {
			t.Fatalf("no origin row: %+v", tx)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, seed := range []string{
		"date,tx,symbol,quantity,price,commission,cash\n20160201,BUY,IBM,10,125.5,8.99,\n20150105,,,,,,10000\n",
		"Date,Kind,Symbol,Quantity,Price,Fee,Amount,Currency,Note\n2016-02-01,buy ,IBM,\"1,000\",125.5,1,,USD,<b>x</b>\n2016-02-02,SPLIT,IBM,4,1,,,,\n2016-02-03,WITHDRAWAL,,,,,-5,,\n",
		"date,kind,symbol,ratio\n2016-02-01,SPLIT,AAPL,4:1\n2016-02-01,SPLIT,AAPL,\n",
		"\ufeffdate;kind\n01/02/2016,BUY\n",
		"date,kind,amount\n2016-02-01,DEPOSIT,12,5\n2016-02-01,FEE,#N/A\n\"unterminated\n",
		"date,kind,symbol,quantity,amount,account,to\n2016-02-01,TRANSFER,,,500,isa,gia\n2016-02-02,TRANSFER,IBM,3,,gia,isa\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		txs, err := ReadCSV(bytes.NewReader(data), Options{Name: "fuzz.csv", MaxRows: 1000})
		checkResult(t, txs, err)
	})
}

func FuzzReadExcel(f *testing.F) {
	books := []rtBook{
		{sheets: []rtSheet{{name: "A", rows: [][]any{
			{"date", "tx", "symbol", "quantity", "price", "commission", "cash"},
			{20160201, "BUY", "IBM", 10, 125.5, 8.99},
			{20150105, nil, nil, nil, nil, nil, 10000},
		}}}},
		{date1904: true, sheets: []rtSheet{{rows: [][]any{
			{"Date", "Kind", "Symbol", "Amount", "Ratio"},
			{rtDate{serial: 40939}, "DIVIDEND", "IBM", rtFormula{formula: "1+1", cached: 2.0}},
			{rtDate{serial: 40940, format: "d/m/yy"}, "SPLIT", "IBM", nil, "4:1"},
		}, merges: [][2]string{{"C2", "C3"}}}}},
		{sheets: []rtSheet{{rows: [][]any{{"date", "kind", "amount"}, {"2016-02-01", "FEE", "x"}},
			patch: errorCellPatch("C2", "#N/A")}}},
	}
	hand := buildHandBook(f, handBook{
		sharedXML: []byte(`<sst><si><t>DEPOSIT</t></si><si><r><t>a </t></r><r><t xml:space="preserve">note</t></r><rPh><t>x</t></rPh></si></sst>`),
		sheets: []handSheet{{state: "hidden", rows: handHeader}, {rows: handHeader +
			`<row r="3"><c r="D3" t="s"><v>1</v></c><c r="A3"><v>20160203</v></c><c r="B3" t="s"><v>0</v></c><c r="C3"><f>1+2</f><v>3</v></c></row>` +
			`<row><c><v>20160204</v></c><c t="inlineStr"><is><t>FEE</t></is></c><c t="e"><v>#N/A</v></c><c t="b"><v>1</v></c></row>` +
			`</sheetData><mergeCells><mergeCell ref="A3:A4"/></mergeCells><sheetData>`}},
	})
	f.Add(hand)
	f.Add(storeZip(f, hand))
	for _, b := range books {
		data := buildWorkbook(f, b)
		f.Add(data)
		// Uncompressed copies let mutations reach the XML instead of
		// breaking the deflate stream.
		f.Add(storeZip(f, data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		txs, err := ReadExcel(bytes.NewReader(data), Options{Name: "fuzz.xlsx", MaxRows: 1000, MaxUnzippedBytes: 4 << 20})
		checkResult(t, txs, err)
	})
}

// storeZip rewrites a zip archive with every entry stored uncompressed.
func storeZip(t testing.TB, data []byte) []byte {
	t.Helper()
	return rewriteZip(t, data, zip.Store, func(_ string, content []byte) []byte { return content })
}
