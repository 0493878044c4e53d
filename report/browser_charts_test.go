package report

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// timeChartIDs are the charts on the report's dates, whose range the
// presets drive together (the securities chart among them).
var timeChartIDs = []string{"performance", "value", "drawdown", "rolling-volatility", "rolling-sharpe", "rolling-sortino", "rolling-beta", "security"}

// staticImages is the number of static images of TestBrowserLayout's
// report: the performance, value, drawdown, rolling volatility and monthly
// charts; the allocation's one per grouping (holding, currency, sector:
// print shows every grouping, not only the one selected); the rolling
// Sharpe, Sortino and beta charts; the two histograms; and the 6 largest of
// its 12 securities.
const staticImages = 5 + 3 + 3 + 2 + maxStaticSecurities

// jsStrings is a JS array literal of ss.
func jsStrings(ss []string) string {
	b, _ := json.Marshal(ss)
	return string(b)
}

// checkLogScale switches the performance chart to its log scale, wants
// the y-axis labelled with growths (at least three, "2×") and every line's
// growth in the tooltips ("1.234× (+23.40%)"), and switches back to
// percentages.
func checkLogScale(t *testing.T, b *browser, names []string) {
	t.Helper()
	const axisJS = `(() => {
	  const c = echarts.getInstanceByDom(document.querySelector('#performance .canvas')), y = c.getOption().yAxis[0];
	  const labels = (y.axisLabel.customValues || []).map(v => typeof y.axisLabel.formatter === 'function' ? y.axisLabel.formatter(v) : String(v));
	  return {Labels: labels, Pressed: document.querySelector('#performance button.log-scale').getAttribute('aria-pressed'), Percent: y.axisLabel.formatter === '{value}%'};
	})()`
	var axis struct {
		Labels  []string
		Pressed string
		Percent bool
	}
	if err := chromedp.Run(b.ctx,
		chromedp.Click(`#performance button[data-preset="Max"]`, chromedp.ByQuery),
		chromedp.Click(`#performance button.log-scale`, chromedp.ByQuery),
		chromedp.Evaluate(axisJS, &axis),
	); err != nil {
		t.Fatal(err)
	}
	if len(axis.Labels) < 3 || !strings.HasSuffix(axis.Labels[0], "\u00d7") || axis.Pressed != "true" {
		t.Errorf("log scale: y labels %q, toggle pressed %q; want at least 3 growths (\"2×\") and true", axis.Labels, axis.Pressed)
	}
	checkTooltips(t, b, "Max (log scale)", "performance", append(append([]string(nil), names...), "\u00d7 ("), 1400)
	if err := chromedp.Run(b.ctx,
		chromedp.Click(`#performance button.log-scale`, chromedp.ByQuery),
		chromedp.Evaluate(axisJS, &axis),
	); err != nil {
		t.Fatal(err)
	}
	if len(axis.Labels) != 0 || !axis.Percent || axis.Pressed != "false" {
		t.Errorf("after the second click: y labels %q, percent %v, pressed %q; want the percentage axis back", axis.Labels, axis.Percent, axis.Pressed)
	}
}

