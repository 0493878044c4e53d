package portfolio

import (
	"fmt"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
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
	// The performance frame is one allocation, made before any work:
	// allocating it while a garbage collection is marking would make
	// Build pay for it in assists. The holdings columns but Quantity, the
	// Close column included, are filled from the runs and the closes on
	// first use (see Holdings): Build itself reads each symbol's closes
	// where they are.
	e.perfBlock = make([]float64, perfColumns*n)
	e.holdings = &Holdings{
		Currency:      e.cfg.Currency,
		Symbols:       e.symbols,
		Dates:         e.cal.dates,
		QuoteCurrency: make([]string, nsym),
		closes:        make([][]float64, nsym),
		runs:          make([][]positionRun, nsym),
		rates:         make([][]float64, nsym),
		columns:       new([lazyColumns]lazyColumn),
	}
	e.cash = newLedger(n)
	e.openLots = make([][]lots.Lot, nsym)
	// The chunks' market values are merged straight into the
	// performance frame's column.
	e.cash.marketValue = e.perfColumn(2)
	e.deposits = e.perfColumn(0)
	e.withdrawals = e.perfColumn(1)

	bySymbol := e.rowsBySymbol()
	for i, si := range e.txSymbol {
		if si < 0 {
			e.applyCash(i)
		}
	}
	quantity := &e.holdings.columns[columnQuantity]
	// Waited for here, after the rows are grouped, to give the
	// allocation the most time.
	quantity.once.Do(func() {
		if e.quantity == nil {
			e.allocateQuantity()
		}
		quantity.values = <-e.quantity
	})
	if order := e.moveOrder(); order != nil {
		for _, si := range order {
			e.runSymbol(e.cash, si, e.series[si], bySymbol[si])
		}
	} else {
		e.runSymbols(e.cash, bySymbol)
	}
	e.shareTransferFlows()
	e.problems = append(e.problems, e.cash.problems...)
	e.warnings = append(e.warnings, e.cash.warnings...)
	if e.cash.moved {
		e.sortByDay()
	}
}

// rowsBySymbol lists the rows of each symbol, in order: its own, and the
// SPINOFF, MERGER and SYMBOLCHANGE rows whose To it is. The lists are
// parts of one array, counted out first (a list per symbol grown row by
// row was thousands of allocations at 500 symbols).
func (e *engine) rowsBySymbol() [][]int {
	count := make([]int, len(e.symbols)+1)
	for i, si := range e.txSymbol {
		if si >= 0 {
			count[si+1]++
			if to := e.txTo[i]; to >= 0 {
				count[to+1]++
			}
		}
	}
	for si := range e.symbols {
		count[si+1] += count[si] // now where each symbol's list starts
	}
	rows := make([]int, count[len(e.symbols)])
	bySymbol := make([][]int, len(e.symbols))
	for si := range bySymbol {
		bySymbol[si] = rows[count[si]:count[si]:count[si+1]]
	}
	for i, si := range e.txSymbol {
		if si >= 0 {
			bySymbol[si] = append(bySymbol[si], i)
			if to := e.txTo[i]; to >= 0 {
				bySymbol[to] = append(bySymbol[to], i)
			}
		}
	}
	return bySymbol
}

// allocateQuantity starts allocating the holdings' Quantity column, which
// runSymbol fills: 20 MB at 500 symbols over 20 years, whose zeroing
// would otherwise hold up Build on one core while the other waits.
func (e *engine) allocateQuantity() {
	size := len(e.symbols) * len(e.cal.days)
	e.quantity = make(chan []float64, 1)
	go func() { e.quantity <- make([]float64, size) }()
}

