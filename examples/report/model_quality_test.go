package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunModelQuality: the portfolio holds KO only; the model holds IBM
// too, whose closes of 2024-01-09 and 01-10 are in cents (15500, 15600 for
// 155, 156). The model's IBM goes through the market-data check as a
// holding's series does: without -repair the finding is on stderr; with
// it, the two rows are listed as repaired and every figure (the model's
// column included) is the one the clean folder gives.
func TestRunModelQuality(t *testing.T) {
	withKO := func(dir string) string {
		ko := "date,close\n"
		for i, d := range []string{"02", "03", "04", "05", "08", "09", "10", "11", "12", "16"} {
			ko += fmt.Sprintf("2024-01-%s,%d\n", d, 60+i%3)
		}
		if err := os.WriteFile(filepath.Join(dir, "KO.csv"), []byte(ko), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	tx := writeTx(t, "2024-01-02,DEPOSIT,,,,,10000", "2024-01-03,BUY,KO,10,,5,")
	model := writeModel(t, "symbol,weight\nIBM,50\nKO,50\n")
	cleanDir := withKO(priceFolder(t, nil))
	clean, _, err := runReport(t, "-tx", tx, "-prices", cleanDir, "-model", model)
	if err != nil {
		t.Fatal(err)
	}
	faulty := withKO(priceFolder(t, map[int]string{5: "15500", 6: "15600"}))
	clean = strings.ReplaceAll(clean, cleanDir, faulty) // the folder's name is in the header
	asIs, stderr, err := runReport(t, "-tx", tx, "-prices", faulty, "-model", model)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "data quality: IBM 2024-01-09 to 2024-01-10: unit switch: 2 close(s) 100x the rest") ||
		!strings.Contains(stderr, "rerun with -repair") || asIs == clean {
		t.Errorf("without -repair: the model's IBM not checked, or repaired silently:\n%s", stderr)
	}
	repaired, stderr, err := runReport(t, "-tx", tx, "-prices", faulty, "-model", model, "-repair")
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
}

// TestRunTargetsQuality: a -targets symbol the portfolio never traded
// (IBM, its closes of 2024-01-09 and 01-10 in cents) is checked as the
// holdings' series are; the plan prices it at its last close, 2024-01-16's
// 159 (150 + 9, priceFolder), untouched by the faulty rows.
func TestRunTargetsQuality(t *testing.T) {
	dir := priceFolder(t, map[int]string{5: "15500", 6: "15600"})
	if err := os.WriteFile(filepath.Join(dir, "KO.csv"), []byte("date,close\n2024-01-02,60\n2024-01-16,61\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tx := writeTx(t, "2024-01-02,DEPOSIT,,,,,10000", "2024-01-03,BUY,KO,10,,5,")
	stdout, stderr, err := runReport(t, "-tx", tx, "-prices", dir, "-targets", writeTargets(t, "symbol,weight\nIBM,50\nKO,50\n"))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "data quality: IBM 2024-01-09 to 2024-01-10: unit switch") {
		t.Errorf("the target's IBM not checked:\n%s", stderr)
	}
	if !strings.Contains(stdout, "USD 159.00") {
		t.Errorf("IBM not bought at its last close, USD 159.00:\n%s", stdout)
	}
}
