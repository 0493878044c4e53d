package quotes

import (
	"encoding/csv"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// FuzzPlainRecords checks that plainRecords splits every text without a
// double quote into the same records, on the same lines, as encoding/csv.
func FuzzPlainRecords(f *testing.F) {
	for _, seed := range []string{
		"date,close\n2020-01-02,1\n",
		"date,close\r\n2020-01-02,1\r\n\r\n2020-01-03,2",
		"a,,b\n\n\n,\nlast\r",
		"\r\n\r\n x , y \r\r\n\ufeffz",
		"",
		"\n",
		"a\rb,c\r",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if strings.Contains(text, `"`) {
			return
		}
		want := csv.NewReader(strings.NewReader(text))
		want.FieldsPerRecord = -1
		got := &plainRecords{text: text}
		for {
			wrec, werr := want.Read()
			grec, gline, gerr := got.next()
			if werr != nil || gerr != nil {
				if werr != io.EOF || gerr != io.EOF {
					t.Fatalf("%q: encoding/csv ends with %v, plainRecords with %v", text, werr, gerr)
				}
				return
			}
			wline, _ := want.FieldPos(0)
			if !reflect.DeepEqual(wrec, grec) || wline != gline {
				t.Fatalf("%q: encoding/csv reads %q on line %d, plainRecords %q on line %d", text, wrec, wline, grec, gline)
			}
		}
	})
}

// TestParseDayMatchesTimeParse compares parseDay with time.Parse on every
// day from 0001-01-01 to 9999-12-31 (every 97th in -short mode), as
// strings and as the time.Time values themselves (==, location included),
// and on malformed dates, where both must fail.
func TestParseDayMatchesTimeParse(t *testing.T) {
	step := 1
	if testing.Short() {
		step = 97
	}
	for d := Date(1, 1, 1); d.Year() < 10000; d = d.AddDate(0, 0, step) {
		s := d.Format(time.DateOnly)
		want, werr := time.Parse(time.DateOnly, s)
		got, gerr := parseDay(s)
		if werr != nil || gerr != nil || got != want {
			t.Fatalf("%s: parseDay = %v, %v; time.Parse = %v, %v", s, got, gerr, want, werr)
		}
	}
	for _, s := range []string{"0000-01-01", "2021-02-29", "2020-02-30", "2020-04-31", "2020-13-01", "2020-00-10",
		"2020-01-00", "2020-1-01", "2020/01/01", "20200101", "2020-01-0a", "+020-01-01", "2020-01-01 ", ""} {
		want, werr := time.Parse(time.DateOnly, s)
		got, gerr := parseDay(s)
		if (werr == nil) != (gerr == nil) || got != want || (werr != nil && werr.Error() != gerr.Error()) {
			t.Errorf("%q: parseDay = %v, %v; time.Parse = %v, %v", s, got, gerr, want, werr)
		}
	}
}

// FuzzParseNumber checks that parseNumber gives strconv.ParseFloat's
// result bit for bit, and fails where it fails.
func FuzzParseNumber(f *testing.F) {
	for _, seed := range []string{"123.45", "0.1", "1.", ".5", ".", "9007199254740993", "9007199254740991.5",
		"1234567890123456789", "0.0000000000000000001", "1e3", "-1", "null", "", "00012.3400", "1_000"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkParseNumber(t, s)
	})
}

// TestParseNumberRandomDecimals compares parseNumber with ParseFloat on
// random decimals of every length its fast path takes.
func TestParseNumberRandomDecimals(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		digits := 1 + r.IntN(19)
		var b strings.Builder
		for i := range digits {
			b.WriteByte(byte('0' + r.IntN(10)))
			if i < digits-1 && r.IntN(digits) == 0 && !strings.Contains(b.String(), ".") {
				b.WriteByte('.')
			}
		}
		checkParseNumber(t, b.String())
	}
}

func checkParseNumber(t *testing.T, s string) {
	t.Helper()
	want, werr := strconv.ParseFloat(s, 64)
	got, gerr := parseNumber(s)
	if (werr == nil) != (gerr == nil) || math.Float64bits(got) != math.Float64bits(want) {
		t.Fatalf("%q: parseNumber = %v (%#x), %v; ParseFloat = %v (%#x), %v",
			s, got, math.Float64bits(got), gerr, want, math.Float64bits(want), werr)
	}
}

// TestIsDay checks isDay against its definition, d == Day(d), on days and
// on times that differ from a day in one way each: the time of day, the
// location, a zone at offset 0, a monotonic reading, a date before 1970.
func TestIsDay(t *testing.T) {
	day := Date(2020, 3, 1)
	cases := []time.Time{
		day, Date(1900, 1, 1), Date(1969, 12, 31), Date(1, 1, 1), Date(9999, 12, 31),
		day.Add(time.Nanosecond), day.Add(-time.Second), day.Add(12 * time.Hour),
		day.In(time.FixedZone("Z0", 0)), day.In(time.FixedZone("EST", -5*3600)),
		time.Date(2020, 3, 1, 0, 0, 0, 0, time.FixedZone("CET", 3600)),
		Date(1969, 12, 31).Add(time.Hour), time.Now(), Day(time.Now()), time.Time{},
	}
	for _, d := range cases {
		if got, want := isDay(d), d == Day(d); got != want {
			t.Errorf("isDay(%v) = %v, want %v", d, got, want)
		}
	}
}
