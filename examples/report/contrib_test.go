package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRunContrib: -contrib prints a row per holding and the cash, and a
// total whose TWR is the summary's time-weighted return and equals the
// sum of the contributions (as rounded to 0.01 %, the sum of the rounded
// rows is within 0.01 % per row); the groups are by quote currency.
func TestRunContrib(t *testing.T) {
	stdout, stderr, err := runReport(t, "-contrib")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	twr := regexp.MustCompile(`(?m)^Time-weighted return\s+(\S+)$`).FindStringSubmatch(stdout)
	total := regexp.MustCompile(`(?m)^\s*total\s+(\S+)\s+(\S+)\s*$`).FindStringSubmatch(stdout)
	if twr == nil || total == nil {
		t.Fatalf("no TWR or no total line in\n%s", stdout)
	}
	if total[1] != twr[1] || total[2] != twr[1] {
		t.Errorf("total line: TWR %s, contributions %s; the summary's TWR is %s", total[1], total[2], twr[1])
	}
	for _, want := range []string{"Returns per holding from", "symbol  TWR  MWR  contribution", "cash", "Contribution by quote currency", "USD"} {
		if !strings.Contains(squeeze(stdout), squeeze(want)) {
			t.Errorf("no %q in\n%s", want, stdout)
		}
	}
	plain, _, err := runReport(t)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain, "Returns per holding") {
		t.Error("the returns per holding are printed without -contrib")
	}
}

// TestRunContribNamesTheAccounts: with -compare the statistics show each
// account alone beside the portfolio; -contrib's returns per holding are
// the portfolio's, and the header says which accounts it consolidates
// (or which one -accounts selects).
func TestRunContribNamesTheAccounts(t *testing.T) {
	tx := writeFile(t, filepath.Join(t.TempDir(), "two.csv"), "date,kind,symbol,quantity,price,commission,amount,account,to\n"+
		"1995-01-03,DEPOSIT,,,,,10000,isa,\n1995-01-04,BUY,IBM,10,,5,,isa,\n1995-01-05,DEPOSIT,,,,,5000,gia,\n"+
		"1995-02-01,TRANSFER,IBM,4,,,,isa,gia\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-compare"}, "Returns per holding of every account, consolidated: gia, isa, from 1995-01-03"},
		{[]string{"-accounts", "gia"}, "Returns per holding of account gia, from 1995-01-03"},
	} {
		stdout, stderr, err := runReport(t, append([]string{"-tx", tx, "-currency", "USD", "-contrib", "-benchmarks", ","}, c.args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", c.args, err, stderr)
		}
		if !strings.Contains(stdout, c.want) {
			t.Errorf("%v: no %q in\n%s", c.args, c.want, stdout)
		}
	}
}
