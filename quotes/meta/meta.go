package meta

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// FileName is the metadata file's name beside a directory of prices (see
// the package comment and ReadDir).
const FileName = "symbols.csv"

// The known fields, as Get and Fields name them.
const (
	Symbol     = "symbol"
	Name       = "name"
	AssetClass = "asset_class"
	Sector     = "sector"
	Region     = "region"
	Country    = "country"
	Currency   = "currency"
	// Timezone is quotes.Dir's column in symbols.csv: not an attribute to
	// group by (see Groupable).
	Timezone = "timezone"
)

// Unclassified is the group of a symbol whose field is blank or that the
// file does not list.
const Unclassified = "Unclassified"

// Table is the metadata read from one file: each symbol's fields. The zero
// value is an empty table, which classifies nothing.
type Table struct {
	fields []string            // the header's fields but symbol, in file order
	rows   map[string][]string // symbol → values, one per fields
}

// Fields are the table's fields, symbol left out, in the file's column
// order.
func (t Table) Fields() []string { return slices.Clone(t.fields) }

// Groupable are the fields holdings can be grouped by: Fields without
// Name (a symbol's own), Currency (the allocation by currency takes it from
// the market data) and Timezone.
func (t Table) Groupable() []string {
	var out []string
	for _, f := range t.fields {
		if f != Name && f != Currency && f != Timezone {
			out = append(out, f)
		}
	}
	return out
}

// Symbols are the symbols the table lists, sorted.
func (t Table) Symbols() []string {
	out := make([]string, 0, len(t.rows))
	for s := range t.rows {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// Len is the number of symbols listed.
func (t Table) Len() int { return len(t.rows) }

// Has reports whether the table lists symbol.
func (t Table) Has(symbol string) bool {
	_, ok := t.rows[symbol]
	return ok
}

// Get is symbol's value of field (a name as Fields gives it, or a header
// name, normalised as the package comment says); "" when the table does not
// list the symbol, has no such field or the cell is blank.
func (t Table) Get(symbol, field string) string {
	i := slices.Index(t.fields, normalise(field))
	row, ok := t.rows[symbol]
	if i < 0 || !ok {
		return ""
	}
	return row[i]
}

// Group is symbol's value of field, or Unclassified when it is blank or
// the symbol not listed.
func (t Table) Group(symbol, field string) string {
	if v := t.Get(symbol, field); v != "" {
		return v
	}
	return Unclassified
}

// Title is a field as a heading: asset_class is "Asset class".
func Title(field string) string {
	s := strings.ReplaceAll(normalise(field), "_", " ")
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}

// normalise is a header name as a field: trimmed, lower case, a byte-order
// mark dropped, spaces and hyphens as underscores.
func normalise(h string) string {
	h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	return strings.Join(strings.FieldsFunc(h, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "_")
}

// ReadFile reads the metadata file at path (see Read).
func ReadFile(path string) (Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return Table{}, fmt.Errorf("meta: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

// ReadDir reads FileName in dir, a directory of prices. found is false,
// with no error, when there is no such file.
func ReadDir(dir string) (t Table, found bool, err error) {
	path := filepath.Join(dir, FileName)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return Table{}, false, nil
	}
	t, err = ReadFile(path)
	return t, err == nil, err
}
