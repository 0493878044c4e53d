package report

import (
	"fmt"
	"html/template"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/gofolio/gofolio/internal/echarts"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/portfolio/txn"
	"github.com/gofolio/gofolio/report/chart"
)

// Distribution is a histogram of returns for the report: the portfolio's
// and the first benchmark's counted in the same bins (stats.Histogram).
type Distribution struct {
	// Name is "daily" or "monthly": the chart's id is "distribution-" +
	// Name and its title "Daily returns" or "Monthly returns".
	Name string
	// Rule is how the bins were chosen ("Freedman–Diaconis"), for the
	// caption.
	Rule string
	// Edges are the bins' bounds as fractions: bin i is Edges[i] to
	// Edges[i+1].
	Edges []float64
	// Series are the counts of the portfolio, then the benchmark.
	Series []chart.Counts
}

// SecurityChart is one holding's close with its trades, for the chart of
// each security.
type SecurityChart struct {
	Symbol   string
	Currency string // the quote currency Close and the trades' prices are in
	// Dates are the last len(Close) dates of Input.Dates (from the
	// symbol's first close): the page sends only the offset.
	Dates []time.Time
	Close []float64
	// Trades are its BUY and SELL transactions and its dividends
	// (analysis.Security.Dividends: DIVIDEND rows and the market data's
	// alike, one per day), in date order, a dividend marked at the day's
	// close; Quantity is 0 for a dividend, whose Amount and PerShare are
	// in the reporting currency.
	Trades []SecurityTrade
}

// SecurityTrade is a transaction marked on a security's chart.
type SecurityTrade struct {
	chart.Trade
	Amount   float64 // a dividend's cash, in the reporting currency
	PerShare float64 // a dividend's Amount per share held
}

// maxStaticSecurities is how many securities (the largest holdings) have
// a static image, which the page shows without scripts and when printed:
// every one would make a report with many holdings megabytes larger.
const maxStaticSecurities = 6

// ratioAndDistributionInput lays out the analysis's rolling ratios, return
// histograms and securities.
func ratioAndDistributionInput(in *Input, a *analysis.Analysis) {
	for _, r := range []struct {
		dst  *[]Line
		name string
		v    []float64
	}{
		{&in.RollingSharpe, "6 months", a.Rolling.Sharpe6M}, {&in.RollingSharpe, "12 months", a.Rolling.Sharpe12M},
		{&in.RollingSortino, "6 months", a.Rolling.Sortino6M}, {&in.RollingSortino, "12 months", a.Rolling.Sortino12M},
	} {
		if anyKnown(r.v) {
			*r.dst = append(*r.dst, Line{Name: r.name, Dates: in.Dates, Values: r.v})
		}
	}
	for _, b := range a.Benchmarks {
		for _, r := range []struct {
			name string
			v    []float64
		}{{b.Symbol + " 6 months", b.RollingBeta6M}, {b.Symbol + " 12 months", b.RollingBeta12M}} {
			if anyKnown(r.v) {
				in.RollingBeta = append(in.RollingBeta, Line{Name: r.name, Dates: in.Dates, Values: r.v})
			}
		}
	}
	for _, h := range []struct {
		name string
		h    *stats.Histogram
	}{{"daily", a.Distribution.Daily}, {"monthly", a.Distribution.Monthly}} {
		if h.h == nil {
			continue
		}
		d := Distribution{Name: h.name, Rule: h.h.Rule, Edges: h.h.Edges}
		for i, c := range h.h.Counts {
			name := "Portfolio"
			if i > 0 {
				name = a.Distribution.Benchmark
			}
			d.Series = append(d.Series, chart.Counts{Name: name, Counts: c})
		}
		in.Distributions = append(in.Distributions, d)
	}
	in.Securities = securityCharts(a)
}

// securityCharts is each of a's securities with its trades, largest value
// on the last date first.
func securityCharts(a *analysis.Analysis) []SecurityChart {
	value := map[string]float64{}
	for _, p := range a.Holdings {
		value[p.Symbol] = p.Value
	}
	var out []SecurityChart
	for _, s := range a.Securities {
		sc := SecurityChart{Symbol: s.Symbol, Currency: s.Currency, Dates: s.Dates, Close: s.Close}
		for _, t := range s.Trades {
			tr := SecurityTrade{Trade: chart.Trade{Date: t.Date, Kind: t.Kind.String(), Quantity: t.Quantity, Price: t.Price}}
			if known(tr.Price) && tr.Price > 0 {
				sc.Trades = append(sc.Trades, tr)
			}
		}
		for _, dv := range s.Dividends {
			tr := SecurityTrade{Trade: chart.Trade{Date: dv.Date, Kind: txn.Dividend.String(), Price: closeOn(s.Dates, s.Close, dv.Date)},
				Amount: dv.Total, PerShare: dv.PerShare}
			if known(tr.Price) && tr.Price > 0 {
				sc.Trades = append(sc.Trades, tr)
			}
		}
		sort.SliceStable(sc.Trades, func(i, j int) bool { return sc.Trades[i].Date.Before(sc.Trades[j].Date) })
		out = append(out, sc)
	}
	sort.SliceStable(out, func(i, j int) bool { return value[out[i].Symbol] > value[out[j].Symbol] })
	return out
}

