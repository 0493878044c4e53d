package attribution

import (
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/sample"
)

// sampleModel is a model of the sample's market: two holdings of the
// sample portfolio, three it never holds, and cash; with their series.
func sampleModel(t *testing.T) (Model, map[string]*quotes.Series) {
	t.Helper()
	m := Model{Name: "model", Weights: map[string]float64{"IBM": .2, "KO": .2, "XOM": .2, "JPM": .15, "AA": .15, Cash: .1}}
	var syms []string
	for s := range m.Weights {
		if s != Cash {
			syms = append(syms, s)
		}
	}
	series, err := quotes.FetchAll(context.Background(), sample.Market(), syms, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return m, series
}

// TestModelEffectsAddUpOnTheSample: over the whole sample and 150 random
// windows, against a model of six weights (cash included) grouped by
// sector, by holding and all in one group, the linked allocation, selection
// and interaction effects add up to the portfolio's TWR less the model's
// to 1e-12, the portfolio's return is the window's TWR and the model's
// return its own index's.
func TestModelEffectsAddUpOnTheSample(t *testing.T) {
	res := buildSample(t)
	model, series := sampleModel(t)
	meta := sample.Meta()
	groupings := map[string]func(string) string{
		"sector":  func(s string) string { return meta.Get(s, "sector") },
		"holding": func(s string) string { return s },
		"one":     func(string) string { return "All" },
	}
	dates := res.Performance.Dates
	rng := rand.New(rand.NewPCG(19, 5))
	windows := [][2]time.Time{{}}
	for range 150 {
		a, b := rng.IntN(len(dates)), rng.IntN(len(dates))
		windows = append(windows, [2]time.Time{dates[min(a, b)], dates[max(a, b)]})
	}
	worst := 0.0
	for _, w := range windows {
		d, err := FromResult(res, w[0], w[1])
		if err != nil {
			t.Fatal(err)
		}
		md, err := NewModel(model, series, d.Dates, res.Currency, res.Rates)
		if err != nil {
			t.Fatal(err)
		}
		for name, g := range groupings {
			a, err := d.BrinsonFachler(g, md.Benchmark(g))
			if err != nil {
				t.Fatalf("%s %v: %v", name, w, err)
			}
			want := d.TWR() - md.TWR()
			off := math.Abs(a.Totals().Total() - want)
			worst = max(worst, off)
			if off > 1e-12 || math.Abs(a.PortfolioReturn-d.TWR()) > 1e-12 || math.Abs(a.BenchmarkReturn-md.TWR()) > 1e-12 {
				t.Errorf("by %s over %v: effects %.17g, portfolio %.17g − model %.17g = %.17g", name, w, a.Totals().Total(), d.TWR(), md.TWR(), want)
			}
		}
	}
	t.Logf("worst |Σ effects − (TWR − model TWR)| = %.3g", worst)
}

// TestModelBenchmarkGroups: a group's weight is its symbols' and its
// return their weighted mean, so that the groups' Σ W b is the model's
// return each day (checked on the sample, by sector).
func TestModelBenchmarkGroups(t *testing.T) {
	res := buildSample(t)
	model, series := sampleModel(t)
	md, err := NewModel(model, series, res.Performance.Dates[:300], res.Currency, res.Rates)
	if err != nil {
		t.Fatal(err)
	}
	meta := sample.Meta()
	b := md.Benchmark(func(s string) string { return meta.Get(s, "sector") })
	// IBM is Information Technology, KO Consumer Staples, XOM Energy, JPM
	// Financials, AA Materials: one symbol each, and the cash.
	if len(b.Weights) != 6 || b.Weights["Information Technology"] != .2 || b.Weights[Cash] != .1 || b.Weights["Materials"] != .15 {
		t.Errorf("weights %v", b.Weights)
	}
	delete(model.Weights, Cash)
	model.Weights["AA"] += .1
	noCash, err := NewModel(model, series, res.Performance.Dates[:300], res.Currency, res.Rates)
	if err != nil {
		t.Fatal(err)
	}
	nb := noCash.Benchmark(func(s string) string { return meta.Get(s, "sector") })
	if w, ok := nb.Weights[Cash]; !ok || w != 0 || len(nb.Levels[Cash]) != 300 || nb.Levels[Cash][0] != 1 || nb.Levels[Cash][299] != 1 {
		t.Errorf("without cash in the model, the cash's weight %v (%v) and levels %v, want 0 and a level of 1", w, ok, nb.Levels[Cash])
	}
	for t0 := 1; t0 < len(md.Dates); t0++ {
		var sum float64
		for g, w := range b.Weights {
			sum += w * (b.Levels[g][t0]/b.Levels[g][t0-1] - 1)
		}
		if math.Abs(sum-md.Return[t0]) > 1e-15 {
			t.Fatalf("day %d: Σ W b = %v, model return %v", t0, sum, md.Return[t0])
		}
	}
}

// TestNewModelProblems: every problem at once, each naming the symbol.
func TestNewModelProblems(t *testing.T) {
	d := []time.Time{quotes.Date(2024, 1, 2), quotes.Date(2024, 1, 3)}
	_, err := NewModel(Model{Name: "m", Weights: map[string]float64{"A": math.NaN(), "B": 1.5, "": .1}}, nil, d, "GBP", nil)
	for _, want := range []string{"A's weight is NaN", "B's weight is 1.5", "a blank symbol"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
	_, err = NewModel(Model{Name: "m", Weights: map[string]float64{"A": .5, "B": .4}}, nil, d, "GBP", nil)
	if err == nil || !strings.Contains(err.Error(), "add up to 0.9") {
		t.Errorf("error %v, want the sum named", err)
	}
	_, err = NewModel(Model{Name: "m", Weights: map[string]float64{"A": .5, "B": .5}}, nil, d, "GBP", nil)
	if err == nil || !strings.Contains(err.Error(), "A has no market data") || !strings.Contains(err.Error(), "B has no market data") {
		t.Errorf("error %v, want A and B named", err)
	}
}
