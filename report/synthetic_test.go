package report

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// synthetic is a deterministic report input: symbols holdings over years
// of business days, the portfolio and two benchmarks (the second starting a
// year late), monthly £1,000 deposits and a buy per symbol.
func synthetic(symbols, years int) *Input {
	rng := rand.New(rand.NewPCG(uint64(symbols), uint64(years)))
	first := time.Date(2026-years, 1, 2, 0, 0, 0, 0, time.UTC)
	var dates []time.Time
	for t := first; t.Year() < 2026 || (t.Year() == 2026 && t.YearDay() < 327); t = t.AddDate(0, 0, 1) {
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			dates = append(dates, t)
		}
	}
	n := len(dates)
	in := &Input{
		Title:    "Sample portfolio",
		Currency: "GBP",
		AsOf:     dates[n-1],
		Dates:    dates,
	}
	walk := func(drift, vol float64, start int) []float64 {
		idx := make([]float64, n)
		v := 1.0
		for i := range idx {
			if i < start {
				idx[i] = math.NaN()
				continue
			}
			if i > start {
				v *= 1 + drift + vol*rng.NormFloat64()
			}
			idx[i] = v
		}
		return idx
	}
	growth := walk(0.0004, 0.011, 0) // the portfolio's
	in.Lines = []Line{
		GrowthLine("Portfolio", dates, growth),
		GrowthLine("^DJI", dates, walk(0.0003, 0.010, 0)),
		GrowthLine("^FTSE", dates, walk(0.0002, 0.009, 260)),
		GrowthLine("Same cash flows in ^DJI", dates, walk(0.0003, 0.010, 0)),
	}
	in.Value, in.Contributions, in.Drawdown = make([]float64, n), make([]float64, n), make([]float64, n)
	peak := 0.0
	for i := range dates {
		in.Contributions[i] = 10000 + 1000*float64(i/21)
		in.Value[i] = in.Contributions[i] * (0.7 + 0.3*growth[i])
		peak = math.Max(peak, growth[i])
		in.Drawdown[i] = growth[i]/peak - 1
	}
	for y := first.Year(); y <= 2026; y++ {
		row := MonthlyRow{Year: y, Total: 1}
		for m := range row.Months {
			row.Months[m] = 0.03 * rng.NormFloat64()
			if y == 2026 && m >= 10 {
				row.Months[m] = math.NaN()
				continue
			}
			row.Total *= 1 + row.Months[m]
		}
		row.Total--
		in.Monthly = append(in.Monthly, row)
	}
	ccys := []string{"GBP", "USD", "EUR"}
	byCcy := map[string]float64{}
	for s := 0; s < symbols; s++ {
		sym := fmt.Sprintf("SYM%02d", s)
		h := HoldingRow{Symbol: sym, Currency: ccys[s%3], Quantity: float64(10 + s*7), Price: 10 + float64(s)*3.25}
		h.Value = h.Quantity * h.Price
		h.Cost = h.Value * (0.8 + 0.01*float64(s))
		h.Unrealized = h.Value - h.Cost
		in.Holdings = append(in.Holdings, h)
		in.ByHolding = append(in.ByHolding, Slice{Name: sym, Value: h.Value})
		byCcy[h.Currency] += h.Value
	}
	for _, c := range ccys {
		if v, ok := byCcy[c]; ok {
			in.ByCurrency = append(in.ByCurrency, Slice{Name: c, Value: v})
		}
	}
	s := &in.Summary
	s.Value, s.NetContributions = in.Value[n-1], in.Contributions[n-1]
	s.PnL = s.Value - s.NetContributions
	s.TWR = growth[n-1] - 1
	s.MWR, s.IRR = 0.35, 0.061
	s.DayChange = (in.Value[n-1] - in.Contributions[n-1]) - (in.Value[n-2] - in.Contributions[n-2])
	s.DayReturn = growth[n-1]/growth[n-2] - 1
	s.From = dates[0]
	s.PeriodChange = s.PnL
	in.Statistics = Statistics{
		Columns: []string{"Portfolio", "^DJI", "^FTSE", "Same cash flows in ^DJI"},
		Rows: []StatRow{
			{Name: "Final value", Format: Money, Values: []float64{s.Value, math.NaN(), math.NaN(), 123456.78}, Blank: []bool{false, true, true, false}},
			{Name: "Time-weighted return", Format: Percent, Values: []float64{0.52, 0.41, math.NaN(), math.NaN()}, Blank: []bool{false, false, false, true}},
			{Name: "Volatility (annualised)", Format: Percent, Values: []float64{0.17, 0.16, 0.14, math.NaN()}, Blank: []bool{false, false, false, true}},
			{Name: "Sharpe ratio", Format: Ratio, Values: []float64{0.71, 0.62, 0.5, math.NaN()}, Blank: []bool{false, false, false, true}},
			{Name: "Max drawdown", Format: Percent, Values: []float64{-0.31, -0.35, -0.2, math.NaN()}, Blank: []bool{false, false, false, true}},
		},
	}
	in.Relative = Statistics{
		Columns: []string{"^DJI", "^FTSE"},
		Rows: []StatRow{
			{Name: "Beta", Format: Ratio, Values: []float64{0.92, 0.61}},
			{Name: "Alpha (annualised)", Format: Percent, Values: []float64{0.021, 0.034}},
		},
	}
	for i := 0; i < n; i += 21 {
		in.Transactions = append(in.Transactions, TransactionRow{Date: dates[i], Kind: "DEPOSIT", Amount: 1000, Currency: "GBP"})
		if s := i / 21; s < symbols {
			in.Transactions = append(in.Transactions, TransactionRow{Date: dates[i], Kind: "BUY", Symbol: fmt.Sprintf("SYM%02d", s), Quantity: float64(10 + s*7), Price: 10, Commission: 5, Currency: ccys[s%3]})
		}
	}
	return in
}
