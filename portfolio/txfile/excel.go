package txfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// Workbook-level messages; tests assert them.
const (
	expectWorkbookSize = "a workbook of at most 100 MiB"
	expectXLSX         = "an .xlsx workbook (a zip archive)"
	expectNotXLS       = "an .xlsx workbook: this is an older .xls workbook or a password-protected one (save it as .xlsx without a password)"
	expectNotODS       = "an .xlsx workbook: this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV"
	expectNotNumbers   = "an .xlsx workbook: this is an Apple Numbers document; export it as .xlsx or CSV (File > Export To)"
	expectMerged       = "unmerged cells: a merged region holds its value in its first cell only (unmerge it and fill in each cell)"
)

// ratioFrom and maxRatio: a part of a workbook larger than 1 MiB
// may not compress more than 400 to 1. Real worksheets compress 5 to 50
// to 1; deflate's limit is about 1032 to 1, which only a bomb's runs of
// identical bytes approach.
const (
	ratioFrom = 1 << 20
	maxRatio  = 400
)

// ReadExcel reads transactions from an .xlsx or .xlsm workbook: the sheet
// named by opts.Sheet (hidden or not), or the first visible sheet.
//
// The layout is the one ReadCSV describes: a header row (the first
// non-blank row) and one transaction per row below it. The original
// notebook's sheet reads unchanged: integer yyyymmdd dates, BUY/SELL in a
// "tx" column, and a "cash" amount on a row without kind or symbol for a
// deposit (negative: a withdrawal).
//
// Cells are read as stored, never as displayed (formatted text such as
// 01/02/16 is ambiguous): a date is a yyyymmdd number, a number with a
// date format (a serial day count in the workbook's 1900 or 1904 date
// system; day 60 of the 1900 system, the 1900-02-29 that never was, is a
// problem), a date cell, or ISO text. A formula's saved result is used; an
// error result (#N/A, #DIV/0!, ...) or a formula never calculated is a
// problem. Merged regions that reach below the header are a problem, since
// only their first cell holds a value. Rows and cells are read at their
// own references; rows out of order, a cell placed in another row or
// twice, and a cell of more than 32,767 characters (Excel's limit) are
// problems naming the row.
//
// # Memory
//
// The whole workbook (at most MaxWorkbookBytes compressed) is read into
// memory and its zip directory checked before anything is unzipped: a
// workbook that declares more than opts.MaxUnzippedBytes in total, or a
// part larger than 1 MiB compressed more than 400 to 1, is refused. Only
// the parts needed are then unzipped, each streamed: the workbook,
// relationship and styles parts (at most 16 MiB each), the shared strings
// (at most a quarter of opts.MaxUnzippedBytes) and the one worksheet, read
// row by row. No XML token (a tag or a text) may exceed 1 MiB, nor
// elements nest more than 100 deep. Memory therefore stays within the
// compressed workbook, two to three times the shared strings part (kept as
// one string, which cells share rather than copy), the text kept from the
// worksheet's cells and the transactions returned (about 200 bytes each
// plus their text). TestReadExcelMemoryBudget reads hostile workbooks (a
// 16 MiB shared string used by 2,000 rows, 60 parts of 16 MiB, millions of
// shared strings, millions of nested elements, an 8 MiB text) in a child
// process limited to 2 GiB of address space, about 1 GiB of which the Go
// runtime reserves for itself; its peak resident memory is about 100 MiB.
//
// Problems are returned together in a *ValidationError, as by ReadCSV; an
// error reading r is returned wrapped.
func ReadExcel(r io.Reader, opts Options) ([]txn.Transaction, error) {
	b := &builder{opts: opts, empty: "the sheet is empty"}
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookBytes+1))
	if err != nil {
		return nil, fmt.Errorf("txfile: read %s: %w", nameOr(opts.Name, "workbook"), err)
	}
	if len(data) > MaxWorkbookBytes {
		b.problem(0, "", "", expectWorkbookSize)
		return b.result()
	}
	zr, expected := checkZip(data, opts.maxUnzippedBytes())
	if expected != "" {
		b.problem(0, "", "", expected)
		return b.result()
	}
	book, expected := openWorkbook(zr)
	if expected != "" {
		b.problem(0, "", "", expected)
		return b.result()
	}
	sheet, expected := pickSheet(book.sheets, opts.Sheet)
	b.sheet, b.date1904 = sheet.name, book.date1904
	if expected != "" {
		b.sheet = opts.Sheet
		b.problem(0, "", opts.Sheet, expected)
		return b.result()
	}
	readSheet(b, book, sheet, opts)
	return b.result()
}

// readSheet reads the styles, the shared strings and then the rows of the
// sheet into b.
func readSheet(b *builder, book *xlsxWorkbook, sheet sheetInfo, opts Options) {
	dates, err := book.readStyles()
	if err != nil {
		b.problem(0, "", "", xmlProblem("the styles part", err))
		return
	}
	shared, err := book.readShared(opts.maxUnzippedBytes() / 4)
	var long longSharedString
	if errors.As(err, &long) {
		b.problem(0, "", "", long.Error())
		return
	}
	if err != nil {
		b.problem(0, "", "", xmlProblem("the shared strings part", err))
		return
	}
	name := book.partOf(sheet.relID, "", "")
	f, err := book.readPart(name, opts.maxUnzippedBytes())
	if err == nil && f == nil {
		err = fmt.Errorf("the worksheet part %q is missing", name)
	}
	if err != nil {
		b.problem(0, "", "", xmlProblem("the worksheet", err))
		return
	}
	s, rc, err := openSheet(f, b, shared, dates)
	if err != nil {
		b.problem(0, "", "", xmlProblem(f.Name, err))
		return
	}
	defer rc.Close()
	if s.run(f.Name) && b.haveHead && !b.tooMany {
		b.checkMerges(s.merges)
	}
}

