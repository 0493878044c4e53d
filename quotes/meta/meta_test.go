package meta

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	in := "\ufeffSymbol, Name ,Asset Class,sector,Region,country,Currency,Fund-Family\n" +
		"AAPL,Apple Inc.,Equity,Information Technology,North America,US,USD,\n" +
		" VWRL.L ,\"Vanguard FTSE All-World, ETF\",Equity,,Global,IE,GBP,Vanguard\n"
	tab, err := Read(strings.NewReader(in), "meta.csv")
	if err != nil {
		t.Fatal(err)
	}
	wantFields := []string{Name, AssetClass, Sector, Region, Country, Currency, "fund_family"}
	if got := tab.Fields(); !slices.Equal(got, wantFields) {
		t.Errorf("Fields = %q, want %q", got, wantFields)
	}
	if got, want := tab.Groupable(), []string{AssetClass, Sector, Region, Country, "fund_family"}; !slices.Equal(got, want) {
		t.Errorf("Groupable = %q, want %q", got, want)
	}
	if got := tab.Symbols(); !slices.Equal(got, []string{"AAPL", "VWRL.L"}) {
		t.Errorf("Symbols = %q", got)
	}
	for _, c := range []struct{ sym, field, want string }{
		{"AAPL", "sector", "Information Technology"},
		{"AAPL", "Asset Class", "Equity"}, // a header name works too
		{"VWRL.L", Name, "Vanguard FTSE All-World, ETF"},
		{"VWRL.L", "fund_family", "Vanguard"},
		{"VWRL.L", Sector, ""},
		{"MSFT", Sector, ""},
		{"AAPL", "nope", ""},
	} {
		if got := tab.Get(c.sym, c.field); got != c.want {
			t.Errorf("Get(%q, %q) = %q, want %q", c.sym, c.field, got, c.want)
		}
	}
	if g := tab.Group("VWRL.L", Sector); g != Unclassified {
		t.Errorf("blank sector grouped as %q, want %q", g, Unclassified)
	}
	if g := tab.Group("MSFT", Region); g != Unclassified {
		t.Errorf("unlisted symbol grouped as %q, want %q", g, Unclassified)
	}
	if !tab.Has("AAPL") || tab.Has("MSFT") || tab.Len() != 2 {
		t.Errorf("Has/Len wrong: %v %v %d", tab.Has("AAPL"), tab.Has("MSFT"), tab.Len())
	}
}

func TestZeroTable(t *testing.T) {
	var tab Table
	if tab.Get("A", Sector) != "" || tab.Group("A", Sector) != Unclassified || len(tab.Fields()) != 0 || tab.Len() != 0 {
		t.Error("the zero Table must be empty")
	}
}

func TestTitle(t *testing.T) {
	for in, want := range map[string]string{"asset_class": "Asset class", "Sector": "Sector", "fund-family": "Fund family", "": ""} {
		if got := Title(in); got != want {
			t.Errorf("Title(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadProblems: every problem of a file at once, each with its line,
// column and value.
func TestReadProblems(t *testing.T) {
	in := "symbol,sector,Sector,\n" + // line 1: sector twice, a blank name
		"A,x,y,z\n" +
		",x,y,z\n" + // 3: blank symbol
		"A,x,y,z\n" + // 4: duplicate of line 2
		"B,x\n" + // 5: ragged
		"C,x,y,z,w\n" // 6: ragged
	_, err := Read(strings.NewReader(in), "m.csv")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want an *Error", err)
	}
	want := []Problem{
		{Line: 1, Column: "Sector", Value: "Sector", Expected: `want each column once: "sector" is the same field`},
		{Line: 1, Column: "4", Value: "", Expected: "want a column name"},
		{Line: 3, Column: "symbol", Value: "", Expected: "want a symbol"},
		{Line: 4, Column: "symbol", Value: "A", Expected: "want a symbol not already on line 2"},
		{Line: 5, Value: "B,x", Expected: "want 4 fields as in the header, not 2"},
		{Line: 6, Value: "C,x,y,z,w", Expected: "want 4 fields as in the header, not 5"},
	}
	if e.File != "m.csv" || !slices.Equal(e.Problems, want) {
		t.Errorf("problems\n%v\nwant\n%v", e.Problems, want)
	}
	if !strings.Contains(err.Error(), "m.csv: 6 problems") || !strings.Contains(err.Error(), `line 4, column symbol, "A": want a symbol not already on line 2`) {
		t.Errorf("message: %v", err)
	}
}

func TestReadNoSymbolColumn(t *testing.T) {
	_, err := Read(strings.NewReader("ticker,sector\nA,x\n"), "m.csv")
	if err == nil || !strings.Contains(err.Error(), `line 1, "ticker,sector": want a symbol column in the header`) {
		t.Errorf("err = %v", err)
	}
	if _, err := Read(strings.NewReader(""), "m.csv"); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty file: err = %v", err)
	}
	if _, err := Read(strings.NewReader("symbol,name\n\"A,x\n"), "m.csv"); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad quote: err = %v", err)
	}
}

func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	if _, found, err := ReadDir(dir); found || err != nil {
		t.Errorf("no file: found %v, err %v", found, err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("symbol,currency,sector\nA,USD,Energy\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, found, err := ReadDir(dir)
	if !found || err != nil || tab.Get("A", Sector) != "Energy" {
		t.Errorf("ReadDir = %v %v %v", tab, found, err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("symbol\nA\nA\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadDir(dir); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, FileName)) {
		t.Errorf("a bad file: err = %v, want it named", err)
	}
}

// FuzzRead: any bytes are read without a panic, and a table read is
// consistent: every symbol listed is non-blank and has every field.
func FuzzRead(f *testing.F) {
	f.Add([]byte("symbol,name,sector\nA,a,x\nB,b,\n"))
	f.Add([]byte("symbol,sector,sector\n,\n\"x"))
	f.Add([]byte("\ufeffSYMBOL\nA\nA\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Read(strings.NewReader(string(data)), "fuzz.csv")
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || len(e.Problems) == 0 {
				t.Fatalf("err %v is not an *Error with problems", err)
			}
			return
		}
		for _, s := range tab.Symbols() {
			if strings.TrimSpace(s) != s || s == "" {
				t.Fatalf("symbol %q not trimmed or blank", s)
			}
			for _, f := range tab.Fields() {
				tab.Group(s, f)
			}
		}
	})
}
