package yahoo

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/yahoo/cache"
)

// checkOneBasis fails unless every close of s, multiplied back by the
// ratio of the splits s lists after it (what the portfolio engine does with
// a SplitAdjusted series), is the price the fake traded at.
func checkOneBasis(t *testing.T, what string, s *quotes.Series) {
	t.Helper()
	if !s.SplitAdjusted {
		t.Errorf("%s: series not marked SplitAdjusted", what)
	}
	for i, d := range s.Dates {
		if got, want := s.Close[i]*laterRatio(s.Splits, d), closeOf(d); !approx(got, want) {
			t.Errorf("%s: %s: close %v undoes to %v with splits %v, want %v",
				what, d.Format(time.DateOnly), s.Close[i], got, s.Splits, want)
			return // the others are likely off the same way
		}
	}
}

func approx(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestSplitAfterTheRangeIsInTheSeries(t *testing.T) {
	f := newFakeYahoo(t)
	// A 2:1 split on Wednesday 2025-01-08, after the range asked for:
	// Yahoo's closes of 01-02 to 01-06 are already halved.
	split := quotes.Split{Date: quotes.Date(2025, 1, 8), Numerator: 2, Denominator: 1}
	f.setSplits(split)
	src := mustNew(t, testOptions(t, f, &clock{now: friday}, &warnings{}))
	for _, pass := range []string{"fetched", "cached"} {
		s, err := src.Series(bg, "AAPL", quotes.Date(2025, 1, 2), quotes.Date(2025, 1, 6))
		if err != nil {
			t.Fatal(err)
		}
		if s.Len() != 3 || s.Last() != quotes.Date(2025, 1, 6) {
			t.Errorf("%s: %d days to %v, want 3 to 2025-01-06", pass, s.Len(), s.Last())
		}
		if len(s.Splits) != 1 || s.Splits[0] != split {
			t.Errorf("%s: splits %v, want the later %v that the closes are divided by", pass, s.Splits, split)
		}
		checkOneBasis(t, pass, s)
	}
	if n := f.charts.Load(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestHeadFillKeepsOneAdjustmentBasis(t *testing.T) {
	f := newFakeYahoo(t)
	c := &clock{now: friday}
	o := testOptions(t, f, c, &warnings{})
	src := mustNew(t, o)
	if _, err := src.Series(bg, "AAPL", quotes.Date(2025, 1, 6), time.Time{}); err != nil {
		t.Fatal(err)
	}
	// Ten days later Yahoo knows a 2:1 split of 01-15, and halves every
	// earlier close, the cached ones included. A range starting before the
	// cache and ending inside it needs older days only, but fetching just
	// those would put halved closes beside unhalved ones.
	c.Add(10 * 24 * time.Hour)
	split := quotes.Split{Date: quotes.Date(2025, 1, 15), Numerator: 2, Denominator: 1}
	f.setSplits(split)
	s, err := src.Series(bg, "AAPL", quotes.Date(2024, 12, 2), quotes.Date(2025, 1, 8))
	if err != nil {
		t.Fatal(err)
	}
	if s.First() != quotes.Date(2024, 12, 2) || s.Last() != quotes.Date(2025, 1, 8) {
		t.Errorf("range %v to %v", s.First(), s.Last())
	}
	if len(s.Splits) != 1 || s.Splits[0] != split {
		t.Errorf("splits %v, want %v", s.Splits, split)
	}
	checkOneBasis(t, "returned", s)
	dir, err := cache.Open(o.CacheDir)
	if err != nil {
		t.Fatal(err)
	}
	e, err := dir.Load("AAPL")
	if err != nil {
		t.Fatal(err)
	}
	checkOneBasis(t, "cached", e.Series)
}

func TestEntryOfABoundedFetchIsRefetched(t *testing.T) {
	f := newFakeYahoo(t)
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	// What an earlier version cached for 01-02 to 01-06, fetched on
	// 01-10 just for that range: closes halved for the split of 01-08,
	// which it never heard of.
	split := quotes.Split{Date: quotes.Date(2025, 1, 8), Numerator: 2, Denominator: 1}
	legacy := &cache.Entry{Series: &quotes.Series{Symbol: "AAPL", Currency: "USD", SplitAdjusted: true},
		From: quotes.Date(2025, 1, 2), To: quotes.Date(2025, 1, 6), Fetched: friday.Add(-time.Hour)}
	for _, d := range []time.Time{quotes.Date(2025, 1, 2), quotes.Date(2025, 1, 3), quotes.Date(2025, 1, 6)} {
		legacy.Series.Dates = append(legacy.Series.Dates, d)
		legacy.Series.Close = append(legacy.Series.Close, closeOf(d)/2)
	}
	dir, err := cache.Open(o.CacheDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dir.Update(bg, "AAPL", func(*cache.Entry) (*cache.Entry, error) { return legacy, nil }); err != nil {
		t.Fatal(err)
	}
	f.setSplits(split)
	s, err := mustNew(t, o).Series(bg, "AAPL", quotes.Date(2025, 1, 2), quotes.Date(2025, 1, 6))
	if err != nil {
		t.Fatal(err)
	}
	if n := f.charts.Load(); n != 1 {
		t.Fatalf("%d requests, want 1: the entry may lack later splits", n)
	}
	if p := f.periods["AAPL"][0]; time.Unix(p[0], 0).UTC() != quotes.Date(2025, 1, 1) {
		t.Errorf("period1 %v, want the cached start less a day", time.Unix(p[0], 0).UTC())
	}
	if len(s.Splits) != 1 || s.Splits[0] != split {
		t.Errorf("splits %v, want %v", s.Splits, split)
	}
	checkOneBasis(t, "refetched", s)
}

func TestBadEventIsDroppedWithAWarning(t *testing.T) {
	f := newFakeYahoo(t)
	f.fault = func(w http.ResponseWriter, r *http.Request, symbol string, n int64) bool {
		// Two days, a 0:0 split on the first.
		fmt.Fprint(w, `{"chart":{"result":[{"meta":{"currency":"USD","symbol":"AAPL","exchangeTimezoneName":"America/New_York"},
			"timestamp":[1736519400,1736433000],
			"events":{"splits":{"1736433000":{"date":1736433000,"numerator":0,"denominator":0}}},
			"indicators":{"quote":[{"close":[101,100]}]}}],"error":null}}`)
		return true
	}
	var w warnings
	s, err := mustNew(t, testOptions(t, f, &clock{now: friday}, &w)).Series(bg, "AAPL", quotes.Date(2025, 1, 9), quotes.Date(2025, 1, 10))
	if err != nil {
		t.Fatalf("one bad split failed the series: %v", err)
	}
	if s.Len() != 2 || len(s.Splits) != 0 {
		t.Errorf("%d days, splits %v", s.Len(), s.Splits)
	}
	if got := w.String(); !strings.Contains(got, "yahoo: AAPL: dropped split 1736433000: 0:0 is not a ratio of positive numbers") {
		t.Errorf("warnings %s", got)
	}
}

func TestRangesBefore1970(t *testing.T) {
	f := newFakeYahoo(t)
	src := mustNew(t, testOptions(t, f, &clock{now: friday}, &warnings{}))
	s, err := src.Series(bg, "^GSPC", quotes.Date(1965, 1, 4), quotes.Date(1965, 1, 8))
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 5 || s.First() != quotes.Date(1965, 1, 4) || s.Close[0] != closeOf(quotes.Date(1965, 1, 4)) {
		t.Errorf("%d days from %v", s.Len(), s.First())
	}
	// An open start means the whole history, from 1900.
	if _, err := src.Series(bg, "IBM", time.Time{}, quotes.Date(1900, 1, 31)); err != nil {
		t.Fatal(err)
	}
	for sym, want := range map[string]time.Time{"^GSPC": quotes.Date(1965, 1, 3), "IBM": quotes.Date(1899, 12, 31)} {
		if p := f.periods[sym][0]; p[0] != want.Unix() || p[0] >= 0 {
			t.Errorf("%s: period1 %d, want %d (%s)", sym, p[0], want.Unix(), want.Format(time.DateOnly))
		}
	}
}
