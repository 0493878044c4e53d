package yahoo

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/shared"

	"github.com/gofolio/gofolio/quotes"
)

func parse(t *testing.T, body string) (*quotes.Series, error) {
	t.Helper()
	return ParseChart(strings.NewReader(body))
}

// 2020-08-31 13:30 UTC is 09:30 in New York; 2020-09-01 likewise.
const (
	ts0831 = "1598880600"
	ts0901 = "1598967000"
	ts0902 = "1599053400"
)

func TestParseChartNullsEventsAndDuplicates(t *testing.T) {
	body := `{"chart":{"result":[{"meta":{"currency":"USD","symbol":"AAPL","exchangeTimezoneName":"America/New_York","gmtoffset":-14400},
	"timestamp":[` + ts0831 + `,` + ts0901 + `,` + ts0902 + `,1599076800],
	"events":{"dividends":{"` + ts0901 + `":{"amount":0.205,"date":` + ts0901 + `}},
	          "splits":{"` + ts0831 + `":{"date":` + ts0831 + `,"numerator":4,"denominator":1,"splitRatio":"4:1"}}},
	"indicators":{"quote":[{"close":[129.04,null,131.4,132.5]}]}}],"error":null}}`
	s, err := parse(t, body)
	if err != nil {
		t.Fatal(err)
	}
	// 2020-09-01 has a null close: dropped. 1599076800 is 2020-09-02 20:00
	// UTC = 16:00 New York, a second row for 2020-09-02: the last wins.
	wantDates := []time.Time{quotes.Date(2020, 8, 31), quotes.Date(2020, 9, 2)}
	wantClose := []float64{129.04, 132.5}
	if len(s.Dates) != 2 || s.Dates[0] != wantDates[0] || s.Dates[1] != wantDates[1] ||
		s.Close[0] != wantClose[0] || s.Close[1] != wantClose[1] {
		t.Fatalf("got %v %v, want %v %v", s.Dates, s.Close, wantDates, wantClose)
	}
	if len(s.Dividends) != 1 || s.Dividends[0] != (quotes.Dividend{Date: quotes.Date(2020, 9, 1), Amount: 0.205}) {
		t.Errorf("dividends %v", s.Dividends)
	}
	if len(s.Splits) != 1 || s.Splits[0] != (quotes.Split{Date: quotes.Date(2020, 8, 31), Numerator: 4, Denominator: 1}) {
		t.Errorf("splits %v", s.Splits)
	}
	if s.Symbol != "AAPL" || s.Currency != "USD" || s.Timezone != "America/New_York" {
		t.Errorf("meta %q %q %q", s.Symbol, s.Currency, s.Timezone)
	}
	if err := s.Validate(); err != nil {
		t.Error(err)
	}
}

func TestParseChartExchangeDay(t *testing.T) {
	// 1577919600 is 2020-01-01 23:00 UTC: 2020-01-02 in Tokyo (UTC+9),
	// 2020-01-01 in UTC. With an unknown zone name the gmtoffset (+9h) is
	// used instead.
	for _, tc := range []struct {
		zone, offset string
		want         time.Time
		wantZone     string
	}{
		{"Asia/Tokyo", "32400", quotes.Date(2020, 1, 2), "Asia/Tokyo"},
		{"UTC", "0", quotes.Date(2020, 1, 1), "UTC"},
		{"Mars/Olympus", "32400", quotes.Date(2020, 1, 2), ""},
	} {
		s, err := parse(t, `{"chart":{"result":[{"meta":{"currency":"JPY","symbol":"7203.T","exchangeTimezoneName":"`+tc.zone+`","gmtoffset":`+tc.offset+`},
			"timestamp":[1577919600],"indicators":{"quote":[{"close":[7000]}]}}],"error":null}}`)
		if err != nil {
			t.Fatal(err)
		}
		if s.Dates[0] != tc.want || s.Timezone != tc.wantZone {
			t.Errorf("%s: day %v zone %q, want %v %q", tc.zone, s.Dates[0], s.Timezone, tc.want, tc.wantZone)
		}
	}
}

