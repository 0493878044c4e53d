package report

import (
	"bytes"
	"errors"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func render(t *testing.T, in *Input, opts Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, in, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestEscaping(t *testing.T) {
	in := synthetic(3, 2)
	evil := `<script>alert("pwn")</script>'"&`
	in.Title = "T " + evil
	in.Holdings[0].Symbol = "SYM" + evil
	in.ByHolding[0].Name = "SYM" + evil
	in.Lines[1].Name = "Bench" + evil
	in.Statistics.Columns[1] = "Bench" + evil
	in.Transactions[0].Note = "note " + evil
	in.Transactions[0].Symbol = "SYM" + evil
	html := render(t, in, Options{})

	// exactly the page's own three <script> elements: data, ECharts, code
	if n := strings.Count(strings.ToLower(html), "<script"); n != 3 {
		t.Errorf("%d <script elements, want 3", n)
	}
	if strings.Contains(html, `alert("pwn")`) {
		t.Error(`the string alert("pwn") appears unescaped`)
	}
	for _, want := range []string{
		"<h1>T &lt;script&gt;alert(&#34;pwn&#34;)&lt;/script&gt;&#39;&#34;&amp;</h1>",
		"<td>SYM&lt;script&gt;alert(&#34;pwn&#34;)&lt;/script&gt;&#39;&#34;&amp;</td>",
		`<td class="note">note &lt;script&gt;`,
		`<th class="n">Bench&lt;script&gt;`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks the escaped text %q", want)
		}
	}
	// in the JSON data, < is \u003c so no tag can end the data element
	data := regexp.MustCompile(`(?s)<script type="application/json" id="gofolio-data">(.*?)</script>`).FindStringSubmatch(html)
	if data == nil {
		t.Fatal("no data element")
	}
	if strings.Contains(data[1], "<") || !strings.Contains(data[1], `Bench\u003cscript\u003e`) {
		t.Errorf("data element not escaped as JSON for HTML: %.200s", data[1])
	}
}

func TestContentSecurityPolicy(t *testing.T) {
	in := synthetic(3, 2)
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	for _, tc := range []struct {
		name   string
		opts   Options
		source string
	}{
		{"default CDN", Options{}, "https://cdn.jsdelivr.net"},
		{"hosted", Options{EChartsURL: "http://127.0.0.1:8080/js/echarts.js"}, "http://127.0.0.1:8080"},
		{"relative", Options{EChartsURL: "echarts.min.js"}, "'self'"},
	} {
		page := render(t, in, tc.opts)
		m := csp.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s: no CSP meta", tc.name)
		}
		// the policy as the browser reads the attribute: html/template
		// writes ' and + (which a hash may hold) as character references
		policy := html.UnescapeString(m[1])
		for _, want := range []string{"default-src 'none'", "script-src " + scriptHash + " " + tc.source + ";", "img-src data:"} {
			if !strings.Contains(policy, want) {
				t.Errorf("%s: policy %q lacks %q", tc.name, policy, want)
			}
		}
		// the hash in the policy is that of the script as it appears
		if !strings.Contains(page, "<script>"+pageScript+"</script>") {
			t.Errorf("%s: the page's script is not emitted byte for byte, so its hash would not match", tc.name)
		}
	}
	if html := render(t, in, Options{}); !strings.Contains(html, `integrity="`+strings.ReplaceAll(DefaultEChartsIntegrity, "+", "&#43;")+`" crossorigin="anonymous"`) {
		t.Error("default CDN script lacks its integrity attribute")
	}
}

func TestInlineECharts(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "fake-echarts.js")
	// a script holding text that would end the element early
	if err := os.WriteFile(js, []byte(`var echartsFake = "</script><b>";`), 0o644); err != nil {
		t.Fatal(err)
	}
	html := render(t, synthetic(3, 2), Options{EChartsFile: js, EChartsURL: "https://example.com/never.js"})
	inlined := `var echartsFake = "\x3C/script><b>";`
	if !strings.Contains(html, "<script>"+inlined+"</script>") {
		t.Error("ECharts file not inlined with </script escaped")
	}
	if strings.Contains(html, "example.com") {
		t.Error("EChartsURL used although EChartsFile is set")
	}
	if !strings.Contains(html, strings.ReplaceAll(cspHash(inlined), "'", "&#39;")) {
		t.Error("policy lacks the inlined script's hash")
	}
	if err := Write(&bytes.Buffer{}, synthetic(3, 2), Options{EChartsFile: filepath.Join(dir, "missing.js")}); err == nil {
		t.Error("no error for a missing ECharts file")
	}
}

