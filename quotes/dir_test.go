package quotes

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestDirExample(t *testing.T) {
	d, err := NewDir(filepath.Join("testdata", "dir"), DirOptions{Timezone: "America/New_York"})
	if err != nil {
		t.Fatal(err)
	}
	syms, err := d.Symbols()
	if err != nil || !slices.Equal(syms, []string{"ACME", "VOD.L", "^IDX"}) {
		t.Errorf("Symbols() = %v, %v; want [ACME VOD.L ^IDX]", syms, err)
	}
	ctx := context.Background()
	acme, err := d.Series(ctx, "ACME", time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	wantDates := []time.Time{Date(2020, 8, 26), Date(2020, 8, 27), Date(2020, 8, 28), Date(2020, 8, 31), Date(2020, 9, 2)}
	if !slices.Equal(acme.Dates, wantDates) || !slices.Equal(acme.Close, []float64{126.50, 125.00, 124.80, 129.00, 134.00}) {
		t.Errorf("ACME = %v %v; the Close column without the null row", acme.Dates, acme.Close)
	}
	if acme.Currency != "USD" || acme.Timezone != "America/New_York" {
		t.Errorf("ACME currency %q timezone %q, want the defaults", acme.Currency, acme.Timezone)
	}
	if len(acme.Dividends) != 1 || acme.Dividends[0] != (Dividend{Date(2020, 8, 28), 0.82}) {
		t.Errorf("ACME dividends = %v", acme.Dividends)
	}
	if len(acme.Splits) != 1 || acme.Splits[0] != (Split{Date(2020, 8, 31), 4, 1}) {
		t.Errorf("ACME splits = %v", acme.Splits)
	}
	idx, err := d.Series(ctx, "^IDX", Date(2020, 8, 27), Date(2020, 8, 28))
	if err != nil || !slices.Equal(idx.Close, []float64{3484.55, 3508.01}) {
		t.Errorf("^IDX 08-27..08-28 = %v, %v; want the file's rows sorted by date", idx, err)
	}
	vod, err := d.Series(ctx, "VOD.L", time.Time{}, time.Time{})
	if err != nil || vod.Currency != "GBp" || vod.Timezone != "Europe/London" {
		t.Errorf("VOD.L = %+v, %v; want GBp in Europe/London from symbols.csv", vod, err)
	}
	_, err = d.Series(ctx, "ACME", Date(2021, 1, 1), time.Time{})
	if !errors.Is(err, ErrNoData) || !strings.Contains(err.Error(), "2020-08-26 to 2020-09-02") {
		t.Errorf("ACME in 2021: error %v, want ErrNoData naming the range held", err)
	}
}

func TestDirUnknownAndUnsafeSymbols(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "prices")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, parent, "secret.csv", "date,close\n2020-01-02,1\n")
	writeFile(t, dir, "X.splits.csv", "date,ratio\n2020-01-02,2:1\n")
	writeFile(t, dir, "symbols.csv", "symbol\nX\n")
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sym := range []string{"NOPE", "../secret", "a/b", `a\b`, ".", "..", "", "x\x00", "tab\t", "symbols", "X.splits", "x.DIVIDENDS"} {
		_, err := d.Series(context.Background(), sym, time.Time{}, time.Time{})
		var se *SymbolError
		if !errors.Is(err, ErrUnknownSymbol) || !errors.As(err, &se) || se.Symbol != sym {
			t.Errorf("Series(%q): error %v, want a *SymbolError for it matching ErrUnknownSymbol", sym, err)
		}
	}
	if syms, err := d.Symbols(); err != nil || len(syms) != 0 {
		t.Errorf("Symbols() = %v, %v; want none (event and metadata files are not symbols)", syms, err)
	}
	if _, err := NewDir(filepath.Join(parent, "missing"), DirOptions{}); err == nil {
		t.Error("NewDir of a missing directory: no error")
	}
}

func TestDirReportsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "BAD.csv", "Date,Close\n"+
		"2020-01-02,10\n"+
		"2020-02-30,11\n"+ // line 3: no such day
		"2020-01-03,0\n"+ // line 4: zero is not a price
		"2020-01-06,-1\n"+ // line 5
		"2020-01-07,abc\n"+ // line 6
		"2020-01-02,12\n"+ // line 7: duplicate of line 2
		"2020-01-08\n") // line 8: too short
	writeFile(t, dir, "BAD.splits.csv", "date,ratio\n2020-01-03,4:0\n")
	writeFile(t, dir, "BAD.dividends.csv", "date,amount\n2020-01-03,\n")
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.Series(context.Background(), "BAD", time.Time{}, time.Time{})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"BAD.csv: 6 problems:",
		`line 3, column Date: "2020-02-30": want a date YYYY-MM-DD`,
		`line 4, column Close: "0": want a positive price, "null" or empty`,
		`line 5, column Close: "-1": want a positive price`,
		`line 6, column Close: "abc": want a positive price`,
		`line 7, column Date: "2020-01-02": want a date that is not already on line 2`,
		`line 8: "2020-01-08": want 2 fields as in the header`,
		`BAD.splits.csv: line 2, column ratio: "4:0": want a split ratio such as "4:1"`,
		`BAD.dividends.csv: line 2, column amount: "": want a positive amount per share`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
	var fe *FileError
	if !errors.As(err, &fe) || fe.File != "BAD.csv" || len(fe.Problems) != 6 {
		t.Errorf("errors.As *FileError = %+v", fe)
	}
	writeFile(t, dir, "COLS.csv", "Date,Open,Adj Close\n2020-01-02,1,1\n")
	_, err = d.Series(context.Background(), "COLS", time.Time{}, time.Time{})
	if err == nil || !strings.Contains(err.Error(), `COLS.csv: line 1: "Date,Open,Adj Close": no close column in the header`) {
		t.Errorf("file without a close column: error %v", err)
	}
	writeFile(t, dir, "EMPTY.csv", "date,close\n2020-01-02,null\n")
	_, err = d.Series(context.Background(), "EMPTY", time.Time{}, time.Time{})
	if !errors.Is(err, ErrNoData) {
		t.Errorf("file with no prices: error %v, want ErrNoData", err)
	}
}

func TestDirSplitFormats(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "A.csv", "date,close\n2020-01-02,10\n")
	writeFile(t, dir, "A.splits.csv", "Date,Numerator,Denominator\n2020-06-01,1,10\n2020-01-03,3,2\n")
	writeFile(t, dir, "B.csv", "date,close\n2020-01-02,10\n")
	writeFile(t, dir, "B.splits.csv", "date,stock splits\n2020-01-03,2/1\n2020-01-04,3\n")
	d, err := NewDir(dir, DirOptions{Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.Series(context.Background(), "A", time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []Split{{Date(2020, 1, 3), 3, 2}, {Date(2020, 6, 1), 1, 10}}; !slices.Equal(a.Splits, want) || a.Currency != "EUR" {
		t.Errorf("A splits %v currency %s, want %v sorted, EUR", a.Splits, a.Currency, want)
	}
	b, err := d.Series(context.Background(), "B", time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []Split{{Date(2020, 1, 3), 2, 1}, {Date(2020, 1, 4), 3, 1}}; !slices.Equal(b.Splits, want) {
		t.Errorf("B splits %v, want %v", b.Splits, want)
	}
}

func TestDirCache(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "C.csv", "date,close\n2020-01-02,oops\n")
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := d.Series(ctx, "C", time.Time{}, time.Time{}); err == nil {
		t.Fatal("bad file: no error")
	}
	// A failed parse is not cached: the corrected file is read.
	writeFile(t, dir, "C.csv", "date,close\n2020-01-02,5\n")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if s, err := d.Series(ctx, "C", time.Time{}, time.Time{}); err != nil || s.Close[0] != 5 {
				t.Errorf("Series(C) = %v, %v", s, err)
			}
		})
	}
	wg.Wait()
	// A parsed file is cached: removing it does not change the answer.
	if err := os.Remove(filepath.Join(dir, "C.csv")); err != nil {
		t.Fatal(err)
	}
	if s, err := d.Series(ctx, "C", time.Time{}, time.Time{}); err != nil || s.Close[0] != 5 {
		t.Errorf("Series(C) after removing the file = %v, %v; want the cached series", s, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := d.Series(cancelled, "C", time.Time{}, time.Time{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: error %v", err)
	}
}

func TestDirSymbolsFileProblems(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "symbols.csv", "Symbol,Currency\nA,USD\n,EUR\nA,GBP\n")
	_, err := NewDir(dir, DirOptions{})
	for _, want := range []string{`symbols.csv: 2 problems:`, `line 3, column Symbol: "": want a symbol`, `line 4, column Symbol: "A": want a symbol not already on line 2`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not say %q", err, want)
		}
	}
}

