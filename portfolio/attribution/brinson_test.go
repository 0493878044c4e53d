package attribution

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func checkEffects(t *testing.T, what string, got []Effect, want []Effect) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d effects, want %d: %+v", what, len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Group != w.Group {
			t.Errorf("%s: effect %d is of %s, want %s", what, i, g.Group, w.Group)
			continue
		}
		near(t, what+" "+w.Group+" allocation", g.Allocation, w.Allocation)
		near(t, what+" "+w.Group+" selection", g.Selection, w.Selection)
		near(t, what+" "+w.Group+" interaction", g.Interaction, w.Interaction)
	}
}

// TestBrinsonFachlerTextbook is the worked example of AcadiFi's "How does
// the Brinson-Fachler holdings-based attribution model decompose active
// return into allocation and selection effects?"
// (https://acadifi.com/community/holdings-based-performance-attribution-brinson-allocation-selection),
// four sectors, recomputed by hand from its inputs:
//
//	        w     W     r      b
//	Tech    .35   .30   .180   .155
//	Health  .20   .15   .082   .090
//	Fin     .25   .30   .125   .110
//	Cons    .20   .25   .068   .075
//
// B = .3 × .155 + .15 × .09 + .3 × .11 + .25 × .075 = .11175 and
// R = .35 × .18 + .2 × .082 + .25 × .125 + .2 × .068 = .12425 (the page's
// totals, 11.25 % and 12.38 %, are mis-added; its allocations use 11.25 %,
// so each differs from these by 0.05 × 0.075 %, while its allocation total,
// 0.300 %, and its selections agree). Allocation (w − W)(b − B): .05 ×
// .04325 = .0021625, .05 × −.02175 = −.0010875, −.05 × −.00175 = .0000875,
// −.05 × −.03675 = .0018375 (Σ .003). Selection W (r − b): .3 × .025 =
// .0075, .15 × −.008 = −.0012, .3 × .015 = .0045, .25 × −.007 = −.00175
// (Σ .00905). Interaction (w − W)(r − b): .00125, −.0004, −.00075, .00035
// (Σ .00045). Total .0125 = R − B.
func TestBrinsonFachlerTextbook(t *testing.T) {
	a, err := BrinsonFachler([]Segment{
		{"Tech", .35, .18, .30, .155},
		{"Health", .20, .082, .15, .09},
		{"Fin", .25, .125, .30, .11},
		{"Cons", .20, .068, .25, .075},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkEffects(t, "textbook", a.Effects, []Effect{
		{"Tech", .0021625, .0075, .00125},
		{"Health", -.0010875, -.0012, -.0004},
		{"Fin", .0000875, .0045, -.00075},
		{"Cons", .0018375, -.00175, .00035},
	})
	near(t, "R", a.PortfolioReturn, .12425)
	near(t, "B", a.BenchmarkReturn, .11175)
	tot := a.Totals()
	near(t, "total allocation", tot.Allocation, .003)
	near(t, "total selection", tot.Selection, .00905)
	near(t, "total interaction", tot.Interaction, .00045)
	near(t, "total", tot.Total(), .0125)
}

// TestLinkByHand links two periods of two groups.
//
// Period 1: w .6/.4, r .10/0, W .5/.5, b .05/.02: R = .06, B = .035;
// allocation .1 × .015 = .0015 and −.1 × −.015 = .0015, selection .5 × .05
// = .025 and .5 × −.02 = −.01, interaction .1 × .05 = .005 and −.1 × −.02
// = .002. Period 2: w .5/.5, r −.04/.02, W .5/.5, b −.02/.01: R = −.01, B =
// −.005; allocation 0, selection −.01 and .005, interaction 0.
// Linked (Frongello): period 1 as is, then × (1 + B2) = .995 plus period
// 2 × (1 + R1) = 1.06: X allocation .0015 × .995 = .0014925, selection
// .025 × .995 − .01 × 1.06 = .014275, interaction .005 × .995 = .004975; Y
// allocation .0014925, selection −.01 × .995 + .005 × 1.06 = −.00465,
// interaction .002 × .995 = .00199. Σ = .019575 = 1.06 × .99 − 1.035 ×
// .995.
func TestLinkByHand(t *testing.T) {
	a, err := Link([][]Segment{
		{{"X", .6, .10, .5, .05}, {"Y", .4, 0, .5, .02}},
		{{"X", .5, -.04, .5, -.02}, {"Y", .5, .02, .5, .01}},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkEffects(t, "linked", a.Effects, []Effect{{"X", .0014925, .014275, .004975}, {"Y", .0014925, -.00465, .00199}})
	near(t, "R", a.PortfolioReturn, 1.06*.99-1)
	near(t, "B", a.BenchmarkReturn, 1.035*.995-1)
	near(t, "total", a.Totals().Total(), .019575)
}

// TestBrinsonFachlerReportsEveryProblem: weights that do not add up, a
// repeated group and a NaN return, all in one error.
func TestBrinsonFachlerReportsEveryProblem(t *testing.T) {
	_, err := Link([][]Segment{
		{{"X", .5, .1, .5, .1}, {"X", .5, .1, .5, .1}},
		{{"X", .7, math.NaN(), .5, .1}, {"Y", .2, 0, .5, 0}},
	})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`period 1: group "X" is blank or repeated`, "period 2: group X", "period 2: the portfolio's weights add up to 0.2"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

// TestDailyBrinsonFachlerByHand: fourDays from day 1 to day 2, A in Tech,
// B in Health, against a benchmark of half Tech (100 → 110, +10 %) and half
// Health (100 → 95, −5 %): B = .025. Day 1 opens the window; on day 2 the
// portfolio's base is 1058 (A 550, B 110, cash 398) and its gains A 47, B
// 15, cash 0, so R = 62/1058.
//
//	Tech:   w = 550/1058, r = 47/550: allocation (w − .5)(.1 − .025),
//	        selection .5 (r − .1), interaction (w − .5)(r − .1)
//	Health: w = 110/1058, r = 15/110: allocation (w − .5)(−.05 − .025),
//	        selection .5 (r + .05), interaction (w − .5)(r + .05)
//	Cash:   w = 398/1058, not in the benchmark: b = B, so allocation 0,
//	        selection 0, interaction 0 − w × .025
//
// and the total is R − B.
func TestDailyBrinsonFachlerByHand(t *testing.T) {
	f, cols := fourDays()
	d, err := Decompose(f, cols, date(1), date(2))
	if err != nil {
		t.Fatal(err)
	}
	group := MapGroup(map[string]string{"A": "Tech", "B": "Health"})
	a, err := d.BrinsonFachler(group, Benchmark{
		Weights: map[string]float64{"Tech": .5, "Health": .5},
		Levels:  map[string][]float64{"Tech": {100, 110}, "Health": {100, 95}},
	})
	if err != nil {
		t.Fatal(err)
	}
	wT, rT, wH, rH, wC := 550.0/1058, 47.0/550, 110.0/1058, 15.0/110, 398.0/1058
	checkEffects(t, "daily", a.Effects, []Effect{
		{"Tech", (wT - .5) * .075, .5 * (rT - .1), (wT - .5) * (rT - .1)},
		{"Health", (wH - .5) * -.075, .5 * (rH + .05), (wH - .5) * (rH + .05)},
		{Cash, 0, 0, -wC * .025},
	})
	near(t, "R", a.PortfolioReturn, 62.0/1058)
	near(t, "B", a.BenchmarkReturn, .025)
	near(t, "total", a.Totals().Total(), 62.0/1058-.025)

	_, err = d.BrinsonFachler(group, Benchmark{
		Weights: map[string]float64{"Tech": .5, "Health": .4, "Bonds": .2},
		Levels:  map[string][]float64{"Tech": {100}, "Health": {100, -1}},
	})
	for _, want := range []string{"Bonds: weight 0.2 but no levels", "Health: level -1 on 2024-01-03", "Tech: 1 levels, want one per date of the window (2", "add up to 1.1"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not say %q", err, want)
		}
	}
}

// TestBrinsonFachlerAddsUpOnTheSample: over random windows of the sample,
// symbols grouped by their first letter against a benchmark of random
// weights and random-walk group indices, the linked effects add up to the
// portfolio's TWR less the benchmark's to 1e-12.
func TestBrinsonFachlerAddsUpOnTheSample(t *testing.T) {
	res := buildSample(t)
	dates := res.Performance.Dates
	rng := rand.New(rand.NewPCG(5, 19))
	group := func(s string) string {
		if s == Cash {
			return ""
		}
		return s[:1]
	}
	for range 40 {
		a, b := rng.IntN(len(dates)), rng.IntN(len(dates))
		from, to := dates[min(a, b)], dates[max(a, b)]
		d, err := FromResult(res, from, to)
		if err != nil {
			t.Fatal(err)
		}
		bench := Benchmark{Weights: map[string]float64{}, Levels: map[string][]float64{}}
		var sum float64
		for _, g := range []string{"A", "M", "Z"} {
			bench.Weights[g] = rng.Float64()
			sum += bench.Weights[g]
			lv := make([]float64, len(d.Dates))
			lv[0] = 100
			for k := 1; k < len(lv); k++ {
				lv[k] = lv[k-1] * (1 + 0.02*rng.NormFloat64())
			}
			bench.Levels[g] = lv
		}
		for g := range bench.Weights {
			bench.Weights[g] /= sum
		}
		attr, err := d.BrinsonFachler(group, bench)
		if err != nil {
			t.Fatal(err)
		}
		want := attr.PortfolioReturn - attr.BenchmarkReturn
		if got := attr.Totals().Total(); math.Abs(got-want) > 1e-12 {
			t.Errorf("%s to %s: Σ effects = %.17g, active return = %.17g", from.Format(time.DateOnly), to.Format(time.DateOnly), got, want)
		}
		near(t, "portfolio return", attr.PortfolioReturn, d.TWR())
	}
}
