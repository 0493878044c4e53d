package main

import (
	"strings"
	"testing"
)

// TestRunSettle: a sterling investor buying US shares with a blank currency
// borrows USD unless -settle says the broker converts each trade (issue
// 13.5). Without it the run warns on stderr, naming the currency, the first
// row and the fix; with -settle GBP the trade is paid from the GBP cash, no
// USD balance is left and there is nothing to warn about.
func TestRunSettle(t *testing.T) {
	tx := writeTx(t, "1995-01-03,DEPOSIT,,,,,10000", "1995-01-04,BUY,IBM,10,,5,")
	stdout, stderr, err := runReport(t, "-tx", tx, "-currency", "GBP", "-benchmarks", ",")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "warning: ") || !strings.Contains(stderr, "USD") || !strings.Contains(stderr, "-settle GBP") {
		t.Errorf("no borrowed-currency warning naming USD and -settle GBP on stderr:\n%s", stderr)
	}
	if !strings.Contains(stdout, "USD -") {
		t.Errorf("without -settle the USD cash should be negative:\n%s", stdout)
	}
	stdout, stderr, err = runReport(t, "-tx", tx, "-currency", "GBP", "-benchmarks", ",", "-settle", "GBP")
	if err != nil {
		t.Fatalf("run -settle GBP: %v\n%s", err, stderr)
	}
	if strings.Contains(stderr, "warning:") {
		t.Errorf("-settle GBP still warns:\n%s", stderr)
	}
	if strings.Contains(stdout, "USD") && strings.Contains(stdout, "USD -") {
		t.Errorf("-settle GBP leaves a negative USD balance:\n%s", stdout)
	}
}
