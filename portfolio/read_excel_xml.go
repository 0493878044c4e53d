package portfolio

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelize's row iterator gives each cell's value but not its attributes:
// whether a number has a date format, whether it is an error or a boolean,
// whether a formula stands behind an empty value. Nor can merged regions be
// had without loading the whole worksheet. readSheetMeta reads those from
// the worksheet's XML in a second stream, kept in step with excelize's
// rows, so memory stays bounded on any size of sheet.

// readCellMeta is what the worksheet XML says about one cell.
type readCellMeta struct {
	col     int    // 1-based
	style   int    // the s attribute: an index into the cell formats
	typ     string // the t attribute: "" or "n" number, "s" shared string, "str", "inlineStr", "b", "e", "d"
	formula bool
}

// readMerge is a merged region, 1-based and inclusive.
type readMerge struct {
	ref                         string
	firstCol, firstRow, lastRow int
}

type readSheetMeta struct {
	rc      io.ReadCloser
	dec     *xml.Decoder
	pending int // the number of a row whose start tag was read, 0 when none
	lastRow int
	ended   bool // past </sheetData>
	cells   []readCellMeta
}

// readOpenSheetMeta opens the XML part of the worksheet named sheet.
func readOpenSheetMeta(zr *zip.Reader, sheet string) (*readSheetMeta, error) {
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		files[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = f
	}
	workbook := "xl/workbook.xml"
	if rels, err := readRelationships(files, "_rels/.rels"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				workbook = readResolvePart("", r.target)
			}
		}
	}
	rels, err := readRelationships(files, path.Join(path.Dir(workbook), "_rels", path.Base(workbook)+".rels"))
	if err != nil {
		return nil, err
	}
	id, err := readSheetRelID(files, workbook, sheet)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if r.id != id {
			continue
		}
		f := files[strings.ToLower(readResolvePart(path.Dir(workbook), r.target))]
		if f == nil {
			return nil, fmt.Errorf("worksheet part %s is missing", r.target)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		return &readSheetMeta{rc: rc, dec: xml.NewDecoder(rc)}, nil
	}
	return nil, fmt.Errorf("sheet %q has no worksheet part", sheet)
}

func (m *readSheetMeta) close() { m.rc.Close() }

// readResolvePart resolves a relationship target against the directory of
// the part that declares it.
func readResolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, target)), "/")
}

type readRelationship struct{ id, typ, target string }

func readRelationships(files map[string]*zip.File, name string) ([]readRelationship, error) {
	f := files[strings.ToLower(name)]
	if f == nil {
		return nil, fmt.Errorf("%s is missing", name)
	}
	var rels []readRelationship
	err := readEachStart(f, func(e xml.StartElement) bool {
		if e.Name.Local == "Relationship" {
			rels = append(rels, readRelationship{id: readAttr(e, "Id"), typ: readAttr(e, "Type"), target: readAttr(e, "Target")})
		}
		return true
	})
	return rels, err
}

// readSheetRelID finds the relationship id of the sheet named sheet in the
// workbook part.
func readSheetRelID(files map[string]*zip.File, workbook, sheet string) (string, error) {
	f := files[strings.ToLower(workbook)]
	if f == nil {
		return "", fmt.Errorf("%s is missing", workbook)
	}
	id := ""
	err := readEachStart(f, func(e xml.StartElement) bool {
		if e.Name.Local == "sheet" && readAttr(e, "name") == sheet {
			id = readAttr(e, "id")
			return false
		}
		return true
	})
	if err == nil && id == "" {
		err = fmt.Errorf("sheet %q is not in %s", sheet, workbook)
	}
	return id, err
}

// readEachStart calls fn for each start tag of a small XML part until fn
// returns false.
func readEachStart(f *zip.File, fn func(xml.StartElement) bool) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if e, ok := tok.(xml.StartElement); ok && !fn(e) {
			return nil
		}
	}
}

// readAttr returns the value of the attribute with the local name, whatever
// its namespace prefix.
func readAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// row returns the cells of row n, or nil when the sheet has no row n. Rows
// must be asked for in increasing order, as excelize's iterator visits them.
// A malformed stream ends the metadata (cells then read as plain values);
// excelize reports the malformation itself.
func (m *readSheetMeta) row(n int) []readCellMeta {
	for !m.ended {
		if m.pending == 0 && !m.nextRowStart() {
			return nil
		}
		switch {
		case m.pending > n:
			return nil
		case m.pending == n:
			m.pending = 0
			return m.readRowCells()
		default: // a row excelize skipped: step over it
			m.pending = 0
			m.readRowCells()
		}
	}
	return nil
}

// nextRowStart reads up to the next <row> start tag and records its number.
func (m *readSheetMeta) nextRowStart() bool {
	for {
		tok, err := m.dec.RawToken()
		if err != nil {
			m.ended = true
			return false
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "row" {
				m.lastRow++
				if r, err := strconv.Atoi(readAttr(e, "r")); err == nil && r > 0 {
					m.lastRow = r
				}
				m.pending = m.lastRow
				return true
			}
		case xml.EndElement:
			if e.Name.Local == "sheetData" {
				m.ended = true
				return false
			}
		}
	}
}

// readRowCells reads the cells of the row whose start tag was just read, up
// to its end tag.
func (m *readSheetMeta) readRowCells() []readCellMeta {
	m.cells = m.cells[:0]
	depth, col := 0, 0
	for {
		tok, err := m.dec.RawToken()
		if err != nil {
			m.ended = true
			return m.cells
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1 && e.Name.Local == "c":
				col++
				if ref := readAttr(e, "r"); ref != "" {
					if c, _, err := excelize.CellNameToCoordinates(ref); err == nil {
						col = c
					}
				}
				style, _ := strconv.Atoi(readAttr(e, "s"))
				m.cells = append(m.cells, readCellMeta{col: col, style: style, typ: readAttr(e, "t")})
			case depth == 2 && e.Name.Local == "f" && len(m.cells) > 0:
				m.cells[len(m.cells)-1].formula = true
			}
		case xml.EndElement:
			if depth == 0 {
				return m.cells // </row>
			}
			depth--
		}
	}
}

// merges reads the rest of the worksheet and returns its merged regions,
// which follow the rows.
func (m *readSheetMeta) merges() []readMerge {
	var merges []readMerge
	for {
		tok, err := m.dec.RawToken()
		if err != nil {
			return merges
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Local != "mergeCell" {
			continue
		}
		ref := readAttr(e, "ref")
		from, to, _ := strings.Cut(ref, ":")
		c0, c1, err1 := excelize.CellNameToCoordinates(from)
		c2, c3, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			continue
		}
		c := [4]int{c0, c1, c2, c3}
		if c[0] == c[2] && c[1] == c[3] {
			continue // a single cell: nothing is hidden
		}
		merges = append(merges, readMerge{ref: ref, firstCol: min(c[0], c[2]), firstRow: min(c[1], c[3]), lastRow: max(c[1], c[3])})
	}
}
