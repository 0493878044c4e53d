package txfile

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gofolio/gofolio/internal/suggest"
	"github.com/gofolio/gofolio/portfolio/txfile/broker"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// Options configures ReadCSV, ReadExcel and Read.
type Options struct {
	// Sheet is the worksheet to read from a workbook, hidden or not; ""
	// reads the first visible one.
	// Names match case-insensitively, as spreadsheet programs match them.
	Sheet string
	// Name is the file name used in messages (Read sets it to the path
	// when empty).
	Name string
	// MaxRows is the most data rows accepted; 0 means DefaultMaxRows.
	MaxRows int
	// MaxUnzippedBytes is the most a workbook may expand to when unzipped
	// (an .xlsx file is a zip archive), all its parts together; its
	// shared strings part may take a quarter of it. 0 means
	// DefaultMaxUnzippedBytes.
	MaxUnzippedBytes int64
	// Mapping reads a CSV file through a column mapping (see
	// broker.Mapping; -map FILE): Read only.
	Mapping *broker.Mapping
	// Account, when set, is the account of every transaction read by
	// Read (else a broker export's own, the file's name for an export
	// that names none, or the account column).
	Account string
	// DefaultAccount is the account of a broker export that names none
	// (default: the file's base name without extension).
	DefaultAccount string
}

// Defaults for Options.
const (
	DefaultMaxRows = 1_000_000
	// DefaultMaxUnzippedBytes fits DefaultMaxRows: a 1,000,000-row sheet
	// of 7 columns unzips to about 400 MiB of XML (which is streamed out
	// of the zip archive, never held in memory).
	DefaultMaxUnzippedBytes = 1 << 30
	// MaxWorkbookBytes is the largest compressed workbook ReadExcel reads.
	MaxWorkbookBytes = 100 << 20
	// maxProblems is how many problems a ValidationError lists one by one;
	// a file with more (a shifted column in a million-row sheet) gets a
	// final problem counting the rest instead of a million lines.
	maxProblems = 1000
)

func (o Options) maxRows() int {
	if o.MaxRows > 0 {
		return o.MaxRows
	}
	return DefaultMaxRows
}

func (o Options) maxUnzippedBytes() int64 {
	if o.MaxUnzippedBytes > 0 {
		return o.MaxUnzippedBytes
	}
	return DefaultMaxUnzippedBytes
}

// Read reads transactions from the file at path, choosing the format by
// extension: .xlsx and .xlsm are workbooks (see ReadExcel), .csv is CSV:
// through opts.Mapping when set, as a broker's export when its header is
// one (package broker: Trading 212, Schwab, Freetrade, Interactive
// Brokers, Vanguard UK, cgt-calc's raw CSV), else gofolio's own layout (see
// ReadCSV), whose missing date or kind column is then reported with the
// closest broker layouts. The file is opened read-only and never modified.
func Read(path string, opts Options) ([]txn.Transaction, error) {
	if opts.Name == "" {
		opts.Name = path
	}
	var read func(f *os.File, opts Options) ([]txn.Transaction, error)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx", ".xlsm":
		read = func(f *os.File, opts Options) ([]txn.Transaction, error) { return ReadExcel(f, opts) }
	case ".csv":
		read = func(f *os.File, opts Options) ([]txn.Transaction, error) { return readCSVFile(f, opts) }
	default:
		return nil, fmt.Errorf("txfile: read %s: unsupported file type %s: want .xlsx, .xlsm or .csv", txn.Escape(path), txn.QuoteValue(ext))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("txfile: %w", err)
	}
	defer f.Close()
	return read(f, opts)
}

// field is a column the reader knows.
type field uint8

const (
	dateField field = iota
	kindField
	symbolField
	quantityField
	priceField
	commissionField
	amountField
	currencyField
	noteField
	ratioField
	accountField
	lotField
	toField
	fractionField
	fieldCount
)

var fieldNames = [fieldCount]string{"date", "kind", "symbol", "quantity", "price", "commission", "amount", "currency", "note", "ratio", "account", "lot", "to", "fraction"}

// headerNames maps each accepted header, lower-cased, to its field.
// "tx" and "cash" are the original notebook's names.
var headerNames = map[string]field{
	"date": dateField,
	"kind": kindField, "tx": kindField, "type": kindField, "action": kindField,
	"symbol": symbolField, "ticker": symbolField,
	"quantity": quantityField, "shares": quantityField, "qty": quantityField,
	"price": priceField, "px": priceField,
	"commission": commissionField, "commissions": commissionField, "comm": commissionField,
	"fee": commissionField, "fees": commissionField,
	"amount": amountField, "cash": amountField, "amt": amountField,
	"currency": currencyField, "ccy": currencyField,
	"note": noteField, "notes": noteField, "memo": noteField, "description": noteField,
	"ratio":   ratioField,
	"account": accountField,
	"lot":     lotField,
	"to":      toField, "new symbol": toField,
	"fraction": fractionField, "cost fraction": fractionField,
}

