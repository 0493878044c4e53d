package txfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// maxXMLRun bounds what encoding/xml holds at once: it builds each
// token (a tag, a text, a comment) whole in memory, so a 500 MiB text
// node would take 500 MiB however the rest is streamed. A cell holds at
// most 32,767 characters, at most 10 bytes each when escaped (&#x10FFFF;),
// so no cell of a real workbook comes near 1 MiB.
const maxXMLRun = 1 << 20

// maxXMLDepth bounds the nesting of elements. A worksheet nests about
// 7 deep (worksheet, sheetData, row, c, is, r, t).
const maxXMLDepth = 100

// errXMLRun is returned by xmlGuard for a token over maxXMLRun.
var errXMLRun = errors.New("a text or tag of more than 1 MiB")

// errXMLDoctype is returned by xmlGuard for a document type
// declaration, which no workbook part has and whose internal subset the
// decoder would hold whole.
var errXMLDoctype = errors.New("a DOCTYPE declaration")

// errXMLDepth is returned for elements nested beyond maxXMLDepth.
var errXMLDepth = fmt.Errorf("elements nested more than %d deep", maxXMLDepth)

// xmlGuard passes XML through, failing once a single token would
// exceed maxXMLRun bytes: it counts the bytes since the last '<' that
// starts markup ('<' inside a comment, CDATA section or processing
// instruction does not, as the decoder holds those whole).
type xmlGuard struct {
	r     io.Reader
	run   int
	state guardState
	marks int // closing characters seen in a row: "--", "]]" or "?"
}

type guardState uint8

const (
	guardText guardState = iota
	guardLT              // just after '<'
	guardBang            // just after "<!"
	guardComment
	guardCDATA
	guardPI
)

func (g *xmlGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if scanErr := g.scan(p[:n]); scanErr != nil {
		return 0, scanErr
	}
	return n, err
}

func (g *xmlGuard) scan(b []byte) error {
	for len(b) > 0 {
		if g.state == guardText {
			i := bytes.IndexByte(b, '<')
			if i < 0 {
				g.run += len(b)
				break
			}
			g.run += i
			if g.run > maxXMLRun {
				return errXMLRun
			}
			g.run, g.state, b = 1, guardLT, b[i+1:]
			continue
		}
		c := b[0]
		b = b[1:]
		g.run++
		g.step(c)
		if g.state == guardBang && c != '!' {
			return errXMLDoctype
		}
	}
	if g.run > maxXMLRun {
		return errXMLRun
	}
	return nil
}

// step moves the guard past one byte of markup.
func (g *xmlGuard) step(c byte) {
	switch g.state {
	case guardLT:
		switch c {
		case '!':
			g.state = guardBang
		case '?':
			g.state, g.marks = guardPI, 0
		default:
			g.state = guardText
		}
	case guardBang:
		switch c {
		case '-':
			g.state, g.marks = guardComment, 0
		case '[':
			g.state, g.marks = guardCDATA, 0
		}
	case guardComment:
		g.closing(c, '-', 2)
	case guardCDATA:
		g.closing(c, ']', 2)
	case guardPI:
		g.closing(c, '?', 1)
	}
}

// closing ends a comment, CDATA section or processing instruction at '>'
// after need closing marks ("-->", "]]>", "?>").
func (g *xmlGuard) closing(c, mark byte, need int) {
	switch {
	case c == mark:
		g.marks++
	case c == '>' && g.marks >= need:
		g.state = guardText
	default:
		g.marks = 0
	}
}

// xmlProblem says what is wrong with a part whose XML could not be
// read.
func xmlProblem(part string, err error) string {
	switch {
	case errors.Is(err, errXMLRun):
		return fmt.Sprintf("a cell of at most 32,767 characters (Excel's limit): %s has %v here", part, err)
	case errors.Is(err, errXMLDoctype):
		return fmt.Sprintf("a workbook part without a DOCTYPE: %s has one", part)
	}
	return fmt.Sprintf("a readable workbook: %s: %v", part, err)
}
