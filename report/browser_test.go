package report

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browserEnv returns the ECharts file and Chromium binary the browser tests
// need, skipping the test when they are absent unless
// GOFOLIO_REQUIRE_BROWSER=1.
func browserEnv(t *testing.T) (echartsJS, chromium string) {
	t.Helper()
	echartsJS, chromium = os.Getenv("GOFOLIO_ECHARTS_JS"), os.Getenv("GOFOLIO_CHROMIUM")
	var why []string
	if echartsJS == "" {
		why = append(why, "GOFOLIO_ECHARTS_JS (path to echarts.min.js from npm) is not set")
	} else if _, err := os.Stat(echartsJS); err != nil {
		why = append(why, err.Error())
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
		t.Skipf("skipping browser test: %s", strings.Join(why, "; "))
	}
	return echartsJS, chromium
}

// browser is a headless Chromium tab that records console errors and every
// request, refusing any that is not for 127.0.0.1.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	errors   []string
	requests []string
}

// profileDir is a temporary Chromium profile. Chromium's helper processes
// may still be writing to it for a moment after the browser has exited, so
// its removal is retried for a few seconds and, failing that, only logged:
// t.TempDir's clean-up would fail the test for it.
func profileDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "gofolio-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		var err error
		for range 50 {
			if err = os.RemoveAll(dir); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("leaving the Chromium profile %s: %v", dir, err)
	})
	return dir
}

func newBrowser(t *testing.T, chromium string) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profileDir(t)),
		chromedp.WindowSize(1200, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	// cdproto of chromedp v0.11.2 predates some enum values newer Chromium
	// sends ("unknown IPAddressSpace value: Loopback"); those events are
	// ones this test does not use, so the noise is dropped.
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithErrorf(func(format string, args ...any) {
		if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "could not unmarshal event") {
			t.Logf("chromedp: %s", msg)
		}
	}))
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		// Close the browser gracefully first, so that it stops writing
		// to its profile before profileDir's clean-up removes it.
		_ = chromedp.Cancel(ctx)
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	b := &browser{ctx: ctx}
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			b.record(&b.errors, "exception: "+ev.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				b.record(&b.errors, "console."+string(ev.Type)+": "+strings.Join(args, " "))
			}
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.LevelError {
				b.record(&b.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		case *fetch.EventRequestPaused:
			b.record(&b.requests, ev.Request.URL)
			id, local := ev.RequestID, isLocal(ev.Request.URL)
			go func() {
				c := cdp.WithExecutor(ctx, chromedp.FromContext(ctx).Target)
				if local {
					_ = fetch.ContinueRequest(id).Do(c)
				} else {
					_ = fetch.FailRequest(id, "BlockedByClient").Do(c)
				}
			}()
		}
	})
	if err := chromedp.Run(ctx, runtime.Enable(), cdplog.Enable(), fetch.Enable()); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return b
}

func (b *browser) record(list *[]string, s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	*list = append(*list, s)
}

func (b *browser) snapshot() (errors, requests []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...), append([]string(nil), b.requests...)
}

func isLocal(u string) bool {
	p, err := url.Parse(u)
	return err == nil && p.Hostname() == "127.0.0.1"
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

// closedPort is a 127.0.0.1 address nothing listens on.
func closedPort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func TestBrowser(t *testing.T) {
	echartsJS, chromium := browserEnv(t)
	in := synthetic(12, 6)
	in.Title = `Browser <script>alert("x")</script>`
	pages := map[string]Options{}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	pages["/live.html"] = Options{EChartsURL: srv.URL + "/js/echarts.min.js"}
	pages["/inline.html"] = Options{EChartsFile: echartsJS}
	pages["/offline.html"] = Options{EChartsURL: "http://" + closedPort(t) + "/echarts.min.js"}
	for path, opts := range pages {
		var buf bytes.Buffer
		if err := Write(&buf, in, opts); err != nil {
			t.Fatal(err)
		}
		body := buf.Bytes()
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(body)
		})
	}
	mux.HandleFunc("/js/echarts.min.js", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, echartsJS)
	})

	b := newBrowser(t, chromium)
	t.Run("live", func(t *testing.T) { checkLive(t, b, srv.URL+"/live.html", in) })
	t.Run("inline", func(t *testing.T) { checkLive(t, b, srv.URL+"/inline.html", in) })
	t.Run("offline", func(t *testing.T) { checkOffline(t, b, srv.URL+"/offline.html") })
	_, requests := b.snapshot()
	for _, u := range requests {
		if !isLocal(u) {
			t.Errorf("request left localhost: %s", u)
		}
	}
	if len(requests) == 0 {
		t.Error("no request was intercepted: the network check saw nothing")
	}
}

