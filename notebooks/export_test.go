package notebooks

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	gofolionotebook "github.com/gofolio/gofolio/report/notebook"
)

// TestExportedNotebooks exports the copies run.sh executed into
// $GOFOLIO_NOTEBOOKS_OUT to HTML with jupyter nbconvert --to html, as
// notebooks are shared, opens each page in headless Chromium
// ($GOFOLIO_CHROMIUM) and checks that every cell tagged "chart" shows a
// chart with pixels: each of its images (or ECharts canvases) drawn, not
// blank. With $GOFOLIO_ECHARTS_JS (echarts.min.js from npm) the pinned
// ECharts URL is answered with that file, so the interactive charts must
// come alive in the exported page, with the report's range presets; without
// it every request off 127.0.0.1 fails and their static image must show.
// A full-page screenshot of each goes to $GOFOLIO_ARTIFACTS.
func TestExportedNotebooks(t *testing.T) {
	dir := os.Getenv("GOFOLIO_NOTEBOOKS_OUT")
	if dir == "" {
		t.Skip("GOFOLIO_NOTEBOOKS_OUT is not set: notebooks/run.sh executes the notebooks, then runs this test on them")
	}
	jupyter, chromium := exportEnv(t)
	var echartsJS []byte
	if p := os.Getenv("GOFOLIO_ECHARTS_JS"); p != "" {
		var err error
		if echartsJS, err = os.ReadFile(p); err != nil {
			t.Fatal(err)
		}
	}
	names := strings.Fields(os.Getenv("GOFOLIO_NOTEBOOKS"))
	if len(names) == 0 {
		names = sourceNotebooks(t)
	}
	htmlDir := filepath.Join(dir, "html")
	for _, name := range names {
		cmd := exec.Command(jupyter, "nbconvert", "--to", "html", "--output-dir", htmlDir, filepath.Join(dir, name))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("jupyter nbconvert --to html %s: %v\n%s", name, err, out)
		}
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(htmlDir)))
	defer srv.Close()
	ctx := newExportBrowser(t, chromium, echartsJS)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			nb, err := readNotebook(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			page := srv.URL + "/" + strings.TrimSuffix(name, ".ipynb") + ".html"
			checkExported(t, ctx, page, nb, echartsJS != nil)
			var shot []byte
			if err := chromedp.Run(ctx, chromedp.FullScreenshot(&shot, 100)); err != nil {
				t.Fatal(err)
			}
			saveArtifact(t, "notebook-"+strings.TrimSuffix(name, ".ipynb")+".png", shot)
		})
	}
}

// exportEnv finds Jupyter and Chromium, skipping the test when either is
// missing unless GOFOLIO_REQUIRE_BROWSER=1.
func exportEnv(t *testing.T) (jupyter, chromium string) {
	t.Helper()
	jupyter, chromium = os.Getenv("GOFOLIO_JUPYTER"), os.Getenv("GOFOLIO_CHROMIUM")
	if jupyter == "" {
		jupyter = "/usr/bin/jupyter"
	}
	var why []string
	if _, err := os.Stat(jupyter); err != nil {
		why = append(why, "jupyter: "+err.Error())
	}
	if chromium == "" {
		why = append(why, "GOFOLIO_CHROMIUM (path to a Chromium binary) is not set")
	} else if _, err := os.Stat(chromium); err != nil {
		why = append(why, err.Error())
	}
	if len(why) > 0 {
		if os.Getenv("GOFOLIO_REQUIRE_BROWSER") == "1" {
			t.Fatalf("browser test required but: %s", strings.Join(why, "; "))
		}
		t.Skipf("skipping the exported notebooks' test: %s", strings.Join(why, "; "))
	}
	return jupyter, chromium
}

