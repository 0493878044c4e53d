package benchmark

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/stats"
)

func TestSameCashFlows(t *testing.T) {
	// Index 100, 110, 121, 110 on days 0..3. Deposit 1000 on day 0, 1100
	// on day 2 (a Wednesday), withdraw 550 on day 3. A deposit buys at the
	// start of its day (the previous close), a withdrawal sells at the
	// close (issue 13.1: the portfolio's TWR counts flows so):
	//   day 0: units 1000/100 = 10 (no earlier close)   value 10 × 100 = 1000
	//   day 1: units 10                                  value 1100
	//   day 2: units 10 + 1100/110 = 20                  value 20 × 121 = 2420
	//   day 3: units 20 − 550/110 = 15                   value 15 × 110 = 1650
	// Daily returns, r = (V[t] + Out[t]) / (V[t−1] + In[t]) − 1:
	//   r0 = 1000/(0 + 1000) − 1 = 0         (the first deposit starts the series)
	//   r1 = 1100/1000 − 1 = 0.1
	//   r2 = 2420/(1100 + 1100) − 1 = 0.1    (the index's own return)
	//   r3 = (1650 + 550)/2420 − 1 = −1/11   (the index's own return)
	idx := &Index{Symbol: "IDX", Currency: "USD", Dates: days(4), Values: []float64{100, 110, 121, 110}}
	flows := []perf.Flow{{Date: day(0), Amount: 1000}, {Date: day(2), Amount: 1100}, {Date: day(3), Amount: -550}}
	p, err := SameCashFlows(idx, flows, days(4))
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "value", p.Value, []float64{1000, 1100, 2420, 1650})
	checkSlice(t, "daily", p.DailyReturn, []float64{0, 0.1, 0.1, -1.0 / 11})
	checkSlice(t, "net", p.NetContributions, []float64{1000, 1000, 2100, 1550})
	checkSlice(t, "pnl", p.PnL, []float64{0, 100, 320, 100})
	// 1.1 × 1.1 × 10/11 − 1 = 0.1: the same-cash-flows TWR is the index's.
	checkNear(t, "cumulative", p.CumulativeReturn[3], 0.1)
	checkNear(t, "drawdown", p.Drawdown[3], 1.1/1.21-1)

	// The frame goes through stats like the portfolio's own.
	s, err := stats.Compute(p, stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "TWR", s.TWR.Value, 0.1)
	// The money-weighted return over the 3 days solves
	// 1000 (1+R) + 1100 (1+R)^(1/3) − 550 = 1650: with x = (1+R)^(1/3),
	// 1000 x³ + 1100 x = 2200, x = 1.0239666 (bisection), R = 0.0736367.
	// Three days are not annualised.
	if !s.MWR.Defined() || math.Abs(s.MWR.Value-0.0736367452) > 1e-9 {
		t.Errorf("MWR = %v, want 0.0736367452", s.MWR)
	}
	if s.IRR.Defined() {
		t.Errorf("IRR of 3 days = %v, want NaN", s.IRR)
	}
}

// TestSameCashFlowsNetsTheDay: a deposit and a withdrawal on one date are
// netted before units are bought or sold, as the portfolio's TWR nets them.
func TestSameCashFlowsNetsTheDay(t *testing.T) {
	idx := &Index{Symbol: "IDX", Currency: "USD", Dates: days(3), Values: []float64{100, 110, 121}}
	flows := []perf.Flow{{Date: day(0), Amount: 1000},
		{Date: day(1), Amount: 500}, {Date: day(1), Amount: -500}, // cancel
		{Date: day(2), Amount: 300}, {Date: day(2), Amount: -520}} // net −220
	p, err := SameCashFlows(idx, flows, days(3))
	if err != nil {
		t.Fatal(err)
	}
	// Day 1: 10 units, 1100. Day 2: 10 units × 121 = 1210, net 220 sold at
	// 121 → 1210 − 220 = 990; r2 = (990 + 220)/1100 − 1 = 0.1.
	checkSlice(t, "value", p.Value, []float64{1000, 1100, 990})
	checkSlice(t, "daily", p.DailyReturn, []float64{0, 0.1, 0.1})
	checkSlice(t, "withdrawals", p.Withdrawals, []float64{0, 500, 520})
}

