package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeRates writes a FRED file with one constant column from 1994 to
// 2001 (the sample market's span).
func writeRates(t *testing.T, column string, rate float64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rates.csv")
	csv := "DATE," + column + "\n"
	for y := 1994; y <= 2001; y++ {
		csv += strconv.Itoa(y) + "-01-01," + strconv.FormatFloat(rate, 'f', -1, 64) + "\n"
	}
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunRatesFile: -rates replaces the market data's exchange rates
// (issue 13.6). A sterling portfolio of a GBP deposit spent on US shares
// has P&L = (value − cost in USD) / R at a constant R USD per GBP, so
// halving R doubles the P&L: P&L(R=2) = 2 × P&L(R=4), to the penny of
// rounding in the printed figures.
func TestRunRatesFile(t *testing.T) {
	tx := writeTx(t, "1995-01-03,DEPOSIT,,,,,10000", "1995-01-04,BUY,IBM,10,,5,")
	pnl := func(rate float64) float64 {
		stdout, stderr, err := runReport(t, "-tx", tx, "-currency", "GBP", "-benchmarks", ",", "-rates", writeRates(t, "DEXUSUK", rate))
		if err != nil {
			t.Fatalf("-rates at %v: %v\n%s", rate, err, stderr)
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimPrefix(headline(t, stdout, "Profit and loss"), "GBP "), ",", ""), 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	at2, at4 := pnl(2), pnl(4)
	if at2 == 0 || abs(at2-2*at4) > 0.011 {
		t.Errorf("P&L at 2 USD/GBP %v, at 4 USD/GBP %v: want the first twice the second", at2, at4)
	}
	// A file without the reporting currency is refused before any build,
	// naming the file and what it has.
	rates := writeRates(t, "DEXJPUS", 110)
	_, _, err := runReport(t, "-tx", tx, "-currency", "GBP", "-rates", rates)
	if err == nil || !strings.Contains(err.Error(), "-currency GBP: the rates file "+rates+" (-rates) has no rates for it; it has: JPY, USD") {
		t.Errorf("err = %v", err)
	}
	missing := filepath.Join(t.TempDir(), "none.csv")
	_, _, err = runReport(t, "-tx", tx, "-rates", missing)
	if err == nil || !strings.HasPrefix(err.Error(), "-rates "+missing+": ") || strings.Count(err.Error(), missing) != 1 {
		t.Errorf("missing file: err = %v", err)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
