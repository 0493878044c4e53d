package quotes

import (
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gofolio/gofolio/internal/problems"
)

// DirOptions configures a Dir.
type DirOptions struct {
	// Currency of the symbols that symbols.csv does not list; "" means USD.
	Currency string
	// Timezone of the symbols that symbols.csv does not list; "" means
	// unknown.
	Timezone string
	// SplitAdjusted says the closes and dividends in the files are already
	// divided by the ratio of every later split, as a Yahoo Finance
	// download's Close column is; false means they are the prices as
	// traded. See Series.SplitAdjusted.
	SplitAdjusted bool
}

// Dir is a Source over a directory of CSV files, one per symbol, for users'
// own prices. It is safe for concurrent use; each file is parsed once and
// kept in memory (a file that fails to parse is read again on the next
// call, so that a corrected file is picked up). It is a BatchSource:
// FetchAll reads the files of many symbols in parallel.
//
// The files, all UTF-8 CSV with a header line whose names are matched
// without regard to case or surrounding space, extra columns ignored:
//
//	SYMBOL.csv            date,close      (required for each symbol)
//	SYMBOL.dividends.csv  date,amount     (optional; "dividends" also accepted)
//	SYMBOL.splits.csv     date,ratio      (optional; ratio "4:1", "4/1" or "4")
//	                      or date,numerator,denominator
//	symbols.csv           symbol,currency,timezone   (optional metadata)
//
// Dates are YYYY-MM-DD, from 1900-01-01 to a year after today. A Yahoo
// Finance download (Date,Open,High,Low,Close,Adj Close,Volume) works as it
// is: the Close column is used. Rows whose close is empty or "null" are
// skipped; any other close must be a number from 1e-10 to 1e12. Rows may
// come in any order; two rows for the same date are an error, in the price
// file as in the dividends file. A dividend may not exceed the close of the
// trading day before it (more than 100% of the price is a typo, such as an
// amount in cents); a split's ratio must lie between 1:1e6 and 1e6:1, and
// the product of a symbol's split ratios between 1:1e12 and 1e12:1. Every
// problem of a file is reported at once, as a *FileError naming the file,
// line, column and value.
//
// Only regular files are read, or symbolic links to regular files inside
// the directory: anything else (a named pipe, whose open would block
// forever, a directory) is refused without being opened.
//
// The file of a symbol is its name followed by ".csv", literally: ^GSPC is
// read from ^GSPC.csv and EURUSD=X from EURUSD=X.csv. Symbols that cannot be
// a plain file name in the directory (empty, ".", "..", containing a path
// separator or a control character, or naming one of the other files, like
// "symbols" or "X.splits") are unknown symbols, and files are opened through
// os.Root so that nothing outside the directory is ever read.
type Dir struct {
	path string
	opts DirOptions
	meta map[string]symbolMeta

	mu    sync.Mutex
	cache map[string]*dirEntry
}

type symbolMeta struct{ currency, timezone string }

// dirEntry is one symbol's parsed files; ready is closed once series or err
// is set.
type dirEntry struct {
	ready  chan struct{}
	series *Series
	err    error
}

const (
	metaFile       = "symbols.csv"
	dividendSuffix = ".dividends"
	splitSuffix    = ".splits"
)

// NewDir returns a Dir over the directory at path. It reads symbols.csv
// now, if there is one, and the price files when they are first asked for.
func NewDir(path string, opts DirOptions) (*Dir, error) {
	if opts.Currency == "" {
		opts.Currency = "USD"
	}
	c, ok := currencyCode(opts.Currency)
	if !ok {
		return nil, fmt.Errorf("quotes: csv dir: DirOptions.Currency %q: %s", opts.Currency, wantCurrency)
	}
	opts.Currency = c
	if opts.Timezone != "" {
		if _, err := time.LoadLocation(opts.Timezone); err != nil || opts.Timezone == "Local" {
			return nil, fmt.Errorf("quotes: csv dir: DirOptions.Timezone %q: %s", opts.Timezone, wantTimezone)
		}
	}
	root, err := os.OpenRoot(path)
	if err != nil {
		return nil, fmt.Errorf("quotes: csv dir: %w", err)
	}
	defer root.Close()
	d := &Dir{path: path, opts: opts, meta: map[string]symbolMeta{}, cache: map[string]*dirEntry{}}
	f, err := openRegular(root, metaFile)
	if errors.Is(err, fs.ErrNotExist) {
		return d, nil
	}
	if err != nil {
		return nil, fmt.Errorf("quotes: csv dir: %w", err)
	}
	defer f.Close()
	if d.meta, err = readSymbolsFile(metaFile, f); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *Dir) source() string { return "csv dir " + d.path }

