package fx

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

func TestYahooSymbol(t *testing.T) {
	for _, tt := range [][3]string{{"GBP", "USD", "GBPUSD=X"}, {"USD", "JPY", "JPY=X"}, {"EUR", "GBP", "EURGBP=X"}} {
		if got := YahooSymbol(tt[0], tt[1]); got != tt[2] {
			t.Errorf("YahooSymbol(%s, %s) = %s, want %s", tt[0], tt[1], got, tt[2])
		}
	}
}

func TestPairFromSeries(t *testing.T) {
	dates := []time.Time{day(2020, 1, 2)}
	for _, tt := range []struct{ symbol, want string }{
		{"EURUSD=X", "EUR/USD"},
		{"JPY=X", "USD/JPY"},
		{"USDJPY=X", "USD/JPY"},
	} {
		p, err := PairFromSeries(&quotes.Series{Symbol: tt.symbol, Dates: dates, Close: []float64{1.12}})
		if err != nil || p.String() != tt.want || p.Rates[0] != 1.12 {
			t.Errorf("PairFromSeries(%s) = %v, %v; want %s", tt.symbol, p, err, tt.want)
		}
	}
	for _, bad := range []string{"EURUSD", "EURUS=X", "eurusd=X", "MSFT", "=X"} {
		if _, err := PairFromSeries(&quotes.Series{Symbol: bad}); err == nil {
			t.Errorf("PairFromSeries(%s): no error", bad)
		}
	}
}

func TestLoad(t *testing.T) {
	// GBP/USD 1.25 on 2020-01-02 and 1.30 on 2020-01-06; EUR/USD 1.10 on
	// 2020-01-02. A Yahoo-style source holds them as GBPUSD=X and EURUSD=X.
	src, err := quotes.NewMemory(
		&quotes.Series{Symbol: "GBPUSD=X", Currency: "USD", Dates: []time.Time{day(2020, 1, 2), day(2020, 1, 6)}, Close: []float64{1.25, 1.30}},
		&quotes.Series{Symbol: "EURUSD=X", Currency: "USD", Dates: []time.Time{day(2020, 1, 2)}, Close: []float64{1.10}},
	)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// The range starts on 2020-01-03; Load looks back and finds 01-02.
	c, err := Load(ctx, src, "GBP", []string{"USD", "EUR", "GBp"}, day(2020, 1, 3), day(2020, 1, 31))
	if err != nil {
		t.Fatal(err)
	}
	// EUR→GBP on 01-03: 1.10 × 1/1.25 = 0.88
	if r, err := c.Rate("EUR", "GBP", day(2020, 1, 3)); err != nil || !approxEqual(r, 0.88) {
		t.Errorf("EUR→GBP = %v, %v; want 0.88", r, err)
	}
	// USD only: nothing to fetch, same-currency conversions work.
	c, err = Load(ctx, src, "USD", []string{"USD"}, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := c.Rate("USD", "USD", day(2020, 1, 3)); err != nil || r != 1 {
		t.Errorf("USD→USD = %v, %v", r, err)
	}
	_, err = Load(ctx, src, "GBP", []string{"CHF"}, time.Time{}, time.Time{})
	if !errors.Is(err, quotes.ErrUnknownSymbol) || !strings.Contains(err.Error(), "CHFUSD=X") {
		t.Errorf("Load with CHF: error %v, want unknown symbol CHFUSD=X", err)
	}
	if _, err := Load(ctx, src, "GBP", []string{"Usd"}, time.Time{}, time.Time{}); !errors.Is(err, ErrUnknownCurrency) {
		t.Errorf("Load with Usd: error %v, want ErrUnknownCurrency", err)
	}
}

// recording is a Source that notes the symbols asked for.
type recording struct {
	quotes.Source
	asked []string
}

func (r *recording) Series(ctx context.Context, symbol string, from, to time.Time) (*quotes.Series, error) {
	r.asked = append(r.asked, symbol)
	return r.Source.Series(ctx, symbol, from, to)
}

func TestLoadFetchesOnlyNeededPairs(t *testing.T) {
	mem, err := quotes.NewMemory(
		&quotes.Series{Symbol: "GBPUSD=X", Currency: "USD", Dates: []time.Time{day(2020, 1, 2)}, Close: []float64{1.25}},
		&quotes.Series{Symbol: "EURUSD=X", Currency: "USD", Dates: []time.Time{day(2020, 1, 2)}, Close: []float64{1.10}},
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		reporting  string
		currencies []string
		want       string // symbols fetched
	}{
		// One major currency: fixed factors only.
		{"GBP", []string{"GBp", "GBX", "gbp"}, "[]"},
		{"ZAR", []string{"ZAc"}, "[]"},
		{"USD", []string{"USD"}, "[]"},
		{"GBP", []string{"GBp", "USD"}, "[GBPUSD=X]"},
		{"USD", []string{"GBp"}, "[GBPUSD=X]"},
		{"EUR", []string{"GBp"}, "[EURUSD=X GBPUSD=X]"},
	} {
		src := &recording{Source: mem}
		c, err := Load(context.Background(), src, tc.reporting, tc.currencies, day(2020, 1, 3), day(2020, 1, 31))
		if err != nil {
			t.Errorf("%s %v: %v", tc.reporting, tc.currencies, err)
			continue
		}
		if got := fmt.Sprint(src.asked); got != tc.want {
			t.Errorf("%s %v: fetched %s, want %s", tc.reporting, tc.currencies, got, tc.want)
		}
		for _, cur := range tc.currencies {
			if _, err := c.Rate(cur, tc.reporting, day(2020, 1, 3)); err != nil {
				t.Errorf("%s %v: %v", tc.reporting, tc.currencies, err)
			}
		}
	}
}
