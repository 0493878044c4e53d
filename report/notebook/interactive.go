package notebook

import (
	"errors"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"

	"github.com/gofolio/gofolio/internal/echarts"
	"github.com/gofolio/gofolio/report"
	"github.com/gofolio/gofolio/report/chart"
)

// ECharts says where Interactive loads Apache ECharts from: the URL of
// echarts.min.js and its subresource-integrity hash ("" for none). The
// default is the report's (report.DefaultEChartsURL); change it to a local
// copy to work offline.
var ECharts = struct{ URL, Integrity string }{report.DefaultEChartsURL, report.DefaultEChartsIntegrity}

// Presets are the range buttons above an interactive chart, the HTML
// report's: each zooms to the range from its start to the last date and
// rebases every line there.
var Presets = []string{"5D", "1M", "3M", "6M", "YTD", "1Y", "5Y", "Max"}

// Interactive shows lines, cumulative returns as chart.Performance takes them
// (fractions, 0.25 for +25%, NaN before a line starts), as an interactive
// ECharts line chart: range presets (Presets) as in the HTML report, zoom
// with the slider or the mouse wheel, a tooltip with every line's value, a
// legend whose entries toggle their line.
//
// Whenever the range shown changes, every line is rebased to 0% at the
// range's first date s, as benchmark.CumulativeReturn rebases,
//
//	shown[t] = (1 + v[t]) / (1 + v[s']) − 1
//
// where s' is the line's last date with a value on or before s (its first
// date with one when it starts after s), so that lines starting together can
// be compared over any range. A preset's range starts on the last date on
// or before its start (for 1Y, a year before the last date; for YTD, the
// last day of the previous year), the close the period is measured from,
// as in the report.
//
// The output is an ordinary text/html display output, so it is kept in the
// saved notebook and copied as it is by jupyter nbconvert --to html: the
// chart's container holding the static chart.Performance drawing of the
// same lines as a PNG image, which ECharts replaces once loaded (from
// ECharts.URL, by require.js when the front end has it). Viewers that run
// no script, and an offline browser, keep the static chart. The same
// drawing is also in the output as image/png and its title as text/plain.
func Interactive(title string, lines ...chart.Line) error { return gonb.Interactive(title, lines...) }

// Interactive is the package-level Interactive on d.
func (d *Display) Interactive(title string, lines ...chart.Line) error {
	p, err := chart.Performance(title, lines...)
	if err != nil {
		return fmt.Errorf("notebook: interactive chart: %w", err)
	}
	png, err := renderPNG(p)
	if err != nil {
		return err
	}
	html, err := interactiveHTML(uniqueID(), title, png, lines)
	if err != nil {
		return err
	}
	return d.send(Bundle{MIMEHTML: html, MIMEPNG: png, MIMEPlain: altText(p)})
}

// uniqueID names a chart's container; gonb's ids are unique per kernel
// session, as they must be across the cells of a notebook page.
func uniqueID() string {
	return "gofolio-chart-" + gonbui.UniqueId()
}

// point is one [time in ms, value] pair of ECharts series data; a NaN or
// infinite value is null, a gap in the line.
type point struct {
	ms    int64
	value float64
}

func (p point) MarshalJSON() ([]byte, error) {
	b := append([]byte{'['}, strconv.FormatInt(p.ms, 10)...)
	b = append(b, ',')
	if math.IsNaN(p.value) || math.IsInf(p.value, 0) {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendFloat(b, p.value, 'g', 10, 64)
	}
	return append(b, ']'), nil
}

