package portfolio

import (
	"fmt"
	"time"

	"github.com/gofolio/gofolio/fx"
)

// symbolTrades is what the passes over one symbol's days share: its
// closes as traded and its rates on the calendar, its split and dividend
// events and its transactions, in the order they apply.
type symbolTrades struct {
	si       int
	quoteCcy string
	closes   []float64 // as traded, on the calendar
	qrate    []float64 // quoteCcy to the reporting currency, per day
	evs      []event
	txs      []int
	// payCcy and payRate are the currency the data's dividends are paid
	// in (Config.Settle, if any, else quoteCcy) and its rate.
	payCcy  string
	payRate []float64
}

// tradeRate is the currency of txs[i] and its rate on day d.
func (e *engine) tradeRate(st *symbolTrades, i, d int) (string, float64) {
	if e.cfg.Settle == "" && (!e.currencyNamed || e.txs[i].Currency == "") {
		return st.quoteCcy, st.qrate[d] // nearly every row: see txCurrency
	}
	c := e.txCurrency(i)
	if c == st.quoteCcy {
		return c, st.qrate[d]
	}
	return c, e.rate[c][d]
}

// checkTrades is the validation pass over one symbol's transactions,
// before any is booked. Only the quantity held is followed (splits,
// buys, sales), so it does not depend on how cost is matched. It reports
// a BUY or SELL price far from the day's close, a sale of more shares
// than held, a DIVIDEND, RETURNOFCAPITAL or CAPITALGAINS row on a symbol
// not held in the dividendPayWindow days before it, and a STOCKDIVIDEND
// on a symbol not held. It also sets each transaction's Date
// to the day it applies on and fills a blank price with the day's close.
// It returns false when it found a problem: then nothing is booked.
func (e *engine) checkTrades(l *ledger, st *symbolTrades) bool {
	before := len(l.problems)
	moved := true // false: a move into this symbol whose run failed
	n := len(e.cal.days)
	// held is the shares held on each side of Config.Accounts (inside
	// only, without a selection).
	var held [2]float64
	// heldUntil is the last day before the current one that ended with
	// shares held (-1: none). Only a transaction starts or ends a holding
	// (a split's ratio is never 0), so it moves only on their days.
	heldUntil, prev := -1, -1
	ev := 0
	for ti, i := range st.txs {
		d := e.txIndex[i]
		if d >= n {
			break // off the calendar: reported by fillOnSessions
		}
		if d != prev && prev >= 0 && held[inside]+held[outside] != 0 {
			heldUntil = d - 1
		}
		prev = d
		for ; ev < len(st.evs) && st.evs[ev].day <= d; ev++ {
			if r := st.evs[ev].ratio; r != 0 {
				held[inside] *= r
				held[outside] *= r
			}
		}
		tx := &e.txs[i]
		tx.Date = e.cal.dates[d]
		s := e.side(i)
		switch tx.Kind {
		case Buy:
			e.checkPrice(l, st, i, d)
			held[s] += tx.Quantity
		case Sell:
			e.checkPrice(l, st, i, d)
			if oversells(held[s], tx.Quantity) {
				e.reportOversell(l, st.txs[ti+1:], i, held[s])
				continue
			}
			held[s] = afterSale(held[s], tx.Quantity)
		case Transfer:
			e.checkTransfer(l, i, &held)
		case Dividend, ReturnOfCapital, CapitalGains:
			if held[inside]+held[outside] == 0 && !e.heldWithin(heldUntil, d, dividendPayWindow) {
				l.problem(tx, "symbol", tx.Symbol, fmt.Sprintf(
					"a symbol held on the day or in the %d days before: no %s was held then (is the symbol right?)",
					dividendPayWindow, tx.Symbol))
			}
		case StockDividend:
			if held[s] == 0 {
				l.problem(tx, "symbol", tx.Symbol, fmt.Sprintf("a symbol held on %s: a %s needs shares of it", tx.Date.Format(time.DateOnly), tx.Kind))
				continue
			}
			held[s] += tx.Quantity
		case SpinOff, Merger, SymbolChange:
			var ok bool
			if held[s], ok = e.checkMove(l, st, i, held[s]); !ok {
				moved = false
			}
		}
	}
	return moved && len(l.problems) == before
}

// checkPrice fills the blank price of a BUY or SELL (txs[i], on day d)
// with the day's close, converted to the trade's currency, or reports a
// price more than priceBand times from it.
func (e *engine) checkPrice(l *ledger, st *symbolTrades, i, d int) {
	tx := &e.txs[i]
	c, rate := e.tradeRate(st, i, d)
	if tx.Price == 0 {
		tx.Price = st.closes[d] * st.qrate[d] / rate
	} else if ratio := tx.Price * rate / (st.closes[d] * st.qrate[d]); ratio > priceBand || ratio < 1/priceBand {
		l.problem(tx, "price", formatNumber(tx.Price), priceFarFromClose(tx, c, ratio, st.closes[d], st.quoteCcy))
	}
}

// reportOversell reports the sale txs[i] of more than the held shares;
// later are the symbol's transactions after it.
func (e *engine) reportOversell(l *ledger, later []int, i int, held float64) {
	tx := &e.txs[i]
	expected := fmt.Sprintf("at most the %s shares of %s held%s on %s", formatNumber(held), tx.Symbol, e.sideLabel(e.side(i)), tx.Date.Format(time.DateOnly))
	if e.buyLaterThatDay(later, e.txIndex[i]) {
		// A newest-first broker export lists a day's sell above the buy
		// that came before it.
		expected += " (a day's rows apply in file order, and a BUY of it comes below this row: list the day oldest first)"
	}
	l.problem(tx, "quantity", formatNumber(tx.Quantity), expected)
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
		"with the closes marked split-adjusted)", priceBand, tx.Symbol, formatNumber(close), quoteCcy, ratio, hint)
}

// heldWithin reports whether shares were held, up to heldUntil (the last
// day before d that ended with shares held; -1: none), on a day up to
// days calendar days before d: a dividend is paid up to about two months
// after its ex-date, on the shares held then.
func (e *engine) heldWithin(heldUntil, d, days int) bool {
	return heldUntil >= 0 && e.cal.days[heldUntil] >= toDayNumber(e.cal.dates[d])-dayNumber(days)
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
