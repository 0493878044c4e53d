package fx

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// USD is the currency through which a Converter crosses two currencies that
// no series links directly.
const USD = "USD"

// Pair is the history of one exchange rate: on Dates[i], one unit of Base is
// worth Rates[i] units of Quote. In market notation that is the Base/Quote
// rate, so GBP/USD 1.25 means 1 GBP = 1.25 USD. Dates are days (see
// quotes.Day), strictly ascending; days without a published rate are
// simply absent.
type Pair struct {
	Base, Quote string
	Dates       []time.Time
	Rates       []float64
}

// String gives the pair in market notation, e.g. "GBP/USD".
func (p Pair) String() string { return p.Base + "/" + p.Quote }

// rateSeries is a validated Pair in major units, with its dates as Unix
// seconds so that the hot loop compares integers.
type rateSeries struct {
	base, quote string
	days        []int64
	rates       []float64
}

func (s *rateSeries) name() string { return s.base + "/" + s.quote }

// first is the first day with a rate.
func (s *rateSeries) first() time.Time { return time.Unix(s.days[0], 0).UTC() }

// Converter converts amounts between currencies on each date from a set of
// rate series. It is immutable once built and safe for concurrent use.
//
// The multiplier that takes an amount in currency F to currency T on day d
// is found in this order, F' and T' being the major currencies of F and T
// and f, t the values of one F and one T in them (see Major):
//
//	same major (F' = T'):      f / t
//	direct pair F'/T':         f / t × r(F'/T', d)
//	inverse pair T'/F':        f / t × 1 / r(T'/F', d)
//	cross through USD:         f / t × r(F'→USD, d) × r(USD→T', d)
//
// where r(P, d) is the rate of P on the last day on or before d that has
// one (forward fill), and each leg of a cross is itself direct or inverse
// and forward-filled on its own. A date before the first rate of a needed
// leg is an error; a date after the last rate uses the last rate.
type Converter struct {
	pairs map[[2]string]*rateSeries
	known map[string]bool
}

