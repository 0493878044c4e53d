package txfile

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// A workbook is read from its XML parts directly, streamed out of the zip
// archive: only the parts needed are unzipped (the workbook, its
// relationships, the styles, the shared strings and the one worksheet),
// each is refused before it is unzipped when it declares more than its
// limit, and no decoder ever holds more than one bounded token.

// maxSmallPart is the most the workbook, relationship and styles parts
// may unzip to; real ones take kilobytes.
const maxSmallPart = 16 << 20

// xlsxWorkbook is what the workbook part says.
type xlsxWorkbook struct {
	files    map[string]*zip.File // by lower-cased name
	dir      string               // the workbook part's directory
	sheets   []sheetInfo
	date1904 bool
	rels     []relationship // the workbook's relationships
}

// sheetInfo is one sheet of the workbook.
type sheetInfo struct {
	name   string
	hidden bool // state="hidden" or "veryHidden"
	relID  string
}

type relationship struct{ id, typ, target string }

// readPart opens the XML part name (any case), refusing it when it
// declares more than limit bytes. A missing part is (nil, nil).
func (w *xlsxWorkbook) readPart(name string, limit int64) (*zip.File, error) {
	f := w.files[strings.ToLower(name)]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%s declares %d bytes, more than the %d a workbook needs (a zip bomb?)", f.Name, f.UncompressedSize64, limit)
	}
	return f, nil
}

// openWorkbook finds and reads the workbook part. It returns what was
// expected instead when the archive is not a workbook.
func openWorkbook(zr *zip.Reader) (*xlsxWorkbook, string) {
	w := &xlsxWorkbook{files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		w.files[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = f
	}
	workbook := "xl/workbook.xml"
	if rels, err := w.relationships("_rels/.rels"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				workbook = resolvePart("", r.target)
			}
		}
	}
	f, err := w.readPart(workbook, maxSmallPart)
	if err != nil {
		return nil, xmlProblem(workbook, err)
	}
	if f == nil {
		return nil, "an .xlsx workbook: this zip archive holds no workbook part (" + txn.Escape(workbook) + ")"
	}
	w.dir = path.Dir(workbook)
	if err := eachStart(f, w.workbookElement); err != nil {
		return nil, xmlProblem(workbook, err)
	}
	rels, err := w.relationships(path.Join(w.dir, "_rels", path.Base(workbook)+".rels"))
	if err != nil {
		return nil, xmlProblem(workbook+" relationships", err)
	}
	w.rels = rels
	return w, ""
}

func (w *xlsxWorkbook) workbookElement(e xml.StartElement) bool {
	switch e.Name.Local {
	case "workbookPr":
		v := attrValue(e, "date1904")
		w.date1904 = v == "1" || strings.EqualFold(v, "true")
	case "sheet":
		state := attrValue(e, "state")
		w.sheets = append(w.sheets, sheetInfo{
			name:   attrValue(e, "name"),
			hidden: state == "hidden" || state == "veryHidden",
			relID:  attrValue(e, "id"),
		})
	}
	return true
}

// partOf returns the path of the workbook's part related by id (id != "")
// or by a relationship type ending in typ, or fallback.
func (w *xlsxWorkbook) partOf(id, typ, fallback string) string {
	for _, r := range w.rels {
		if (id != "" && r.id == id) || (id == "" && strings.HasSuffix(r.typ, typ)) {
			return resolvePart(w.dir, r.target)
		}
	}
	return fallback
}

func (w *xlsxWorkbook) relationships(name string) ([]relationship, error) {
	f, err := w.readPart(name, maxSmallPart)
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, fmt.Errorf("%s is missing", name)
	}
	var rels []relationship
	err = eachStart(f, func(e xml.StartElement) bool {
		if e.Name.Local == "Relationship" {
			rels = append(rels, relationship{id: attrValue(e, "Id"), typ: attrValue(e, "Type"), target: attrValue(e, "Target")})
		}
		return true
	})
	return rels, err
}

// resolvePart resolves a relationship target against the directory of
// the part that declares it.
func resolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, target)), "/")
}

// readStyles reads which cell formats (the s attribute of a cell, an index
// into cellXfs) have a date or time number format: the format's code when
// the styles part gives one for its ID, else the built-in format's.
func (w *xlsxWorkbook) readStyles() ([]bool, error) {
	name := w.partOf("", "/styles", path.Join(w.dir, "styles.xml"))
	f, err := w.readPart(name, maxSmallPart)
	if f == nil || err != nil {
		return nil, err
	}
	codes := map[int]string{}
	var xfs []int
	inCellXfs := false
	err = eachElement(f, func(e xml.Token) bool {
		switch e := e.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "numFmt":
				if id, err := strconv.Atoi(attrValue(e, "numFmtId")); err == nil {
					codes[id] = attrValue(e, "formatCode")
				}
			case "cellXfs":
				inCellXfs = true
			case "xf":
				if inCellXfs {
					id, _ := strconv.Atoi(attrValue(e, "numFmtId"))
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
			dates[i] = isDateFormat(code)
		} else {
			dates[i] = isBuiltInDateFormat(id)
		}
	}
	return dates, err
}

// eachStart calls fn for each start tag of a small XML part until fn
// returns false.
func eachStart(f *zip.File, fn func(xml.StartElement) bool) error {
	return eachElement(f, func(t xml.Token) bool {
		if e, ok := t.(xml.StartElement); ok {
			return fn(e)
		}
		return true
	})
}

// eachElement calls fn for each start and end tag of an XML part until
// fn returns false, through xmlGuard and within maxXMLDepth.
func eachElement(f *zip.File, fn func(xml.Token) bool) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(&xmlGuard{r: rc})
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
			if depth++; depth > maxXMLDepth {
				return errXMLDepth
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

// attrValue returns the value of the attribute with the local name, whatever
// its namespace prefix.
func attrValue(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
