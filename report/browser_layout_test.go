package report

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserLayout opens a report of 30 years of business days (long
// ranges are where sampled series lost tooltip lines) as a person would:
// hovering every time chart at many points for each range preset, on a
// desktop and a 390-pixel phone screen, and printing it to PDF. It writes
// report_desktop.png, report_phone.png and report.pdf to $GOFOLIO_ARTIFACTS.
func TestBrowserLayout(t *testing.T) {
	echartsJS, chromium := browserEnv(t)
	in := synthetic(12, 30)
	in.RollingVolatility = rollingLines(t, in)
	withMoreCharts(t, in)
	in.Gains = &Gains{Method: "uk", Exempt: true,
		Years: []GainsYearRow{{Label: "2023/24", Disposals: 1, Proceeds: 123456.78, Costs: 100000, Gains: 23456.78, Net: 23456.78, Exempt: 6000, Taxable: 17456.78}},
		Disposals: []DisposalRow{{Date: in.AsOf, Symbol: "SYM0", Quantity: 1234.5678, Proceeds: 123456.78, Costs: 100000, Gain: 23456.78,
			Matched: "same day 100; 30 days 2024-01-31 200; S104 pool 934.5678"}}}
	// the allocation also by sector, with long names and large values, so
	// that its table must fit the phone too
	in.Allocations = []Allocation{{By: "Holding", Slices: in.ByHolding}, {By: "Currency", Slices: in.ByCurrency},
		{By: "Sector", Slices: []Slice{{Name: "Consumer Discretionary", Value: 1234567.89}, {Name: "Information Technology", Value: 987654.32},
			{Name: "Unclassified", Value: 1000}}, Unclassified: []string{"SYM11"}}}
	// the contributions by a grouping and the attribution against a model,
	// with long names and large effects, fit the phone too
	in.HoldingReturns = &HoldingReturns{From: in.Dates[0], TWR: 12.3456, Rows: []HoldingReturnRow{{Symbol: "SYM0", TWR: 1.5, MWR: 1.2, Contribution: 12.3456}},
		Groupings: []ContributionGrouping{{ID: "group-contribution", By: "Sector", Groups: []GroupContributionRow{
			{Group: "Information Technology", Contribution: 12.3456, Symbols: "SYM0, SYM1, SYM2, SYM3, SYM4, SYM5, SYM6, SYM7, SYM8, SYM9, SYM10, SYM11"}}}}}
	in.ModelAttribution = &ModelAttribution{Model: "Model a-model-with-a-long-file-name.csv", From: in.Dates[0], PortfolioTWR: 12.3456, ModelTWR: 9.8765,
		Tables: []EffectsTable{{ID: "model-effects", By: "Sector", Rows: []EffectRow{{"Communication Services", -12.3456, 1.2345, -3.7104, -14.8215}},
			Total: EffectRow{"Total", -12.3456, 1.2345, -3.7104, -14.8215}}}}
	var buf bytes.Buffer
	if err := Write(&buf, in, Options{EChartsFile: echartsJS}); err != nil {
		t.Fatal(err)
	}
	body := buf.Bytes()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	}))
	defer srv.Close()
	// each part has a browser of its own: one's time limit is 90 s
	var b *browser
	open := func(t *testing.T, width, height int64, mobile bool) {
		t.Helper()
		b = newBrowser(t, chromium)
		var live string
		if err := chromedp.Run(b.ctx,
			chromedp.EmulateViewport(width, height, func(p *emulation.SetDeviceMetricsOverrideParams, _ *emulation.SetTouchEmulationEnabledParams) {
				p.Mobile = mobile
			}),
			chromedp.Navigate(srv.URL+"/report.html"),
			chromedp.Poll(`document.documentElement.dataset.charts`, &live, chromedp.WithPollingTimeout(30*time.Second)),
		); err != nil {
			t.Fatalf("page did not start its charts: %v", err)
		}
	}
	names := map[string][]string{"value": {"Value", "Net contributions"}, "drawdown": {"Drawdown"}, "rolling-volatility": {"6 months", "12 months"},
		"rolling-sharpe": {"6 months", "12 months"}, "rolling-sortino": {"6 months", "12 months"}, "rolling-beta": {"^DJI 6 months", "^DJI 12 months"},
		"security": {"Close"}}
	for _, l := range in.Lines {
		names["performance"] = append(names["performance"], l.Name)
	}

	t.Run("desktop", func(t *testing.T) {
		open(t, 1400, 900, false)
		for _, preset := range []string{"Max", "5Y", "1Y", "5D"} {
			if err := chromedp.Run(b.ctx, chromedp.Click(`#performance button[data-preset="`+preset+`"]`, chromedp.ByQuery)); err != nil {
				t.Fatal(err)
			}
			for _, id := range timeChartIDs {
				checkTooltips(t, b, preset, id, names[id], 1400)
			}
		}
		checkRangeShownEverywhere(t, b)
		checkLogScale(t, b, names["performance"])
		checkHistogramTooltips(t, b, "distribution-daily", []string{"Portfolio", "^DJI"}, 1400)
		checkHistogramTooltips(t, b, "distribution-monthly", []string{"Portfolio"}, 1400)
		checkTooltips(t, b, "Max", "security", names["security"], 1400)
		checkTradeTooltip(t, b)
		checkSecurityInRange(t, b)
		checkHeatmapTooltip(t, b)
		checkCardsOnOneLine(t, b)
		var full []byte
		if err := chromedp.Run(b.ctx, chromedp.Click(`#performance button[data-preset="Max"]`, chromedp.ByQuery),
			chromedp.FullScreenshot(&full, 100)); err != nil {
			t.Fatal(err)
		}
		saveArtifact(t, "report_desktop.png", full)
	})

	t.Run("phone", func(t *testing.T) {
		open(t, 390, 844, true)
		var over struct {
			ScrollWidth int
			Wide        []string
		}
		if err := chromedp.Run(b.ctx, chromedp.Evaluate(overflowJS, &over)); err != nil {
			t.Fatal(err)
		}
		if over.ScrollWidth > 390 || len(over.Wide) > 0 {
			t.Errorf("at 390 px the page is %d px wide; elements past the right edge: %s", over.ScrollWidth, strings.Join(over.Wide, ", "))
		}
		checkCardsOnOneLine(t, b)
		// the static images (shown when ECharts cannot load) keep a
		// readable size and scroll in their figure rather than shrink
		// (an allocation grouping not selected is shown for the measure)
		var widths []float64
		if err := chromedp.Run(b.ctx, chromedp.Evaluate(`[...document.querySelectorAll('img.static')].map(i => { const g = i.closest('.alloc-group'), gh = g && g.hidden; if (g) { g.hidden = false; } i.hidden = false; const w = i.getBoundingClientRect().width; i.hidden = true; if (g) { g.hidden = gh; } return w; })`, &widths)); err != nil {
			t.Fatal(err)
		}
		if len(widths) != staticImages {
			t.Errorf("%d static images, want %d", len(widths), staticImages)
		}
		for i, w := range widths {
			if w < 560 {
				t.Errorf("static image %d is %.0f px wide on the phone, want at least 560 (its 800-px text at 70%%)", i, w)
			}
		}
		// a tooltip near the left edge stays on the screen
		checkTooltips(t, b, "Max", "performance", names["performance"], 390)
		checkHistogramTooltips(t, b, "distribution-daily", []string{"Portfolio", "^DJI"}, 390)
		checkTooltips(t, b, "Max", "security", names["security"], 390)
		var full []byte
		if err := chromedp.Run(b.ctx, chromedp.FullScreenshot(&full, 100)); err != nil {
			t.Fatal(err)
		}
		saveArtifact(t, "report_phone.png", full)
	})

	t.Run("print", func(t *testing.T) {
		open(t, 1400, 900, false)
		checkPrint(t, b, in)
	})
}

