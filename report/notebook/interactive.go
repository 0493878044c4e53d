package notebook

import (
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"

	"github.com/gofolio/gofolio/report"
	"github.com/gofolio/gofolio/report/chart"
)

// ECharts says where Interactive loads Apache ECharts from: the URL of
// echarts.min.js and its subresource-integrity hash ("" for none). The
// default is the report's (report.DefaultEChartsURL); change it to a local
// copy to work offline.
var ECharts = struct{ URL, Integrity string }{report.DefaultEChartsURL, report.DefaultEChartsIntegrity}

// Interactive shows lines, cumulative returns as chart.Performance takes them
// (fractions, 0.25 for +25%, NaN before a line starts), as an interactive
// ECharts line chart: zoom with the slider or the mouse wheel, a tooltip with
// every line's value, a legend whose entries toggle their line.
//
// Whenever the range shown changes, every line is rebased to 0% at the
// range's first date s, as benchmark.CumulativeReturn rebases,
//
//	shown[t] = (1 + v[t]) / (1 + v[s']) − 1
//
// where s' is the line's last date with a value on or before s (its first
// date with one when it starts after s), so that lines starting together can
// be compared over any range.
//
// The output is text/html: the chart's container holding the static
// chart.Performance drawing of the same lines, which ECharts replaces once
// loaded (from ECharts.URL, by require.js when the front end has it). Viewers
// that run no script, and an offline browser, keep the static chart. The same
// drawing is also in the output as image/svg+xml and its title as text/plain.
func Interactive(title string, lines ...chart.Line) error { return gonb.Interactive(title, lines...) }

// Interactive is the package-level Interactive on d.
func (d *Display) Interactive(title string, lines ...chart.Line) error {
	p, err := chart.Performance(title, lines...)
	if err != nil {
		return fmt.Errorf("notebook: interactive chart: %w", err)
	}
	svg, err := renderSVG(p)
	if err != nil {
		return err
	}
	html, err := interactiveHTML(uniqueID(), title, svg, lines)
	if err != nil {
		return err
	}
	return d.send(Bundle{MIMEHTML: html, MIMESVG: svg, MIMEPlain: altText(p)})
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

// The ECharts option: only what the chart sets. The script adds the
// formatters, which JSON cannot carry, and the rebased data.
type ecOption struct {
	Animation bool         `json:"animation"`
	UseUTC    bool         `json:"useUTC"`
	Color     []string     `json:"color"`
	Title     ecTitle      `json:"title"`
	Legend    ecLegend     `json:"legend"`
	Tooltip   ecTooltip    `json:"tooltip"`
	Grid      ecGrid       `json:"grid"`
	XAxis     ecAxis       `json:"xAxis"`
	YAxis     ecAxis       `json:"yAxis"`
	DataZoom  []ecDataZoom `json:"dataZoom"`
	Series    []ecSeries   `json:"series"`
}

type ecTitle struct {
	Text string `json:"text"`
	Left string `json:"left"`
}

type ecLegend struct {
	Top int `json:"top"`
}

type ecTooltip struct {
	Trigger string `json:"trigger"`
}

type ecGrid struct {
	Left         int  `json:"left"`
	Right        int  `json:"right"`
	Top          int  `json:"top"`
	Bottom       int  `json:"bottom"`
	ContainLabel bool `json:"containLabel"`
}

type ecAxis struct {
	Type  string `json:"type"`
	Scale bool   `json:"scale,omitempty"`
}

type ecDataZoom struct {
	Type string `json:"type"`
}

type ecSeries struct {
	Name       string      `json:"name"`
	Type       string      `json:"type"`
	ShowSymbol bool        `json:"showSymbol"`
	Sampling   string      `json:"sampling"`
	LineStyle  ecLineStyle `json:"lineStyle"`
	Data       []point     `json:"data"`
}

type ecLineStyle struct {
	Width float64 `json:"width"`
}

// interactiveOption builds the option and each line's growth index 1 + v,
// from which the script rebases.
func interactiveOption(title string, lines []chart.Line) (ecOption, [][]point, error) {
	opt := ecOption{
		UseUTC:   true, // dates are midnight UTC: local time would show the day before west of Greenwich
		Color:    paletteHex(),
		Title:    ecTitle{Text: title, Left: "center"},
		Legend:   ecLegend{Top: 28},
		Tooltip:  ecTooltip{Trigger: "axis"},
		Grid:     ecGrid{Left: 16, Right: 24, Top: 64, Bottom: 64, ContainLabel: true},
		XAxis:    ecAxis{Type: "time"},
		YAxis:    ecAxis{Type: "value", Scale: true},
		DataZoom: []ecDataZoom{{Type: "inside"}, {Type: "slider"}},
	}
	growth := make([][]point, len(lines))
	for i, l := range lines {
		if len(l.Values) != len(l.Dates) {
			return ecOption{}, nil, fmt.Errorf("notebook: interactive chart: line %q: %d values for %d dates", l.Name, len(l.Values), len(l.Dates))
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
		opt.Series = append(opt.Series, ecSeries{
			Name: l.Name, Type: "line", Sampling: "lttb", LineStyle: ecLineStyle{Width: width}, Data: data,
		})
	}
	return opt, growth, nil
}

// paletteHex is chart.Palette as CSS colours, so both drawings agree.
func paletteHex() []string {
	out := make([]string, len(chart.Palette))
	for i, c := range chart.Palette {
		r, g, b, _ := c.RGBA()
		out[i] = fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
	}
	return out
}

var interactiveTemplate = template.Must(template.New("interactive").Parse(`<div id="{{.ID}}" class="gofolio-chart" style="width:100%;max-width:800px;height:450px">` +
	`<img alt="{{.Title}}" src="{{.Fallback}}" style="width:100%;height:auto"></div>
<script>
(function () {
  var id = {{.ID}}, src = {{.Src}}, integrity = {{.Integrity}};
  var option = {{.Option}};
  var growth = {{.Growth}};
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
    var el = document.getElementById(id);
    if (!el || !echarts) return;
    el.innerHTML = "";
    var c = echarts.init(el);
    var pct = function (v) { return v == null || isNaN(v) ? "\u2013" : v.toFixed(2) + "%"; };
    option.tooltip.valueFormatter = pct;
    option.yAxis.axisLabel = { formatter: "{value}%" };
    c.setOption(option);
    var update = function () {
      var start = c.getOption().dataZoom[0].startValue;
      c.setOption({ series: rebase(start).map(function (d) { return { data: d }; }) });
    };
    update();
    c.on("datazoom", update);
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

func interactiveHTML(id, title, svg string, lines []chart.Line) (string, error) {
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
		"Fallback":  template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(svg))),
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
