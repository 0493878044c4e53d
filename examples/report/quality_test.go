package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// priceFolder writes a CSV price folder with IBM and the default benchmark
// ^GSPC over ten January weekdays; bad lists the IBM closes to replace.
func priceFolder(t *testing.T, bad map[int]string) string {
	t.Helper()
	dir := t.TempDir()
	days := []string{"02", "03", "04", "05", "08", "09", "10", "11", "12", "16"}
	ibm, index := "date,close\n", "date,close\n"
	for i, d := range days {
		close := fmt.Sprint(150 + i)
		if b, ok := bad[i]; ok {
			close = b
		}
		ibm += "2024-01-" + d + "," + close + "\n"
		index += fmt.Sprintf("2024-01-%s,%d\n", d, 4700+3*i*(i%3))
	}
	for name, text := range map[string]string{"IBM.csv": ibm, "^GSPC.csv": index} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestRunRepair: IBM's closes of 2024-01-09 and 01-10 are in cents (15500,
// 15600 for 155, 156). Without -repair the command says so on stderr and
// changes nothing; with it, the two rows are listed as repaired and every
// figure is the one the clean folder gives.
func TestRunRepair(t *testing.T) {
	tx := writeTx(t, "2024-01-02,DEPOSIT,,,,,10000", "2024-01-03,BUY,IBM,10,,5,")
	cleanDir := priceFolder(t, nil)
	clean, _, err := runReport(t, "-tx", tx, "-prices", cleanDir)
	if err != nil {
		t.Fatal(err)
	}
	faulty := priceFolder(t, map[int]string{5: "15500", 6: "15600"})
	clean = strings.ReplaceAll(clean, cleanDir, faulty) // the folder's name is in the header
	asIs, stderr, err := runReport(t, "-tx", tx, "-prices", faulty)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "data quality: IBM 2024-01-09 to 2024-01-10: unit switch: 2 close(s) 100x the rest") ||
		!strings.Contains(stderr, "rerun with -repair") || strings.Contains(stderr, "repaired:") {
		t.Errorf("stderr without -repair:\n%s", stderr)
	}
	if asIs == clean {
		t.Error("without -repair the faulty closes gave the clean figures: repaired silently?")
	}
	repaired, stderr, err := runReport(t, "-tx", tx, "-prices", faulty, "-repair")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"repaired: IBM 2024-01-09: close 15500 -> 155 (unit switch)", "repaired: IBM 2024-01-10: close 15600 -> 156 (unit switch)"} {
		if strings.Count(stderr, want) != 1 {
			t.Errorf("stderr with -repair lacks %q, once:\n%s", want, stderr)
		}
	}
	if repaired != clean {
		t.Errorf("with -repair:\n%s\nwant the clean folder's:\n%s", repaired, clean)
	}
	// IBM held and a benchmark too: its benchmark copy is repaired as
	// well, its rows listed once.
	cleanBench, _, err := runReport(t, "-tx", tx, "-prices", cleanDir, "-benchmarks", "IBM")
	if err != nil {
		t.Fatal(err)
	}
	repairedBench, stderr, err := runReport(t, "-tx", tx, "-prices", faulty, "-benchmarks", "IBM", "-repair")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(stderr, "repaired:") != 2 || repairedBench != strings.ReplaceAll(cleanBench, cleanDir, faulty) {
		t.Errorf("IBM as a benchmark, with -repair:\n%s\n%s\nwant the clean folder's:\n%s", stderr, repairedBench, cleanBench)
	}
}

// TestRunSplitRowSuppliesTheSplit: IBM's closes halve on 2024-01-09 (as
// traded, no split in the folder). Without a SPLIT row that is a missing
// 2:1 split, which -repair adds; with the row, the transactions supply it:
// no finding, and -repair adds nothing the engine would refuse as a second
// split.
func TestRunSplitRowSuppliesTheSplit(t *testing.T) {
	prices := priceFolder(t, map[int]string{5: "77.5", 6: "78", 7: "78.5", 8: "79", 9: "79.5"})
	plain := writeTx(t, "2024-01-02,DEPOSIT,,,,,10000", "2024-01-03,BUY,IBM,10,,5,")
	_, stderr, err := runReport(t, "-tx", plain, "-prices", prices, "-repair")
	if err != nil || !strings.Contains(stderr, "data quality: IBM 2024-01-09: split-like jump without a split event") ||
		!strings.Contains(stderr, "repaired: IBM 2024-01-09: split of ratio 2 added") {
		t.Errorf("without a SPLIT row: %v\n%s", err, stderr)
	}
	withRow := writeTx(t, "2024-01-02,DEPOSIT,,,,,10000", "2024-01-03,BUY,IBM,10,,5,", "2024-01-09,SPLIT,IBM,2,1,,")
	_, stderr, err = runReport(t, "-tx", withRow, "-prices", prices, "-repair")
	if err != nil || strings.Contains(stderr, "data quality:") || strings.Contains(stderr, "repaired:") {
		t.Errorf("with a SPLIT row: %v\n%s", err, stderr)
	}
}