// columns is the header of a file: where each field is and what its
// header says.
type columns struct {
	index  [fieldCount]int    // column index of each field, -1 when absent
	header [fieldCount]string // the header as written in the file
}

// builder turns rows into transactions, collecting every problem. The
// CSV and Excel readers feed it the header row and then each data row.
type builder struct {
	opts      Options
	sheet     string
	empty     string // says the input is empty: "the file is empty"
	date1904  bool
	cols      columns
	haveHead  bool
	headerRow int
	dataRows  int
	tooMany   bool
	txs       txChunks
	problems  []txn.Problem
	dropped   int               // problems beyond maxProblems
	names     map[string]string // see intern
}

func (b *builder) origin(row int) txn.Origin {
	return txn.Origin{File: b.opts.Name, Sheet: b.sheet, Row: row}
}

func (b *builder) problem(row int, column, value, expected string) {
	if len(b.problems) >= maxProblems {
		b.dropped++
		return
	}
	b.problems = append(b.problems, txn.Problem{Origin: b.origin(row), Column: column, Value: value, Expected: expected})
}

// isBlank reports whether every cell is empty.
func isBlank(cells []cell) bool {
	for _, c := range cells {
		if trim(c.text) != "" || c.errorValue || c.formulaNoValue {
			return false
		}
	}
	return true
}

// header reads the header row: headers are matched to fields
// case-insensitively after trimming (non-breaking spaces included); unknown
// headers are ignored, so a sheet may carry columns of its own, unless one
// is a near miss of a field the file lacks ("Comission", "Quantiy"): its
// values would be silently dropped, so it is a problem naming the field it
// resembles. A field named twice (by the same or an alias: "fee" and
// "commission") is a problem; date and kind (or an alias: tx, type, action)
// are required. It reports whether rows can be read.
func (b *builder) header(row int, cells []cell) bool {
	b.haveHead, b.headerRow = true, row
	for f := range b.cols.index {
		b.cols.index[f] = -1
	}
	var found []string
	var unknown []int
	for i, c := range cells {
		h := trim(c.text)
		if h == "" {
			continue
		}
		found = append(found, h)
		f, ok := headerNames[strings.ToLower(h)]
		if !ok {
			unknown = append(unknown, i)
			continue
		}
		if j := b.cols.index[f]; j >= 0 {
			b.problem(row, h, h, fmt.Sprintf("one %s column: %s and %s are both %s (keep one)", fieldNames[f], txn.QuoteValue(b.cols.header[f]), txn.QuoteValue(h), fieldNames[f]))
			continue
		}
		b.cols.index[f], b.cols.header[f] = i, h
	}
	b.nearMisses(row, cells, unknown)
	ok := true
	for _, f := range []field{dateField, kindField} {
		if b.cols.index[f] >= 0 {
			continue
		}
		ok = false
		expected := fmt.Sprintf("a %s column; the headers found are: %s", fieldNames[f], strings.Join(quoteAll(found), ", "))
		if f == kindField {
			expected = fmt.Sprintf("a kind column (or tx, type, action); the headers found are: %s", strings.Join(quoteAll(found), ", "))
		}
		if len(found) == 1 && strings.ContainsAny(found[0], ";\t") {
			expected += " (the columns must be separated by commas)"
		}
		b.problem(row, fieldNames[f], "", "missing column: "+expected)
	}
	// The rows are read even after a problem with the header (the file
	// fails anyway), so that one run lists every problem of the file.
	return ok
}

// nearMisses reports each unknown header (cells[i] for i in unknown) that
// is a slip of the keyboard away from the name or an alias of a field the
// file has no column for. The column is then read as that field, so that
// the problems of its values are reported in the same run.
func (b *builder) nearMisses(row int, cells []cell, unknown []int) {
	var names []string
	for name, f := range headerNames {
		if b.cols.index[f] < 0 {
			names = append(names, name)
		}
	}
	sort.Strings(names) // ties go to the same name on every run
	for _, i := range unknown {
		h := trim(cells[i].text)
		if name, ok := suggest.Nearest(h, names, 4); ok {
			f := headerNames[name]
			b.problem(row, h, h, fmt.Sprintf("a header gofolio knows: %s looks like %s misspelt (rename the column %q; a column gofolio does not know is ignored, so its values would be lost)",
				txn.QuoteValue(h), fieldNames[f], fieldNames[f]))
			if b.cols.index[f] < 0 {
				b.cols.index[f], b.cols.header[f] = i, h
			}
		}
	}
}

// quoteAllMax is how many names a message lists.
const quoteAllMax = 20

