package yahoo

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// fakeYahoo is a local server speaking the v8 chart format. Every symbol
// trades on weekdays at 09:30 New York time with a close that depends only
// on the day (closeOf), except "NOPE", which Yahoo does not know. Like
// Yahoo, it divides every close by the splits after it (see setSplits),
// whatever the range asked for, but lists only the splits in that range.
type fakeYahoo struct {
	srv     *httptest.Server
	latency time.Duration
	charts  atomic.Int64 // chart requests served
	// fault, when set, may answer a chart request itself (returning true)
	// to inject errors; n counts chart requests from 1.
	fault func(w http.ResponseWriter, r *http.Request, symbol string, n int64) bool

	mu      sync.Mutex
	periods map[string][][2]int64 // symbol -> requested (period1, period2)
	answer  answer                // what every symbol's answers look like
}

// setSplits makes every symbol have splits from now on.
func (f *fakeYahoo) setSplits(splits ...quotes.Split) {
	f.mu.Lock()
	f.answer.splits = splits
	f.mu.Unlock()
}

// setAnswer changes what the answers look like from now on.
func (f *fakeYahoo) setAnswer(a answer) {
	f.mu.Lock()
	f.answer = a
	f.mu.Unlock()
}

// requests returns the (period1, period2) of symbol's requests so far.
func (f *fakeYahoo) requests(symbol string) [][2]int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([][2]int64(nil), f.periods[symbol]...)
}

func newFakeYahoo(t testing.TB) *fakeYahoo {
	f := &fakeYahoo{periods: map[string][][2]int64{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// closeOf is the fake close on day d: 500 plus a hundredth per day since
// 2000-01-01, so positive from 1900 on.
func closeOf(d time.Time) float64 {
	return 500 + float64(d.Sub(quotes.Date(2000, 1, 1))/(24*time.Hour))/100
}

func (f *fakeYahoo) serve(w http.ResponseWriter, r *http.Request) {
	if f.latency > 0 {
		time.Sleep(f.latency)
	}
	symbol, ok := strings.CutPrefix(r.URL.Path, "/v8/finance/chart/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	n := f.charts.Add(1)
	if f.fault != nil && f.fault(w, r, symbol, n) {
		return
	}
	if symbol == "NOPE" {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}`)
		return
	}
	p1, err1 := strconv.ParseInt(r.FormValue("period1"), 10, 64)
	p2, err2 := strconv.ParseInt(r.FormValue("period2"), 10, 64)
	if err1 != nil || err2 != nil || r.FormValue("interval") != "1d" || r.FormValue("events") != "div,splits" {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"chart":{"result":null,"error":{"code":"Bad Request","description":"bad query"}}}`)
		return
	}
	f.mu.Lock()
	f.periods[symbol] = append(f.periods[symbol], [2]int64{p1, p2})
	a := f.answer
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, a.json(symbol, p1, p2))
}

var newYork = must(time.LoadLocation("America/New_York"))

// closeAt is the time of day d's row: 09:30 in New York, where the fake
// trades.
func closeAt(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 9, 30, 0, 0, newYork)
}

// answer shapes the fake's answers.
type answer struct {
	splits []quotes.Split // of every symbol, ascending
	// onlyFrom, when set, drops the closes before it, as a partial
	// answer would.
	onlyFrom time.Time
	// until, when set, drops the closes after it, as for a symbol
	// delisted then.
	until time.Time
	// malformed sends every split as "0:0", which the parser drops,
	// while the closes stay divided by its true ratio.
	malformed bool
	// noSplits leaves the split events out, the closes still divided.
	noSplits bool
}

func chartJSON(symbol string, p1, p2 int64, splits ...quotes.Split) string {
	return answer{splits: splits}.json(symbol, p1, p2)
}

func (a answer) json(symbol string, p1, p2 int64) string {
	splits := a.splits
	var ts, closes []string
	for d := quotes.Day(time.Unix(p1, 0).UTC()); d.Unix() < p2; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		t := closeAt(d)
		if t.Unix() < p1 || t.Unix() >= p2 || d.Before(a.onlyFrom) || !a.until.IsZero() && d.After(a.until) {
			continue
		}
		ts = append(ts, strconv.FormatInt(t.Unix(), 10))
		closes = append(closes, strconv.FormatFloat(closeOf(d)/laterRatio(splits, d), 'g', -1, 64))
	}
	var events []string
	for _, sp := range splits {
		if a.malformed {
			sp.Numerator, sp.Denominator = 0, 0
		}
		if t := closeAt(sp.Date).Unix(); t >= p1 && t < p2 && !a.noSplits {
			events = append(events, fmt.Sprintf(`"%d":{"date":%d,"numerator":%v,"denominator":%v}`, t, t, sp.Numerator, sp.Denominator))
		}
	}
	return `{"chart":{"result":[{"meta":{"currency":"USD","symbol":` + strconv.Quote(symbol) +
		`,"exchangeTimezoneName":"America/New_York","gmtoffset":-18000},"timestamp":[` + strings.Join(ts, ",") +
		`],"events":{"splits":{` + strings.Join(events, ",") + `}}` +
		`,"indicators":{"quote":[{"close":[` + strings.Join(closes, ",") + `]}]}}],"error":null}}`
}

// laterRatio is the product of the ratios of the splits after day d.
func laterRatio(splits []quotes.Split, d time.Time) float64 {
	r := 1.0
	for _, sp := range splits {
		if sp.Date.After(d) {
			r *= sp.Ratio()
		}
	}
	return r
}

// clock is a settable Options.Now.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// warnings collects Options.Warn calls.
type warnings struct {
	mu   sync.Mutex
	errs []error
}

func (w *warnings) warn(err error) { w.mu.Lock(); w.errs = append(w.errs, err); w.mu.Unlock() }
func (w *warnings) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return fmt.Sprint(w.errs)
}

// testOptions point at f with a fresh cache, a fixed clock and tiny
// backoffs, so that fault tests take milliseconds.
func testOptions(t testing.TB, f *fakeYahoo, c *clock, w *warnings) Options {
	return Options{
		BaseURL:        f.srv.URL,
		CacheDir:       t.TempDir(),
		Backoff:        time.Millisecond,
		MaxBackoff:     5 * time.Millisecond,
		RequestTimeout: 2 * time.Second,
		Now:            c.Now,
		Warn:           w.warn,
	}
}

func mustNew(t testing.TB, o Options) *Source {
	t.Helper()
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var bg = context.Background()
