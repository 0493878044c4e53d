package fx

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

func day(y int, m time.Month, d int) time.Time { return quotes.Date(y, m, d) }

// testConverter holds small hand-made rates:
//
//	GBP/USD: 1995-01-02 1.50, (none on 01-03), 1995-01-04 1.60
//	USD/JPY: 1995-01-02 100,  1995-01-03 110,  1995-01-04 120
//	EUR/USD: 1995-01-02 1.20, 1995-01-03 1.25
func testConverter(t testing.TB) *Converter {
	t.Helper()
	c, err := NewConverter(
		Pair{Base: "GBP", Quote: "USD", Dates: []time.Time{day(1995, 1, 2), day(1995, 1, 4)}, Rates: []float64{1.50, 1.60}},
		Pair{Base: "USD", Quote: "JPY", Dates: []time.Time{day(1995, 1, 2), day(1995, 1, 3), day(1995, 1, 4)}, Rates: []float64{100, 110, 120}},
		Pair{Base: "EUR", Quote: "USD", Dates: []time.Time{day(1995, 1, 2), day(1995, 1, 3)}, Rates: []float64{1.20, 1.25}},
	)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func approxEqual(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b)) }

func TestConverterRate(t *testing.T) {
	c := testConverter(t)
	tests := []struct {
		name     string
		from, to string
		date     time.Time
		want     float64
	}{
		{"direct", "GBP", "USD", day(1995, 1, 2), 1.50},
		// 1 / 1.50
		{"inverse", "USD", "GBP", day(1995, 1, 2), 1 / 1.50},
		// no GBP/USD on 01-03: the 01-02 rate 1.50 carries forward
		{"forward fill over a gap", "GBP", "USD", day(1995, 1, 3), 1.50},
		// after the last rate the last rate (1.60 on 01-04) carries forward
		{"forward fill after the end", "GBP", "USD", day(1995, 2, 1), 1.60},
		// GBP→USD 1.50 (filled from 01-02) × USD→JPY 110 = 165
		{"cross through USD", "GBP", "JPY", day(1995, 1, 3), 165},
		// EUR→USD 1.20 × USD→GBP 1/1.50 = 0.8
		{"cross of an inverse leg", "EUR", "GBP", day(1995, 1, 2), 0.8},
		// 0.01 (pence to pounds) × GBP→USD 1.50 × USD→EUR 1/1.25 = 0.012
		{"GBp to EUR", "GBp", "EUR", day(1995, 1, 3), 0.012},
		// GBX is pence too: 0.01 × 1.60 = 0.016
		{"GBX to USD", "GBX", "USD", day(1995, 1, 4), 0.016},
		// USD→GBP 1/1.60 and 100 pence per pound: 100 / 1.60 = 62.5
		{"USD to GBp", "USD", "GBp", day(1995, 1, 4), 62.5},
		{"same currency", "JPY", "JPY", day(1990, 1, 1), 1},
		{"pence to pounds", "GBp", "GBP", day(1990, 1, 1), 0.01},
		{"pounds to pence", "GBP", "GBp", day(1990, 1, 1), 100},
		{"pence to GBX", "GBp", "GBX", day(1990, 1, 1), 1},
		{"lower-case codes", "gbp", "usd", day(1995, 1, 2), 1.50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Rate(tt.from, tt.to, tt.date)
			if err != nil {
				t.Fatal(err)
			}
			if !approxEqual(got, tt.want) {
				t.Errorf("Rate(%s, %s, %s) = %v, want %v", tt.from, tt.to, tt.date.Format(time.DateOnly), got, tt.want)
			}
		})
	}
}

