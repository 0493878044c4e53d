// Package problems writes the list of problems an input has as one error
// message, the way every gofolio reader reports them: all at once, one to
// a line.
package problems

import (
	"fmt"
	"strings"
)

// List writes each problem on a new line indented by a tab, after
// whatever b holds (the message's head). With max > 0 it writes at most
// max problems and then how many more there are, so that a file wrong on
// every row still gives a message a terminal can show.
func List[P fmt.Stringer](b *strings.Builder, ps []P, max int) {
	for i, p := range ps {
		if max > 0 && i == max {
			fmt.Fprintf(b, "\n\t... and %d more", len(ps)-i)
			return
		}
		b.WriteString("\n\t")
		b.WriteString(p.String())
	}
}

// Message is an error's text for the problems ps found in an input named
// by prefix: "prefix: " then the one problem, or "prefix: N problems:"
// and List's lines (at most max).
func Message[P fmt.Stringer](prefix string, ps []P, max int) string {
	var b strings.Builder
	b.WriteString(prefix + ": ")
	if len(ps) == 1 {
		b.WriteString(ps[0].String())
		return b.String()
	}
	fmt.Fprintf(&b, "%d problems:", len(ps))
	List(&b, ps, max)
	return b.String()
}
