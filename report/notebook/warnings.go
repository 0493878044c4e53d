package notebook

import (
	"fmt"
	"html"
	"strings"

	"github.com/gofolio/gofolio/report"
)

// Warnings shows the engine's warnings (a portfolio.Result's Warnings),
// one line each, as a highlighted HTML list with a plain-text
// alternative of "warning: ..." lines; nothing when there are none.
// They go to the cell's output, never to stderr, which the notebook
// checker counts as a failure.
func Warnings[W fmt.Stringer](warnings []W) error {
	return gonb.Warnings(report.WarningTexts(warnings)...)
}

// Warnings is the package-level Warnings on d, for warnings already in
// text.
func (d *Display) Warnings(texts ...string) error {
	if len(texts) == 0 {
		return nil
	}
	var h, plain strings.Builder
	h.WriteString(`<div style="background:#fffbeb;border:1px solid #f59e0b;border-radius:6px;padding:4px 12px"><b>Warnings</b><ul style="margin:4px 0">`)
	for _, t := range texts {
		fmt.Fprintf(&h, "<li>%s</li>", html.EscapeString(t))
		fmt.Fprintf(&plain, "warning: %s\n", t)
	}
	h.WriteString("</ul></div>")
	return d.HTML(h.String(), plain.String())
}