// chartState is what the page reports about its charts.
type chartState struct {
	Figures     int   `json:"figures"`
	Canvases    int   `json:"canvases"`
	Series      []int `json:"series"`
	StaticShown int   `json:"staticShown"`
}

const chartStateJS = `(() => {
  const figs = [...document.querySelectorAll('figure.chart')];
  return {
    figures: figs.length,
    canvases: figs.filter(f => f.querySelector('canvas')).length,
    series: figs.map(f => { const c = echarts.getInstanceByDom(f.querySelector('.canvas')); return c ? c.getOption().series.length : 0; }),
    staticShown: figs.filter(f => { const i = f.querySelector('img.static'); return i && i.offsetWidth > 0; }).length,
  };
})()`

// perfState is the performance chart's visible range and first values.
type perfState struct {
	Start, End int
	FirstDate  string
	FirstVals  []*float64
	Pressed    string
}

// perfStateJS reads the range from the data zoom, in times (ms) on the
// time axis, as indexes of the report's dates.
const perfStateJS = `(() => {
  const c = echarts.getInstanceByDom(document.querySelector('#performance .canvas'));
  const o = c.getOption(), z = o.dataZoom[0], data = o.series[0].data;
  const at = t => data.findIndex(p => p[0] === t);
  const s = at(z.startValue);
  return {Start: s, End: at(z.endValue), FirstDate: new Date(z.startValue).toISOString().slice(0, 10),
    FirstVals: o.series.map(x => x.data[s][1]),
    Pressed: (document.querySelector('#performance button[aria-pressed=true]') || {}).textContent || ''};
})()`

func checkLive(t *testing.T, b *browser, pageURL string, in *Input) {
	errsBefore, _ := b.snapshot()
	var live string
	if err := chromedp.Run(b.ctx,
		chromedp.Navigate(pageURL),
		chromedp.Poll(`document.documentElement.dataset.charts`, &live, chromedp.WithPollingTimeout(30*time.Second)),
	); err != nil {
		t.Fatalf("page did not start its charts: %v", err)
	}
	var st chartState
	if err := chromedp.Run(b.ctx, chromedp.Evaluate(chartStateJS, &st)); err != nil {
		t.Fatal(err)
	}
	// Five figures: the allocation by holding and by currency are one
	// figure with a grouping selector (issue 18), two before.
	if st.Figures != 5 || st.Canvases != st.Figures || st.StaticShown != 0 {
		t.Errorf("charts: %+v; want 5 figures, each with a canvas, no static image shown", st)
	}
	checkAllocationSelector(t, b)
	for i, n := range st.Series {
		if n == 0 {
			t.Errorf("figure %d: echarts instance has no series", i)
		}
	}
	if len(st.Series) > 0 && st.Series[0] != len(in.Lines) {
		t.Errorf("performance chart has %d series, want %d", st.Series[0], len(in.Lines))
	}

	var before, after perfState
	if err := chromedp.Run(b.ctx, chromedp.Evaluate(perfStateJS, &before)); err != nil {
		t.Fatal(err)
	}
	if before.Start != 0 || before.End != len(in.Dates)-1 || before.Pressed != "Max" {
		t.Errorf("initial range %+v, want Max: 0..%d", before, len(in.Dates)-1)
	}
	if err := chromedp.Run(b.ctx,
		chromedp.Click(`#performance button[data-preset="1Y"]`, chromedp.ByQuery),
		chromedp.Evaluate(perfStateJS, &after),
	); err != nil {
		t.Fatal(err)
	}
	// 1Y starts at the last date on or before AsOf less one year
	yearAgo := in.AsOf.AddDate(-1, 0, 0)
	want := 0
	for i, d := range in.Dates {
		if !d.After(yearAgo) {
			want = i
		}
	}
	if after.Start != want || after.End != len(in.Dates)-1 || after.Pressed != "1Y" {
		t.Errorf("after 1Y: range %d..%d (pressed %q), want %d (%s)..%d", after.Start, after.End, after.Pressed, want, in.Dates[want].Format(time.DateOnly), len(in.Dates)-1)
	}
	for i, v := range after.FirstVals {
		if v == nil || *v != 0 {
			t.Errorf("after 1Y: line %d starts at %v on %s, want 0%%", i, v, after.FirstDate)
		}
	}

	// hover over the middle of the performance chart
	var box struct{ X, Y, W, H float64 }
	var tip string
	if err := chromedp.Run(b.ctx,
		chromedp.Evaluate(`(() => { const r = document.querySelector('#performance canvas').getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`, &box),
		chromedp.MouseEvent(input.MouseMoved, box.X+box.W/2, box.Y+box.H/2),
	); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(b.ctx,
		chromedp.MouseEvent(input.MouseMoved, box.X+box.W/2, box.Y+box.H/2),
		chromedp.MouseEvent(input.MouseMoved, box.X+box.W/2+5, box.Y+box.H/2),
		chromedp.Poll(`(() => { const d = [...document.querySelectorAll('#performance .canvas > div')].find(e => getComputedStyle(e).display !== 'none' && e.textContent.includes('%')); return d ? d.textContent : ''; })()`, &tip, chromedp.WithPollingTimeout(5*time.Second)),
	); err != nil {
		t.Errorf("no tooltip on hover: %v", err)
	}
	if !strings.Contains(tip, in.Lines[0].Name) || !strings.Contains(tip, "-") {
		t.Errorf("tooltip %q lacks the date and the first line's name", tip)
	}
	var shot, full []byte
	if err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot(&shot), chromedp.FullScreenshot(&full, 100)); err != nil {
		t.Fatal(err)
	}
	name := "report_" + strings.TrimSuffix(filepath.Base(pageURL), ".html")
	saveArtifact(t, name+"_hover.png", shot)
	saveArtifact(t, name+"_full.png", full)

	errs, _ := b.snapshot()
	if extra := errs[len(errsBefore):]; len(extra) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(extra, "\n"))
	}
	var title string
	if err := chromedp.Run(b.ctx, chromedp.Evaluate(`document.querySelector('h1').textContent`, &title)); err != nil {
		t.Fatal(err)
	}
	if title != in.Title {
		t.Errorf("title shows %q, want the text %q", title, in.Title)
	}
}

