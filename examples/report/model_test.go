package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writeModel writes a model file in the targets' format.
func writeModel(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "model.csv")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunModel: -model shows the model as a benchmark column, and with
// -contrib one attribution table per grouping, each of whose total is the
// portfolio's TWR (the summary's) less the model's (its column's TWR).
func TestRunModel(t *testing.T) {
	model := writeModel(t, "symbol,weight\nIBM,20\nKO,20\nXOM,20\nJPM,15\nAA,15\nCASH,10\n")
	stdout, stderr, err := runReport(t, "-contrib", "-model", model)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	twr := regexp.MustCompile(`(?m)^\s*Time-weighted return\s+(\S+)\s+(\S+)\s+(\S+)\s*$`).FindStringSubmatch(stdout)
	if twr == nil || !strings.Contains(stdout, "Model model.csv in GBP") {
		t.Fatalf("no statistics column for the model in\n%s", stdout)
	}
	heads := regexp.MustCompile(`(?m)^Attribution by (.+) against Model model.csv from .*: portfolio (\S+), model (\S+), difference (\S+)$`).FindAllStringSubmatch(stdout, -1)
	var bys []string
	for _, h := range heads {
		bys = append(bys, h[1])
		if h[2] != twr[1] || h[3] != twr[3] {
			t.Errorf("by %s: portfolio %s, model %s; the statistics say %s and %s", h[1], h[2], h[3], twr[1], twr[3])
		}
	}
	if strings.Join(bys, ",") != "quote currency,asset class,sector,region,country" {
		t.Errorf("attributions by %q, want quote currency, asset class, sector, region, country", bys)
	}
	totals := regexp.MustCompile(`(?m)^\s*total\s+\S+\s+\S+\s+\S+\s+(\S+)\s*$`).FindAllStringSubmatch(stdout, -1)
	if len(totals) != len(heads) {
		t.Fatalf("%d total lines for %d tables", len(totals), len(heads))
	}
	for i, tot := range totals {
		if tot[1] != heads[i][4] {
			t.Errorf("by %s: total %s, difference %s", heads[i][1], tot[1], heads[i][4])
		}
	}
	for _, want := range []string{"Contribution by sector", "Information Technology", "Energy"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in the output", want)
		}
	}
}

// TestRunModelBadFile: every problem of the model file, before anything is
// fetched; a symbol the market does not know is named.
func TestRunModelBadFile(t *testing.T) {
	_, _, err := runReport(t, "-model", writeModel(t, "symbol,weight\nIBM,50\nKO,abc\n,10\n"))
	if err == nil || !strings.Contains(err.Error(), "-model:") || !strings.Contains(err.Error(), `row 3, column weight: "abc"`) || !strings.Contains(err.Error(), "row 4") {
		t.Errorf("error %v, want -model and rows 3 and 4", err)
	}
	_, _, err = runReport(t, "-model", writeModel(t, "symbol,weight\nIBM,50\nNOSUCH,50\n"))
	if err == nil || !strings.Contains(err.Error(), "NOSUCH") {
		t.Errorf("error %v, want NOSUCH named", err)
	}
}

// TestRunModelWithSourceNone: -model needs market data; with -source none
// it is ignored, and stderr says so.
func TestRunModelWithSourceNone(t *testing.T) {
	tx := writeTx(t, "1995-01-03,DEPOSIT,,,,,10000")
	_, stderr, err := runReport(t, "-tx", tx, "-source", "none", "-model", writeModel(t, "symbol,weight\nIBM,100\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "warning: -model has no effect with -source none") {
		t.Errorf("stderr %q, want the warning", stderr)
	}
}