// checkMerges reports each merged region that reaches below the header row.
func (b *builder) checkMerges(merges []mergedRange) {
	for _, m := range merges {
		if m.lastRow <= b.headerRow {
			continue
		}
		column, _ := columnName(m.firstCol)
		for f, i := range b.cols.index {
			if i == m.firstCol-1 {
				column = b.cols.header[f]
			}
		}
		b.problem(m.firstRow, column, m.ref, expectMerged)
	}
}

// pickSheet chooses the sheet to read: want, matched case-insensitively
// as spreadsheet programs do (a hidden sheet too, when named), or the
// first visible sheet when want is "" (the first sheet if all are hidden,
// which Excel does not allow).
func pickSheet(sheets []sheetInfo, want string) (sheetInfo, string) {
	if len(sheets) == 0 {
		return sheetInfo{}, "a workbook with a worksheet: it has none"
	}
	if want == "" {
		for _, s := range sheets {
			if !s.hidden {
				return s, ""
			}
		}
		return sheets[0], ""
	}
	names := make([]string, len(sheets))
	for i, s := range sheets {
		if strings.EqualFold(s.name, want) {
			return s, ""
		}
		names[i] = s.name
	}
	return sheetInfo{}, "the name of a sheet in the workbook: " + strings.Join(quoteAll(names), ", ")
}

// checkZip opens data as a zip archive and refuses it before anything
// is unzipped when its central directory declares more than limit bytes in
// total, or a part larger than ratioFrom compressed more than
// maxRatio to 1; or when it is another program's document (OLE2 for
// .xls and encrypted workbooks, OpenDocument, Apple Numbers). The declared
// sizes can be trusted afterwards: archive/zip fails an entry that
// inflates past its declared size.
func checkZip(data []byte, limit int64) (*zip.Reader, string) {
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
		return nil, expectNotXLS
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Sprintf("%s: %v", expectXLSX, err)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(limit) || total < f.UncompressedSize64 {
			return nil, fmt.Sprintf("a workbook that unzips to at most %d bytes: it declares more (a zip bomb?)", limit)
		}
		if f.UncompressedSize64 > ratioFrom && f.UncompressedSize64 > maxRatio*f.CompressedSize64 {
			return nil, fmt.Sprintf("a workbook whose parts compress at most %d to 1: %s compresses %d bytes into %d (a zip bomb?)",
				maxRatio, txn.QuoteName(f.Name), f.UncompressedSize64, f.CompressedSize64)
		}
	}
	return zr, otherDocument(zr)
}

// otherDocument recognises the zip archives of other spreadsheet
// programs, saved or renamed as .xlsx: an OpenDocument file starts with a
// "mimetype" entry naming its type, a Numbers document keeps its tables
// in Index/*.iwa.
func otherDocument(zr *zip.Reader) string {
	for _, f := range zr.File {
		name := strings.ReplaceAll(f.Name, `\`, "/")
		switch {
		case name == "mimetype":
			rc, err := f.Open()
			if err != nil {
				continue
			}
			head, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			if bytes.HasPrefix(head, []byte("application/vnd.oasis.opendocument")) {
				return expectNotODS
			}
		case strings.HasPrefix(name, "Index/") && strings.HasSuffix(name, ".iwa"), name == "Index.zip":
			return expectNotNumbers
		}
	}
	return ""
}

// isBuiltInDateFormat reports whether a built-in number format ID is a
// date or time format (ECMA-376 part 1, 18.8.30, and the East Asian and
// Thai date formats Excel adds).
func isBuiltInDateFormat(id int) bool {
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
		(id >= 50 && id <= 58) || (id >= 71 && id <= 81)
}

// isDateFormat reports whether a number format code formats dates or
// times: its first section, without quoted text, escaped characters and
// bracketed colours or locales, uses a y, m, d, h or s placeholder.
func isDateFormat(code string) bool {
	if strings.EqualFold(code, "general") {
		return false
	}
	var inQuote, inBracket, escaped bool
	var bracket strings.Builder
	for _, r := range code {
		switch {
		case escaped:
			escaped = false
		case inQuote:
			inQuote = r != '"'
		case inBracket:
			if r == ']' {
				inBracket = false
				switch strings.ToLower(bracket.String()) {
				case "h", "hh", "m", "mm", "s", "ss": // elapsed time
					return true
				}
				bracket.Reset()
			} else {
				bracket.WriteRune(r)
			}
		case r == '\\' || r == '_' || r == '*':
			escaped = true // the next character is literal or padding
		case r == '"':
			inQuote = true
		case r == '[':
			inBracket = true
		case r == ';':
			return false
		default:
			switch r {
			case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
				return true
			}
		}
	}
	return false
}
