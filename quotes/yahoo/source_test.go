package yahoo

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/yahoo/cache"
)

// Friday 2025-01-10, 18:00 UTC.
var friday = time.Date(2025, 1, 10, 18, 0, 0, 0, time.UTC)

func TestColdWarmIncremental(t *testing.T) {
	f := newFakeYahoo(t)
	c := &clock{now: friday}
	var w warnings
	src := mustNew(t, testOptions(t, f, c, &w))
	from := quotes.Date(2024, 12, 30)

	s, err := src.Series(bg, "AAPL", from, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	// 2024-12-30 to 2025-01-10 has 10 weekdays.
	if s.Len() != 10 || s.First() != from || s.Last() != quotes.Date(2025, 1, 10) || f.charts.Load() != 1 {
		t.Fatalf("cold: %d days %v..%v, %d requests", s.Len(), s.First(), s.Last(), f.charts.Load())
	}
	if got, want := s.Close[0], closeOf(from); got != want {
		t.Errorf("close %v, want %v", got, want)
	}

	// Same range, a minute later: no request.
	c.Add(time.Minute)
	if s2, err := src.Series(bg, "AAPL", from, time.Time{}); err != nil || s2.Len() != 10 || f.charts.Load() != 1 {
		t.Fatalf("warm: %v, %d requests", err, f.charts.Load())
	}
	// A sub-range: no request either.
	if s3, err := src.Series(bg, "AAPL", quotes.Date(2025, 1, 2), quotes.Date(2025, 1, 3)); err != nil || s3.Len() != 2 || f.charts.Load() != 1 {
		t.Fatalf("sub-range: %v, %d requests", err, f.charts.Load())
	}

	// Next Monday: one request, starting Overlap (5) days before the
	// cached end plus one day of timezone margin.
	c.Add(3 * 24 * time.Hour)
	s4, err := src.Series(bg, "AAPL", from, quotes.Date(2025, 1, 13))
	if err != nil || f.charts.Load() != 2 {
		t.Fatalf("incremental: %v, %d requests", err, f.charts.Load())
	}
	if s4.Last() != quotes.Date(2025, 1, 13) || s4.Len() != 11 {
		t.Errorf("incremental: %d days to %v", s4.Len(), s4.Last())
	}
	p := f.periods["AAPL"][1]
	// Cached to 2025-01-11 (the latest day on Earth at Friday 18:00 UTC
	// was Saturday in UTC+14), minus 5 days = 01-06, minus a day = 01-05.
	if got := time.Unix(p[0], 0).UTC(); got != quotes.Date(2025, 1, 5) {
		t.Errorf("incremental period1 = %v, want 2025-01-05", got)
	}
	// An earlier start: one request, from the new start through today
	// (so that the whole entry has one split-adjustment basis).
	if _, err := src.Series(bg, "AAPL", quotes.Date(2024, 12, 1), quotes.Date(2025, 1, 13)); err != nil || f.charts.Load() != 3 {
		t.Fatalf("head: %v, %d requests", err, f.charts.Load())
	}
	// Monday 18:00 UTC: the latest day on Earth is Tuesday 01-14, plus
	// two days of margin.
	if p := f.periods["AAPL"][2]; time.Unix(p[0], 0).UTC() != quotes.Date(2024, 11, 30) ||
		time.Unix(p[1], 0).UTC() != quotes.Date(2025, 1, 16) {
		t.Errorf("head request %v to %v, want 2024-11-30 to 2025-01-16", time.Unix(p[0], 0).UTC(), time.Unix(p[1], 0).UTC())
	}
	if w.String() != "[]" {
		t.Errorf("warnings: %v", w.String())
	}
}

func TestRefreshesLiveTail(t *testing.T) {
	f := newFakeYahoo(t)
	c := &clock{now: friday}
	var w warnings
	src := mustNew(t, testOptions(t, f, c, &w))
	src.Series(bg, "AAPL", quotes.Date(2025, 1, 6), time.Time{})
	// Two hours later the same day, Friday's close may have changed
	// since the first fetch, at 13:00 New York time.
	c.Add(2 * time.Hour)
	src.Series(bg, "AAPL", quotes.Date(2025, 1, 6), time.Time{})
	// A past range is final: no refresh.
	src.Series(bg, "AAPL", quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 7))
	if n := f.charts.Load(); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestSymbolsAreEscaped(t *testing.T) {
	f := newFakeYahoo(t)
	var paths []string
	f.fault = func(w http.ResponseWriter, r *http.Request, symbol string, n int64) bool {
		paths = append(paths, r.URL.EscapedPath())
		return false
	}
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	o.Concurrency = 1
	src := mustNew(t, o)
	symbols := []string{"^GSPC", "EURUSD=X", "BRK-B", "../../escape", ".hidden"}
	got, err := src.SeriesBatch(bg, symbols, quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/v8/finance/chart/%5EGSPC", "/v8/finance/chart/EURUSD=X", "/v8/finance/chart/BRK-B",
		"/v8/finance/chart/..%2F..%2Fescape", "/v8/finance/chart/.hidden"}
	// Symbols are worked on a few at a time, so requests come in any order.
	slices.Sort(paths)
	slices.Sort(want)
	if fmt.Sprint(paths) != fmt.Sprint(want) {
		t.Errorf("paths %v, want %v", paths, want)
	}
	for _, sym := range symbols {
		if got[sym].Len() != 5 || got[sym].Symbol != sym {
			t.Errorf("%s: %d days, symbol %q", sym, got[sym].Len(), got[sym].Symbol)
		}
	}
	entries, _ := os.ReadDir(o.CacheDir)
	var names []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") { // lock files
			names = append(names, e.Name())
		}
	}
	wantNames := "[%2Ehidden.json %5EGSPC.json %2E.%2F..%2Fescape.json BRK-B.json EURUSD%3DX.json]"
	if fmt.Sprint(names) != wantNames && len(names) != 5 {
		t.Errorf("cache files %v", names)
	}
	for _, n := range names {
		if filepath.Base(n) != n || n[0] == '.' {
			t.Errorf("unsafe cache file name %q", n)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(o.CacheDir), "escape.json")); err == nil {
		t.Error("a symbol wrote outside the cache directory")
	}
	if _, err := src.Series(bg, "bad\nsymbol", time.Time{}, time.Time{}); !errors.Is(err, quotes.ErrUnknownSymbol) {
		t.Errorf("control character: %v", err)
	}
}

