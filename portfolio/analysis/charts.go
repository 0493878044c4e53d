package analysis

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// Rolling windows of the rolling statistics, in daily returns: six months
// and a year of trading days.
const (
	Window6M  = 126
	Window12M = 252
)

// Rolling is a set of rolling statistics of the portfolio on Performance's
// dates, NaN until a window is full (see the stats.Rolling* functions).
type Rolling struct {
	// Sharpe6M and Sharpe12M are stats.RollingSharpe of
	// Performance.DailyReturn over Window6M and Window12M returns, against
	// Summary.DailyRiskFree, annualised with the options' periods per year;
	// Sortino6M and Sortino12M are stats.RollingSortino likewise.
	Sharpe6M, Sharpe12M   []float64
	Sortino6M, Sortino12M []float64
}

// Distribution is the distribution of the portfolio's returns and the
// first benchmark's, each in bins the portfolio's returns set
// (stats.NewHistogram: Counts[0] is the portfolio's, Counts[1] the
// benchmark's when there is one).
type Distribution struct {
	// Daily counts the daily returns of the days the portfolio had one
	// (perf.Invested, after the first date: the returns Summary's risk
	// figures use) and the benchmark's returns on those days; nil with
	// fewer than 2 such days.
	Daily *stats.Histogram
	// Monthly counts the calendar months' returns (Summary.Monthly, the
	// partial first and last months included) and the benchmark index's
	// for the same months; nil with fewer than 2 months.
	Monthly *stats.Histogram
	// Benchmark is the symbol of the benchmark counted, "" for none.
	Benchmark string
}

// Security is one symbol's close and trades, for a chart of its price with
// the trades marked on it.
type Security struct {
	Symbol   string
	Currency string // the quote currency the closes are in
	// Dates and Close are the symbol's closes on Performance's dates, in
	// its quote currency, from its first close on (forward-filled over its
	// holidays, as the engine values it).
	Dates []time.Time
	Close []float64
	// Trades are the symbol's BUY and SELL transactions in Performance's
	// window, as applied (Result.Transactions): the date applied and the
	// price used.
	Trades []portfolio.Transaction
	// Dividends are the dividends the portfolio received on the symbol in
	// Performance's window, one per payment day: its DIVIDEND rows and the
	// market data's dividend events alike, as the engine booked them (the
	// engine decides which counts when both exist), read from the rise of
	// the Holdings' Dividends column on the day.
	Dividends []SecurityDividend
}

// SecurityDividend is the dividends received on a symbol on one day, in
// the reporting currency:
//
//	Total    = Dividends[d] − Dividends[d−1]   (the Holdings column, to date)
//	PerShare = Total / shares held,
//
// the shares held being those at the previous close (Quantity[d−1]; the
// day's Quantity when none were, a DIVIDEND row on shares bought that
// day). The market data's dividends are paid on the shares held at the
// previous close, so PerShare is the event's amount at the day's rate
// (times the split ratio when a split falls on the same day).
type SecurityDividend struct {
	Date            time.Time
	PerShare, Total float64
}

// rollingRatios computes a's Rolling from its performance frame.
func rollingRatios(a *Analysis) (Rolling, error) {
	ppy := a.Options.PeriodsPerYear
	if ppy == 0 {
		ppy = stats.TradingDaysPerYear
	}
	rf, r := a.Summary.DailyRiskFree, a.Performance.DailyReturn
	var out Rolling
	var err error
	for _, s := range []struct {
		dst    *[]float64
		window int
		f      func([]float64, int, float64, float64) ([]float64, error)
	}{
		{&out.Sharpe6M, Window6M, stats.RollingSharpe}, {&out.Sharpe12M, Window12M, stats.RollingSharpe},
		{&out.Sortino6M, Window6M, stats.RollingSortino}, {&out.Sortino12M, Window12M, stats.RollingSortino},
	} {
		if *s.dst, err = s.f(r, s.window, rf, ppy); err != nil {
			return Rolling{}, fmt.Errorf("analysis: rolling ratios: %w", err)
		}
	}
	return out, nil
}

// benchmarkDaily is the index's daily return on each of the frame's dates:
// idx[t] / idx[t−1] − 1, NaN where the index has no value on t or t−1.
func benchmarkDaily(n int, b *Benchmark) []float64 {
	out := make([]float64, n)
	for t := range out {
		out[t] = math.NaN()
		if i := t - b.Index.Offset; i >= 1 && i < len(b.Index.Values) {
			out[t] = b.Index.Values[i]/b.Index.Values[i-1] - 1
		}
	}
	return out
}

