package yahoo

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/yahoo/cache"
)

// weekdays is a series of symbol with a close on each weekday from from
// to to, close(d) on day d.
func weekdays(symbol string, from, to time.Time, close func(time.Time) float64) *quotes.Series {
	s := &quotes.Series{Symbol: symbol, Currency: "USD", Timezone: "America/New_York", SplitAdjusted: true}
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			s.Dates = append(s.Dates, d)
			s.Close = append(s.Close, close(d))
		}
	}
	return s
}

// writeLegacy puts e in the cache of o as a file of format 1, as an
// earlier version wrote them.
func writeLegacy(t *testing.T, o Options, e *cache.Entry) {
	t.Helper()
	e.Legacy = true
	dir, err := cache.Open(o.CacheDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dir.Update(bg, e.Series.Symbol, func(*cache.Entry) (*cache.Entry, error) { return e, nil }); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(dir.File(e.Series.Symbol)); !strings.Contains(string(data), cache.FormatV1) {
		t.Fatalf("not a format 1 file:\n%s", data)
	}
}

func loadEntry(t *testing.T, o Options, symbol string) *cache.Entry {
	t.Helper()
	dir, err := cache.Open(o.CacheDir)
	if err != nil {
		t.Fatal(err)
	}
	e, err := dir.Load(symbol)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestLegacyEntryOfABoundedFetchIsRefetched(t *testing.T) {
	f := newFakeYahoo(t)
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	// What an earlier version cached for 01-02 to 01-06, fetched on
	// 01-10 just for that range: closes halved for the split of 01-08,
	// which it never heard of.
	split := quotes.Split{Date: quotes.Date(2025, 1, 8), Numerator: 2, Denominator: 1}
	writeLegacy(t, o, &cache.Entry{From: quotes.Date(2025, 1, 2), To: quotes.Date(2025, 1, 6), Fetched: friday.Add(-time.Hour),
		Series: weekdays("AAPL", quotes.Date(2025, 1, 2), quotes.Date(2025, 1, 6), func(d time.Time) float64 { return closeOf(d) / 2 })})
	f.setSplits(split)
	s, err := mustNew(t, o).Series(bg, "AAPL", quotes.Date(2025, 1, 2), quotes.Date(2025, 1, 6))
	if err != nil {
		t.Fatal(err)
	}
	if n := f.charts.Load(); n != 1 {
		t.Fatalf("%d requests, want 1: the entry may lack later splits", n)
	}
	if p := f.requests("AAPL")[0]; time.Unix(p[0], 0).UTC() != quotes.Date(2025, 1, 1) {
		t.Errorf("period1 %v, want the cached start less a day", time.Unix(p[0], 0).UTC())
	}
	if len(s.Splits) != 1 || s.Splits[0] != split {
		t.Errorf("splits %v, want %v", s.Splits, split)
	}
	checkOneBasis(t, "refetched", s)
}

// An earlier version extended an entry backwards by fetching only the
// older days: those came divided by a split made since the entry was
// fetched, which neither the answer nor the entry listed. The entry ends
// after the day it was fetched, like a current one, but its format says
// it is not: it is fetched again in full, once, instead of its oldest
// closes being divided by that split a second time.
func TestLegacyHeadFilledEntryIsRefetchedOnce(t *testing.T) {
	f := newFakeYahoo(t)
	c := &clock{now: time.Date(2025, 1, 20, 21, 0, 0, 0, time.UTC)}
	var w warnings
	o := testOptions(t, f, c, &w)
	split := quotes.Split{Date: quotes.Date(2025, 1, 15), Numerator: 2, Denominator: 1}
	// Fetched on 01-10 from 01-06 through 01-11, then extended back to
	// 2024-12-02 on 01-20, after the split, by a fetch that ended on
	// 01-05 and so kept the fetch time of the tail.
	writeLegacy(t, o, &cache.Entry{From: quotes.Date(2024, 12, 2), To: quotes.Date(2025, 1, 11),
		Fetched: time.Date(2025, 1, 10, 21, 0, 0, 0, time.UTC),
		Series: weekdays("AAPL", quotes.Date(2024, 12, 2), quotes.Date(2025, 1, 10), func(d time.Time) float64 {
			if d.Before(quotes.Date(2025, 1, 6)) {
				return closeOf(d) / 2
			}
			return closeOf(d)
		})})
	f.setSplits(split)
	src := mustNew(t, o)
	s, err := src.Series(bg, "AAPL", quotes.Date(2024, 12, 2), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if p := f.requests("AAPL"); len(p) != 1 || time.Unix(p[0][0], 0).UTC() != quotes.Date(2024, 12, 1) {
		t.Fatalf("requests %v, want one from 2024-12-01", p)
	}
	checkOneBasis(t, "returned", s)
	e := loadEntry(t, o, "AAPL")
	if e.Legacy {
		t.Error("the entry fetched again in full is still legacy")
	}
	checkOneBasis(t, "cached", e.Series)
	// A day later: only the tail is fetched.
	c.Add(24 * time.Hour)
	if _, err := src.Series(bg, "AAPL", quotes.Date(2024, 12, 2), time.Time{}); err != nil {
		t.Fatal(err)
	}
	if p := f.requests("AAPL"); len(p) != 2 || !time.Unix(p[1][0], 0).UTC().After(quotes.Date(2025, 1, 10)) {
		t.Errorf("requests %v, want a second one for the tail only", p)
	}
	checkOneBasis(t, "cached after the tail", loadEntry(t, o, "AAPL").Series)
	if w.String() != "[]" {
		t.Errorf("warnings %s", w.String())
	}
}

// When Yahoo has nothing to fetch a legacy entry again with, the entry is
// kept as it is, with one warning, and not asked for again at every run.
func TestLegacyEntryYahooCannotRefetchIsKept(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault func(w http.ResponseWriter) bool
		ans   answer
	}{
		{name: "delisted", fault: func(w http.ResponseWriter) bool {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}`)
			return true
		}},
		{name: "no data", fault: func(w http.ResponseWriter) bool {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"chart":{"result":null,"error":{"code":"Bad Request","description":"Data doesn't exist for startDate = 1546387200, endDate = 1737590400"}}}`)
			return true
		}},
		{name: "empty answer", fault: func(w http.ResponseWriter) bool {
			fmt.Fprint(w, `{"chart":{"result":[{"meta":{"currency":"USD","symbol":"GONE"},"events":{},"indicators":{"quote":[{}]}}],"error":null}}`)
			return true
		}},
		// The symbol now names something listed in 2024.
		{name: "nothing for the cached days", ans: answer{onlyFrom: quotes.Date(2024, 1, 1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeYahoo(t)
			if tc.fault != nil {
				f.fault = func(w http.ResponseWriter, _ *http.Request, _ string, _ int64) bool { return tc.fault(w) }
			}
			f.setAnswer(tc.ans)
			c := &clock{now: time.Date(2025, 1, 20, 21, 0, 0, 0, time.UTC)}
			var w warnings
			o := testOptions(t, f, c, &w)
			// Cached by an earlier version for 2019 only, in 2020.
			cached := weekdays("GONE", quotes.Date(2019, 1, 2), quotes.Date(2019, 12, 31), closeOf)
			writeLegacy(t, o, &cache.Entry{From: quotes.Date(2019, 1, 2), To: quotes.Date(2019, 12, 31),
				Fetched: time.Date(2020, 6, 1, 12, 0, 0, 0, time.UTC),
				Series:  weekdays("GONE", quotes.Date(2019, 1, 2), quotes.Date(2019, 12, 31), closeOf)})
			for run := range 3 {
				s, err := mustNew(t, o).Series(bg, "GONE", quotes.Date(2019, 3, 1), quotes.Date(2019, 6, 28))
				if err != nil || s.First() != quotes.Date(2019, 3, 1) || s.Last() != quotes.Date(2019, 6, 28) {
					t.Fatalf("run %d: %v", run, err)
				}
				c.Add(24 * time.Hour)
			}
			if n := f.charts.Load(); n != 1 {
				t.Errorf("%d requests in three runs, want 1", n)
			}
			w.mu.Lock()
			defer w.mu.Unlock()
			if len(w.errs) != 1 || !strings.Contains(w.errs[0].Error(), "may not list every split") {
				t.Errorf("warnings %v, want one saying the cache may lack splits", w.errs)
			}
			e := loadEntry(t, o, "GONE")
			if e.Legacy || e.Series.Len() != cached.Len() || e.Series.Close[0] != cached.Close[0] || e.From != quotes.Date(2019, 1, 2) || e.To != quotes.Date(2019, 12, 31) {
				t.Errorf("entry now legacy %v, %d days from %v to %v; want checked and unchanged",
					e.Legacy, e.Series.Len(), e.From, e.To)
			}
		})
	}
}

// A network failure may be brief: the legacy entry is used with a warning
// that says what it may lack, and fetched again at the next call.
func TestLegacyEntryNetworkDown(t *testing.T) {
	f := newFakeYahoo(t)
	f.fault = func(w http.ResponseWriter, _ *http.Request, _ string, _ int64) bool {
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
		return true
	}
	var w warnings
	o := testOptions(t, f, &clock{now: time.Date(2025, 1, 20, 21, 0, 0, 0, time.UTC)}, &w)
	o.MaxRetries = -1
	writeLegacy(t, o, &cache.Entry{From: quotes.Date(2019, 1, 2), To: quotes.Date(2019, 12, 31),
		Fetched: time.Date(2020, 6, 1, 12, 0, 0, 0, time.UTC),
		Series:  weekdays("AAPL", quotes.Date(2019, 1, 2), quotes.Date(2019, 12, 31), closeOf)})
	for run := 1; run <= 2; run++ {
		if _, err := mustNew(t, o).Series(bg, "AAPL", quotes.Date(2019, 3, 1), quotes.Date(2019, 6, 28)); err != nil {
			t.Fatal(err)
		}
		if n := f.charts.Load(); n != int64(run) {
			t.Errorf("run %d: %d requests, want %d", run, n, run)
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.errs) != 2 || !strings.Contains(w.errs[0].Error(), "using the cache") ||
		!strings.Contains(w.errs[0].Error(), "may not list every split") || !strings.Contains(w.errs[0].Error(), "HTTP 503") {
		t.Errorf("warnings %v, want one a call saying the cache may lack splits", w.errs)
	}
	if !loadEntry(t, o, "AAPL").Legacy {
		t.Error("a network failure marked the legacy entry checked")
	}
}

// TestLegacyEntryOfflineIsServedWithAWarning: offline, a legacy entry is
// all there is, so it is used, but the warning says it may lack splits.
func TestLegacyEntryOfflineIsServedWithAWarning(t *testing.T) {
	f := newFakeYahoo(t)
	w := &warnings{}
	o := testOptions(t, f, &clock{now: friday}, w)
	writeLegacy(t, o, &cache.Entry{From: quotes.Date(2025, 1, 2), To: quotes.Date(2025, 1, 6), Fetched: friday.Add(-time.Hour),
		Series: weekdays("AAPL", quotes.Date(2025, 1, 2), quotes.Date(2025, 1, 6), closeOf)})
	o.Offline = true
	s, err := mustNew(t, o).Series(bg, "AAPL", quotes.Date(2025, 1, 2), quotes.Date(2025, 1, 6))
	if err != nil {
		t.Fatal(err)
	}
	if n := f.charts.Load(); n != 0 {
		t.Fatalf("%d requests offline", n)
	}
	if s.Len() != 3 {
		t.Errorf("%d closes, want the 3 cached", s.Len())
	}
	if got := w.String(); !strings.Contains(got, "offline: the cached 2025-01-02 to 2025-01-06 is used, "+legacyNote) {
		t.Errorf("warnings %s, want one saying the entry may lack splits", got)
	}
}
