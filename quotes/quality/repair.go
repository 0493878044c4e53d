package quality

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// Change is one row Repair changed.
type Change struct {
	Symbol string
	Date   time.Time
	// What is "close", "dividend", "split" (added: Old 0, New its ratio)
	// or "row" (dropped: New 0).
	What     string
	Old, New float64
	Why      Kind
}

// String is the change on one line, values to 10 significant digits.
func (c Change) String() string {
	switch c.What {
	case "split":
		return fmt.Sprintf("%s %s: split of ratio %g added (%s)", c.Symbol, c.Date.Format(time.DateOnly), c.New, c.Why)
	case "row":
		return fmt.Sprintf("%s %s: row with close %.10g dropped (%s)", c.Symbol, c.Date.Format(time.DateOnly), c.Old, c.Why)
	}
	return fmt.Sprintf("%s %s: %s %.10g -> %.10g (%s)", c.Symbol, c.Date.Format(time.DateOnly), c.What, c.Old, c.New, c.Why)
}

// Repair returns series with the Repairable findings fixed, and every row
// it changed. The repaired series are copies; the others are the same
// pointers as in series, which is never changed. Findings whose symbol is
// not in series, or not Repairable, are left alone.
func Repair(series map[string]*quotes.Series, findings []Finding) (map[string]*quotes.Series, []Change) {
	out := maps.Clone(series)
	var log []Change
	bySymbol := map[string][]Finding{}
	for _, f := range findings {
		if f.Repairable {
			bySymbol[f.Symbol] = append(bySymbol[f.Symbol], f)
		}
	}
	for _, key := range sortedKeys(series) {
		s := series[key]
		if s == nil {
			continue
		}
		fs := bySymbol[key]
		if s.Symbol != "" && s.Symbol != key {
			fs = append(fs, bySymbol[s.Symbol]...)
		}
		if len(fs) == 0 {
			continue
		}
		c := clone(s)
		for _, f := range fs {
			log = append(log, apply(c, f)...)
		}
		out[key] = c
	}
	return out, log
}

func clone(s *quotes.Series) *quotes.Series {
	c := *s
	c.Dates, c.Close = slices.Clone(s.Dates), slices.Clone(s.Close)
	c.Dividends, c.Splits = slices.Clone(s.Dividends), slices.Clone(s.Splits)
	return &c
}

// apply makes one finding's fix on c, a copy, and lists the rows changed.
func apply(c *quotes.Series, f Finding) []Change {
	sym := f.Symbol
	var log []Change
	in := func(d time.Time) bool {
		return (f.fix.scaleFrom.IsZero() || !d.Before(f.fix.scaleFrom)) && !d.After(f.fix.scaleTo)
	}
	if f.fix.scale != 0 {
		for i := range min(len(c.Dates), len(c.Close)) {
			if in(c.Dates[i]) {
				old := c.Close[i]
				c.Close[i] *= f.fix.scale
				log = append(log, Change{sym, c.Dates[i], "close", old, c.Close[i], f.Kind})
			}
		}
		for i := range c.Dividends {
			if f.fix.scaleDividends && in(c.Dividends[i].Date) {
				old := c.Dividends[i].Amount
				c.Dividends[i].Amount *= f.fix.scale
				log = append(log, Change{sym, c.Dividends[i].Date, "dividend", old, c.Dividends[i].Amount, f.Kind})
			}
		}
	}
	if sp := f.fix.split; sp != nil {
		c.Splits = append(c.Splits, *sp)
		slices.SortStableFunc(c.Splits, func(a, b quotes.Split) int { return a.Date.Compare(b.Date) })
		log = append(log, Change{sym, sp.Date, "split", 0, sp.Ratio(), f.Kind})
	}
	if f.fix.drop {
		log = append(log, dropNotPositive(c, f)...)
	}
	return log
}

// dropNotPositive drops the rows from f.From to f.To whose close is not a
// positive finite price.
func dropNotPositive(c *quotes.Series, f Finding) []Change {
	var log []Change
	n := min(len(c.Dates), len(c.Close))
	dates, closes := c.Dates[:0], c.Close[:0]
	for i := range n {
		d, v := c.Dates[i], c.Close[i]
		if !d.Before(f.From) && !d.After(f.To) && !(v > 0 && !math.IsInf(v, 0)) {
			log = append(log, Change{f.Symbol, d, "row", v, 0, f.Kind})
			continue
		}
		dates, closes = append(dates, d), append(closes, v)
	}
	c.Dates, c.Close = dates, closes
	return log
}
