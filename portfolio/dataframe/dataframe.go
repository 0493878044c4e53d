package dataframe

import (
	"time"

	gota "github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/perf"
)

// Holdings returns the holdings frame as a gota DataFrame, with dates as
// "2006-01-02" strings (gota has no time type). It holds the rows a table
// shows: each symbol's from the first day it was held (or realized a gain
// or loss, or was paid a dividend) to the last date, symbol by symbol. So it
// has fewer rows than the columns (len(Symbols) × len(Dates)) whenever a
// symbol was first bought after the first date: the rows left out are
// zero in every column but the close, and would only pad the table (most
// of a long portfolio's rows, when its symbols were bought over the
// years): the rows of Holdings.ActiveRows. For every row, read the columns
// with Holdings.Row.
func Holdings(h *portfolio.Holdings) gota.DataFrame {
	n := len(h.Dates)
	rows := h.ActiveRows()
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
	return gota.New(
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

// Performance returns the performance frame as a gota DataFrame, one row per
// date, with dates as "2006-01-02" strings.
func Performance(p *perf.Frame) gota.DataFrame {
	date := make([]string, len(p.Dates))
	for i, d := range p.Dates {
		date[i] = d.Format(time.DateOnly)
	}
	return gota.New(
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

// Positions returns a holdings table (Result.Positions) as a gota
// DataFrame, one row per position and one column per field of Position,
// named as the fields are.
func Positions(ps []portfolio.Position) gota.DataFrame {
	return gota.LoadStructs(ps)
}
