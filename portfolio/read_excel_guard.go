package portfolio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// readMaxXMLRun bounds what encoding/xml holds at once: it builds each
// token (a tag, a text, a comment) whole in memory, so a 500 MiB text
// node would take 500 MiB however the rest is streamed. A cell holds at
// most 32,767 characters, at most 10 bytes each when escaped (&#x10FFFF;),
// so no cell of a real workbook comes near 1 MiB.
const readMaxXMLRun = 1 << 20

// readMaxXMLDepth bounds the nesting of elements. A worksheet nests about
// 7 deep (worksheet, sheetData, row, c, is, r, t).
const readMaxXMLDepth = 100

// errReadXMLRun is returned by readXMLGuard for a token over readMaxXMLRun.
var errReadXMLRun = errors.New("a text or tag of more than 1 MiB")

// errReadXMLDoctype is returned by readXMLGuard for a document type
// declaration, which no workbook part has and whose internal subset the
// decoder would hold whole.
var errReadXMLDoctype = errors.New("a DOCTYPE declaration")

// errReadXMLDepth is returned for elements nested beyond readMaxXMLDepth.
var errReadXMLDepth = fmt.Errorf("elements nested more than %d deep", readMaxXMLDepth)

// readXMLGuard passes XML through, failing once a single token would
// exceed readMaxXMLRun bytes: it counts the bytes since the last '<' that
// starts markup ('<' inside a comment, CDATA section or processing
// instruction does not, as the decoder holds those whole).
type readXMLGuard struct {
	r     io.Reader
	run   int
	state readGuardState
	marks int // closing characters seen in a row: "--", "]]" or "?"
}

type readGuardState uint8

const (
	readGuardText readGuardState = iota
	readGuardLT                  // just after '<'
	readGuardBang                // just after "<!"
	readGuardComment
	readGuardCDATA
	readGuardPI
)

func (g *readXMLGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if scanErr := g.scan(p[:n]); scanErr != nil {
		return 0, scanErr
	}
	return n, err
}

func (g *readXMLGuard) scan(b []byte) error {
	for len(b) > 0 {
		if g.state == readGuardText {
			i := bytes.IndexByte(b, '<')
			if i < 0 {
				g.run += len(b)
				break
			}
			g.run += i
			if g.run > readMaxXMLRun {
				return errReadXMLRun
			}
			g.run, g.state, b = 1, readGuardLT, b[i+1:]
			continue
		}
		c := b[0]
		b = b[1:]
		g.run++
		g.step(c)
		if g.state == readGuardBang && c != '!' {
			return errReadXMLDoctype
		}
	}
	if g.run > readMaxXMLRun {
		return errReadXMLRun
	}
	return nil
}

// step moves the guard past one byte of markup.
func (g *readXMLGuard) step(c byte) {
	switch g.state {
	case readGuardLT:
		switch c {
		case '!':
			g.state = readGuardBang
		case '?':
			g.state, g.marks = readGuardPI, 0
		default:
			g.state = readGuardText
		}
	case readGuardBang:
		switch c {
		case '-':
			g.state, g.marks = readGuardComment, 0
		case '[':
			g.state, g.marks = readGuardCDATA, 0
		}
	case readGuardComment:
		g.closing(c, '-', 2)
	case readGuardCDATA:
		g.closing(c, ']', 2)
	case readGuardPI:
		g.closing(c, '?', 1)
	}
}

// closing ends a comment, CDATA section or processing instruction at '>'
// after need closing marks ("-->", "]]>", "?>").
func (g *readXMLGuard) closing(c, mark byte, need int) {
	switch {
	case c == mark:
		g.marks++
	case c == '>' && g.marks >= need:
		g.state = readGuardText
	default:
		g.marks = 0
	}
}

// readXMLProblem says what is wrong with a part whose XML could not be
// read.
func readXMLProblem(part string, err error) string {
	switch {
	case errors.Is(err, errReadXMLRun):
		return fmt.Sprintf("a cell of at most 32,767 characters (Excel's limit): %s has %v here", part, err)
	case errors.Is(err, errReadXMLDoctype):
		return fmt.Sprintf("a workbook part without a DOCTYPE: %s has one", part)
	}
	return fmt.Sprintf("a readable workbook: %s: %v", part, err)
}
