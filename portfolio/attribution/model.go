package attribution

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/quotes"
)

// Model is a model portfolio given as weights (a rebalancing targets file,
// rebalance.Targets): Weights maps a symbol, or Cash, to its fraction of
// the value (finite, 0 to 1, adding up to 1 within 1e-4, as
// rebalance.SumTolerance allows; they are scaled to add up to 1 when they
// do not within rounding).
// The model is rebalanced to them at every close.
type Model struct {
	Name    string
	Weights map[string]float64
}

// ModelDaily is a model's day-by-day returns over a calendar, in the
// reporting currency. On day t, with r[s,t] symbol s's total return
// (benchmark.Align's index, dividends reinvested, converted at each day's
// rate: Level[t]/Level[t−1] − 1) and w[s] its weight, the model's return
// is
//
//	R[t] = Σ_s w[s] r[s,t]        (the cash's r = 0)
//
// since the model holds the weights at every close; none on the first
// date, the model's start. Its index is Level[t] = Π_{u≤t}(1 + R[u]),
// Level[0] = 1, and its TWR over the calendar Level[last] − 1.
type ModelDaily struct {
	Name     string
	Currency string
	Dates    []time.Time
	// Symbols are the model's symbols of positive weight, sorted, Cash
	// last when it has a weight; Weights theirs (adding up to 1) and
	// Returns their r[s,t] ([symbol][day], 0 on the first day).
	Symbols []string
	Weights []float64
	Returns [][]float64
	// Return is R[t] and Level the model's index.
	Return, Level []float64
}

