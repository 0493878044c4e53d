package yahoo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/yahoo/cache"
)

// The last attempt fails at once: no backoff is slept before giving up.
// With an hour of backoff and no retry, the old client slept until the
// context's deadline and failed with it instead of the server's 503.
func TestNoWaitAfterTheLastAttempt(t *testing.T) {
	f := newFakeYahoo(t)
	f.fault = func(w http.ResponseWriter, r *http.Request, _ string, n int64) bool {
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
		return true
	}
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	o.MaxRetries = -1 // one attempt
	o.Backoff, o.MaxBackoff = time.Hour, time.Hour
	retries := 0
	o.OnRetry = func(Retry) { retries++ }
	ctx, cancel := context.WithTimeout(bg, 10*time.Second)
	defer cancel()
	_, err := mustNew(t, o).Series(ctx, "AAPL", quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	if err == nil || errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "giving up after 1 attempts") ||
		!strings.Contains(err.Error(), "HTTP 503") {
		t.Errorf("got %v, want the 503 after 1 attempt", err)
	}
	if retries != 0 || f.charts.Load() != 1 {
		t.Errorf("%d retries reported, %d requests; want 0 and 1", retries, f.charts.Load())
	}
}

// OnRetry hears of every retry, with the symbol, the failed attempt, the
// wait and the reason, and never of the last attempt.
func TestOnRetryReportsEachRetry(t *testing.T) {
	f := newFakeYahoo(t)
	f.fault = func(w http.ResponseWriter, r *http.Request, _ string, n int64) bool {
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
		return true
	}
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	o.MaxRetries = 2
	var mu sync.Mutex
	var got []Retry
	o.OnRetry = func(r Retry) { mu.Lock(); got = append(got, r); mu.Unlock() }
	_, err := mustNew(t, o).Series(bg, "MSFT", quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	if err == nil || !strings.Contains(err.Error(), "3 attempts") {
		t.Fatalf("got %v, want a failure after 3 attempts", err)
	}
	if len(got) != 2 {
		t.Fatalf("%d retries reported, want 2 (3 attempts): %+v", len(got), got)
	}
	for i, r := range got {
		var he *HTTPError
		if r.Symbol != "MSFT" || r.Attempt != i+1 || r.Attempts != 3 || !errors.As(r.Err, &he) || he.Status != 503 ||
			r.Wait <= 0 || r.Wait > o.MaxBackoff {
			t.Errorf("retry %d: %+v", i, r)
		}
	}
}

func TestLogRetriesPrintsOneLinePerRetry(t *testing.T) {
	var buf bytes.Buffer
	log := LogRetries(&buf)
	log(Retry{Symbol: "AAPL", Attempt: 1, Attempts: 5, Err: &HTTPError{Status: 503, Body: "overloaded"}, Wait: 1234 * time.Millisecond})
	log(Retry{Symbol: "BP.L", Attempt: 2, Attempts: 5, Err: errors.New("timeout"), Wait: 7 * time.Millisecond})
	want := "yahoo: AAPL: attempt 1 of 5 failed, retrying in 1.2s: HTTP 503 Service Unavailable: \"overloaded\"\n" +
		"yahoo: BP.L: attempt 2 of 5 failed, retrying in 7ms: timeout\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

// A response the parser refuses names the symbol and Yahoo once, not as
// "yahoo: NVDA: yahoo: NVDA: 2 timestamps but 1 closes".
func TestParseErrorNamesTheSymbolOnce(t *testing.T) {
	f := newFakeYahoo(t)
	f.fault = func(w http.ResponseWriter, r *http.Request, symbol string, n int64) bool {
		fmt.Fprintf(w, `{"chart":{"result":[{"meta":{"symbol":%q},"timestamp":[1736519400,1736433000],"indicators":{"quote":[{"close":[1]}]}}]}}`, symbol)
		return true
	}
	_, err := mustNew(t, testOptions(t, f, &clock{now: friday}, &warnings{})).Series(bg, "NVDA", quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if msg != "yahoo: NVDA: 2 timestamps but 1 closes" {
		t.Errorf("got %q, want %q", msg, "yahoo: NVDA: 2 timestamps but 1 closes")
	}
}

// "No data" for a symbol not cached yet, a 400 "Data doesn't exist" or a
// 200 without rows, is not stored as coverage: the next call asks Yahoo
// again and gets the closes it has since.
func TestNoDataIsNotCachedAsCoverage(t *testing.T) {
	from, to := quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10)
	for _, tc := range []struct {
		name  string
		empty func(w http.ResponseWriter, symbol string)
	}{
		{"HTTP 400 Data doesn't exist", func(w http.ResponseWriter, symbol string) {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"chart":{"result":null,"error":{"code":"Bad Request","description":"Data doesn't exist for startDate = 1736121600, endDate = 1736640000"}}}`)
		}},
		{"200 without rows", func(w http.ResponseWriter, symbol string) {
			fmt.Fprint(w, chartJSON(symbol, 0, 1))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeYahoo(t)
			f.fault = func(w http.ResponseWriter, r *http.Request, symbol string, n int64) bool {
				if n == 1 {
					tc.empty(w, symbol)
					return true
				}
				return false
			}
			o := testOptions(t, f, &clock{now: friday}, &warnings{})
			src := mustNew(t, o)
			if _, err := src.Series(bg, "NEWCO", from, to); !errors.Is(err, quotes.ErrNoData) {
				t.Fatalf("first call: %v, want no data", err)
			}
			s, err := src.Series(bg, "NEWCO", from, to)
			if err != nil || s.Len() != 5 {
				t.Fatalf("second call: %v, want the 5 closes Yahoo has now", err)
			}
			if n := f.charts.Load(); n != 2 {
				t.Errorf("%d requests, want 2", n)
			}
		})
	}
}

// A cache file without a single close, as earlier versions wrote from a
// "no data" answer, is taken for no file: the symbol is fetched again.
func TestEmptyCacheEntryIsRefetched(t *testing.T) {
	f := newFakeYahoo(t)
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	dir, err := cache.Open(o.CacheDir)
	if err != nil {
		t.Fatal(err)
	}
	empty := &cache.Entry{Series: &quotes.Series{Symbol: "NEWCO", SplitAdjusted: true},
		From: quotes.Date(2025, 1, 1), To: quotes.Date(2025, 1, 11), Fetched: friday.Add(-time.Hour)}
	if _, err := dir.Update(bg, "NEWCO", func(*cache.Entry) (*cache.Entry, error) { return empty, nil }); err != nil {
		t.Fatal(err)
	}
	s, err := mustNew(t, o).Series(bg, "NEWCO", quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	if err != nil || s.Len() != 5 || f.charts.Load() != 1 {
		t.Fatalf("got %v after %d requests, want 5 closes after 1", err, f.charts.Load())
	}
}

// A symbol delisted in 2008 and fetched in 2020: the cache covers the
// days through 2020 (Yahoo was asked for them), but the series ends at its
// last close, in 2008, fetched or from the cache, so that holdings of it
// are seen to be stale. Nothing pads it to the covered range.
func TestDelistedSeriesEndsAtItsLastClose(t *testing.T) {
	f := newFakeYahoo(t)
	lastClose := quotes.Date(2008, 5, 30) // a Friday
	f.setAnswer(answer{until: lastClose})
	now := time.Date(2020, 6, 1, 18, 0, 0, 0, time.UTC)
	c := &clock{now: now}
	o := testOptions(t, f, c, &warnings{})
	src := mustNew(t, o)
	for _, call := range []string{"fetched", "cached"} {
		s, err := src.Series(bg, "DEAD", quotes.Date(2008, 1, 2), time.Time{})
		if err != nil {
			t.Fatalf("%s: %v", call, err)
		}
		if s.Last() != lastClose || s.Close[s.Len()-1] != closeOf(lastClose) {
			t.Errorf("%s: series ends %s at %v, want %s at %v", call, s.Last().Format(time.DateOnly),
				s.Close[s.Len()-1], lastClose.Format(time.DateOnly), closeOf(lastClose))
		}
		c.Add(time.Minute)
	}
	if n := f.charts.Load(); n != 1 {
		t.Errorf("%d requests, want 1 (the second call from the cache)", n)
	}
	e := loadEntry(t, o, "DEAD")
	if e.Series.Last() != lastClose || e.To.Before(quotes.Date(2020, 6, 1)) {
		t.Errorf("cache entry: closes to %s, covered to %s; want closes to 2008-05-30, covered through 2020-06-01",
			e.Series.Last().Format(time.DateOnly), e.To.Format(time.DateOnly))
	}
	// Offline too.
	o.Offline = true
	s, err := mustNew(t, o).Series(bg, "DEAD", quotes.Date(2008, 1, 2), time.Time{})
	if err != nil || s.Last() != lastClose {
		t.Errorf("offline: %v, series ends %v", err, s)
	}
}

// An interrupt mid-batch is one error, context.Canceled, not a "context
// canceled" per symbol left.
func TestBatchInterruptedIsOneError(t *testing.T) {
	f := newFakeYahoo(t)
	ctx, cancel := context.WithCancel(bg)
	defer cancel()
	f.fault = func(w http.ResponseWriter, r *http.Request, symbol string, n int64) bool {
		if n == 3 {
			cancel()
		}
		return false
	}
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	o.Concurrency = 1
	var symbols []string
	for i := range 30 {
		symbols = append(symbols, fmt.Sprintf("S%02d", i))
	}
	got, err := mustNew(t, o).SeriesBatch(ctx, symbols, quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	var fe *quotes.FetchError
	if got != nil || !errors.Is(err, context.Canceled) || errors.As(err, &fe) {
		t.Fatalf("got %d series, error %v; want only context.Canceled", len(got), err)
	}
	if strings.Count(err.Error(), "context canceled") != 1 {
		t.Errorf("error %q says context canceled more than once", err)
	}
}
