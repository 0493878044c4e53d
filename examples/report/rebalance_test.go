package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/rebalance"
)

// rebalanceFiles writes the market (A closes 10 then 12, B 5 and 5, in
// USD), the transactions ($1,000 deposited; 30 A at 8 and 30 at 12, 40 B
// at 5: $200 left) and targets of 50% A, 50% B; it returns the
// transactions file, the prices folder and the targets file.
func rebalanceFiles(t *testing.T) (tx, prices, targets string) {
	t.Helper()
	dir := t.TempDir()
	prices = filepath.Join(dir, "prices")
	if err := os.Mkdir(prices, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(prices, "A.csv"), "date,close\n2024-01-02,10\n2024-01-03,12\n")
	write(filepath.Join(prices, "B.csv"), "date,close\n2024-01-02,5\n2024-01-03,5\n")
	tx = writeTx(t, "2024-01-02,DEPOSIT,,,,,1000", "2024-01-02,BUY,A,30,8,0,", "2024-01-02,BUY,A,30,12,0,", "2024-01-02,BUY,B,40,5,0,")
	targets = filepath.Join(dir, "targets.csv")
	write(targets, "symbol,weight\nA,50%\nB,50%\n")
	return tx, prices, targets
}

// TestRunRebalance: on 3 January A is worth 60 × 12 = 720, B 200, the
// cash 200: $1,120, $560 a target. A sells floor(−160 / 12) = 14 shares
// (168), B buys 360 / 5 = 72 (360), leaving 200 + 168 − 360 = 8. The
// gain of the 14 A: 168 − 14 × 8 = 56 under fifo (the $8 lot first),
// 168 − 14 × 12 = 0 under hifo, 168 − 14 × 10 = 28 at average cost.
func TestRunRebalance(t *testing.T) {
	tx, prices, targets := rebalanceFiles(t)
	lotsSold := map[string]string{"fifo": "lots sold (fifo): A: 2024-01-02 (row 3) 14 shares (cost 112.00)",
		"hifo": "lots sold (hifo): A: 2024-01-02 (row 4) 14 shares (cost 168.00)", "average": ""}
	for method, gain := range map[string]string{"fifo": "56.00", "hifo": "0.00", "average": "28.00"} {
		stdout, stderr, err := runReport(t, "-tx", tx, "-source", "csv:"+prices, "-currency", "USD", "-benchmarks", ",",
			"-lots", method, "-targets", targets)
		if err != nil {
			t.Fatalf("%s: %v\n%s", method, err, stderr)
		}
		for _, want := range []string{
			"Rebalancing to " + targets + " at the closes of 2024-01-03 (full, whole shares, no commission, lots " + method + "; money in USD",
			"SELL A 14 USD 12.00 168.00 0.00 " + gain,
			"BUY B 72 USD 5.00 360.00 0.00",
			"A 50.00% 64.29% 49.29% 60 46",
			"CASH 0.00% 17.86% 0.71% 200.00 8.00",
			"cash left 8.00; commissions 0.00; estimated realized gain " + gain,
			lotsSold[method],
		} {
			if !strings.Contains(squeeze(stdout), want) {
				t.Errorf("-lots %s: no %q in\n%s", method, want, stdout)
			}
		}
		if method == "average" && strings.Contains(stdout, "lots sold") {
			t.Errorf("-lots average lists lots:\n%s", stdout)
		}
	}
}

// TestRunRebalanceNewMoney: -invest 100 buys only: B is under its target
// and A over it, so the 200 + 100 of cash all go to B: 60 shares.
func TestRunRebalanceNewMoney(t *testing.T) {
	tx, prices, targets := rebalanceFiles(t)
	stdout, stderr, err := runReport(t, "-tx", tx, "-source", "csv:"+prices, "-currency", "USD", "-benchmarks", ",",
		"-targets", targets, "-invest", "100", "-commission", "0")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if s := squeeze(stdout); !strings.Contains(s, "BUY B 60 USD 5.00 300.00") || strings.Contains(s, "SELL") {
		t.Errorf("want one buy of 60 B, no sale:\n%s", stdout)
	}
}

