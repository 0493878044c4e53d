package analysis

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/attribution"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/meta"
	"github.com/gofolio/gofolio/quotes/sample"
)

// twoSectors is £1,000 deposited on 2 Jan 2024 and spent on 6 A (Tech) and
// 4 B (Energy) at £100; A closes 100, 110, 99, B 100, 95, 114. C (Tech,
// not held) closes 100, 102, 107.1. The model holds 25% A, 25% C, 50% B.
func twoSectors(t *testing.T) (*portfolio.Result, *Model, meta.Table) {
	t.Helper()
	d := quotes.Date(2024, 1, 2)
	a, b, c := series("A", "GBP", 100, 110, 99), series("B", "GBP", 100, 95, 114), series("C", "GBP", 100, 102, 107.1)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 1000, Currency: "GBP"},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 6, Price: 100},
		{Date: d, Kind: portfolio.Buy, Symbol: "B", Quantity: 4, Price: 100},
	}, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": a, "B": b}})
	if err != nil {
		t.Fatal(err)
	}
	targets, err := rebalance.ParseTargets(strings.NewReader("symbol,weight\nA,25\nC,25\nB,50\n"), "model.csv")
	if err != nil {
		t.Fatal(err)
	}
	m, err := meta.Read(strings.NewReader("symbol,sector\nA,Tech\nB,Energy\nC,Tech\n"), "symbols.csv")
	if err != nil {
		t.Fatal(err)
	}
	return res, &Model{Name: "model.csv", Targets: targets, Series: map[string]*quotes.Series{"A": a, "B": b, "C": c}}, m
}

// TestModelBrinsonFachlerByHand checks the model and the effects by sector
// end to end. The portfolio: 1,000 → 1,040 → 1,050 (6 × 99 + 4 × 114), a
// TWR of 5%. The model: day 2, Tech b = (.25 × .10 + .25 × .02)/.5 = .06,
// Energy −.05, B₂ = .005; day 3, Tech (.25 × −.10 + .25 × .05)/.5 = −.025,
// Energy .2, B₃ = .0875; its TWR 1.005 × 1.0875 − 1 = .0929375.
//
// Day 2 (weights .6 Tech, .4 Energy; returns .1, −.05; model .5/.5):
// Tech allocation .1 × (.06 − .005) = .0055, selection .5 × (.1 − .06) =
// .02, interaction .1 × .04 = .004; Energy allocation −.1 × (−.05 − .005) =
// .0055, nothing else. Day 3 (weights 660/1040, 380/1040; returns −.1, .2):
// Tech allocation (140/1040)(−.025 − .0875) = −15.75/1040, selection .5 ×
// (−.1 + .025) = −.0375, interaction (140/1040)(−.075) = −10.5/1040;
// Energy allocation (−140/1040)(.2 − .0875) = −15.75/1040.
// Linked (Frongello: day 2's × (1 + B₃), day 3's × (1 + R₁)(1 + R₂) =
// 1.04): Tech allocation .0055 × 1.0875 − .01575 = −.00976875, selection
// .02 × 1.0875 − .039 = −.01725, interaction .004 × 1.0875 − .0105 =
// −.00615; Energy allocation −.00976875. Total −.0429375 = .05 − .0929375.
func TestModelBrinsonFachlerByHand(t *testing.T) {
	res, model, m := twoSectors(t)
	a, err := Run(res, nil, Options{Meta: m, Model: model})
	if err != nil {
		t.Fatal(err)
	}
	if a.Model == nil || len(a.Benchmarks) != 1 || a.Benchmarks[0].Symbol != "model.csv" {
		t.Fatalf("model %+v, benchmarks %d: want the model as the one benchmark", a.Model, len(a.Benchmarks))
	}
	if got := a.Model.Daily.TWR(); !near(got, .0929375) {
		t.Errorf("model TWR %v, want .0929375", got)
	}
	if got := a.Benchmarks[0].Summary.TWR.Value; !near(got, .0929375) {
		t.Errorf("model's benchmark TWR %v, want .0929375", got)
	}
	var bys []string
	var sector *ContributionGrouping
	for i, c := range a.Contributions {
		bys = append(bys, c.By)
		if c.By == meta.Sector {
			sector = &a.Contributions[i]
		}
	}
	if strings.Join(bys, ",") != "currency,sector" || sector == nil || sector.Effects == nil {
		t.Fatalf("groupings %q, want currency and sector with effects", bys)
	}
	want := map[string][3]float64{"Tech": {-.00976875, -.01725, -.00615}, "Energy": {-.00976875, 0, 0}, attribution.Cash: {}}
	for _, e := range sector.Effects.Effects {
		w, ok := want[e.Group]
		if !ok || !near(e.Allocation, w[0]) || !near(e.Selection, w[1]) || !near(e.Interaction, w[2]) {
			t.Errorf("%s: %+v, want allocation, selection, interaction %v", e.Group, e, w)
		}
	}
	if tot := sector.Effects.Totals(); !near(tot.Total(), -.0429375) || !near(sector.Effects.PortfolioReturn, .05) || !near(sector.Effects.BenchmarkReturn, .0929375) {
		t.Errorf("totals %+v of %v against %v, want −.0429375 = .05 − .0929375", tot, sector.Effects.PortfolioReturn, sector.Effects.BenchmarkReturn)
	}
}

