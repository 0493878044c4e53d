package report

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gofolio/gofolio/internal/echarts"
)

//go:embed report.html.tmpl
var pageTemplate string

//go:embed report.js
var reportScript string

// The allocation section's template and script (allocation.go).
var (
	//go:embed allocation.html.tmpl
	allocationTemplate string
	//go:embed allocation.js
	allocationScript string
)

//go:embed charts.js
var chartsScript string

//go:embed charts.html.tmpl
var chartsTemplate string

// pageScript is the page's one inline script: charts.js defines the chart
// kinds report.js completes with its helpers; allocation.js is its own
// function, so one returning early (without ECharts) does not stop another.
var pageScript = chartsScript + reportScript + "\n" + allocationScript

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"money":       formatMoney,
	"signedMoney": formatSignedMoney,
	"optMoney":    formatOptionalMoney,
	"pct":         formatPercent,
	"signedPct":   formatSignedPercent,
	"qty":         formatQuantity,
	"date":        formatDate,
	"stat":        formatStat,
	"sign":        sign,
	"why":         why,
	"add":         func(a, b int) int { return a + b },
	"sub":         func(a, b float64) float64 { return a - b },
	"lower":       strings.ToLower,
	"join":        strings.Join,
}).Parse(pageTemplate + allocationTemplate + chartsTemplate))

// scriptHash is the CSP source allowing the page's own script.
var scriptHash = cspHash(pageScript)

func cspHash(js string) string {
	sum := sha256.Sum256([]byte(js))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// weighted is an allocation slice with its weight, Value / Σ Value.
type weighted struct {
	Slice
	Weight float64
}

// weigh sorts slices largest first and computes their weights.
func weigh(slices []Slice) []weighted {
	var total float64
	for _, s := range slices {
		total += s.Value
	}
	out := make([]weighted, 0, len(slices))
	for _, s := range slices {
		w := weighted{Slice: s}
		if total > 0 {
			w.Weight = s.Value / total
		}
		out = append(out, w)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Value > out[j].Value })
	return out
}

// holdingView is a holdings table row with its derived columns.
type holdingView struct {
	HoldingRow
	Return float64 // Unrealized / Cost
	Weight float64 // Value / Σ Value
}

// chartView is one chart as the template places it.
type chartView struct {
	ID, Title string
	Static    template.HTMLAttr // src="data:image/png;base64,..."
	Height    int               // pixels of the interactive chart
}

// pageData is the JSON the page's script reads.
type pageData struct {
	// Dates are the report's dates, YYYY-MM-DD: the x values of every
	// time chart's series.
	Dates  []string    `json:"dates"`
	Perf   perfData    `json:"perf"`
	Charts []chartData `json:"charts"`
	// Allocation is each grouping of the allocation section's donut.
	Allocation []allocationData `json:"allocation,omitempty"`
	// Log starts the performance chart on a log scale (Options.LogScale);
	// Securities is the data of the securities chart.
	Log        bool           `json:"log,omitempty"`
	Securities []securityData `json:"securities,omitempty"`
}

type perfData struct {
	ID     string          `json:"id"`
	Lines  [][]echarts.Num `json:"lines"`
	Option echarts.Option  `json:"option"`
}

type chartData struct {
	ID   string `json:"id"`
	Unit string `json:"unit,omitempty"` // "pct" or "money": how the tooltip shows values
	// Kind is how the script completes the option: "time" (series values
	// paired with Dates, range driven by the presets, y fitted to the
	// range), "monthly" (heatmap labels and tooltip), or a kind of
	// charts.js.
	Kind   string         `json:"kind"`
	Option echarts.Option `json:"option"`
}

type view struct {
	*Input
	CSP          string
	EChartsURL   string
	Integrity    string
	EChartsJS    template.JS // inlined echarts, or ""
	Script       template.JS
	Data         pageData
	Perf         chartView
	Charts       []chartView
	Securities   securityView
	Holdings     []holdingView
	HoldingTotal holdingView
	// HoldingsSince is Input.HoldingsFrom when it is before Summary.From:
	// the realized P&L and dividends then cover more than the window the
	// rest of the report does, and the page says so.
	HoldingsSince time.Time
	// OtherPnL is the profit / loss the holdings' columns do not explain;
	// shown under the table when ShowOtherPnL.
	OtherPnL     float64
	ShowOtherPnL bool
	// ShowPeriodChange is false when the period change shows as the same
	// figure as the profit / loss (the period is the whole history), so
	// the card would only repeat it.
	ShowPeriodChange bool
	// Stats and RelStats are the statistics and relative statistics
	// tables as shown; StatNotes the reasons their notes number.
	Stats, RelStats statTable
	StatNotes       []string
	Presets         []string
	Generated       string
	// Alloc is the allocation section; nil: none.
	Alloc *allocationSection
}

// Write renders in as an HTML report to w. It validates in first (an
// *InputError lists every problem) and reads opts.EChartsFile when set.
func Write(w io.Writer, in *Input, opts Options) error {
	if err := in.Validate(); err != nil {
		return err
	}
	v := view{Input: in, Script: template.JS(pageScript), Presets: []string{"5D", "1M", "3M", "6M", "YTD", "1Y", "5Y", "Max"}}
	tables, notes := statTables(in.Statistics, in.Relative)
	v.Stats, v.RelStats, v.StatNotes = tables[0], tables[1], notes
	if err := v.setScripts(opts); err != nil {
		return err
	}
	if err := v.addCharts(in, opts.LogScale); err != nil {
		return err
	}
	v.Holdings, v.HoldingTotal = holdingViews(in.Holdings)
	v.explainHoldings(in)
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := page.Execute(bw, v); err != nil {
		return fmt.Errorf("report: rendering: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: writing: %w", err)
	}
	return nil
}

