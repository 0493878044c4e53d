package report

import (
	"encoding/json"
	"html"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/quotes/meta"
)

// TestNewInputAllocations: the analysis's groupings, in order, with the
// metadata's. builtPortfolio on 5 Jan: A 50 × 9 = £450 and £500 cash; A
// is Energy, so by sector Cash 500, Energy 450.
func TestNewInputAllocations(t *testing.T) {
	a := builtPortfolio(t)
	m, err := meta.Read(strings.NewReader("symbol,sector\nA,Energy\n"), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	a, err = analysis.Run(a.Result, nil, analysis.Options{Meta: m})
	if err != nil {
		t.Fatal(err)
	}
	in, err := NewInput(a, InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		by     string
		slices []Slice
	}{
		{"Holding", []Slice{sl("Cash GBP", 500), sl("A", 450)}},
		{"Currency", []Slice{sl("GBP", 950)}},
		{"Sector", []Slice{sl("Cash", 500), sl("Energy", 450)}},
	}
	if len(in.Allocations) != len(want) {
		t.Fatalf("allocations %+v, want %v", in.Allocations, want)
	}
	for i, w := range want {
		got := in.Allocations[i]
		if got.By != w.by || len(got.Slices) != len(w.slices) {
			t.Errorf("allocation %d: %+v, want %v", i, got, w)
			continue
		}
		for j, s := range w.slices {
			if got.Slices[j].Name != s.Name || !near(got.Slices[j].Value, s.Value) {
				t.Errorf("allocation by %s slice %d: %+v, want %+v", w.by, j, got.Slices[j], s)
			}
		}
	}
}

// allocationInput is synthetic's report with allocations by holding and
// by sector: £600 of A (Tech), £500 of B and C (not listed) and cash of
// £100 GBP and −£200 USD (borrowed): total 1,000; weights 60%, 50%, 10%,
// −20% by holding.
func allocationInput() *Input {
	in := synthetic(3, 2)
	in.Allocations = []Allocation{
		{By: "Holding", Slices: []Slice{sl("A", 600), sl("B", 300), sl("C", 200), sl("Cash GBP", 100), sl("Cash USD", -200)}},
		{By: "Sector", Slices: []Slice{sl("Tech", 600), sl("Unclassified", 500), sl("Cash", -100)}, Unclassified: []string{"B", "C"}},
	}
	in.NotListed = []string{"B", "C"}
	return in
}

func TestAllocationSection(t *testing.T) {
	page := render(t, allocationInput(), Options{})
	sec := page[strings.Index(page, `<section id="allocation"`):]
	sec = sec[:strings.Index(sec, "</section>")]
	for _, want := range []string{
		`<button type="button" data-by="holding" aria-pressed="true">Holding</button><button type="button" data-by="sector" aria-pressed="false">Sector</button>`,
		`<tr><td>A</td><td class="n">600.00</td><td class="n">60.00%</td></tr>`,
		`<tr data-weight="-1"><td>Cash USD</td><td class="n">-200.00</td><td class="n">-20.00%</td></tr>`,
		`<div class="alloc-group" data-by="sector" hidden>`,
		`<tr><td>Unclassified</td><td class="n">500.00</td><td class="n">50.00%</td></tr>`,
		`Unclassified: B, C (a blank sector in the symbols' metadata, or not listed in it).`,
		`Not in the symbols' metadata (grouped as Unclassified): B, C.`,
		`A negative weight (cash borrowed in a currency) is not drawn.`,
	} {
		if !strings.Contains(sec, want) {
			t.Errorf("allocation section lacks %s", want)
		}
	}
	if n := strings.Count(sec, `<img class="static" src="data:image/png;base64,`); n != 2 {
		t.Errorf("%d static images, want one per grouping", n)
	}
	// The donut's data: the slices drawn (the negative left out), with the
	// table's labels.
	raw := regexp.MustCompile(`(?s)<script type="application/json" id="gofolio-data">(.*?)</script>`).FindStringSubmatch(page)
	var data struct {
		Allocation []allocationData `json:"allocation"`
	}
	if raw == nil || json.Unmarshal([]byte(html.UnescapeString(raw[1])), &data) != nil {
		t.Fatal("no page data")
	}
	if len(data.Allocation) != 2 || len(data.Allocation[0].Drawn) != 4 || data.Allocation[0].Drawn[3].Label != "10.00%" ||
		data.Allocation[1].Drawn[1].Name != "Unclassified" || !near(data.Allocation[1].Drawn[1].Weight, 0.5) {
		t.Errorf("allocation data %+v", data.Allocation)
	}
}

// TestAllocationFallback: an Input without Allocations groups ByHolding
// and ByCurrency.
func TestAllocationFallback(t *testing.T) {
	in := synthetic(3, 2)
	if got := in.allocations(); len(got) != 2 || got[0].By != "Holding" || got[1].By != "Currency" || len(got[0].Slices) != len(in.ByHolding) {
		t.Errorf("allocations %+v", got)
	}
}

func TestDrawnOther(t *testing.T) {
	var rows []allocationRow
	for i := range 30 {
		rows = append(rows, allocationRow{Name: string(rune('A' + i)), Value: float64(30 - i), Weight: float64(30-i) / 465})
	}
	d := drawn(rows)
	// 24 drawn, the 6 smallest (6+5+4+3+2+1 = 21) as one
	if len(d) != maxDrawn || d[maxDrawn-1].Name != "Other (6)" || !near(d[maxDrawn-1].Value, 21) || d[maxDrawn-1].Label != "4.52%" {
		t.Errorf("last drawn %+v", d[len(d)-1])
	}
	if len(rows) != 30 || rows[24].Name != "Y" {
		t.Error("drawn changed its argument")
	}
}

// TestFormatWeight: the report's one percentage format, two decimals.
func TestFormatWeight(t *testing.T) {
	for w, want := range map[float64]string{0.12345: "12.35%", -0.00001: "0.00%", 12.5: "1,250.00%", 1: "100.00%"} {
		if got := formatWeight(w); got != want {
			t.Errorf("formatWeight(%v) = %q, want %q", w, got, want)
		}
	}
}

func TestValidateAllocations(t *testing.T) {
	in := synthetic(3, 2)
	in.Allocations = []Allocation{{By: "", Slices: []Slice{sl("A", 1)}}, {By: "Sector", Slices: []Slice{sl("A", math.NaN())}}}
	err := in.Validate()
	if err == nil || !strings.Contains(err.Error(), "an allocation has no By") || !strings.Contains(err.Error(), `allocation by "Sector": slice "A" has value NaN`) {
		t.Errorf("err = %v", err)
	}
}

// sl is a Slice (chart.Slice: vet wants its fields named).
func sl(name string, v float64) Slice { return Slice{Name: name, Value: v} }
