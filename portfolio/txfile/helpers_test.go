package txfile

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Test workbooks are written by excelize's stream writer, which stores
// cells as Excel does (a numeric formula result without a type, styles by
// index), so the reader is tested against realistic XML. The value types
// below describe cells that need more than a plain Go value.

// rtDate is a number with a date number format: a serial day count.
// format "" is the built-in short date (ID 14).
type rtDate struct {
	serial float64
	format string
}

// rtNum is a number with a non-date custom number format.
type rtNum struct {
	v      float64
	format string
}

// rtFormula is a formula with its saved result; cached nil means the
// formula was never calculated.
type rtFormula struct {
	formula string
	cached  any
}

// rtSheet describes one worksheet.
type rtSheet struct {
	name   string // "" is "Sheet1"
	rows   [][]any
	merges [][2]string
	// patch rewrites the worksheet XML after writing, for cells excelize
	// cannot write (error values).
	patch func(xml string) string
}

// rtBook describes a workbook.
type rtBook struct {
	sheets   []rtSheet
	date1904 bool
}

// buildWorkbook writes book as .xlsx bytes.
func buildWorkbook(t testing.TB, book rtBook) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if book.date1904 {
		yes := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
	}
	styles := map[string]int{}
	style := func(format string, date bool) int {
		key := format
		if date && format == "" {
			key = "builtin14"
		}
		if id, ok := styles[key]; ok {
			return id
		}
		st := &excelize.Style{}
		if key == "builtin14" {
			st.NumFmt = 14
		} else {
			code := format
			st.CustomNumFmt = &code
		}
		id, err := f.NewStyle(st)
		if err != nil {
			t.Fatal(err)
		}
		styles[key] = id
		return id
	}
	for i, s := range book.sheets {
		name := s.name
		if name == "" {
			name = "Sheet1"
		}
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			values := make([]any, len(row))
			for c, v := range row {
				switch v := v.(type) {
				case rtDate:
					values[c] = excelize.Cell{StyleID: style(v.format, true), Value: v.serial}
				case rtNum:
					values[c] = excelize.Cell{StyleID: style(v.format, false), Value: v.v}
				case rtFormula:
					values[c] = excelize.Cell{Formula: v.formula, Value: v.cached}
				default:
					values[c] = v
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, values); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range s.merges {
			if err := sw.MergeCell(m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	for i, s := range book.sheets {
		if s.patch != nil {
			data = patchZipEntry(t, data, "xl/worksheets/sheet"+string(rune('1'+i))+".xml", s.patch)
		}
	}
	return data
}

// patchZipEntry rewrites one entry of a zip archive.
func patchZipEntry(t testing.TB, data []byte, name string, patch func(string) string) []byte {
	t.Helper()
	found := false
	out := rewriteZip(t, data, zip.Deflate, func(entry string, content []byte) []byte {
		if entry != name {
			return content
		}
		found = true
		patched := patch(string(content))
		if patched == string(content) {
			t.Fatalf("patch of %s changed nothing", name)
		}
		return []byte(patched)
	})
	if !found {
		t.Fatalf("no %s in the workbook", name)
	}
	return out
}

// rewriteZip copies a zip archive entry by entry with the given
// compression method, passing each entry's content through edit.
func rewriteZip(t testing.TB, data []byte, method uint16, edit func(name string, content []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(edit(f.Name, content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// errorCellPatch returns a patch that turns cell ref into an error
// cell (t="e") holding text, as Excel stores a formula that evaluated to an
// error.
func errorCellPatch(ref, text string) func(string) string {
	return cellPatch(ref, `<c r="`+ref+`" t="e"><f>1/0</f><v>`+text+`</v></c>`)
}

// cellPatch returns a patch that replaces the XML of cell ref.
func cellPatch(ref, cellXML string) func(string) string {
	return func(s string) string {
		i := strings.Index(s, `<c r="`+ref+`"`)
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], `</c>`) + i + len(`</c>`)
		return s[:i] + cellXML + s[j:]
	}
}

// streamWorkbook writes a workbook of header plus n generated rows with
// the stream writer, for the large-sheet test and benchmark. rtDate values
// get the built-in short date format.
func streamWorkbook(t testing.TB, header []any, n int, row func(i int) []any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", header); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		values := row(i)
		for c, v := range values {
			if d, ok := v.(rtDate); ok {
				values[c] = excelize.Cell{StyleID: dateStyle, Value: d.serial}
			}
		}
		if err := sw.SetRow(cell, values); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
