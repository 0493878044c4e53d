package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"

	"gonum.org/v1/plot"

	"github.com/gofolio/gofolio/report/chart"
)

// staticCharts draws every chart with gonum/plot as src attributes holding
// SVG data URIs for <img> elements: an SVG shown as an image can run no script, whatever text it
// holds, and needs only img-src data: in the page's policy.
func staticCharts(in *Input, holdings, currencies []weighted) (map[string]template.HTMLAttr, error) {
	out := make(map[string]template.HTMLAttr)
	var errs []error
	add := func(id string, p *plot.Plot, err error) {
		if err != nil {
			errs = append(errs, fmt.Errorf("%s chart: %w", id, err))
			return
		}
		var buf bytes.Buffer
		if err := chart.WriteSVG(&buf, p); err != nil {
			errs = append(errs, fmt.Errorf("%s chart: %w", id, err))
			return
		}
		// a whole src attribute, so html/template does not write each "+" of
		// the base64 text as "&#43;"; base64 holds no quote, < or &.
		out[id] = template.HTMLAttr(`src="data:image/svg+xml;base64,` + base64.StdEncoding.EncodeToString(buf.Bytes()) + `"`)
	}

	lines := make([]chart.Line, len(in.Lines))
	for i, l := range in.Lines {
		// growth index to cumulative return since the line's first value
		base := firstKnown(l.Index)
		v := make([]float64, len(l.Index))
		for j, x := range l.Index {
			v[j] = x/base - 1
		}
		lines[i] = chart.Line{Name: l.Name, Dates: in.Dates, Values: v}
	}
	p, err := chart.Performance("Performance", lines...)
	add("performance", p, err)
	p, err = chart.ValueVsContributions("Value and net contributions", in.Currency, in.Dates, in.Value, in.Contributions)
	add("value", p, err)
	p, err = chart.Drawdown("Drawdown", chart.Line{Name: "Portfolio", Dates: in.Dates, Values: in.Drawdown})
	add("drawdown", p, err)
	if len(in.Monthly) > 0 {
		var g chart.MonthlyGrid
		for _, r := range in.Monthly {
			g.Years = append(g.Years, r.Year)
			g.Months = append(g.Months, r.Months)
			g.YearTotal = append(g.YearTotal, r.Total)
		}
		p, err = chart.MonthlyHeatmap("Monthly returns (%)", g)
		add("monthly", p, err)
	}
	for _, a := range []struct {
		id, title string
		slices    []weighted
	}{{"by-holding", "Allocation by holding", holdings}, {"by-currency", "Allocation by currency", currencies}} {
		if len(a.slices) == 0 {
			continue
		}
		s := make([]chart.Slice, len(a.slices))
		for i, w := range a.slices {
			s[i] = chart.Slice{Name: w.Name, Value: w.Value}
		}
		p, err = chart.Allocation(a.title, s)
		add(a.id, p, err)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("report: static charts: %w", joinErrors(errs))
	}
	return out, nil
}

func firstKnown(v []float64) float64 {
	for _, x := range v {
		if known(x) {
			return x
		}
	}
	return 1
}
