package main

import (
	"strings"
	"testing"
)

// TestSourceNoneGains: -source none -gains prints the capital gains from the
// file alone (issue 16: "gains need no market data"). By hand, -lots uk: 100
// ABC bought at 50 with 5 of commission (pool cost 5,005); 40 sold at 70
// with 5: proceeds 2,800, costs 40/100 × 5,005 + 5 = 2,007, gain 793, in the
// 2022/23 tax year (exempt amount 12,300).
func TestSourceNoneGains(t *testing.T) {
	tx := writeTx(t, "2022-05-03,DEPOSIT,,,,,20000", "2022-05-04,BUY,ABC,100,50,5,", "2022-09-01,SELL,ABC,40,70,5,")
	stdout, stderr, err := runReport(t, "-tx", tx, "-source", "none", "-gains", "-lots", "uk", "-currency", "GBP")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	for _, want := range []string{"ABC: 60", "2,800.00  2,007.00  793.00  S104 pool 40", "2022/23", "12,300.00"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}
