package benchmark

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// day is the i-th calendar day after 2024-01-01 (a Monday).
func day(i int) time.Time { return date(2024, 1, 1+i) }

func days(n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = day(i)
	}
	return out
}

// fakeRates gives, for USD→GBP, 0.8 on even days of the month and 0.75 on
// odd ones; it fails for any other pair or for dates before 2024.
type fakeRates struct{}

func (fakeRates) Rates(from, to string, dates []time.Time) ([]float64, error) {
	if from != "USD" || to != "GBP" {
		return nil, fmt.Errorf("fake: no rate %s→%s", from, to)
	}
	out := make([]float64, len(dates))
	for i, d := range dates {
		if d.Year() < 2024 {
			return nil, fmt.Errorf("fake: no rate on %s", d.Format(time.DateOnly))
		}
		out[i] = 0.8
		if d.Day()%2 == 1 {
			out[i] = 0.75
		}
	}
	return out, nil
}

func checkNear(t *testing.T, name string, got, want float64) {
	t.Helper()
	if !(math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want))) {
		t.Errorf("%s = %.12g, want %.12g", name, got, want)
	}
}

func checkSlice(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s has %d values, want %d", name, len(got), len(want))
	}
	for i := range got {
		checkNear(t, fmt.Sprintf("%s[%d]", name, i), got[i], want[i])
	}
}

func TestAlign(t *testing.T) {
	// The calendar runs 2024-01-01 (Mon) to 01-06 (Sat); the index starts on
	// Tuesday the 2nd and has no close on Thursday the 4th (a holiday) nor
	// Saturday: both carry the previous close.
	s := &quotes.Series{Symbol: "^DJI", Currency: "USD",
		Dates: []time.Time{day(1), day(2), day(4)},
		Close: []float64{100, 110, 120},
	}
	x, err := Align(s, days(6), "GBP", fakeRates{})
	if err != nil {
		t.Fatal(err)
	}
	if x.Offset != 1 || x.Len() != 5 || x.Dates[0] != day(1) || x.Currency != "GBP" {
		t.Fatalf("offset %d len %d first %v", x.Offset, x.Len(), x.Dates[0])
	}
	// Days 2..6 of January: closes 100, 110, 110, 120, 120 in USD; rates
	// 0.8 (2nd), 0.75 (3rd), 0.8 (4th), 0.75 (5th), 0.8 (6th).
	checkSlice(t, "values", x.Values, []float64{100 * 0.8, 110 * 0.75, 110 * 0.8, 120 * 0.75, 120 * 0.8})

	// Same currency: no rates needed.
	x, err = Align(s, days(6), "USD", nil)
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "USD values", x.Values, []float64{100, 110, 110, 120, 120})
}

func TestAlignErrors(t *testing.T) {
	s := &quotes.Series{Symbol: "^GSPC", Currency: "USD", Dates: []time.Time{day(10)}, Close: []float64{100}}
	for name, tc := range map[string]struct {
		series *quotes.Series
		cal    []time.Time
		cur    string
		rates  interface {
			Rates(string, string, []time.Time) ([]float64, error)
		}
		want string
	}{
		"nil series":          {nil, days(3), "USD", nil, "nil series"},
		"starts after":        {s, days(3), "USD", nil, "after the last calendar date"},
		"no rates":            {s, days(12), "GBP", nil, "no rates given"},
		"rate error":          {s, days(12), "EUR", fakeRates{}, "no rate USD→EUR"},
		"calendar unordered":  {s, []time.Time{day(2), day(1)}, "USD", nil, "not strictly ascending"},
		"invalid series":      {&quotes.Series{Symbol: "X", Dates: []time.Time{day(1)}, Close: []float64{-1}}, days(3), "USD", nil, "not a positive price"},
		"rates before series": {&quotes.Series{Symbol: "Y", Currency: "USD", Dates: []time.Time{date(2023, 12, 29)}, Close: []float64{1}}, []time.Time{date(2023, 12, 29)}, "GBP", fakeRates{}, "no rate on 2023-12-29"},
	} {
		t.Run(name, func(t *testing.T) {
			var err error
			if tc.rates == nil {
				_, err = Align(tc.series, tc.cal, tc.cur, nil)
			} else {
				_, err = Align(tc.series, tc.cal, tc.cur, tc.rates)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one mentioning %q", err, tc.want)
			}
		})
	}
	_, err := Align(&quotes.Series{Symbol: "Z", Currency: "USD"}, days(3), "USD", nil)
	if !errors.Is(err, quotes.ErrNoData) {
		t.Errorf("empty series: %v, want ErrNoData", err)
	}
}

func TestRebase(t *testing.T) {
	// Rebased at 110: 100/110 − 1 = −0.0909, 0, 121/110 − 1 = 0.1, 99/110 − 1 = −0.1.
	v := []float64{100, 110, 121, 99}
	checkSlice(t, "rebase", Rebase(v, 1), []float64{100.0/110 - 1, 0, 0.1, -0.1})
	for _, from := range []int{-1, 4} {
		for _, r := range Rebase(v, from) {
			if !math.IsNaN(r) {
				t.Errorf("Rebase(v, %d) = %v, want NaN", from, r)
			}
		}
	}
	if r := Rebase([]float64{0, 1}, 0); !math.IsNaN(r[1]) {
		t.Errorf("rebase on 0 = %v, want NaN", r)
	}
	// Start on a date without a value (day 3, between days 2 and 5) uses
	// the value in force, day 2's 121; before the first date, the first.
	dates := []time.Time{day(0), day(1), day(2), day(5)}
	checkSlice(t, "start on a holiday", CumulativeReturn(dates, v, day(3)), []float64{100.0/121 - 1, 110.0/121 - 1, 0, 99.0/121 - 1})
	checkSlice(t, "start before", CumulativeReturn(dates, v, day(-3)), []float64{0, 0.1, 0.21, -0.01})
	checkSlice(t, "returns", Returns(v), []float64{0.1, 0.1, 99.0/121 - 1})
}

func TestTotalReturn(t *testing.T) {
	// A raw ETF: 100, 102, then a 2:1 split (51), then a 0.5 dividend with
	// the close at 50.5, then 51.
	raw := &quotes.Series{Symbol: "ETF", Currency: "USD", Dates: days(5), Close: []float64{100, 102, 51, 50.5, 51},
		Splits:    []quotes.Split{{Date: day(2), Numerator: 2, Denominator: 1}},
		Dividends: []quotes.Dividend{{Date: day(3), Amount: 0.5}}}
	// TR: 100; 102; 102 × 51 × 2 / 102 = 102; 102 × (50.5 + 0.5) / 51 = 102;
	// 102 × 51 / 50.5 = 103.0198…
	checkSlice(t, "raw", TotalReturn(raw), []float64{100, 102, 102, 102, 102 * 51 / 50.5})
	// The same history split-adjusted (Yahoo): closes before the split
	// halved, the split is no jump; the dividend is still reinvested.
	adj := *raw
	adj.SplitAdjusted, adj.Close = true, []float64{50, 51, 51, 50.5, 51}
	checkSlice(t, "adjusted", TotalReturn(&adj), []float64{50, 51, 51, 51, 51 * 51 / 50.5})
	// Align uses it: the held-through-the-split benchmark has no −50 % step.
	idx, err := Align(raw, days(5), "USD", nil)
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "aligned", idx.Values, []float64{100, 102, 102, 102, 102 * 51 / 50.5})
}