// closeOn is the close on the last date on or before d; NaN before the
// first.
func closeOn(dates []time.Time, close []float64, d time.Time) float64 {
	i := sort.Search(len(dates), func(i int) bool { return dates[i].After(d) }) - 1
	if i < 0 {
		return math.NaN()
	}
	return close[i]
}

// validateMore checks the rolling ratios, histograms and securities against
// Dates, as Validate does the rest.
func (in *Input) validateMore(add func(string, ...any)) {
	n := len(in.Dates)
	for _, set := range []struct {
		what  string
		lines []Line
	}{{"rolling Sharpe", in.RollingSharpe}, {"rolling Sortino", in.RollingSortino}, {"rolling beta", in.RollingBeta}} {
		for _, l := range set.lines {
			if len(l.Values) != n {
				add("%s %q has %d values for %d dates", set.what, l.Name, len(l.Values), n)
			}
		}
	}
	for _, d := range in.Distributions {
		for _, s := range d.Series {
			if len(s.Counts) != len(d.Edges)-1 {
				add("%s returns histogram: series %q has %d counts for %d bins", d.Name, s.Name, len(s.Counts), len(d.Edges)-1)
			}
		}
	}
	for _, s := range in.Securities {
		switch {
		case len(s.Dates) != len(s.Close):
			add("security %q has %d closes for %d dates", s.Symbol, len(s.Close), len(s.Dates))
		case len(s.Dates) == 0 || len(s.Dates) > n || !s.Dates[0].Equal(in.Dates[n-len(s.Dates)]):
			add("security %q: its %d dates are not the last of the report's %d", s.Symbol, len(s.Dates), n)
		}
	}
}

// addRatioCharts adds the rolling Sharpe, Sortino and beta charts: time
// charts, driven by the range presets as rolling volatility is.
func addRatioCharts(in *Input, add func(id, title, unit, kind string, o echarts.Option, height int)) {
	for _, c := range ratioCharts(in) {
		if len(c.lines) > 0 {
			add(c.id, c.title, "ratio", "time", ratioOption(c.lines), 300)
		}
	}
}

type ratioChart struct {
	id, title string
	lines     []Line
}

func ratioCharts(in *Input) []ratioChart {
	beta := "Rolling beta"
	if len(in.RollingBeta) > 0 {
		beta = "Rolling beta against " + strings.Join(betaSymbols(in.RollingBeta), ", ")
	}
	return []ratioChart{
		{"rolling-sharpe", "Rolling Sharpe ratio (annualised)", in.RollingSharpe},
		{"rolling-sortino", "Rolling Sortino ratio (annualised)", in.RollingSortino},
		{"rolling-beta", beta, in.RollingBeta},
	}
}

// betaSymbols are the benchmarks the beta lines name ("^DJI 6 months").
func betaSymbols(lines []Line) []string {
	var out []string
	for _, l := range lines {
		sym, _, _ := strings.Cut(l.Name, " ")
		if len(out) == 0 || out[len(out)-1] != sym {
			out = append(out, sym)
		}
	}
	return out
}

func ratioOption(lines []Line) echarts.Option {
	o := timeSeriesOption("")
	for _, l := range lines {
		o.Series = append(o.Series, echarts.Series{Name: l.Name, Type: "line", Data: echarts.Nums(l.Values, 1), ShowSymbol: ptr(false)})
	}
	return o
}

// addDistributionCharts adds a histogram of each distribution: bars per
// bin, the series overlaid, a bin's range and each series' count in the
// tooltip.
func addDistributionCharts(in *Input, add func(id, title, unit, kind string, o echarts.Option, height int)) {
	for _, d := range in.Distributions {
		add("distribution-"+d.Name, distributionTitle(d), "", "histogram", histogramOption(d), 300)
	}
}

