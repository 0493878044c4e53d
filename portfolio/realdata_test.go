package portfolio_test

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/shared"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
)

// readMSFT reads the real MSFT closes (not dividend-adjusted) and its five
// cash dividends from ../shared/marketdata.
func readMSFT(t *testing.T) *quotes.Series {
	t.Helper()
	rows := func(name string) [][]string {
		f, err := os.Open(shared.Path(t, "marketdata", name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs[1:]
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	s := &quotes.Series{Symbol: "MSFT", Currency: "USD", SplitAdjusted: true}
	for _, r := range rows("msft_2016-2017_prices.csv") { // Date,Open,High,Low,Close,UnadjClose,Volume
		s.Dates = append(s.Dates, day(r[0]))
		s.Close = append(s.Close, num(r[4]))
	}
	for _, r := range rows("msft_2016-2017_dividends.csv") { // ExDate,Type,Amount
		s.Dividends = append(s.Dividends, quotes.Dividend{Date: day(r[0]), Amount: num(r[2])})
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRealMSFTDividendsCountedOnce holds 100 real MSFT shares through a
// year of real dividends. The closes are not dividend-adjusted, so each
// dividend must appear exactly once, as cash, and the holding's value must
// be the plain close × 100: the original notebook counted dividends in the
// price and again as cash.
func TestRealMSFTDividendsCountedOnce(t *testing.T) {
	msft := readMSFT(t)
	buy := quotes.Date(2016, 5, 18) // the day after the 2016-05-17 ex-date
	txs := []portfolio.Transaction{
		{Date: buy, Kind: portfolio.Deposit, Amount: 6000},
		{Date: buy, Kind: portfolio.Buy, Symbol: "MSFT", Quantity: 100, Commission: 10}, // at the close, 50.810001
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "USD", Series: map[string]*quotes.Series{"MSFT": msft}})
	if err != nil {
		t.Fatal(err)
	}
	h, p := res.Holdings, res.Performance
	last := len(h.Dates) - 1
	// Ex-dates after the buy: 0.36 + 0.39 + 0.39 + 0.39 = 1.53 per share.
	// (2016-05-17 was before the buy: not received.)
	const dividends = 100 * (0.36 + 0.39 + 0.39 + 0.39)
	if got := h.Dividends()[last]; !closeTo(got, dividends) {
		t.Errorf("dividends received = %v, want %v", got, dividends)
	}
	// Before and on the 2016-08-16 ex-date: the 0.36 lands on that day.
	aug15, aug16 := index(t, h.Dates, "2016-08-15"), index(t, h.Dates, "2016-08-16")
	if h.Dividends()[aug15] != 0 || !closeTo(h.Dividends()[aug16], 36) {
		t.Errorf("dividends on 08-15, 08-16 = %v, %v; want 0, 36", h.Dividends()[aug15], h.Dividends()[aug16])
	}
	// Value on the last day: 100 × 69.410004; cash 6000 − 5081.0001 − 10 + 153.
	if got, want := h.Value()[last], 100*69.410004; !closeTo(got, want) {
		t.Errorf("value = %v, want %v", got, want)
	}
	if got, want := p.Cash[last], 6000-100*50.810001-10+dividends; !closeTo(got, want) {
		t.Errorf("cash = %v, want %v", got, want)
	}
	// TWR: first day (6000 − 10 − 5081.0001 + 5081.0001)/6000 − 1, then the
	// value's own changes, no flows: V_end / V_first × (V_first / 6000) − 1.
	vEnd := 100*69.410004 + 6000 - 100*50.810001 - 10 + dividends
	if got, want := p.CumulativeReturn[last], vEnd/6000-1; !closeTo(got, want) {
		t.Errorf("TWR = %v, want %v", got, want)
	}
}

func closeTo(a, b float64) bool {
	d := a - b
	return d < 1e-9*(1+b) && -d < 1e-9*(1+b)
}

func index(t *testing.T, dates []time.Time, day string) int {
	t.Helper()
	for i, d := range dates {
		if d.Format(time.DateOnly) == day {
			return i
		}
	}
	t.Fatalf("%s not in the calendar", day)
	return -1
}
