package stats

import (
	"math"
	"testing"
	"time"
)

// threeYears is a frame over every calendar day from 2019-01-01 to
// 2021-12-31 (365 + 366 + 365 = 1096 dates): 1000 deposited on the first
// day and invested at its close (r0 = 0), then +0.05 % a day except −10 %
// on 2020-03-16.
func threeYears() (dates []time.Time, value, in []float64) {
	const g = 0.0005
	v := 1000.0
	for d := date(2019, 1, 1); !d.After(date(2021, 12, 31)); d = d.AddDate(0, 0, 1) {
		switch {
		case len(dates) == 0:
		case d.Equal(date(2020, 3, 16)):
			v *= 0.9
		default:
			v *= 1 + g
		}
		dates = append(dates, d)
		value = append(value, v)
	}
	in = make([]float64, len(dates))
	in[0] = 1000
	return dates, value, in
}

func TestComputeThreeYears(t *testing.T) {
	dates, value, in := threeYears()
	s := compute(t, frame(dates, value, in, nil), Options{RiskFree: 0.02})
	g := 1.0005
	pow := math.Pow
	if s.Dates != 1096 || s.ReturnDays != 1095 {
		t.Fatalf("Dates %d ReturnDays %d, want 1096 and 1095", s.Dates, s.ReturnDays)
	}

	// 1095 returns: 1094 of +0.05 % and one of −10 %.
	twr := pow(g, 1094)*0.9 - 1
	checkFigure(t, "TWR", s.TWR, twr)
	// Calendar: 1095 days / 365 = 3 years (it was / 365.25 before issue
	// 13.4); trading: 1095 periods / 252.
	checkFigure(t, "TWR annualised", s.TWRAnnualised, math.Cbrt(1+twr)-1)
	checkFigure(t, "TWR annualised trading", s.TWRAnnualisedTrading, pow(1+twr, 252.0/1095)-1)
	// One deposit of 1000, worth 1000 (1 + twr) 1095 days later:
	// (1 + r)^(1095/365) = (1 + r)^3 = 1 + twr.
	checkFigure(t, "IRR", s.IRR, math.Cbrt(1+twr)-1)

	// mean m = (1094 × 0.0005 − 0.1) / 1095 = 0.447 / 1095;
	// Σ (x − m)² = 1094 (0.0005 − m)² + (−0.1 − m)², / 1094.
	m := 0.447 / 1095
	sd := math.Sqrt((1094*(0.0005-m)*(0.0005-m) + (-0.1-m)*(-0.1-m)) / 1094)
	checkFigure(t, "volatility", s.Volatility, sd*math.Sqrt(252))
	rf := pow(1.02, 1.0/252) - 1
	checkFigure(t, "sharpe", s.Sharpe, math.Sqrt(252)*(m-rf)/sd)
	// Below rf (≈ 0.0000786 < 0.0005) is only the −10 % day.
	dd := math.Sqrt((-0.1 - rf) * (-0.1 - rf) / 1095)
	checkFigure(t, "sortino", s.Sortino, math.Sqrt(252)*(m-rf)/dd)

	// Drawdown −10 % from 2020-03-15 to 2020-03-16; back above the peak
	// after k days of growth with g^k ≥ 1/0.9: k ≥ ln(1.1111)/ln(1.0005)
	// = 0.1053605/0.000499875 = 210.77 → 211 days after 2020-03-16:
	// 15 days left in March → 196, April 30 → 166, May 31 → 135, June 30
	// → 105, July 31 → 74, August 31 → 43, September 30 → 13: 2020-10-13.
	d := s.MaxDrawdown
	checkNear(t, "max drawdown", d.Depth, -0.1)
	if d.Peak != date(2020, 3, 15) || d.Trough != date(2020, 3, 16) || d.Recovery != date(2020, 10, 13) {
		t.Errorf("drawdown %+v", d)
	}
	if d.Duration != date(2020, 10, 13).Sub(date(2020, 3, 15)) {
		t.Errorf("duration %v", d.Duration)
	}
	checkFigure(t, "calmar", s.Calmar, (math.Cbrt(1+twr)-1)/0.1)

	// Best day: the first +0.05 % (2019-01-02); worst: 2020-03-16.
	if s.BestDay.Date != date(2019, 1, 2) || s.WorstDay.Date != date(2020, 3, 16) {
		t.Errorf("best %+v worst %+v", s.BestDay, s.WorstDay)
	}
	checkFigure(t, "worst day", s.WorstDay.Return, -0.1)

	// Months: January 2019 has 30 returns (day 0 is the deposit), March
	// 2020 has 30 growth days and the −10 % one, the others one per day.
	if len(s.Monthly) != 36 || len(s.Yearly) != 3 {
		t.Fatalf("%d months and %d years, want 36 and 3", len(s.Monthly), len(s.Yearly))
	}
	checkFigure(t, "2019-01", s.Monthly[0].Return, pow(g, 30)-1)
	checkFigure(t, "2019-02", s.Monthly[1].Return, pow(g, 28)-1)
	checkFigure(t, "2020-02", s.Monthly[13].Return, pow(g, 29)-1)
	checkFigure(t, "2020-03", s.Monthly[14].Return, pow(g, 30)*0.9-1)
	// Every month but March 2020 is positive: 35/36.
	checkFigure(t, "positive months", s.PositiveMonths, 35.0/36)
	// Best: a month with 31 growth days (which one is rounding noise, they
	// are all g^31 − 1); worst: March 2020.
	checkFigure(t, "best month", s.BestMonth.Return, pow(g, 31)-1)
	if s.BestMonth.Days != 31 || s.WorstMonth.Year != 2020 || s.WorstMonth.Month != time.March {
		t.Errorf("best month %+v worst %+v", s.BestMonth, s.WorstMonth)
	}
	checkFigure(t, "2019", s.Yearly[0].Return, pow(g, 364)-1)
	checkFigure(t, "2020", s.Yearly[1].Return, pow(g, 365)*0.9-1)
	checkFigure(t, "2021", s.Yearly[2].Return, pow(g, 365)-1)
	// The tables compound back to the TWR.
	prod := 1.0
	for _, m := range s.Monthly {
		prod *= 1 + m.Return.Value
	}
	checkNear(t, "Π months", prod-1, twr)

	// Periods end 2021-12-31. 1M starts 2021-11-30 (31 days of growth),
	// 3M 2021-09-30 (31 + 30 + 31 = 92), 6M 2021-06-30 (184), YTD and 1Y
	// 2020-12-31 (365), 3Y 2018-12-31 and 5Y 2016-12-31 are before the data.
	want := map[string]struct {
		start time.Time
		ret   float64
	}{
		"1M":  {date(2021, 11, 30), pow(g, 31) - 1},
		"3M":  {date(2021, 9, 30), pow(g, 92) - 1},
		"6M":  {date(2021, 6, 30), pow(g, 184) - 1},
		"YTD": {date(2020, 12, 31), pow(g, 365) - 1},
		"1Y":  {date(2020, 12, 31), pow(g, 365) - 1},
		"ITD": {date(2019, 1, 1), twr},
	}
	for _, p := range s.Periods {
		w, ok := want[p.Name]
		if !ok {
			checkUndefined(t, p.Name, p.Return)
			continue
		}
		if p.Start != w.start {
			t.Errorf("%s starts %s, want %s", p.Name, p.Start.Format(time.DateOnly), w.start.Format(time.DateOnly))
		}
		checkFigure(t, p.Name, p.Return, w.ret)
	}
	// 1Y spans 365 days, a year by the calendar convention (Act/365; 365/365.25
	// of one before issue 13.4), so it annualises to itself; 6M is not
	// annualised.
	y1, _ := s.Period("1Y")
	checkFigure(t, "1Y annualised", y1.Annualised, y1.Return.Value)
	m6, _ := s.Period("6M")
	checkUndefined(t, "6M annualised", m6.Annualised)
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct{ from, want time.Time }{
		{date(2021, 3, 31), date(2021, 2, 28)},
		{date(2020, 3, 31), date(2020, 2, 29)},
		{date(2021, 1, 15), date(2020, 12, 15)},
		{date(2021, 12, 31), date(2021, 11, 30)},
	} {
		if got := addMonths(tc.from, -1); got != tc.want {
			t.Errorf("addMonths(%s, −1) = %s, want %s", tc.from.Format(time.DateOnly), got.Format(time.DateOnly), tc.want.Format(time.DateOnly))
		}
	}
}
