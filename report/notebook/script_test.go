package notebook

import (
	"encoding/json"
	"math"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/report/chart"
)

// The harness runs the chart's script in node with a stand-in for the DOM
// (the chart's element, its figure and preset buttons) and for ECharts that
// records what the script asks of it, runs ACTION (a zoom or a preset's
// click), and prints every setOption call as JSON with the zoom window and
// the pressed preset. Like ECharts, dispatchAction fires "datazoom".
const harness = `
var calls = [], handlers = {}, start = null, end = null;
var el = { innerHTML: "fallback" };
var buttons = {}, bar = { hidden: true };
PRESETS.forEach(function (p) {
  var attrs = { "data-preset": p, "aria-pressed": "false" }, listeners = [];
  buttons[p] = {
    getAttribute: function (k) { return attrs[k]; },
    setAttribute: function (k, v) { attrs[k] = v; },
    addEventListener: function (name, fn) { listeners.push(fn); },
    click: function () { var b = this; listeners.forEach(function (fn) { fn({ currentTarget: b }); }); }
  };
});
var fig = {
  querySelectorAll: function () { return PRESETS.map(function (p) { return buttons[p]; }); },
  querySelector: function () { return bar; }
};
global.document = { getElementById: function (id) { return /-figure$/.test(id) ? fig : el; } };
global.window = {
  addEventListener: function () {},
  echarts: {
    init: function (e) {
      if (e !== el) throw new Error("init on another element");
      return {
        setOption: function (o) { calls.push(JSON.parse(JSON.stringify(o))); },
        getOption: function () { return { dataZoom: [{ startValue: start }] }; },
        dispatchAction: function (a) { start = a.startValue; end = a.endValue; if (handlers.datazoom) handlers.datazoom(); },
        on: function (name, fn) { handlers[name] = fn; },
        resize: function () {}
      };
    }
  }
};
SCRIPT
ACTION;
var pressed = PRESETS.filter(function (p) { return buttons[p].getAttribute("aria-pressed") === "true"; });
console.log(JSON.stringify({ cleared: el.innerHTML === "", shown: !bar.hidden, start: start, end: end, pressed: pressed, calls: calls }));
`

// harnessResult is what the harness prints.
type harnessResult struct {
	Cleared, Shown bool
	Start, End     float64
	Pressed        []string
	Calls          []struct {
		Series []struct {
			Data [][2]*float64
		}
	}
}

// runScript runs the script of Interactive(lines) in the harness, then
// action.
func runScript(t *testing.T, lines []chart.Line, action string) harnessResult {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the chart's script is not run")
	}
	d, got := capture()
	if err := d.Interactive("t", lines...); err != nil {
		t.Fatal(err)
	}
	m := scriptRE.FindStringSubmatch((*got)[0][MIMEHTML])
	if m == nil {
		t.Fatal("no script")
	}
	presets, _ := json.Marshal(Presets)
	js := strings.NewReplacer("SCRIPT", m[1], "ACTION", action, "PRESETS", string(presets)).Replace(harness)
	out, err := exec.Command(node, "-e", js).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var res harnessResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !res.Cleared || !res.Shown {
		t.Errorf("the fallback image was not removed (%v) or the presets not shown (%v)", !res.Cleared, !res.Shown)
	}
	return res
}

var scriptRE = regexp.MustCompile(`(?s)<script>(.*)</script>`)

