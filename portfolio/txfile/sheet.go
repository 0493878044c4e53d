package txfile

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// Excel's own limits: a sheet has at most 1,048,576 rows and 16,384
// columns (A to XFD), a cell at most 32,767 characters.
const (
	maxSheetRows = 1_048_576
	maxSheetCols = 16_384
	maxCellChars = 32_767
)

// sheetStream reads a worksheet's XML one row at a time, feeding the
// builder, so memory stays bounded on any size of sheet. Rows and cells
// are placed by their r= references, checked against their order: a row
// that comes after a higher-numbered one, a cell of another row, or two
// cells in one place are problems rather than values silently moved,
// dropped or mixed.
type sheetStream struct {
	b      *builder
	dec    *xml.Decoder
	shared *sharedStrings
	dates  []bool // by style index: a date or time number format
	depth  int

	row, maxRow int  // the row being read, the highest row number so far
	inRow       bool // between <row> and </row>
	skipRow     bool // the row's number is out of range: its cells are not read
	cells       []cell
	placed      []bool // placed[i]: cells[i] was set by a <c>

	cell    sheetCell
	inCell  bool
	inline  bool // inside <is>
	ruby    int  // inside <rPh> (a phonetic guide, not the text)
	capture bool // inside <v> or an inline <t>
	text    []byte
	// dropped counts the characters of a cell's text beyond
	// maxCellBytes, which are not kept.
	dropped int

	merges []mergedRange
}

// sheetCell is the cell being read: its attributes and whether it has
// a formula.
type sheetCell struct {
	col     int // 1-based; 0 when the cell is not placed
	style   int
	typ     string // the t attribute: "" or "n" number, "s" shared string, "str", "inlineStr", "b", "e", "d"
	formula bool
}

// mergedRange is a merged region, 1-based and inclusive.
type mergedRange struct {
	ref                         string
	firstCol, firstRow, lastRow int
}

func openSheet(f *zip.File, b *builder, shared *sharedStrings, dates []bool) (*sheetStream, io.Closer, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	s := &sheetStream{b: b, dec: xml.NewDecoder(&xmlGuard{r: rc}), shared: shared, dates: dates}
	return s, rc, nil
}

// run reads the sheet to its end, or until the builder stops (a header
// without date or kind, too many rows) or the XML is unreadable. It
// reports whether the whole sheet was read.
func (s *sheetStream) run(part string) bool {
	for {
		tok, err := s.dec.RawToken()
		if errors.Is(err, io.EOF) {
			if s.depth > 0 {
				s.b.problem(s.row, "", "", fmt.Sprintf("a complete workbook: %s is cut short", part))
				return false
			}
			return true
		}
		if err == nil && s.depth >= maxXMLDepth {
			if _, ok := tok.(xml.StartElement); ok {
				err = errXMLDepth
			}
		}
		if err != nil {
			s.b.problem(s.row, s.cellName(), "", xmlProblem(part, err))
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s.depth++
			s.start(t)
		case xml.EndElement:
			s.depth--
			if !s.end(t) {
				return false
			}
		case xml.CharData:
			if s.capture {
				s.appendText(t)
			}
		}
	}
}

func (s *sheetStream) start(e xml.StartElement) {
	switch e.Name.Local {
	case "row":
		s.startRow(e)
	case "c":
		if s.inRow {
			s.startCell(e)
		}
	case "v":
		s.capture = s.inCell
	case "f":
		s.cell.formula = s.inCell
	case "is":
		s.inline = s.inCell
	case "rPh":
		s.ruby++
	case "t":
		s.capture = s.inline && s.ruby == 0
	case "mergeCell":
		s.merge(attrValue(e, "ref"))
	}
}

