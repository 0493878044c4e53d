package portfolio

import (
	"fmt"
	"slices"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// placeOnCalendar builds the calendar and maps every transaction to the day
// it applies on, reporting transactions outside the market data.
func (e *engine) placeOnCalendar() {
	from := toDayNumber(e.txs[0].Date)
	var to dayNumber
	if !e.cfg.To.IsZero() {
		to = toDayNumber(e.cfg.To)
	} else {
		to = toDayNumber(e.txs[len(e.txs)-1].Date)
		for _, s := range e.series {
			if s.Len() > 0 && toDayNumber(s.Last()) > to {
				to = toDayNumber(s.Last())
			}
		}
	}
	calSeries := e.series
	if len(calSeries) == 0 {
		calSeries = []*quotes.Series{cashDays(e.txs, to)}
	}
	e.cal = newCalendar(calSeries, from, to)
	if len(e.cal.days) == 0 {
		expected := "a date with market data on or after it (none up to " + to.time().Format(time.DateOnly) + ")"
		if !e.cfg.To.IsZero() && to < from {
			expected = "a date on or before Config.To, the last day of the frames (" + to.time().Format(time.DateOnly) + ")"
		}
		e.problem(&e.txs[0], "date", e.txs[0].Date.Format(time.DateOnly), expected)
		return
	}
	e.placeTransactions(to)
}

// placeTransactions maps every transaction to the calendar day it applies
// on (txIndex), reports those outside the market data, and puts the
// transactions in the order they apply. A BUY, SELL or SPLIT on a day its
// symbol's market was closed applies on that symbol's next trading day, as
// a broker fills an order placed on a holiday at the next session (at that
// day's close, where the price is blank); there is none after its last
// close, so a trade after it is a problem: it could be neither priced nor
// valued. Cash rows, and DIVIDEND rows (cash paid, often weeks after the
// ex-date, and after a delisted symbol's last close), apply on the next day
// of the calendar.
func (e *engine) placeTransactions(to dayNumber) {
	e.txIndex = make([]int, len(e.txs))
	last := e.cal.dates[len(e.cal.dates)-1].Format(time.DateOnly)
	for i := range e.txs {
		tx := &e.txs[i]
		d := toDayNumber(tx.Date)
		idx, ok := e.cal.index(d)
		if !ok {
			e.txIndex[i] = -1 // not placed: loadRates skips it
			if !e.cfg.To.IsZero() && d > to {
				e.problem(tx, "date", tx.Date.Format(time.DateOnly), "a date on or before Config.To, the last day of the frames ("+to.time().Format(time.DateOnly)+")")
			} else {
				e.problem(tx, "date", tx.Date.Format(time.DateOnly), "a date on or before the last day of the market data ("+last+")")
			}
			continue
		}
		e.txIndex[i] = idx
		if si := e.txSymbol[i]; si >= 0 {
			e.txIndex[i] = e.symbolDay(i, si, d, idx)
		}
	}
	e.sortByDay()
}

// symbolDay is the calendar index txs[i], dated d (calendar index idx, the
// next calendar day), applies on: its symbol's next trading day for a trade
// or split, else idx; -1, reported, when there is none.
func (e *engine) symbolDay(i, si int, d dayNumber, idx int) int {
	tx, s := &e.txs[i], e.series[si]
	if first := toDayNumber(s.First()); first > d {
		e.problem(tx, "date", tx.Date.Format(time.DateOnly),
			fmt.Sprintf("a date on or after the first price of %s (%s)", tx.Symbol, s.First().Format(time.DateOnly)))
		return idx
	}
	if tx.Kind == Dividend {
		return idx
	}
	sdays := e.cal.seriesDays[si]
	j, _ := slices.BinarySearch(sdays, d)
	if j == len(sdays) {
		e.problem(tx, "date", tx.Date.Format(time.DateOnly), fmt.Sprintf(
			"a date on or before the last price of %s (%s): after it there is no close to price the %s or value the holding; "+
				"extend %s's market data, or correct the date or the symbol", tx.Symbol, s.Last().Format(time.DateOnly), tx.Kind, tx.Symbol))
		return -1
	}
	at, ok := e.cal.index(sdays[j])
	if !ok {
		e.problem(tx, "date", tx.Date.Format(time.DateOnly), fmt.Sprintf(
			"a date on which %s trades on or before Config.To, the last day of the frames (%s): its market is closed from then to Config.To",
			tx.Symbol, e.cal.dates[len(e.cal.dates)-1].Format(time.DateOnly)))
		return -1
	}
	return at
}

// sortByDay puts the transactions (with txIndex and txSymbol) in the order
// they apply, stably: a trade moved to its market's next trading day comes
// before that day's own rows. The passes after it rely on the order (the
// first use of a currency, a withdrawal's day replayed in file order).
func (e *engine) sortByDay() {
	if slices.IsSorted(e.txIndex) {
		return
	}
	order := make([]int, len(e.txs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return e.txIndex[a] - e.txIndex[b] })
	txs, index, symbol := make([]Transaction, len(order)), make([]int, len(order)), make([]int, len(order))
	for k, i := range order {
		txs[k], index[k], symbol[k] = e.txs[i], e.txIndex[i], e.txSymbol[i]
	}
	e.txs, e.txIndex, e.txSymbol = txs, index, symbol
}

// cashDays is the calendar of a portfolio of cash only, which has no
// market data to take one from: every weekday from the first transaction
// to to, and the days of the transactions (a deposit on a Saturday is on
// its own day, not moved to Monday).
func cashDays(txs []Transaction, to dayNumber) *quotes.Series {
	s := &quotes.Series{Symbol: "cash"}
	next := 0 // the first transaction not yet on the calendar
	last := max(to, toDayNumber(txs[len(txs)-1].Date))
	for d := toDayNumber(txs[0].Date); d <= last; d++ {
		onTx := false
		for ; next < len(txs) && toDayNumber(txs[next].Date) <= d; next++ {
			onTx = true
		}
		if wd := d.time().Weekday(); onTx || (wd != time.Saturday && wd != time.Sunday) {
			s.Dates = append(s.Dates, d.time())
			s.Close = append(s.Close, 1)
		}
	}
	return s
}
