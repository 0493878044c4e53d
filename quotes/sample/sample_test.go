package sample_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/shared"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/meta"
	"github.com/gofolio/gofolio/quotes/sample"
	"github.com/gofolio/gofolio/quotes/sample/internal/nyse"
)

var (
	firstDay = quotes.Date(1990, 12, 31)
	lastDay  = quotes.Date(2001, 1, 2)
)

func allSeries(t *testing.T) map[string]*quotes.Series {
	t.Helper()
	m := sample.Market()
	series, err := quotes.FetchAll(context.Background(), m, m.Symbols(), time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return series
}

func TestMarket(t *testing.T) {
	series := allSeries(t)
	symbols := sample.Symbols()
	if len(symbols) != 31 || len(series) != 31 || !slices.Contains(symbols, sample.Benchmark) {
		t.Fatalf("Symbols() = %v (%d); want the 30 Dow stocks and %s", symbols, len(symbols), sample.Benchmark)
	}
	for _, want := range []string{"IBM", "MSFT", "KO", "GE", "INTC", "JNJ", "WMT", "DIS", "PG", "MRK"} {
		if !slices.Contains(symbols, want) {
			t.Errorf("Symbols() lacks %s", want)
		}
	}
	// Count NYSE trading days from 1990-12-31 to 2001-01-02 independently of
	// the data: every series must have exactly these dates.
	var calendar []time.Time
	for d := firstDay; !d.After(lastDay); d = d.AddDate(0, 0, 1) {
		if nyse.TradingDay(d) {
			calendar = append(calendar, d)
		}
	}
	for sym, s := range series {
		if s.Currency != "USD" || s.Timezone != "America/New_York" {
			t.Errorf("%s: currency %q, timezone %q", sym, s.Currency, s.Timezone)
		}
		if !slices.Equal(s.Dates, calendar) {
			t.Errorf("%s: %d dates from %s to %s, want the %d NYSE trading days", sym, s.Len(),
				s.First().Format(time.DateOnly), s.Last().Format(time.DateOnly), len(calendar))
		}
		if len(s.Dividends) > 0 || len(s.Splits) > 0 {
			t.Errorf("%s: has events, but the closes are adjusted", sym)
		}
	}
	// Values straight from the source files' lines for 1995-07-05.
	for sym, want := range map[string]float64{"IBM": 24.04, "MSFT": 11.34, "^DJI": 4615.23} {
		if got, ok := series[sym].CloseOn(quotes.Date(1995, 7, 5)); !ok || got != want {
			t.Errorf("%s close on 1995-07-05 = %v, want %v", sym, got, want)
		}
	}
}

func TestMarketHasNoHolidays(t *testing.T) {
	series := allSeries(t)
	for _, holiday := range []time.Time{
		quotes.Date(1995, 12, 25), // Christmas
		quotes.Date(1995, 7, 4),   // Independence Day
		quotes.Date(1994, 4, 27),  // Nixon's funeral
		quotes.Date(1998, 1, 19),  // first MLK day the NYSE closed for
		quotes.Date(1999, 4, 2),   // Good Friday
		quotes.Date(1993, 12, 24), // Christmas on a Saturday, observed Friday
	} {
		for _, sym := range []string{"IBM", sample.Benchmark} {
			if i := series[sym].Search(holiday); i >= 0 && series[sym].Dates[i].Equal(holiday) {
				t.Errorf("%s has a close on the holiday %s", sym, holiday.Format(time.DateOnly))
			}
		}
	}
	// The index source repeats 1995-07-03's close on 1995-07-04; with the
	// holiday dropped, 1995-07-05 follows 1995-07-03 directly.
	dji := series[sample.Benchmark]
	i := dji.Search(quotes.Date(1995, 7, 5))
	if got := dji.Dates[i-1]; !got.Equal(quotes.Date(1995, 7, 3)) {
		t.Errorf("^DJI trading day before 1995-07-05 is %s, want 1995-07-03", got.Format(time.DateOnly))
	}
}

func TestFX(t *testing.T) {
	c := sample.FX()
	// The H.10 line for 1995-07-05: DEXUSUK 1.595 USD per GBP.
	if r, err := c.Rate("GBP", "USD", quotes.Date(1995, 7, 5)); err != nil || r != 1.595 {
		t.Errorf("GBP→USD on 1995-07-05 = %v, %v; want 1.595", r, err)
	}
	// 1995-07-04 has no H.10 rate: 1995-07-03's DEXUSUK 1.5972 carries.
	if r, err := c.Rate("GBP", "USD", quotes.Date(1995, 7, 4)); err != nil || r != 1.5972 {
		t.Errorf("GBP→USD on 1995-07-04 = %v, %v; want 1.5972", r, err)
	}
	// Every trading day converts USD to the reporting currency.
	dates := allSeries(t)["IBM"].Dates
	if _, err := c.Rates("USD", sample.Currency, dates); err != nil {
		t.Error(err)
	}
}

func TestTransactions(t *testing.T) {
	records, err := csv.NewReader(bytes.NewReader(sample.Transactions())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := "date,kind,symbol,quantity,price,commission,amount,currency,note"
	if got := joinComma(records[0]); got != header {
		t.Fatalf("header %q, want %q", got, header)
	}
	if n := len(records) - 1; n < 40 || n > 60 {
		t.Errorf("%d transactions, want 40 to 60", n)
	}
	series := allSeries(t)
	conv := sample.FX()
	held := make(map[string]float64)
	kinds := make(map[string]int)
	var last time.Time
	for i, r := range records[1:] {
		line := i + 2
		date, err := time.Parse(time.DateOnly, r[0])
		if err != nil {
			t.Errorf("line %d: date %q: %v", line, r[0], err)
			continue
		}
		if date.Before(last) {
			t.Errorf("line %d: %s is before the line above", line, r[0])
		}
		last = date
		if !nyse.TradingDay(date) || date.Before(firstDay) || date.After(lastDay) {
			t.Errorf("line %d: %s is not a trading day of the sample", line, r[0])
		}
		kind, symbol, currency := r[1], r[2], r[7]
		kinds[kind]++
		num := func(col int) float64 {
			if r[col] == "" {
				return 0
			}
			v, err := strconv.ParseFloat(r[col], 64)
			if err != nil || v < 0 {
				t.Errorf("line %d, column %s: %q is not a non-negative number", line, records[0][col], r[col])
			}
			return v
		}
		quantity, price, amount := num(3), num(4), num(6)
		num(5)
		switch kind {
		case "BUY", "SELL":
			s, ok := series[symbol]
			if !ok {
				t.Errorf("line %d: symbol %q is not in the sample market", line, symbol)
				continue
			}
			close, _ := s.CloseOn(date)
			if price != 0 && math.Abs(price-close) > 0.005 {
				t.Errorf("line %d: %s price %v, but the close on %s was %v", line, symbol, price, r[0], close)
			}
			if currency != "" || quantity <= 0 {
				t.Errorf("line %d: %s of %v %s in %q: want a quantity and a blank currency", line, kind, quantity, symbol, currency)
			}
			if kind == "SELL" && quantity > held[symbol] {
				t.Errorf("line %d: sells %v %s but holds %v", line, quantity, symbol, held[symbol])
			}
			if kind == "BUY" {
				held[symbol] += quantity
			} else {
				held[symbol] -= quantity
			}
		case "DIVIDEND":
			if held[symbol] <= 0 || currency != "USD" || amount <= 0 {
				t.Errorf("line %d: dividend of %v %s on %s, holding %v", line, amount, currency, symbol, held[symbol])
			}
		case "DEPOSIT", "WITHDRAWAL", "FEE":
			if symbol != "" || (currency != "GBP" && currency != "USD") || amount <= 0 {
				t.Errorf("line %d: %s of %v %q for %q", line, kind, amount, currency, symbol)
			}
		default:
			t.Errorf("line %d: unexpected kind %q", line, kind)
		}
		if _, err := conv.Rate("USD", sample.Currency, date); err != nil {
			t.Errorf("line %d: %v", line, err)
		}
	}
	for _, k := range []string{"BUY", "SELL", "DEPOSIT", "WITHDRAWAL", "FEE", "DIVIDEND"} {
		if kinds[k] == 0 {
			t.Errorf("no %s row", k)
		}
	}
}

func joinComma(fields []string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(fields)
	w.Flush()
	return string(bytes.TrimSpace(b.Bytes()))
}

// TestGeneratedDataIsCurrent runs the generator on the shared market data
// and checks that it reproduces the embedded files byte for byte.
func TestGeneratedDataIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: runs the generator with go run")
	}
	src := shared.Path(t, "marketdata")
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("skipping: no go command: %v", err)
	}
	out := t.TempDir()
	cmd := exec.Command(goTool, "run", "./internal/gen", "-src", src, "-out", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("generator: %v\n%s", err, msg)
	}
	for _, name := range []string{"stocks.csv.gz", "djia.csv.gz", "fred_h10.csv.gz"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("data", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s is out of date: run go generate in quotes/sample", name)
		}
	}
}

// TestMeta: every stock of the market is described, with the fields the
// allocation charts group by, and nothing else is.
func TestMeta(t *testing.T) {
	m := sample.Meta()
	var stocks []string
	for _, s := range sample.Symbols() {
		if s != sample.Benchmark {
			stocks = append(stocks, s)
		}
	}
	if got := m.Symbols(); !slices.Equal(got, stocks) {
		t.Errorf("Meta lists %q, want the market's stocks %q", got, stocks)
	}
	for _, s := range stocks {
		for _, f := range []string{meta.Name, meta.AssetClass, meta.Sector, meta.Region, meta.Country, meta.Currency} {
			if m.Get(s, f) == "" {
				t.Errorf("%s has no %s", s, f)
			}
		}
	}
	// Spot checks written from the companies' businesses.
	for sym, sector := range map[string]string{"IBM": "Information Technology", "KO": "Consumer Staples", "JNJ": "Health Care", "XOM": "Energy", "GE": "Industrials"} {
		if got := m.Get(sym, meta.Sector); got != sector {
			t.Errorf("%s sector %q, want %q", sym, got, sector)
		}
	}
}