// overflowJS is the page's width and the elements (tag#id.class) whose right
// edge is past the window's, innermost scroll containers excepted.
const overflowJS = `(() => {
  const w = document.documentElement.clientWidth, wide = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= w + 0.5) { continue; }
    let p = e.parentElement, clipped = false;
    for (; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') { clipped = true; break; }
    }
    if (!clipped) { wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ' ' + Math.round(r.right)); }
  }
  return {ScrollWidth: document.documentElement.scrollWidth, Wide: wide.slice(0, 10)};
})()`

// tipJS is the visible tooltip of a chart: its text and box.
const tipJS = `((id) => {
  const d = [...document.querySelectorAll('#' + id + ' .canvas > div')].find(e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).opacity !== '0' && e.textContent.length > 0);
  if (!d) { return {Text: ''}; }
  const r = d.getBoundingClientRect();
  return {Text: d.innerText, Left: r.left, Right: r.right};
})`

// checkTooltips hovers chart id's plot area at 13 points from its left
// edge to its right and wants each tooltip to name every series and a date, and to lie
// within the window's width.
func checkTooltips(t *testing.T, b *browser, preset, id string, names []string, width float64) {
	t.Helper()
	var box struct{ X, Y, W, H float64 }
	if err := chromedp.Run(b.ctx,
		chromedp.ScrollIntoView(`#`+id+` canvas`, chromedp.ByQuery),
		// the plot area (grid), where hovering shows the tooltip
		chromedp.Evaluate(`(() => {
		  const el = document.querySelector('#`+id+` .canvas'), r = el.getBoundingClientRect();
		  const g = echarts.getInstanceByDom(el).getModel().getComponent('grid', 0).coordinateSystem.getRect();
		  return {X: r.x + g.x, Y: r.y + g.y, W: g.width, H: g.height};
		})()`, &box),
	); err != nil {
		t.Fatal(err)
	}
	const points = 13
	var missing []string
	for k := 0; k < points; k++ {
		x := box.X + 2 + (box.W-4)*float64(k)/(points-1)
		y := box.Y + box.H*0.45
		var tip struct {
			Text        string
			Left, Right float64
		}
		err := chromedp.Run(b.ctx,
			chromedp.MouseEvent(input.MouseMoved, x-3, y),
			chromedp.MouseEvent(input.MouseMoved, x, y),
			chromedp.Poll(`(() => { const t = (`+tipJS+`)('`+id+`'); return t.Text && /\d{4}-\d\d-\d\d/.test(t.Text) && `+jsIncludesAll(names)+`(t.Text) ? t : null; })()`,
				&tip, chromedp.WithPollingTimeout(3*time.Second)),
		)
		if err != nil {
			var last struct{ Text string }
			_ = chromedp.Run(b.ctx, chromedp.Evaluate(`(`+tipJS+`)('`+id+`')`, &last))
			missing = append(missing, fmt.Sprintf("x=%.0f: %q", x, last.Text))
			continue
		}
		if tip.Left < 0 || tip.Right > width+0.5 {
			t.Errorf("%s, %s at x=%.0f: tooltip %q spans %.0f..%.0f px, outside the %.0f-px window", preset, id, x, tip.Text, tip.Left, tip.Right, width)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%s, %s: %d of %d hovers lack a date or one of %q:\n%s", preset, id, len(missing), points, names, strings.Join(missing, "\n"))
	}
}

// jsIncludesAll is a JS function of a text, true when it holds every name.
func jsIncludesAll(names []string) string {
	var conds []string
	for _, n := range names {
		conds = append(conds, fmt.Sprintf("s.includes(%q)", n))
	}
	return "((s) => " + strings.Join(conds, " && ") + ")"
}

// checkRangeShownEverywhere presses 1Y and wants every time chart to show
// the same range, and the line above the performance chart to give each
// line's return over it.
func checkRangeShownEverywhere(t *testing.T, b *browser) {
	var r struct {
		Starts []float64
		Ends   []float64
		Line   string
	}
	if err := chromedp.Run(b.ctx,
		chromedp.Click(`#performance button[data-preset="1Y"]`, chromedp.ByQuery),
		chromedp.Evaluate(`(() => {
		  const z = `+jsStrings(timeChartIDs)+`.map(id => echarts.getInstanceByDom(document.querySelector('#' + id + ' .canvas')).getOption().dataZoom[0]);
		  return {Starts: z.map(x => x.startValue), Ends: z.map(x => x.endValue), Line: document.querySelector('#performance .range-returns').textContent};
		})()`, &r),
	); err != nil {
		t.Fatal(err)
	}
	for i := range r.Starts {
		if r.Starts[i] != r.Starts[0] || r.Ends[i] != r.Ends[0] {
			t.Errorf("after 1Y the time charts show different ranges: starts %v, ends %v", r.Starts, r.Ends)
			break
		}
	}
	if !strings.Contains(r.Line, "Portfolio +") && !strings.Contains(r.Line, "Portfolio -") {
		t.Errorf("range line %q gives no return for the portfolio", r.Line)
	}
}

// checkPrint prints the page to PDF and wants every holdings column's
// heading and every row's first and last cell in its text, and no range
// buttons or live charts in the print layout.
func checkPrint(t *testing.T, b *browser, in *Input) {
	var hidden struct{ Presets, Live, Static int }
	var pdf []byte
	if err := chromedp.Run(b.ctx,
		emulation.SetEmulatedMedia().WithMedia("print"),
		chromedp.Evaluate(`(() => ({
		  Presets: [...document.querySelectorAll('.presets')].filter(e => e.offsetWidth > 0).length,
		  Live: [...document.querySelectorAll('.live')].filter(e => e.offsetWidth > 0).length,
		  Static: [...document.querySelectorAll('img.static')].filter(e => e.offsetWidth > 0).length,
		}))()`, &hidden),
		emulation.SetEmulatedMedia().WithMedia(""),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = cdppage.PrintToPDF().WithPrintBackground(true).WithPreferCSSPageSize(true).Do(ctx)
			return err
		}),
	); err != nil {
		t.Fatal(err)
	}
	if hidden.Presets != 0 || hidden.Live != 0 || hidden.Static != staticImages {
		t.Errorf("print layout shows %d preset bars and %d live charts, %d static images; want 0, 0 and %d", hidden.Presets, hidden.Live, hidden.Static, staticImages)
	}
	saveArtifact(t, "report.pdf", pdf)
	checkWordsOnPage(t, pdf, "Weight", "Dividends", "Realized", "Taxable", "Matched")
	text := pdfText(t, pdf)
	flat := strings.Join(strings.Fields(text), " ")
	for _, h := range []string{"Symbol", "Currency", "Quantity", "Price", "Value", "Cost", "Unrealized", "Realized", "Dividends", "Weight"} {
		if !strings.Contains(flat, h) {
			t.Errorf("printed report lacks the holdings column %q", h)
		}
	}
	for _, cell := range []string{"Exempt", "Taxable", "17,456.78", "S104 pool 934.5678"} {
		if !strings.Contains(flat, cell) {
			t.Errorf("printed report lacks the capital gains cell %q", cell)
		}
	}
	var total float64
	for _, h := range in.Holdings {
		total += h.Value
	}
	for _, h := range in.Holdings {
		for _, cell := range []string{h.Symbol, formatMoney(h.Dividends), formatPercent(h.Value / total)} {
			if !strings.Contains(flat, cell) {
				t.Errorf("printed report lacks %s's cell %q", h.Symbol, cell)
			}
		}
	}
}

