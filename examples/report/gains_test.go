package main

import (
	"strings"
	"testing"
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