// rollingBetas sets each benchmark's RollingBeta6M and RollingBeta12M:
// stats.RollingBeta of Performance.DailyReturn against the index's daily
// returns (NaN before its history starts).
func rollingBetas(a *Analysis) error {
	for i := range a.Benchmarks {
		b := &a.Benchmarks[i]
		daily := benchmarkDaily(a.Performance.Len(), b)
		var err error
		if b.RollingBeta6M, err = stats.RollingBeta(a.Performance.DailyReturn, daily, Window6M); err != nil {
			return fmt.Errorf("analysis: rolling beta against %s: %w", b.Symbol, err)
		}
		if b.RollingBeta12M, err = stats.RollingBeta(a.Performance.DailyReturn, daily, Window12M); err != nil {
			return fmt.Errorf("analysis: rolling beta against %s: %w", b.Symbol, err)
		}
	}
	return nil
}

// distribution counts the portfolio's daily and monthly returns and the
// first benchmark's, as Distribution documents.
func distribution(a *Analysis) Distribution {
	p := a.Performance
	var d Distribution
	var bench *Benchmark
	if len(a.Benchmarks) > 0 {
		bench = &a.Benchmarks[0]
		d.Benchmark = bench.Symbol
	}
	var daily, benchDaily []float64
	var bd []float64
	if bench != nil {
		bd = benchmarkDaily(p.Len(), bench)
	}
	for t := 1; t < p.Len(); t++ {
		if perf.Invested(p.Value[t-1], at(p.Deposits, t), at(p.Withdrawals, t)) {
			daily = append(daily, p.DailyReturn[t])
			if bench != nil {
				benchDaily = append(benchDaily, bd[t])
			}
		}
	}
	d.Daily = histogram(daily, benchDaily, bench != nil)
	var monthly, benchMonthly []float64
	benchMonth := map[[2]int]float64{}
	if bench != nil && bench.Summary != nil {
		for _, m := range bench.Summary.Monthly {
			benchMonth[[2]int{m.Year, int(m.Month)}] = m.Return.Value
		}
	}
	for _, m := range a.Summary.Monthly {
		monthly = append(monthly, m.Return.Value)
		if v, ok := benchMonth[[2]int{m.Year, int(m.Month)}]; ok {
			benchMonthly = append(benchMonthly, v)
		} else if bench != nil {
			benchMonthly = append(benchMonthly, math.NaN())
		}
	}
	d.Monthly = histogram(monthly, benchMonthly, bench != nil)
	return d
}

// histogram is stats.NewHistogram of p and, when withBench, b; nil when p
// has too few values for one.
func histogram(p, b []float64, withBench bool) *stats.Histogram {
	series := [][]float64{p}
	if withBench {
		series = append(series, b)
	}
	h, err := stats.NewHistogram(series...)
	if err != nil {
		return nil
	}
	return h
}

// at is s[i], or 0 for a nil or short s.
func at(s []float64, i int) float64 {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// securities is each symbol of holdings' close on perf's dates and its
// trades in perf's window, as Security documents, in holdings' order.
func securities(res *portfolio.Result, p *portfolio.Performance, holdings []portfolio.Position) []Security {
	h := res.Holdings
	first := sort.Search(len(h.Dates), func(i int) bool { return !h.Dates[i].Before(p.Dates[0]) })
	from, to := p.Dates[0], p.Dates[p.Len()-1]
	index := map[string]int{}
	for s, sym := range h.Symbols {
		index[sym] = s
	}
	var out []Security
	for _, pos := range holdings {
		s, ok := index[pos.Symbol]
		if !ok || first+p.Len() > len(h.Dates) {
			continue
		}
		sec := Security{Symbol: pos.Symbol, Currency: h.QuoteCurrency[s]}
		for d := 0; d < p.Len(); d++ {
			c := h.Close()[h.Row(s, first+d)]
			if len(sec.Close) == 0 && math.IsNaN(c) {
				continue // before its first close
			}
			sec.Dates = append(sec.Dates, p.Dates[d])
			sec.Close = append(sec.Close, c)
		}
		for _, tx := range res.Transactions {
			if tx.Symbol == pos.Symbol && (tx.Kind == txn.Buy || tx.Kind == txn.Sell) &&
				!tx.Date.Before(from) && !tx.Date.After(to) {
				sec.Trades = append(sec.Trades, tx)
			}
		}
		sec.Dividends = dividendsReceived(h, s, first, p.Dates)
		if len(sec.Dates) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

// dividendsReceived is Symbols[s]'s dividends on dates, the holdings'
// days first, first+1 ..., as SecurityDividend computes them. A fall of
// the column (a position closed and opened again starts from 0) is no
// dividend.
func dividendsReceived(h *portfolio.Holdings, s, first int, dates []time.Time) []SecurityDividend {
	div, qty := h.Dividends(), h.Quantity()
	var out []SecurityDividend
	for d := range dates {
		row := h.Row(s, first+d)
		before, held := 0.0, qty[row]
		if first+d > 0 {
			prev := h.Row(s, first+d-1)
			before = div[prev]
			if qty[prev] != 0 {
				held = qty[prev]
			}
		}
		total := div[row] - before
		if !(total > 0) {
			continue
		}
		perShare := math.NaN()
		if held != 0 {
			perShare = total / held
		}
		out = append(out, SecurityDividend{Date: dates[d], PerShare: perShare, Total: total})
	}
	return out
}
