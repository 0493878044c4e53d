package report

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/meta"
)

// modelInput is analysis.TestModelBrinsonFachlerByHand's case: 6 A (Tech)
// and 4 B (Energy) bought for £1,000 on 2 Jan 2024, A closing 100, 110,
// 99 and B 100, 95, 114, against a model of 25% A, 25% C (Tech: 100, 102,
// 107.1) and 50% B. Portfolio TWR 5%, the model's 9.29375%.
func modelInput(t *testing.T) *Input {
	t.Helper()
	closes := func(sym string, c ...float64) *quotes.Series {
		s := &quotes.Series{Symbol: sym, Currency: "GBP", Close: c}
		for i := range c {
			s.Dates = append(s.Dates, quotes.Date(2024, 1, 2+i))
		}
		return s
	}
	a, b, c := closes("A", 100, 110, 99), closes("B", 100, 95, 114), closes("C", 100, 102, 107.1)
	d := quotes.Date(2024, 1, 2)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 1000, Currency: "GBP"},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 6, Price: 100},
		{Date: d, Kind: portfolio.Buy, Symbol: "B", Quantity: 4, Price: 100},
	}, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": a, "B": b}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := meta.Read(strings.NewReader("symbol,sector\nA,Tech\nB,Energy\nC,Tech\n"), "symbols.csv")
	if err != nil {
		t.Fatal(err)
	}
	model := &analysis.Model{Name: "Model m.csv", Targets: rebalance.Targets{{Symbol: "A", Weight: .25}, {Symbol: "C", Weight: .25}, {Symbol: "B", Weight: .5}},
		Series: map[string]*quotes.Series{"A": a, "B": b, "C": c}}
	an, err := analysis.Run(res, nil, analysis.Options{Meta: m, Model: model})
	if err != nil {
		t.Fatal(err)
	}
	in, err := NewInput(an, InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestModelAttributionSection: the effects by sector as computed by hand
// (analysis.TestModelBrinsonFachlerByHand), the model beside the portfolio
// in the statistics table, and the contributions by quote currency and by
// sector stacked in the returns section.
func TestModelAttributionSection(t *testing.T) {
	page := render(t, modelInput(t), Options{})
	want := map[string][4]float64{
		"Tech":   {-.00976875, -.01725, -.00615, -.00976875 - .01725 - .00615},
		"Energy": {-.00976875, 0, 0, -.00976875},
		"Cash":   {},
		"Total":  {-.0195375, -.01725, -.00615, -.0429375},
	}
	got := tableRows(t, page, "model-effects-sector")
	if len(got) != 5 || strings.Join(got[0], ",") != "Sector,Allocation,Selection,Interaction,Total" ||
		got[1][0] != "Tech" || got[2][0] != "Energy" || got[3][0] != "Cash" || got[4][0] != "Total" {
		t.Fatalf("effects by sector %q, want Tech, Energy, Cash, Total", got)
	}
	for _, row := range got[1:] {
		for k, cell := range row[1:] {
			// Two decimals of a percentage: within 0.005% of the hand value.
			if x := parsePercent(t, cell); math.Abs(x-want[row[0]][k]) > 0.5e-4+1e-12 {
				t.Errorf("%s column %d: %s, want %.6f%%", row[0], k+1, cell, 100*want[row[0]][k])
			}
		}
	}
	for _, s := range []string{"Attribution against Model m.csv", "TWR of &#43;5.00% against the model's &#43;9.29%", "a difference of -4.29%",
		`<table id="model-effects">`, `>Model m.csv in GBP</th>`} {
		if !strings.Contains(page, s) {
			t.Errorf("the page lacks %s", s)
		}
	}
	sector := tableRows(t, page, "group-contribution-sector")
	// Energy 4 × (114 − 100)/1,000 = +5.6%, Tech 6 × (99 − 100)/1,000 = −0.6%.
	if len(sector) != 4 || strings.Join(sector[1], ",") != "Energy,+5.60%,B" || strings.Join(sector[2], ",") != "Tech,-0.60%,A" || sector[3][0] != "Cash" {
		t.Errorf("contribution by sector %q, want Energy +5.60%%, Tech -0.60%%, Cash", sector)
	}
	if !strings.Contains(page, "Contribution by sector") || !strings.Contains(page, "Contribution by quote currency") {
		t.Error("the contributions are not by quote currency and by sector")
	}
}

// TestNoModelNoAttribution: without a model there is no such section.
func TestNoModelNoAttribution(t *testing.T) {
	if page := render(t, windowedInput(t), Options{}); strings.Contains(page, `id="model-attribution"`) {
		t.Error("a report without a model has an attribution against one")
	}
}

// parsePercent reads a cell such as "-1.73%" or "+0.77%" as a fraction.
func parsePercent(t *testing.T, cell string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(cell, "−", "-"), "%"), 64)
	if err != nil {
		t.Fatalf("cell %q: %v", cell, err)
	}
	return x / 100
}

// TestModelAttributionValidate: an effect that is not a number is an
// input problem naming the model, the grouping and the group.
func TestModelAttributionValidate(t *testing.T) {
	in := modelInput(t)
	in.ModelAttribution.Tables[1].Rows[0].Selection = math.NaN()
	err := in.Validate()
	if err == nil || !strings.Contains(err.Error(), `attribution against "Model m.csv" by Sector: group "Tech"`) {
		t.Errorf("error %v, want the model, the grouping and the group named", err)
	}
}