// end handles an end tag; it reports false when reading should stop.
func (s *sheetStream) end(e xml.EndElement) bool {
	switch e.Name.Local {
	case "v", "t":
		s.capture = false
	case "rPh":
		s.ruby--
	case "is":
		s.inline = false
	case "c":
		if s.inCell {
			s.endCell()
		}
	case "row":
		if s.inCell {
			s.endCell()
		}
		// An end tag without its start (RawToken does not match them)
		// must not give the last row again.
		if !s.inRow {
			return true
		}
		return s.endRow()
	}
	return true
}

// startRow starts row r=, or the row after the last one when r is absent.
func (s *sheetStream) startRow(e xml.StartElement) {
	n := s.row + 1
	s.skipRow = false
	if ref := attrValue(e, "r"); ref != "" {
		v, err := strconv.Atoi(ref)
		if err != nil || v < 1 || v > maxSheetRows {
			// The row's cells are not read: its number, as found, is
			// the problem.
			s.b.problem(0, "", ref, fmt.Sprintf("a row number from 1 to 1,048,576 (in the sheet's XML after row %d)", s.row))
			s.skipRow = true
		}
		if err == nil && v > 0 {
			n = v
		}
	} else if n > maxSheetRows {
		s.b.problem(0, "", "", fmt.Sprintf("a row number from 1 to 1,048,576 (the sheet's XML has a row after row %d)", s.row))
		s.skipRow = true
	}
	s.inRow = true
	s.cells, s.placed = s.cells[:0], s.placed[:0]
	if s.skipRow {
		return
	}
	if n <= s.maxRow {
		s.b.problem(n, "", "", fmt.Sprintf("rows in order: the sheet's XML has row %d after row %d (it was not written by a spreadsheet program; open and save it in one)", n, s.maxRow))
	}
	s.row, s.maxRow = n, max(s.maxRow, n)
}

// startCell starts a cell at its r= reference, or after the last one.
func (s *sheetStream) startCell(e xml.StartElement) {
	style, _ := strconv.Atoi(attrValue(e, "s"))
	s.cell, s.inCell, s.inline, s.ruby = sheetCell{style: style, typ: attrValue(e, "t")}, true, false, 0
	s.text, s.dropped = s.text[:0], 0
	if s.skipRow {
		return
	}
	col := len(s.cells) + 1
	if ref := attrValue(e, "r"); ref != "" {
		c, r, ok := parseCellRef(ref)
		switch {
		case !ok:
			s.b.problem(s.row, "", ref, "a cell reference from A1 to XFD1048576")
			return
		case r != s.row:
			s.b.problem(s.row, "", ref, fmt.Sprintf("a cell of row %d: the sheet's XML puts cell %s in row %d (open and save it in a spreadsheet program)", s.row, ref, s.row))
			return
		}
		col = c
	}
	if col > maxSheetCols {
		s.b.problem(s.row, "", "", "at most 16,384 columns (A to XFD) in a row")
		return
	}
	if col <= len(s.placed) && s.placed[col-1] {
		name, _ := columnName(col)
		s.b.problem(s.row, "", name+strconv.Itoa(s.row), "one cell per place: the sheet's XML has this cell twice (open and save it in a spreadsheet program)")
		return
	}
	s.cell.col = col
}

// maxCellBytes is the most text kept of one cell: 32,767 characters
// of 4 bytes each. Beyond it (a cell of many rich-text runs, each under
// maxXMLRun) the characters are only counted, for the problem.
const maxCellBytes = 4 * maxCellChars

func (s *sheetStream) appendText(t []byte) {
	room := max(maxCellBytes-len(s.text), 0)
	if len(t) <= room {
		s.text = append(s.text, t...)
		return
	}
	for room > 0 && !utf8.RuneStart(t[room]) {
		room-- // keep whole characters
	}
	s.text = append(s.text, t[:room]...)
	s.dropped += utf8.RuneCount(t[room:])
}

