package broker

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// Options configures Read.
type Options struct {
	// Name is the file name used in messages and, when the export names
	// no account, the account (its base name without extension).
	Name string
	// Account overrides the account of every row when set.
	Account string
	// DefaultAccount is the account when the export names none; "" is
	// the base name of Name without extension.
	DefaultAccount string
	// Mapping reads the file through a column mapping instead of a
	// detected layout (see Mapping).
	Mapping *Mapping
}

// MaxBytes is the largest export Read reads (broker exports are small;
// a larger file is refused rather than held in memory).
const MaxBytes = 64 << 20

// detectLines is how many leading records Detect searches for a header:
// Vanguard and Interactive Brokers open with a title block.
const detectLines = 64

// Layout is a known export layout.
type Layout struct {
	Key  string // short name: "trading212"
	Name string // as messages and the README say it: "Trading 212 CSV"
	// Header lists the headers that identify the layout; a record holding
	// all of them (any order, any case, surrounding space ignored) is its
	// header.
	Header []string
	// Exact: the header must hold these headers and no others (cgt-calc's
	// raw CSV, whose names gofolio's own format shares).
	Exact bool
	read  func(p *parser, t *table)
}

// Layouts returns the known layouts, in the order Detect tries them (shared
// values: read them, do not modify them).
func Layouts() []*Layout {
	return []*Layout{trading212, schwab, freetrade, ibkr, vanguard, raw}
}

// record is one CSV record and the line it starts on.
type record struct {
	line  int
	cells []string
}

// table is a file's records and where its header is.
type table struct {
	records []record
	head    int            // index in records of the header
	col     map[string]int // trimmed, lower-cased header -> column
}

// Detect returns the layout whose header is among the first records, and
// the header's index; nil when none is.
func Detect(records [][]string) (*Layout, int) {
	for i, rec := range records {
		if i >= detectLines {
			break
		}
		for _, l := range Layouts() {
			if l.matches(rec) {
				return l, i
			}
		}
	}
	return nil, -1
}

// matches reports whether rec is the layout's header.
func (l *Layout) matches(rec []string) bool {
	have := headerSet(rec)
	for _, h := range l.Header {
		if !have[strings.ToLower(h)] {
			return false
		}
	}
	return !l.Exact || len(have) == len(l.Header)
}

func headerSet(rec []string) map[string]bool {
	have := map[string]bool{}
	for _, c := range rec {
		if h := strings.ToLower(trim(c)); h != "" {
			have[h] = true
		}
	}
	return have
}

// Closest names the known layouts nearest to a header (the most of their
// headers present first), with the headers each lacks, for the message
// of a file that matches none.
func Closest(header []string) string {
	have := headerSet(header)
	type near struct {
		l       *Layout
		missing []string
	}
	var all []near
	for _, l := range Layouts() {
		n := near{l: l}
		for _, h := range l.Header {
			if !have[strings.ToLower(h)] {
				n.missing = append(n.missing, h)
			}
		}
		all = append(all, n)
	}
	sort.SliceStable(all, func(i, j int) bool {
		return float64(len(all[i].missing))/float64(len(all[i].l.Header)) < float64(len(all[j].missing))/float64(len(all[j].l.Header))
	})
	var parts []string
	for _, n := range all[:2] {
		if len(n.missing) == 0 {
			parts = append(parts, n.l.Name+" (its headers and others: it takes exactly "+strings.Join(n.l.Header, ",")+")")
			continue
		}
		parts = append(parts, fmt.Sprintf("%s (lacks %s)", n.l.Name, strings.Join(quoteAll(n.missing), ", ")))
	}
	return "the closest known layouts are " + strings.Join(parts, " and ")
}

func quoteAll(s []string) []string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = txn.QuoteValue(v)
	}
	return q
}

// readRecords reads every CSV record of r with its line (at most MaxBytes;
// UTF-8 with an optional byte order mark; fields per record may vary).
func readRecords(r io.Reader, name string) ([]record, error) {
	br := bufio.NewReader(io.LimitReader(r, MaxBytes+1))
	if bom, err := br.Peek(3); err == nil && string(bom) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	var out []record
	read := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &txn.ValidationError{Problems: []txn.Problem{{Origin: txn.Origin{File: name, Row: pe.Line},
					Expected: "well-formed CSV: " + pe.Err.Error()}}}
			}
			return nil, fmt.Errorf("broker: read %s: %w", txn.Escape(name), err)
		}
		line, _ := cr.FieldPos(0)
		read = int(cr.InputOffset())
		out = append(out, record{line: line, cells: rec})
	}
	if read > MaxBytes {
		return nil, fmt.Errorf("broker: read %s: larger than %d MiB; a broker export is far smaller (is this the right file?)", txn.Escape(name), MaxBytes>>20)
	}
	return out, nil
}

// Read reads a broker export (or, with opts.Mapping, any CSV) into
// transactions sorted by date, keeping the file's order within a day.
// Every problem of the file is returned together in a
// *txn.ValidationError and no transactions with it. A file whose header
// matches no layout is an error naming the closest layouts and the header
// seen.
func Read(r io.Reader, opts Options) ([]txn.Transaction, error) {
	recs, err := readRecords(r, opts.Name)
	if err != nil {
		return nil, err
	}
	cells := make([][]string, len(recs))
	for i, rec := range recs {
		cells[i] = rec.cells
	}
	p := newParser(opts)
	if opts.Mapping != nil {
		readMapped(p, opts.Mapping, recs)
		return p.result()
	}
	l, head := Detect(cells)
	if l == nil {
		return nil, noLayout(opts.Name, recs)
	}
	p.layout = l
	l.read(p, newTable(recs, head))
	return p.result()
}

// noLayout is the error of a file matching no known layout.
func noLayout(name string, recs []record) error {
	var header []string
	line := 0
	for _, rec := range recs {
		if len(headerSet(rec.cells)) > 0 {
			header, line = rec.cells, rec.line
			break
		}
	}
	if header == nil {
		return &txn.ValidationError{Problems: []txn.Problem{{Origin: txn.Origin{File: name}, Expected: "a broker export: the file is empty"}}}
	}
	return &txn.ValidationError{Problems: []txn.Problem{{Origin: txn.Origin{File: name, Row: line},
		Value:    strings.Join(header, ","),
		Expected: "the header of a known broker export; " + Closest(header)}}}
}

func newTable(recs []record, head int) *table {
	t := &table{records: recs, head: head, col: map[string]int{}}
	for i, c := range recs[head].cells {
		h := strings.ToLower(trim(c))
		if _, dup := t.col[h]; !dup && h != "" {
			t.col[h] = i
		}
	}
	return t
}

// defaultAccount is the account of a file whose export names none: its
// base name without extension.
func defaultAccount(name string) string {
	base := filepath.Base(name)
	if base == "." || base == "/" || name == "" {
		return "default"
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}