// TestRebalanceFlags: -commission's forms and mistakes, -invest's, a
// targets flag without -targets, and a bad targets file reported before
// anything is fetched.
func TestRebalanceFlags(t *testing.T) {
	for s, want := range map[string]rebalance.Commission{
		"5": {Fixed: 5}, "0.1%": {Rate: 0.001}, "5+0.1%": {Fixed: 5, Rate: 0.001}, " 0.25% + 1 ": {Fixed: 1, Rate: 0.0025}, "": {},
	} {
		if got, err := parseCommission(s); err != nil || got != want {
			t.Errorf("-commission %q: %+v, %v; want %+v", s, got, err, want)
		}
	}
	for _, s := range []string{"5+6", "1%+2%", "x", "-1", "100%", "1+2+3%"} {
		if _, err := parseCommission(s); err == nil || !strings.Contains(err.Error(), "want FIXED, RATE% or FIXED+RATE%") {
			t.Errorf("-commission %q: %v", s, err)
		}
	}
	_, stderr, err := runReport(t, "-fractional", "-invest", "5")
	if err != nil || !strings.Contains(stderr, "warning: -invest has no effect without -targets") ||
		!strings.Contains(stderr, "warning: -fractional has no effect without -targets") {
		t.Errorf("flags without -targets: %v\n%s", err, stderr)
	}
	_, _, targets := rebalanceFiles(t)
	if _, _, err := runReport(t, "-targets", targets, "-invest", "-5"); err == nil || !strings.Contains(err.Error(), `-invest "-5": want an amount of 0 or more`) {
		t.Errorf("-invest -5: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(bad, []byte("symbol,weight\nKO,60\nIBM,30\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = runReport(t, "-targets", bad, "-source", "yahoo", "-offline")
	if err == nil || !strings.Contains(err.Error(), `column weight: "sum 90%": weights that sum to 100% within 0.01`) {
		t.Errorf("bad targets: %v", err)
	}
	// The file's name once, without the package's "targets: " twice.
	missing := filepath.Join(t.TempDir(), "none.csv")
	if _, _, err = runReport(t, "-targets", missing); err == nil || !strings.HasPrefix(err.Error(), "-targets: open "+missing+": ") {
		t.Errorf("-targets of no file: %v", err)
	}
	if err := os.WriteFile(bad, []byte("symbol,weight\nKO,\"50\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err = runReport(t, "-targets", bad); err == nil || !strings.HasPrefix(err.Error(), "-targets: "+bad+": parse error on line 2") {
		t.Errorf("-targets of a bad CSV: %v", err)
	}
}

// TestRebalanceTargetsIsAnInput: -out naming the -targets file is refused
// before any work, as for every other input.
func TestRebalanceTargetsIsAnInput(t *testing.T) {
	_, _, targets := rebalanceFiles(t)
	_, _, err := runReport(t, "-targets", targets, "-out", targets)
	if err == nil || !strings.Contains(err.Error(), "-out "+targets+" is the file read by -targets") {
		t.Errorf("-out onto -targets: %v", err)
	}
}

// TestRunRebalanceAccounts: with -accounts gia the plan rebalances gia's
// positions and cash only (4 IBM transferred from isa, 5,000 of cash) and
// its header says so; without -accounts, both accounts' 10 IBM.
func TestRunRebalanceAccounts(t *testing.T) {
	dir := t.TempDir()
	tx := writeFile(t, filepath.Join(dir, "two.csv"), "date,kind,symbol,quantity,price,commission,amount,account,to\n"+
		"1995-01-03,DEPOSIT,,,,,10000,isa,\n1995-01-04,BUY,IBM,10,,5,,isa,\n1995-01-05,DEPOSIT,,,,,5000,gia,\n"+
		"1995-02-01,TRANSFER,IBM,4,,,,isa,gia\n")
	targets := writeFile(t, filepath.Join(dir, "targets.csv"), "symbol,weight\nIBM,50\nCASH,50\n")
	args := []string{"-tx", tx, "-currency", "USD", "-benchmarks", ",", "-targets", targets}
	gia, stderr, err := runReport(t, append(args, "-accounts", "gia")...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(gia, "\nRebalancing account gia (its positions and cash) to ") {
		t.Errorf("the plan's header should name gia:\n%s", gia)
	}
	if !regexp.MustCompile(`\n +IBM +50\.00% +\S+ +\S+ +4 `).MatchString(gia) {
		t.Errorf("gia holds 4 IBM before the plan:\n%s", gia)
	}
	both, stderr, err := runReport(t, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(both, "\nRebalancing to ") || !regexp.MustCompile(`\n +IBM +50\.00% +\S+ +\S+ +10 `).MatchString(both) {
		t.Errorf("both accounts: 10 IBM, a header naming no account:\n%s", both)
	}
}

// TestRunRebalanceFractional: -fractional trades fractions of shares,
// printed with 4 decimals at most, as the report shows them: A sells
// (720 − 560) / 12 = 13.3333 shares (it printed 13.333333333333334), B
// buys 72, and A keeps 46.6667.
func TestRunRebalanceFractional(t *testing.T) {
	tx, prices, targets := rebalanceFiles(t)
	stdout, stderr, err := runReport(t, "-tx", tx, "-source", "csv:"+prices, "-currency", "USD", "-benchmarks", ",",
		"-targets", targets, "-fractional")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	s := squeeze(stdout)
	for _, want := range []string{"SELL A 13.3333 USD 12.00 160.00", "BUY B 72 USD 5.00 360.00", "A 50.00% 64.29% 50.00% 60 46.6667"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in\n%s", want, stdout)
		}
	}
}

// TestRunRebalanceStale: B's prices end on 2 January, A's run to the 10th:
// the plan trades B at a close 8 days old, and says so under the trades,
// as the report does.
func TestRunRebalanceStale(t *testing.T) {
	dir := t.TempDir()
	a := "date,close\n"
	for d := 2; d <= 10; d++ {
		a += fmt.Sprintf("2024-01-%02d,10\n", d)
	}
	files := map[string]string{"A.csv": a, "B.csv": "date,close\n2024-01-02,5\n", "targets.csv": "symbol,weight\nA,50\nB,50\n"}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tx := writeTx(t, "2024-01-02,DEPOSIT,,,,,1000", "2024-01-02,BUY,A,30,10,0,", "2024-01-02,BUY,B,40,5,0,")
	stdout, stderr, err := runReport(t, "-tx", tx, "-source", "csv:"+dir, "-currency", "USD", "-benchmarks", ",",
		"-targets", filepath.Join(dir, "targets.csv"))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if want := "note: B is priced at its last close, of 2024-01-02, not one of 2024-01-10: give its price"; !strings.Contains(stdout, want) {
		t.Errorf("no %q in\n%s", want, stdout)
	}
}

// TestRunRebalanceFailsFirst: a target the plan cannot price (ZZZ: no
// market data, no price) fails the command before anything is printed;
// the summary and statistics were printed first, the error last.
func TestRunRebalanceFailsFirst(t *testing.T) {
	tx, prices, _ := rebalanceFiles(t)
	targets := filepath.Join(t.TempDir(), "targets.csv")
	if err := os.WriteFile(targets, []byte("symbol,weight\nA,50\nZZZ,50\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _, err := runReport(t, "-tx", tx, "-source", "csv:"+prices, "-currency", "USD", "-benchmarks", ",", "-targets", targets)
	if err == nil || !strings.Contains(err.Error(), "target ZZZ: the portfolio has no market data for it: give its price") {
		t.Errorf("error %v, want one naming ZZZ", err)
	}
	if stdout != "" {
		t.Errorf("printed before failing:\n%s", stdout)
	}
}
