package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"

	"github.com/gofolio/gofolio/report/chart"
)

// staticCharts draws every chart with package chart (gonum/plot) as src attributes holding
// PNG data URIs for <img> elements, drawn at twice their 800x450 CSS pixels so that they stay
// sharp on dense screens. A PNG carries its text as pixels drawn with the font it was measured
// with (chart.Typeface), so no machine shows it differently; an image runs no script and needs
// only img-src data: in the page's policy.
// staticScale is the static charts' pixels per CSS pixel.
const staticScale = 2

func staticCharts(in *Input, logScale bool) (map[string]template.HTMLAttr, error) {
	out := make(map[string]template.HTMLAttr)
	var errs []error
	add := func(id string, p *chart.Plot, err error) {
		if err != nil {
			errs = append(errs, fmt.Errorf("%s chart: %w", id, err))
			return
		}
		var buf bytes.Buffer
		if err := chart.WritePNGAt(&buf, p, staticScale); err != nil {
			errs = append(errs, fmt.Errorf("%s chart: %w", id, err))
			return
		}
		// a whole src attribute, so html/template does not write each "+" of
		// the base64 text as "&#43;"; base64 holds no quote, < or &.
		out[id] = template.HTMLAttr(`src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(buf.Bytes()) + `"`)
	}

	lines := make([]Line, len(in.Lines))
	for i, l := range in.Lines {
		lines[i] = rebased(l)
	}
	p, err := chart.Performance("Performance", lines...)
	if logScale {
		p, err = chart.PerformanceLog("Performance (log scale)", lines...)
	}
	add("performance", p, err)
	p, err = chart.ValueVsContributions("Value and net contributions", in.Currency, in.Dates, in.Value, in.Contributions)
	add("value", p, err)
	p, err = chart.Drawdown("Drawdown", chart.Line{Name: "Portfolio", Dates: in.Dates, Values: in.Drawdown})
	add("drawdown", p, err)
	if len(in.RollingVolatility) > 0 {
		lines := make([]chart.Line, len(in.RollingVolatility))
		for i, l := range in.RollingVolatility {
			lines[i] = chart.Line{Name: l.Name, Dates: l.Dates, Values: l.Values}
		}
		p, err = chart.RollingVolatility("Rolling volatility (annualised)", lines...)
		add("rolling-volatility", p, err)
	}
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
	if len(in.YearlyYears) > 0 {
		ys := make([]chart.Yearly, len(in.Yearly))
		for i, y := range in.Yearly {
			ys[i] = chart.Yearly{Name: y.Name, Returns: y.Returns}
		}
		p, err = chart.YearlyReturns("Yearly returns", in.YearlyYears, ys...)
		add("yearly", p, err)
	}
	if len(in.DividendYears) > 0 {
		p, err = chart.YearlyAmounts("Dividends per year", in.Currency, in.DividendYears, in.Dividends)
		add("dividends", p, err)
	}
	staticMore(in, add)
	if len(errs) > 0 {
		return nil, fmt.Errorf("report: static charts: %w", joinErrors(errs))
	}
	return out, nil
}

// rebased is l's cumulative return since its first value, as the page's
// script shows the range from the first date (the Max preset):
//
//	v'[t] = (1 + v[t]) / (1 + v[f]) − 1,  f the first date with a value;
//
// l itself when v[f] is 0 (NewInput's lines, GrowthLine's), whose values
// are then drawn exactly as they are.
func rebased(l Line) Line {
	f := -1
	for i, v := range l.Values {
		if known(v) {
			f = i
			break
		}
	}
	if f < 0 || l.Values[f] == 0 {
		return l
	}
	v := make([]float64, len(l.Values))
	for t, x := range l.Values {
		v[t] = (1+x)/(1+l.Values[f]) - 1
	}
	return Line{Name: l.Name, Dates: l.Dates, Values: v}
}