func TestScriptRebasesOnZoom(t *testing.T) {
	// Zoom to start on 2020-01-03: ms = 18264 days × 86400000.
	res := runScript(t, testLines(), "start = 1578009600000; handlers.datazoom()")
	// Calls: the option, the rebase at the full range (the Max preset),
	// the rebase after the zoom.
	if len(res.Calls) != 3 {
		t.Fatalf("%d setOption calls, want 3", len(res.Calls))
	}
	if len(res.Pressed) != 0 {
		t.Errorf("after a zoom by hand, preset %v still pressed", res.Pressed)
	}
	value := func(call, series, point int) float64 {
		p := res.Calls[call].Series[series].Data[point][1]
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	// Full range: the portfolio from its first value (1 + 0): shown as given,
	// −12% on Jan 3; ^DJI from its own first value: +50% on Jan 3.
	if v := value(1, 0, 2); math.Abs(v+12) > 1e-9 {
		t.Errorf("full range: portfolio on Jan 3 = %v%%, want -12%%", v)
	}
	if v := value(1, 1, 1); math.Abs(v-50) > 1e-9 {
		t.Errorf("full range: ^DJI on Jan 3 = %v%%, want 50%%", v)
	}
	// From Jan 3: the portfolio relative to 0.88: 1.21/0.88 − 1 = 37.5% on
	// Jan 4, 1/0.88 − 1 = 13.636…% on Jan 1; ^DJI relative to 1.5: 0 on Jan 3,
	// 1/1.5 − 1 = −33.33…% on Jan 2, null where it has no value.
	for _, c := range []struct {
		series, point int
		want          float64
	}{
		{0, 3, 37.5}, {0, 2, 0}, {0, 0, (1/0.88 - 1) * 100},
		{1, 1, 0}, {1, 0, (1/1.5 - 1) * 100},
	} {
		if v := value(2, c.series, c.point); math.Abs(v-c.want) > 1e-9 {
			t.Errorf("zoomed: series %d point %d = %v, want %v", c.series, c.point, v, c.want)
		}
	}
	if v := value(2, 1, 2); !math.IsNaN(v) {
		t.Errorf("zoomed: a gap became %v", v)
	}
}

// TestScriptPresets: a preset zooms from the last date on or before its
// start to the last date, rebases there and is the one pressed; Max is
// pressed at first.
func TestScriptPresets(t *testing.T) {
	// Daily dates from 2019-06-01 to 2021-03-10 (649 days), the portfolio
	// growing 0.1% a day: v[i] = 1.001^i − 1.
	dates := days("2019-06-01", 649)
	values := make([]float64, len(dates))
	for i := range values {
		values[i] = math.Pow(1.001, float64(i)) - 1
	}
	lines := []chart.Line{{Name: "Portfolio", Dates: dates, Values: values}}
	last := dates[len(dates)-1]
	for _, c := range []struct {
		preset string
		from   time.Time // the start: a date of the line, so the date itself
	}{
		{"Max", dates[0]},
		{"1M", last.AddDate(0, -1, 0)}, // 2021-02-10
		{"YTD", time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)},
		{"1Y", last.AddDate(-1, 0, 0)}, // 2020-03-10
		{"5Y", dates[0]},               // before the first date: the first
	} {
		t.Run(c.preset, func(t *testing.T) {
			action := "0"
			if c.preset != "Max" {
				action = `buttons["` + c.preset + `"].click()`
			}
			res := runScript(t, lines, action)
			if int64(res.Start) != c.from.UnixMilli() || int64(res.End) != last.UnixMilli() {
				t.Errorf("range %s to %s, want %s to %s", time.UnixMilli(int64(res.Start)).UTC().Format(time.DateOnly),
					time.UnixMilli(int64(res.End)).UTC().Format(time.DateOnly), c.from.Format(time.DateOnly), last.Format(time.DateOnly))
			}
			if len(res.Pressed) != 1 || res.Pressed[0] != c.preset {
				t.Errorf("pressed %v, want [%s]", res.Pressed, c.preset)
			}
			// Rebased at the start s: 1.001^(i−s) − 1 in percent, 0 at s.
			s := int(c.from.Sub(dates[0]).Hours() / 24)
			data := res.Calls[len(res.Calls)-1].Series[0].Data
			for _, i := range []int{s, len(dates) - 1} {
				want := (math.Pow(1.001, float64(i-s)) - 1) * 100
				// growth is written with 10 significant digits: 1e-7 in percent.
				if got := data[i][1]; got == nil || math.Abs(*got-want) > 1e-6 {
					t.Errorf("point %d = %v, want %v", i, *got, want)
				}
			}
		})
	}
}