// NewConverter validates pairs and returns a Converter over them. It reports
// every problem at once: a currency that is not a code, a pair of a
// currency with itself, dates not strictly ascending, a rate that is not
// positive and finite, Dates and Rates of different lengths, an empty pair,
// and the same pair given twice (in either direction). Pairs quoted in a
// minor unit are rescaled to the major one: a GBp/USD rate r becomes a
// GBP/USD rate r / 0.01.
func NewConverter(pairs ...Pair) (*Converter, error) {
	c := &Converter{pairs: make(map[[2]string]*rateSeries, len(pairs)), known: make(map[string]bool)}
	var errs []error
	for _, p := range pairs {
		s, err := newRateSeries(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		key, inverse := [2]string{s.base, s.quote}, [2]string{s.quote, s.base}
		if _, dup := c.pairs[key]; dup {
			errs = append(errs, fmt.Errorf("fx: pair %s given twice", s.name()))
			continue
		}
		if _, dup := c.pairs[inverse]; dup {
			errs = append(errs, fmt.Errorf("fx: pair %s given along with its inverse %s/%s", s.name(), s.quote, s.base))
			continue
		}
		c.pairs[key] = s
		c.known[s.base], c.known[s.quote] = true, true
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

func newRateSeries(p Pair) (*rateSeries, error) {
	var errs []error
	base, bf, okBase := Major(p.Base)
	quote, qf, okQuote := Major(p.Quote)
	if !okBase {
		errs = append(errs, fmt.Errorf("fx: pair %s: base %q is not a currency code", p, p.Base))
	}
	if !okQuote {
		errs = append(errs, fmt.Errorf("fx: pair %s: quote %q is not a currency code", p, p.Quote))
	}
	if okBase && okQuote && base == quote {
		errs = append(errs, fmt.Errorf("fx: pair %s converts %s to itself", p, base))
	}
	if len(p.Dates) != len(p.Rates) {
		errs = append(errs, fmt.Errorf("fx: pair %s: %d dates but %d rates", p, len(p.Dates), len(p.Rates)))
	} else if len(p.Dates) == 0 {
		errs = append(errs, fmt.Errorf("fx: pair %s has no rates", p))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	// 1 Base = r Quote, 1 Base = bf Base', 1 Quote = qf Quote', so
	// 1 Base' = r × qf / bf Quote'.
	scale := qf / bf
	s := &rateSeries{base: base, quote: quote, days: make([]int64, len(p.Dates)), rates: make([]float64, len(p.Rates))}
	for i, d := range p.Dates {
		day := quotes.Day(d)
		s.days[i] = day.Unix()
		if i > 0 && s.days[i] <= s.days[i-1] {
			errs = append(errs, fmt.Errorf("fx: pair %s: dates not strictly ascending at %s", p, day.Format(time.DateOnly)))
		}
		r := p.Rates[i]
		if !(r > 0) || math.IsInf(r, 0) {
			errs = append(errs, fmt.Errorf("fx: pair %s: rate %v on %s is not a positive number", p, r, day.Format(time.DateOnly)))
		}
		s.rates[i] = r * scale
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// Currencies lists the major currencies that some pair mentions, sorted.
// Their minor units (see Major) are convertible too.
func (c *Converter) Currencies() []string {
	out := make([]string, 0, len(c.known))
	for k := range c.known {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// leg is one step of a conversion: multiply by the pair's rate, or divide by
// it when the pair is quoted the other way round.
type leg struct {
	s      *rateSeries
	divide bool
}

// route works out how to convert from to to: a constant factor for minor
// units and zero, one or two legs.
func (c *Converter) route(from, to string) (factor float64, legs []leg, err error) {
	fromMajor, ff, okFrom := Major(from)
	toMajor, tf, okTo := Major(to)
	var bad []string
	if !okFrom {
		bad = append(bad, fmt.Sprintf("%q is not a currency code", from))
	}
	if !okTo {
		bad = append(bad, fmt.Sprintf("%q is not a currency code", to))
	}
	if len(bad) > 0 {
		return 0, nil, &Error{From: from, To: to, Err: fmt.Errorf("%w: %s", ErrUnknownCurrency, strings.Join(bad, "; "))}
	}
	factor = ff / tf
	if fromMajor == toMajor {
		return factor, nil, nil
	}
	for _, m := range []string{fromMajor, toMajor} {
		if !c.known[m] {
			bad = append(bad, m)
		}
	}
	if len(bad) > 0 {
		known := "none: the converter has no rates"
		if len(c.known) > 0 {
			known = strings.Join(c.Currencies(), ", ")
		}
		return 0, nil, &Error{From: from, To: to,
			Err: fmt.Errorf("%w %s (known: %s)", ErrUnknownCurrency, strings.Join(bad, " and "), known)}
	}
	if l, ok := c.leg(fromMajor, toMajor); ok {
		return factor, []leg{l}, nil
	}
	toUSD, ok1 := c.leg(fromMajor, USD)
	fromUSD, ok2 := c.leg(USD, toMajor)
	if ok1 && ok2 {
		return factor, []leg{toUSD, fromUSD}, nil
	}
	return 0, nil, &Error{From: from, To: to,
		Err: fmt.Errorf("%w: no series links %s and %s, directly or through %s", ErrNoRate, fromMajor, toMajor, USD)}
}

// leg finds the series converting major currency a to major currency b
// directly; a == b needs no leg and counts as found.
func (c *Converter) leg(a, b string) (leg, bool) {
	if s, ok := c.pairs[[2]string{a, b}]; ok {
		return leg{s: s}, true
	}
	if s, ok := c.pairs[[2]string{b, a}]; ok {
		return leg{s: s, divide: true}, true
	}
	return leg{}, false
}

// Rates returns, for each of dates, the number by which an amount in
// currency from is multiplied to express it in currency to, following the
// rules documented on Converter. Each date stands for its calendar day in
// its own location (see quotes.Day), whatever its time of day. Dates need
// not be sorted, but sorted dates take one merge walk over each leg,
// O(len(dates) + len(rates)), instead of a binary search per date.
//
// Errors are *Error: an unknown currency (the message lists the known
// ones), two currencies with no route, or a date before the first rate of a
// needed leg (the message gives the earliest such date and where the
// rates start).
func (c *Converter) Rates(from, to string, dates []time.Time) ([]float64, error) {
	factor, legs, err := c.route(from, to)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(dates))
	for i := range out {
		out[i] = factor
	}
	if len(legs) == 0 {
		return out, nil
	}
	// Rates are keyed by day, so each date counts as its calendar day (see
	// quotes.Day), whatever its time of day or location: 2020-01-02 00:00
	// in UTC+1 is 2020-01-01 23:00 UTC but has the rate of January 2.
	days := make([]int64, len(dates))
	for i, d := range dates {
		days[i] = quotes.Day(d).Unix()
	}
	sorted := slices.IsSorted(days)
	for _, l := range legs {
		if bad := l.apply(out, days, sorted); bad >= 0 {
			return nil, c.noRateError(from, to, l.s, days)
		}
	}
	return out, nil
}

// apply multiplies out[i] by the leg's rate on day dates[i] (Unix seconds
// of a quotes.Day), that is the last rate on or before it. Ascending days
// are walked together with the rate days, O(n + m); days in any other order
// take a binary search each. It returns the index of a day that has no rate
// on or before it, or -1.
func (l leg) apply(out []float64, dates []int64, sorted bool) int {
	days, rates := l.s.days, l.s.rates
	j := -1
	for i, t := range dates {
		if sorted {
			for j+1 < len(days) && days[j+1] <= t {
				j++
			}
		} else {
			j = sort.Search(len(days), func(k int) bool { return days[k] > t }) - 1
		}
		if j < 0 {
			return i
		}
		if l.divide {
			out[i] /= rates[j]
		} else {
			out[i] *= rates[j]
		}
	}
	return -1
}

// noRateError names the earliest of days (as in apply) that precedes the
// series s, and how many do.
func (c *Converter) noRateError(from, to string, s *rateSeries, days []int64) error {
	first := s.days[0]
	var earliest int64
	n := 0
	for _, d := range days {
		if d < first {
			if n == 0 || d < earliest {
				earliest = d
			}
			n++
		}
	}
	more := ""
	if n > 1 {
		more = fmt.Sprintf(" (nor on %d later dates)", n-1)
	}
	return &Error{From: from, To: to, Date: time.Unix(earliest, 0).UTC(),
		Err: fmt.Errorf("%w on or before that date%s: the %s rate starts on %s",
			ErrNoRate, more, s.name(), s.first().Format(time.DateOnly))}
}

// Rate is the multiplier from currency from to currency to on date (see
// Rates).
func (c *Converter) Rate(from, to string, date time.Time) (float64, error) {
	r, err := c.Rates(from, to, []time.Time{date})
	if err != nil {
		return 0, err
	}
	return r[0], nil
}

// Convert expresses amount, in currency from, in currency to on date:
// amount × Rate(from, to, date).
func (c *Converter) Convert(amount float64, from, to string, date time.Time) (float64, error) {
	r, err := c.Rate(from, to, date)
	if err != nil {
		return 0, err
	}
	return amount * r, nil
}

// ConvertSeries returns values[i] × Rates(from, to, dates)[i] for each i in
// a new slice; values and dates must have the same length.
func (c *Converter) ConvertSeries(values []float64, dates []time.Time, from, to string) ([]float64, error) {
	if len(values) != len(dates) {
		return nil, fmt.Errorf("fx: converting %s to %s: %d values but %d dates", from, to, len(values), len(dates))
	}
	rates, err := c.Rates(from, to, dates)
	if err != nil {
		return nil, err
	}
	for i, v := range values {
		rates[i] *= v
	}
	return rates, nil
}
