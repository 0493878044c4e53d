package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/quotes/meta"
)

// TestRunMeta: a -meta file groups the sample's allocation by its columns;
// the symbols it does not list are named as Unclassified.
func TestRunMeta(t *testing.T) {
	dir := t.TempDir()
	path, out := filepath.Join(dir, "m.csv"), filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, []byte("symbol,theme\nKO,Drinks\nPG,Soap\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runReport(t, "-meta", path, "-out", out); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	html, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(html)
	for _, want := range []string{
		`data-by="theme" aria-pressed="false">Theme</button>`,
		`<tr><td>Drinks</td>`,
		`Not in the symbols' metadata (grouped as Unclassified): DIS, GE, HD, IBM, INTC, JNJ, MMM, MRK, MSFT, WMT.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %s", want)
		}
	}
	if strings.Contains(page, `data-by="sector"`) {
		t.Error("-meta replaces the sample's own metadata, but the report groups by sector")
	}
}

// TestRunMetaProblems: every problem of the -meta file, before anything is
// written.
func TestRunMetaProblems(t *testing.T) {
	dir := t.TempDir()
	path, out := filepath.Join(dir, "m.csv"), filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, []byte("symbol,sector\nKO,Staples\nKO,Drinks\n,x\nPG\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runReport(t, "-meta", path, "-out", out)
	var e *meta.Error
	if !errors.As(err, &e) || len(e.Problems) != 3 || !strings.HasPrefix(err.Error(), "-meta: meta: "+path+": 3 problems") {
		t.Errorf("err = %v, want the file's 3 problems", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a report was written: %v", err)
	}
}

// TestReadMetaSources: -meta, else a csv:DIR's symbols.csv, else the
// sample's own; Yahoo has none.
func TestReadMetaSources(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, meta.FileName), []byte("symbol,currency,sector\nA,USD,Energy\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		source, sym, want string
	}{
		{"csv:" + dir, "A", "Energy"},
		{"csv:" + t.TempDir(), "A", ""}, // no symbols.csv: none
		{"sample", "KO", "Consumer Staples"},
		{"yahoo", "KO", ""},
	} {
		m, err := readMeta(&options{source: c.source})
		if err != nil || m.Get(c.sym, meta.Sector) != c.want {
			t.Errorf("-source %s: %s sector %q, err %v; want %q", c.source, c.sym, m.Get(c.sym, meta.Sector), err, c.want)
		}
	}
}