func TestUnknownSymbolAndNoData(t *testing.T) {
	f := newFakeYahoo(t)
	src := mustNew(t, testOptions(t, f, &clock{now: friday}, &warnings{}))
	_, err := src.Series(bg, "NOPE", quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	var se *quotes.SymbolError
	if !errors.As(err, &se) || se.Source != "yahoo" || se.Symbol != "NOPE" || !errors.Is(err, quotes.ErrUnknownSymbol) {
		t.Errorf("unknown symbol: %v", err)
	}
	if f.charts.Load() != 1 {
		t.Errorf("an unknown symbol was retried: %d requests", f.charts.Load())
	}
	// A weekend has no trading day.
	_, err = src.Series(bg, "AAPL", quotes.Date(2025, 1, 4), quotes.Date(2025, 1, 5))
	if !errors.As(err, &se) || !errors.Is(err, quotes.ErrNoData) || errors.Is(err, quotes.ErrUnknownSymbol) {
		t.Errorf("empty range: %v", err)
	}
}

func TestBatchReportsEveryFailureAndKeepsTheRest(t *testing.T) {
	f := newFakeYahoo(t)
	f.fault = func(w http.ResponseWriter, r *http.Request, symbol string, n int64) bool {
		if symbol == "DOWN" {
			http.Error(w, "overloaded", http.StatusServiceUnavailable)
			return true
		}
		return false
	}
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	o.MaxRetries = 2
	var reports []Progress
	o.Progress = func(p Progress) { reports = append(reports, p) }
	src := mustNew(t, o)
	got, err := src.SeriesBatch(bg, []string{"AAPL", "DOWN", "NOPE", "MSFT", "AAPL"}, quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	var fe *quotes.FetchError
	if got != nil || !errors.As(err, &fe) || len(fe.Errs) != 2 || fe.Errs[0].Symbol != "DOWN" || fe.Errs[1].Symbol != "NOPE" {
		t.Fatalf("got %v, %v", got, err)
	}
	if msg := err.Error(); !strings.Contains(msg, "HTTP 503") || !strings.Contains(msg, "3 attempts") ||
		!strings.Contains(msg, "symbol may be delisted") {
		t.Errorf("error does not say why: %s", msg)
	}
	if !errors.Is(err, quotes.ErrUnknownSymbol) {
		t.Error("FetchError does not match ErrUnknownSymbol")
	}
	// Progress: a first report, then one per distinct symbol.
	if len(reports) != 5 || reports[0] != (Progress{Total: 4}) {
		t.Fatalf("progress reports %+v", reports)
	}
	last := reports[4]
	if last.Done != 4 || last.Total != 4 || last.Failed != 2 {
		t.Errorf("last report %+v", last)
	}
	// The symbols that worked are cached: fetching them again is free.
	before := f.charts.Load()
	if m, err := src.SeriesBatch(bg, []string{"AAPL", "MSFT"}, quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10)); err != nil || len(m) != 2 {
		t.Fatal(err)
	}
	if f.charts.Load() != before {
		t.Errorf("%d requests for cached symbols", f.charts.Load()-before)
	}
}

func TestRetries(t *testing.T) {
	from, to := quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10)
	for _, tc := range []struct {
		name     string
		fault    func(w http.ResponseWriter, r *http.Request, n int64) bool
		timeout  time.Duration
		requests int64  // chart requests made
		err      string // "" for success
	}{
		{name: "429 with Retry-After, then success", requests: 3, fault: func(w http.ResponseWriter, r *http.Request, n int64) bool {
			if n <= 2 {
				w.Header().Set("Retry-After", "1") // capped at MaxBackoff (5ms)
				http.Error(w, "Too Many Requests", http.StatusTooManyRequests)
				return true
			}
			return false
		}},
		{name: "429 storm", requests: 5, err: "HTTP 429", fault: func(w http.ResponseWriter, r *http.Request, n int64) bool {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "Too Many Requests", http.StatusTooManyRequests)
			return true
		}},
		{name: "500s then success", requests: 3, fault: func(w http.ResponseWriter, r *http.Request, n int64) bool {
			if n <= 2 {
				http.Error(w, "oops", http.StatusInternalServerError)
				return true
			}
			return false
		}},
		{name: "reset mid-body, then success", requests: 2, fault: func(w http.ResponseWriter, r *http.Request, n int64) bool {
			if n == 1 {
				resetMidBody(w)
				return true
			}
			return false
		}},
		{name: "reset mid-body always", requests: 5, err: "unexpected EOF", fault: func(w http.ResponseWriter, r *http.Request, n int64) bool {
			resetMidBody(w)
			return true
		}},
		{name: "truncated JSON", requests: 5, err: "malformed chart response", fault: func(w http.ResponseWriter, r *http.Request, n int64) bool {
			fmt.Fprint(w, `{"chart":{"result":[{"meta":{"symbol":"AAPL"},"timestamp":[17361`)
			return true
		}},
		{name: "timeouts", requests: 5, timeout: 20 * time.Millisecond, err: "deadline exceeded", fault: func(w http.ResponseWriter, r *http.Request, n int64) bool {
			select {
			case <-r.Context().Done():
			case <-time.After(time.Second):
			}
			return true
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeYahoo(t)
			f.fault = func(w http.ResponseWriter, r *http.Request, _ string, n int64) bool { return tc.fault(w, r, n) }
			o := testOptions(t, f, &clock{now: friday}, &warnings{})
			if tc.timeout > 0 {
				o.RequestTimeout = tc.timeout
			}
			s, err := mustNew(t, o).Series(bg, "AAPL", from, to)
			if n := f.charts.Load(); n != tc.requests {
				t.Errorf("%d requests, want %d", n, tc.requests)
			}
			if tc.err == "" {
				if err != nil || s.Len() != 5 {
					t.Errorf("got %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), "yahoo: AAPL: ") ||
				!strings.Contains(err.Error(), "5 attempts") {
				t.Errorf("error %v, want one naming AAPL, 5 attempts and %q", err, tc.err)
			}
		})
	}
}

// resetMidBody promises a long body, sends half of it and drops the
// connection.
func resetMidBody(w http.ResponseWriter) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	body := chartJSON("AAPL", 0, 1)
	fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:len(body)/2])
	buf.Flush()
	conn.Close()
}

