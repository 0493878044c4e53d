package yahoo

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
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
	// Not from the day before, 1899-12-31: the parser would fail the
	// series on a close dated before 1900.
	for sym, want := range map[string]time.Time{"^GSPC": quotes.Date(1965, 1, 3), "IBM": quotes.Date(1900, 1, 1)} {
		if p := f.periods[sym][0]; p[0] != want.Unix() || p[0] >= 0 {
			t.Errorf("%s: period1 %d, want %d (%s)", sym, p[0], want.Unix(), want.Format(time.DateOnly))
		}
	}
}

// When Yahoo retracts or re-ratios a split it listed before, or its
// answer lacks the event, the cached closes before the tail refresh may be
// on another basis than the answer's: the whole entry is fetched again, so
// that it keeps one.
func TestTailRefreshAfterASplitChanged(t *testing.T) {
	split := quotes.Split{Date: quotes.Date(2025, 1, 15), Numerator: 2, Denominator: 1}
	threeForOne := quotes.Split{Date: split.Date, Numerator: 3, Denominator: 1}
	for _, tc := range []struct {
		name   string
		answer answer
		listed bool // whether the splits of the answer are listed
	}{
		{"retracted", answer{}, true},
		{"re-ratioed", answer{splits: []quotes.Split{threeForOne}}, true},
		{"event lost", answer{splits: []quotes.Split{split}, noSplits: true}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeYahoo(t)
			f.setSplits(split)
			c := &clock{now: time.Date(2025, 1, 16, 21, 0, 0, 0, time.UTC)}
			o := testOptions(t, f, c, &warnings{})
			src := mustNew(t, o)
			if _, err := src.Series(bg, "AAPL", quotes.Date(2024, 12, 2), time.Time{}); err != nil {
				t.Fatal(err)
			}
			c.Add(48 * time.Hour)
			f.setAnswer(tc.answer)
			s, err := src.Series(bg, "AAPL", quotes.Date(2024, 12, 2), time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if p := f.requests("AAPL"); len(p) != 3 || time.Unix(p[2][0], 0).UTC() != quotes.Date(2024, 12, 1) {
				t.Errorf("requests %v, want the tail, then all from 2024-12-01", p)
			}
			for what, series := range map[string]*quotes.Series{"returned": s, "cached": loadEntry(t, o, "AAPL").Series} {
				checkYahoosToday(t, what, series, tc.answer.splits)
				if tc.listed {
					checkOneBasis(t, what, series)
				}
			}
		})
	}
}

// checkYahoosToday fails unless s runs from 2024-12-02 and every close is
// what Yahoo gives today, with splits.
func checkYahoosToday(t *testing.T, what string, s *quotes.Series, splits []quotes.Split) {
	t.Helper()
	if s.First() != quotes.Date(2024, 12, 2) {
		t.Errorf("%s: from %v", what, s.First())
	}
	for i, d := range s.Dates {
		if want := closeOf(d) / laterRatio(splits, d); !approx(s.Close[i], want) {
			t.Errorf("%s: %s: close %v, want %v as Yahoo gives it today", what, d.Format(time.DateOnly), s.Close[i], want)
			return
		}
	}
}

// A split Yahoo now sends malformed is dropped, but the closes before it
// stay divided by it: the answer's basis is unknown, so the older cached
// closes are not joined to it but fetched again with it.
func TestTailRefreshWithADroppedSplitRefetchesTheEntry(t *testing.T) {
	f := newFakeYahoo(t)
	split := quotes.Split{Date: quotes.Date(2025, 1, 15), Numerator: 2, Denominator: 1}
	f.setSplits(split)
	c := &clock{now: time.Date(2025, 1, 16, 21, 0, 0, 0, time.UTC)}
	var w warnings
	o := testOptions(t, f, c, &w)
	src := mustNew(t, o)
	if _, err := src.Series(bg, "AAPL", quotes.Date(2024, 12, 2), time.Time{}); err != nil {
		t.Fatal(err)
	}
	c.Add(48 * time.Hour)
	f.setAnswer(answer{splits: []quotes.Split{split}, malformed: true})
	s, err := src.Series(bg, "AAPL", quotes.Date(2024, 12, 2), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	p := f.requests("AAPL")
	if len(p) != 3 || time.Unix(p[2][0], 0).UTC() != quotes.Date(2024, 12, 1) {
		t.Fatalf("requests %v, want the tail, then all from 2024-12-01", p)
	}
	// All closes are Yahoo's of today: divided by the split, though it is
	// not listed.
	for what, series := range map[string]*quotes.Series{"returned": s, "cached": loadEntry(t, o, "AAPL").Series} {
		checkYahoosToday(t, what, series, []quotes.Split{split})
		if len(series.Splits) != 0 {
			t.Errorf("%s: splits %v", what, series.Splits)
		}
	}
	if got := w.String(); strings.Count(got, "dropped split") != 1 {
		t.Errorf("warnings %s, want one about the dropped split", got)
	}
}

// An answer lacking most of the days the cache has in the fetched range
// is a glitch: the cache is kept, unwritten, and serves the range asked.
// An answer lacking a day or two is a revision, and is merged.
func TestPartialAnswerKeepsTheCache(t *testing.T) {
	f := newFakeYahoo(t)
	c := &clock{now: time.Date(2025, 1, 16, 21, 0, 0, 0, time.UTC)}
	var w warnings
	o := testOptions(t, f, c, &w)
	src := mustNew(t, o)
	if _, err := src.Series(bg, "AAPL", quotes.Date(2024, 6, 3), time.Time{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(o.CacheDir, cache.FileName("AAPL"))
	before := string(must(os.ReadFile(path)))
	// Asked for earlier days, Yahoo answers with the last few only.
	f.setAnswer(answer{onlyFrom: quotes.Date(2025, 1, 10)})
	s, err := src.Series(bg, "AAPL", quotes.Date(2024, 5, 1), quotes.Date(2024, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	if s.First() != quotes.Date(2024, 6, 3) || s.Last() != quotes.Date(2024, 12, 31) {
		t.Errorf("got %v to %v, want what the cache has: 2024-06-03 to 2024-12-31", s.First(), s.Last())
	}
	if after := string(must(os.ReadFile(path))); after != before {
		t.Error("the partial answer was written to the cache")
	}
	got := w.String()
	// The warning names the range asked for, and no day after today (the
	// latest day on Earth is 2025-01-17).
	if !strings.Contains(got, "asked for 2024-05-01 to 2024-12-31") || !strings.Contains(got, "keeping the cache") ||
		strings.Contains(got, "2025-01-17") {
		t.Errorf("warnings %s", got)
	}
	// The next day's tail refresh lacks the first cached day it asks for
	// again (01-13): Yahoo dropped a bad row.
	w.errs = nil
	c.Add(24 * time.Hour)
	f.setAnswer(answer{onlyFrom: quotes.Date(2025, 1, 14)})
	if _, err := src.Series(bg, "AAPL", quotes.Date(2024, 6, 3), time.Time{}); err != nil {
		t.Fatal(err)
	}
	e := loadEntry(t, o, "AAPL")
	if e.To != quotes.Date(2025, 1, 18) || e.Series.First() != quotes.Date(2024, 6, 3) ||
		e.Series.Between(quotes.Date(2025, 1, 13), quotes.Date(2025, 1, 13)).Len() != 0 {
		t.Errorf("revision not merged: cache %v to %v", e.Series.First(), e.To)
	}
	if w.String() != "[]" {
		t.Errorf("warnings %s", w.String())
	}
}
