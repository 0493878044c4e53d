package notebook

import (
	"encoding/json"
	"math"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// The harness runs the chart's script in node with a stand-in for the DOM
// and for ECharts that records what the script asks of it, moves the zoom
// window's start to the given time, and prints every setOption call as JSON.
const harness = `
var calls = [], handlers = {}, start = null;
var el = { innerHTML: "fallback" };
global.document = { getElementById: function () { return el; } };
global.window = {
  addEventListener: function () {},
  echarts: {
    init: function (e) {
      if (e !== el) throw new Error("init on another element");
      return {
        setOption: function (o) { calls.push(JSON.parse(JSON.stringify(o))); },
        getOption: function () { return { dataZoom: [{ startValue: start === null ? calls[0].series[0].data[0][0] : start }] }; },
        on: function (name, fn) { handlers[name] = fn; },
        resize: function () {}
      };
    }
  }
};
SCRIPT
start = ZOOM;
handlers.datazoom();
console.log(JSON.stringify({ cleared: el.innerHTML === "", calls: calls }));
`

var scriptRE = regexp.MustCompile(`(?s)<script>(.*)</script>`)

func TestScriptRebasesOnZoom(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the chart's script is not run")
	}
	d, got := capture()
	if err := d.Interactive("t", testLines()...); err != nil {
		t.Fatal(err)
	}
	m := scriptRE.FindStringSubmatch((*got)[0][MIMEHTML])
	if m == nil {
		t.Fatal("no script")
	}
	// Zoom to start on 2020-01-03: ms = 18264 days × 86400000.
	const jan3 = "1578009600000"
	js := strings.Replace(strings.Replace(harness, "SCRIPT", m[1], 1), "ZOOM", jan3, 1)
	out, err := exec.Command(node, "-e", js).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var res struct {
		Cleared bool
		Calls   []struct {
			Series []struct {
				Data [][2]*float64
			}
		}
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !res.Cleared {
		t.Error("the fallback image was not removed")
	}
	// Calls: the option, the rebase at the full range, the rebase after the zoom.
	if len(res.Calls) != 3 {
		t.Fatalf("%d setOption calls, want 3", len(res.Calls))
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
