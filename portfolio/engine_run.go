package portfolio

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/quotes"
)

// A SPLIT row within splitWindow days of a split in the market data, or a
// DIVIDEND row up to dividendPayWindow days after an ex-date in it, is taken
// to be the same event and reported, rather than counted twice.
const (
	splitWindow       = 10
	dividendPayWindow = 60
)

// nearEvent returns the first event dated from lo to hi days after day
// (negative: before it).
func nearEvent[E any](events []E, date func(E) time.Time, day time.Time, lo, hi int) (E, bool) {
	for _, ev := range events {
		if diff := int(toDayNumber(date(ev)) - toDayNumber(day)); diff >= lo && diff <= hi {
			return ev, true
		}
	}
	var zero E
	return zero, false
}

// shareEpsilon is how far a quantity may fall below zero through floating
// point error (selling exactly what a split left) before it is an oversell.
const shareEpsilon = 1e-9

// event is a split or a dividend placed on the calendar.
type event struct {
	day    int
	ratio  float64 // split: shares after per share before; 0 for a dividend
	amount float64 // dividend per share, as traded (split adjustment undone)
}

// run simulates every symbol and the cash, filling the frames.
func (e *engine) run() {
	n := len(e.cal.days)
	nsym := len(e.symbols)
	// The holdings' closes and the performance frame are one allocation,
	// made before any work: they are most of what Build allocates, and
	// allocating them while a garbage collection is marking would make
	// Build pay for it in assists. The other holdings columns are filled
	// from the runs on first use (see Holdings).
	size := nsym * n
	block := make([]float64, size+perfColumns*n)
	e.perfBlock = block[size:]
	e.holdings = &Holdings{
		Currency:      e.cfg.Currency,
		Symbols:       e.symbols,
		Dates:         e.cal.dates,
		QuoteCurrency: make([]string, nsym),
		close:         block[:size:size],
		runs:          make([][]positionRun, nsym),
		rates:         make([][]float64, nsym),
		columns:       new([lazyColumns]lazyColumn),
	}
	e.cash = newLedger(n)
	// The chunks' market values are merged straight into the
	// performance frame's column.
	e.cash.marketValue = e.perfColumn(2)
	e.deposits = e.perfColumn(0)
	e.withdrawals = e.perfColumn(1)

	bySymbol := make([][]int, nsym)
	for i, si := range e.txSymbol {
		if si >= 0 {
			bySymbol[si] = append(bySymbol[si], i)
		} else {
			e.applyCash(i)
		}
	}
	e.runSymbols(e.cash, bySymbol)
	e.problems = append(e.problems, e.cash.problems...)
	e.warnings = append(e.warnings, e.cash.warnings...)
	if e.cash.moved {
		e.sortByDay()
	}
}

// applyCash applies a transaction that names no symbol.
func (e *engine) applyCash(i int) {
	tx := &e.txs[i]
	d := e.txIndex[i]
	c := e.txCurrency(i)
	rate := e.rate[c][d]
	switch tx.Kind {
	case Deposit:
		e.deposits[d] += tx.Amount * rate
	case Withdrawal:
		e.withdrawals[d] += tx.Amount * rate
	case Fee, Tax, Interest:
	default:
		e.cash.problem(tx, "kind", tx.Kind.String(), "a kind the engine knows")
	}
	_, amount := e.txCash(i)
	e.cash.add(c, d, amount)
	tx.Date = e.cal.dates[d]
}

// symbolEvents places s's split and dividend events on the calendar, in
// day order (s carries the file's SPLIT rows: see withSplitRows), and
// reports DIVIDEND rows for a dividend the data has.
func (e *engine) symbolEvents(l *ledger, s *quotes.Series, txs []int) []event {
	var factor []float64
	if s.SplitAdjusted && len(s.Splits) > 0 {
		factor = e.cal.splitFactors(s)
	}
	var evs []event
	for _, sp := range s.Splits {
		if d, ok := e.cal.index(toDayNumber(sp.Date)); ok {
			evs = append(evs, event{day: d, ratio: sp.Ratio()})
		}
	}
	for _, i := range txs {
		// A DIVIDEND row is for a dividend the data lacks; one paid within
		// the usual ex-date to pay-date gap after a dividend the data has
		// would be counted twice.
		if tx := &e.txs[i]; tx.Kind == Dividend {
			if dv, ok := nearEvent(s.Dividends, func(dv quotes.Dividend) time.Time { return dv.Date }, tx.Date, -dividendPayWindow, 0); ok {
				l.problem(tx, "kind", "DIVIDEND", fmt.Sprintf("no DIVIDEND row: the market data already pays the %v dividend of %s with ex-date %s",
					dv.Amount, tx.Symbol, dv.Date.Format(time.DateOnly)))
			}
		}
	}
	for _, dv := range s.Dividends {
		if d, ok := e.cal.index(toDayNumber(dv.Date)); ok {
			amt := dv.Amount
			if factor != nil {
				amt *= factor[d]
			}
			evs = append(evs, event{day: d, amount: amt})
		}
	}
	// Splits before dividends on the same day: a dividend's amount is per
	// share after that day's split.
	sortEvents(evs)
	return evs
}

