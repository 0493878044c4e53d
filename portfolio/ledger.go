package portfolio

import (
	"github.com/gofolio/gofolio/fx"
	"runtime"
	"sync"
	"sync/atomic"
)

// ledger is the booking state one goroutine writes to: the cash changes
// per currency, the market value of the positions and the problems and warnings found. Symbols are run in chunks, each
// with a ledger of its own, so that they can run in parallel without
// locks; the ledgers are then merged in chunk order.
type ledger struct {
	days int // calendar length
	// cashDelta[c][d] is the change of cash in major currency c on day d:
	// an amount in a minor unit (GBp) is booked in its major currency
	// (GBP), as a broker's account holds it.
	cashDelta map[string][]float64
	// lastCurrency, last and lastFactor remember add's last currency:
	// nearly every transaction books cash in the currency of the one
	// before.
	lastCurrency string
	last         []float64
	lastFactor   float64
	// marketValue[d] is the value of the positions booked on day d, in
	// the reporting currency; nil until the first.
	marketValue []float64
	problems    []Problem
	warnings    []Warning
	// moved: a transaction was moved to its symbol's next trading day, so
	// the transactions are to be sorted again (see fillOnSessions).
	moved bool
	// sink keeps readRows' sums, which nothing reads.
	sink float64
}

func newLedger(days int) *ledger {
	return &ledger{days: days, cashDelta: map[string][]float64{}}
}

// add books amount, in currency c, to the cash of day d.
func (l *ledger) add(c string, d int, amount float64) {
	if c != l.lastCurrency || l.last == nil {
		major, factor := cashCurrency(c)
		l.lastCurrency, l.last, l.lastFactor = c, l.major(major), factor
	}
	l.last[d] += amount * l.lastFactor
}

// addValue adds the value of qty shares at closes (in the quote currency,
// converted at rates; nil: the reporting currency, at 1) to the market
// value of days from, from+1 …, and writes qty into held, the quantity of
// those days.
func (l *ledger) addValue(from int, qty float64, closes, rates, held []float64) {
	if l.marketValue == nil {
		l.marketValue = make([]float64, l.days)
	}
	mv := l.marketValue[from : from+len(closes)]
	held = held[:len(mv)]
	if rates == nil {
		// In the reporting currency: qty × close × 1 is qty × close to
		// the bit, without reading a rate.
		for i := range mv {
			mv[i] += float64(qty * closes[i])
			held[i] = qty
		}
		return
	}
	for i := range mv {
		mv[i] += positionValue(qty, closes[i], rates[i])
		held[i] = qty
	}
}

// major returns the day-by-day cash changes of major currency c.
func (l *ledger) major(c string) []float64 {
	d, ok := l.cashDelta[c]
	if !ok {
		d = make([]float64, l.days)
		l.cashDelta[c] = d
	}
	return d
}

// cashCurrency is the currency cash in c is held in, and what one unit of
// c is worth in it: GBp is held as GBP at 0.01.
func cashCurrency(c string) (string, float64) {
	if major, factor, ok := fx.Major(c); ok {
		return major, factor
	}
	return c, 1 // not a code fx knows: kept apart, under its own name
}

func (l *ledger) problem(tx *Transaction, column, value, expected string) {
	l.problems = append(l.problems, Problem{Origin: tx.Origin, Column: column, Value: value, Expected: expected})
}

// merge adds other's cash changes and problems to l.
func (l *ledger) merge(other *ledger) {
	for c, delta := range other.cashDelta {
		into := l.major(c)
		for d, x := range delta {
			into[d] += x
		}
	}
	if other.marketValue != nil {
		if l.marketValue == nil {
			l.marketValue = make([]float64, l.days)
		}
		for d, x := range other.marketValue {
			l.marketValue[d] += x
		}
	}
	l.problems = append(l.problems, other.problems...)
	l.warnings = append(l.warnings, other.warnings...)
	l.moved = l.moved || other.moved
}

// chunkSymbolDays is about how many symbol-days a chunk of symbols covers.
// Chunks are cut by this fixed size, never by the number of CPUs, so that
// the cash sums (added chunk by chunk, in order) are the same to the last
// bit on every machine; it is large enough that a chunk's start-up and
// merge cost little next to its work, and small enough that two cores
// share 50 symbols over 10 years evenly.
const chunkSymbolDays = 1 << 15

// maxChunks is how many chunks the symbols are cut into at most: each
// chunk books into a ledger of its own, a few columns as long as the
// calendar, allocated and merged once per chunk.
const maxChunks = 16

// symbolsPerChunk is how many symbols one chunk runs, of nsym symbols over
// days calendar days: about chunkSymbolDays symbol-days, in at most
// maxChunks chunks. It depends on the portfolio alone, never on the
// machine (see chunkSymbolDays).
func symbolsPerChunk(nsym, days int) int {
	return max(1, chunkSymbolDays/max(days, 1), (nsym+maxChunks-1)/maxChunks)
}

// runSymbols runs every symbol (runSymbol) in chunks on up to GOMAXPROCS
// goroutines, then merges the chunks' ledgers into l in order (so that the
// sums of cash and market value are the same to the last bit on any number
// of CPUs). Each symbol
// writes only its own rows of the holdings and its own transactions, so the
// chunks share nothing they write.
func (e *engine) runSymbols(l *ledger, bySymbol [][]int) {
	days := len(e.cal.days)
	per := symbolsPerChunk(len(e.symbols), days)
	ledgers := make([]*ledger, (len(e.symbols)+per-1)/per)
	forChunks(len(e.symbols), per, func(k, lo, hi int) {
		cl := newLedger(days)
		for si := lo; si < hi; si++ {
			e.runSymbol(cl, si, e.series[si], bySymbol[si])
		}
		ledgers[k] = cl
	})
	for _, cl := range ledgers {
		l.merge(cl)
	}
}

// forChunks calls fn for the chunks [0, per), [per, 2·per) … of [0, n),
// numbered k = 0, 1 …, on up to GOMAXPROCS goroutines, and returns when all
// are done. fn must write nothing another chunk reads or writes.
func forChunks(n, per int, fn func(k, lo, hi int)) {
	chunks := (n + per - 1) / per
	run := func(k int) { fn(k, k*per, min(n, (k+1)*per)) }
	workers := min(chunks, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for k := range chunks {
			run(k)
		}
		return
	}
	var next atomic.Int64
	work := func() {
		for k := int(next.Add(1)) - 1; k < chunks; k = int(next.Add(1)) - 1 {
			run(k)
		}
	}
	// The calling goroutine is one of the workers: waking a goroutine
	// costs tens of microseconds on an idle machine, as much as a chunk.
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}
