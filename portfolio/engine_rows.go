package portfolio

import "slices"

// newEngine starts a Build of txs. Its checks read the caller's rows
// (never writing them) while a goroutine copies them for the result,
// each date at its day (quotes.Day): the copy, 11 MB at 50,000 rows most
// of which is zeroing the allocation, then costs no time beside the
// checks, which run on one core. Rows out of date order are copied and
// sorted first.
func newEngine(txs []Transaction, cfg Config) *engine {
	e := &engine{cfg: cfg, txs: txs}
	if e.scanRows() {
		e.copied = make(chan []Transaction, 1)
		go func() { e.copied <- copyRows(txs) }()
		return e
	}
	e.txs = copyRows(txs)
	slices.SortStableFunc(e.txs, func(a, b Transaction) int { return a.Date.Compare(b.Date) })
	e.scanRows()
	return e
}

// copyRows is a copy of txs, each date at its day.
func copyRows(txs []Transaction) []Transaction {
	out := make([]Transaction, len(txs))
	copy(out, txs)
	for i := range out {
		out[i].Date = toDayNumber(out[i].Date).time()
	}
	return out
}

// useCopy makes the copy of the rows the ones the engine reads and writes
// from now on, waiting for it if need be.
func (e *engine) useCopy() {
	if e.copied != nil {
		e.txs, e.copied = <-e.copied, nil
	}
}

// scanChunk is how many rows scanRows reads in one piece.
const scanChunk = 1 << 12

// scanRows notes, in one pass over e.txs, what the later passes would
// otherwise each read the 200-byte rows again for: each row's kind, day
// and symbol (e.kinds, e.days, e.symbolNames), the rows whose numbers
// break the readers' rules (e.badFields), and whether any row names an
// account or a currency. Reading 50,000 rows is memory bound; the chunks
// run in parallel. It reports whether the rows are in date order.
func (e *engine) scanRows() bool {
	n := len(e.txs)
	e.kinds, e.days, e.symbolNames = make([]Kind, n), make([]dayNumber, n), make([]string, n)
	scans := make([]chunkScan, (n+scanChunk-1)/scanChunk)
	forChunks(n, scanChunk, func(k, lo, hi int) { scans[k] = e.scan(lo, hi) })
	inOrder := true
	e.badFields = nil
	e.accountsNamed, e.currencyNamed = false, false
	for k, sc := range scans {
		inOrder = inOrder && sc.inOrder && (k == 0 || e.days[k*scanChunk] >= e.days[k*scanChunk-1])
		e.badFields = append(e.badFields, sc.badFields...)
		e.accountsNamed = e.accountsNamed || sc.accountsNamed
		e.currencyNamed = e.currencyNamed || sc.currencyNamed
	}
	return inOrder
}

// chunkScan is what scanRows notes of one chunk of rows.
type chunkScan struct {
	inOrder                      bool
	badFields                    []int
	accountsNamed, currencyNamed bool
}

// scan notes what scanRows says of e.txs[lo:hi].
func (e *engine) scan(lo, hi int) chunkScan {
	sc := chunkScan{inOrder: true}
	for i := lo; i < hi; i++ {
		tx := &e.txs[i]
		// The day number, without time.Time's calendar arithmetic: a
		// tenth of Build's time at 50,000 rows.
		d := toDayNumber(tx.Date)
		e.days[i], e.kinds[i], e.symbolNames[i] = d, tx.Kind, tx.Symbol
		if i > lo && d < e.days[i-1] {
			sc.inOrder = false
		}
		if !fieldsOK(tx) {
			sc.badFields = append(sc.badFields, i)
		}
		if tx.Account != "" || tx.Kind == Transfer {
			sc.accountsNamed = true
		}
		if tx.Currency != "" {
			sc.currencyNamed = true
		}
	}
	return sc
}
