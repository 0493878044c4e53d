package broker

import (
	"math"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/txn"
)

const (
	t212Head  = "Action,Time,ISIN,Ticker,Name,No. of shares,Price / share,Currency (Price / share),Exchange rate,Result,Currency (Result),Total,Currency (Total),Withholding tax,Currency (Withholding tax),Transaction fee,Notes,ID,Currency conversion fee,Currency (Currency conversion fee),Currency (Transaction fee)\n"
	t212Dep   = "Deposit,2024-01-01 00:15:20.149,,,,,,,,,,3000.00,\"GBP\",,,,\"Transaction ID: x05\",x05,,,\n"
	schwabHd  = `"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"` + "\n"
	vgHead    = "Date,Details,Amount,Balance\n"
	ftHead    = "Title,Type,Timestamp,Account Currency,Total Amount,Buy / Sell,Ticker,ISIN,Price per Share in Account Currency,Stamp Duty,Quantity,Venue,Order ID,Order Type,Instrument Currency,Total Shares Amount,Price per Share,FX Rate,Base FX Rate,FX Fee (BPS),FX Fee Amount,Dividend Ex Date,Dividend Pay Date,Dividend Eligible Quantity,Dividend Amount Per Share,Dividend Gross Distribution Amount,Dividend Net Distribution Amount,Dividend Withheld Tax Percentage,Dividend Withheld Tax Amount\n"
	ibHead    = "Transaction History,Header,Date,Account,Description,Transaction Type,Symbol,Quantity,Price,Gross Amount ,Commission,Net Amount\n"
	ibSummary = "Summary,Data,Base Currency,GBP\n"
)

func read(t *testing.T, name, data string, opts Options) ([]txn.Transaction, string) {
	t.Helper()
	opts.Name = name
	txs, err := Read(strings.NewReader(data), opts)
	if err != nil {
		return nil, err.Error()
	}
	return txs, ""
}