func TestServerThatNeverAnswers(t *testing.T) {
	f := newFakeYahoo(t)
	release := make(chan struct{})
	defer close(release)
	f.fault = func(w http.ResponseWriter, r *http.Request, _ string, n int64) bool {
		select {
		case <-release:
		case <-r.Context().Done():
		}
		return true
	}
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	o.RequestTimeout = 10 * time.Millisecond
	o.MaxRetries = 1
	_, err := mustNew(t, o).SeriesBatch(bg, []string{"A", "B"}, quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	var fe *quotes.FetchError
	if !errors.As(err, &fe) || len(fe.Errs) != 2 || !strings.Contains(err.Error(), "2 attempts") {
		t.Errorf("got %v", err)
	}
}

func TestCrumbHandshake(t *testing.T) {
	f := newFakeYahoo(t)
	var crumbs, cookies int
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		cookies++
		http.SetCookie(w, &http.Cookie{Name: "A3", Value: "session", Path: "/"})
		http.NotFound(w, r)
	})
	mux.HandleFunc("/v1/test/getcrumb", func(w http.ResponseWriter, r *http.Request) {
		crumbs++
		if c, err := r.Cookie("A3"); err != nil || c.Value != "session" {
			http.Error(w, "no cookie", http.StatusUnauthorized)
			return
		}
		fmt.Fprint(w, "s3cr3t/crumb")
	})
	mux.HandleFunc("/v8/finance/chart/", func(w http.ResponseWriter, r *http.Request) {
		if r.FormValue("crumb") != "s3cr3t/crumb" {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"chart":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}`)
			return
		}
		if ua := r.UserAgent(); !strings.HasPrefix(ua, "Mozilla/5.0") {
			http.Error(w, "Too Many Requests", http.StatusTooManyRequests)
			return
		}
		f.serve(w, r)
	})
	f.srv.Config.Handler = mux
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	o.Concurrency = 1
	got, err := mustNew(t, o).SeriesBatch(bg, []string{"AAPL", "MSFT"}, quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	if err != nil || len(got) != 2 {
		t.Fatal(err)
	}
	if cookies != 1 || crumbs != 1 {
		t.Errorf("%d cookie and %d crumb requests, want 1 each", cookies, crumbs)
	}
}

func TestOfflineAndNetworkFailure(t *testing.T) {
	f := newFakeYahoo(t)
	c := &clock{now: friday}
	var w warnings
	o := testOptions(t, f, c, &w)
	o.MaxRetries = -1
	from := quotes.Date(2025, 1, 6)
	if _, err := mustNew(t, o).Series(bg, "AAPL", from, time.Time{}); err != nil {
		t.Fatal(err)
	}
	f.srv.Close() // the network is gone
	requests := f.charts.Load()

	// Offline: the cache, with a warning for the days it lacks.
	off := o
	off.Offline = true
	c.Add(72 * time.Hour)
	s, err := mustNew(t, off).Series(bg, "AAPL", from, time.Time{})
	if err != nil || s.Len() != 5 || !strings.Contains(w.String(), "offline: cache covers only") {
		t.Errorf("offline: %v, warnings %s", err, w.String())
	}
	if _, err := mustNew(t, off).Series(bg, "MSFT", from, time.Time{}); err == nil || !strings.Contains(err.Error(), "nothing cached") {
		t.Errorf("offline without cache: %v", err)
	}
	// Online with the network down: a covered range comes from the cache
	// with a warning; an uncovered one is an error naming the symbol.
	src := mustNew(t, o)
	if s, err := src.Series(bg, "AAPL", from, quotes.Date(2025, 1, 10)); err != nil || s.Len() != 5 {
		t.Errorf("covered range, network down: %v", err)
	}
	c.Add(-72 * time.Hour)
	w.errs = nil
	c.Add(2 * time.Hour) // the tail is due for a refresh, which fails
	if _, err := src.Series(bg, "AAPL", from, time.Time{}); err != nil || !strings.Contains(w.String(), "using the cache") {
		t.Errorf("stale tail, network down: %v, warnings %s", err, w.String())
	}
	_, err = src.SeriesBatch(bg, []string{"AAPL", "MSFT"}, quotes.Date(2024, 1, 1), time.Time{})
	var fe *quotes.FetchError
	if !errors.As(err, &fe) || len(fe.Errs) != 2 {
		t.Errorf("uncovered range, network down: %v", err)
	}
	if f.charts.Load() != requests {
		t.Error("offline source made requests")
	}
}

func TestCorruptCacheIsRefetched(t *testing.T) {
	f := newFakeYahoo(t)
	var w warnings
	o := testOptions(t, f, &clock{now: friday}, &w)
	src := mustNew(t, o)
	from, to := quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10)
	src.Series(bg, "AAPL", from, to)
	path := filepath.Join(o.CacheDir, cache.FileName("AAPL"))
	data, _ := os.ReadFile(path)
	os.WriteFile(path, data[:len(data)-20], 0o644)
	s, err := src.Series(bg, "AAPL", from, to)
	if err != nil || s.Len() != 5 || f.charts.Load() != 2 || !strings.Contains(w.String(), "corrupt") {
		t.Errorf("got %v, %d requests, warnings %s", err, f.charts.Load(), w.String())
	}
	if _, err := cache.Decode(strings.NewReader(string(must(os.ReadFile(path))))); err != nil {
		t.Errorf("cache not repaired: %v", err)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestConcurrencyBoundsRequests: SeriesBatch works on more symbols than
// Options.Concurrency at once (to overlap disk work with requests), but no
// more than Concurrency requests ever reach Yahoo together.
func TestConcurrencyBoundsRequests(t *testing.T) {
	f := newFakeYahoo(t)
	var inFlight, most atomic.Int64
	f.fault = func(w http.ResponseWriter, r *http.Request, symbol string, n int64) bool {
		now := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if now <= m || most.CompareAndSwap(m, now) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond) // let the others pile up, if they may
		return false
	}
	o := testOptions(t, f, &clock{now: friday}, &warnings{})
	o.Concurrency = 2
	var symbols []string
	for i := range 12 {
		symbols = append(symbols, fmt.Sprintf("S%02d", i))
	}
	got, err := mustNew(t, o).SeriesBatch(bg, symbols, quotes.Date(2025, 1, 6), quotes.Date(2025, 1, 10))
	if err != nil || len(got) != len(symbols) {
		t.Fatalf("%d series, err %v", len(got), err)
	}
	if m := most.Load(); m > 2 {
		t.Errorf("%d requests in flight at once, want at most Concurrency = 2", m)
	}
}
