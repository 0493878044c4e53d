package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"

	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/report/chart"
)

// Allocation is the allocation on Input.AsOf grouped one way: by holding,
// by currency, or by a field of the symbols' metadata (sector, region ...).
// Each slice's weight is its Value over the sum of Slices' values, so the
// slices must include the cash for the weights to be of the portfolio's
// total value.
type Allocation struct {
	// By names the grouping as a heading: "Holding", "Sector".
	By string
	// Slices are the groups, in Input.Currency, largest first. A negative
	// value (cash borrowed in a currency) has a negative weight: it is
	// listed in the table but not drawn in the donut.
	Slices []Slice
	// Unclassified are the symbols in the "Unclassified" slice (their
	// field blank, or not in the metadata file); the page lists them.
	Unclassified []string
}

// maxDrawn is the number of slices the static image and the donut draw;
// the smaller ones are summed into one "Other (n)" (the table lists them
// all).
const maxDrawn = 25

// allocationInputs lays out a.Allocation, the analysis's groupings, as
// Input.Allocations and Input.NotListed.
func allocationInputs(in *Input, a *analysis.Analysis) {
	if a.Allocation == nil {
		return
	}
	for _, g := range a.Allocation.Groupings {
		al := Allocation{By: g.Title, Unclassified: g.Unclassified}
		for _, s := range g.Shares {
			al.Slices = append(al.Slices, Slice{Name: s.Name, Value: s.Value})
		}
		in.Allocations = append(in.Allocations, al)
	}
	in.NotListed = a.Allocation.NotListed
}

// validateAllocations checks each allocation's values are finite.
func (in *Input) validateAllocations(add func(string, ...any)) {
	for _, al := range in.Allocations {
		if al.By == "" {
			add("an allocation has no By")
		}
		for _, s := range al.Slices {
			if !known(s.Value) {
				add("allocation by %q: slice %q has value %v", al.By, s.Name, s.Value)
			}
		}
	}
}

// allocations is in.Allocations, or, for an Input made without them, the
// allocations by holding and by currency of ByHolding and ByCurrency.
func (in *Input) allocations() []Allocation {
	if len(in.Allocations) > 0 {
		return in.Allocations
	}
	var out []Allocation
	for _, a := range []Allocation{{By: "Holding", Slices: in.ByHolding}, {By: "Currency", Slices: in.ByCurrency}} {
		if len(a.Slices) > 0 {
			out = append(out, a)
		}
	}
	return out
}

// allocationSection is the Allocation section as the template places it.
type allocationSection struct {
	Groups    []allocationGroup
	NotListed []string
}

// allocationGroup is one grouping: its table rows, the rows drawn (at most
// maxDrawn, the rest as "Other (n)"), its static image and its id for the
// page's selector.
type allocationGroup struct {
	ID, By       string
	Rows         []allocationRow
	Drawn        []allocationRow
	Total        float64
	Static       template.HTMLAttr
	Unclassified []string
}

// allocationRow is one slice with its weight, Value / Σ values, and the
// weight as every rendering writes it (formatWeight).
type allocationRow struct {
	Name   string  `json:"name"`
	Value  float64 `json:"-"`
	Weight float64 `json:"value"`
	Label  string  `json:"label"`
}

// allocationData is one grouping for the page's script.
type allocationData struct {
	ID    string          `json:"id"`
	By    string          `json:"by"`
	Drawn []allocationRow `json:"drawn"`
}

// formatWeight writes a weight as the report writes every percentage
// (formatPercent: two decimals, 0.12345 is "12.35%"): in the allocation's
// table, donut and image alike, and as the holdings table's weights.
func formatWeight(w float64) string { return formatPercent(w) }

// allocationView weighs each allocation, Weight = Value / Σ Value over its
// slices, and draws its static image. An allocation whose values add up to
// 0 or less (a portfolio worth nothing) is left out.
func allocationView(in *Input) (*allocationSection, []allocationData, error) {
	var sec allocationSection
	var data []allocationData
	var errs []error
	used := map[string]int{}
	for _, al := range in.allocations() {
		g := allocationGroup{By: al.By, Unclassified: al.Unclassified, ID: slug(al.By)}
		if n := used[g.ID]; n > 0 {
			g.ID = fmt.Sprintf("%s-%d", g.ID, n+1)
		}
		used[slug(al.By)]++
		for _, s := range al.Slices {
			g.Total += s.Value
		}
		if !(g.Total > 0) {
			continue
		}
		for _, s := range weigh(al.Slices) { // largest first
			g.Rows = append(g.Rows, allocationRow{Name: s.Name, Value: s.Value, Weight: s.Weight, Label: formatWeight(s.Weight)})
		}
		g.Drawn = drawn(g.Rows)
		p, err := chart.Weights("Allocation by "+strings.ToLower(al.By), weightBars(g.Drawn))
		if err == nil {
			g.Static, err = pngSrc(p)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("allocation by %s: %w", al.By, err))
			continue
		}
		sec.Groups = append(sec.Groups, g)
		data = append(data, allocationData{ID: g.ID, By: g.By, Drawn: g.Drawn})
	}
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("report: %w", joinErrors(errs))
	}
	if len(sec.Groups) == 0 {
		return nil, nil, nil
	}
	sec.NotListed = in.NotListed
	return &sec, data, nil
}

// drawn is the rows with a positive weight, at most maxDrawn: the
// smallest summed into "Other (n)".
func drawn(rows []allocationRow) []allocationRow {
	var out []allocationRow
	for _, r := range rows {
		if r.Weight > 0 {
			out = append(out, r)
		}
	}
	if len(out) <= maxDrawn {
		return out
	}
	other := allocationRow{Name: fmt.Sprintf("Other (%d)", len(out)-maxDrawn+1)}
	for _, r := range out[maxDrawn-1:] {
		other.Value += r.Value
		other.Weight += r.Weight
	}
	other.Label = formatWeight(other.Weight)
	return append(out[:maxDrawn-1:maxDrawn-1], other)
}

func weightBars(rows []allocationRow) []chart.Weight {
	out := make([]chart.Weight, len(rows))
	for i, r := range rows {
		out[i] = chart.Weight{Name: r.Name, Weight: r.Weight, Label: r.Label}
	}
	return out
}

// pngSrc is p drawn as a PNG, as a whole src attribute (see staticCharts).
func pngSrc(p *chart.Plot) (template.HTMLAttr, error) {
	var buf bytes.Buffer
	if err := chart.WritePNGAt(&buf, p, staticScale); err != nil {
		return "", err
	}
	return template.HTMLAttr(`src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(buf.Bytes()) + `"`), nil
}

// slug is s as an id: lower-case letters and digits, other runs as "-".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "group"
	}
	return b.String()
}

// HasNegative reports whether a row has a negative value, not drawn.
func (g allocationGroup) HasNegative() bool {
	for _, r := range g.Rows {
		if r.Value < 0 {
			return true
		}
	}
	return false
}