// TestBadInput: each broken export and the problems it must produce
// (each a substring of the error, which names file, line and action).
func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       []string
	}{
		{"truncated Trading 212 row", t212Head + t212Dep + "Market buy,2024-01-01 16:10:05,US0,FOO\n",
			[]string{`t.csv, row 3, action "Market buy": "Market buy,2024-01-01 16:10:05,US0,FOO": a row of 21 columns like the header: it has 4 (is the export truncated?)`}},
		{"unknown Trading 212 action", t212Head + t212Dep + "Spin off,2024-01-02 10:00:00,US0,FOO,Foo,48,,,,,,0.00,\"GBP\",,,,,id9,,,\n",
			[]string{`t.csv, row 3, action "Spin off", column Action: "Spin off": an action gofolio maps for Trading 212 CSV`}},
		{"Trading 212 split without its other half", t212Head + t212Dep + "Stock split open,2024-01-02 10:00:00,US0,FOO,Foo,48,,,,,,0.00,\"GBP\",,,,,id9,,,\n",
			[]string{`t.csv, row 3, action "Stock split open", column Action: "Stock split open": a split's two rows, Stock split close and Stock split open, on one day for one ticker: the other is missing`}},
		{"Trading 212 fee in another currency", t212Head + t212Dep + "Market buy,2024-01-01 16:10:05,US0,FOO,Foo,24,124.01,USD,1.25,,GBP,2381.35,GBP,,,,,E1,4.71,USD,\n",
			[]string{`t.csv, row 3, action "Market buy", column Currency (Currency conversion fee): "USD": the account's currency GBP for Currency conversion fee`}},
		{"Trading 212 without a total", "Action,Time,Ticker,No. of shares\nDeposit,2024-01-01 00:15:20,,\n",
			[]string{`t.csv, row 1, column Total: "": a "Total" column (with "Currency (Total)"), or "Total (GBP)" in older exports`}},
		{"Trading 212 amount not a number", t212Head + "Deposit,2024-01-01 00:15:20,,,,,,,,,,3 000 GBP,\"GBP\",,,,,x05,,,\n",
			[]string{`t.csv, row 2, action "Deposit", column Total: "3 000 GBP": a number`}},
		{"Schwab day-first date", schwabHd + `"13/01/2024","MoneyLink Transfer","","Tfr BANK","","","","$1,000.00"` + "\n",
			[]string{`t.csv, row 2, action "MoneyLink Transfer", column Date: "13/01/2024": a date MM/DD/YYYY (this reads as 13 January 2024 only day and month the other way round`}},
		{"Vanguard month-first date", vgHead + "01/13/2022,Regular Deposit,150,150\n",
			[]string{`column Date: "01/13/2022": a date DD/MM/YYYY (this reads as 13 January 2022 only day and month the other way round`}},
		{"Vanguard reversal of nothing", vgHead + "29/07/2022,Reversal of DIV: FOO.XLON.GB @ GBP 0.3106,-170.83,0\n08/03/2022,Regular Deposit,150,150\n",
			[]string{`t.csv, row 2, action "Reversal of DIV: FOO.XLON.GB @ GBP 0.3106": "170.83": a reversal or cancellation of an earlier row`}},
		{"Freetrade unknown type", ftHead + "Split,STOCK_SPLIT,2024-01-16T10:01:02.811Z,GBP,0,,SPXP,IE0,,,4,,,,GBP,,,,,,,,,,,,,,\n",
			[]string{`t.csv, row 2, action "STOCK_SPLIT", column Type: "STOCK_SPLIT": an action gofolio maps for Freetrade CSV`}},
		{"Interactive Brokers without base currency", ibHead + "Transaction History,Data,2025-01-01,U1,EFT,Deposit,-,-,-,5000.0,-,5000.0\n",
			[]string{`t.csv, row 1, column Base Currency: "": a "Summary,Data,Base Currency,…" row above the transactions`}},
		{"raw split of shares not held", "date,action,symbol,quantity,price,fees,currency\n2022-06-06,STOCK_SPLIT,AMZN,209,0,0,USD\n",
			[]string{`t.csv, row 2, action "STOCK_SPLIT", column quantity: "209": the shares a split adds, to shares held before it (none are held)`}},
		{"layout matching none", "Datum,Typ,Betrag\n2024-01-01,Kauf,3\n",
			[]string{`t.csv, row 1: "Datum,Typ,Betrag": the header of a known broker export; the closest known layouts are`}},
		{"empty export", "", []string{"the file is empty"}},
		{"header only", t212Head, []string{"at least one transaction: the export holds none (is it truncated?)"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := read(t, "t.csv", c.data, Options{})
			if err == "" {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err, w) {
					t.Errorf("error lacks %q:\n%s", w, err)
				}
			}
		})
	}
}

