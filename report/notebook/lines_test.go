package notebook

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/report/chart"
)

func TestIndexLineRebasesAtStart(t *testing.T) {
	idx := &benchmark.Index{Symbol: "^DJI", Dates: days("2020-01-01", 3), Values: []float64{100, 110, 121}}
	l := IndexLine(idx, idx.Dates[1])
	// Rebased on 110: 100/110 − 1 = −0.0909…, 110/110 − 1 = 0, 121/110 − 1 = 0.1.
	want := []float64{100.0/110 - 1, 0, 0.1}
	if l.Name != "^DJI" || len(l.Values) != 3 {
		t.Fatalf("line %+v", l)
	}
	for i, w := range want {
		if math.Abs(l.Values[i]-w) > 1e-15 {
			t.Errorf("value %d = %v, want %v", i, l.Values[i], w)
		}
	}
}

func TestReturnsLines(t *testing.T) {
	perf := &portfolio.Performance{Dates: days("2020-01-01", 3), DailyReturn: []float64{0, 0.01, -0.02}}
	l := ReturnsLine("P", perf)
	if len(l.Dates) != 2 || !l.Dates[0].Equal(perf.Dates[1]) || l.Values[0] != 0.01 || l.Values[1] != -0.02 {
		t.Errorf("ReturnsLine %+v: want the returns from the second date", l)
	}
	if l := ReturnsLine("P", &portfolio.Performance{Dates: days("2020-01-01", 1), DailyReturn: []float64{0}}); len(l.Dates) != 0 {
		t.Errorf("one date gave %d returns", len(l.Dates))
	}
	idx := &benchmark.Index{Symbol: "^DJI", Dates: days("2020-01-01", 3), Values: []float64{100, 110, 99}}
	// 110/100 − 1 = 0.1; 99/110 − 1 = −0.1.
	r := IndexReturnsLine(idx)
	if len(r.Dates) != 2 || !r.Dates[0].Equal(idx.Dates[1]) || math.Abs(r.Values[0]-0.1) > 1e-15 || math.Abs(r.Values[1]+0.1) > 1e-15 {
		t.Errorf("IndexReturnsLine %+v", r)
	}
}

func TestRollingVolatilityLine(t *testing.T) {
	returns := chart.Line{Name: "P", Dates: days("2020-01-01", 4), Values: []float64{0.01, 0.03, 0.02, 0.02}}
	l, err := RollingVolatilityLine(returns, 3)
	if err != nil {
		t.Fatal(err)
	}
	// t=2: 0.01, 0.03, 0.02: mean 0.02, squares 1e-4 + 1e-4 + 0, /2 = 1e-4,
	// sd 0.01, × √252 = 0.158745078664. t=3: 0.03, 0.02, 0.02: mean 0.07/3,
	// squares 4.4444e-5 + 2 × 1.1111e-5 = 6.6667e-5, /2, sd 0.01/√3 =
	// 0.00577350269, × √252 = 0.0916515139.
	want := []float64{math.NaN(), math.NaN(), 0.158745078664, 0.0916515139}
	if l.Name != "P" || len(l.Dates) != 4 || !l.Dates[3].Equal(returns.Dates[3]) || len(l.Values) != 4 {
		t.Fatalf("line %+v", l)
	}
	for i, w := range want {
		if math.IsNaN(w) != math.IsNaN(l.Values[i]) || !math.IsNaN(w) && math.Abs(l.Values[i]-w) > 1e-9 {
			t.Errorf("value %d = %.12g, want %.12g", i, l.Values[i], w)
		}
	}
	if _, err := RollingVolatilityLine(returns, 1); err == nil || !strings.Contains(err.Error(), `"P"`) {
		t.Errorf("window 1: error %v, want one naming the line", err)
	}
}

func TestCumulativeAndDrawdownLines(t *testing.T) {
	perf := &portfolio.Performance{Dates: days("2020-01-01", 2), CumulativeReturn: []float64{0, 0.1}, Drawdown: []float64{0, -0.05}}
	if l := CumulativeLine("P", perf); l.Name != "P" || l.Values[1] != 0.1 {
		t.Errorf("CumulativeLine %+v", l)
	}
	if l := DrawdownLine("P", perf); l.Values[1] != -0.05 {
		t.Errorf("DrawdownLine %+v", l)
	}
}

func TestMonthlyGrid(t *testing.T) {
	fig := func(v float64) stats.Figure { return stats.Figure{Value: v} }
	undefined := stats.Figure{Value: math.NaN(), Reason: "held nothing"}
	s := &stats.Summary{
		Monthly: []stats.MonthReturn{
			{Year: 2019, Month: time.November, Return: undefined},
			{Year: 2019, Month: time.December, Return: fig(0.02)},
			{Year: 2020, Month: time.January, Return: fig(-0.01)},
		},
		Yearly: []stats.YearReturn{{Year: 2019, Return: fig(0.02)}, {Year: 2020, Return: undefined}},
	}
	g := MonthlyGrid(s)
	if len(g.Years) != 2 || g.Years[0] != 2019 || g.Years[1] != 2020 {
		t.Fatalf("years %v", g.Years)
	}
	if g.Months[0][11] != 0.02 || g.Months[1][0] != -0.01 {
		t.Errorf("months %v", g.Months)
	}
	for _, nan := range []float64{g.Months[0][0], g.Months[0][10], g.Months[1][1], g.YearTotal[1]} {
		if !math.IsNaN(nan) {
			t.Errorf("want NaN for months without a return, got %v (grid %+v)", nan, g)
		}
	}
	if g.YearTotal[0] != 0.02 {
		t.Errorf("year totals %v", g.YearTotal)
	}
}