// applyCash applies a transaction that names no symbol.
func (e *engine) applyCash(i int) {
	tx := &e.txs[i]
	d := e.txIndex[i]
	c := e.txCurrency(i)
	rate := e.rate[c][d]
	switch {
	case tx.Kind == Transfer:
		e.cashTransferFlow(i, tx.Amount*rate)
	case e.side(i) == outside:
		// a row of an account not selected: no cash of theirs
	case tx.Kind == Deposit:
		e.deposits[d] += tx.Amount * rate
	case tx.Kind == Withdrawal:
		e.withdrawals[d] += tx.Amount * rate
	case tx.Kind == Fee, tx.Kind == Tax, tx.Kind == Interest:
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
	if e.cfg.Statement {
		// The statement's DIVIDEND rows are the dividends received: the
		// data's would count them twice.
		sortEvents(evs)
		return evs
	}
	for _, i := range txs {
		// A DIVIDEND row is for a dividend the data lacks; one paid within
		// the usual ex-date to pay-date gap after a dividend the data has
		// would be counted twice.
		if e.kinds[i] == Dividend {
			tx := &e.txs[i]
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
// column), checks its transactions (checkTrades), books them into its
// position runs (bookTrades) and values the runs (valueRuns); its cash,
// market value, problems and warnings go to l.
func (e *engine) runSymbol(l *ledger, si int, s *quotes.Series, txs []int) {
	h := e.holdings
	h.QuoteCurrency[si] = s.Currency
	txs = e.fillOnSessions(l, si, txs)
	s, closes := e.layCloses(l, si, s, txs)
	qrate := e.rate[s.Currency]
	h.rates[si] = qrate
	st := &symbolTrades{si: si, quoteCcy: s.Currency, closes: closes, qrate: qrate, txs: txs,
		evs: e.symbolEvents(l, s, txs), payCcy: s.Currency, payRate: qrate}
	if e.cfg.Settle != "" {
		st.payCcy, st.payRate = e.cfg.Settle, e.rate[e.cfg.Settle]
	}
	// The checks read each row and the close of its day, scattered over
	// the transactions and the closes: loading them first, all at once,
	// saves waiting for them one by one (readRows).
	l.sink += e.readRows(txs, closes)
	if !e.checkTrades(l, st) {
		return // Build reports the problems and returns no result
	}
	runs := e.bookTrades(l, st)
	n := len(e.cal.days)
	e.valueRuns(l, st, runs, h.columns[columnQuantity].values[si*n:(si+1)*n:(si+1)*n])
	h.runs[si] = runs
	if w, ok := e.staleWarning(si, runs); ok {
		l.warnings = append(l.warnings, w)
	}
}

// readRows reads the fields the checks and the booking read of each of
// the rows txs, and the close of its day, scattered over the transactions
// and the closes, in a loop of loads alone: the processor then waits for
// many at once, where the checks, branching on each row's kind, would
// wait for them one by one. It returns their sum, kept (ledger.sink) so
// that the loads are not optimised away.
func (e *engine) readRows(txs []int, closes []float64) float64 {
	sum := 0.0
	for _, i := range txs {
		tx := &e.txs[i]
		d := e.txIndex[i]
		// Kind to Currency span at most three cache lines of the row.
		sum += float64(tx.Kind) + tx.Price + float64(len(tx.Currency))
		if uint(d) < uint(len(closes)) { // off the calendar: none
			sum += closes[d]
		}
	}
	return sum
}

// layCloses lays Symbols[si]'s closes on the calendar, as traded, for
// the holdings (calendar.align) and checks them against its splits. It
// returns s with the file's SPLIT rows added to its splits (see
// withSplitRows) and the closes.
func (e *engine) layCloses(l *ledger, si int, s *quotes.Series, txs []int) (*quotes.Series, []float64) {
	dataSplits := s.Splits
	s, splitRows := e.withSplitRows(l, s, txs)
	closes := e.cal.align(si, s)
	e.holdings.closes[si] = closes
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
	return s, closes
}

// bookTrades books a symbol's events and transactions, checked by
// checkTrades, into its position, day by day from its first transaction:
// on each day its splits, then its dividends, then its transactions in
// file order (see Build). It returns the position's runs: nothing changes
// the position from one day with an event or a transaction to the next.
func (e *engine) bookTrades(l *ledger, st *symbolTrades) []positionRun {
	n := len(e.cal.days)
	runs := make([]positionRun, 0, len(st.txs)+len(st.evs)+1)
	p := newPosition(e.cfg.Lots)
	// other holds the shares of the accounts not selected (Config.Accounts),
	// which a TRANSFER can move in: only its shares, cost and lots count.
	pos := [2]*position{&p, &p}
	if e.group != nil {
		other := newPosition(e.cfg.Lots)
		pos[outside] = &other
	}
	ev, ti := 0, 0
	start := 0
	if len(st.txs) > 0 {
		start = e.txIndex[st.txs[0]]
	}
	for d := start; d < n; {
		for ; ev < len(st.evs) && st.evs[ev].day <= d; ev++ {
			e.bookEvent(l, st, &p, st.evs[ev], d)
			if r := st.evs[ev].ratio; r != 0 && e.group != nil {
				pos[outside].split(r)
			}
		}
		for ; ti < len(st.txs) && e.txIndex[st.txs[ti]] == d; ti++ {
			if i := st.txs[ti]; e.kinds[i] == Transfer {
				e.bookTransfer(pos, i)
			} else {
				e.bookTransaction(l, st, pos[e.side(i)], i, d)
			}
		}
		runs = append(runs, p.run(d))
		d = n
		if ev < len(st.evs) {
			d = min(d, st.evs[ev].day)
		}
		if ti < len(st.txs) {
			d = min(d, e.txIndex[st.txs[ti]])
		}
	}
	e.keepOpenLots(st.si, &p)
	return runs
}

// bookEvent applies a split or a dividend of the market data (or a SPLIT
// row) to p on day d; a dividend's cash is paid in st.payCcy.
func (e *engine) bookEvent(l *ledger, st *symbolTrades, p *position, ev event, d int) {
	if ev.ratio != 0 {
		p.split(ev.ratio)
		return
	}
	if p.qty == 0 {
		return
	}
	amount := p.exDividend(ev.amount, st.qrate[d])
	if st.payCcy == st.quoteCcy {
		l.add(st.quoteCcy, d, amount)
	} else {
		l.add(st.payCcy, d, amount*st.qrate[d]/st.payRate[d])
	}
}

// bookTransaction applies txs[i], a BUY, SELL, DIVIDEND, STOCKDIVIDEND,
// RETURNOFCAPITAL or CAPITALGAINS row, to p on day d and books its cash; a
// SPLIT row was applied with the day's events.
func (e *engine) bookTransaction(l *ledger, st *symbolTrades, p *position, i, d int) {
	tx := &e.txs[i]
	c, rate := e.tradeRate(st, i, d)
	switch tx.Kind {
	case Buy:
		p.buy(tx, tx.Quantity, tx.Quantity*tx.Price, tx.Commission, rate)
	case Sell:
		if err := p.sell(tx, tx.Quantity, tx.Quantity*tx.Price, tx.Commission, rate); err != nil {
			l.problem(tx, "lot", tx.Lot, err.Error())
		}
	case Dividend:
		p.dividend(tx.Amount, rate)
	case StockDividend:
		p.stockDividend(tx.Quantity)
	case ReturnOfCapital:
		p.returnOfCapital(tx.Amount * rate)
	case CapitalGains:
		p.capitalGains(tx.Amount * rate)
	case SpinOff, Merger, SymbolChange:
		e.bookMove(l, st, p, i, d)
		return
	default:
		return
	}
	if e.side(i) == inside {
		l.add(c, d, cashAmount(tx))
	}
}

// valueRuns adds the value of each run that holds shares, day by day at
// the day's close and rate, to the market value in l, and writes each
// run's quantity into quantity, the symbol's rows of the Quantity column
// (which are zero): one pass over the days reading the closes and writing
// the column, as fillColumn would write it.
func (e *engine) valueRuns(l *ledger, st *symbolTrades, runs []positionRun, quantity []float64) {
	n := len(e.cal.days)
	for k, r := range runs {
		next := n
		if k+1 < len(runs) {
			next = runs[k+1].From
		}
		if r.Quantity == 0 {
			fill(quantity[r.From:next], r.Quantity) // a −0 is written
			continue
		}
		// The reporting currency's rate is 1 from its first use on, NaN
		// before it (ratesFrom): a run from before that day (shares a
		// SPINOFF, MERGER or SYMBOLCHANGE moved in before any row used the
		// currency) is valued at the rates, NaN included, as the Value
		// column and At value it.
		var rates []float64
		if st.quoteCcy != e.cfg.Currency || st.qrate[r.From] != 1 {
			rates = st.qrate[r.From:next]
		}
		l.addValue(r.From, r.Quantity, st.closes[r.From:next], rates, quantity[r.From:next])
	}
}