// TestAcceptedVariants: a header reordered, amounts with currency symbols
// and thousands separators, and a row repeated with its broker ID (two
// overlapping exports pasted together) read as the plain file does.
func TestAcceptedVariants(t *testing.T) {
	reordered := "Total,Currency (Total),ID,Time,Action,Ticker,No. of shares\n3000.00,GBP,x05,2024-01-01 00:15:20,Deposit,,\n" +
		"\"2,381.35\",GBP,E1,2024-01-01 16:10:05,Market buy,FOO,24\n\"2,381.35\",GBP,E1,2024-01-01 16:10:05,Market buy,FOO,24\n"
	txs, err := read(t, "t.csv", reordered, Options{})
	if err != "" {
		t.Fatal(err)
	}
	// The repeated buy (ID E1) is skipped: one deposit, one buy of 24 at
	// 2381.35 / 24 = 99.2229 GBP (no fee columns in this export).
	if len(txs) != 2 || txs[1].Kind != txn.Buy || txs[1].Quantity != 24 || txs[1].Quantity*txs[1].Price != 2381.35 {
		t.Fatalf("got %+v", txs)
	}
	if txs[0].Origin.Action != "Deposit" || txs[1].Origin.Row != 3 || txs[1].Account != "t" {
		t.Errorf("origin/account: %+v %+v", txs[0].Origin, txs[1])
	}
	// An export from before 2023: "Total (GBP)" and fees in GBP columns;
	// 24 shares for 2381.35 with a 4.71 conversion fee and 0.50 stamp duty.
	old := "Action,Time,ISIN,Ticker,Name,No. of shares,Price / share,Currency (Price / share),Exchange rate,Result (GBP),Total (GBP),Withholding tax,Currency (Withholding tax),Stamp duty (GBP),Currency conversion fee (GBP),ID\n" +
		"Market buy,2021-01-04 16:10:05,US0,FOO,Foo,24,124.01,USD,1.25,,2381.35,,,0.50,4.71,E2\n"
	txs, err = read(t, "old.csv", old, Options{})
	if err != "" {
		t.Fatal(err)
	}
	if len(txs) != 1 || txs[0].Currency != "GBP" || math.Abs(txs[0].Commission-5.21) > 1e-9 || math.Abs(txs[0].Quantity*txs[0].Price+txs[0].Commission-2381.35) > 1e-9 {
		t.Errorf("old export: %+v", txs)
	}
	// A 2:1 split in two rows, close (24 before) and open (48 after): a
	// SPLIT 48:24 at the open row.
	split := t212Head + t212Dep + "Stock split close,2024-01-02 10:00:00,US0,FOO,Foo,24,,,,,,0.00,\"GBP\",,,,,s1,,,\n" +
		"Stock split open,2024-01-02 10:00:00,US0,FOO,Foo,48,,,,,,0.00,\"GBP\",,,,,s2,,,\n"
	txs, err = read(t, "s.csv", split, Options{})
	if err != "" {
		t.Fatal(err)
	}
	if len(txs) != 2 || txs[1].Kind != txn.Split || txs[1].Quantity != 48 || txs[1].Price != 24 || txs[1].Origin.Row != 4 {
		t.Errorf("split: %+v", txs)
	}
	// Schwab's "$" and "," amounts: 1,000.00 deposited, 10 × 12.34 + 1 = 124.40 bought.
	sch := schwabHd + `"01/02/2024","MoneyLink Transfer","","Tfr","","","","$1,000.00"` + "\n" + `"01/03/2024","Buy","ABC","ABC CORP","10","$12.34","$1.00","-$124.40"` + "\n"
	txs, err = read(t, "s.csv", sch, Options{})
	if err != "" {
		t.Fatal(err)
	}
	if txs[0].Amount != 1000 || txs[1].Commission != 1 || txs[1].Price != 12.34 || txs[1].Currency != "USD" {
		t.Errorf("got %+v", txs)
	}
}

// TestMappingChecks: a mapping's own faults, and a header it names that
// the file lacks, are reported before any row is read (the bad rows below
// are not).
func TestMappingChecks(t *testing.T) {
	_, err := ParseMapping(strings.NewReader(`{"columns": {"symbol": "Wert", "qty": "Stück"}, "decimal": ",", "thousands": ",", "kinds": {"KAUF": ["Kauf"]}}`), "m.json")
	for _, w := range []string{
		`m.json, column columns: "qty": a field gofolio knows`,
		`m.json, column columns: "": a header for the required field date`,
		`m.json, column columns: "": a header for the required field kind`,
		`m.json, column thousands: ",": one character other than the decimal separator`,
		`m.json, column kinds: "KAUF": one of BUY, SELL`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q:\n%v", w, err)
		}
	}
	m, err := ParseMapping(strings.NewReader(`{"columns": {"date": "Datum", "kind": "Art", "amount": "Betrag", "note": "Notiz"}}`), "m.json")
	if err != nil {
		t.Fatal(err)
	}
	_, msg := read(t, "d.csv", "Datum,Art,Summe\nnot a date,???,x\n", Options{Mapping: m})
	want := `d.csv, row 1: "Datum,Art,Summe": the headers m.json names: missing "Betrag" (for amount), "Notiz" (for note)`
	if !strings.Contains(msg, want) || strings.Contains(msg, "row 2") {
		t.Errorf("error = %s\nwant only %s", msg, want)
	}
}
