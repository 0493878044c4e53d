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
	if len(e.problems) == 0 && len(e.cal.days) > 0 {
		e.allocateQuantity() // as soon as its size is known
	}
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

// placeTransactions maps every transaction to the first calendar day on or
// after its date (txIndex) and reports those outside the market data: a
// date after the calendar, a row of a symbol before its first price, and a
// BUY, SELL or SPLIT after its symbol's last close, which could be neither
// priced nor valued. (A DIVIDEND row may come after it: a delisted
// company's last dividend is paid weeks after its ex-date.) runSymbol then
// moves a trade dated on a day its own market was closed to that market's
// next session (see fillOnSessions).
func (e *engine) placeTransactions(to dayNumber) {
	e.txIndex = make([]int, len(e.txs))
	last := e.cal.dates[len(e.cal.dates)-1].Format(time.DateOnly)
	// Each symbol's first and last day side by side, rather than at the
	// two ends of its days, for 50,000 rows looking them up.
	span := make([][2]dayNumber, len(e.series))
	for si, sdays := range e.cal.seriesDays[:len(e.series)] {
		span[si] = [2]dayNumber{sdays[0], sdays[len(sdays)-1]}
	}
	for i := range e.txs {
		tx := &e.txs[i]
		d := e.days[i]
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
		if si := e.txSymbol[i]; si >= 0 && !e.withinPrices(tx, si, d, span[si]) {
			e.txIndex[i] = -1
		}
	}
}

// withinPrices reports whether tx, dated d, is within the prices of its
// symbol, the si-th, whose first and last days are span: it reports the
// problem when not. A row before the first
// price keeps its place (it has always been reported on its own), a trade
// after the last loses it.
func (e *engine) withinPrices(tx *Transaction, si int, d dayNumber, span [2]dayNumber) bool {
	if span[0] <= d && (d <= span[1] || keepsItsDay(tx.Kind)) {
		return true
	}
	s := e.series[si]
	if span[0] > d {
		e.problem(tx, "date", tx.Date.Format(time.DateOnly),
			fmt.Sprintf("a date on or after the first price of %s (%s)", tx.Symbol, s.First().Format(time.DateOnly)))
		return true
	}
	if !keepsItsDay(tx.Kind) && d > span[1] {
		e.problem(tx, "date", tx.Date.Format(time.DateOnly), fmt.Sprintf(
			"a date on or before the last price of %s (%s): after it there is no close to price the %s or value the holding; "+
				"extend %s's market data, or correct the date or the symbol", tx.Symbol, s.Last().Format(time.DateOnly), tx.Kind, tx.Symbol))
		return false
	}
	return true
}

// fillOnSessions moves each BUY, SELL and SPLIT of txs (Symbols[si]'s, in
// the order they were placed) dated on a day the symbol did not trade (a
// weekend, or its market's holiday while another trades) to its next
// trading day, as a broker fills an order placed on a closed day at the
// next session (at that day's close, when the price is blank). Such a day
// after the calendar's end (Config.To) is reported, and the row left off
// the calendar (index n). It returns txs in the order they now apply,
// marking l when one moved. It runs per symbol, walking the symbol's days
// in order, so that Build does not look up 50,000 rows in 500 series at
// random.
func (e *engine) fillOnSessions(l *ledger, si int, txs []int) []int {
	if e.cal.tradesEveryDay(si, e.series[si]) {
		return txs // no day of the calendar is closed to it
	}
	sdays := e.cal.seriesDays[si]
	n := len(e.cal.days)
	// Most series trade on every calendar day from their first: then the
	// series' day for calendar day idx is start+idx.
	start, _ := slices.BinarySearch(sdays, e.cal.days[0])
	moved := false
	for _, i := range txs {
		idx := e.txIndex[i]
		if keepsItsDay(e.kinds[i]) {
			continue
		}
		if j := start + idx; j < len(sdays) && sdays[j] == e.cal.days[idx] {
			continue // the symbol trades that day
		}
		j, _ := slices.BinarySearch(sdays, e.cal.days[idx])
		at := n
		if j < len(sdays) {
			at, _ = e.cal.index(sdays[j])
		}
		if at >= n {
			tx := &e.txs[i]
			l.problem(tx, "date", tx.Date.Format(time.DateOnly), fmt.Sprintf(
				"a date on which %s trades on or before Config.To, the last day of the frames (%s): its market is closed from then to Config.To",
				tx.Symbol, e.cal.dates[n-1].Format(time.DateOnly)))
		}
		if at != idx {
			e.txIndex[i], moved = at, true
		}
	}
	if !moved {
		return txs
	}
	l.moved = true
	sorted := slices.Clone(txs)
	slices.SortStableFunc(sorted, func(a, b int) int { return e.txIndex[a] - e.txIndex[b] })
	return sorted
}

// sortByDay puts the transactions (with txIndex and txSymbol) in the order
// they apply, stably, once fillOnSessions has moved some: a trade moved to
// its market's next trading day comes before that day's own rows. The
// passes after the run rely on the order (a withdrawal's day replayed in
// file order, the row that borrowed first, Result.Transactions).
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
	kinds, days := make([]Kind, len(order)), make([]dayNumber, len(order))
	for k, i := range order {
		txs[k], index[k], symbol[k] = e.txs[i], e.txIndex[i], e.txSymbol[i]
		kinds[k], days[k] = e.kinds[i], e.days[i]
	}
	e.txs, e.txIndex, e.txSymbol = txs, index, symbol
	e.kinds, e.days = kinds, days
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