// NewModel lays the model over dates (ascending, such as a Daily's or a
// performance window's) in currency: each symbol of positive weight from
// series (symbol → its market data; the cash needs none), converted with
// rates (nil when every series is in currency). It reports every problem at
// once: a weight that is not a finite fraction, weights that do not add up
// to 1, a symbol without series, or whose first close is after dates[0]
// (the model could not hold it from its start).
func NewModel(m Model, series map[string]*quotes.Series, dates []time.Time, currency string, rates benchmark.Rates) (*ModelDaily, error) {
	if len(dates) == 0 {
		return nil, errors.New("attribution: model: no date to lay the model over")
	}
	syms, weights, err := modelWeights(m)
	if err != nil {
		return nil, err
	}
	md := &ModelDaily{Name: m.Name, Currency: currency, Dates: dates, Symbols: syms, Weights: weights}
	var errs []error
	for _, s := range syms {
		r, err := symbolReturns(s, series[s], dates, currency, rates)
		if err != nil {
			errs = append(errs, fmt.Errorf("attribution: model %s: %w", m.Name, err))
		}
		md.Returns = append(md.Returns, r)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	md.Return, md.Level = make([]float64, len(dates)), make([]float64, len(dates))
	md.Level[0] = 1
	for t := 1; t < len(dates); t++ {
		for k, w := range md.Weights {
			md.Return[t] += w * md.Returns[k][t]
		}
		md.Level[t] = md.Level[t-1] * (1 + md.Return[t])
	}
	return md, nil
}

// modelWeights checks the model's weights and lists those above 0, by
// symbol with Cash last, scaled to add up to 1 (unless their sum is 1
// within rounding, 1e-12: then as given).
func modelWeights(m Model) ([]string, []float64, error) {
	var errs []error
	var syms []string
	var sum float64
	for s, w := range m.Weights {
		switch {
		case s == "":
			errs = append(errs, fmt.Errorf("attribution: model %s: a blank symbol (weight %g): want a symbol or %s", m.Name, w, Cash))
		case !(w >= 0 && w <= 1):
			errs = append(errs, fmt.Errorf("attribution: model %s: %s's weight is %g: want a fraction from 0 to 1", m.Name, s, w))
		case w > 0:
			syms = append(syms, s)
		}
	}
	sort.Slice(syms, func(a, b int) bool {
		if ca, cb := syms[a] == Cash, syms[b] == Cash; ca != cb {
			return cb
		}
		return syms[a] < syms[b]
	})
	for _, s := range syms { // in order: the same sum on every run
		sum += m.Weights[s]
	}
	if len(errs) == 0 && math.Abs(sum-1) > 1e-4 {
		errs = append(errs, fmt.Errorf("attribution: model %s: the weights add up to %g: want 1 (100%%)", m.Name, sum))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	weights := make([]float64, len(syms))
	for k, s := range syms {
		weights[k] = m.Weights[s]
		if math.Abs(sum-1) > 1e-12 { // not a rounding of 1: scaled
			weights[k] /= sum
		}
	}
	return syms, weights, nil
}

// symbolReturns is r[s,t] of sym over dates: 0 for the cash, else its
// benchmark.Align index's daily returns, the series covering dates[0].
func symbolReturns(sym string, s *quotes.Series, dates []time.Time, currency string, rates benchmark.Rates) ([]float64, error) {
	r := make([]float64, len(dates))
	if sym == Cash {
		return r, nil
	}
	if s == nil {
		return nil, fmt.Errorf("%s has no market data", sym)
	}
	idx, err := benchmark.Align(s, dates, currency, rates)
	if err != nil {
		return nil, err
	}
	if idx.Offset > 0 {
		return nil, fmt.Errorf("%s's first close is on %s, after the model's first date %s: want market data from its start",
			sym, day(s.First()), day(dates[0]))
	}
	for t := 1; t < len(dates); t++ {
		r[t] = idx.Values[t]/idx.Values[t-1] - 1
	}
	return r, nil
}

// TWR is the model's time-weighted return over its dates, Level[last] − 1.
func (md *ModelDaily) TWR() float64 { return md.Level[len(md.Level)-1] - 1 }

// Index is the model's index as a benchmark's, on Dates, in Currency,
// starting at start (a portfolio's first value, say; 1 when 0 or less).
func (md *ModelDaily) Index(start float64) *benchmark.Index {
	if !(start > 0) || math.IsInf(start, 0) {
		start = 1
	}
	values := make([]float64, len(md.Level))
	for t, l := range md.Level {
		values[t] = start * l
	}
	return &benchmark.Index{Symbol: md.Name, Currency: md.Currency, Dates: md.Dates, Values: values}
}

// Benchmark is the model by group, for Daily.BrinsonFachler: each group's
// weight W_g = Σ_{s∈g} w[s] and its index, the group's symbols rebalanced
// daily to their weights within it:
//
//	b_g[t] = Σ_{s∈g} w[s] r[s,t] / W_g,   Levels_g[t] = Π_{u≤t}(1 + b_g[u]),
//
// so that Σ_g W_g b_g[t] = R[t], the model's return. A symbol's group is
// group(symbol) (blank: Unclassified; the cash Cash unless group names
// another), as Daily.ByGroup groups the portfolio. The cash's group has a
// return of 0 (a level of 1) even when the model holds no cash, of weight
// 0: the portfolio's cash then shows as allocation, −w × B on a day (its
// drag when the model rose), not as interaction against the model's whole
// return, which a group the benchmark gives no return gets (see
// periodEffects).
func (md *ModelDaily) Benchmark(group func(symbol string) string) Benchmark {
	b := Benchmark{Weights: map[string]float64{}, Levels: map[string][]float64{}}
	sums := map[string][]float64{} // Σ_{s∈g} w r[s,t]
	for k, s := range md.Symbols {
		g := groupOf(group, s)
		b.Weights[g] += md.Weights[k]
		if sums[g] == nil {
			sums[g] = make([]float64, len(md.Dates))
		}
		for t, r := range md.Returns[k] {
			sums[g][t] += md.Weights[k] * r
		}
	}
	for g, sum := range sums {
		lv := make([]float64, len(md.Dates))
		lv[0] = 1
		for t := 1; t < len(lv); t++ {
			lv[t] = lv[t-1] * (1 + sum[t]/b.Weights[g])
		}
		b.Levels[g] = lv
	}
	if cash := groupOf(group, Cash); b.Levels[cash] == nil {
		b.Weights[cash] = 0
		b.Levels[cash] = make([]float64, len(md.Dates))
		for t := range b.Levels[cash] {
			b.Levels[cash][t] = 1
		}
	}
	return b
}
