package fx

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/shared"
)

func TestReadFRED(t *testing.T) {
	in := "DATE,DEXUSUK,DEXJPUS,NOTFX,DEXUSEU\n" +
		"1998-12-31,1.6628,113.08,x,\n" +
		"1999-01-01,.,,y,.\n" +
		"1999-01-04,1.6550,112.15,z,1.1812\n"
	pairs, err := ReadFRED(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 3 {
		t.Fatalf("got %d pairs, want 3: %v", len(pairs), pairs)
	}
	want := []struct {
		name  string
		dates []time.Time
		rates []float64
	}{
		{"GBP/USD", []time.Time{day(1998, 12, 31), day(1999, 1, 4)}, []float64{1.6628, 1.6550}},
		{"USD/JPY", []time.Time{day(1998, 12, 31), day(1999, 1, 4)}, []float64{113.08, 112.15}},
		{"EUR/USD", []time.Time{day(1999, 1, 4)}, []float64{1.1812}},
	}
	for i, w := range want {
		p := pairs[i]
		if p.String() != w.name || len(p.Dates) != len(w.dates) {
			t.Errorf("pair %d = %s with %d rates, want %s with %d", i, p, len(p.Dates), w.name, len(w.dates))
			continue
		}
		for j := range w.dates {
			if !p.Dates[j].Equal(w.dates[j]) || p.Rates[j] != w.rates[j] {
				t.Errorf("%s[%d] = %s %v, want %s %v", p, j, p.Dates[j].Format(time.DateOnly), p.Rates[j], w.dates[j].Format(time.DateOnly), w.rates[j])
			}
		}
	}
	c, err := NewConverter(pairs...)
	if err != nil {
		t.Fatal(err)
	}
	// 1999-01-01 has no rates: 1998-12-31 carries: GBP→JPY = 1.6628 × 113.08 = 188.029424
	if r, err := c.Rate("GBP", "JPY", day(1999, 1, 1)); err != nil || !approxEqual(r, 188.029424) {
		t.Errorf("GBP→JPY on 1999-01-01 = %v, %v; want 188.029424", r, err)
	}
	// EUR starts 1999-01-04: converting EUR before then names the pair and its start.
	_, err = c.Rate("EUR", "GBP", day(1998, 12, 31))
	want1 := "fx: converting EUR to GBP on 1998-12-31: no rate on or before that date: the EUR/USD rate starts on 1999-01-04"
	if err == nil || err.Error() != want1 {
		t.Errorf("EUR before 1999: error %v, want %s", err, want1)
	}
}

func TestReadFREDReportsEveryProblem(t *testing.T) {
	in := "when,DEXUSXX,DEXUSUK\n" +
		"1999-01-04,1,1.65\n" +
		"1999-13-01,1,1.65\n" +
		"1999-01-05,1,-2\n" +
		"1999-01-05,1,1.6\n" +
		"1999-01-06,1,abc\n"
	_, err := ReadFRED(strings.NewReader(in))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"6 problem(s)",
		`line 1, column 1: "when": want DATE or observation_date`,
		`line 1, column 2: "DEXUSXX": want a FRED exchange-rate series`,
		`line 3, column 1: "1999-13-01": want a date YYYY-MM-DD`,
		`line 4, column 3 (DEXUSUK): "-2": want a positive rate`,
		`line 5, column 1: "1999-01-05": dates must be strictly ascending, but the line before has 1999-01-05`,
		`line 6, column 3 (DEXUSUK): "abc": want a positive rate`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}
	if _, err := ReadFRED(strings.NewReader("")); err == nil {
		t.Error("empty input: no error")
	}
}

// TestReadFREDRealFile reads the Federal Reserve's H.10 history from the
// shared market data, when it is there.
func TestReadFREDRealFile(t *testing.T) {
	path := sharedFile(t, "marketdata", "fred_h10_fx_1971-2024.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := ReadFRED(f)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewConverter(pairs...)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Currencies(), ","); got != "AUD,CAD,CHF,EUR,GBP,JPY,USD" {
		t.Errorf("Currencies() = %s", got)
	}
	// The file's line for 1990-12-03: DEXUSUK 1.9195, DEXJPUS 134.4, so
	// GBP→JPY = 1.9195 × 134.4 = 257.9808.
	if r, err := c.Rate("GBP", "JPY", day(1990, 12, 3)); err != nil || !approxEqual(r, 257.9808) {
		t.Errorf("GBP→JPY on 1990-12-03 = %v, %v; want 257.9808", r, err)
	}
	if _, err := c.Rate("EUR", "USD", day(1998, 12, 31)); !errors.Is(err, ErrNoRate) {
		t.Errorf("EUR in 1998: error %v, want ErrNoRate", err)
	}
}

// sharedFile returns the path of a file in ../shared beside the repository.
func sharedFile(t *testing.T, parts ...string) string { return shared.Path(t, parts...) }