func sortEvents(evs []event) {
	for i := 1; i < len(evs); i++ {
		for j := i; j > 0 && less(evs[j], evs[j-1]); j-- {
			evs[j], evs[j-1] = evs[j-1], evs[j]
		}
	}
}

func less(a, b event) bool {
	if a.day != b.day {
		return a.day < b.day
	}
	return a.ratio != 0 && b.ratio == 0
}

// runSymbol lays Symbols[si]'s closes on the calendar (the holdings' Close
// column), records its position runs, and books its cash, its market value
// and its problems in l.
func (e *engine) runSymbol(l *ledger, si int, s *quotes.Series, txs []int) {
	h := e.holdings
	n := len(e.cal.days)
	base := si * n
	quoteCcy := s.Currency
	h.QuoteCurrency[si] = quoteCcy
	closes := h.close[base : base+n]
	txs = e.fillOnSessions(l, si, txs)
	dataSplits := s.Splits
	s, splitRows := e.withSplitRows(l, s, txs)
	e.cal.align(closes, si, s)
	// The closes are now as traded, so a SPLIT row's split shows in them
	// (on adjusted closes, because it was just undone on them), and so do
	// the data's own splits, unless the closes were marked split-adjusted
	// or not by mistake.
	if len(txs) > 0 {
		if why := e.splitBasis(closes, s, dataSplits); why != "" {
			l.problem(&e.txs[txs[0]], "symbol", s.Symbol, why)
		}
	}
	for _, i := range splitRows {
		tx := &e.txs[i]
		if why := splitInCloses(closes, e.txIndex[i], tx.Quantity/tx.Price, e.cal.dates); why != "" {
			l.problem(tx, "date", tx.Date.Format(time.DateOnly), why)
		}
	}
	qrate := e.rate[quoteCcy]
	h.rates[si] = qrate
	evs := e.symbolEvents(l, s, txs)
	runs := make([]positionRun, 0, len(txs)+len(evs)+1)

	// The data's dividends are paid in the settlement currency, if any.
	payCcy, payRate := quoteCcy, qrate
	if e.cfg.Settle != "" {
		payCcy, payRate = e.cfg.Settle, e.rate[e.cfg.Settle]
	}
	var qty, cost, realized, dividends, commissions float64
	ev, ti := 0, 0
	start := 0
	if len(txs) > 0 {
		start = e.txIndex[txs[0]]
	}
	for d := start; d < n; {
		for ; ev < len(evs) && evs[ev].day <= d; ev++ {
			if evs[ev].ratio != 0 {
				qty *= evs[ev].ratio
			} else if qty != 0 {
				amt := qty * evs[ev].amount
				if payCcy == quoteCcy {
					l.add(quoteCcy, d, amt)
				} else {
					l.add(payCcy, d, amt*qrate[d]/payRate[d])
				}
				dividends += amt * qrate[d]
			}
		}
		for ; ti < len(txs) && e.txIndex[txs[ti]] == d; ti++ {
			i := txs[ti]
			tx := &e.txs[i]
			tx.Date = e.cal.dates[d]
			c := e.txCurrency(i)
			rate := qrate[d]
			if c != quoteCcy {
				rate = e.rate[c][d]
			}
			switch tx.Kind {
			case Buy, Sell:
				if tx.Price == 0 {
					tx.Price = closes[d] * qrate[d] / rate
				} else if ratio := tx.Price * rate / (closes[d] * qrate[d]); ratio > priceBand || ratio < 1/priceBand {
					l.problem(tx, "price", strconv.FormatFloat(tx.Price, 'f', -1, 64), priceFarFromClose(tx, c, ratio, closes[d], quoteCcy))
				}
				gross := tx.Quantity * tx.Price
				commissions += tx.Commission * rate
				if tx.Kind == Buy {
					_, amount := e.txCash(i)
					l.add(c, d, amount)
					cost += (gross + tx.Commission) * rate
					qty += tx.Quantity
					break
				}
				// Nothing held is an oversell whatever the quantity: the
				// tolerance is for rounding left by a split, and would let a
				// sale of 1e-9 shares through, its average cost 0/0.
				if qty == 0 || tx.Quantity > qty*(1+shareEpsilon)+shareEpsilon {
					expected := fmt.Sprintf("at most the %s shares of %s held on %s", formatQty(qty), tx.Symbol, tx.Date.Format(time.DateOnly))
					if e.buyLaterThatDay(txs[ti+1:], d) {
						// A newest-first broker export lists a day's
						// sell above the buy that came before it.
						expected += " (a day's rows apply in file order, and a BUY of it comes below this row: list the day oldest first)"
					}
					l.problem(tx, "quantity", formatQty(tx.Quantity), expected)
					continue
				}
				proceeds := gross - tx.Commission
				_, amount := e.txCash(i)
				l.add(c, d, amount)
				avg := cost / qty
				realized += proceeds*rate - avg*tx.Quantity
				cost -= avg * tx.Quantity
				qty -= tx.Quantity
				if math.Abs(qty) <= shareEpsilon*(1+tx.Quantity) {
					qty, cost = 0, 0
				}
			case Dividend:
				if qty == 0 && !e.heldWithin(runs, d, dividendPayWindow) {
					l.problem(tx, "symbol", tx.Symbol, fmt.Sprintf(
						"a symbol held on the day or in the %d days before: no %s was held then (is the symbol right?)",
						dividendPayWindow, tx.Symbol))
				}
				_, amount := e.txCash(i)
				l.add(c, d, amount)
				dividends += tx.Amount * rate
			case Split:
				// Applied with the day's events, before any trade.
			}
		}
		// Nothing changes the position before the next day with an event
		// or a transaction: it is one run, valued day by day into the
		// portfolio's market value.
		next := n
		if ev < len(evs) {
			next = min(next, evs[ev].day)
		}
		if ti < len(txs) {
			next = min(next, e.txIndex[txs[ti]])
		}
		runs = append(runs, positionRun{From: d, Quantity: qty, CostBasis: cost, Realized: realized, Dividends: dividends, Commissions: commissions})
		if qty != 0 {
			l.addValue(d, qty, closes[d:next], qrate[d:next])
		}
		d = next
	}
	h.runs[si] = runs
	if w, ok := e.staleWarning(si, runs); ok {
		l.warnings = append(l.warnings, w)
	}
}