func checkOffline(t *testing.T, b *browser, pageURL string) {
	var ready string
	var st struct {
		Static, Live, Canvases int
		Loaded                 bool
	}
	if err := chromedp.Run(b.ctx,
		chromedp.Navigate(pageURL),
		chromedp.Poll(`document.readyState === 'complete' ? 'yes' : ''`, &ready, chromedp.WithPollingTimeout(30*time.Second)),
		chromedp.Evaluate(`(() => {
		  const imgs = [...document.querySelectorAll('figure.chart img.static')];
		  return {
		    Static: imgs.filter(i => i.offsetWidth > 0 && i.naturalWidth > 0).length,
		    Live: [...document.querySelectorAll('figure.chart .live')].filter(l => l.offsetWidth > 0).length,
		    Canvases: document.querySelectorAll('canvas').length,
		    Loaded: typeof echarts !== 'undefined',
		  };
		})()`, &st),
	); err != nil {
		t.Fatal(err)
	}
	// Five: the allocation figure shows the image of the grouping selected.
	if st.Loaded || st.Static != 5 || st.Live != 0 || st.Canvases != 0 {
		t.Errorf("with ECharts unreachable: %+v; want 5 static images shown, no live chart", st)
	}
	var shot []byte
	if err := chromedp.Run(b.ctx, chromedp.FullScreenshot(&shot, 100)); err != nil {
		t.Fatal(err)
	}
	saveArtifact(t, "report_offline.png", shot)
}

// checkAllocationSelector clicks each grouping of the allocation figure:
// the donut then draws that grouping's slices, and only its table shows.
func checkAllocationSelector(t *testing.T, b *browser) {
	t.Helper()
	var got []string
	js := `(() => {
	  const fig = document.getElementById('allocation-chart');
	  const c = echarts.getInstanceByDom(fig.querySelector('.canvas'));
	  return [...fig.querySelectorAll('.alloc-select button')].map(btn => {
	    btn.click();
	    const shown = [...fig.querySelectorAll('.alloc-group')].filter(g => g.offsetWidth > 0);
	    const rows = shown.length === 1 ? shown[0].querySelectorAll('tbody tr').length : -1;
	    return btn.dataset.by + ':' + c.getOption().series[0].data.length + '/' + rows + ':' + btn.getAttribute('aria-pressed');
	  });
	})()`
	if err := chromedp.Run(b.ctx, chromedp.Evaluate(js, &got)); err != nil {
		t.Fatal(err)
	}
	// synthetic's allocations: by holding and by currency, every slice drawn
	if len(got) != 2 || !strings.HasPrefix(got[0], "holding:") || !strings.HasPrefix(got[1], "currency:") {
		t.Fatalf("allocation selector: %q, want holding and currency", got)
	}
	for _, g := range got {
		var by string
		var drawn, rows int
		var pressed string
		if _, err := fmt.Sscanf(strings.NewReplacer(":", " ", "/", " ").Replace(g), "%s %d %d %s", &by, &drawn, &rows, &pressed); err != nil || drawn == 0 || drawn != rows || pressed != "true" {
			t.Errorf("allocation by %s: %q; want the donut's slices = the one table's rows, the button pressed", by, g)
		}
	}
}