func TestParseChartErrors(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		is         error  // sentinel the error must match, or nil
		msg        string // text the error must contain
	}{
		{"not found", `{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}`,
			quotes.ErrUnknownSymbol, "symbol may be delisted"},
		{"no data in range", `{"chart":{"result":null,"error":{"code":"Bad Request","description":"Data doesn't exist for startDate = 1, endDate = 2"}}}`,
			quotes.ErrNoData, "Data doesn't exist"},
		{"empty result", `{"chart":{"result":[],"error":null}}`, quotes.ErrNoData, "no result"},
		{"null result", `{"chart":{"result":[null],"error":null}}`, quotes.ErrNoData, "no result"},
		{"short closes", `{"chart":{"result":[{"meta":{"symbol":"X"},"timestamp":[1598880600,1598967000],"indicators":{"quote":[{"close":[1]}]}}]}}`,
			nil, "2 timestamps but 1 closes"},
		{"no timestamps", `{"chart":{"result":[{"meta":{"symbol":"X"},"indicators":{"quote":[{"close":[1]}]}}]}}`,
			nil, "0 timestamps but 1 closes"},
		{"no quote", `{"chart":{"result":[{"meta":{"symbol":"X"},"timestamp":[1598880600],"indicators":{"quote":[]}}]}}`,
			nil, "no quote indicators"},
		{"null timestamp", `{"chart":{"result":[{"meta":{"symbol":"X"},"timestamp":[null],"indicators":{"quote":[{"close":[1]}]}}]}}`,
			nil, "has no timestamp"},
		{"absurd timestamp", `{"chart":{"result":[{"meta":{"symbol":"X"},"timestamp":[99999999999999],"indicators":{"quote":[{"close":[1]}]}}]}}`,
			nil, "outside 1900-2200"},
		{"truncated", `{"chart":{"result":[{"meta":{"symbol":"X"},"timestamp":[159888`, nil, "malformed"},
		{"not json", `<html>Will be right back</html>`, nil, "malformed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := parse(t, tc.body)
			if err == nil {
				t.Fatalf("no error; got %+v", s)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("%v does not match %v", err, tc.is)
			}
			if !errors.Is(err, quotes.ErrUnknownSymbol) == (tc.is == quotes.ErrUnknownSymbol) {
				t.Errorf("%v: ErrUnknownSymbol match is wrong", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not contain %q", err, tc.msg)
			}
		})
	}
}

