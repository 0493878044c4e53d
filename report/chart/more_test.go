package chart

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
)

func TestGrowthTicks(t *testing.T) {
	// 0.8 to 30: 1, 2, 5, 10, 20 (1-2-5 times powers of ten in range: 5 labels)
	if got := strings.Join(labels(GrowthTicks{}.Ticks(0.8, 30)), " "); got != "1 2 5 10 20" {
		t.Errorf("0.8..30: %q", got)
	}
	// 0.9 to 1.6: only 1 of 1-2-5 is inside, so niceTicks: raw step 0.7/6 ≈
	// 0.117 → 0.2: 1, 1.2, 1.4, 1.6
	if got := strings.Join(labels(GrowthTicks{}.Ticks(0.9, 1.6)), " "); got != "1 1.2 1.4 1.6" {
		t.Errorf("0.9..1.6: %q", got)
	}
	if ticks := (GrowthTicks{}).Ticks(0, 5); ticks != nil {
		t.Errorf("a range from 0 gave %v", ticks)
	}
}

func TestPerformanceLog(t *testing.T) {
	d := []time.Time{time.Date(2000, 1, 3, 0, 0, 0, 0, time.UTC), time.Date(2010, 1, 4, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)}
	// growth 1, 4, 16: cumulative returns 0, 3, 15
	p, err := PerformanceLog("Performance", Line{Name: "Portfolio", Dates: d, Values: []float64{0, 3, 15}}, Line{Name: "Index", Dates: d, Values: []float64{math.NaN(), 0.5, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.Y.Scale.(plot.LogScale); !ok {
		t.Errorf("y scale %T, want plot.LogScale", p.Y.Scale)
	}
	// the data run from growth 1 to 16; above it the legend's headroom, in
	// logarithms: ln 16 × (0.06 + 2 × 0.045) = 0.15 ln 16, so the top is 16^1.15
	if p.Y.Min != 1 || math.Abs(p.Y.Max-math.Pow(16, 1.15)) > 1e-9 {
		t.Errorf("y axis %v..%v, want 1..%v", p.Y.Min, p.Y.Max, math.Pow(16, 1.15))
	}
	var png bytes.Buffer
	if err := WritePNG(&png, p); err != nil {
		t.Fatal(err)
	}
	_, err = PerformanceLog("p", Line{Name: "bust", Dates: d, Values: []float64{0, -1, -2}})
	if err == nil || !strings.Contains(err.Error(), `line "bust": return -1 on 2010-01-04`) {
		t.Errorf("a return of −100%% gave %v", err)
	}
}

func TestHistogramChart(t *testing.T) {
	edges := []float64{-0.02, -0.01, 0, 0.01}
	p, err := Histogram("Daily returns", edges, Counts{Name: "Portfolio", Counts: []int{1, 5, 3}}, Counts{Name: "^DJI", Counts: []int{0, 6, 2}})
	if err != nil {
		t.Fatal(err)
	}
	// x from −2% to 1%; y from 0 to the highest count, 6, plus the headroom
	// for a two-entry legend: 6 × (1 + 0.06 + 2 × 0.045) = 6.9
	if p.X.Min != -2 || p.X.Max != 1 || p.Y.Min != 0 || math.Abs(p.Y.Max-6.9) > 1e-9 {
		t.Errorf("axes x %v..%v y %v..%v; want -2..1, 0..6.9", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	var png bytes.Buffer
	if err := WritePNG(&png, p); err != nil {
		t.Fatal(err)
	}
	_, err = Histogram("h", []float64{0, 0.01, 0.01}, Counts{Name: "a", Counts: []int{1}}, Counts{Name: "b", Counts: []int{1, -1}})
	for _, want := range []string{"edge 2 (0.01) is not above 0.01", `series "a" has 1 counts for 2 bins`, `series "b" has count -1 in bin 1`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}

func TestSecurityAndRollingRatio(t *testing.T) {
	d := []time.Time{time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC)}
	closeLine := Line{Name: "VOD.L", Dates: d, Values: []float64{70, 72, 71}}
	p, err := Security("VOD.L", "GBp", closeLine, []Trade{{Date: d[0], Kind: "BUY", Quantity: 10, Price: 70}, {Date: d[2], Kind: "DIVIDEND", Price: 71}})
	if err != nil {
		t.Fatal(err)
	}
	var png bytes.Buffer
	if err := WritePNG(&png, p); err != nil {
		t.Fatal(err)
	}
	_, err = Security("x", "GBP", closeLine, []Trade{{Date: d[1], Kind: "SPLIT", Price: 1}, {Date: d[1], Kind: "SELL", Price: math.NaN()}})
	for _, want := range []string{`trade 0 has kind "SPLIT"`, "trade 1 (SELL on 2024-01-03) at price NaN"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
	if _, err := RollingRatio("Rolling Sharpe", Line{Name: "6 months", Dates: d, Values: []float64{math.NaN(), 1.2, -0.4}}); err != nil {
		t.Error(err)
	}
	if _, err := RollingRatio("r", Line{Name: "x", Dates: d[:1], Values: []float64{1, 2}}); err == nil {
		t.Error("no error for 2 values on 1 date")
	}
}