// quoteAll quotes names for a message (see txn.QuoteValue): the first
// 20, then how many more there are.
func quoteAll(s []string) []string {
	if len(s) == 0 {
		return []string{"none"}
	}
	q := make([]string, 0, min(len(s), quoteAllMax)+1)
	for _, v := range s[:min(len(s), quoteAllMax)] {
		q = append(q, txn.QuoteValue(v))
	}
	if len(s) > quoteAllMax {
		q = append(q, fmt.Sprintf("and %d more", len(s)-quoteAllMax))
	}
	return q
}

// cell returns the row's cell for field f, blank when the file has no such
// column or the row is short.
func (b *builder) cell(cells []cell, f field) cell {
	if i := b.cols.index[f]; i >= 0 && i < len(cells) {
		return cells[i]
	}
	return cell{}
}

// data reads one data row. Rows whose known columns are all blank are
// skipped, so blank separator rows and columns of the user's own (an
// index, a running total) do not count as rows. It reports false once the
// row limit is passed, when reading should stop.
func (b *builder) data(row int, cells []cell) bool {
	var known [fieldCount]cell
	for f := range known {
		known[f] = b.cell(cells, field(f))
	}
	if isBlank(known[:]) {
		return true
	}
	b.dataRows++
	if b.dataRows > b.opts.maxRows() {
		b.tooMany = true
		b.problem(row, "", "", fmt.Sprintf("at most %d data rows (split the file, or raise Options.MaxRows)", b.opts.maxRows()))
		return false
	}
	r := dataRow{b: b, row: row, cells: cells}
	if tx, ok := r.transaction(); ok {
		tx.Symbol, tx.Currency, tx.Account, tx.To = b.intern(tx.Symbol), b.intern(tx.Currency), b.intern(tx.Account), b.intern(tx.To)
		b.txs.add(tx)
	}
	return true
}

// intern returns the one copy of s this read keeps. A file names a few
// hundred symbols, currencies and accounts in 50,000 rows: one string
// each, instead of one per row (each holding on to its row's text), keeps
// the rows small and makes the engine's lookups of them hit the cache.
func (b *builder) intern(s string) string {
	if s == "" {
		return ""
	}
	if b.names == nil {
		b.names = map[string]string{}
	}
	if kept, ok := b.names[s]; ok {
		return kept
	}
	s = strings.Clone(s)
	b.names[s] = s
	return s
}

// result sorts the transactions stably by date (file order within a day)
// and returns them, or a *ValidationError listing every problem.
func (b *builder) result() ([]txn.Transaction, error) {
	if !b.haveHead && len(b.problems) == 0 {
		b.problem(0, "", "", "a header row (date, kind, symbol, quantity, price, commission, amount, currency, note) and transactions below it: "+nameOr(b.empty, "the file is empty"))
	} else if b.haveHead && len(b.problems) == 0 && b.txs.n == 0 {
		b.problem(b.headerRow, "", "", "transactions below the header row: there are none")
	}
	if b.dropped > 0 {
		b.problems = append(b.problems, txn.Problem{Origin: b.origin(0), Expected: fmt.Sprintf("%d more problems not listed", b.dropped)})
	}
	if len(b.problems) > 0 {
		return nil, &txn.ValidationError{Problems: b.problems}
	}
	txs := b.txs.all()
	sort.SliceStable(txs, func(i, j int) bool { return txs[i].Date.Before(txs[j].Date) })
	return txs, nil
}

// txChunks gathers the transactions read in chunks of a fixed size, joined
// once at the end into a slice of the exact length: a million rows then
// take the chunks and the result, twice the transactions, where a growing
// slice would leave each outgrown copy to the garbage collector (and peak
// near three times them: see TestReadExcelMillionRows).
type txChunks struct {
	chunks [][]txn.Transaction
	n      int
}

const txChunk = 1 << 14

func (c *txChunks) add(tx txn.Transaction) {
	if k := len(c.chunks); k == 0 || len(c.chunks[k-1]) == txChunk {
		c.chunks = append(c.chunks, make([]txn.Transaction, 0, min(txChunk, max(c.n, 64))))
	}
	last := &c.chunks[len(c.chunks)-1]
	if len(*last) == cap(*last) { // a small first chunk grows up to txChunk
		*last = append(make([]txn.Transaction, 0, min(2*cap(*last), txChunk)), *last...)
	}
	*last = append(*last, tx)
	c.n++
}

func (c *txChunks) all() []txn.Transaction {
	if len(c.chunks) == 1 {
		return c.chunks[0]
	}
	out := make([]txn.Transaction, 0, c.n)
	for i, ch := range c.chunks {
		out = append(out, ch...)
		c.chunks[i] = nil // collectable while the rest is copied
	}
	return out
}
