package portfolio

import (
	"fmt"
	"sort"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// DataFrame returns the holdings frame as a gota DataFrame, with dates as
// "2006-01-02" strings (gota has no time type). It holds the rows a table
// shows: each symbol's from the first day it was held (or realized a gain
// or loss, or was paid a dividend) to the last date, symbol by symbol. So it
// has fewer rows than the columns (len(Symbols) × len(Dates)) whenever a
// symbol was first bought after the first date: the rows left out are
// zero in every column but the close, and would only pad the table (most
// of a long portfolio's rows, when its symbols were bought over the
// years). For every row, read the columns with Row.
func (h *Holdings) DataFrame() dataframe.DataFrame {
	n := len(h.Dates)
	rows := h.activeRows()
	date := make([]string, len(rows))
	symbol := make([]string, len(rows))
	for i, r := range rows {
		date[i] = h.Dates[r%n].Format(time.DateOnly)
		symbol[i] = h.Symbols[r/n]
	}
	pick := func(col []float64) []float64 {
		out := make([]float64, len(rows))
		for i, r := range rows {
			out[i] = col[r]
		}
		return out
	}
	return dataframe.New(
		series.New(date, series.String, "date"),
		series.New(symbol, series.String, "symbol"),
		series.New(pick(h.Quantity()), series.Float, "quantity"),
		series.New(pick(h.Close()), series.Float, "close"),
		series.New(pick(h.Value()), series.Float, "value"),
		series.New(pick(h.CostBasis()), series.Float, "cost_basis"),
		series.New(pick(h.Unrealized()), series.Float, "unrealized_pnl"),
		series.New(pick(h.Realized()), series.Float, "realized_pnl"),
		series.New(pick(h.Dividends()), series.Float, "dividends"),
		series.New(pick(h.Commissions()), series.Float, "commissions"),
	)
}

// activeRows lists the rows of every symbol from the first day it was held
// (or paid or realized something) on: the rows a table of the frame shows.
func (h *Holdings) activeRows() []int {
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

// DataFrame returns the performance frame as a gota DataFrame, one row per
// date, with dates as "2006-01-02" strings.
func (p *Performance) DataFrame() dataframe.DataFrame {
	date := make([]string, len(p.Dates))
	for i, d := range p.Dates {
		date[i] = d.Format(time.DateOnly)
	}
	return dataframe.New(
		series.New(date, series.String, "date"),
		series.New(p.MarketValue, series.Float, "market_value"),
		series.New(p.Cash, series.Float, "cash"),
		series.New(p.Value, series.Float, "value"),
		series.New(p.Deposits, series.Float, "deposits"),
		series.New(p.Withdrawals, series.Float, "withdrawals"),
		series.New(p.NetContributions, series.Float, "net_contributions"),
		series.New(p.PnL, series.Float, "pnl"),
		series.New(p.DailyReturn, series.Float, "daily_return"),
		series.New(p.CumulativeReturn, series.Float, "cumulative_return"),
		series.New(p.Drawdown, series.Float, "drawdown"),
	)
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
