package attribution

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
)

// Cash is the name of the cash in Daily.Names: everything in the
// portfolio's value that is not a holding (cash in every currency).
const Cash = "Cash"

// Columns are the holdings frame's columns the decomposition reads, in
// the layout of portfolio.Holdings: symbol-major, the row of Symbols[s] on
// day d at s × len(dates) + d, every amount in the reporting currency and
// CostBasis, Realized and Dividends cumulative (to date).
type Columns struct {
	Symbols   []string
	Value     []float64
	CostBasis []float64
	Realized  []float64
	Dividends []float64
	// Moves re-price holdings moved by a corporate action (see Move); may
	// be nil.
	Moves []Move
	// Transfers re-price shares moved into or out of the portfolio (see
	// Transfer); may be nil.
	Transfers []Transfer
}

// Transfer is shares moved into (Value and Cost positive) or out of
// (negative) holding Symbol on a day from outside the portfolio: a
// TRANSFER that crosses portfolio.Config.Accounts, which the performance
// frame counts as a deposit (withdrawal) of Value, the shares' market
// value, while the columns book them at Cost, the cost basis they carry.
// The decomposition counts Value as the money paid into (taken out of) the
// holding, adding Value − Cost to its f: its return starts from the value
// the portfolio received, and the cash, whose gain is the external flow
// less what went into the holdings, does not show the gap.
type Transfer struct {
	Day         int // index into the frame's dates
	Symbol      int // index into Symbols
	Cost, Value float64
}

// Move is a transfer of shares from one holding to another on a day (a
// SPINOFF, MERGER or SYMBOLCHANGE) that the columns book at Cost (cost
// leaves From and arrives in To): the decomposition counts it at Value,
// the market value of what To received, adding Value − Cost to To's money
// paid in and taking it from From's, so neither shows the gap between the
// cost and the value as a return. The total over the holdings is unchanged.
type Move struct {
	Day         int // index into the frame's dates
	From, To    int // indices into Symbols
	Cost, Value float64
}

// Daily is the day-by-day decomposition of a window of a portfolio's
// time-weighted return among its holdings and its cash (see the package
// comment for every formula). Names are the holdings' symbols, in the
// order of Columns.Symbols, then Cash; only holdings with a value, a flow
// or a gain in the window are kept. The per-name slices are indexed
// [name][day of the window].
type Daily struct {
	Currency string
	Dates    []time.Time
	Names    []string
	// Return is the portfolio's r[t] and Base its B[t], 0 on a day without
	// a return (the window's first day when it starts after the calendar's
	// first, and days that are not perf.Invested).
	Return, Base []float64
	// Start is each name's value at the window's opening (its first close
	// when the window starts after the calendar's first date, else 0).
	Start []float64
	// HoldingBase is base[i,t] and Gain gain[i,t]; In is the money paid
	// in on the day (buys) and Out what was taken out (sells and
	// dividends, also in Dividends); for Cash, the portfolio's net
	// deposits and withdrawals. Value is the value at the close.
	HoldingBase, Gain, In, Out, Dividends, Value [][]float64
}

// Decompose splits the window [from, to] (zero leaves a side open) of the
// performance frame f among the holdings of cols and the cash. It reports,
// all at once, columns of the wrong length and NaN or infinite amounts (by
// column, symbol and date), and a window with no date.
func Decompose(f *perf.Frame, cols Columns, from, to time.Time) (*Daily, error) {
	if err := checkInput(f, cols); err != nil {
		return nil, err
	}
	lo, hi := windowRange(f.Dates, from, to)
	if lo >= hi {
		return nil, fmt.Errorf("attribution: no date of the portfolio (%s to %s) falls in the window %s to %s",
			day(f.Dates[0]), day(f.Dates[len(f.Dates)-1]), day(from), day(to))
	}
	d := &Daily{Currency: f.Currency, Dates: f.Dates[lo:hi:hi]}
	adjust := moveAdjustments(cols)
	held := newDays(hi - lo) // the holdings' sums, for the cash
	for s, sym := range cols.Symbols {
		h := holdingDays(cols, adjust[s], s, len(f.Dates), lo, hi)
		if h.active() {
			d.add(sym, h)
			held.addUp(h)
		}
	}
	d.portfolioDays(f, lo, hi)
	d.add(Cash, d.cashDays(f, held, lo, hi))
	return d, nil
}

// days is one name's per-day series over the window.
type days struct {
	start                        float64
	base, gain, in, out, div, vs []float64
}