// TestDirSymbolsFileCurrencyAndZone: lower-case codes are upper-cased,
// minor units keep their case, and a code or time zone that is neither is
// a problem, not a currency of its own (which would keep "usd" cash apart
// from "USD" cash).
func TestDirSymbolsFileCurrencyAndZone(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "symbols.csv", "symbol,currency,timezone\nA,usd,America/New_York\nB,GBp,Europe/London\nC,Usd,\nD,EUR,Mars/Base\nE,EURO,\n")
	_, err := NewDir(dir, DirOptions{})
	for _, want := range []string{`symbols.csv: 3 problems:`,
		`line 4, column currency: "Usd": ` + wantCurrency,
		`line 5, column timezone: "Mars/Base": ` + wantTimezone,
		`line 6, column currency: "EURO": ` + wantCurrency} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not say %q", err, want)
		}
	}
	writeFile(t, dir, "symbols.csv", "symbol,currency,timezone\nA,usd,America/New_York\nB,GBp,Europe/London\n")
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.meta["A"].currency != "USD" || d.meta["B"].currency != "GBp" {
		t.Errorf("currencies %+v, want A in USD and B in GBp", d.meta)
	}
	if _, err := NewDir(dir, DirOptions{Currency: "Eur"}); err == nil || !strings.Contains(err.Error(), `DirOptions.Currency "Eur"`) {
		t.Errorf("DirOptions.Currency Eur: err = %v", err)
	}
	if _, err := NewDir(dir, DirOptions{Timezone: "Nowhere/Town"}); err == nil || !strings.Contains(err.Error(), `DirOptions.Timezone "Nowhere/Town"`) {
		t.Errorf("DirOptions.Timezone: err = %v", err)
	}
}

// FuzzDirCSV parses arbitrary bytes as each kind of file a Dir reads: the
// result must be an error or data that keeps the Series invariants, never a
// panic.
func FuzzDirCSV(f *testing.F) {
	for _, seed := range []string{
		"Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,2,0.5,1.5,1.4,100\n2020-01-03,null,null,null,null,null,null\n",
		"date,close\n2020-01-03,2\n2020-01-02,1\n",
		"date,close\n2020-01-02,1\n2020-01-02,2\n",
		"date,ratio\n2020-01-02,4:1\n",
		"date,numerator,denominator\n2020-01-02,1,10\n",
		"date,amount\n2020-01-02,0.5\n",
		"\ufeffDATE , CLOSE\n2020-01-02, 1e3\n",
		"date,close\n\"2020-01-02,1\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dates, closes, err := readPrices("fuzz.csv", bytes.NewReader(data))
		if err == nil {
			s := &Series{Symbol: "FUZZ", Dates: dates, Close: closes}
			if err := s.Validate(); err != nil {
				t.Fatalf("readPrices gave an invalid series: %v", err)
			}
		} else if err.Error() == "" {
			t.Fatal("empty error message")
		}
		if err == nil {
			checkFuzzBounds(t, dates, closes)
		}
		divs, err := readDividends("fuzz.dividends.csv", bytes.NewReader(data))
		if err == nil {
			if err := (&Series{Symbol: "FUZZ", Dividends: divs.dividends}).Validate(); err != nil {
				t.Fatalf("readDividends gave invalid dividends: %v", err)
			}
			for i, d := range divs.dividends {
				if i > 0 && d.Date.Equal(divs.dividends[i-1].Date) {
					t.Fatalf("readDividends gave two dividends on %v", d.Date)
				}
			}
			checkDividends(divs, dates, closes) // must not panic
		}
		splits, err := readSplits("fuzz.splits.csv", bytes.NewReader(data))
		if err == nil {
			if err := (&Series{Symbol: "FUZZ", Splits: splits}).Validate(); err != nil {
				t.Fatalf("readSplits gave invalid splits: %v", err)
			}
			product := 1.0
			for _, sp := range splits {
				product *= sp.Ratio()
				if !(product <= maxSplitProduct && product >= 1/maxSplitProduct) {
					t.Fatalf("readSplits gave splits whose product reaches %v", product)
				}
			}
		}
		readSymbolsFile("symbols.csv", bytes.NewReader(data))
	})
}

// checkFuzzBounds fails when readPrices let through a date or close
// outside the documented bounds.
func checkFuzzBounds(t *testing.T, dates []time.Time, closes []float64) {
	t.Helper()
	for i, d := range dates {
		if d.Before(minDate) || d.After(maxDate(time.Now())) || closes[i] < minClose || closes[i] > maxClose {
			t.Fatalf("readPrices gave %v on %v, outside the bounds", closes[i], d)
		}
	}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
