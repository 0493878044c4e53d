package yahoo

import (
	"bytes"
	"testing"
)

// FuzzParseChart feeds arbitrary bodies to the chart parser: it must never
// panic, and whatever it accepts must be a valid series. Seeds live in
// testdata/fuzz/FuzzParseChart (hand-made malformed bodies and crashers
// kept as regression seeds).
func FuzzParseChart(f *testing.F) {
	f.Add([]byte(`{"chart":{"result":[{"meta":{"currency":"USD","symbol":"AAPL","exchangeTimezoneName":"America/New_York","gmtoffset":-14400},"timestamp":[1598880600,1598967000],"events":{"dividends":{"1598967000":{"amount":0.2,"date":1598967000}},"splits":{"1598880600":{"date":1598880600,"numerator":4,"denominator":1}}},"indicators":{"quote":[{"close":[129.04,null]}]}}],"error":null}}`))
	f.Add([]byte(`{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		s, err := ParseChart(bytes.NewReader(body))
		if err != nil {
			return
		}
		if s.Symbol == "" {
			s.Symbol = "X" // Validate wants one; the parser keeps Yahoo's
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("accepted an invalid series: %v", err)
		}
	})
}