func TestConverterRatesSortedAndUnsorted(t *testing.T) {
	c := testConverter(t)
	sorted := []time.Time{day(1995, 1, 2), day(1995, 1, 3), day(1995, 1, 3), day(1995, 1, 4), day(1995, 1, 9)}
	// GBP→JPY: 01-02 1.50×100 = 150; 01-03 1.50×110 = 165 (twice);
	// 01-04 1.60×120 = 192; 01-09 filled from 01-04 = 192.
	want := []float64{150, 165, 165, 192, 192}
	got, err := c.Rates("GBP", "JPY", sorted)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !approxEqual(got[i], want[i]) {
			t.Errorf("sorted: rate on %s = %v, want %v", sorted[i].Format(time.DateOnly), got[i], want[i])
		}
	}
	perm := []int{4, 0, 3, 1, 2}
	unsorted := make([]time.Time, len(perm))
	for i, p := range perm {
		unsorted[i] = sorted[p]
	}
	got, err = c.Rates("GBP", "JPY", unsorted)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range perm {
		if !approxEqual(got[i], want[p]) {
			t.Errorf("unsorted: rate on %s = %v, want %v", unsorted[i].Format(time.DateOnly), got[i], want[p])
		}
	}
	if got, err := c.Rates("GBP", "JPY", nil); err != nil || len(got) != 0 {
		t.Errorf("Rates with no dates = %v, %v; want empty, nil", got, err)
	}
}

func TestConverterDatesCountAsTheirDay(t *testing.T) {
	c := testConverter(t)
	east, west := time.FixedZone("UTC+5", 5*3600), time.FixedZone("UTC-5", -5*3600)
	// Each date is the calendar day it names, in its own location,
	// whatever instant that is in UTC.
	dates := []time.Time{
		time.Date(1995, 1, 2, 0, 0, 0, 0, east),  // 01-01 19:00 UTC, but January 2: 100
		time.Date(1995, 1, 3, 23, 0, 0, 0, west), // 01-04 04:00 UTC, but January 3: 110
		time.Date(1995, 1, 4, 12, 0, 0, 0, time.UTC),
	}
	want := []float64{100, 110, 120}
	got, err := c.Rates("USD", "JPY", dates)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !approxEqual(got[i], want[i]) {
			t.Errorf("rate on %v = %v, want %v", dates[i], got[i], want[i])
		}
	}
	// Ascending as instants but not as days: 01-03 then 01-02.
	mixed := []time.Time{time.Date(1995, 1, 3, 1, 0, 0, 0, east), time.Date(1995, 1, 2, 22, 0, 0, 0, time.UTC)}
	if got, err := c.Rates("USD", "JPY", mixed); err != nil || !approxEqual(got[0], 110) || !approxEqual(got[1], 100) {
		t.Errorf("days out of instant order: %v, %v; want [110 100]", got, err)
	}
	// 1995-01-01 23:00 in UTC-5 is after the first GBP/USD rate in UTC,
	// but on January 1, which has none; the error names that day.
	_, err = c.Rate("GBP", "USD", time.Date(1995, 1, 1, 23, 0, 0, 0, west))
	var fe *Error
	if !errors.As(err, &fe) || !errors.Is(err, ErrNoRate) || fe.Date != day(1995, 1, 1) {
		t.Errorf("rate on 1995-01-01 in UTC-5: %v, want no rate on 1995-01-01", err)
	}
}

func TestConverterConvert(t *testing.T) {
	c := testConverter(t)
	// 250 GBp = 2.50 GBP = 2.50 × 1.60 = 4.00 USD on 01-04
	if got, err := c.Convert(250, "GBp", "USD", day(1995, 1, 4)); err != nil || !approxEqual(got, 4) {
		t.Errorf("Convert(250 GBp→USD) = %v, %v; want 4", got, err)
	}
	// 10 EUR on 01-02: 10 × 1.20 = 12 USD; 20 EUR on 01-03: 20 × 1.25 = 25 USD
	got, err := c.ConvertSeries([]float64{10, 20}, []time.Time{day(1995, 1, 2), day(1995, 1, 3)}, "EUR", "USD")
	if err != nil || !approxEqual(got[0], 12) || !approxEqual(got[1], 25) {
		t.Errorf("ConvertSeries = %v, %v; want [12 25]", got, err)
	}
	if _, err := c.ConvertSeries([]float64{1}, nil, "EUR", "USD"); err == nil {
		t.Error("ConvertSeries with 1 value and 0 dates: no error")
	}
}

