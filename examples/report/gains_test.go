package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/shared"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
)

// TestRunGainsByMethod: -lots picks the shares a sale takes, in the
// holdings and in -gains. 10 IBM at 100 then 10 at 120; 10 sold at 130:
// fifo takes the 100s (gain 1,300 − 1,000 = 300), lifo the 120s (100),
// average 110 each (200).
func TestRunGainsByMethod(t *testing.T) {
	tx := writeTx(t,
		"1995-01-03,DEPOSIT,,,,,10000",
		"1995-01-04,BUY,IBM,10,100,0,",
		"1995-02-01,BUY,IBM,10,120,0,",
		"1996-03-01,SELL,IBM,10,130,0,")
	for method, want := range map[string]string{
		"fifo":    "1996-03-01     IBM        10  1,300.00  1,000.00  300.00  lot 1995-01-04 10",
		"lifo":    "1996-03-01     IBM        10  1,300.00  1,200.00  100.00  lot 1995-02-01 10",
		"average": "1996-03-01     IBM        10  1,300.00  1,100.00  200.00        average 10",
	} {
		stdout, stderr, err := runReport(t, "-tx", tx, "-currency", "USD", "-lots", method, "-gains")
		if err != nil {
			t.Fatalf("%s: %v\n%s", method, err, stderr)
		}
		if !strings.Contains(squeeze(stdout), squeeze(want)) {
			t.Errorf("-lots %s: no line %q in\n%s", method, want, stdout)
		}
		if !strings.Contains(stdout, "Capital gains (-lots "+method+"; money in USD)") {
			t.Errorf("-lots %s: no gains heading in\n%s", method, stdout)
		}
	}
	_, _, err := runReport(t, "-tx", tx, "-currency", "USD", "-tax-year", "1995")
	if err == nil || !strings.Contains(err.Error(), "-tax-year 1995: no disposal in it; the years with disposals are 1996") {
		t.Errorf("-tax-year 1995: got %v", err)
	}
	_, _, err = runReport(t, "-lots", "fifoo")
	if err == nil || !strings.Contains(err.Error(), `-lots unknown method "fifoo": expected one of average, fifo, lifo, hifo, specific, uk, us`) {
		t.Errorf("-lots fifoo: got %v", err)
	}
}

// squeeze collapses each run of spaces to one, so that a test does not
// pin the table's column widths.
func squeeze(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// TestGainsWithoutMarket: the gains of a file no quote source knows,
// from its rows alone, in USD converted at HMRC's monthly rates (cgt-calc's
// file in ../shared: 1.3048 USD per GBP in May 2022, 1.1996 in August).
// 10 bought at 100 on 3 May 2022 (£766.40), 10 sold at 120 on 10 August
// 2022 (£1,000.33): gain £233.93, 2022/23, under the £12,300 exempt.
func TestGainsWithoutMarket(t *testing.T) {
	txs := []portfolio.Transaction{
		{Date: time.Date(2022, 5, 3, 0, 0, 0, 0, time.UTC), Kind: portfolio.Buy, Symbol: "DELISTED", Quantity: 10, Price: 100, Currency: "USD"},
		{Date: time.Date(2022, 8, 10, 0, 0, 0, 0, time.UTC), Kind: portfolio.Sell, Symbol: "DELISTED", Quantity: 10, Price: 120, Currency: "USD"},
	}
	o := &options{currency: "GBP", lots: lots.UK, ratesFile: shared.Path(t, "brokers", "cgt-calc", "exchange_rates_data.csv")}
	var out strings.Builder
	if err := printGainsWithoutMarket(&out, txs, o); err != nil {
		t.Fatal(err)
	}
	// 1,200 / 1.1996 = 1,000.33; 1,000 / 1.3048 = 766.40; 1,000.33 − 766.40 = 233.93.
	for _, want := range []string{
		"2022-08-10 DELISTED 10 1,000.33 766.40 233.93 S104 pool 10",
		"2022/23 1 1,000.33 766.40 233.93 0.00 233.93 12,300.00 0.00",
	} {
		if !strings.Contains(squeeze(out.String()), want) {
			t.Errorf("no line %q in\n%s", want, out.String())
		}
	}
	o.ratesFile = ""
	err := printGainsWithoutMarket(&out, txs, o)
	if err == nil || !strings.Contains(err.Error(), `column currency: "USD": rows in USD need exchange rates to GBP (Options.Rates)`) {
		t.Errorf("without rates: got %v", err)
	}
}

// TestRunWarnsOfUnusedLots: a lot column with -lots fifo is ignored, and
// stderr says so once; with -lots specific the named lot is sold (the
// 1995-02-01 lot at 120: gain 100).
func TestRunWarnsOfUnusedLots(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tx.csv")
	csv := "date,kind,symbol,quantity,price,commission,amount,lot\n" +
		"1995-01-03,DEPOSIT,,,,,10000,\n1995-01-04,BUY,IBM,10,100,0,,\n1995-02-01,BUY,IBM,10,120,0,,\n" +
		"1996-03-01,SELL,IBM,10,130,0,,1995-02-01\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runReport(t, "-tx", path, "-currency", "USD", "-lots", "fifo")
	if err != nil {
		t.Fatal(err)
	}
	if want := `warning: the lot column (` + path + `, row 5: "1995-02-01") is used only with -lots specific or us; -lots fifo ignores it`; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	stdout, stderr, err := runReport(t, "-tx", path, "-currency", "USD", "-lots", "specific", "-gains")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr, "lot column") || !strings.Contains(squeeze(stdout), "1996-03-01 IBM 10 1,300.00 1,200.00 100.00 lot 1995-02-01 10") {
		t.Errorf("specific: stderr %q, stdout\n%s", stderr, stdout)
	}
}

// TestRunGainsSayTheyCoverEveryAccount: with -accounts gia, -gains still
// lists isa's sale (tax is the person's) and a line under its heading
// says so, with market data and without (-source none); without -accounts
// there is no such line.
func TestRunGainsSayTheyCoverEveryAccount(t *testing.T) {
	tx := writeFile(t, filepath.Join(t.TempDir(), "two.csv"), "date,kind,symbol,quantity,price,commission,amount,account,to\n"+
		"1995-01-03,DEPOSIT,,,,,10000,isa,\n1995-01-04,BUY,IBM,10,50,5,,isa,\n1995-01-05,DEPOSIT,,,,,5000,gia,\n"+
		"1995-02-01,TRANSFER,IBM,4,,,,isa,gia\n1995-06-01,SELL,IBM,2,60,5,,isa,\n")
	const line = "\nThe capital gains cover every account (gia, isa), not only account gia: tax is the person's, and HMRC's pool and the wash-sale rule span accounts.\n"
	for _, source := range []string{"sample", "none"} {
		args := []string{"-tx", tx, "-currency", "USD", "-benchmarks", ",", "-gains", "-source", source}
		gia, stderr, err := runReport(t, append(args, "-accounts", "gia")...)
		if err != nil {
			t.Fatalf("-source %s: %v\n%s", source, err, stderr)
		}
		if !strings.Contains(gia, "Capital gains (-lots average; money in USD)"+line) || !strings.Contains(gia, "1995-06-01") {
			t.Errorf("-source %s -accounts gia: want isa's sale and the line %q under the heading:\n%s", source, line, gia)
		}
		both, stderr, err := runReport(t, args...)
		if err != nil {
			t.Fatalf("-source %s: %v\n%s", source, err, stderr)
		}
		if strings.Contains(both, "cover every account") {
			t.Errorf("-source %s without -accounts:\n%s", source, both)
		}
	}
}
