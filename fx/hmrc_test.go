package fx

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/shared"
)

func TestReadHMRC(t *testing.T) {
	in := "# HMRC monthly rates\n" +
		"Currency,Month,Rate\n" +
		"USD,2022-05-09,1.3048\n" +
		"usd,2022-05-15,1.3048\n" + // the same month again, same rate
		"EUR,2022-05,1.19\n" +
		"USD,2022-04-30,1.31\n"
	pairs, err := ReadHMRC(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Pair{
		{Base: "GBP", Quote: "EUR", Dates: []time.Time{day(2022, 5, 1)}, Rates: []float64{1.19}},
		{Base: "GBP", Quote: "USD", Dates: []time.Time{day(2022, 4, 1), day(2022, 5, 1)}, Rates: []float64{1.31, 1.3048}},
	}
	if !reflect.DeepEqual(pairs, want) {
		t.Fatalf("got %+v, want %+v", pairs, want)
	}
	c, err := NewConverter(pairs...)
	if err != nil {
		t.Fatal(err)
	}
	// May's rate, listed on the 9th, holds from May 1st:
	// 100 USD = 100 / 1.3048 GBP = 76.64009809932557 GBP.
	if v, err := c.Convert(100, "USD", "GBP", day(2022, 5, 2)); err != nil || !approxEqual(v, 76.64009809932557) {
		t.Errorf("100 USD on 2022-05-02 = %v GBP, %v; want 76.64009809932557", v, err)
	}
	// April's rate holds through April 30th: 131 USD = 131 / 1.31 = 100 GBP.
	if v, err := c.Convert(131, "USD", "GBP", day(2022, 4, 30)); err != nil || !approxEqual(v, 100) {
		t.Errorf("131 USD on 2022-04-30 = %v GBP, %v; want 100", v, err)
	}
	// No rate before the first month.
	if _, err := c.Convert(1, "USD", "GBP", day(2022, 3, 31)); !errors.Is(err, ErrNoRate) {
		t.Errorf("before April 2022: %v, want ErrNoRate", err)
	}
}

func TestReadHMRCReportsEveryProblem(t *testing.T) {
	in := "month,currency,rate\n" +
		"2022-13,USD,1.3\n" + // line 2
		"2022-05-01,GBP,1\n" + // line 3
		"2022-05-01,Usd,1\n" + // line 4
		"2022-05-01,USD,-1\n" + // line 5
		"2022-06-01,USD,1.25\n" + // line 6
		"2022-06-20,USD,1.26\n" + // line 7: a second rate for June
		"2022-07-01,USD\n" // line 8
	_, err := ReadHMRC(strings.NewReader(in))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"fx: HMRC rates: 6 problem(s):",
		`line 2, column month: "2022-13": want a month YYYY-MM or a date YYYY-MM-DD`,
		`line 3, column currency: "GBP": want the code of a currency other than GBP`,
		`line 4, column currency: "Usd": want the code of a currency other than GBP`,
		`line 5, column rate: "-1": want a positive rate`,
		`line 7, column rate: "1.26": want the rate of line 6, 1.25, for USD in 2022-06: a month has one rate`,
		`line 8: "2022-07-01,USD": want 3 fields as in the header`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
	_, err = ReadHMRC(strings.NewReader("month,code,rate\n2022-05-01,USD,1\n"))
	if err == nil || !strings.Contains(err.Error(), `line 1: "month,code,rate": no currency column`) {
		t.Errorf("missing column: %v", err)
	}
}

// The monthly rates cgt-calc used for its test runs.
func TestReadHMRCSharedFile(t *testing.T) {
	path := shared.Path(t, "brokers", "cgt-calc", "exchange_rates_data.csv")
	for _, read := range []struct {
		name string
		read func() ([]Pair, error)
	}{
		{"ReadHMRC", func() ([]Pair, error) {
			f, err := os.Open(path)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			return ReadHMRC(f)
		}},
		{"ReadRatesFile", func() ([]Pair, error) { return ReadRatesFile(path) }},
	} {
		t.Run(read.name, func(t *testing.T) {
			pairs, err := read.read()
			if err != nil {
				t.Fatal(err)
			}
			// 54 USD rows over 33 distinct months, and one EUR row.
			if len(pairs) != 2 || pairs[0].String() != "GBP/EUR" || pairs[1].String() != "GBP/USD" ||
				len(pairs[0].Dates) != 1 || len(pairs[1].Dates) != 33 {
				t.Fatalf("got %v", pairs)
			}
			c, err := NewConverter(pairs...)
			if err != nil {
				t.Fatal(err)
			}
			// October 2023 is 1.2367 USD per GBP (rows of the 9th and
			// 24th): 1000 USD = 1000 / 1.2367 = 808.6035416835126 GBP,
			// on the 1st as on the 31st.
			for _, d := range []time.Time{day(2023, 10, 1), day(2023, 10, 31)} {
				if v, err := c.Convert(1000, "USD", "GBP", d); err != nil || !approxEqual(v, 808.6035416835126) {
					t.Errorf("1000 USD on %v = %v GBP, %v; want 808.6035416835126", d, v, err)
				}
			}
			// August 2024: 1.25 EUR per GBP: 250 GBp = 2.50 GBP = 3.125 EUR.
			if v, err := c.Convert(250, "GBp", "EUR", day(2024, 8, 15)); err != nil || !approxEqual(v, 3.125) {
				t.Errorf("250 GBp = %v EUR, %v; want 3.125", v, err)
			}
		})
	}
}

// ReadRates tells FRED's layout from HMRC's by the header.
func TestReadRatesDetectsTheLayout(t *testing.T) {
	fred := "DATE,DEXUSUK\n2022-05-02,1.25\n"
	hmrc := "# comment\nmonth,currency,rate\n2022-05-02,USD,1.25\n"
	for _, tc := range []struct {
		in   string
		want func() ([]Pair, error)
	}{
		{fred, func() ([]Pair, error) { return ReadFRED(strings.NewReader(fred)) }},
		{hmrc, func() ([]Pair, error) { return ReadHMRC(strings.NewReader(hmrc)) }},
	} {
		got, err := ReadRates(strings.NewReader(tc.in))
		want, werr := tc.want()
		if err != nil || werr != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("ReadRates(%q) = %v, %v; want %v, %v", tc.in, got, err, want, werr)
		}
	}
	for in, msg := range map[string]string{
		"when,what\n2022-05-02,1\n": `fx: rates header "when,what": want FRED's (DATE,DEXUSUK,...) or HMRC's monthly month,currency,rate`,
		"# only a comment\n\n":      "fx: rates are empty",
	} {
		if _, err := ReadRates(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ReadRates(%q): %v, want %q", in, err, msg)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "rates.csv")
	if err := os.WriteFile(path, []byte("DATE,DEXUSUK\n2022-05-02,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadRatesFile(path); err == nil || !strings.Contains(err.Error(), path+": fx: FRED data") ||
		!strings.Contains(err.Error(), `line 2, column 2 (DEXUSUK): "x"`) {
		t.Errorf("bad file: %v, want its path and the problem", err)
	}
	if _, err := ReadRatesFile(dir); err == nil || !strings.Contains(err.Error(), dir+": fx: it is not a regular file") {
		t.Errorf("a directory: %v", err)
	}
}
