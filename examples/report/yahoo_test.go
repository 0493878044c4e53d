package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes/yahoo"
	"github.com/gofolio/gofolio/quotes/yahoo/cache"
)

// fakeChart answers GET /v8/finance/chart/{symbol} as Yahoo does, with a
// close for every weekday: IBM and ^GSPC in USD, GBPUSD=X about 1.25.
func fakeChart(t *testing.T, requests *atomic.Int64) *httptest.Server {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	base := map[string]float64{"IBM": 150, "^GSPC": 4700, "GBPUSD=X": 1.25}
	period := map[string]float64{"IBM": 30, "^GSPC": 50, "GBPUSD=X": 80} // days; distinct so that FX does not cancel out
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		symbol := strings.TrimPrefix(r.URL.Path, "/v8/finance/chart/")
		level, ok := base[symbol]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}`)
			return
		}
		p1, _ := strconv.ParseInt(r.FormValue("period1"), 10, 64)
		p2, _ := strconv.ParseInt(r.FormValue("period2"), 10, 64)
		var ts, closes []string
		for d := time.Unix(p1, 0).UTC().Truncate(24 * time.Hour); d.Unix() < p2; d = d.AddDate(0, 0, 1) {
			if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			at := time.Date(d.Year(), d.Month(), d.Day(), 16, 0, 0, 0, ny)
			if at.Unix() < p1 || at.Unix() >= p2 {
				continue
			}
			days := float64(d.Unix() / 86400)
			ts = append(ts, strconv.FormatInt(at.Unix(), 10))
			closes = append(closes, strconv.FormatFloat(level*(1+0.1*math.Sin(days/period[symbol])), 'f', 4, 64))
		}
		fmt.Fprintf(w, `{"chart":{"result":[{"meta":{"currency":"USD","symbol":%q,"exchangeTimezoneName":"America/New_York","gmtoffset":-18000},`+
			`"timestamp":[%s],"indicators":{"quote":[{"close":[%s]}]}}],"error":null}}`,
			symbol, strings.Join(ts, ","), strings.Join(closes, ","))
	}))
}

func TestRunYahooSourceThenOffline(t *testing.T) {
	var requests atomic.Int64
	srv := fakeChart(t, &requests)
	cacheDir := t.TempDir()
	t.Setenv(yahoo.EnvBaseURL, srv.URL)
	t.Setenv(cache.EnvDir, cacheDir)
	dir := t.TempDir()
	tx := filepath.Join(dir, "tx.csv")
	csv := "date,kind,symbol,quantity,price,commission,amount,currency\n" +
		"2024-01-02,DEPOSIT,,,,,10000,GBP\n" +
		"2024-01-02,DEPOSIT,,,,,5000,USD\n" +
		"2024-01-03,BUY,IBM,20,,7.5,,\n"
	if err := os.WriteFile(tx, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-tx", tx, "-source", "yahoo", "-currency", "GBP", "-benchmarks", "^GSPC", "-to", "2024-06-28",
		"-out", filepath.Join(dir, "report.html")}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	for _, want := range []string{"market data: yahoo", "IBM", "Same cash flows in ^GSPC", "cash: GBP 10,000.00, USD"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	// IBM, ^GSPC and the GBPUSD=X rate each fetched once.
	if got := requests.Load(); got != 3 {
		t.Errorf("%d requests, want 3 (IBM, ^GSPC, GBPUSD=X)", got)
	}
	// Offline with the server gone: the cache covers the range.
	srv.Close()
	stdout.Reset()
	if err := run(context.Background(), append(args, "-offline"), &stdout, &stderr); err != nil {
		t.Fatalf("offline run: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "Time-weighted return") {
		t.Errorf("offline output:\n%s", stdout.String())
	}
	if got := requests.Load(); got != 3 {
		t.Errorf("offline run made %d more requests", got-3)
	}
}

// TestYahooOptions: -timeout bounds each request and each retry prints one
// line on stderr, terminal or not (issue 13.12); the warnings and retry
// lines stop once interrupted (issue 14.5), so that the requests the
// interrupt fails print nothing.
func TestYahooOptions(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var stderr bytes.Buffer
	opts := yahooOptions(ctx, &options{timeout: 45 * time.Second, offline: true}, &stderr)
	if opts.RequestTimeout != 45*time.Second || !opts.Offline {
		t.Errorf("RequestTimeout %v, Offline %v", opts.RequestTimeout, opts.Offline)
	}
	opts.Warn(fmt.Errorf("cache file corrupt"))
	opts.OnRetry(yahoo.Retry{Symbol: "IBM", Attempt: 1, Attempts: 5, Err: fmt.Errorf("timeout"), Wait: time.Second})
	cancel()
	opts.Warn(fmt.Errorf("IBM: context canceled"))
	opts.OnRetry(yahoo.Retry{Symbol: "IBM", Attempt: 2, Attempts: 5, Err: fmt.Errorf("context canceled"), Wait: time.Second})
	want := "warning: cache file corrupt\n" + "yahoo: IBM: attempt 1 of 5 failed, retrying in 1s: timeout\n"
	if got := stderr.String(); got != want {
		t.Errorf("stderr %q", got)
	}
}