// active reports whether the holding has anything in the window.
func (h days) active() bool {
	if h.start != 0 {
		return true
	}
	for k := range h.vs {
		if h.vs[k] != 0 || h.in[k] != 0 || h.out[k] != 0 || h.gain[k] != 0 {
			return true
		}
	}
	return false
}

func newDays(m int) days {
	return days{base: make([]float64, m), gain: make([]float64, m), in: make([]float64, m), out: make([]float64, m),
		div: make([]float64, m), vs: make([]float64, m)}
}

// addUp adds h's values, bases and net flows (in − out) into sum's.
func (sum *days) addUp(h days) {
	sum.start += h.start
	for k := range sum.vs {
		sum.vs[k] += h.vs[k]
		sum.base[k] += h.base[k]
		sum.in[k] += h.in[k] - h.out[k]
	}
}

func (d *Daily) add(name string, h days) {
	d.Names = append(d.Names, name)
	d.Start = append(d.Start, h.start)
	d.HoldingBase = append(d.HoldingBase, h.base)
	d.Gain = append(d.Gain, h.gain)
	d.In = append(d.In, h.in)
	d.Out = append(d.Out, h.out)
	d.Dividends = append(d.Dividends, h.div)
	d.Value = append(d.Value, h.vs)
}

// holdingDays computes base, gain and flows of Symbols[s] on the days
// [lo, hi) of a calendar of n dates (see the package comment).
// adjust is the symbol's moves' adjustments by day (see moveAdjustments).
func holdingDays(cols Columns, adjust map[int]float64, s, n, lo, hi int) days {
	h := newDays(hi - lo)
	for k := range h.vs {
		row := s*n + lo + k
		h.vs[k] = cols.Value[row]
		if k == 0 && lo > 0 {
			h.start = h.vs[k] // the day's trades are inside the opening value
			continue
		}
		var prevV, prevCost, prevReal, prevDiv float64
		if lo+k > 0 {
			prevV, prevCost, prevReal, prevDiv = cols.Value[row-1], cols.CostBasis[row-1], cols.Realized[row-1], cols.Dividends[row-1]
		}
		f := (cols.CostBasis[row] - prevCost) - (cols.Realized[row] - prevReal) + adjust[lo+k]
		buys, sells := max(0, f), max(0, -f)
		h.in[k] = buys
		h.div[k] = cols.Dividends[row] - prevDiv
		h.out[k] = sells + h.div[k]
		h.base[k] = prevV + buys
		h.gain[k] = h.vs[k] + h.out[k] - h.base[k]
	}
	return h
}

// moveAdjustments maps each symbol's days with a move or a transfer to
// what they add to the money paid into it that day: a move's Value − Cost
// to To, its opposite to From; a transfer's Value − Cost to its Symbol;
// nil for a symbol without either.
func moveAdjustments(cols Columns) []map[int]float64 {
	adjust := make([]map[int]float64, len(cols.Symbols))
	for _, tr := range cols.Transfers {
		if adjust[tr.Symbol] == nil {
			adjust[tr.Symbol] = map[int]float64{}
		}
		adjust[tr.Symbol][tr.Day] += tr.Value - tr.Cost
	}
	for _, mv := range cols.Moves {
		gap := mv.Value - mv.Cost
		for _, side := range [...]struct {
			s    int
			sign float64
		}{{mv.From, -1}, {mv.To, 1}} {
			if adjust[side.s] == nil {
				adjust[side.s] = map[int]float64{}
			}
			adjust[side.s][mv.Day] += side.sign * gap
		}
	}
	return adjust
}

// portfolioDays sets Return and Base: r[t] = perf.DailyReturn and B[t] =
// Value[t−1] + In[t] on the days perf.Invested, the window's first day
// having no return when it starts after the calendar's first date.
func (d *Daily) portfolioDays(f *perf.Frame, lo, hi int) {
	m := hi - lo
	d.Return, d.Base = make([]float64, m), make([]float64, m)
	for k := range m {
		t := lo + k
		if k == 0 && lo > 0 {
			continue
		}
		prev := 0.0
		if t > 0 {
			prev = f.Value[t-1]
		}
		dep, wd := f.Deposits[t], f.Withdrawals[t]
		if !perf.Invested(prev, dep, wd) {
			continue
		}
		d.Return[k] = perf.DailyReturn(prev, f.Value[t], dep, wd)
		d.Base[k] = prev + max(0, dep-wd)
	}
}

