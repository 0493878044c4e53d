package portfolio

import (
	"fmt"
	"github.com/gofolio/gofolio/fx"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

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
		e.flows = append(e.flows, Flow{Date: e.cal.dates[d], Amount: tx.Amount * rate})
	case Withdrawal:
		e.withdrawals[d] += tx.Amount * rate
		e.flows = append(e.flows, Flow{Date: e.cal.dates[d], Amount: -tx.Amount * rate})
	case Fee, Tax, Interest:
	default:
		e.cash.problem(tx, "kind", tx.Kind.String(), "a kind the engine knows")
	}
	_, amount := e.txCash(i)
	e.cash.add(c, d, amount)
	tx.Date = e.cal.dates[d]
}

// withSplitRows returns s with the file's SPLIT rows for it (those that
// are not a split the data already has, which are reported) added to its
// splits, in date order, and the rows added. A SPLIT row is for a split the
// data lacks: it changes the quantity held like any split and, when the
// closes are split-adjusted (a Yahoo download's Close column), they are
// adjusted for it too, so it is undone on them like the data's own splits.
// s itself is not changed.
func (e *engine) withSplitRows(l *ledger, s *quotes.Series, txs []int) (*quotes.Series, []int) {
	var rows []int
	var added []quotes.Split
	for _, i := range txs {
		tx := &e.txs[i]
		if tx.Kind != Split {
			continue
		}
		// One near a split the data has is the same split, and would
		// double the shares.
		if sp, ok := nearEvent(s.Splits, func(sp quotes.Split) time.Time { return sp.Date }, tx.Date, -splitWindow, splitWindow); ok {
			l.problem(tx, "kind", "SPLIT", fmt.Sprintf("no SPLIT row: the market data already has the %v:%v split of %s on %s",
				sp.Numerator, sp.Denominator, tx.Symbol, sp.Date.Format(time.DateOnly)))
			continue
		}
		rows = append(rows, i)
		added = append(added, quotes.Split{Date: e.cal.dates[e.txIndex[i]], Numerator: tx.Quantity, Denominator: tx.Price})
	}
	if len(added) == 0 {
		return s, nil
	}
	eff := *s
	eff.Splits = append(slices.Clone(s.Splits), added...)
	slices.SortStableFunc(eff.Splits, func(a, b quotes.Split) int { return a.Date.Compare(b.Date) })
	return &eff, rows
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

// splitSearch is how many trading days either side of a SPLIT row
// splitInCloses looks for the drop in the closes.
const splitSearch = 5

// splitInCloses checks a SPLIT row of ratio (shares after per share
// before) on day d against the closes as traded: a split the data lacks
// still shows in them, the close falling about ratio-fold from the day
// before (rising, for a reverse split). It returns "" when it does, or what
// is wrong: the move is on another day (the row's date would value the
// shares wrongly in between), or there is none. A move between the square
// root of the ratio and its square counts, so that a split on a day the
// price also moved passes; splits of less than 2:1 either way, and days
// with no close before them, are not checked.
func splitInCloses(closes []float64, d int, ratio float64, dates []time.Time) string {
	want := math.Log(ratio)
	if _, ok := splitMove(closes, d, want); !ok || math.Abs(want) < math.Log(2) {
		return ""
	}
	moved := func(j int) bool {
		x, ok := splitMove(closes, j, want)
		return ok && x >= 0.5 && x <= 2
	}
	if moved(d) {
		return ""
	}
	move := func(j int) string {
		if f := closes[j-1] / closes[j]; f >= 1 {
			return fmt.Sprintf("fall %.3g-fold", f)
		}
		return fmt.Sprintf("rise %.3g-fold", closes[j]/closes[j-1])
	}
	for off := 1; off <= splitSearch; off++ {
		for _, j := range [2]int{d - off, d + off} {
			if moved(j) {
				return fmt.Sprintf("the date the closes show the split: they %s on %s (from %g to %g), so date the row then",
					move(j), dates[j].Format(time.DateOnly), closes[j-1], closes[j])
			}
		}
	}
	return fmt.Sprintf("a split the closes show: they %s on that day (%g the day before, %g that day) and nothing near a %v:1 split "+
		"within %d trading days; if the closes are split-adjusted (as a Yahoo download's Close column), mark them so "+
		"(Series.SplitAdjusted, -split-adjusted) and keep the row; else check its ratio and date", move(d), closes[d-1], closes[d],
		strconv.FormatFloat(ratio, 'g', 4, 64), splitSearch)
}

// splitMove is how far the close moves from day j−1 to day j, in units of
// a split of log-ratio want: 1 for a fall of exactly the split's ratio, 0
// for no move, 2 for a fall of its square; ok is false without both closes.
func splitMove(closes []float64, j int, want float64) (float64, bool) {
	if j < 1 || j >= len(closes) || !(closes[j] > 0) || !(closes[j-1] > 0) {
		return 0, false
	}
	return math.Log(closes[j-1]/closes[j]) / want, true
}

// splitBasis checks the data's own splits of s (SPLIT rows are checked by
// splitInCloses) against the closes as traded, to catch closes marked split-adjusted that are not
// (then undoing the adjustment makes them fall about ratio²-fold at the
// split) and closes not marked that are (no move at all). It returns what
// is wrong, or "". Only splits of 2:1 or more either way with no
// ordinary split move within splitSearch days count, so that a split on a
// day the price also moved, or a day late in the data, is not taken for
// either.
func (e *engine) splitBasis(closes []float64, s *quotes.Series, splits []quotes.Split) string {
	for _, sp := range splits {
		want := math.Log(sp.Ratio())
		d, ok := e.cal.index(toDayNumber(sp.Date))
		if !ok || math.Abs(want) < math.Log(2) || !e.cal.dates[d].Equal(quotes.Day(sp.Date)) {
			continue
		}
		x, ok := splitMove(closes, d, want)
		if !ok {
			continue
		}
		normal := false
		for j := d - splitSearch; j <= d+splitSearch && !normal; j++ {
			if y, ok := splitMove(closes, j, want); ok && y >= 0.5 && y <= 1.5 {
				normal = true
			}
		}
		if normal {
			continue
		}
		ratio := fmt.Sprintf("%v:%v", sp.Numerator, sp.Denominator)
		switch {
		case s.SplitAdjusted && x > 1.5 && x < 2.5:
			return fmt.Sprintf("closes that match their flag: %s's are marked split-adjusted, but they fall %.3g-fold on %s, the day of its %s split, "+
				"as closes traded do; do not mark them split-adjusted (-split-adjusted, Series.SplitAdjusted)",
				s.Symbol, closes[d-1]/closes[d]/sp.Ratio(), sp.Date.Format(time.DateOnly), ratio)
		case !s.SplitAdjusted && math.Abs(x) < 0.25:
			return fmt.Sprintf("closes that match their flag: %s's do not move on %s, the day of its %s split, as split-adjusted closes do; "+
				"mark them split-adjusted (-split-adjusted, Series.SplitAdjusted)", s.Symbol, sp.Date.Format(time.DateOnly), ratio)
		}
	}
	return ""
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
				l.add(quoteCcy, d, amt)
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
				if tx.Quantity > qty*(1+shareEpsilon)+shareEpsilon {
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

// perfColumns is how many columns of the performance frame run allocates
// with the holdings; perfColumn returns the k-th.
const perfColumns = 10

func (e *engine) perfColumn(k int) []float64 {
	n := len(e.cal.days)
	return e.perfBlock[k*n : (k+1)*n : (k+1)*n]
}

// result sums the frames into the performance frame.
func (e *engine) result() *Result {
	n := len(e.cal.days)
	h := e.holdings
	p := &Performance{
		Currency:         e.cfg.Currency,
		Dates:            e.cal.dates,
		MarketValue:      e.perfColumn(2),
		Cash:             e.perfColumn(3),
		Value:            e.perfColumn(4),
		Deposits:         e.deposits,
		Withdrawals:      e.withdrawals,
		NetContributions: e.perfColumn(5),
		PnL:              e.perfColumn(6),
		DailyReturn:      e.perfColumn(7),
		CumulativeReturn: e.perfColumn(8),
		Drawdown:         e.perfColumn(9),
	}
	cash := e.cashBalances(p)
	var net, prev, index, peak float64 = 0, 0, 1, 1
	negative := -1
	for d := 0; d < n; d++ {
		p.Value[d] = p.MarketValue[d] + p.Cash[d]
		net += p.Deposits[d] - p.Withdrawals[d]
		p.NetContributions[d] = net
		p.PnL[d] = p.Value[d] - net
		p.DailyReturn[d] = DailyReturn(prev, p.Value[d], p.Deposits[d], p.Withdrawals[d])
		r := p.DailyReturn[d]
		index *= 1 + r
		p.CumulativeReturn[d] = index - 1
		peak = math.Max(peak, index)
		p.Drawdown[d] = index/peak - 1
		prev = p.Value[d]
		if negative < 0 && (p.Value[d] < -halfCent || (p.MarketValue[d] > minDenominator && p.Value[d] <= minDenominator)) {
			negative = d
		}
	}
	// An overdrawn withdrawal (reported by cashBalances) is the cause of
	// the negative value that may follow it; one problem is enough.
	if negative >= 0 && len(e.problems) == 0 {
		e.reportNegativeValue(p, cash, negative)
	}
	return &Result{
		Currency:     e.cfg.Currency,
		Holdings:     h,
		Performance:  p,
		Transactions: e.txs,
		Flows:        e.flows,
		Cash:         cash,
	}
}

// cashBalances sums each currency's cash changes into balances and adds
// their value to p.Cash. With Config.AutoDeposit a balance that would go
// below zero is topped up by a deposit of the shortfall that day (an
// external flow), as when a broker's export lists trades but not the money
// paid in for them. Currencies are summed in sorted order so that the
// result is the same to the last bit on every run.
func (e *engine) cashBalances(p *Performance) map[string][]float64 {
	n := len(e.cal.days)
	currencies := make([]string, 0, len(e.cash.cashDelta))
	for c := range e.cash.cashDelta {
		currencies = append(currencies, c)
	}
	sort.Strings(currencies)
	cash := make(map[string][]float64, len(currencies))
	funded := false
	for _, c := range currencies {
		bal := make([]float64, n)
		rate := e.rate[c]
		var b float64
		for d, x := range e.cash.cashDelta[c] {
			b += x
			if e.cfg.AutoDeposit && b < -minDenominator {
				in := -b * rate[d]
				e.deposits[d] += in
				e.flows = append(e.flows, Flow{Date: e.cal.dates[d], Amount: in})
				b, funded = 0, true
			}
			bal[d] = b
			if b != 0 {
				p.Cash[d] += b * rate[d]
			}
		}
		cash[c] = bal
	}
	if funded {
		sort.SliceStable(e.flows, func(i, j int) bool { return e.flows[i].Date.Before(e.flows[j].Date) })
	}
	e.checkWithdrawals(cash)
	return cash
}

// checkWithdrawals reports each withdrawal that leaves its currency's cash
// below zero: money cannot be taken out that is not there, so a DEPOSIT or
// SELL is missing from the file (or the amount is wrong). The balance is
// the one just after the withdrawal, in file order within its day, so that
// a purchase on credit later that day does not count against it; half a
// cent is allowed for brokers' rounding. Buying on credit stays allowed
// (see reportNegativeValue); with AutoDeposit the shortfall has been
// counted as a deposit instead.
func (e *engine) checkWithdrawals(cash map[string][]float64) {
	for i := range e.txs {
		tx := &e.txs[i]
		if tx.Kind != Withdrawal {
			continue
		}
		c, _ := cashCurrency(e.txCurrency(i))
		d := e.txIndex[i]
		b := cash[c][d] // at the end of the day: take off what came after
		for j := i + 1; j < len(e.txs) && e.txIndex[j] == d; j++ {
			cj, amount := e.txCash(j)
			if major, factor := cashCurrency(cj); major == c {
				b -= amount * factor
			}
		}
		if b < -halfCent {
			e.problem(tx, "amount", strconv.FormatFloat(tx.Amount, 'f', -1, 64), fmt.Sprintf(
				"a withdrawal of at most the cash held: after it, cash in %s is %.2f on %s; "+
					"add the DEPOSIT or SELL that provided the money, or correct the amount",
				c, b, e.cal.dates[d].Format(time.DateOnly)))
		}
	}
}

// halfCent is the rounding a cash balance is allowed, in major units.
const halfCent = 0.005

// txCash is the change txs[i] makes to the cash: its currency and the
// amount in it. run books it (ledger.add holds minor units in their major
// currency), and checkWithdrawals replays a day with it.
func (e *engine) txCash(i int) (string, float64) {
	tx := &e.txs[i]
	var amount float64
	switch tx.Kind {
	case Deposit, Interest, Dividend:
		amount = tx.Amount
	case Withdrawal, Fee, Tax:
		amount = -tx.Amount
	case Buy:
		amount = -(tx.Quantity*tx.Price + tx.Commission)
	case Sell:
		amount = tx.Quantity*tx.Price - tx.Commission
	}
	return e.txCurrency(i), amount
}

// reportNegativeValue reports the first day on which the portfolio is worth
// nothing or less while it holds shares: bought with money that was never
// deposited. A time-weighted return divides by the value, so it has no
// meaning there; the problem points at the last transaction before it.
func (e *engine) reportNegativeValue(p *Performance, cash map[string][]float64, d int) {
	last := 0
	for i, idx := range e.txIndex {
		if idx <= d {
			last = i
		}
	}
	var owed []string
	for _, c := range sortedKeys(cash) {
		if b := cash[c][d]; b < 0 {
			owed = append(owed, c+" "+strconv.FormatFloat(b, 'f', 2, 64))
		}
	}
	e.problem(&e.txs[last], "", strconv.FormatFloat(p.Value[d], 'f', 2, 64), fmt.Sprintf(
		"a portfolio worth more than nothing: on %s its value in %s is %.2f (shares %.2f, cash %s); "+
			"add the DEPOSIT rows that paid for the purchases, or set Config.AutoDeposit (-auto-deposit) to count each shortfall as a deposit",
		e.cal.dates[d].Format(time.DateOnly), e.cfg.Currency, p.Value[d], p.MarketValue[d], strings.Join(owed, ", ")))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// minDenominator is the smallest starting value (in the reporting currency)
// a day's return is computed on: below it the portfolio is empty and the
// day's return is 0, so that rounding residue left after selling everything
// cannot produce a huge return.
const minDenominator = 1e-6