// newExportBrowser starts headless Chromium. Requests for 127.0.0.1 go
// through; the pinned ECharts URL is answered with echartsJS when given;
// every other request fails, as offline.
func newExportBrowser(t *testing.T, chromium string, echartsJS []byte) context.Context {
	t.Helper()
	profile := t.TempDir()
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(profile), chromedp.WindowSize(1200, 900))
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithErrorf(func(string, ...any) {}))
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		_ = chromedp.Cancel(ctx)
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	chromedp.ListenTarget(ctx, func(ev any) {
		paused, ok := ev.(*fetch.EventRequestPaused)
		if !ok {
			return
		}
		go func() {
			c := cdp.WithExecutor(ctx, chromedp.FromContext(ctx).Target)
			u, err := url.Parse(paused.Request.URL)
			switch {
			case err == nil && u.Hostname() == "127.0.0.1":
				_ = fetch.ContinueRequest(paused.RequestID).Do(c)
			case paused.Request.URL == gofolionotebook.ECharts.URL && echartsJS != nil:
				_ = fetch.FulfillRequest(paused.RequestID, 200).WithResponseHeaders([]*fetch.HeaderEntry{
					{Name: "Content-Type", Value: "application/javascript"},
					{Name: "Access-Control-Allow-Origin", Value: "*"},
				}).WithBody(base64.StdEncoding.EncodeToString(echartsJS)).Do(c)
			default:
				_ = fetch.FailRequest(paused.RequestID, "BlockedByClient").Do(c)
			}
		}()
	})
	if err := chromedp.Run(ctx, fetch.Enable()); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// visual is one chart image or canvas of an exported page, as drawn.
type visual struct {
	Kind    string  `json:"kind"`
	W       int     `json:"w"`
	H       int     `json:"h"`
	Inked   float64 `json:"inked"`   // share of pixels not near-white
	Colours int     `json:"colours"` // distinct colours
}

// chartCellsJS draws every image and canvas shown in each chart cell's
// outputs onto a white canvas and measures its pixels.
const chartCellsJS = `(() => [...document.querySelectorAll('.jp-Cell.celltag_chart')].map(cell => {
  const out = [];
  cell.querySelectorAll('.jp-OutputArea-output img, .jp-OutputArea-output canvas').forEach(el => {
    if (el.offsetWidth === 0 || el.offsetHeight === 0) return;
    const img = el.tagName === 'IMG';
    const w = img ? el.naturalWidth : el.width, h = img ? el.naturalHeight : el.height;
    let inked = 0;
    const colours = new Set();
    if (w > 0 && h > 0) {
      const c = document.createElement('canvas');
      c.width = w; c.height = h;
      const g = c.getContext('2d');
      g.fillStyle = '#fff'; g.fillRect(0, 0, w, h);
      g.drawImage(el, 0, 0);
      const d = g.getImageData(0, 0, w, h).data;
      for (let p = 0; p < d.length; p += 4) {
        if (d[p] < 240 || d[p + 1] < 240 || d[p + 2] < 240) inked++;
        colours.add((d[p] << 16) | (d[p + 1] << 8) | d[p + 2]);
      }
    }
    out.push({kind: el.tagName.toLowerCase(), w, h, inked: inked / Math.max(1, w * h), colours: colours.size});
  });
  return out;
}))()`

// checkExported opens page, the export of nb, and checks each chart cell.
func checkExported(t *testing.T, ctx context.Context, page string, nb *notebook, live bool) {
	t.Helper()
	charts, interactive := 0, 0
	for _, c := range nb.Cells {
		if c.tagged(tagChart) {
			charts++
		}
		if c.tagged("interactive") {
			interactive++
		}
	}
	var ready bool
	if err := chromedp.Run(ctx,
		chromedp.Navigate(page),
		chromedp.Poll(`[...document.images].every(i => i.complete)`, &ready, chromedp.WithPollingTimeout(30*time.Second)),
	); err != nil {
		t.Fatalf("%s: images did not load: %v", page, err)
	}
	if live && interactive > 0 {
		js := fmt.Sprintf(`document.querySelectorAll('.celltag_interactive .gofolio-chart canvas').length >= %d`, interactive)
		if err := chromedp.Run(ctx, chromedp.Poll(js, &ready, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Errorf("the interactive charts did not come alive in the exported page: %v", err)
		}
		time.Sleep(time.Second) // ECharts' first frame
	}
	var cells [][]visual
	if err := chromedp.Run(ctx, chromedp.Evaluate(chartCellsJS, &cells)); err != nil {
		t.Fatal(err)
	}
	if len(cells) != charts {
		t.Errorf("the page has %d chart cells, the notebook %d", len(cells), charts)
	}
	for i, vs := range cells {
		if len(vs) == 0 {
			t.Errorf("chart cell %d shows no image", i+1)
		}
		for _, v := range vs {
			// A chart has axes, text and lines: at least 1% of its
			// pixels inked, in several colours.
			if v.W < 100 || v.H < 100 || v.Inked < 0.01 || v.Colours < 3 {
				t.Errorf("chart cell %d: %s %dx%d is blank: %.2f%% inked, %d colours", i+1, v.Kind, v.W, v.H, 100*v.Inked, v.Colours)
			}
		}
	}
	if live && interactive > 0 {
		checkPresets(t, ctx, interactive)
		checkTooltips(t, ctx, interactive)
	}
	if !live {
		// Without ECharts the buttons would do nothing: none shows.
		var shown int
		js := `[...document.querySelectorAll('.gofolio-presets button')].filter(b => b.offsetWidth > 0).length`
		if err := chromedp.Run(ctx, chromedp.Evaluate(js, &shown)); err != nil {
			t.Fatal(err)
		}
		if shown > 0 {
			t.Errorf("%d preset buttons show without ECharts", shown)
		}
	}
}

// checkPresets clicks each of the n interactive charts' 1Y preset and
// checks that it is the one pressed.
func checkPresets(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	var got []string
	js := `[...document.querySelectorAll('.celltag_interactive .gofolio-interactive')].map(f => {
  const bar = f.querySelector('.gofolio-presets');
  if (!bar || bar.hidden) return 'no presets shown';
  const names = [...bar.querySelectorAll('button')].map(b => b.textContent).join(' ');
  f.querySelector('button[data-preset="1Y"]').click();
  const pressed = [...bar.querySelectorAll('button[aria-pressed=true]')].map(b => b.textContent).join(' ');
  return names + ' / ' + pressed;
})`
	if err := chromedp.Run(ctx, chromedp.Evaluate(js, &got)); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Errorf("%d interactive charts with presets, want %d", len(got), n)
	}
	want := strings.Join(gofolionotebook.Presets, " ") + " / 1Y"
	for i, g := range got {
		if g != want {
			t.Errorf("interactive chart %d: presets %q, want %q", i+1, g, want)
		}
	}
}