func TestConverterErrors(t *testing.T) {
	c := testConverter(t)
	tests := []struct {
		name     string
		from, to string
		dates    []time.Time
		is       error
		want     string
	}{
		{"date before the first rate", "GBP", "USD", []time.Time{day(1995, 1, 1)}, ErrNoRate,
			"fx: converting GBP to USD on 1995-01-01: no rate on or before that date: the GBP/USD rate starts on 1995-01-02"},
		{"earliest of several early dates, unsorted", "GBp", "EUR",
			[]time.Time{day(1995, 1, 3), day(1994, 12, 31), day(1994, 12, 30)}, ErrNoRate,
			"fx: converting GBp to EUR on 1994-12-30: no rate on or before that date (nor on 1 later dates): the GBP/USD rate starts on 1995-01-02"},
		{"unknown currency", "XYZ", "GBP", []time.Time{day(1995, 1, 3)}, ErrUnknownCurrency,
			"fx: converting XYZ to GBP: unknown currency XYZ (known: EUR, GBP, JPY, USD)"},
		{"two unknown currencies", "CHF", "ZAc", []time.Time{day(1995, 1, 3)}, ErrUnknownCurrency,
			"fx: converting CHF to ZAc: unknown currency CHF and ZAR (known: EUR, GBP, JPY, USD)"},
		{"not a code", "US$", "GBP", []time.Time{day(1995, 1, 3)}, ErrUnknownCurrency,
			`fx: converting US$ to GBP: unknown currency: "US$" is not a currency code`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Rates(tt.from, tt.to, tt.dates)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
			var fe *Error
			if !errors.As(err, &fe) || fe.From != tt.from || fe.To != tt.to {
				t.Errorf("error %#v is not an *Error from %s to %s", err, tt.from, tt.to)
			}
		})
	}
}

func TestConverterNoRoute(t *testing.T) {
	c, err := NewConverter(
		Pair{Base: "EUR", Quote: "GBP", Dates: []time.Time{day(2000, 1, 3)}, Rates: []float64{0.62}},
		Pair{Base: "USD", Quote: "JPY", Dates: []time.Time{day(2000, 1, 3)}, Rates: []float64{102}},
	)
	if err != nil {
		t.Fatal(err)
	}
	// EUR→GBP direct 0.62; GBP→EUR inverse 1/0.62.
	if r, err := c.Rate("GBP", "EUR", day(2000, 1, 4)); err != nil || !approxEqual(r, 1/0.62) {
		t.Errorf("GBP→EUR = %v, %v; want 1/0.62", r, err)
	}
	_, err = c.Rate("EUR", "JPY", day(2000, 1, 4))
	want := "fx: converting EUR to JPY: no rate: no series links EUR and JPY, directly or through USD"
	if err == nil || err.Error() != want || !errors.Is(err, ErrNoRate) {
		t.Errorf("EUR→JPY error = %v, want %s", err, want)
	}
}

func TestNewConverterReportsEveryProblem(t *testing.T) {
	_, err := NewConverter(
		Pair{Base: "GBP", Quote: "USD", Dates: []time.Time{day(2000, 1, 4), day(2000, 1, 3)}, Rates: []float64{1.6, 0}},
		Pair{Base: "Gbp", Quote: "USD", Dates: []time.Time{day(2000, 1, 3)}, Rates: []float64{1.6}},
		Pair{Base: "EUR", Quote: "EUR", Dates: []time.Time{day(2000, 1, 3)}, Rates: []float64{1}},
		Pair{Base: "JPY", Quote: "USD", Dates: []time.Time{day(2000, 1, 3)}, Rates: nil},
		Pair{Base: "CHF", Quote: "USD", Dates: []time.Time{day(2000, 1, 3)}, Rates: []float64{math.Inf(1)}},
		Pair{Base: "CAD", Quote: "USD"},
		Pair{Base: "USD", Quote: "JPY", Dates: []time.Time{day(2000, 1, 3)}, Rates: []float64{100}},
		Pair{Base: "JPY", Quote: "USD", Dates: []time.Time{day(2000, 1, 3)}, Rates: []float64{0.01}},
	)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"GBP/USD: dates not strictly ascending at 2000-01-03",
		"GBP/USD: rate 0 on 2000-01-03 is not a positive number",
		`Gbp/USD: base "Gbp" is not a currency code`,
		"EUR/EUR converts EUR to itself",
		"JPY/USD: 1 dates but 0 rates",
		"CHF/USD: rate +Inf on 2000-01-03",
		"CAD/USD has no rates",
		"JPY/USD given along with its inverse USD/JPY",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}
}

