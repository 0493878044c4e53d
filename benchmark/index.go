package benchmark

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// Index is a benchmark's value on each date of the portfolio calendar from
// the first one on which it has a close.
type Index struct {
	Symbol   string
	Currency string // the reporting currency Values are in
	// Dates is calendar[Offset:], the portfolio calendar from its first date
	// on or after the benchmark's first close (it shares calendar's array).
	Dates []time.Time
	// Values[i] is the benchmark's total-return index on the last trading
	// day on or before Dates[i] (forward-filled over its holidays), times
	// the rate from the benchmark's currency to Currency on Dates[i]. Every
	// value is finite and positive. See TotalReturn for the index.
	Values []float64
	Offset int
}

// Len is the number of dates.
func (x *Index) Len() int { return len(x.Dates) }

// Rates converts between currencies, as portfolio.Rates does (and
// *fx.Converter implements it): the number an amount in from is multiplied
// by to express it in to, for each of dates. It is declared here so that
// benchmark does not import the engine.
type Rates interface {
	Rates(from, to string, dates []time.Time) ([]float64, error)
}

// Align lays series over calendar (ascending days, such as
// perf.Frame.Dates) in currency. The series' TotalReturn index
// (dividends reinvested, raw splits undone, so that it compares with a
// portfolio's TWR, which includes dividends) is converted at each
// calendar date's rate from rates; rates may be nil when series is already
// in currency. Calendar dates before the series' first close are left out
// (see Index.Offset); dates after its last close carry the last close.
func Align(series *quotes.Series, calendar []time.Time, currency string, rates Rates) (*Index, error) {
	if series == nil {
		return nil, errors.New("benchmark: nil series")
	}
	if err := series.Validate(); err != nil {
		return nil, fmt.Errorf("benchmark: %w", err)
	}
	if err := ascending(calendar); err != nil {
		return nil, fmt.Errorf("benchmark: %s: calendar: %w", series.Symbol, err)
	}
	if series.Len() == 0 {
		return nil, fmt.Errorf("benchmark: %s: %w", series.Symbol, quotes.ErrNoData)
	}
	off := sort.Search(len(calendar), func(i int) bool { return !calendar[i].Before(series.First()) })
	if off == len(calendar) {
		return nil, fmt.Errorf("benchmark: %s: first close %s is after the last calendar date: %w",
			series.Symbol, series.First().Format(time.DateOnly), quotes.ErrNoData)
	}
	dates := calendar[off:]
	x := &Index{Symbol: series.Symbol, Currency: currency, Dates: dates, Values: make([]float64, len(dates)), Offset: off}
	tr := TotalReturn(series)
	j := 0
	for i, d := range dates {
		for j+1 < series.Len() && !series.Dates[j+1].After(d) {
			j++
		}
		x.Values[i] = tr[j]
	}
	if series.Currency == currency {
		return x, nil
	}
	if rates == nil {
		return nil, fmt.Errorf("benchmark: %s: quoted in %q, reporting in %q, and no rates given", series.Symbol, series.Currency, currency)
	}
	r, err := rates.Rates(series.Currency, currency, dates)
	if err != nil {
		return nil, fmt.Errorf("benchmark: %s: converting %s to %s: %w", series.Symbol, series.Currency, currency, err)
	}
	if len(r) != len(dates) {
		return nil, fmt.Errorf("benchmark: %s: %d rates %s→%s for %d dates", series.Symbol, len(r), series.Currency, currency, len(dates))
	}
	for i := range x.Values {
		if !(r[i] > 0) || math.IsInf(r[i], 0) {
			return nil, fmt.Errorf("benchmark: %s: rate %s→%s on %s is %v, not a positive number",
				series.Symbol, series.Currency, currency, dates[i].Format(time.DateOnly), r[i])
		}
		x.Values[i] *= r[i]
	}
	return x, nil
}

// TotalReturn is the total-return index of s on its own dates, equal to
// the close on the first one:
//
//	TR[0] = Close[0]
//	TR[k] = TR[k−1] × (Close[k] + D[k]) × S[k] / Close[k−1]
//
// where D[k] is the dividend per share with an ex-date in
// (Dates[k−1], Dates[k]] and S[k] the ratio of the splits in that interval
// when s is not SplitAdjusted (a split-adjusted series has no jump to undo:
// S[k] = 1). Dividends are reinvested at the ex-date close. For a price
// index without dividend events (such as ^DJI) it is the close itself.
func TotalReturn(s *quotes.Series) []float64 {
	tr := make([]float64, s.Len())
	if s.Len() == 0 {
		return tr
	}
	tr[0] = s.Close[0]
	dv, sp := 0, 0
	for dv < len(s.Dividends) && !s.Dividends[dv].Date.After(s.Dates[0]) {
		dv++
	}
	for sp < len(s.Splits) && !s.Splits[sp].Date.After(s.Dates[0]) {
		sp++
	}
	for k := 1; k < s.Len(); k++ {
		d, ratio := 0.0, 1.0
		for ; dv < len(s.Dividends) && !s.Dividends[dv].Date.After(s.Dates[k]); dv++ {
			d += s.Dividends[dv].Amount
		}
		for ; sp < len(s.Splits) && !s.Splits[sp].Date.After(s.Dates[k]); sp++ {
			if !s.SplitAdjusted {
				ratio *= s.Splits[sp].Ratio()
			}
		}
		tr[k] = tr[k-1] * (s.Close[k] + d) * ratio / s.Close[k-1]
	}
	return tr
}

// ascending reports the first date that is not after its predecessor.
func ascending(dates []time.Time) error {
	if len(dates) == 0 {
		return errors.New("no dates")
	}
	for i := 1; i < len(dates); i++ {
		if !dates[i].After(dates[i-1]) {
			return fmt.Errorf("dates not strictly ascending at %s (index %d)", dates[i].Format(time.DateOnly), i)
		}
	}
	return nil
}

// Rebase is the cumulative return of values relative to values[from]:
//
//	out[i] = values[i] / values[from] − 1,
//
// 0 at from, and negative-time returns before it. Every out[i] is NaN when
// from is out of range or values[from] is not positive and finite.
func Rebase(values []float64, from int) []float64 {
	out := make([]float64, len(values))
	if from < 0 || from >= len(values) || !(values[from] > 0) || math.IsInf(values[from], 0) {
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	base := values[from]
	for i, v := range values {
		out[i] = v/base - 1
	}
	return out
}

// CumulativeReturn is Rebase(values, i) for i the last date on or before
// start (the value in force at start), or the first date when start
// precedes them all: a chart whose range starts at start shows 0 there.
func CumulativeReturn(dates []time.Time, values []float64, start time.Time) []float64 {
	i := sort.Search(len(dates), func(i int) bool { return dates[i].After(start) }) - 1
	return Rebase(values, max(i, 0))
}

// Returns is the simple return of each step of values,
//
//	out[i] = values[i+1] / values[i] − 1,  len(out) = len(values) − 1,
//
// NaN where values[i] is not positive.
func Returns(values []float64) []float64 {
	if len(values) < 2 {
		return nil
	}
	out := make([]float64, len(values)-1)
	for i := range out {
		if values[i] > 0 {
			out[i] = values[i+1]/values[i] - 1
		} else {
			out[i] = math.NaN()
		}
	}
	return out
}