// interactiveOption builds the option and each line's growth index 1 + v,
// from which the script rebases. The script adds the formatters, which JSON
// cannot carry, and the rebased data.
func interactiveOption(title string, lines []chart.Line) (echarts.Option, [][]point, error) {
	// Dates are midnight UTC: local time would show the day before west of
	// Greenwich. The colours are chart.Palette's, so both drawings agree.
	opt := echarts.Option{
		UseUTC:   true,
		Color:    echarts.HexColors(chart.Palette),
		Title:    &echarts.Title{Text: title, Left: "center"},
		Legend:   &echarts.Legend{Top: 28},
		Tooltip:  echarts.Tooltip{Trigger: "axis"},
		Grid:     echarts.Grid{Left: 16, Right: 24, Top: 64, Bottom: 64, ContainLabel: true},
		XAxis:    echarts.Axis{Type: "time"},
		YAxis:    echarts.Axis{Type: "value", Scale: true},
		DataZoom: []echarts.DataZoom{{Type: "inside"}, {Type: "slider"}},
	}
	showSymbol := false
	growth := make([][]point, len(lines))
	for i, l := range lines {
		if len(l.Values) != len(l.Dates) {
			return echarts.Option{}, nil, fmt.Errorf("notebook: interactive chart: line %q: %d values for %d dates", l.Name, len(l.Values), len(l.Dates))
		}
		data := make([]point, len(l.Dates))
		growth[i] = make([]point, len(l.Dates))
		for j, d := range l.Dates {
			ms := d.UnixMilli()
			data[j] = point{ms, l.Values[j] * 100}
			growth[i][j] = point{ms, 1 + l.Values[j]}
		}
		width := 1.5
		if i == 0 {
			width = 2.5 // the portfolio, as chart.Performance draws it
		}
		// No sampling: LTTB keeps different dates for each line, and the
		// axis tooltip then shows only the lines that kept the date
		// hovered. A few thousand points a line draw fast enough.
		opt.Series = append(opt.Series, echarts.Series{
			Name: l.Name, Type: "line", ShowSymbol: &showSymbol, LineStyle: &echarts.LineStyle{Width: width}, Data: data,
		})
	}
	return opt, growth, nil
}