// checkHistogramTooltips hovers histogram id at 13 points across its
// plot area and wants each tooltip to give a bin's range in percent and
// every series' count, within the window.
func checkHistogramTooltips(t *testing.T, b *browser, id string, names []string, width float64) {
	t.Helper()
	var box struct{ X, Y, W, H float64 }
	if err := chromedp.Run(b.ctx,
		chromedp.ScrollIntoView(`#`+id+` canvas`, chromedp.ByQuery),
		chromedp.Evaluate(`(() => {
		  const el = document.querySelector('#`+id+` .canvas'), r = el.getBoundingClientRect();
		  const g = echarts.getInstanceByDom(el).getModel().getComponent('grid', 0).coordinateSystem.getRect();
		  return {X: r.x + g.x, Y: r.y + g.y, W: g.width, H: g.height};
		})()`, &box),
	); err != nil {
		t.Fatal(err)
	}
	var conds []string
	for _, n := range names {
		conds = append(conds, fmt.Sprintf(`new RegExp(%q).test(s)`, regexpQuote(n)+`\s*\d+ returns?`))
	}
	ok := `((s) => /-?[0-9.]+% to -?[0-9.]+%/.test(s) && ` + strings.Join(conds, " && ") + `)`
	var missing []string
	for k := 0; k < 13; k++ {
		x, y := box.X+2+(box.W-4)*float64(k)/12, box.Y+box.H*0.6
		var tip struct {
			Text        string
			Left, Right float64
		}
		err := chromedp.Run(b.ctx,
			chromedp.MouseEvent(input.MouseMoved, x-3, y),
			chromedp.MouseEvent(input.MouseMoved, x, y),
			chromedp.Poll(`(() => { const t = (`+tipJS+`)('`+id+`'); return t.Text && `+ok+`(t.Text) ? t : null; })()`, &tip, chromedp.WithPollingTimeout(3*time.Second)),
		)
		if err != nil {
			var last struct{ Text string }
			_ = chromedp.Run(b.ctx, chromedp.Evaluate(`(`+tipJS+`)('`+id+`')`, &last))
			missing = append(missing, fmt.Sprintf("x=%.0f: %q", x, last.Text))
			continue
		}
		if tip.Left < 0 || tip.Right > width+0.5 {
			t.Errorf("%s at x=%.0f: tooltip spans %.0f..%.0f px, outside the %.0f-px window", id, x, tip.Left, tip.Right, width)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%s: %d of 13 hovers lack a bin's range or a count of %q:\n%s", id, len(missing), names, strings.Join(missing, "\n"))
	}
}

func regexpQuote(s string) string {
	return strings.NewReplacer(`^`, `\^`, `.`, `\.`, `$`, `\$`).Replace(s)
}

// checkTradeTooltip hovers the sale and the dividend marked on the first
// security (3 shares; 0.25 a share, 12.50 in all: see withMoreCharts) and
// wants the tooltip to list the date, the close and the sale with its
// quantity and price, the dividend per share and in all.
func checkTradeTooltip(t *testing.T, b *browser) {
	t.Helper()
	if err := chromedp.Run(b.ctx, chromedp.Click(`#performance button[data-preset="Max"]`, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	checkMarkTooltip(t, b, "Sell", `\d{4}-\d\d-\d\d[\s\S]*Close[\s\S]*Sell( on \d{4}-\d\d-\d\d)?\s*3 @ [0-9.,]+`)
	checkMarkTooltip(t, b, "Dividend", `\d{4}-\d\d-\d\d[\s\S]*Close[\s\S]*Dividend( on \d{4}-\d\d-\d\d)?\s*12\.50 [A-Z]{3}\s*a share\s*0\.25 [A-Z]{3}`)
}

// checkMarkTooltip hovers the first mark of the securities chart's series
// named series and wants the tooltip to match re.
func checkMarkTooltip(t *testing.T, b *browser, series, re string) {
	t.Helper()
	var pt struct{ X, Y float64 }
	if err := chromedp.Run(b.ctx,
		chromedp.ScrollIntoView(`#security canvas`, chromedp.ByQuery),
		chromedp.Evaluate(`(() => {
		  const el = document.querySelector('#security .canvas'), c = echarts.getInstanceByDom(el), o = c.getOption();
		  const k = o.series.findIndex(s => s.name === '`+series+`'), p = o.series[k].data[0];
		  const [x, y] = c.convertToPixel({seriesIndex: k}, p), r = el.getBoundingClientRect();
		  return {X: r.x + x, Y: r.y + y};
		})()`, &pt),
	); err != nil {
		t.Fatal(err)
	}
	var tip struct{ Text string }
	err := chromedp.Run(b.ctx,
		chromedp.MouseEvent(input.MouseMoved, pt.X-2, pt.Y),
		chromedp.MouseEvent(input.MouseMoved, pt.X, pt.Y),
		chromedp.Poll(`(() => { const t = (`+tipJS+`)('security'); return t.Text && /`+series+`/.test(t.Text) ? t : null; })()`, &tip, chromedp.WithPollingTimeout(3*time.Second)),
	)
	if err != nil || !regexpMatch(re, tip.Text) {
		t.Errorf("tooltip at the %s mark %q (%v): want it to match %s", series, tip.Text, err, re)
	}
	var shot []byte
	if err := chromedp.Run(b.ctx, chromedp.Screenshot(`#security`, &shot, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	saveArtifact(t, "security_"+strings.ToLower(series)+".png", shot)
}

// checkSecurityInRange picks another security after the 1Y preset and
// wants the securities chart still on the range the presets show; then
// moves the securities chart's own range and wants the performance chart
// to follow it, the presets released.
func checkSecurityInRange(t *testing.T, b *browser) {
	t.Helper()
	const zoomJS = `(id => { const z = echarts.getInstanceByDom(document.querySelector('#' + id + ' .canvas')).getOption().dataZoom[0]; return [z.startValue, z.endValue]; })`
	var r struct {
		Perf, Security, Moved, Followed []float64
		Pressed                         string
	}
	if err := chromedp.Run(b.ctx,
		chromedp.Click(`#performance button[data-preset="1Y"]`, chromedp.ByQuery),
		chromedp.Evaluate(`(() => {
		  const zoom = `+zoomJS+`, pick = document.querySelector('#security select');
		  pick.value = '1';
		  pick.dispatchEvent(new Event('change'));
		  const out = {Perf: zoom('performance'), Security: zoom('security')};
		  const c = echarts.getInstanceByDom(document.querySelector('#security .canvas')), d = JSON.parse(document.getElementById('gofolio-data').textContent).dates;
		  const from = Date.parse(d[d.length - 40] + 'T00:00:00Z'), to = Date.parse(d[d.length - 10] + 'T00:00:00Z');
		  c.dispatchAction({type: 'dataZoom', startValue: from, endValue: to});
		  out.Moved = [from, to];
		  out.Followed = zoom('performance');
		  out.Pressed = [...document.querySelectorAll('#performance button[data-preset]')].filter(e => e.getAttribute('aria-pressed') === 'true').map(e => e.dataset.preset).join();
		  pick.value = '0';
		  pick.dispatchEvent(new Event('change'));
		  return out;
		})()`, &r),
	); err != nil {
		t.Fatal(err)
	}
	if len(r.Security) != 2 || len(r.Perf) != 2 || r.Security[0] != r.Perf[0] || r.Security[1] != r.Perf[1] {
		t.Errorf("after 1Y and another security: securities chart shows %v, performance %v; want the same range", r.Security, r.Perf)
	}
	if len(r.Followed) != 2 || r.Followed[0] != r.Moved[0] || r.Followed[1] != r.Moved[1] || r.Pressed != "" {
		t.Errorf("securities chart moved to %v: performance shows %v, presets pressed %q; want the same range, none pressed", r.Moved, r.Followed, r.Pressed)
	}
}

func regexpMatch(re, s string) bool { return regexp.MustCompile(re).MatchString(s) }
