package main

import (
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
