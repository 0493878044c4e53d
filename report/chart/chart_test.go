package chart

import (
	"math"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

func labels(ticks []plot.Tick) []string {
	var out []string
	for _, t := range ticks {
		if t.Label != "" {
			out = append(out, t.Label)
		}
	}
	return out
}

func day(y int, m time.Month, d int) float64 {
	return TimeValue(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

func TestDateTicks(t *testing.T) {
	for _, tc := range []struct {
		name     string
		min, max float64
		want     string
		minor    int
	}{
		// ten years: a label each year, minor ticks each quarter (3 per year
		// between labels, 2016-01 .. 2025-01 gives 9 × 3 = 27 minor ticks,
		// plus Apr/Jul/Oct 2015 = 30)
		{"ten years", day(2015, 3, 10), day(2025, 2, 1), "2016 2017 2018 2019 2020 2021 2022 2023 2024 2025", 30},
		// twenty-six years: every 5 years
		{"decades", day(1999, 6, 1), day(2025, 6, 1), "2000 2005 2010 2015 2020 2025", 0},
		// two years: quarters, the year on January and on the first label
		{"two years", day(2023, 2, 15), day(2025, 1, 20), "Apr 2023 Jul Oct Jan 2024 Apr Jul Oct Jan 2025", 0},
		// six months: every month
		{"six months", day(2024, 3, 5), day(2024, 9, 5), "Apr 2024 May Jun Jul Aug Sep", 0},
		// five weeks: Mondays
		{"five weeks", day(2024, 1, 3), day(2024, 2, 7), "8 Jan 2024 15 Jan 22 Jan 29 Jan 5 Feb", 0},
		// a week: every day
		{"a week", day(2024, 1, 1), day(2024, 1, 4), "1 Jan 2024 2 Jan 2024 3 Jan 2024 4 Jan 2024", 0},
	} {
		ticks := DateTicks{}.Ticks(tc.min, tc.max)
		if got := strings.Join(labels(ticks), " "); got != tc.want {
			t.Errorf("%s: labels %q, want %q", tc.name, got, tc.want)
		}
		if tc.minor > 0 {
			if n := len(ticks) - len(labels(ticks)); n != tc.minor {
				t.Errorf("%s: %d minor ticks, want %d", tc.name, n, tc.minor)
			}
		}
		for _, tk := range ticks {
			if tk.Value < tc.min || tk.Value > tc.max {
				t.Errorf("%s: tick %v outside the range", tc.name, tk)
			}
		}
	}
	if ticks := (DateTicks{}).Ticks(5, 5); ticks != nil {
		t.Errorf("empty range gave %v", ticks)
	}
}

func TestPercentAndMoneyTicks(t *testing.T) {
	// range 0..40: raw step 40/6 ≈ 6.67 → 10 (1, 2, 2.5, 5 × 1 are too small)
	if got := strings.Join(labels(PercentTicks{}.Ticks(-3, 41)), " "); got != "0% 10% 20% 30% 40%" {
		t.Errorf("percent ticks %q", got)
	}
	// range 0.1..0.7: raw step 0.1 → 0.1, written without binary noise
	if got := strings.Join(labels(PercentTicks{}.Ticks(0.1, 0.7)), " "); got != "0.1% 0.2% 0.3% 0.4% 0.5% 0.6% 0.7%" {
		t.Errorf("percent ticks %q", got)
	}
	// 0..90,000: raw 15,000 → 20,000
	if got := strings.Join(labels(MoneyTicks{}.Ticks(0, 90000)), " "); got != "0 20k 40k 60k 80k" {
		t.Errorf("money ticks %q", got)
	}
	if got := compactMoney(2_500_000); got != "2.5M" {
		t.Errorf("compactMoney(2.5e6) = %q", got)
	}
}

func TestDecimateKeepsExtremes(t *testing.T) {
	xy := make(plotter.XYs, 10000)
	for i := range xy {
		xy[i] = plotter.XY{X: float64(i), Y: math.Sin(float64(i) / 50)}
	}
	xy[4321].Y = -5 // a one-day crash must survive
	out := decimate(xy, 1000)
	if len(out) > 1002 {
		t.Errorf("%d points, want at most 1002", len(out))
	}
	found := false
	for i, p := range out {
		if p.Y == -5 {
			found = true
		}
		if i > 0 && p.X <= out[i-1].X {
			t.Fatalf("points out of order at %d", i)
		}
	}
	if !found || out[0] != xy[0] || out[len(out)-1] != xy[len(xy)-1] {
		t.Error("decimate lost the trough or an end point")
	}
}

func TestBadInputReportsEveryProblem(t *testing.T) {
	d := []time.Time{time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	_, err := Performance("p", Line{Name: "a", Dates: d, Values: []float64{1, 2}}, Line{Name: "b", Dates: d[:1], Values: []float64{1, 2}}, Line{Name: "c"})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`"a"): date 1`, `"b"): 2 values for 1 dates`, `"c"): no dates`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if _, err := Allocation("a", []Slice{{"x", -1}, {"y", math.NaN()}}); err == nil || strings.Count(err.Error(), "has value") != 2 {
		t.Errorf("allocation error %v should name both bad slices", err)
	}
	if _, err := MonthlyHeatmap("m", MonthlyGrid{Years: []int{2024}}); err == nil {
		t.Error("no error for a grid without months")
	}
}

func TestAllocationGroupsSmallSlices(t *testing.T) {
	var s []Slice
	for i := 0; i < 30; i++ {
		s = append(s, Slice{Name: string(rune('A' + i%26)), Value: float64(30 - i)})
	}
	p, err := Allocation("a", s)
	if err != nil {
		t.Fatal(err)
	}
	// 24 bars of their own and "Other (6)" holding the 6 smallest
	if got := labels(p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max)); len(got) != maxBars || got[0] != "Other (6)" {
		t.Errorf("bar labels %q", got)
	}
}
