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
)

// A workbook is read from its XML parts directly, streamed out of the zip
// archive: only the parts needed are unzipped (the workbook, its
// relationships, the styles, the shared strings and the one worksheet),
// each is refused before it is unzipped when it declares more than its
// limit, and no decoder ever holds more than one bounded token.

// readMaxSmallPart is the most the workbook, relationship and styles parts
// may unzip to; real ones take kilobytes.
const readMaxSmallPart = 16 << 20

// readWorkbook is what the workbook part says.
type readWorkbook struct {
	files    map[string]*zip.File // by lower-cased name
	dir      string               // the workbook part's directory
	sheets   []readSheetInfo
	date1904 bool
	rels     []readRelationship // the workbook's relationships
}

// readSheetInfo is one sheet of the workbook.
type readSheetInfo struct {
	name   string
	hidden bool // state="hidden" or "veryHidden"
	relID  string
}

type readRelationship struct{ id, typ, target string }

// readPart opens the XML part name (any case), refusing it when it
// declares more than limit bytes. A missing part is (nil, nil).
func (w *readWorkbook) readPart(name string, limit int64) (*zip.File, error) {
	f := w.files[strings.ToLower(name)]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%s declares %d bytes, more than the %d a workbook needs (a zip bomb?)", f.Name, f.UncompressedSize64, limit)
	}
	return f, nil
}

// readOpenWorkbook finds and reads the workbook part. It returns what was
// expected instead when the archive is not a workbook.
func readOpenWorkbook(zr *zip.Reader) (*readWorkbook, string) {
	w := &readWorkbook{files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		w.files[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = f
	}
	workbook := "xl/workbook.xml"
	if rels, err := w.relationships("_rels/.rels"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				workbook = readResolvePart("", r.target)
			}
		}
	}
	f, err := w.readPart(workbook, readMaxSmallPart)
	if err != nil {
		return nil, readXMLProblem(workbook, err)
	}
	if f == nil {
		return nil, "an .xlsx workbook: this zip archive holds no workbook part (" + escapeForMessage(workbook) + ")"
	}
	w.dir = path.Dir(workbook)
	if err := readEachStart(f, w.workbookElement); err != nil {
		return nil, readXMLProblem(workbook, err)
	}
	rels, err := w.relationships(path.Join(w.dir, "_rels", path.Base(workbook)+".rels"))
	if err != nil {
		return nil, readXMLProblem(workbook+" relationships", err)
	}
	w.rels = rels
	return w, ""
}

func (w *readWorkbook) workbookElement(e xml.StartElement) bool {
	switch e.Name.Local {
	case "workbookPr":
		v := readAttr(e, "date1904")
		w.date1904 = v == "1" || strings.EqualFold(v, "true")
	case "sheet":
		state := readAttr(e, "state")
		w.sheets = append(w.sheets, readSheetInfo{
			name:   readAttr(e, "name"),
			hidden: state == "hidden" || state == "veryHidden",
			relID:  readAttr(e, "id"),
		})
	}
	return true
}

// partOf returns the path of the workbook's part related by id (id != "")
// or by a relationship type ending in typ, or fallback.
func (w *readWorkbook) partOf(id, typ, fallback string) string {
	for _, r := range w.rels {
		if (id != "" && r.id == id) || (id == "" && strings.HasSuffix(r.typ, typ)) {
			return readResolvePart(w.dir, r.target)
		}
	}
	return fallback
}

func (w *readWorkbook) relationships(name string) ([]readRelationship, error) {
	f, err := w.readPart(name, readMaxSmallPart)
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, fmt.Errorf("%s is missing", name)
	}
	var rels []readRelationship
	err = readEachStart(f, func(e xml.StartElement) bool {
		if e.Name.Local == "Relationship" {
			rels = append(rels, readRelationship{id: readAttr(e, "Id"), typ: readAttr(e, "Type"), target: readAttr(e, "Target")})
		}
		return true
	})
	return rels, err
}

// readResolvePart resolves a relationship target against the directory of
// the part that declares it.
func readResolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, target)), "/")
}

// readStyles reads which cell formats (the s attribute of a cell, an index
// into cellXfs) have a date or time number format: the format's code when
// the styles part gives one for its ID, else the built-in format's.
func (w *readWorkbook) readStyles() ([]bool, error) {
	name := w.partOf("", "/styles", path.Join(w.dir, "styles.xml"))
	f, err := w.readPart(name, readMaxSmallPart)
	if f == nil || err != nil {
		return nil, err
	}
	codes := map[int]string{}
	var xfs []int
	inCellXfs := false
	err = readEachElement(f, func(e xml.Token) bool {
		switch e := e.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "numFmt":
				if id, err := strconv.Atoi(readAttr(e, "numFmtId")); err == nil {
					codes[id] = readAttr(e, "formatCode")
				}
			case "cellXfs":
				inCellXfs = true
			case "xf":
				if inCellXfs {
					id, _ := strconv.Atoi(readAttr(e, "numFmtId"))
					xfs = append(xfs, id)
				}
			}
		case xml.EndElement:
			if e.Name.Local == "cellXfs" {
				inCellXfs = false
			}
		}
		return true
	})
	dates := make([]bool, len(xfs))
	for i, id := range xfs {
		if code, ok := codes[id]; ok {
			dates[i] = readIsDateFormat(code)
		} else {
			dates[i] = readIsBuiltInDateFormat(id)
		}
	}
	return dates, err
}

// readEachStart calls fn for each start tag of a small XML part until fn
// returns false.
func readEachStart(f *zip.File, fn func(xml.StartElement) bool) error {
	return readEachElement(f, func(t xml.Token) bool {
		if e, ok := t.(xml.StartElement); ok {
			return fn(e)
		}
		return true
	})
}

// readEachElement calls fn for each start and end tag of an XML part until
// fn returns false, through readXMLGuard and within readMaxXMLDepth.
func readEachElement(f *zip.File, fn func(xml.Token) bool) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(&readXMLGuard{r: rc})
	depth := 0
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > readMaxXMLDepth {
				return errReadXMLDepth
			}
		case xml.EndElement:
			depth--
		default:
			continue
		}
		if !fn(tok) {
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