func distributionTitle(d Distribution) string {
	return fmt.Sprintf("%s returns (%d bins of %s, %s)", strings.ToUpper(d.Name[:1])+d.Name[1:], len(d.Edges)-1, trimPct(d.Edges[1]-d.Edges[0]), d.Rule)
}

// trimPct writes a fraction as a percentage with up to 3 significant
// decimals: 0.00123 is "0.123%".
func trimPct(v float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", v*100), "0"), ".") + "%"
}

// histogramOption is the bins as categories labelled with their range in
// percent ("-1.2% to -0.8%"), a bar series per distribution series.
func histogramOption(d Distribution) echarts.Option {
	labels := make([]string, len(d.Edges)-1)
	for i := range labels {
		labels[i] = trimPct(d.Edges[i]) + " to " + trimPct(d.Edges[i+1])
	}
	o := groupedBarsOption(labels, 16, echarts.Axis{Type: "value"})
	for _, s := range d.Series {
		data := make([]echarts.Num, len(s.Counts))
		for i, c := range s.Counts {
			data[i] = echarts.Num(c)
		}
		o.Series = append(o.Series, echarts.Series{Name: s.Name, Type: "bar", Data: data})
	}
	return o
}

// securityData is the page's data for the security chart: each security's
// closes from date Offset of the report's dates, and its trades.
type securityData struct {
	Symbol    string         `json:"symbol"`
	Currency  string         `json:"currency"`
	Reporting string         `json:"reporting"` // the currency of the dividends' amounts
	Offset    int            `json:"offset"`
	Close     []echarts.Num  `json:"close"`
	Trades    []tradeData    `json:"trades"`
	Option    echarts.Option `json:"option"`
}

type tradeData struct {
	Date     string      `json:"date"`
	Kind     string      `json:"kind"`
	Quantity echarts.Num `json:"quantity"`
	Price    echarts.Num `json:"price"`
	Amount   echarts.Num `json:"amount"`
	PerShare echarts.Num `json:"perShare"`
}

// securitiesData is in's securities for the page.
func securitiesData(in *Input) []securityData {
	out := make([]securityData, 0, len(in.Securities))
	for _, s := range in.Securities {
		d := securityData{Symbol: s.Symbol, Currency: s.Currency, Reporting: in.Currency, Offset: len(in.Dates) - len(s.Dates), Close: echarts.Nums(s.Close, 1)}
		for _, t := range s.Trades {
			d.Trades = append(d.Trades, tradeData{Date: t.Date.Format(time.DateOnly), Kind: t.Kind,
				Quantity: echarts.Num(t.Quantity), Price: echarts.Num(t.Price), Amount: echarts.Num(t.Amount), PerShare: echarts.Num(t.PerShare)})
		}
		d.Option = timeSeriesOption("")
		d.Option.Legend = &echarts.Legend{Top: 4}
		out = append(out, d)
	}
	return out
}

// securityView is the template's view of the securities figure: the
// symbols for the selector and the static images of the largest.
type securityView struct {
	Symbols []string
	Static  []chartView
}

// staticMore draws the static images of the rolling ratios, the
// histograms and the largest securities with add, as staticCharts does
// the rest; the securities' ids are "security-" and their index.
func staticMore(in *Input, add func(id string, p *chart.Plot, err error)) {
	for _, c := range ratioCharts(in) {
		if len(c.lines) > 0 {
			p, err := chart.RollingRatio(c.title, c.lines...)
			add(c.id, p, err)
		}
	}
	for _, d := range in.Distributions {
		p, err := chart.Histogram(distributionTitle(d), d.Edges, d.Series...)
		add("distribution-"+d.Name, p, err)
	}
	for i, s := range in.Securities {
		if i == maxStaticSecurities {
			break
		}
		trades := make([]chart.Trade, len(s.Trades))
		for j, t := range s.Trades {
			trades[j] = t.Trade
		}
		p, err := chart.Security(s.Symbol+" ("+s.Currency+")", s.Currency, Line{Name: s.Symbol, Dates: s.Dates, Values: s.Close}, trades)
		add(fmt.Sprintf("security-%d", i), p, err)
	}
}

// securitiesView is the securities figure's symbols and the static images
// staticMore drew, titled for their alt text.
func securitiesView(in *Input, static map[string]template.HTMLAttr) securityView {
	var v securityView
	for i, s := range in.Securities {
		v.Symbols = append(v.Symbols, s.Symbol)
		if src, ok := static[fmt.Sprintf("security-%d", i)]; ok {
			v.Static = append(v.Static, chartView{ID: fmt.Sprintf("security-%d", i), Title: s.Symbol + " close in " + s.Currency + " with its trades", Static: src})
		}
	}
	return v
}
