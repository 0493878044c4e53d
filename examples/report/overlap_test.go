package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// smallRun is a portfolio quick to build: one deposit, one buy, no
// benchmark.
func smallRun(t *testing.T) []string {
	return []string{"-tx", writeTx(t, "1995-01-03,DEPOSIT,,,,,10000", "1995-01-04,BUY,IBM,10,,5,"),
		"-currency", "USD", "-benchmarks", ","}
}

// TestOutputOntoAnInputIsRefused: an output that is, by any path, a file
// the command reads is refused before any work, the file left as it was,
// read-only or not (issue 14.1: -tx tx.csv -out tx.csv replaced the
// transactions with the report).
func TestOutputOntoAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	txCSV := "date,kind,symbol,quantity,price,commission,amount\n1995-01-03,DEPOSIT,,,,,10000\n"
	tx := write("tx.csv", txCSV, 0o644)
	readOnlyTx := write("ro.csv", txCSV, 0o444)
	book := write("book.xlsx", "a workbook", 0o644)
	rates := write("rates.csv", "DATE,DEXUSUK\n1995-01-03,1.5\n", 0o644)
	js := write("echarts.js", "/* echarts */", 0o644)
	prices := filepath.Join(dir, "prices")
	if err := os.Mkdir(prices, 0o755); err != nil {
		t.Fatal(err)
	}
	ibm := filepath.Join(prices, "IBM.csv")
	if err := os.WriteFile(ibm, []byte("Date,Close\n1995-01-03,10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.html")
	if err := os.Symlink("tx.csv", link); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	dotted := sub + "/../sub/./../tx.csv" // filepath.Join would clean it
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-tx", tx, "-out", tx}, "-out " + tx + " is the file read by -tx"},
		{[]string{"-tx", tx, "-out", dotted}, "-out " + dotted + " is the file " + tx + " read by -tx"},
		{[]string{"-tx", tx, "-out", link}, "-out " + link + " is the file " + tx + " read by -tx"},
		{[]string{"-tx", readOnlyTx, "-out", readOnlyTx}, "is the file read by -tx"},
		{[]string{"-tx", book, "-out", "", "-xlsx", book}, "-xlsx " + book + " is the file read by -tx"},
		{[]string{"-tx", tx, "-rates", rates, "-out", rates}, "read by -rates"},
		{[]string{"-tx", tx, "-echarts", js, "-out", js}, "read by -echarts"},
		{[]string{"-tx", tx, "-prices", prices, "-out", ibm}, "read by -source csv:" + prices},
	} {
		before := map[string]string{}
		for _, p := range []string{tx, readOnlyTx, book, rates, js, ibm} {
			b, _ := os.ReadFile(p)
			before[p] = string(b)
		}
		stdout, stderr, err := runReport(t, append([]string{"-currency", "USD", "-benchmarks", ","}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q\n%s%s", c.args, err, c.want, stdout, stderr)
		}
		for p, want := range before {
			if b, _ := os.ReadFile(p); string(b) != want {
				t.Errorf("%q: %s was changed to %.40q", c.args, p, b)
			}
		}
		if info, _ := os.Stat(readOnlyTx); info.Mode().Perm() != 0o444 {
			t.Errorf("%q: the read-only file's mode is now %v", c.args, info.Mode().Perm())
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 8 {
			t.Errorf("%q: files in %s: %v", c.args, dir, entries)
		}
	}
}

// TestExistingOutputNeedsForce: an existing output is replaced without
// -force only when empty or written by gofolio (its generator tag, its
// sheets); a read-only one never (issue 14.1).
func TestExistingOutputNeedsForce(t *testing.T) {
	dir := t.TempDir()
	html, xlsx := filepath.Join(dir, "report.html"), filepath.Join(dir, "frames.xlsx")
	args := append(smallRun(t), "-out", html, "-xlsx", xlsx)

	// A user's own files at the output paths are kept without -force.
	notes := "<html><body>my notes</body></html>"
	if err := os.WriteFile(html, []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runReport(t, args...)
	if err == nil || !strings.Contains(err.Error(), "-out "+html+" exists and is not a gofolio report") || !strings.Contains(err.Error(), "-force") {
		t.Fatalf("a user's HTML file: err = %v", err)
	}
	if b, _ := os.ReadFile(html); string(b) != notes {
		t.Fatalf("the user's file was changed: %.40q", b)
	}
	own := excelize.NewFile()
	own.SetSheetName("Sheet1", "Budget")
	if err := own.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(html); err != nil {
		t.Fatal(err)
	}
	_, _, err = runReport(t, args...)
	if err == nil || !strings.Contains(err.Error(), "-xlsx "+xlsx+" exists and is not a gofolio workbook") {
		t.Fatalf("a user's workbook: err = %v", err)
	}
	if _, err := os.Stat(html); err == nil {
		t.Fatal("the report was written though the workbook was refused")
	}
	// -force replaces them; the next run replaces its own outputs without it.
	if _, stderr, err := runReport(t, append(args, "-force")...); err != nil {
		t.Fatalf("-force: %v\n%s", err, stderr)
	}
	if names, err := sheetNames(xlsx); err != nil || strings.Join(names, ",") != "performance,holdings" {
		t.Fatalf("workbook after -force: %v %v", names, err)
	}
	if _, stderr, err := runReport(t, args...); err != nil {
		t.Fatalf("rewriting gofolio's own outputs: %v\n%s", err, stderr)
	}
	// An empty file holds nothing to lose.
	if err := os.WriteFile(html, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runReport(t, args...); err != nil {
		t.Fatalf("over an empty file: %v\n%s", err, stderr)
	}
	// A read-only report is protected, even from -force.
	if err := os.Chmod(html, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(html)
	_, _, err = runReport(t, append(args, "-force")...)
	if err == nil || !strings.Contains(err.Error(), "-out "+html+" is read-only (-r--r--r--)") {
		t.Fatalf("read-only report: err = %v", err)
	}
	if b, _ := os.ReadFile(html); string(b) != string(before) {
		t.Error("the read-only report was replaced")
	}
}

// TestOutputsNamingOneFileAreRefused: -out and -xlsx reaching one file by
// different paths (a linked directory, a hard link) are refused before
// any work (issue 14.1).
func TestOutputsNamingOneFileAreRefused(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, filepath.Join(dir, "alias")); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	book := filepath.Join(real, "f.xlsx")
	if err := os.WriteFile(book, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.xlsx")
	if err := os.Link(book, hard); err != nil {
		t.Skipf("hard links: %v", err)
	}
	for _, out := range []string{filepath.Join(dir, "alias", "f.xlsx"), hard} {
		_, _, err := runReport(t, append(smallRun(t), "-out", out, "-xlsx", book)...)
		if err == nil || !strings.Contains(err.Error(), "-out and -xlsx both name") {
			t.Errorf("-out %s -xlsx %s: err = %v", out, book, err)
		}
	}
	if b, _ := os.ReadFile(book); len(b) != 0 {
		t.Errorf("the file was written: %.20q", b)
	}
}