// checkTooltips hovers over 9 points across each of the n interactive
// charts, after the Max preset, and checks that each tooltip names every
// line of the legend.
func checkTooltips(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	for i := range n {
		var box struct {
			X, Y, W, H       float64
			Names            []string
			YMin, YMax       float64 // the y-axis' extent
			DataMin, DataMax float64 // of the lines shown
		}
		js := fmt.Sprintf(`(() => {
  const f = document.querySelectorAll('.celltag_interactive .gofolio-interactive')[%d];
  f.querySelector('button[data-preset="Max"]').click();
  const el = f.querySelector('.gofolio-chart');
  el.scrollIntoView({block: 'center'});
  const r = el.getBoundingClientRect();
  const c = echarts.getInstanceByDom(el), series = c.getOption().series;
  const values = series.flatMap(s => s.data.map(p => p[1]).filter(v => v != null));
  const extent = c.getModel().getComponent('yAxis').axis.scale.getExtent();
  return {X: r.left, Y: r.top, W: r.width, H: r.height, Names: series.map(s => s.name),
    YMin: extent[0], YMax: extent[1], DataMin: Math.min(...values), DataMax: Math.max(...values)};
})()`, i)
		if err := chromedp.Run(ctx, chromedp.Evaluate(js, &box)); err != nil {
			t.Fatal(err)
		}
		// The y-axis fits the data: a margin of at most 15% of the range
		// each side, not a low of -0.3% shown down to -100%.
		span := box.DataMax - box.DataMin
		if box.YMin > box.DataMin || box.YMax < box.DataMax || box.YMin < box.DataMin-0.15*span || box.YMax > box.DataMax+0.15*span {
			t.Errorf("interactive chart %d: y-axis %.2f%% to %.2f%% for lines from %.2f%% to %.2f%%", i+1, box.YMin, box.YMax, box.DataMin, box.DataMax)
		}
		for k := 1; k <= 9; k++ {
			x, y := box.X+box.W*(0.1+0.08*float64(k)), box.Y+box.H/2
			var text string
			err := chromedp.Run(ctx,
				chromedp.MouseEvent(input.MouseMoved, x, y),
				chromedp.Sleep(300*time.Millisecond),
				chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll('.celltag_interactive .gofolio-chart')[%d].innerText`, i), &text))
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range box.Names {
				if !strings.Contains(text, name) {
					t.Errorf("interactive chart %d, hover %d of 9: the tooltip lacks %q: %q", i+1, k, name, text)
				}
			}
		}
	}
}

func saveArtifact(t *testing.T, name string, data []byte) {
	t.Helper()
	dir := os.Getenv("GOFOLIO_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("saved %s", path)
}