func TestParseChartDropsBadEventsOnly(t *testing.T) {
	// One good dividend and split among bad ones: a "0:0" and a "1:0"
	// split, a split without denominator, a zero and a negative dividend,
	// a null one, and a dividend dated before 1900. Each bad one goes
	// alone, with a reason; the closes and the good events stay.
	body := `{"chart":{"result":[{"meta":{"currency":"USD","symbol":"AAPL","exchangeTimezoneName":"America/New_York","gmtoffset":-14400},
	"timestamp":[` + ts0831 + `,` + ts0901 + `],
	"events":{"dividends":{"` + ts0901 + `":{"amount":0.205,"date":` + ts0901 + `},
	                       "1598000000":{"amount":0,"date":1598000000},
	                       "1598100000":{"amount":-1,"date":1598100000},
	                       "1598200000":null,
	                       "-3000000000":{"amount":1}},
	          "splits":{"` + ts0831 + `":{"date":` + ts0831 + `,"numerator":4,"denominator":1},
	                    "1597000000":{"date":1597000000,"numerator":0,"denominator":0},
	                    "1597100000":{"date":1597100000,"numerator":1,"denominator":0},
	                    "1597200000":{"date":1597200000,"numerator":4}}},
	"indicators":{"quote":[{"close":[129.04,130.5]}]}}],"error":null}}`
	s, dropped, err := parseChart(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 2 || len(s.Dividends) != 1 || s.Dividends[0].Amount != 0.205 ||
		len(s.Splits) != 1 || s.Splits[0].Ratio() != 4 {
		t.Errorf("kept %d closes, dividends %v, splits %v", s.Len(), s.Dividends, s.Splits)
	}
	if err := s.Validate(); err != nil {
		t.Error(err)
	}
	want := []string{
		"dropped dividend -3000000000: it has timestamp -3000000000, outside 1900-2200",
		"dropped dividend 1598000000: amount 0 is not a positive number",
		"dropped dividend 1598100000: amount -1 is not a positive number",
		"dropped dividend 1598200000: amount null is not a positive number",
		"dropped split 1597000000: 0:0 is not a ratio of positive numbers",
		"dropped split 1597100000: 1:0 is not a ratio of positive numbers",
		"dropped split 1597200000: 4:null is not a ratio of positive numbers",
	}
	if got := fmt.Sprint(dropped); got != fmt.Sprint(want) {
		t.Errorf("dropped:\n%s\nwant:\n%s", strings.Join(errStrings(dropped), "\n"), strings.Join(want, "\n"))
	}
	// ParseChart gives the same series.
	if s2, err := parse(t, body); err != nil || s2.Len() != 2 || len(s2.Splits) != 1 || len(s2.Dividends) != 1 {
		t.Errorf("ParseChart: %v, %+v", err, s2)
	}
}

func errStrings(errs []error) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

func TestParseChartEmptyRange(t *testing.T) {
	// What Yahoo sends for a range without trading days: meta, no
	// timestamps, an empty quote.
	s, err := parse(t, `{"chart":{"result":[{"meta":{"currency":"EUR","symbol":"SAP.DE","exchangeTimezoneName":"Europe/Berlin"},
		"indicators":{"quote":[{}],"adjclose":[{}]}}],"error":null}}`)
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 0 || s.Currency != "EUR" {
		t.Errorf("got %d days, currency %q", s.Len(), s.Currency)
	}
}

// sharedDir is ../shared/yahoo beside the repository.
func sharedDir(t *testing.T) string { return shared.Path(t, "yahoo") }

func parseFile(t *testing.T, name string) (*quotes.Series, error) {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ParseChart(f)
}

func TestRecordedResponses(t *testing.T) {
	type check func(t *testing.T, s *quotes.Series)
	closeOn := func(d time.Time, want float64) check {
		return func(t *testing.T, s *quotes.Series) {
			if c, ok := s.CloseOn(d); !ok || s.Dates[s.Search(d)] != d || math.Abs(c-want) > 1e-9 {
				t.Errorf("close on %s = %v, want %v", d.Format(time.DateOnly), c, want)
			}
		}
	}
	for _, tc := range []struct {
		file, symbol, currency, zone string
		days                         int
		first, last                  time.Time
		dividends                    []quotes.Dividend
		splits                       []quotes.Split
		checks                       []check
	}{
		{file: "AAPL-2020-08-31-to-2020-11-07.json", symbol: "AAPL", currency: "USD", zone: "America/New_York",
			days: 49, first: quotes.Date(2020, 8, 31), last: quotes.Date(2020, 11, 6),
			dividends: []quotes.Dividend{{Date: quotes.Date(2020, 11, 6), Amount: 0.205}},
			splits:    []quotes.Split{{Date: quotes.Date(2020, 8, 31), Numerator: 4, Denominator: 1}},
			checks:    []check{closeOn(quotes.Date(2020, 8, 31), 129.0399932861328), closeOn(quotes.Date(2020, 11, 6), 118.69000244140625)}},
		{file: "MSFT-dividends-2021-02-01-to-2022-01-31.json", symbol: "MSFT", currency: "USD", zone: "America/New_York",
			days: 252, first: quotes.Date(2021, 2, 1), last: quotes.Date(2022, 1, 28),
			dividends: []quotes.Dividend{{Date: quotes.Date(2021, 2, 17), Amount: 0.56}, {Date: quotes.Date(2021, 5, 19), Amount: 0.56},
				{Date: quotes.Date(2021, 8, 18), Amount: 0.56}, {Date: quotes.Date(2021, 11, 17), Amount: 0.62}}},
		{file: "OCDO.L-2020-01-01-to-2020-01-03.json", symbol: "OCDO.L", currency: "GBp", zone: "Europe/London",
			days: 1, first: quotes.Date(2020, 1, 2), last: quotes.Date(2020, 1, 2),
			checks: []check{closeOn(quotes.Date(2020, 1, 2), 1259.5)}},
		{file: "EURUSD=X-2020-01-01-to-2020-01-03.json", symbol: "EURUSD=X", currency: "USD", zone: "Europe/London",
			days: 3, first: quotes.Date(2020, 1, 1), last: quotes.Date(2020, 1, 3),
			checks: []check{closeOn(quotes.Date(2020, 1, 3), 1.1171437501907349)}},
		// BTC trades on New Year's Day, when no exchange is open; the
		// file holds three calendar days in a row.
		{file: "BTC-USD-2020-01-01-to-2020-01-03.json", symbol: "BTC-USD", currency: "USD", zone: "UTC",
			days: 3, first: quotes.Date(2020, 1, 1), last: quotes.Date(2020, 1, 3),
			checks: []check{closeOn(quotes.Date(2020, 1, 1), 7200.17431640625)}},
		{file: "dividends-TSLA-no-dividends.json", symbol: "TSLA", currency: "USD", zone: "America/New_York",
			days: 3303, first: quotes.Date(2010, 6, 29), last: quotes.Date(2023, 8, 11),
			checks: []check{closeOn(quotes.Date(2010, 6, 29), 1.5926669836044312), closeOn(quotes.Date(2023, 8, 11), 242.64999389648438)}},
	} {
		t.Run(tc.symbol, func(t *testing.T) {
			s, err := parseFile(t, tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(); err != nil {
				t.Error(err)
			}
			if s.Symbol != tc.symbol || s.Currency != tc.currency || s.Timezone != tc.zone {
				t.Errorf("meta %q %q %q, want %q %q %q", s.Symbol, s.Currency, s.Timezone, tc.symbol, tc.currency, tc.zone)
			}
			if s.Len() != tc.days || s.First() != tc.first || s.Last() != tc.last {
				t.Errorf("%d days %s to %s, want %d days %s to %s", s.Len(), s.First().Format(time.DateOnly),
					s.Last().Format(time.DateOnly), tc.days, tc.first.Format(time.DateOnly), tc.last.Format(time.DateOnly))
			}
			if len(s.Dividends) != len(tc.dividends) {
				t.Errorf("dividends %v, want %v", s.Dividends, tc.dividends)
			} else {
				for i := range s.Dividends {
					if s.Dividends[i] != tc.dividends[i] {
						t.Errorf("dividend %d = %v, want %v", i, s.Dividends[i], tc.dividends[i])
					}
				}
			}
			if len(s.Splits) != len(tc.splits) || len(tc.splits) > 0 && s.Splits[0] != tc.splits[0] {
				t.Errorf("splits %v, want %v", s.Splits, tc.splits)
			}
			for _, c := range tc.checks {
				c(t, s)
			}
		})
	}
	for _, name := range []string{"notimestamp-quotes-length.fake.json", "notimestamp-weird-quote.fake.json"} {
		t.Run(name, func(t *testing.T) {
			_, err := parseFile(t, name)
			if err == nil || !strings.Contains(err.Error(), "0 timestamps but 1 closes") {
				t.Errorf("got %v, want an error about 0 timestamps but 1 closes", err)
			}
		})
	}
}
