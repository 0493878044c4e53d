package quotes

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Values no market produces are problems naming the file and line, all
// reported at once, rather than data.
func TestDirRefusesImplausibleValues(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "X.csv", "date,close\n"+
		"2020-01-02,50\n"+
		"2020-01-03,51\n"+
		"0001-01-01,52\n"+ // line 4: before 1900
		"9999-12-31,53\n"+ // line 5: centuries ahead
		"2020-01-06,1e-320\n"+ // line 6: subnormal
		"2020-01-07,1e13\n") // line 7: above the bound
	writeFile(t, dir, "X.dividends.csv", "date,amount\n"+
		"2020-01-03,1e12\n"+ // line 2: far above the close before, 50
		"2020-01-03,0.5\n"+ // line 3: a second dividend on 2020-01-03
		"1899-12-31,0.1\n") // line 4: before 1900
	writeFile(t, dir, "X.splits.csv", "date,ratio\n2020-01-06,1e300:1e-300\n")
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.Series(context.Background(), "X", time.Time{}, time.Time{})
	if err == nil {
		t.Fatal("no error")
	}
	last := time.Now().UTC().AddDate(1, 0, 0).Format(time.DateOnly)
	for _, want := range []string{
		"X.csv: 4 problems:",
		`line 4, column date: "0001-01-01": want a date from 1900-01-01 to ` + last,
		`line 5, column date: "9999-12-31": want a date from 1900-01-01 to ` + last,
		`line 6, column close: "1e-320": want a price from 1e-10 to 1e+12`,
		`line 7, column close: "1e13": want a price from 1e-10 to 1e+12`,
		"X.dividends.csv: 2 problems:",
		`line 3, column date: "2020-01-03": want a date that is not already on line 2`,
		`line 4, column date: "1899-12-31": want a date from 1900-01-01`,
		`X.splits.csv: line 2: "1e+300:1e-300": want a split ratio from 1:1e+06 to 1e+06:1`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
	// The closes are good now: the dividend is checked against them.
	writeFile(t, dir, "X.csv", "date,close\n2020-01-02,50\n2020-01-03,51\n")
	writeFile(t, dir, "X.dividends.csv", "date,amount\n2020-01-03,1e12\n2020-01-02,0.5\n2020-01-06,51\n")
	writeFile(t, dir, "X.splits.csv", "date,ratio\n2020-01-06,2:1\n")
	_, err = d.Series(context.Background(), "X", time.Time{}, time.Time{})
	want := `X.dividends.csv: line 2, column amount: "1e12": want at most the close before it (50 on 2020-01-02)`
	if err == nil || !strings.Contains(err.Error(), want) || strings.Count(err.Error(), "line ") != 1 {
		t.Errorf("error %v, want only %q (0.5 and 51, at most the close before, are fine)", err, want)
	}
}

// Splits each within bounds may still multiply to an absurd factor, which
// the engine would turn into Inf and NaN: the split where it happens is
// named.
func TestDirRefusesSplitsMultiplyingPastTheBound(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "Y.csv", "date,close\n2020-01-02,50\n")
	writeFile(t, dir, "Y.splits.csv", "date,numerator,denominator\n"+
		"2020-03-01,1000000,1\n"+
		"2020-02-01,1000000,1\n"+ // line 3, first by date
		"2020-04-01,10,1\n") // line 4: 1e13 in all
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.Series(context.Background(), "Y", time.Time{}, time.Time{})
	want := `Y.splits.csv: line 4: "10:1": the splits up to this one multiply the shares by 1e+13`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}

// A file that is not a regular one is refused unopened: a named pipe would
// block the open forever.
func TestDirRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "D.csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	pipe := mkfifo(t, filepath.Join(dir, "P.csv"))
	writeFile(t, dir, "Q.csv", "date,close\n2020-01-02,50\n")
	if pipe {
		mkfifo(t, filepath.Join(dir, "Q.dividends.csv"))
	}
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{"D": "D.csv is not a regular file (a directory)"}
	if pipe {
		cases["P"] = "P.csv is not a regular file (a named pipe)"
		cases["Q"] = "Q.dividends.csv is not a regular file (a named pipe)"
	}
	for sym, want := range cases {
		done := make(chan error, 1)
		go func() {
			_, err := d.Series(context.Background(), sym, time.Time{}, time.Time{})
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: error %v, want %q", sym, err, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Series still blocked after 10s", sym)
		}
	}
	if syms, err := d.Symbols(); err != nil || !slices.Equal(syms, []string{"Q"}) {
		t.Errorf("Symbols() = %v, %v; want [Q]", syms, err)
	}
}

// A symbolic link to a price file inside the folder is a symbol for
// Symbols (which the CLI checks benchmarks against) as for Series; one
// leading outside the folder is neither.
func TestDirSymlinkedPriceFile(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "prices")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "KO.csv", "date,close\n2020-01-02,50\n")
	writeFile(t, parent, "OUT.csv", "date,close\n2020-01-02,60\n")
	if err := os.Symlink("KO.csv", filepath.Join(dir, "COKE.csv")); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	if err := os.Symlink(filepath.Join("..", "OUT.csv"), filepath.Join(dir, "OUT.csv")); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if syms, err := d.Symbols(); err != nil || !slices.Equal(syms, []string{"COKE", "KO"}) {
		t.Errorf("Symbols() = %v, %v; want [COKE KO]", syms, err)
	}
	if s, err := d.Series(context.Background(), "COKE", time.Time{}, time.Time{}); err != nil || s.Close[0] != 50 {
		t.Errorf("COKE: %v, %v", s, err)
	}
	if _, err := d.Series(context.Background(), "OUT", time.Time{}, time.Time{}); err == nil {
		t.Error("OUT, a link out of the folder, was read")
	}
}

// A Dir's parse stops at a cancelled context with its error alone.
func TestDirCancelled(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "A.csv", "date,close\n2020-01-02,50\n")
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := FetchAll(ctx, d, []string{"A", "B", "C"}, time.Time{}, time.Time{}); !errors.Is(err, context.Canceled) ||
		strings.Count(err.Error(), "canceled") != 1 {
		t.Errorf("got %v, want context.Canceled once", err)
	}
}
