package fx

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// YahooSymbol is Yahoo Finance's symbol for the base/quote rate: "GBPUSD=X"
// for GBP/USD (USD per GBP) and, when base is USD, the short form "JPY=X"
// for USD/JPY (JPY per USD).
func YahooSymbol(base, quote string) string {
	if base == USD {
		return quote + "=X"
	}
	return base + quote + "=X"
}

// PairFromSeries reads a Yahoo Finance exchange-rate series as a Pair: the
// closes of "EURUSD=X" are USD per EUR (pair EUR/USD), those of "JPY=X" or
// "USDJPY=X" are JPY per USD (pair USD/JPY). The Pair shares s's slices.
func PairFromSeries(s *quotes.Series) (Pair, error) {
	body, ok := strings.CutSuffix(s.Symbol, "=X")
	if !ok || (len(body) != 3 && len(body) != 6) {
		return Pair{}, fmt.Errorf("fx: %q is not a Yahoo exchange-rate symbol such as EURUSD=X or JPY=X", s.Symbol)
	}
	p := Pair{Base: USD, Quote: body, Dates: s.Dates, Rates: s.Close}
	if len(body) == 6 {
		p.Base, p.Quote = body[:3], body[3:]
	}
	for _, c := range []string{p.Base, p.Quote} {
		if n, err := Normalize(c); err != nil || n != c {
			return Pair{}, fmt.Errorf("fx: %q is not a Yahoo exchange-rate symbol: %q is not an upper-case currency code", s.Symbol, c)
		}
	}
	return p, nil
}

// LoadLookback is how many days before the requested start Load fetches
// rates from, so that the first days of the range, if they are holidays
// in the currency market, have a rate to forward-fill from.
const LoadLookback = 14

// Load fetches from src, typically the Yahoo Finance source, the rates
// needed to convert each of currencies (minor units included) and the
// reporting currency into one another, and returns a Converter over them:
// for each major currency other than USD the pair XXX/USD ("GBPUSD=X"), so
// that any two convert through USD. When all of them share one major
// currency (GBp prices reported in GBP), no rate is needed and nothing is
// fetched. Rates are fetched from LoadLookback days before from (unless
// from is zero) to to.
func Load(ctx context.Context, src quotes.Source, reporting string, currencies []string, from, to time.Time) (*Converter, error) {
	majors := make(map[string]bool)
	var bad []string
	for _, c := range append([]string{reporting}, currencies...) {
		m, _, ok := Major(c)
		if !ok {
			bad = append(bad, fmt.Sprintf("%q", c))
			continue
		}
		majors[m] = true
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("fx: loading rates: %w: %s not currency codes", ErrUnknownCurrency, strings.Join(bad, ", "))
	}
	var symbols []string
	for m := range majors {
		// With a single major currency every conversion is a fixed
		// factor (GBp to GBP is 1/100) and needs no pair.
		if m != USD && len(majors) > 1 {
			symbols = append(symbols, YahooSymbol(m, USD))
		}
	}
	if len(symbols) == 0 {
		return NewConverter()
	}
	sort.Strings(symbols)
	if !from.IsZero() {
		from = from.AddDate(0, 0, -LoadLookback)
	}
	series, err := quotes.FetchAll(ctx, src, symbols, from, to)
	if err != nil {
		return nil, fmt.Errorf("fx: loading rates: %w", err)
	}
	pairs := make([]Pair, 0, len(symbols))
	for _, sym := range symbols {
		p, err := PairFromSeries(series[sym])
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, p)
	}
	return NewConverter(pairs...)
}
