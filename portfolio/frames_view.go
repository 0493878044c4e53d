package portfolio

import (
	"fmt"
	"sort"
)

// ActiveRows lists, in symbol order, the rows (indices into every column,
// see Row) of every symbol from the first day it was held (or paid a
// dividend or realized a gain or loss) on: the rows a table of the frame
// shows. The rows left out are zero in every column but Close. The
// workbook writer (portfolio/workbook) and the gota view
// (portfolio/dataframe) show these rows.
func (h *Holdings) ActiveRows() []int {
	var rows []int
	for s, runs := range h.runs {
		for _, r := range runs {
			if r.Quantity != 0 || r.Realized != 0 || r.Dividends != 0 {
				for d := r.From; d < len(h.Dates); d++ {
					rows = append(rows, h.Row(s, d))
				}
				break
			}
		}
	}
	return rows
}

// Position is one holding on one day, as a holdings table shows it.
type Position struct {
	Symbol        string
	QuoteCurrency string
	Quantity      float64
	Close         float64 // in QuoteCurrency
	Value         float64 // in the reporting currency, as are the rest
	CostBasis     float64
	Unrealized    float64
	Realized      float64
	Dividends     float64
	Commissions   float64
	Weight        float64 // Value / total value of the portfolio that day (cash included); NaN from Holdings.At
}

// Positions returns the holdings on Dates[d] (d < 0 counts from the end:
// -1 is the last day), largest value first. Symbols no longer held are
// included when they realized a gain or loss or paid dividends, so the
// table adds up to the portfolio's P&L. A d outside the dates is an error
// naming their range, not an empty table that would read as "nothing held".
func (r *Result) Positions(d int) ([]Position, error) {
	h := r.Holdings
	n := len(h.Dates)
	if d < -n || d >= n {
		return nil, fmt.Errorf("portfolio: Result.Positions(%d): no such day: the frames have %d dates, 0 to %d (or -1 to -%d from the end)",
			d, n, n-1, n)
	}
	if d < 0 {
		d += n
	}
	total := r.Performance.Value[d]
	var out []Position
	for s := range h.Symbols {
		p := h.At(s, d)
		if p.Quantity == 0 && p.Realized == 0 && p.Dividends == 0 {
			continue
		}
		if total > 0 {
			p.Weight = p.Value / total
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Value > out[j].Value })
	return out, nil
}