// checkWordsOnPage wants each word of the printed PDF that is one of words
// to lie within its page's width (a column cut at a scroll container's or
// the page's edge is still in the PDF's text, outside the page).
func checkWordsOnPage(t *testing.T, pdf []byte, words ...string) {
	t.Helper()
	out := pdfTool(t, pdf, "-bbox")
	pages := regexp.MustCompile(`<page width="([0-9.]+)"|<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)
	var width float64
	found := map[string]bool{}
	for _, m := range pages.FindAllStringSubmatch(out, -1) {
		if m[1] != "" {
			width, _ = strconv.ParseFloat(m[1], 64)
			continue
		}
		for _, w := range words {
			if m[4] != w {
				continue
			}
			found[w] = true
			if xMax, _ := strconv.ParseFloat(m[3], 64); xMax > width {
				t.Errorf("printed %q ends at %.0f pt, past the page's width of %.0f pt", w, xMax, width)
			}
		}
	}
	for _, w := range words {
		if !found[w] {
			t.Errorf("printed report lacks %q", w)
		}
	}
}

// pdfText is the text of a PDF by poppler's pdftotext, which test.sh
// installs; without it the test is skipped unless GOFOLIO_REQUIRE_BROWSER=1.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	return pdfTool(t, pdf, "-layout")
}

// pdfTool runs pdftotext with option on pdf and returns its output.
func pdfTool(t *testing.T, pdf []byte, option string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("GOFOLIO_REQUIRE_BROWSER") == "1" {
			t.Fatalf("pdftotext (poppler-utils) is needed to read the printed report: %v", err)
		}
		t.Skipf("skipping the printed text check: %v", err)
	}
	cmd := exec.Command(bin, option, "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// checkHeatmapTooltip hovers the first cell of the monthly heatmap and
// wants its month, year and return in percent with a sign ("Jan 1996:
// +1.23%"; issue 18: "Month · Jun · 1.05"), and each cell label with one
// decimal.
func checkHeatmapTooltip(t *testing.T, b *browser) {
	var r struct {
		X, Y   float64
		Labels []string
	}
	if err := chromedp.Run(b.ctx,
		chromedp.ScrollIntoView(`#monthly canvas`, chromedp.ByQuery),
		chromedp.Evaluate(`(() => {
		  const el = document.querySelector('#monthly .canvas'), c = echarts.getInstanceByDom(el), o = c.getOption();
		  const s = o.series[0], p = s.data[s.data.length - 1];
		  const [x, y] = c.convertToPixel({seriesIndex: 0}, [p[0], p[1]]), box = el.getBoundingClientRect();
		  const f = s.label.formatter;
		  return {X: box.x + x, Y: box.y + y, Labels: s.data.map(d => f({value: d}))};
		})()`, &r),
	); err != nil {
		t.Fatal(err)
	}
	for _, l := range r.Labels {
		if !oneDecimal.MatchString(l) || l == "-0.0" {
			t.Errorf("heatmap cell label %q, want one decimal", l)
			break
		}
	}
	var tip struct{ Text string }
	err := chromedp.Run(b.ctx,
		chromedp.MouseEvent(input.MouseMoved, r.X-2, r.Y),
		chromedp.MouseEvent(input.MouseMoved, r.X, r.Y),
		chromedp.Poll(`(() => { const t = (`+tipJS+`)('monthly'); return t.Text ? t : null; })()`, &tip, chromedp.WithPollingTimeout(3*time.Second)),
	)
	if err != nil || !heatmapTip.MatchString(strings.TrimSpace(tip.Text)) {
		t.Errorf("heatmap tooltip %q (%v), want like \"Jan 1996: +1.23%%\"", tip.Text, err)
	}
}

var (
	oneDecimal = regexp.MustCompile(`^-?[0-9]+\.[0-9]$`)
	heatmapTip = regexp.MustCompile(`^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4}: [+-]?[0-9]+\.[0-9]{2}%$`)
)

// checkCardsOnOneLine wants each summary card's figure on one line, inside
// its card (issue 18: the day-change card wrapped).
func checkCardsOnOneLine(t *testing.T, b *browser) {
	var bad []string
	if err := chromedp.Run(b.ctx, chromedp.Evaluate(`[...document.querySelectorAll('#summary .card .v')].filter(v => {
	  const lh = parseFloat(getComputedStyle(v).lineHeight);
	  return v.scrollWidth > v.clientWidth + 1 || v.getBoundingClientRect().height > 1.5 * lh;
	}).map(v => v.textContent)`, &bad)); err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 {
		t.Errorf("summary figures wrapped or cut: %q", bad)
	}
}
