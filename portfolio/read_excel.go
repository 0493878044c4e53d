package portfolio

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Workbook-level messages; tests assert them.
const (
	readExpectWorkbookSize = "a workbook of at most 100 MiB"
	readExpectXLSX         = "an .xlsx workbook (a zip archive)"
	readExpectNotXLS       = "an .xlsx workbook: this is an older .xls workbook or a password-protected one (save it as .xlsx without a password)"
	readExpectMerged       = "unmerged cells: a merged region holds its value in its first cell only (unmerge it and fill in each cell)"
)

// ReadExcel reads transactions from an .xlsx or .xlsm workbook: the sheet
// named by opts.Sheet, or the first sheet.
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
// system), a date cell, or ISO text. A formula's saved result is used; an
// error result (#N/A, #DIV/0!, ...) or a formula never calculated is a
// problem. Merged regions that reach below the header are a problem, since
// only their first cell holds a value.
//
// Rows are streamed, so memory stays bounded by the workbook's compressed
// size plus the transactions returned. The whole workbook (at most
// MaxWorkbookBytes compressed) is read into memory and its zip directory
// checked before anything is unzipped: a workbook that would expand past
// opts.MaxUnzippedBytes, or with an entry compressed beyond any real
// spreadsheet's ratio, is refused.
//
// Problems are returned together in a *ValidationError, as by ReadCSV; an
// error reading r is returned wrapped.
func ReadExcel(r io.Reader, opts ReadOptions) (txs []Transaction, err error) {
	b := &readBuilder{opts: opts, empty: "the sheet is empty"}
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookBytes+1))
	if err != nil {
		return nil, fmt.Errorf("portfolio: read %s: %w", readNameOr(opts.Name, "workbook"), err)
	}
	if len(data) > MaxWorkbookBytes {
		b.problem(0, "", "", readExpectWorkbookSize)
		return b.result()
	}
	zr, expected := readCheckZip(data, opts.maxUnzippedBytes())
	if expected != "" {
		b.problem(0, "", "", expected)
		return b.result()
	}
	// excelize is a large parser facing hostile input; a panic in it must
	// not take the caller down. It becomes a problem like any other.
	defer func() {
		if p := recover(); p != nil {
			txs = nil
			err = &ValidationError{Problems: []Problem{{Origin: b.origin(0), Expected: fmt.Sprintf("a readable workbook (the spreadsheet library failed: %v)", p)}}}
		}
	}()
	xmlLimit := min(opts.maxUnzippedBytes(), excelize.StreamChunkSize)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    opts.maxUnzippedBytes(),
		UnzipXMLSizeLimit: xmlLimit,
	})
	if err != nil {
		b.problem(0, "", "", fmt.Sprintf("a readable workbook (%v)", err))
		return b.result()
	}
	defer f.Close()

	sheet, expected := readPickSheet(f.GetSheetList(), opts.Sheet)
	b.sheet = sheet
	if expected != "" {
		b.sheet = opts.Sheet
		b.problem(0, "", opts.Sheet, expected)
		return b.result()
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	meta, err := readOpenSheetMeta(zr, sheet)
	if err != nil {
		b.problem(0, "", "", fmt.Sprintf("a readable worksheet (%v)", err))
		return b.result()
	}
	defer meta.close()
	styles := readStyleDates{f: f, known: map[int]bool{}}

	rows, err := f.Rows(sheet)
	if err != nil {
		b.problem(0, "", "", fmt.Sprintf("a readable worksheet (%v)", err))
		return b.result()
	}
	defer rows.Close()
	var cells []readCell
	for rowNum := 1; rows.Next(); rowNum++ {
		values, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			b.problem(rowNum, "", "", fmt.Sprintf("a readable row (%v)", err))
			break
		}
		cells = readExcelCells(cells[:0], values, meta.row(rowNum), &styles)
		if !b.haveHead {
			if readBlank(cells) {
				continue
			}
			if !b.header(rowNum, cells) {
				return b.result()
			}
			continue
		}
		if !b.data(rowNum, cells) {
			break
		}
	}
	if err := rows.Error(); err != nil {
		b.problem(0, "", "", fmt.Sprintf("a readable worksheet (%v)", err))
	}
	if b.haveHead && !b.tooMany {
		b.checkMerges(meta.merges())
	}
	return b.result()
}