func TestMinorUnitPairIsRescaled(t *testing.T) {
	// A rate quoted as 0.0125 USD per GBp is 1.25 USD per GBP.
	c, err := NewConverter(Pair{Base: "GBp", Quote: "USD", Dates: []time.Time{day(2000, 1, 3)}, Rates: []float64{0.0125}})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := c.Rate("GBP", "USD", day(2000, 1, 3)); err != nil || !approxEqual(r, 1.25) {
		t.Errorf("GBP→USD = %v, %v; want 1.25", r, err)
	}
	if got := c.Currencies(); strings.Join(got, ",") != "GBP,USD" {
		t.Errorf("Currencies() = %v, want [GBP USD]", got)
	}
}

func TestMajorAndNormalize(t *testing.T) {
	tests := []struct {
		code   string
		major  string
		factor float64
		ok     bool
	}{
		{"GBp", "GBP", 0.01, true},
		{"GBX", "GBP", 0.01, true},
		{"ZAc", "ZAR", 0.01, true},
		{"ILA", "ILS", 0.01, true},
		// A code in one case means the same in the other: the minor units
		// spelled in capitals or lower-case stay minor units.
		{"ZAC", "ZAR", 0.01, true},
		{"zac", "ZAR", 0.01, true},
		{"gbx", "GBP", 0.01, true},
		{"ila", "ILS", 0.01, true},
		{"gbp", "GBP", 1, true},
		{"zar", "ZAR", 1, true},
		{"ZaC", "", 0, false},
		{"GBP", "GBP", 1, true},
		{" usd ", "USD", 1, true},
		{"Gbp", "", 0, false},
		{"gbP", "", 0, false},
		{"EURO", "", 0, false},
		{"", "", 0, false},
		{"U1D", "", 0, false},
	}
	for _, tt := range tests {
		major, factor, ok := Major(tt.code)
		if major != tt.major || factor != tt.factor || ok != tt.ok {
			t.Errorf("Major(%q) = %q, %v, %v; want %q, %v, %v", tt.code, major, factor, ok, tt.major, tt.factor, tt.ok)
		}
	}
	if n, err := Normalize("GBp"); n != "GBp" || err != nil {
		t.Errorf("Normalize(GBp) = %q, %v", n, err)
	}
	if _, err := Normalize("Gbp"); err == nil || !strings.Contains(err.Error(), "mixed case") {
		t.Errorf("Normalize(Gbp) error = %v, want a mixed-case error", err)
	}
}

// benchDates returns n consecutive weekdays from 1991-01-02 and a GBP/USD
// pair with a rate on every third of them, so the walk has gaps to fill.
func benchSetup(b *testing.B, n int) (*Converter, []time.Time) {
	var dates, rateDates []time.Time
	var rates []float64
	for d := day(1991, 1, 2); len(dates) < n; d = d.AddDate(0, 0, 1) {
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			continue
		}
		if len(dates)%3 == 0 {
			rateDates = append(rateDates, d)
			rates = append(rates, 1.5+float64(len(rates)%100)/1000)
		}
		dates = append(dates, d)
	}
	c, err := NewConverter(
		Pair{Base: "GBP", Quote: "USD", Dates: rateDates, Rates: rates},
		Pair{Base: "USD", Quote: "JPY", Dates: rateDates, Rates: rates},
	)
	if err != nil {
		b.Fatal(err)
	}
	return c, dates
}

func BenchmarkRates(b *testing.B) {
	c, dates := benchSetup(b, 5000)
	reversed := make([]time.Time, len(dates))
	for i, d := range dates {
		reversed[len(dates)-1-i] = d
	}
	for _, bc := range []struct {
		name     string
		from, to string
		dates    []time.Time
	}{
		{"direct/sorted", "GBP", "USD", dates},
		{"cross/sorted", "GBp", "JPY", dates},
		{"cross/unsorted", "GBp", "JPY", reversed},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := c.Rates(bc.from, bc.to, bc.dates); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
