package report

import (
	"fmt"
	"net/url"
	"strings"
)

// DefaultEChartsURL is the ECharts build a report loads when Options names
// none: a pinned version from jsDelivr, checked with DefaultEChartsIntegrity.
const DefaultEChartsURL = "https://cdn.jsdelivr.net/npm/echarts@5.6.0/dist/echarts.min.js"

// DefaultEChartsIntegrity is the Subresource Integrity hash of
// DefaultEChartsURL (the file as published on npm as echarts@5.6.0), so a
// tampered CDN copy is refused by the browser and the static charts stay.
const DefaultEChartsIntegrity = "sha384-pPi0zxBAoDu6+JXW/C68UZLvBUUtU+7zonhif43rqj7pxsGyqyqzcian2Rj37Rss"

// Options says how a report loads ECharts.
type Options struct {
	// EChartsURL is where the page loads echarts.min.js from: an absolute
	// http(s) URL or a path relative to the report. "" means
	// DefaultEChartsURL.
	EChartsURL string
	// EChartsIntegrity is the SRI hash ("sha384-...") of EChartsURL, if
	// known; it is set automatically for DefaultEChartsURL.
	EChartsIntegrity string
	// EChartsFile, when set, is a local echarts.min.js whose contents are
	// inlined into the page, making the report self-contained (about 1 MB
	// more). It takes precedence over EChartsURL.
	EChartsFile string
	// LogScale draws the performance chart's static image as the growth of
	// 1 on a logarithmic axis (chart.PerformanceLog) and starts the
	// interactive chart in its log-scale view, which a toggle beside the
	// range presets switches.
	LogScale bool
}

// scriptSource is the Content-Security-Policy source allowing the ECharts
// URL: its origin for an absolute URL, 'self' for a relative path.
func scriptSource(u string) (string, error) {
	p, err := url.Parse(u)
	if err != nil {
		return "", fmt.Errorf("report: ECharts URL %q: %w", u, err)
	}
	switch {
	case p.Scheme == "" && p.Host == "":
		return "'self'", nil
	case (p.Scheme == "http" || p.Scheme == "https") && p.Host != "":
		return p.Scheme + "://" + p.Host, nil
	default:
		return "", fmt.Errorf("report: ECharts URL %q: want an http(s) URL or a relative path", u)
	}
}

// safeInlineScript makes JavaScript source safe to place inside a <script>
// element: "</script" would end the element early and "<!--" would change
// how the rest is parsed, so their "<" is written as the escape "\x3C",
// which means the same inside the strings, regular expressions and
// comments where such text can occur in valid code.
func safeInlineScript(js string) string {
	r := strings.NewReplacer("</script", `\x3C/script`, "</SCRIPT", `\x3C/SCRIPT`, "<!--", `\x3C!--`)
	return r.Replace(js)
}