// priceBand is how far from the day's close a trade's price may be. No
// trade on an exchange is ten times its day's close or a tenth of it; such
// a price is in the wrong unit (pence for pounds), for the wrong symbol, or
// meets closes that lack a split.
const priceBand = 10.0

func priceFarFromClose(tx *Transaction, c string, ratio, close float64, quoteCcy string) string {
	hint := ""
	hundredfold := ratio > 50 && ratio < 200 || ratio > 1.0/200 && ratio < 1.0/50
	if major, factor, ok := fx.Major(quoteCcy); ok && factor != 1 && hundredfold {
		hint = fmt.Sprintf(" (%s is quoted in %s, 1/%g of %s: is the price in the other unit?)", tx.Symbol, quoteCcy, 1/factor, major)
	} else if hundredfold {
		hint = " (a hundredfold: is the price in pence or cents where the row's currency wants pounds or dollars, or the other way round?)"
	} else if c != quoteCcy {
		hint = fmt.Sprintf(" (the row is in %s; %s is quoted in %s)", c, tx.Symbol, quoteCcy)
	}
	return fmt.Sprintf("a price within a factor of %g of the day's close of %s (%s %s), not %.3g times it%s; "+
		"if the price is right, the closes are split-adjusted for a split the market data does not list (add a SPLIT row for it, "+
		"with the closes marked split-adjusted)", priceBand, tx.Symbol, strconv.FormatFloat(close, 'f', -1, 64), quoteCcy, ratio, hint)
}

// heldWithin reports whether any of runs (a symbol's position so far,
// before day d) holds shares on a day up to days calendar days before d:
// a dividend is paid up to about two months after its ex-date, on the
// shares held then.
func (e *engine) heldWithin(runs []positionRun, d, days int) bool {
	since := toDayNumber(e.cal.dates[d]) - dayNumber(days)
	// The runs start before d, in ascending order: runs[k] covers the
	// days [runs[k].From, to), to being where the next one starts (or d).
	to := d
	for k := len(runs) - 1; k >= 0 && e.cal.days[to-1] >= since; k-- {
		if runs[k].Quantity != 0 {
			return true
		}
		to = runs[k].From
		if to == 0 {
			break
		}
	}
	return false
}

// buyLaterThatDay reports whether one of txs (a symbol's transactions
// after the current one) is a BUY applied on day d.
func (e *engine) buyLaterThatDay(txs []int, d int) bool {
	for _, i := range txs {
		if e.txIndex[i] != d {
			return false
		}
		if e.txs[i].Kind == Buy {
			return true
		}
	}
	return false
}