// readExcelCells turns excelize's raw values of one row, with the row's
// cell attributes, into cells.
func readExcelCells(cells []readCell, values []string, meta []readCellMeta, styles *readStyleDates) []readCell {
	for _, v := range values {
		cells = append(cells, readCell{text: v})
	}
	for _, m := range meta {
		i := m.col - 1
		if i < 0 || i >= len(cells) {
			continue
		}
		c := &cells[i]
		switch m.typ {
		case "e":
			c.errorValue = c.text != ""
		case "b":
			c.boolean = c.text != ""
		case "", "n":
			if c.text != "" {
				c.numeric = true
				c.dateFormat = styles.isDate(m.style)
			}
		}
		if m.formula && c.text == "" {
			c.formulaNoValue = true
		}
	}
	return cells
}

// checkMerges reports each merged region that reaches below the header row.
func (b *readBuilder) checkMerges(merges []readMerge) {
	for _, m := range merges {
		if m.lastRow <= b.headerRow {
			continue
		}
		column, _ := excelize.ColumnNumberToName(m.firstCol)
		for f, i := range b.cols.index {
			if i == m.firstCol-1 {
				column = b.cols.header[f]
			}
		}
		b.problem(m.firstRow, column, m.ref, readExpectMerged)
	}
}

// readPickSheet chooses the sheet to read: want, matched case-insensitively
// as spreadsheet programs do, or the first sheet when want is "".
func readPickSheet(sheets []string, want string) (string, string) {
	if len(sheets) == 0 {
		return "", "a workbook with a worksheet: it has none"
	}
	if want == "" {
		return sheets[0], ""
	}
	for _, s := range sheets {
		if strings.EqualFold(s, want) {
			return s, ""
		}
	}
	return "", "the name of a sheet in the workbook: " + strings.Join(readQuoteAll(sheets), ", ")
}

// readCheckZip opens data as a zip archive and refuses it before anything
// is unzipped when its central directory declares more than limit bytes in
// total, or an entry larger than 16 MiB compressed more than 400 to 1
// (real worksheets compress 5 to 50 to 1; deflate's limit is about 1032 to
// 1, which only a bomb's runs of identical bytes approach). The declared
// sizes can be trusted afterwards: archive/zip fails an entry that inflates
// past its declared size.
func readCheckZip(data []byte, limit int64) (*zip.Reader, string) {
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
		return nil, readExpectNotXLS
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Sprintf("%s: %v", readExpectXLSX, err)
	}
	const (
		ratioFrom = 16 << 20
		maxRatio  = 400
	)
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(limit) || total < f.UncompressedSize64 {
			return nil, fmt.Sprintf("a workbook that unzips to at most %d bytes: it declares more (a zip bomb?)", limit)
		}
		if f.UncompressedSize64 > ratioFrom && f.UncompressedSize64 > maxRatio*f.CompressedSize64 {
			return nil, fmt.Sprintf("a workbook whose parts compress at most %d to 1: %s compresses %d bytes into %d (a zip bomb?)",
				maxRatio, f.Name, f.UncompressedSize64, f.CompressedSize64)
		}
	}
	return zr, ""
}

// readStyleDates remembers which cell styles have a date or time number
// format.
type readStyleDates struct {
	f     *excelize.File
	known map[int]bool
}

func (s *readStyleDates) isDate(style int) bool {
	if style <= 0 {
		return false
	}
	if d, ok := s.known[style]; ok {
		return d
	}
	d := false
	if st, err := s.f.GetStyle(style); err == nil && st != nil {
		if st.CustomNumFmt != nil {
			d = readIsDateFormat(*st.CustomNumFmt)
		} else {
			d = readIsBuiltInDateFormat(st.NumFmt)
		}
	}
	s.known[style] = d
	return d
}

// readIsBuiltInDateFormat reports whether a built-in number format ID is a
// date or time format (ECMA-376 part 1, 18.8.30, and the East Asian and
// Thai date formats Excel adds).
func readIsBuiltInDateFormat(id int) bool {
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
		(id >= 50 && id <= 58) || (id >= 71 && id <= 81)
}

// readIsDateFormat reports whether a number format code formats dates or
// times: its first section, without quoted text, escaped characters and
// bracketed colours or locales, uses a y, m, d, h or s placeholder.
func readIsDateFormat(code string) bool {
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

// readExcelDateToTime converts a serial day count (v ≥ 0) to a time.
func readExcelDateToTime(v float64, date1904 bool) time.Time {
	t, err := excelize.ExcelDateToTime(v, date1904)
	if err != nil {
		return time.Time{}
	}
	return t
}