// Symbols lists the symbols that have a price file, sorted: a regular
// file, or a symbolic link to one inside the directory, the files Series
// reads.
func (d *Dir) Symbols() ([]string, error) {
	root, err := os.OpenRoot(d.path)
	if err != nil {
		return nil, fmt.Errorf("quotes: %s: %w", d.source(), err)
	}
	defer root.Close()
	entries, err := fs.ReadDir(root.FS(), ".")
	if err != nil {
		return nil, fmt.Errorf("quotes: %s: %w", d.source(), err)
	}
	var out []string
	for _, e := range entries {
		sym, ok := strings.CutSuffix(e.Name(), ".csv")
		if !ok || validDirSymbol(sym) != nil {
			continue
		}
		regular := e.Type().IsRegular()
		if e.Type()&fs.ModeSymlink != 0 {
			// Followed as Series follows it: within the directory only.
			info, err := root.Stat(e.Name())
			regular = err == nil && info.Mode().IsRegular()
		}
		if regular {
			out = append(out, sym)
		}
	}
	sort.Strings(out)
	return out, nil
}

// validDirSymbol says why symbol cannot name a price file, or nil.
func validDirSymbol(symbol string) error {
	switch {
	case symbol == "" || symbol == "." || symbol == "..":
		return fmt.Errorf("%q is not a symbol", symbol)
	case strings.ContainsAny(symbol, `/\`):
		return fmt.Errorf("%q contains a path separator", symbol)
	case strings.IndexFunc(symbol, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
		return fmt.Errorf("%q contains a control character", symbol)
	}
	lower := strings.ToLower(symbol)
	if lower == "symbols" || strings.HasSuffix(lower, dividendSuffix) || strings.HasSuffix(lower, splitSuffix) {
		return fmt.Errorf("%q names a metadata or event file, not a price file", symbol)
	}
	return nil
}

// Series implements Source.
func (d *Dir) Series(ctx context.Context, symbol string, from, to time.Time) (*Series, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := validDirSymbol(symbol); err != nil {
		return nil, &SymbolError{Source: d.source(), Symbol: symbol, Err: fmt.Errorf("%w: %v", ErrUnknownSymbol, err)}
	}
	s, err := d.load(ctx, symbol)
	if err != nil {
		return nil, err
	}
	out := s.Between(from, to)
	if out.Len() == 0 {
		return nil, &SymbolError{Source: d.source(), Symbol: symbol,
			Err: fmt.Errorf("%w: %s has data from %s to %s", ErrNoData, symbol,
				s.First().Format(time.DateOnly), s.Last().Format(time.DateOnly))}
	}
	return out, nil
}

// load returns the cached series of symbol, parsing its files the first
// time; concurrent callers for one symbol wait for a single parse.
func (d *Dir) load(ctx context.Context, symbol string) (*Series, error) {
	d.mu.Lock()
	e, ok := d.cache[symbol]
	if !ok {
		e = &dirEntry{ready: make(chan struct{})}
		d.cache[symbol] = e
	}
	d.mu.Unlock()
	if ok {
		select {
		case <-e.ready:
			return e.series, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	e.series, e.err = d.parse(ctx, symbol)
	if e.err != nil {
		d.mu.Lock()
		delete(d.cache, symbol)
		d.mu.Unlock()
	}
	close(e.ready)
	return e.series, e.err
}

// parse reads symbol's price file and its optional event files, reporting
// the problems of all of them together.
func (d *Dir) parse(ctx context.Context, symbol string) (*Series, error) {
	fail := func(err error) (*Series, error) {
		return nil, &SymbolError{Source: d.source(), Symbol: symbol, Err: err}
	}
	root, err := os.OpenRoot(d.path)
	if err != nil {
		return fail(err)
	}
	defer root.Close()
	s := d.newSeries(symbol)
	var errs []error
	read := func(name string, required bool, parse func(string, io.Reader) error) {
		if err := readFile(ctx, root, name, required, parse); err != nil {
			errs = append(errs, err)
		}
	}
	read(symbol+".csv", true, func(name string, r io.Reader) (err error) {
		s.Dates, s.Close, err = readPrices(name, r)
		return err
	})
	if len(errs) > 0 && errors.Is(errs[0], ErrUnknownSymbol) {
		return fail(errs[0])
	}
	var divs *dividendFile
	read(symbol+dividendSuffix+".csv", false, func(name string, r io.Reader) (err error) {
		divs, err = readDividends(name, r)
		return err
	})
	read(symbol+splitSuffix+".csv", false, func(name string, r io.Reader) (err error) {
		s.Splits, err = readSplits(name, r)
		return err
	})
	if divs != nil {
		s.Dividends = divs.dividends
		if err := checkDividends(divs, s.Dates, s.Close); err != nil {
			errs = append(errs, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return fail(errors.Join(errs...))
	}
	if s.Len() == 0 {
		return fail(fmt.Errorf("%w: %s.csv has no prices", ErrNoData, symbol))
	}
	if err := s.Validate(); err != nil {
		return fail(err)
	}
	return s, nil
}

// newSeries is an empty series of symbol with its currency and timezone:
// symbols.csv's, else the options'.
func (d *Dir) newSeries(symbol string) *Series {
	s := &Series{Symbol: symbol, Currency: d.opts.Currency, Timezone: d.opts.Timezone, SplitAdjusted: d.opts.SplitAdjusted}
	if m, ok := d.meta[symbol]; ok {
		if m.currency != "" {
			s.Currency = m.currency
		}
		if m.timezone != "" {
			s.Timezone = m.timezone
		}
	}
	return s
}

// readFile opens the regular file name in root and parses it. A missing
// file is nil when not required, and an error matching ErrUnknownSymbol
// when required.
func readFile(ctx context.Context, root *os.Root, name string, required bool, parse func(string, io.Reader) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f, err := openRegular(root, name)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !required:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%w: no file %s", ErrUnknownSymbol, name)
	case err != nil:
		return err
	}
	defer f.Close()
	return parse(name, f)
}

// FileError lists every problem found in one file.
type FileError struct {
	File     string
	Problems []FileProblem
}

// FileProblem is one bad value in a file.
type FileProblem struct {
	Line     int    // 1-based; 0 when the problem is about the whole file
	Column   string // as the header names it; "" when not about one column
	Value    string // the offending value as found
	Expected string // what was expected instead, e.g. "want a date YYYY-MM-DD"
}

func (p FileProblem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d", p.Line)
	}
	if p.Column != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "column %s", p.Column)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if p.Value != "" || p.Line > 0 {
		fmt.Fprintf(&b, "%q: ", p.Value)
	}
	b.WriteString(p.Expected)
	return b.String()
}

// maxListedProblems caps how many problems FileError.Error spells out.
const maxListedProblems = 50

func (e *FileError) Error() string { return problems.Message(e.File, e.Problems, maxListedProblems) }

// table is a CSV file being read: its header and the problems found so far.
type table struct {
	file   string
	header []string
	fe     FileError
	last   time.Time // maxDate(now), the last date a cell may hold
	lines  int       // an upper bound of the records, for preallocating
}

func (t *table) problem(line int, column, value, expected string) {
	t.fe.Problems = append(t.fe.Problems, FileProblem{Line: line, Column: column, Value: value, Expected: expected})
}

func (t *table) err() error {
	if len(t.fe.Problems) == 0 {
		return nil
	}
	sort.SliceStable(t.fe.Problems, func(i, j int) bool { return t.fe.Problems[i].Line < t.fe.Problems[j].Line })
	t.fe.File = t.file
	return &t.fe
}

// read reads a whole CSV file into t, calling row for each record after
// the header with its line number. columns are the header names wanted
// (each may list alternatives, "amount|dividends", and be optional, with a
// leading "?"); their indexes are passed to row, -1 for an absent optional
// one.
func (t *table) read(r io.Reader, columns []string, row func(line int, rec []string, idx []int)) {
	// The whole file is read at once, and its fields are substrings of
	// one string (see newRecords): a price file is tens of kilobytes, and
	// the series it becomes takes about as much.
	text, err := readAll(r)
	if err != nil {
		t.problem(0, "", "", "unreadable file: "+err.Error())
		return
	}
	t.lines = strings.Count(text, "\n") + 1
	recs := newRecords(text)
	header, _, err := recs.next()
	if err != nil {
		if err == io.EOF {
			t.problem(0, "", "", "the file is empty: want a header line with the columns "+strings.Join(columns, ","))
		} else {
			t.problem(0, "", "", "unreadable header: "+err.Error())
		}
		return
	}
	t.header = append([]string(nil), header...)
	idx := t.columns(columns)
	if len(t.fe.Problems) > 0 {
		return
	}
	for {
		rec, line, err := recs.next()
		if err == io.EOF {
			return
		}
		if err != nil {
			if !t.parseError(err) {
				return
			}
			continue
		}
		short := false
		for _, i := range idx {
			short = short || i >= len(rec)
		}
		if short {
			t.problem(line, "", strings.Join(rec, ","), fmt.Sprintf("want %d fields as in the header", len(t.header)))
			continue
		}
		row(line, rec, idx)
	}
}

// parseError records err, a record that encoding/csv could not read, and
// says whether reading may go on.
func (t *table) parseError(err error) bool {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		t.problem(0, "", "", err.Error())
		return false
	}
	t.problem(pe.Line, "", "", pe.Err.Error())
	// After a quote error the reader cannot find the next line reliably.
	return pe.Err != csv.ErrQuote && pe.Err != csv.ErrBareQuote
}

// columns finds the columns wanted (see read) in t.header, recording a
// problem for each required one missing, and returns their indexes.
func (t *table) columns(columns []string) []int {
	idx := make([]int, len(columns))
	for i, want := range columns {
		optional := strings.HasPrefix(want, "?")
		idx[i] = -1
		for j, h := range t.header {
			name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
			for _, alt := range strings.Split(strings.TrimPrefix(want, "?"), "|") {
				if name == alt && idx[i] < 0 {
					idx[i] = j
				}
			}
		}
		if idx[i] < 0 && !optional {
			t.problem(1, "", strings.Join(t.header, ","), "no "+strings.ReplaceAll(strings.TrimPrefix(want, "?"), "|", " or ")+" column in the header")
		}
	}
	return idx
}

// date parses the date cell rec[i], or records a problem.
func (t *table) date(line int, rec []string, i int) (time.Time, bool) {
	d, err := parseDay(strings.TrimSpace(rec[i]))
	if err != nil {
		t.problem(line, t.header[i], rec[i], "want a date YYYY-MM-DD")
		return time.Time{}, false
	}
	if t.last.IsZero() {
		t.last = maxDate(time.Now()) // once per file, not per row
	}
	if last := t.last; d.Before(minDate) || d.After(last) {
		t.problem(line, t.header[i], rec[i], fmt.Sprintf("want a date from %s to %s (a year from today)",
			minDate.Format(time.DateOnly), last.Format(time.DateOnly)))
		return time.Time{}, false
	}
	return d, true
}

// positive parses the number cell rec[i], which must be positive and
// finite, or records a problem.
func (t *table) positive(line int, rec []string, i int, what string) (float64, bool) {
	v, err := parseNumber(strings.TrimSpace(rec[i]))
	if err != nil || !(v > 0) || math.IsInf(v, 0) {
		t.problem(line, t.header[i], rec[i], "want "+what)
		return 0, false
	}
	return v, true
}

// readPrices reads a price file in the format documented on Dir,
// returning its dates in ascending order and their closes. Errors are a
// *FileError listing every problem.
func readPrices(name string, r io.Reader) (dates []time.Time, closes []float64, err error) {
	// A date is kept as its Unix seconds (t.date gives midnight UTC, which
	// time.Unix(sec, 0).UTC() gives back to the bit): a struct without a
	// pointer costs the collector nothing to allocate, scan or write.
	type price struct {
		sec   int64
		close float64
		line  int
	}
	var prices []price
	t := &table{file: name}
	t.read(r, []string{"date", "close"}, func(line int, rec []string, idx []int) {
		if prices == nil {
			prices = make([]price, 0, t.lines)
		}
		d, okDate := t.date(line, rec, idx[0])
		cell := strings.TrimSpace(rec[idx[1]])
		if cell == "" || strings.EqualFold(cell, "null") {
			return // no trade that day, as Yahoo writes it
		}
		c, okClose := t.positive(line, rec, idx[1], `a positive price, "null" or empty`)
		if okClose && (c < minClose || c > maxClose) {
			t.problem(line, t.header[idx[1]], rec[idx[1]], fmt.Sprintf(
				"want a price from %s to %s: this one is a typo or in the wrong unit", num(minClose), num(maxClose)))
			okClose = false
		}
		if okDate && okClose {
			prices = append(prices, price{d.Unix(), c, line})
		}
	})
	byDate := func(a, b price) int { return cmp.Compare(a.sec, b.sec) }
	if !slices.IsSortedFunc(prices, byDate) { // files are nearly always in order
		slices.SortStableFunc(prices, byDate)
	}
	for i := 1; i < len(prices); i++ {
		if prices[i].sec == prices[i-1].sec {
			t.problem(prices[i].line, t.header[0], time.Unix(prices[i].sec, 0).UTC().Format(time.DateOnly),
				fmt.Sprintf("want a date that is not already on line %d", prices[i-1].line))
		}
	}
	if err := t.err(); err != nil {
		return nil, nil, err
	}
	dates, closes = make([]time.Time, len(prices)), make([]float64, len(prices))
	for i, p := range prices {
		dates[i], closes[i] = time.Unix(p.sec, 0).UTC(), p.close
	}
	return dates, closes, nil
}