// cashDays is the cash's series: the portfolio's value less the holdings',
// its gain the change of that value plus what the holdings paid out to it
// less what it paid into them, less the external flows; its base the
// portfolio's less the holdings'. held holds the holdings' sums (addUp).
func (d *Daily) cashDays(f *perf.Frame, held days, lo, hi int) days {
	c := newDays(hi - lo)
	for k := range c.vs {
		t := lo + k
		c.vs[k] = f.Value[t] - held.vs[k]
		if k == 0 && lo > 0 {
			c.start = c.vs[k]
			continue
		}
		prev := 0.0
		if k > 0 {
			prev = c.vs[k-1]
		}
		dep, wd := f.Deposits[t], f.Withdrawals[t]
		c.in[k], c.out[k] = max(0, dep-wd), max(0, wd-dep)
		c.gain[k] = c.vs[k] - prev - (dep - wd) + held.in[k]
		c.base[k] = d.Base[k] - held.base[k]
	}
	return c
}

// checkInput reports every column of the wrong length and the first NaN
// or infinite amount of each column and symbol.
func checkInput(f *perf.Frame, cols Columns) error {
	if f == nil || f.Len() == 0 {
		return errors.New("attribution: the performance frame has no dates")
	}
	n := f.Len()
	var errs []error
	for _, c := range []struct {
		name string
		col  []float64
	}{{"Value", f.Value}, {"Deposits", f.Deposits}, {"Withdrawals", f.Withdrawals}} {
		name, col := c.name, c.col
		if len(col) != n {
			errs = append(errs, fmt.Errorf("attribution: the performance frame's %s has %d values, want one per date (%d)", name, len(col), n))
		} else if t := firstNotFinite(col); t >= 0 {
			errs = append(errs, fmt.Errorf("attribution: the performance frame's %s on %s is %g, want a finite amount", name, day(f.Dates[t]), col[t]))
		}
	}
	for _, c := range []struct {
		name string
		col  []float64
	}{{"Value", cols.Value}, {"CostBasis", cols.CostBasis}, {"Realized", cols.Realized}, {"Dividends", cols.Dividends}} {
		if len(c.col) != len(cols.Symbols)*n {
			errs = append(errs, fmt.Errorf("attribution: the holdings' %s column has %d values, want %d symbols × %d dates = %d",
				c.name, len(c.col), len(cols.Symbols), n, len(cols.Symbols)*n))
			continue
		}
		for s, sym := range cols.Symbols {
			if t := firstNotFinite(c.col[s*n : (s+1)*n]); t >= 0 {
				errs = append(errs, fmt.Errorf("attribution: %s's %s on %s is %g, want a finite amount", sym, c.name, day(f.Dates[t]), c.col[s*n+t]))
			}
		}
	}
	for _, mv := range cols.Moves {
		if mv.Day < 0 || mv.Day >= n || mv.From < 0 || mv.From >= len(cols.Symbols) || mv.To < 0 || mv.To >= len(cols.Symbols) ||
			math.IsNaN(mv.Value-mv.Cost) || math.IsInf(mv.Value-mv.Cost, 0) {
			errs = append(errs, fmt.Errorf("attribution: move %+v: want a day of the %d dates, symbols among the %d, a finite cost and value", mv, n, len(cols.Symbols)))
		}
	}
	for _, tr := range cols.Transfers {
		if tr.Day < 0 || tr.Day >= n || tr.Symbol < 0 || tr.Symbol >= len(cols.Symbols) || math.IsNaN(tr.Value-tr.Cost) || math.IsInf(tr.Value-tr.Cost, 0) {
			errs = append(errs, fmt.Errorf("attribution: transfer %+v: want a day of the %d dates, a symbol among the %d, a finite cost and value", tr, n, len(cols.Symbols)))
		}
	}
	return errors.Join(errs...)
}

// firstNotFinite is the index of the first NaN or infinite value, or −1.
func firstNotFinite(col []float64) int {
	for i, x := range col {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return i
		}
	}
	return -1
}

// day formats t as a date, "open" when zero.
func day(t time.Time) string {
	if t.IsZero() {
		return "open"
	}
	return t.Format(time.DateOnly)
}

// windowRange is the index range [lo, hi) of dates in [from, to], as
// perf.Frame.Window cuts it.
func windowRange(dates []time.Time, from, to time.Time) (lo, hi int) {
	if !from.IsZero() {
		lo = sort.Search(len(dates), func(i int) bool { return !dates[i].Before(from) })
	}
	hi = len(dates)
	if !to.IsZero() {
		hi = sort.Search(len(dates), func(i int) bool { return dates[i].After(to) })
	}
	return lo, hi
}
