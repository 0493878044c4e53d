package analysis

import (
	"fmt"
	"sort"
	"time"

	"github.com/gofolio/gofolio/portfolio"
)

// holdingsOn is res.Positions on date, the last date of the window.
//
// The day is found by date in the holdings frame, not by index: the
// window's frame may be part of the history and the holdings frame the
// whole of it, so an index into one is not one into the other.
func holdingsOn(res *portfolio.Result, date time.Time) ([]portfolio.Position, error) {
	h := res.Holdings
	d := sort.Search(len(h.Dates), func(i int) bool { return !h.Dates[i].Before(date) })
	if d == len(h.Dates) || !h.Dates[d].Equal(date) {
		return nil, fmt.Errorf("the holdings frame has no row for the performance frame's last date %s", date.Format(time.DateOnly))
	}
	return res.Positions(d)
}

// cashByCurrency converts each currency's cash on day (one date) to the
// reporting currency with res.Rates, keyed by the currency held; nil when
// that needs rates that are not there.
func cashByCurrency(res *portfolio.Result, day []time.Time) map[string]float64 {
	out := map[string]float64{}
	d := sort.Search(len(res.Holdings.Dates), func(i int) bool { return !res.Holdings.Dates[i].Before(day[0]) })
	for c, balances := range res.Cash {
		if d >= len(balances) || balances[d] == 0 {
			continue
		}
		v := balances[d]
		if c != res.Currency {
			if res.Rates == nil {
				return nil
			}
			r, err := res.Rates.Rates(c, res.Currency, day)
			if err != nil || len(r) != 1 {
				return nil
			}
			v *= r[0]
		}
		out[c] += v
	}
	return out
}

// cashHeld is each currency's cash balance on day (one date), in that
// currency, keyed by the currency held; balances of zero are left out.
func cashHeld(res *portfolio.Result, day time.Time) map[string]float64 {
	out := map[string]float64{}
	d := sort.Search(len(res.Holdings.Dates), func(i int) bool { return !res.Holdings.Dates[i].Before(day) })
	for c, balances := range res.Cash {
		if d < len(balances) && balances[d] != 0 {
			out[c] = balances[d]
		}
	}
	return out
}

// YearAmount is an amount of one calendar year, in the reporting currency.
type YearAmount struct {
	Year   int
	Amount float64
}

// dividendsByYear is the dividends received in each calendar year of
// dates (the window's), in the reporting currency:
//
//	D(y) = Σ_s dividends to date of s on y's last date
//	     − Σ_s dividends to date of s on the date before y (before the
//	       window, for its first year; 0 when there is none),
//
// with the holdings frame's dividends-to-date column, so a symbol sold out
// keeps the dividends it paid. Years without a dividend have 0.
func dividendsByYear(res *portfolio.Result, dates []time.Time) []YearAmount {
	h := res.Holdings
	index := func(day time.Time) int {
		return sort.Search(len(h.Dates), func(i int) bool { return !h.Dates[i].Before(day) })
	}
	toDate := func(d int) float64 {
		if d < 0 {
			return 0
		}
		var sum float64
		for s := range h.Symbols {
			sum += h.At(s, d).Dividends
		}
		return sum
	}
	var out []YearAmount
	before := toDate(index(dates[0]) - 1)
	for i, day := range dates {
		if i+1 < len(dates) && dates[i+1].Year() == day.Year() {
			continue // not the year's last date
		}
		now := toDate(index(day))
		out = append(out, YearAmount{Year: day.Year(), Amount: now - before})
		before = now
	}
	return out
}
