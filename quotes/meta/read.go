package meta

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/gofolio/gofolio/internal/problems"
)

// Problem is one bad value in a metadata file.
type Problem struct {
	Line     int    // 1-based; the header is line 1
	Column   string // as the header names it; "" when not about one column
	Value    string // the offending value as found
	Expected string // what was expected instead
}

func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d, ", p.Line)
	}
	if p.Column != "" {
		fmt.Fprintf(&b, "column %s, ", p.Column)
	}
	fmt.Fprintf(&b, "%q: %s", p.Value, p.Expected)
	return b.String()
}

// Error lists every problem of one metadata file.
type Error struct {
	File     string
	Problems []Problem
}

// maxListed caps how many problems Error spells out.
const maxListed = 50

func (e *Error) Error() string { return problems.Message("meta: "+e.File, e.Problems, maxListed) }

// MaxSize is the largest file Read reads: a million symbols at 64 bytes a
// row. A larger one is not metadata.
const MaxSize = 64 << 20

// reader is a file being read: its header and the problems found.
type reader struct {
	header []string
	errs   []Problem
}

func (r *reader) problem(line int, column, value, expected string) {
	r.errs = append(r.errs, Problem{Line: line, Column: column, Value: value, Expected: expected})
}

// Read reads a metadata file (see the package comment) from in; name is the
// file's name for messages. Every problem is reported at once as an *Error.
func Read(in io.Reader, name string) (Table, error) {
	size := &counter{r: io.LimitReader(in, MaxSize+1)}
	cr := csv.NewReader(size)
	cr.FieldsPerRecord = -1 // ragged rows are reported, with the others
	cr.ReuseRecord = false
	r := &reader{}
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			r.problem(1, "", "", "the file is empty: want a header line with a symbol column")
		} else {
			r.csvError(err)
		}
		return Table{}, r.err(name)
	}
	t, symbolAt := r.readHeader(header)
	lines := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if !r.csvError(err) {
				break
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		if symbolAt >= 0 {
			r.row(&t, lines, line, rec, symbolAt)
		}
	}
	if size.n > MaxSize {
		r.problem(0, "", "", fmt.Sprintf("want a file of at most %d MiB: this is not a metadata file", MaxSize>>20))
	}
	if err := r.err(name); err != nil {
		return Table{}, err
	}
	return t, nil
}

// counter counts the bytes read through it.
type counter struct {
	r io.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readHeader checks the header and returns the table's fields and the
// symbol column's index (-1 when missing, a problem).
func (r *reader) readHeader(header []string) (Table, int) {
	r.header = header
	t := Table{rows: map[string][]string{}}
	symbolAt := -1
	seen := map[string]string{}
	for i, h := range header {
		f := normalise(h)
		switch prev, dup := seen[f]; {
		case f == "":
			r.problem(1, fmt.Sprintf("%d", i+1), h, "want a column name")
		case !utf8.ValidString(h):
			r.problem(1, fmt.Sprintf("%d", i+1), h, "want UTF-8 text")
		case dup:
			r.problem(1, h, h, fmt.Sprintf("want each column once: %q is the same field", prev))
		case f == Symbol:
			symbolAt = i
		}
		seen[f] = h
		if f != Symbol {
			t.fields = append(t.fields, f)
		}
	}
	if symbolAt < 0 {
		r.problem(1, "", strings.Join(header, ","), "want a symbol column in the header")
	}
	return t, symbolAt
}

// row checks one record and adds it to t.
func (r *reader) row(t *Table, lines map[string]int, line int, rec []string, symbolAt int) {
	if len(rec) != len(r.header) {
		r.problem(line, "", strings.Join(rec, ","), fmt.Sprintf("want %d fields as in the header, not %d", len(r.header), len(rec)))
		return
	}
	sym := strings.TrimSpace(rec[symbolAt])
	switch prev, dup := lines[sym]; {
	case sym == "":
		r.problem(line, r.header[symbolAt], rec[symbolAt], "want a symbol")
		return
	case dup:
		r.problem(line, r.header[symbolAt], sym, fmt.Sprintf("want a symbol not already on line %d", prev))
		return
	}
	lines[sym] = line
	values := make([]string, 0, len(t.fields))
	for i, v := range rec {
		if i == symbolAt {
			continue
		}
		v = strings.TrimSpace(v)
		if !utf8.ValidString(v) {
			r.problem(line, r.header[i], v, "want UTF-8 text")
		}
		values = append(values, v)
	}
	t.rows[sym] = values
}

// csvError records a record encoding/csv could not read, and says whether
// reading may go on.
func (r *reader) csvError(err error) bool {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		r.problem(0, "", "", err.Error())
		return false
	}
	r.problem(pe.Line, "", "", pe.Err.Error())
	// After a quote error the reader cannot find the next line reliably.
	return !errors.Is(pe.Err, csv.ErrQuote) && !errors.Is(pe.Err, csv.ErrBareQuote)
}

func (r *reader) err(name string) error {
	if len(r.errs) == 0 {
		return nil
	}
	return &Error{File: name, Problems: r.errs}
}