// endCell places the cell read into the row.
func (s *sheetStream) endCell() {
	defer func() { s.inCell, s.capture = false, false }()
	col := s.cell.col
	if col == 0 {
		return
	}
	for len(s.cells) < col {
		s.cells, s.placed = append(s.cells, cell{}), append(s.placed, false)
	}
	s.cells[col-1], s.placed[col-1] = s.value(), true
}

// value makes the cell read into a cell: its raw value (a shared
// string's text) and what its type, style and formula say.
func (s *sheetStream) value() cell {
	var c cell
	switch s.cell.typ {
	case "s":
		i, err := strconv.Atoi(string(s.text))
		if len(s.text) > 0 && (err != nil || i < 0 || i >= s.shared.len()) {
			s.b.problem(s.row, s.cellName(), string(s.text), fmt.Sprintf("a shared string number from 0 to %d: the workbook has %d shared strings", s.shared.len()-1, s.shared.len()))
			return c
		}
		if len(s.text) > 0 {
			c.text = s.shared.get(i)
		}
	default:
		c.text = string(s.text)
	}
	switch s.cell.typ {
	case "e":
		c.errorValue = c.text != ""
	case "b":
		c.boolean = c.text != ""
	case "", "n":
		if c.text != "" {
			c.numeric = true
			c.dateFormat = s.cell.style >= 0 && s.cell.style < len(s.dates) && s.dates[s.cell.style]
		}
	}
	c.formulaNoValue = s.cell.formula && c.text == ""
	if len(c.text) > maxCellChars || s.dropped > 0 {
		if n := utf8.RuneCountInString(c.text) + s.dropped; n > maxCellChars {
			c.text, _ = txn.Head(c.text)
			c.tooLong = n
		}
	}
	return c
}

// endRow gives the row read to the builder; it reports false when reading
// should stop.
func (s *sheetStream) endRow() bool {
	s.inRow = false
	b := s.b
	if s.skipRow {
		return true
	}
	if !b.haveHead {
		if isBlank(s.cells) {
			return true
		}
		return b.header(s.row, s.cells)
	}
	return b.data(s.row, s.cells)
}

// cellName names the cell being read for a problem, "" outside cells.
func (s *sheetStream) cellName() string {
	if !s.inCell || s.cell.col == 0 {
		return ""
	}
	name, _ := columnName(s.cell.col)
	for f, i := range s.b.cols.index {
		if i == s.cell.col-1 && s.b.haveHead {
			return s.b.cols.header[f]
		}
	}
	return name
}

func (s *sheetStream) merge(ref string) {
	from, to, _ := strings.Cut(ref, ":")
	c0, r0, ok0 := parseCellRef(from)
	c1, r1, ok1 := parseCellRef(to)
	if !ok0 || !ok1 || (c0 == c1 && r0 == r1) {
		return // a single cell hides nothing
	}
	s.merges = append(s.merges, mergedRange{ref: ref, firstCol: min(c0, c1), firstRow: min(r0, r1), lastRow: max(r0, r1)})
}

// parseCellRef parses a cell reference such as B12 or $B$12 into its
// 1-based column and row, within Excel's limits.
func parseCellRef(ref string) (col, row int, ok bool) {
	ref = strings.ReplaceAll(ref, "$", "")
	i := 0
	for i < len(ref) && i < 4 && ('A' <= ref[i] && ref[i] <= 'Z' || 'a' <= ref[i] && ref[i] <= 'z') {
		col = col*26 + int(ref[i]|0x20-'a') + 1
		i++
	}
	if i == 0 || i == 4 || i == len(ref) || col > maxSheetCols {
		return 0, 0, false
	}
	for _, c := range []byte(ref[i:]) {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		if row = row*10 + int(c-'0'); row > maxSheetRows {
			return 0, 0, false
		}
	}
	return col, row, row > 0
}

// columnName is the letters of a 1-based column: 1 is A, 27 is AA.
func columnName(col int) (string, bool) {
	if col < 1 || col > maxSheetCols {
		return "", false
	}
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b), true
}