func TestSameCashFlowsCalendar(t *testing.T) {
	// The index starts on day 2; a deposit on day 1's weekend-like gap
	// (day 3, not a calendar date) is invested on the next date, day 4,
	// and the index value on day 5 (no index date) is day 4's.
	idx := &Index{Symbol: "IDX", Currency: "USD", Dates: []time.Time{day(2), day(4)}, Values: []float64{50, 40}, Offset: 1}
	dates := []time.Time{day(0), day(2), day(4), day(5)}
	p, err := SameCashFlows(idx, []perf.Flow{{Date: day(2), Amount: 100}, {Date: day(3), Amount: 80}}, dates)
	if err != nil {
		t.Fatal(err)
	}
	// day 2: 2 units bought at 50 (the index's first value); day 4: the 80
	// buys 80/50 = 1.6 units at the start of the day (day 2's 50), so
	// 3.6 units at 40 = 144; r = 144/(100 + 80) − 1 = −0.2, the index's
	// 40/50 − 1.
	checkSlice(t, "value", p.Value, []float64{0, 100, 144, 144})
	checkSlice(t, "deposits", p.Deposits, []float64{0, 100, 80, 0})
	checkSlice(t, "daily", p.DailyReturn, []float64{0, 0, -0.2, 0})
}

func TestSameCashFlowsShortfall(t *testing.T) {
	// The portfolio did better and withdraws 150 when the benchmark only
	// holds 10 units × 90 = 90: everything is sold and 90 paid out.
	idx := &Index{Symbol: "IDX", Currency: "USD", Dates: days(2), Values: []float64{100, 90}}
	p, err := SameCashFlows(idx, []perf.Flow{{Date: day(0), Amount: 1000}, {Date: day(1), Amount: -1500}}, days(2))
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "value", p.Value, []float64{1000, 0})
	checkSlice(t, "withdrawals", p.Withdrawals, []float64{0, 900})
	// r1 = (0 + 900)/1000 − 1 = −0.1, the index's return.
	checkNear(t, "r1", p.DailyReturn[1], -0.1)
}

func TestSameCashFlowsErrors(t *testing.T) {
	idx := &Index{Symbol: "IDX", Currency: "USD", Dates: []time.Time{day(2), day(3)}, Values: []float64{1, 1}, Offset: 2}
	flows := []perf.Flow{
		{Date: day(0), Amount: 10},         // before the index has data
		{Date: day(9), Amount: 10},         // after the last date
		{Date: day(3), Amount: math.NaN()}, // not a number
		{Date: day(3), Amount: 0},
	}
	_, err := SameCashFlows(idx, flows, days(4))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"flow 0 on 2024-01-01: IDX has no data before 2024-01-03", "flow 1 on 2024-01-10 is after", "flow 2", "flow 3"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if _, err := SameCashFlows(nil, nil, days(1)); err == nil {
		t.Error("nil index: no error")
	}
}

func TestSameCashFlowsSingleDepositTracksIndex(t *testing.T) {
	// With one deposit on the first day and no other flow, the benchmark
	// frame's TWR is the index's own return, last/first − 1, its MWR the
	// same, and its IRR that return annualised over the days elapsed
	// (Act/365).
	_, frame, _ := benchData()
	series, _, _ := benchData()
	idx, err := Align(series, frame.Dates, "USD", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := SameCashFlows(idx, []perf.Flow{{Date: frame.Dates[0], Amount: 1000}}, frame.Dates)
	if err != nil {
		t.Fatal(err)
	}
	s, err := stats.Compute(p, stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := idx.Len()
	total := idx.Values[n-1]/idx.Values[0] - 1
	checkNear(t, "TWR", s.TWR.Value, total)
	years := idx.Dates[n-1].Sub(idx.Dates[0]).Hours() / 24 / 365
	checkNear(t, "IRR", s.IRR.Value, math.Pow(1+total, 1/years)-1)
	checkNear(t, "MWR", s.MWR.Value, total)
}
