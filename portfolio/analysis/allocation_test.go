package analysis

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/meta"
)

// TestAllocation checks the weights by hand. £1,000 and $1,000 deposited
// on 2 Jan 2024 (a dollar is £0.50); 10 A (GBP) bought at £20, 5 B (USD)
// at $40 and 2 C (USD) at $50. On 3 Jan A closes 30, B 60, C 50:
//
//	A 10 × 30 = £300; B 5 × 60 = $300 = £150; C 2 × 50 = $100 = £50;
//	cash £1,000 − 200 = £800 and $1,000 − 200 − 100 = $700 = £350;
//	total 300 + 150 + 50 + 800 + 350 = £1,650.
//
// By currency: GBP 300 + 800 = 1,100 (2/3), USD 150 + 50 + 350 = 550
// (1/3). The metadata lists A (Tech, Europe) and B (Tech, no region): by
// sector Cash 1,150, Tech 450, Unclassified 50 (C); by region Cash 1,150,
// Europe 300, Unclassified 200 (B, C). Its country column classifies no
// symbol held, so there is no grouping by country; name is a symbol's own.
func TestAllocation(t *testing.T) {
	d1, d2 := quotes.Date(2024, 1, 2), quotes.Date(2024, 1, 3)
	two := func(sym, ccy string, c1, c2 float64) *quotes.Series {
		return &quotes.Series{Symbol: sym, Currency: ccy, Dates: []time.Time{d1, d2}, Close: []float64{c1, c2}}
	}
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d1, Kind: portfolio.Deposit, Amount: 1000, Currency: "GBP"},
		{Date: d1, Kind: portfolio.Deposit, Amount: 1000, Currency: "USD"},
		{Date: d1, Kind: portfolio.Buy, Symbol: "A", Quantity: 10, Price: 20},
		{Date: d1, Kind: portfolio.Buy, Symbol: "B", Quantity: 5, Price: 40},
		{Date: d1, Kind: portfolio.Buy, Symbol: "C", Quantity: 2, Price: 50},
	}, portfolio.Config{Currency: "GBP", Rates: halfRates{}, Series: map[string]*quotes.Series{
		"A": two("A", "GBP", 20, 30), "B": two("B", "USD", 40, 60), "C": two("C", "USD", 50, 50)}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := meta.Read(strings.NewReader("symbol,name,sector,region,country\nA,Alpha,Tech,Europe,\nB,Beta,Tech,,\nZ,Zeta,Energy,Asia,JP\n"), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Run(res, nil, Options{Meta: m})
	if err != nil {
		t.Fatal(err)
	}
	al := a.Allocation
	if !near(al.Total, 1650) || !near(al.Total, a.Performance.Value[a.Performance.Len()-1]) {
		t.Errorf("total %v, want 1650, the value on the last day", al.Total)
	}
	type share struct {
		name  string
		value float64
	}
	want := map[string][]share{
		"holding":  {{"Cash GBP", 800}, {"Cash USD", 350}, {"A", 300}, {"B", 150}, {"C", 50}},
		"currency": {{"GBP", 1100}, {"USD", 550}},
		"sector":   {{"Cash", 1150}, {"Tech", 450}, {"Unclassified", 50}},
		"region":   {{"Cash", 1150}, {"Europe", 300}, {"Unclassified", 200}},
	}
	var bys []string
	for _, g := range al.Groupings {
		bys = append(bys, g.By)
		w, ok := want[g.By]
		if !ok || len(g.Shares) != len(w) {
			t.Errorf("grouping %s: %+v, want %v", g.By, g.Shares, w)
			continue
		}
		var sum float64
		for i, s := range g.Shares {
			sum += s.Weight
			if s.Name != w[i].name || !near(s.Value, w[i].value) || !near(s.Weight, w[i].value/1650) {
				t.Errorf("grouping %s share %d: %+v, want %s %v (%v)", g.By, i, s, w[i].name, w[i].value, w[i].value/1650)
			}
		}
		if !near(sum, 1) {
			t.Errorf("grouping %s: weights add up to %v", g.By, sum)
		}
	}
	if !slices.Equal(bys, []string{"holding", "currency", "sector", "region"}) {
		t.Errorf("groupings %q, want holding, currency, sector, region", bys)
	}
	if len(al.Groupings) == 4 {
		if u := al.Groupings[2].Unclassified; !slices.Equal(u, []string{"C"}) {
			t.Errorf("by sector unclassified %q, want C", u)
		}
		if u := al.Groupings[3].Unclassified; !slices.Equal(u, []string{"B", "C"}) {
			t.Errorf("by region unclassified %q, want B, C", u)
		}
		if al.Groupings[2].Title != "Sector" {
			t.Errorf("title %q", al.Groupings[2].Title)
		}
	}
	if !slices.Equal(al.NotListed, []string{"C"}) {
		t.Errorf("not listed %q, want C", al.NotListed)
	}
}

// TestAllocationWithoutMeta: by holding and currency only, nothing listed
// as missing.
func TestAllocationWithoutMeta(t *testing.T) {
	res, _ := fourDays(t)
	a, err := Run(res, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 50 A at 9 = 450; cash £500 and $200 = £100: total 1050.
	al := a.Allocation
	if len(al.Groupings) != 2 || al.NotListed != nil || !near(al.Total, 1050) {
		t.Fatalf("allocation %+v", al)
	}
	if s := al.Groupings[0].Shares; len(s) != 3 || s[0].Name != "Cash GBP" || !near(s[0].Weight, 500.0/1050) ||
		s[1].Name != "A" || !near(s[1].Weight, 450.0/1050) || s[2].Name != "Cash USD" || !near(s[2].Weight, 100.0/1050) {
		t.Errorf("by holding %+v", s)
	}
}
