package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/internal/shared"
)

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestSourceNoneAccounts: two files in gofolio's layout, one with an
// account column, are read as accounts and checked without market data
// (symbols no market knows are fine). By hand:
//
//	a.csv (account "isa"): 1000 deposited; 10 XYZ at 20 + 5 fee = 205
//	                       → cash 795 GBP, XYZ 10
//	b.csv (no column: account "b"): 500 USD deposited, 2 QQQ at 100 + 0
//	                       → cash 300 USD, QQQ 2; 3 USD dividend on QQQ → 303
func TestSourceNoneAccounts(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, filepath.Join(dir, "a.csv"), "date,kind,symbol,quantity,price,commission,amount,currency,account\n"+
		"2024-01-02,DEPOSIT,,,,,1000,GBP,isa\n2024-01-03,BUY,XYZ,10,20,5,,GBP,isa\n")
	b := writeFile(t, filepath.Join(dir, "b.csv"), "date,kind,symbol,quantity,price,commission,amount,currency\n"+
		"2024-01-02,DEPOSIT,,,,,500,USD\n2024-01-03,BUY,QQQ,2,100,0,,USD\n2024-02-01,DIVIDEND,QQQ,,,,3,USD\n")
	stdout, stderr, err := runReport(t, "-source", "none", "-tx", a, "-tx", b)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, want := range []string{"isa, XYZ: 10\n", "b, QQQ: 2\n", "isa: 795.00 GBP\n", "b: 303.00 USD\n", "QQQ: 3.00 USD\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if stderr != "" {
		t.Errorf("stderr = %q", stderr)
	}
}

