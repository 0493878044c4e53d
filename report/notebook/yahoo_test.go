package notebook

import (
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

// fakeYahoo answers GET /v8/finance/chart/{symbol} as Yahoo does, with a
// close at 16:00 New York time every weekday: IBM and ^GSPC in USD,
// GBPUSD=X about 1.25; any other symbol is not found.
func fakeYahoo(t *testing.T, requests *atomic.Int64) *httptest.Server {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	base := map[string]float64{"IBM": 150, "^GSPC": 4700, "GBPUSD=X": 1.25}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
			at := time.Date(d.Year(), d.Month(), d.Day(), 16, 0, 0, 0, ny)
			if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || at.Unix() < p1 || at.Unix() >= p2 {
				continue
			}
			ts = append(ts, strconv.FormatInt(at.Unix(), 10))
			closes = append(closes, strconv.FormatFloat(level*(1+0.1*math.Sin(float64(d.Unix()/86400)/40)), 'f', 4, 64))
		}
		fmt.Fprintf(w, `{"chart":{"result":[{"meta":{"currency":"USD","symbol":%q,"exchangeTimezoneName":"America/New_York","gmtoffset":-18000},`+
			`"timestamp":[%s],"indicators":{"quote":[{"close":[%s]}]}}],"error":null}}`,
			symbol, strings.Join(ts, ","), strings.Join(closes, ","))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestLoadYahoo: Market: Yahoo is the one setting that switches a notebook
// to Yahoo Finance, with the reader's own file: the symbols, the benchmark
// and the GBPUSD=X rate the USD amounts need are fetched (one request
// each), and the portfolio is built in GBP with its cash in both currencies.
func TestLoadYahoo(t *testing.T) {
	var requests atomic.Int64
	t.Setenv(yahoo.EnvBaseURL, fakeYahoo(t, &requests).URL)
	t.Setenv(cache.EnvDir, t.TempDir())
	tx := filepath.Join(t.TempDir(), "tx.csv")
	csv := "date,kind,symbol,quantity,price,commission,amount,currency\n" +
		"2024-01-02,DEPOSIT,,,,,10000,GBP\n" +
		"2024-01-02,DEPOSIT,,,,,5000,USD\n" +
		"2024-01-03,BUY,IBM,20,,7.5,,\n"
	if err := os.WriteFile(tx, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Load(context.Background(), Settings{Transactions: tx, Market: Yahoo, Benchmarks: []string{"^GSPC"}, Currency: "GBP"})
	if err != nil {
		t.Fatal(err)
	}
	if got := requests.Load(); got != 3 {
		t.Errorf("%d requests, want 3 (IBM, ^GSPC, GBPUSD=X)", got)
	}
	a := l.Analysis
	if a.Result.Currency != "GBP" || len(a.Benchmarks) != 1 || a.Benchmarks[0].Symbol != "^GSPC" || len(a.Holdings) != 1 {
		t.Errorf("built in %s against %d benchmarks, %d holdings", a.Result.Currency, len(a.Benchmarks), len(a.Holdings))
	}
	if a.CashByCurrency["GBP"] != 10000 || a.CashByCurrency["USD"] <= 0 {
		t.Errorf("cash by currency %v, want 10,000 GBP and the USD left after buying IBM", a.CashByCurrency)
	}
}