func TestBadEChartsURL(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "ftp://host/e.js", "file:///etc/e.js"} {
		if err := Write(&bytes.Buffer{}, synthetic(3, 2), Options{EChartsURL: u}); err == nil {
			t.Errorf("no error for ECharts URL %q", u)
		}
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	in := synthetic(3, 2)
	in.Value = in.Value[1:]
	in.Lines[1].Values = in.Lines[1].Values[2:]
	in.Lines[2].Values[300] = -1 // a growth of 0: not a cumulative return
	in.Lines[0].Dates = in.Dates[1:]
	offDates := append([]time.Time(nil), in.Dates...)
	offDates[10] = offDates[10].AddDate(0, 0, 1)
	in.Lines[3].Dates = offDates
	in.Statistics.Rows[0].Values = nil
	in.ByCurrency[0].Value = math.NaN()
	in.Dates[5] = in.Dates[4]
	err := Write(&bytes.Buffer{}, in, Options{})
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v is not an *InputError", err)
	}
	if len(ie.Problems) != 8 {
		t.Errorf("%d problems, want 8:\n%v", len(ie.Problems), err)
	}
	if err := (*Input)(nil).Validate(); err == nil {
		t.Error("nil input validated")
	}
}

func TestStaticFallbackMarkup(t *testing.T) {
	html := render(t, synthetic(5, 3), Options{})
	// five figures, each with a live container hidden until ECharts starts
	// and a static image shown meanwhile: a PNG, whose text is drawn with
	// the font it was measured with on any machine (issue 18). The
	// allocation's figure (by holding and by currency, one donut with a
	// selector since issue 18's allocation item; before, two figures) has
	// a static image per grouping: six images.
	if n := strings.Count(html, `<div class="live" hidden>`); n != 5 {
		t.Errorf("%d hidden live containers, want 5", n)
	}
	if n := strings.Count(html, `<img class="static" src="data:image/png;base64,`); n != 6 {
		t.Errorf("%d static PNG images, want 6", n)
	}
	if !strings.Contains(html, "[hidden]{display:none!important}") {
		t.Error("no rule making hidden win over display styles")
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := WriteFile(path, synthetic(3, 2), Options{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) {
		t.Fatalf("report not written: %v", err)
	}
	bad := synthetic(3, 2)
	bad.Value = nil
	if err := WriteFile(path, bad, Options{}); err == nil {
		t.Fatal("no error for a bad input")
	}
	// the failed write left the old report and no temporary file
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d files after a failed write, want 1", len(entries))
	}
	if b2, _ := os.ReadFile(path); !bytes.Equal(b, b2) {
		t.Error("a failed write changed the existing report")
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{formatMoney(-1234567.891), "-1,234,567.89"},
		{formatMoney(999.995), "1,000.00"}, // rounds half away... as strconv does
		{formatMoney(-0.001), "0.00"},
		{formatMoney(math.NaN()), "–"},
		{formatPercent(0.12345), "12.35%"}, // 0.12345 × 100 = 12.345 → 12.35 (binary 12.3450000001)
		{formatSignedPercent(0.5), "+50.00%"},
		{formatSignedPercent(-0.00001), "0.00%"}, // no sign on a value that rounds to 0
		{formatSignedMoney(0), "0.00"},
		{formatQuantity(12.5), "12.5"},
		{formatQuantity(1000), "1,000"},
		{formatQuantity(0), ""},
		{formatStat(Days, 123.4), "123"},
		{formatStat(Ratio, 1.234), "1.23"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestWeigh(t *testing.T) {
	// 30 / (10 + 30 + 60) = 0.3, 60 / 100 = 0.6, sorted largest first
	w := weigh([]Slice{{Name: "a", Value: 10}, {Name: "b", Value: 30}, {Name: "c", Value: 60}})
	if w[0].Name != "c" || !near(w[0].Weight, 0.6) || !near(w[1].Weight, 0.3) || !near(w[2].Weight, 0.1) {
		t.Errorf("weigh = %+v", w)
	}
}
