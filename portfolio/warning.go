package portfolio

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// WarningKind is what a Warning is about.
type WarningKind int

// The warnings Build gives with a result: numbers it computed as asked but
// that are most likely not what the investor meant.
const (
	// StalePrice: a holding valued more than staleAfter (5) trading days of
	// the portfolio calendar past its symbol's last close, at that close.
	StalePrice WarningKind = iota + 1
	// BorrowedCurrency: a currency's cash went negative, and no DEPOSIT
	// row is in that currency.
	BorrowedCurrency
)

func (k WarningKind) String() string {
	switch k {
	case StalePrice:
		return "stale price"
	case BorrowedCurrency:
		return "borrowed currency"
	}
	return fmt.Sprintf("WarningKind(%d)", int(k))
}

// Warning is something Build computed as the input says but that is most
// likely not what the investor meant, with the fix; Result.Warnings lists
// them. Unlike a Problem it does not stop the build.
type Warning struct {
	Kind     WarningKind
	Symbol   string    // StalePrice: the symbol
	Currency string    // BorrowedCurrency: the currency
	Since    time.Time // StalePrice: the date of the last close; BorrowedCurrency: the first day the cash is negative
	// Tx is, for BorrowedCurrency, the first row that took the cash
	// negative (nil otherwise), an element of Result.Transactions: its
	// Origin gives the file and row.
	Tx      *Transaction
	Message string // one complete line: what, which symbol or currency, since when, and the fix
}

// String returns w.Message.
func (w Warning) String() string { return w.Message }

// staleAfter is how many trading days of the portfolio calendar a holding
// may be valued at its symbol's last close before it is a StalePrice
// warning: enough for a market's long holiday (Chinese New Year, a week) or
// data a few days behind the other series', not for a series that ended.
const staleAfter = 5

// sortWarnings orders ws by date, then symbol or currency.
func sortWarnings(ws []Warning) {
	slices.SortStableFunc(ws, func(a, b Warning) int {
		if c := a.Since.Compare(b.Since); c != 0 {
			return c
		}
		return cmp.Compare(a.Symbol+a.Currency, b.Symbol+b.Currency)
	})
}

// staleWarning returns the StalePrice warning for Symbols[si] when it is
// held more than staleAfter calendar days after its last close, from its
// runs: computed once per symbol, not per day.
func (e *engine) staleWarning(si int, runs []positionRun) (Warning, bool) {
	sdays := e.cal.seriesDays[si]
	n := len(e.cal.days)
	lastClose, ok := e.cal.index(sdays[len(sdays)-1])
	if !ok {
		return Warning{}, false // the data runs to the end of the calendar
	}
	stale := lastClose + staleAfter + 1 // the first day more than staleAfter past
	if stale >= n {
		return Warning{}, false
	}
	k, _ := slices.BinarySearchFunc(runs, stale, func(r positionRun, d int) int { return cmp.Compare(r.From, d+1) })
	if k == 0 || runs[k-1].Quantity == 0 {
		return Warning{}, false
	}
	s := e.series[si]
	since := s.Last()
	return Warning{Kind: StalePrice, Symbol: s.Symbol, Since: since, Message: fmt.Sprintf(
		"%s is held after its last close, on %s: it is valued at that close (%s %s) for the %d trading days to %s; "+
			"update its market data, or add the SELL that ended the holding (for a delisting, at the price paid out)",
		s.Symbol, since.Format(time.DateOnly), formatNumber(s.Close[len(s.Close)-1]), s.Currency, n-1-lastClose,
		e.cal.dates[n-1].Format(time.DateOnly))}, true
}

// borrowedWarnings adds a BorrowedCurrency warning for each currency whose
// cash goes below zero (by more than half a cent) although no DEPOSIT row
// is in it: most likely trades settled in the instrument's currency (a
// blank currency column) while the money was deposited in another, so
// that the investor borrows it, revalued each day, and the other cash sits
// unused. A currency deposited in is taken to be borrowed on purpose.
func (e *engine) borrowedWarnings(cash map[string][]float64) {
	deposited := map[string]bool{}
	for i, k := range e.kinds {
		if k == Deposit {
			c, _ := cashCurrency(e.txCurrency(i))
			deposited[c] = true
		}
	}
	for _, c := range sortedKeys(cash) {
		bal := cash[c]
		first := slices.IndexFunc(bal, func(b float64) bool { return b < -halfCent })
		if deposited[c] || first < 0 {
			continue
		}
		low := first
		for d := first + 1; d < len(bal); d++ {
			if bal[d] < bal[low] {
				low = d
			}
		}
		tx := e.firstBorrower(c, first, bal)
		e.warnings = append(e.warnings, Warning{Kind: BorrowedCurrency, Currency: c, Since: e.cal.dates[first], Tx: tx,
			Message: fmt.Sprintf("cash in %s is negative from %s (lowest %.2f %s, on %s), and no DEPOSIT is in %s: %s and the rows after it borrow %s. "+
				"If they were paid from cash in another currency, write it in the rows' currency column, or settle the rows with a blank currency in it (%s)",
				c, e.cal.dates[first].Format(time.DateOnly), bal[low], c, e.cal.dates[low].Format(time.DateOnly), c,
				describeRow(tx, e.cal.dates[first]), c, settleHint(deposited))})
	}
}

// firstBorrower is the row that took the cash in major currency c below
// zero on day d (bal holds the balances at each day's end): the day is
// replayed in the order it applied, after the market data's dividends.
// It is nil when no row on d did (only rounding).
func (e *engine) firstBorrower(c string, d int, bal []float64) *Transaction {
	lo, _ := slices.BinarySearch(e.txIndex, d)
	hi := lo
	rows := 0.0
	for ; hi < len(e.txs) && e.txIndex[hi] == d; hi++ {
		if cj, amount := e.txCash(hi); amount != 0 {
			if major, factor := cashCurrency(cj); major == c {
				rows += amount * factor
			}
		}
	}
	b := bal[d] - rows // the day's start and its dividends from the data
	for j := lo; j < hi; j++ {
		cj, amount := e.txCash(j)
		if major, factor := cashCurrency(cj); major == c {
			b += amount * factor
			if b < -halfCent && amount < 0 {
				return &e.txs[j]
			}
		}
	}
	return nil
}

// describeRow names tx for a message: its kind, symbol, date and origin.
func describeRow(tx *Transaction, day time.Time) string {
	if tx == nil {
		return "the rows of " + day.Format(time.DateOnly)
	}
	s := "the " + tx.Kind.String()
	if tx.Symbol != "" {
		s += " of " + tx.Symbol
	}
	s += " on " + tx.Date.Format(time.DateOnly)
	if o := tx.Origin.String(); o != "" {
		s += " (" + o + ")"
	}
	return s
}

// settleHint is the settlement option to suggest, naming the currency
// deposited in when there is only one.
func settleHint(deposited map[string]bool) string {
	if len(deposited) == 1 {
		for c := range deposited {
			return "-settle " + c + ", Config.Settle"
		}
	}
	return "-settle CCY, Config.Settle"
}