// TestModelProblems: a model symbol without market data and one whose data
// start after the window's first date are both reported.
func TestModelProblems(t *testing.T) {
	res, model, _ := twoSectors(t)
	model.Targets = append(model.Targets, rebalance.Target{Symbol: "D"})
	late := series("C", "GBP", 1, 100, 102)
	late.Dates, late.Close = late.Dates[1:], late.Close[1:]
	model.Series["C"] = late
	model.Targets[0].Weight = .15 // A 15%, E 10%
	model.Targets = append(model.Targets, rebalance.Target{Symbol: "E", Weight: .1})
	_, err := Run(res, nil, Options{Model: model})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"E has no market data", "C's first close is on 2024-01-03, after the model's first date 2024-01-02"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "D ") {
		t.Errorf("error %q names D, of weight 0", err)
	}
}

// TestModelCashEarnsNothing: CASH (any case) is the cash, of return 0.
func TestModelCashEarnsNothing(t *testing.T) {
	res, model, _ := twoSectors(t)
	model.Targets = rebalance.Targets{{Symbol: "A", Weight: .5}, {Symbol: "cash", Weight: .5}}
	a, err := Run(res, nil, Options{Model: model})
	if err != nil {
		t.Fatal(err)
	}
	// .5 × .1 = .05, then .5 × −.1 = −.05: 1.05 × .95 − 1 = −.0025.
	if got := a.Model.Daily.TWR(); math.Abs(got+.0025) > 1e-12 {
		t.Errorf("model TWR %v, want −.0025", got)
	}
}

// TestContributionsByEveryGrouping: with Options.Groups and metadata and
// no model, the contributions are grouped by Groups, quote currency and
// sector, each adding up to the TWR, with no effects; ContributionByGroup
// is the first.
func TestContributionsByEveryGrouping(t *testing.T) {
	res, _, m := twoSectors(t)
	a, err := Run(res, nil, Options{Meta: m, Groups: map[string]string{"A": "Mine"}})
	if err != nil {
		t.Fatal(err)
	}
	var bys []string
	for _, c := range a.Contributions {
		bys = append(bys, c.By)
		var sum float64
		for _, g := range c.Groups {
			sum += g.Contribution
		}
		if !near(sum, a.Summary.TWR.Value) || c.Effects != nil {
			t.Errorf("by %s: contributions add up to %v, the TWR is %v; effects %v", c.By, sum, a.Summary.TWR.Value, c.Effects)
		}
	}
	if strings.Join(bys, ",") != "group,currency,sector" || a.GroupedBy != "group" || a.ContributionByGroup[0].Group != "Mine" && a.ContributionByGroup[1].Group != "Mine" {
		t.Errorf("groupings %q, grouped by %s: %+v", bys, a.GroupedBy, a.ContributionByGroup)
	}
}

// TestModelEffectsAddUpThroughRun: on the sample against a model, over
// the whole history and 12 windows, each grouping's effects add up to the
// portfolio's TWR (Summary) less the model's (its benchmark's Summary) to
// 1e-12.
func TestModelEffectsAddUpThroughRun(t *testing.T) {
	ctx := context.Background()
	txs, err := txfile.ReadCSV(bytes.NewReader(sample.Transactions()), txfile.Options{Name: sample.TransactionsFile})
	if err != nil {
		t.Fatal(err)
	}
	series, err := portfolio.Fetch(ctx, sample.Market(), txs, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: sample.Currency, Series: series, Rates: sample.FX()})
	if err != nil {
		t.Fatal(err)
	}
	targets, err := rebalance.NewTargets(map[string]float64{"IBM": .3, "XOM": .3, "KO": .25, "CASH": .15})
	if err != nil {
		t.Fatal(err)
	}
	modelSeries, err := quotes.FetchAll(ctx, sample.Market(), []string{"IBM", "XOM", "KO"}, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	model := &Model{Name: "model", Targets: targets, Series: modelSeries}
	dates := res.Performance.Dates
	windows := [][2]time.Time{{}}
	for k := range 12 {
		windows = append(windows, [2]time.Time{dates[k*100], dates[len(dates)-1-k*97]})
	}
	for _, w := range windows {
		a, err := Run(res, nil, Options{From: w[0], To: w[1], Meta: sample.Meta(), Model: model})
		if err != nil {
			t.Fatal(err)
		}
		want := a.Summary.TWR.Value - a.Benchmarks[len(a.Benchmarks)-1].Summary.TWR.Value
		for _, c := range a.Contributions {
			if got := c.Effects.Totals().Total(); math.Abs(got-want) > 1e-12 {
				t.Errorf("%v by %s: effects %.17g, TWR − model TWR %.17g", w, c.By, got, want)
			}
		}
	}
}
