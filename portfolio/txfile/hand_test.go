package txfile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// Workbooks written part by part, for XML no spreadsheet program writes:
// rows out of order, cells in the wrong row, bombs. buildHandBook is the
// smallest workbook: one sheet ("Sheet1", or as sheets gives them: name
// and state), its rows, and shared strings when given.

type handBook struct {
	sheets []handSheet
	shared []string // the shared strings table; nil: none
	// sharedXML, when set, is the whole shared strings part.
	sharedXML []byte
	// extra parts, added as they are.
	extra map[string][]byte
}

type handSheet struct {
	name, state string
	rows        string // the XML inside <sheetData>
	raw         []byte // when set, the whole worksheet part
}

func buildHandBook(t testing.TB, book handBook) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, content []byte) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(content); err != nil {
			t.Fatal(err)
		}
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	add("_rels/.rels", []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+rel+`officeDocument" Target="xl/workbook.xml"/></Relationships>`))
	var sheets, rels strings.Builder
	for i, s := range book.sheets {
		name := s.name
		if name == "" {
			name = fmt.Sprintf("Sheet%d", i+1)
		}
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, name, i+1, state, i+10)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>`, i+10, rel, i+1)
		part := s.raw
		if part == nil {
			part = []byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet ` + ns + `><sheetData>` + s.rows + `</sheetData></worksheet>`)
		}
		add(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), part)
	}
	add("xl/workbook.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><workbook `+ns+`><sheets>`+sheets.String()+`</sheets></workbook>`))
	shared := book.sharedXML
	if shared == nil && book.shared != nil {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><sst ` + ns + `>`)
		for _, s := range book.shared {
			b.WriteString("<si><t>" + s + "</t></si>")
		}
		b.WriteString("</sst>")
		shared = []byte(b.String())
	}
	if shared != nil {
		fmt.Fprintf(&rels, `<Relationship Id="rId2" Type="%ssharedStrings" Target="sharedStrings.xml"/>`, rel)
		add("xl/sharedStrings.xml", shared)
	}
	add("xl/_rels/workbook.xml.rels", []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`))
	for name, content := range book.extra {
		add(name, content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// handRow is the XML of row r with inline cells: a number is a number
// cell, text an inline string; "" leaves the cell out.
func handRow(r int, cells ...any) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, r)
	for i, v := range cells {
		ref, _ := columnName(i + 1)
		ref += fmt.Sprint(r)
		switch v := v.(type) {
		case string:
			if v != "" {
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
			}
		default:
			fmt.Fprintf(&b, `<c r="%s"><v>%v</v></c>`, ref, v)
		}
	}
	b.WriteString("</row>")
	return b.String()
}

// handHeader is the usual header row: date, kind, amount, note.
var handHeader = handRow(1, "date", "kind", "amount", "note")

// handRaw returns a badInput raw function for book.
func handRaw(book handBook) func(t *testing.T) []byte {
	return func(t *testing.T) []byte { return buildHandBook(t, book) }
}

// handOneSheet is a workbook of one sheet with the rows given.
func handOneSheet(rows ...string) handBook {
	return handBook{sheets: []handSheet{{rows: strings.Join(rows, "")}}}
}

// letters is n pseudo-random lower-case letters: text that deflate
// compresses less than 2 to 1, so that a large part passes the ratio check.
func letters(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + r.IntN(26))
	}
	return string(b)
}