var interactiveTemplate = template.Must(template.New("interactive").Parse(`<style>
.gofolio-presets{display:flex;gap:4px;flex-wrap:wrap;margin:0 0 4px}
.gofolio-presets[hidden]{display:none}
.gofolio-presets button{border:1px solid #d1d5db;background:#fff;color:#111;border-radius:14px;padding:2px 12px;cursor:pointer;font:inherit}
.gofolio-presets button[aria-pressed=true]{background:#1a56db;border-color:#1a56db;color:#fff}
</style>
<div id="{{.ID}}-figure" class="gofolio-interactive" style="max-width:800px">` +
	`<div class="gofolio-presets" role="group" aria-label="Range" hidden>{{range .Presets}}<button type="button" data-preset="{{.}}" aria-pressed="false">{{.}}</button>{{end}}</div>` +
	`<div id="{{.ID}}" class="gofolio-chart" style="width:100%;height:450px">` +
	`<img alt="{{.Title}}" src="{{.Fallback}}" style="width:100%;height:auto"></div></div>
<script>
(function () {
  var id = {{.ID}}, src = {{.Src}}, integrity = {{.Integrity}};
  var option = {{.Option}};
  var growth = {{.Growth}};
  var months = {"1M": 1, "3M": 3, "6M": 6, "1Y": 12, "5Y": 60};
  // dates: every line's dates in ms, ascending, once each.
  var dates = [];
  growth.forEach(function (pts) { pts.forEach(function (p) { dates.push(p[0]); }); });
  dates.sort(function (a, b) { return a - b; });
  dates = dates.filter(function (d, i) { return i === 0 || d !== dates[i - 1]; });
  var last = dates[dates.length - 1];
  // startOf: the last date on or before preset p's start, else the first.
  function startOf(p) {
    if (p === "Max") return dates[0];
    // 5D: five trading days, as in the report (the close it is measured from).
    if (p === "5D") return dates[Math.max(0, dates.length - 6)];
    var d = new Date(last), y = d.getUTCFullYear();
    var from = p === "YTD" ? Date.UTC(y - 1, 11, 31) : Date.UTC(y, d.getUTCMonth() - months[p], d.getUTCDate());
    var s = dates[0];
    for (var i = 0; i < dates.length && dates[i] <= from; i++) s = dates[i];
    return s;
  }
  // rebase: each line relative to its value in force at start (ms).
  function rebase(start) {
    return growth.map(function (pts) {
      var base = null;
      for (var i = 0; i < pts.length; i++) {
        if (pts[i][1] === null) continue;
        if (base === null || pts[i][0] <= start) base = pts[i][1]; else break;
      }
      return pts.map(function (p) {
        return [p[0], p[1] === null || base === null ? null : (p[1] / base - 1) * 100];
      });
    });
  }
  function draw(echarts) {
    var el = document.getElementById(id), fig = document.getElementById(id + "-figure");
    if (!el || !echarts) return;
    el.innerHTML = "";
    var c = echarts.init(el);
    var pct = function (v) { return v == null || isNaN(v) ? "\u2013" : v.toFixed(2) + "%"; };
    option.tooltip.valueFormatter = pct;
    option.yAxis.axisLabel = { formatter: "{value}%" };
    // The y-axis fits the lines shown, with 5% headroom each side, rounded
    // out to a step of 1, 2 or 5 times a power of ten near a twentieth of
    // the range: ECharts' own rounding takes a low of -0.02% down to -100%.
    var step = function (v) {
      var raw = Math.max((v.max - v.min) / 20, 1e-6), p = Math.pow(10, Math.floor(Math.log10(raw)));
      return raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
    };
    option.yAxis.min = function (v) { var pad = (v.max - v.min) * 0.05, s = step(v); return Math.floor((v.min - pad) / s) * s; };
    option.yAxis.max = function (v) { var pad = (v.max - v.min) * 0.05, s = step(v); return Math.ceil((v.max + pad) / s) * s; };
    c.setOption(option);
    var rebaseTo = function (start) {
      c.setOption({ series: rebase(start).map(function (d) { return { data: d }; }) });
    };
    var buttons = fig ? fig.querySelectorAll("button[data-preset]") : [];
    var press = function (p) {
      for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-preset") === p));
    };
    var applying = false;
    var preset = function (p) {
      var s = startOf(p);
      applying = true;
      c.dispatchAction({ type: "dataZoom", startValue: s, endValue: last });
      applying = false;
      rebaseTo(s);
      press(p);
    };
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (e) { preset(e.currentTarget.getAttribute("data-preset")); });
    }
    if (fig) fig.querySelector(".gofolio-presets").hidden = false;
    c.on("datazoom", function () {
      if (applying) return;
      rebaseTo(c.getOption().dataZoom[0].startValue);
      press(null);
    });
    preset("Max");
    window.addEventListener("resize", function () { c.resize(); });
  }
  if (window.echarts) { draw(window.echarts); return; }
  if (typeof window.requirejs === "function") {
    window.requirejs.config({ paths: { echarts: src.replace(/\.js$/, "") } });
    window.requirejs(["echarts"], draw);
    return;
  }
  var s = document.querySelector("script[data-gofolio-echarts]");
  if (!s) {
    s = document.createElement("script");
    s.src = src;
    if (integrity) { s.integrity = integrity; s.crossOrigin = "anonymous"; }
    s.setAttribute("data-gofolio-echarts", "");
    document.head.appendChild(s);
  }
  s.addEventListener("load", function () { draw(window.echarts); });
})();
</script>`))

func interactiveHTML(id, title, png string, lines []chart.Line) (string, error) {
	opt, growth, err := interactiveOption(title, lines)
	if err != nil {
		return "", err
	}
	if ECharts.URL == "" {
		return "", errors.New("notebook: interactive chart: no ECharts URL")
	}
	var b strings.Builder
	err = interactiveTemplate.Execute(&b, map[string]any{
		"ID":        id,
		"Title":     title,
		"Fallback":  template.URL("data:image/png;base64," + png),
		"Presets":   Presets,
		"Src":       ECharts.URL,
		"Integrity": ECharts.Integrity,
		"Option":    opt,
		"Growth":    growth,
	})
	if err != nil {
		return "", fmt.Errorf("notebook: interactive chart: %w", err)
	}
	return b.String(), nil
}
