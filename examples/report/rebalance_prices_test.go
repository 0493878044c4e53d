package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writeTargets writes a -targets file.
func writeTargets(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "targets.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunRebalanceUntradedTarget: the sample portfolio never traded AA,
// but the sample market has it: -targets fetches it with the prices and
// the plan buys it at its close on the plan's day, 2001-01-02: USD 31.88
// (stocks.csv.gz: `zcat quotes/sample/data/stocks.csv.gz | grep
// ^2001-01-02`, column AA), in the quote currency as a holding's price is.
// A price in the file wins (GBP 20.00); a symbol the market does not
// know, without a price, is the error that asks for one.
func TestRunRebalanceUntradedTarget(t *testing.T) {
	stdout, stderr, err := runReport(t, "-targets", writeTargets(t, "symbol,weight\nIBM,40\nAA,30\nCASH,30\n"))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !regexp.MustCompile(`(?m)^\s+BUY\s+AA\s+\d+\s+USD 31\.88\s`).MatchString(stdout) {
		t.Errorf("no buy of AA at USD 31.88 in\n%s", stdout)
	}
	stdout, stderr, err = runReport(t, "-targets", writeTargets(t, "symbol,weight,price\nIBM,40,\nAA,30,20\nCASH,30,\n"))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !regexp.MustCompile(`(?m)^\s+BUY\s+AA\s+\d+\s+GBP 20\.00\s`).MatchString(stdout) {
		t.Errorf("no buy of AA at its price of GBP 20.00 in\n%s", stdout)
	}
	_, _, err = runReport(t, "-targets", writeTargets(t, "symbol,weight\nIBM,40\nNOSUCH,30\nCASH,30\n"))
	if want := "target NOSUCH: the portfolio has no market data for it"; err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "give its price") {
		t.Errorf("error %v, want %q asking for its price", err, want)
	}
}
