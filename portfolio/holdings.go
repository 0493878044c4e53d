package portfolio

import (
	"fmt"
	"math"
	"sort"
	"sync"
)

// positionRun is a symbol's position from day From (a calendar index) until
// the next run of the symbol starts, or the end of the calendar.
type positionRun struct {
	From        int
	Quantity    float64
	CostBasis   float64
	Realized    float64
	Dividends   float64
	Commissions float64
}

// The columns Holdings fills on first use, in the order of its methods.
const (
	columnQuantity = iota
	columnValue
	columnCostBasis
	columnUnrealized
	columnRealized
	columnDividends
	columnCommissions
	columnClose
	lazyColumns
)

type lazyColumn struct {
	once   sync.Once
	values []float64
}

// Quantity is the column of shares held at each close, after splits
// (filled by Build as it books, unlike the other columns).
func (h *Holdings) Quantity() []float64 { return h.column(columnQuantity) }

// Close is the column of closes in the quote currency, forward-filled over
// the symbol's holidays and NaN before its first price.
func (h *Holdings) Close() []float64 { return h.column(columnClose) }

// Value is the column of Quantity × Close, in Currency at each day's rate.
func (h *Holdings) Value() []float64 { return h.column(columnValue) }

// CostBasis is the column of the average cost of the shares held,
// commissions included.
func (h *Holdings) CostBasis() []float64 { return h.column(columnCostBasis) }

// Unrealized is the column of Value − CostBasis.
func (h *Holdings) Unrealized() []float64 { return h.column(columnUnrealized) }

// Realized is the column of the realized P&L to date: proceeds net of
// commission − average cost of the shares sold.
func (h *Holdings) Realized() []float64 { return h.column(columnRealized) }

// Dividends is the column of the dividends received to date.
func (h *Holdings) Dividends() []float64 { return h.column(columnDividends) }

// Commissions is the column of the commissions paid to date on the symbol.
func (h *Holdings) Commissions() []float64 { return h.column(columnCommissions) }

// At is the row of Symbols[s] on Dates[d] (d < 0 counts from the end: -1
// is the last day), computed as the columns are (to the last bit) without
// filling them. Its Weight is NaN: the holdings do not know the cash (see
// Result.Positions). It panics when s or d is out of range.
func (h *Holdings) At(s, d int) Position {
	if d < 0 {
		d += len(h.Dates)
	}
	if s < 0 || s >= len(h.Symbols) || d < 0 || d >= len(h.Dates) {
		panic(fmt.Sprintf("portfolio: Holdings.At(%d, %d) outside %d symbols × %d dates", s, d, len(h.Symbols), len(h.Dates)))
	}
	p := Position{Symbol: h.Symbols[s], QuoteCurrency: h.QuoteCurrency[s], Close: h.closes[s][d], Weight: math.NaN()}
	runs := h.runs[s]
	k := sort.Search(len(runs), func(i int) bool { return runs[i].From > d }) - 1
	if k < 0 {
		return p
	}
	r := runs[k]
	p.Quantity, p.CostBasis, p.Realized, p.Dividends, p.Commissions = r.Quantity, r.CostBasis, r.Realized, r.Dividends, r.Commissions
	if r.Quantity != 0 {
		p.Value = positionValue(r.Quantity, p.Close, h.rates[s][d])
	}
	p.Unrealized = p.Value - r.CostBasis
	return p
}

// column fills column k on its first call (symbols in parallel chunks, as
// Build runs them) and returns it.
func (h *Holdings) column(k int) []float64 {
	if h.columns == nil {
		return nil // a Holdings not made by Build: no rows
	}
	c := &h.columns[k]
	// Filling cannot fail: the runs and closes were checked by Build.
	c.once.Do(func() {
		n := len(h.Dates)
		c.values = make([]float64, len(h.Symbols)*n)
		forChunks(len(h.Symbols), symbolsPerChunk(len(h.Symbols), n), func(_, lo, hi int) {
			for s := lo; s < hi; s++ {
				h.fillColumn(k, s, c.values[s*n:(s+1)*n:(s+1)*n])
			}
		})
	})
	return c.values
}

// fillColumn writes column k of Symbols[s] into out, which is zero.
func (h *Holdings) fillColumn(k, s int, out []float64) {
	closes, rates := h.closes[s], h.rates[s]
	if k == columnClose {
		copy(out, closes)
		return
	}
	runs := h.runs[s]
	for i, r := range runs {
		to := len(out)
		if i+1 < len(runs) {
			to = runs[i+1].From
		}
		rows := out[r.From:to]
		switch k {
		case columnQuantity:
			fill(rows, r.Quantity)
		case columnCostBasis:
			fill(rows, r.CostBasis)
		case columnRealized:
			fill(rows, r.Realized)
		case columnDividends:
			fill(rows, r.Dividends)
		case columnCommissions:
			fill(rows, r.Commissions)
		case columnValue:
			if r.Quantity != 0 {
				for j := range rows {
					rows[j] = positionValue(r.Quantity, closes[r.From+j], rates[r.From+j])
				}
			}
		case columnUnrealized:
			if r.Quantity == 0 {
				fill(rows, 0-r.CostBasis)
				break
			}
			for j := range rows {
				rows[j] = positionValue(r.Quantity, closes[r.From+j], rates[r.From+j]) - r.CostBasis
			}
		}
	}
}

// positionValue is the value of qty shares at close (in the quote
// currency) converted at rate: the one formula of the Value column, At and
// the market value. The conversion rounds the product before any sum or
// difference it enters, so that no machine fuses them (arm64 has a fused
// multiply-add) and all three agree to the last bit everywhere.
func positionValue(qty, close, rate float64) float64 { return float64(qty * close * rate) }

// fill sets every value of col, which is zero, to x.
func fill(col []float64, x float64) {
	if math.Float64bits(x) == 0 {
		return // already +0: writing it again would only cost memory bandwidth
	}
	for i := range col {
		col[i] = x
	}
}
