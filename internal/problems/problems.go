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