// TestSourceNoneFolderOfBrokerExports: a folder of two brokers' exports
// from ../shared, each its own account, with cgt-calc's final balances
// (Interactive Brokers 3027.40 GBP, Vanguard 23.59 GBP).
func TestSourceNoneFolderOfBrokerExports(t *testing.T) {
	ib := shared.Path(t, "brokers", "cgt-calc", "interactive_brokers", "data", "test_basic.csv")
	vg := shared.Path(t, "brokers", "cgt-calc", "vanguard", "data", "cash_investment_report.csv")
	dir := t.TempDir()
	for _, f := range []string{ib, vg} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, filepath.Base(f)), string(data)) // a temporary folder, not the repository
	}
	stdout, _, err := runReport(t, "-source", "none", "-tx", dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"U***00000, CNX1: 2\n", "U***00000: 3027.40 GBP\n", "Bob's General investment, BAR: 293\n", "Bob's General investment: 23.59 GBP\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

// TestMapFlag: -map reads a CSV in another layout (German words, decimal
// commas, DD.MM.YYYY). By hand: 1.000,50 in, 3 × 100,25 + 1,50 = 302,25
// out → 698,25 EUR; 3 ABC.
func TestMapFlag(t *testing.T) {
	dir := t.TempDir()
	m := writeFile(t, filepath.Join(dir, "map.json"), `{"columns": {"date": "Datum", "kind": "Art", "symbol": "Wert",
  "quantity": "Stück", "price": "Kurs", "commission": "Gebühr", "amount": "Betrag"},
 "date_format": "DD.MM.YYYY", "decimal": ",", "thousands": ".", "currency": "EUR",
 "kinds": {"BUY": ["Kauf"], "DEPOSIT": ["Einzahlung"]}}`)
	tx := writeFile(t, filepath.Join(dir, "depot.csv"), "Datum,Art,Wert,Stück,Kurs,Gebühr,Betrag\n"+
		"02.01.2024,Einzahlung,,,,,\"1.000,50\"\n03.01.2024,Kauf,ABC,3,\"100,25\",\"1,50\",\n")
	stdout, _, err := runReport(t, "-source", "none", "-tx", tx, "-map", m)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"depot, ABC: 3\n", "depot: 698.25 EUR\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

// TestOverlapCoversNewInputs: an output that is a file of a -tx folder,
// the second -tx, or the -map file is refused before anything is read.
func TestOverlapCoversNewInputs(t *testing.T) {
	dir := t.TempDir()
	inFolder := writeFile(t, filepath.Join(dir, "a.csv"), "date,kind,amount\n2024-01-02,DEPOSIT,1\n")
	other := t.TempDir()
	second := writeFile(t, filepath.Join(other, "b.csv"), "date,kind,amount\n2024-01-02,DEPOSIT,1\n")
	m := writeFile(t, filepath.Join(other, "map.json"), `{"columns": {"date": "date", "kind": "kind"}}`)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-tx", dir, "-out", inFolder}, "-out " + inFolder + " is the file read by -tx"},
		{[]string{"-tx", dir, "-tx", second, "-out", second}, "-out " + second + " is the file read by -tx"},
		{[]string{"-tx", second, "-map", m, "-out", m}, "-out " + m + " is the file read by -map"},
	} {
		_, _, err := runReport(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %s", c.args, err, c.want)
		}
	}
}

// TestOverlappingExports: the same row in two files of one account (two
// exports covering the same days) is reported with both places.
func TestOverlappingExports(t *testing.T) {
	dir := t.TempDir()
	row := "2024-01-02,DEPOSIT,,,,,100,GBP,isa\n"
	head := "date,kind,symbol,quantity,price,commission,amount,currency,account\n"
	a := writeFile(t, filepath.Join(dir, "jan.csv"), head+row)
	b := writeFile(t, filepath.Join(dir, "jan-feb.csv"), head+row+"2024-02-01,DEPOSIT,,,,,5,GBP,isa\n")
	_, _, err := runReport(t, "-source", "none", "-tx", a, "-tx", b)
	if err == nil || !strings.Contains(err.Error(), b+", row 2") || !strings.Contains(err.Error(), "a row not already in "+a+", row 2") {
		t.Errorf("err = %v", err)
	}
}

// TestOverlappingBrokerExportsWarn: two Trading 212 exports of one account
// saved under different names are two accounts (each export names none);
// their common row is a warning naming both places.
func TestOverlappingBrokerExportsWarn(t *testing.T) {
	dir := t.TempDir()
	head := "Action,Time,Ticker,No. of shares,Total,Currency (Total),ID\n"
	row := "Deposit,2024-01-01 00:15:20,,,3000.00,GBP,x05\n"
	a := writeFile(t, filepath.Join(dir, "jan.csv"), head+row)
	b := writeFile(t, filepath.Join(dir, "year.csv"), head+row+"Deposit,2024-02-01 00:15:20,,,5.00,GBP,x06\n")
	_, stderr, err := runReport(t, "-source", "none", "-tx", a, "-tx", b)
	want := "warning: " + b + `, row 2, action "Deposit" repeats ` + a + `, row 2, action "Deposit" in another account`
	if err != nil || !strings.Contains(stderr, want) {
		t.Errorf("err = %v, stderr = %q\nwant %s", err, stderr, want)
	}
}

// TestFlagsForImports: -tx repeats in order (the first is the one the
// other flags speak of), -map needs -tx, and -source none writes no
// outputs, saying so when -out or -xlsx was asked for.
func TestFlagsForImports(t *testing.T) {
	var stderr strings.Builder
	o, err := parseFlags([]string{"-tx", "a.csv", "-tx", "dir", "-source", "none", "-out", "r.html", "-xlsx", "f.xlsx"}, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if o.tx != "a.csv" || len(o.txFiles) != 2 || o.txFiles[1] != "dir" || o.out != "" || o.xlsx != "" {
		t.Errorf("options %+v", o)
	}
	want := "warning: -out has no effect with -source none (no market data, no report)\nwarning: -xlsx has no effect with -source none (no market data, no frames)\n"
	if stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
	if _, err := parseFlags([]string{"-map", "m.json"}, &stderr); err == nil || err.Error() != "-map needs -tx: the mapping reads those files" {
		t.Errorf("-map alone: %v", err)
	}
	if _, err := parseFlags([]string{"-tx", ""}, &stderr); err == nil || !strings.Contains(err.Error(), "an empty -tx") {
		t.Errorf("-tx \"\": %v", err)
	}
}

// TestRunAccounts: -accounts reports one account of a file of two, whose
// TRANSFERs are then its deposits; the header names it; an unknown name
// is an error listing the accounts. isa deposits 10,000 and buys 10 IBM,
// then transfers 4 IBM and 1,000 of cash to gia, which deposited 5,000:
// gia holds 4 IBM, both together 10; gia's net contributions are 5,000 +
// 1,000 + the 4 IBM at the close of their day, isa's 10,000 less those.
func TestRunAccounts(t *testing.T) {
	tx := writeFile(t, filepath.Join(t.TempDir(), "two.csv"), "date,kind,symbol,quantity,price,commission,amount,account,to\n"+
		"1995-01-03,DEPOSIT,,,,,10000,isa,\n1995-01-04,BUY,IBM,10,,5,,isa,\n1995-01-05,DEPOSIT,,,,,5000,gia,\n"+
		"1995-02-01,TRANSFER,IBM,4,,,,isa,gia\n1995-03-01,TRANSFER,,,,,1000,isa,gia\n")
	args := []string{"-tx", tx, "-currency", "USD", "-benchmarks", ","}
	all, stderr, err := runReport(t, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	gia, stderr, err := runReport(t, append(args, "-accounts", "gia")...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(gia, "two.csv (account gia)\n") || strings.Contains(all, "(account") {
		t.Errorf("the header should name the account shown:\n%s\n%s", gia, all)
	}
	if !strings.Contains(gia, " IBM         4  USD") || !strings.Contains(all, " IBM        10  USD") {
		t.Errorf("IBM held: gia 4, both 10:\n%s\n%s", gia, all)
	}
	_, _, err = runReport(t, append(args, "-accounts", "gia,nope")...)
	if err == nil || err.Error() != `-accounts: no transaction belongs to "nope"; the accounts are "gia", "isa"` {
		t.Errorf("got %v", err)
	}
	// Without market data (-source none) -accounts lists the accounts
	// selected, transfers moved (it used to warn that it had no effect and
	// list every account: issue 19's integration made it filter).
	priced := writeFile(t, filepath.Join(t.TempDir(), "priced.csv"), strings.Replace(readFile(t, tx), "BUY,IBM,10,,5", "BUY,IBM,10,50,5", 1))
	stdout, stderr, err := runReport(t, "-tx", priced, "-source", "none", "-accounts", "gia")
	if err != nil || stderr != "" || !strings.Contains(stdout, "gia, IBM: 4\n") || strings.Contains(stdout, "isa") ||
		!strings.Contains(stdout, "priced.csv (account gia)\n") {
		t.Errorf("-source none -accounts gia: %v\n%s\n%s", err, stdout, stderr)
	}
	both, _, err := runReport(t, "-tx", priced, "-source", "none")
	if err != nil || !strings.Contains(both, "gia, IBM: 4\n") || !strings.Contains(both, "isa, IBM: 6\n") {
		t.Errorf("-source none: %v\n%s", err, both)
	}
	if _, _, err = runReport(t, "-tx", priced, "-source", "none", "-accounts", "nope"); err == nil ||
		err.Error() != `-accounts: no transaction belongs to "nope"; the accounts are "gia", "isa"` {
		t.Errorf("-source none -accounts nope: %v", err)
	}
}

// TestRunCompareAccounts: -compare shows each account alone beside the
// portfolio: statistics columns Portfolio, gia, isa (then the benchmark's),
// gia's figures those of -accounts gia (the accounts' final values, 6,338.00
// and 9,317.20, add up to the portfolio's 15,655.20); with one account it
// says it has no effect.
func TestRunCompareAccounts(t *testing.T) {
	tx := writeFile(t, filepath.Join(t.TempDir(), "two.csv"), "date,kind,symbol,quantity,price,commission,amount,account,to\n"+
		"1995-01-03,DEPOSIT,,,,,10000,isa,\n1995-01-04,BUY,IBM,10,,5,,isa,\n1995-01-05,DEPOSIT,,,,,5000,gia,\n"+
		"1995-02-01,TRANSFER,IBM,4,,,,isa,gia\n1995-03-01,TRANSFER,,,,,1000,isa,gia\n")
	args := []string{"-tx", tx, "-currency", "USD"}
	both, stderr, err := runReport(t, append(args, "-compare")...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	gia, stderr, err := runReport(t, append(args, "-accounts", "gia")...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	header := regexp.MustCompile(`\n +Portfolio +gia +isa +\^DJI`)
	if !header.MatchString(both) {
		t.Errorf("no Portfolio, gia, isa columns:\n%s", both)
	}
	// gia's final value is its column's, as its own report's Portfolio.
	final := regexp.MustCompile(`\n +Final value +([0-9,.]+) +([0-9,.]+) +([0-9,.]+)`)
	m, g := final.FindStringSubmatch(both), regexp.MustCompile(`\n +Final value +([0-9,.]+)`).FindStringSubmatch(gia)
	if m == nil || g == nil || m[2] != g[1] {
		t.Errorf("gia's final value: %q in the comparison, %q alone", m, g)
	}
	_, stderr, err = runReport(t, "-compare", "-benchmarks", ",")
	if err != nil || !strings.Contains(stderr, "-compare has no effect with one account") {
		t.Errorf("%v\n%s", err, stderr)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
