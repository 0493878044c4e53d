package notebook

import (
	"fmt"
	"html"
	"strings"

	"github.com/gofolio/gofolio/quotes/quality"
)

// DataQuality shows what quality.Check found in the market data, in its
// order (the largest effect on the figures first), and the rows
// quality.Repair changed (nil when nothing was repaired), as a highlighted
// HTML list with a plain-text alternative of "data quality: ..." and
// "repaired: ..." lines; a one-line all-clear when there is no finding.
// Like Warnings it writes to the cell's output, never to stderr.
func DataQuality(findings []quality.Finding, changes []quality.Change) error {
	return gonb.DataQuality(findings, changes)
}

// DataQuality is the package-level DataQuality on d.
func (d *Display) DataQuality(findings []quality.Finding, changes []quality.Change) error {
	if len(findings) == 0 {
		return d.HTML("<p>Data quality: no fault found in the market data.</p>", "data quality: no fault found in the market data\n")
	}
	var h, plain strings.Builder
	h.WriteString(`<div style="background:#fffbeb;border:1px solid #f59e0b;border-radius:6px;padding:4px 12px"><b>Data quality</b><ul style="margin:4px 0">`)
	for _, f := range findings {
		fmt.Fprintf(&h, "<li>%s</li>", html.EscapeString(f.String()))
		fmt.Fprintf(&plain, "data quality: %s\n", f)
	}
	h.WriteString("</ul>")
	if len(changes) > 0 {
		fmt.Fprintf(&h, "<details><summary>%d row(s) repaired</summary><ul style=\"margin:4px 0\">", len(changes))
		for _, c := range changes {
			fmt.Fprintf(&h, "<li>%s</li>", html.EscapeString(c.String()))
			fmt.Fprintf(&plain, "repaired: %s\n", c)
		}
		h.WriteString("</ul></details>")
	}
	h.WriteString("</div>")
	return d.HTML(h.String(), plain.String())
}