// setScripts sets where ECharts comes from (opts.EChartsFile inlined, else
// opts.EChartsURL or the pinned default) and the page's Content Security
// Policy, which allows only the page's own script and that one.
func (v *view) setScripts(opts Options) error {
	scriptSrc := scriptHash
	switch {
	case opts.EChartsFile != "":
		js, err := os.ReadFile(opts.EChartsFile)
		if err != nil {
			return fmt.Errorf("report: reading ECharts file: %w", err)
		}
		safe := safeInlineScript(string(js))
		v.EChartsJS = template.JS(safe)
		scriptSrc += " " + cspHash(safe)
	default:
		v.EChartsURL = opts.EChartsURL
		v.Integrity = opts.EChartsIntegrity
		if v.EChartsURL == "" {
			v.EChartsURL, v.Integrity = DefaultEChartsURL, DefaultEChartsIntegrity
		}
		src, err := scriptSource(v.EChartsURL)
		if err != nil {
			return err
		}
		scriptSrc += " " + src
	}
	v.CSP = "default-src 'none'; script-src " + scriptSrc + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
	return nil
}

// addCharts adds the charts of in, each as a static image and as the data
// of its interactive chart, in the order the page shows them; logScale
// draws the performance chart on a log scale.
func (v *view) addCharts(in *Input, logScale bool) error {
	static, err := staticCharts(in, logScale)
	if err != nil {
		return err
	}
	v.Data.Dates = dateLabels(in.Dates)
	v.Data.Perf = perfData{ID: "performance", Option: performanceOption(in), Lines: performanceGrowth(in.Lines)}
	v.Perf = chartView{ID: "performance", Title: "Performance", Static: static["performance"], Height: 420}

	addChart := func(id, title, unit, kind string, o echarts.Option, height int) {
		v.Charts = append(v.Charts, chartView{ID: id, Title: title, Static: static[id], Height: height})
		v.Data.Charts = append(v.Data.Charts, chartData{ID: id, Unit: unit, Kind: kind, Option: o})
	}
	addChart("value", "Value and net contributions ("+in.Currency+")", "money", "time", valueOption(in), 360)
	addChart("drawdown", "Drawdown", "pct", "time", drawdownOption(in), 300)
	if len(in.RollingVolatility) > 0 {
		addChart("rolling-volatility", "Rolling volatility (annualised)", "pct", "time", rollingOption(in), 300)
	}
	addRatioCharts(in, addChart)
	if len(in.Monthly) > 0 {
		addChart("monthly", "Monthly returns (%)", "", "monthly", monthlyOption(in), 60+28*len(in.Monthly))
	}
	if len(in.YearlyYears) > 0 {
		addChart("yearly", "Yearly returns", "pct", "", yearlyOption(in), 300)
	}
	if len(in.DividendYears) > 0 {
		addChart("dividends", "Dividends per year ("+in.Currency+")", "money", "", dividendsOption(in), 260)
	}
	if v.Alloc, v.Data.Allocation, err = allocationView(in); err != nil {
		return err
	}
	addDistributionCharts(in, addChart)
	v.Data.Log, v.Data.Securities = logScale, securitiesData(in)
	v.Securities = securitiesView(in, static)
	return nil
}

// holdingViews derives the holdings table's rows, each with its return
// (Unrealized / Cost) and weight (Value / Σ Value), and its total row.
func holdingViews(holdings []HoldingRow) (rows []holdingView, total holdingView) {
	var value float64
	for _, h := range holdings {
		value += h.Value
	}
	for _, h := range holdings {
		rows = append(rows, holdingView{HoldingRow: h, Return: h.Unrealized / h.Cost, Weight: h.Value / value})
	}
	for _, h := range holdings {
		total.Value += h.Value
		total.Realized += h.Realized
		total.Dividends += h.Dividends
		// The cash row has no cost: the total cost and unrealized
		// return are those of the positions.
		if known(h.Cost) {
			total.Cost += h.Cost
			total.Unrealized += h.Unrealized
		}
	}
	total.Return = total.Unrealized / total.Cost
	total.Weight = 1
	return rows, total
}

// explainHoldings sets what the page says beside the holdings table: the
// date their realized P&L and dividends are since, when before the
// window; the P&L the table does not explain; whether the period change
// differs from the P&L.
func (v *view) explainHoldings(in *Input) {
	if !in.HoldingsFrom.IsZero() && in.HoldingsFrom.Before(in.Summary.From) {
		v.HoldingsSince = in.HoldingsFrom
	}
	if v.HoldingsSince.IsZero() {
		// What the holdings' columns do not explain (fees, interest, taxes,
		// exchange-rate changes on cash), so that the table adds up to the
		// profit / loss. In a window the P&L is the window's while the
		// realized column is to date, so there is nothing to add up.
		t := v.HoldingTotal
		v.OtherPnL = in.Summary.PnL - t.Unrealized - t.Realized - t.Dividends
		v.ShowOtherPnL = len(in.Holdings) > 0 && formatMoney(v.OtherPnL) != formatMoney(0) && formatMoney(v.OtherPnL) != "-0.00"
	}
	v.ShowPeriodChange = formatSignedMoney(in.Summary.PeriodChange) != formatSignedMoney(in.Summary.PnL)
}

// WriteFile writes the report to path atomically: to a temporary file in
// the same directory, synced, then renamed over path, so a reader never
// sees half a report.
func WriteFile(path string, in *Input, opts Options) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = Write(f, in, opts); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err = os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

func joinErrors(errs []error) error { return errors.Join(errs...) }
