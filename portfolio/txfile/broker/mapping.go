package broker

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// Mapping reads any CSV: which header is each field, how dates and
// numbers are written, and the words used for each kind. It is read from
// JSON (ReadMapping); README "Column mapping" has a worked example.
//
//	{
//	  "columns": {"date": "Trade date", "kind": "Type", "symbol": "ISIN",
//	              "quantity": "Units", "price": "Price", "commission": "Fee",
//	              "amount": "Value", "currency": "Ccy", "account": "Depot",
//	              "note": "Comment"},
//	  "date_format": "DD.MM.YYYY",
//	  "decimal": ",", "thousands": ".",
//	  "kinds": {"BUY": ["Kauf"], "SELL": ["Verkauf"], "DIVIDEND": ["Dividende"]},
//	  "currency": "EUR"
//	}
//
// date and kind are required; the other fields are optional. Signs are
// ignored: the kind gives the direction ("Verkauf -10" sells 10). A kind
// not listed in "kinds" is matched by gofolio's own name (BUY, SELL …).
type Mapping struct {
	Columns    map[string]string   `json:"columns"`
	DateFormat string              `json:"date_format"` // YYYY, YY, MM, DD and separators; default YYYY-MM-DD
	Decimal    string              `json:"decimal"`     // "." (default) or ","
	Thousands  string              `json:"thousands"`   // "," (default), ".", " ", "'" or "" for none
	Kinds      map[string][]string `json:"kinds"`       // gofolio kind -> the file's words
	Currency   string              `json:"currency"`    // for rows without a currency column
	Name       string              `json:"-"`           // the mapping file, for messages

	layout string // DateFormat as a Go layout
	words  map[string]txn.Kind
}

// mappingFields are the fields a mapping may name.
var mappingFields = []string{"date", "kind", "symbol", "quantity", "price", "commission", "amount", "currency", "account", "note"}

// ReadMapping reads and checks a mapping file (JSON); every problem is
// reported together.
func ReadMapping(path string) (*Mapping, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("broker: mapping: %w", err)
	}
	return ParseMapping(bytes.NewReader(data), path)
}

// ParseMapping reads a mapping from JSON; name is for messages.
func ParseMapping(r io.Reader, name string) (*Mapping, error) {
	var m Mapping
	dec := json.NewDecoder(io.LimitReader(r, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, &txn.ValidationError{Problems: []txn.Problem{{Origin: txn.Origin{File: name}, Expected: "a JSON column mapping (see README, \"Column mapping\"): " + err.Error()}}}
	}
	m.Name = name
	if probs := m.check(); len(probs) > 0 {
		return nil, &txn.ValidationError{Problems: probs}
	}
	return &m, nil
}

// check validates the mapping itself and prepares it.
func (m *Mapping) check() []txn.Problem {
	var probs []txn.Problem
	bad := func(column, value, expected string) {
		probs = append(probs, txn.Problem{Origin: txn.Origin{File: m.Name}, Column: column, Value: value, Expected: expected})
	}
	for f := range m.Columns {
		if !contains(mappingFields, f) {
			bad("columns", f, "a field gofolio knows: "+strings.Join(mappingFields, ", "))
		}
	}
	for _, f := range []string{"date", "kind"} {
		if m.Columns[f] == "" {
			bad("columns", "", "a header for the required field "+f)
		}
	}
	if m.Decimal == "" {
		m.Decimal = "."
	}
	if m.Decimal != "." && m.Decimal != "," {
		bad("decimal", m.Decimal, `"." or ","`)
	}
	if m.Thousands == "" && m.Decimal == "." {
		m.Thousands = ","
	}
	if m.Thousands == m.Decimal || len([]rune(m.Thousands)) > 1 {
		bad("thousands", m.Thousands, `one character other than the decimal separator ("," "." " " "'"), or none`)
	}
	m.layout = goDateLayout(m.DateFormat)
	if m.layout == "" {
		bad("date_format", m.DateFormat, "a date format with YYYY (or YY), MM and DD, such as DD.MM.YYYY")
	}
	m.words = map[string]txn.Kind{}
	for _, k := range txn.Kinds() {
		m.words[strings.ToLower(k.String())] = k
	}
	for name, words := range m.Kinds {
		k, ok := txn.ParseKind(name)
		if !ok {
			bad("kinds", name, txn.ExpectKind)
			continue
		}
		for _, w := range words {
			m.words[strings.ToLower(trim(w))] = k
		}
	}
	return probs
}

// goDateLayout turns DD.MM.YYYY into Go's 02.01.2006 ("" when a part is
// missing).
func goDateLayout(f string) string {
	if f == "" {
		f = "YYYY-MM-DD"
	}
	l := strings.NewReplacer("YYYY", "2006", "YY", "06", "MM", "01", "DD", "02").Replace(f)
	if !(strings.Contains(l, "2006") || strings.Contains(l, "06")) || !strings.Contains(l, "01") || !strings.Contains(l, "02") {
		return ""
	}
	return l
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// readMapped reads recs through m: the header is the first non-blank
// record; every header the mapping names must be there, which is checked
// before any row is read.
func readMapped(p *parser, m *Mapping, recs []record) {
	head := -1
	for i, rec := range recs {
		if len(headerSet(rec.cells)) > 0 {
			head = i
			break
		}
	}
	if head < 0 {
		p.problem(0, "", "", "", "a header row: the file is empty")
		return
	}
	p.layout = &Layout{Name: "mapped CSV (" + m.Name + ")"}
	t := newTable(recs, head)
	var missing []string
	for _, f := range mappingFields {
		if h := m.Columns[f]; h != "" {
			if _, ok := t.col[strings.ToLower(trim(h))]; !ok {
				missing = append(missing, fmt.Sprintf("%s (for %s)", txn.QuoteValue(h), f))
			}
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		p.problem(recs[head].line, "", "", strings.Join(recs[head].cells, ","),
			"the headers "+m.Name+" names: missing "+strings.Join(missing, ", "))
		return
	}
	for _, rec := range recs[head+1:] {
		if len(headerSet(rec.cells)) == 0 {
			continue
		}
		r := t.row(p, rec)
		r.action = r.col(m, "kind")
		if r.complete() {
			mappedRow(r, m)
		}
	}
}

// col is the cell of a mapped field ("" when unmapped).
func (r *row) col(m *Mapping, f string) string {
	if h := m.Columns[f]; h != "" {
		return r.get(h)
	}
	return ""
}

// mappedNum reads a mapped field's number as an absolute value.
func (r *row) mappedNum(m *Mapping, f string) float64 {
	s := r.col(m, f)
	th := rune(0)
	if m.Thousands != "" {
		th = []rune(m.Thousands)[0]
	}
	v, _, exp := parseAmount(s, rune(m.Decimal[0]), th)
	if exp != "" {
		r.problem(m.Columns[f], s, exp)
	}
	return math.Abs(v)
}

func mappedRow(r *row, m *Mapping) {
	k, ok := m.words[strings.ToLower(r.action)]
	if !ok {
		r.problem(m.Columns["kind"], r.action, "a word the mapping lists under \"kinds\", or one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT")
		return
	}
	ds := r.col(m, "date")
	date, exp := parseDate(ds, m.layout, m.DateFormat, len(ds) > len(m.layout))
	if exp != "" {
		r.problem(m.Columns["date"], ds, exp)
		return
	}
	t := txn.Transaction{Date: date, Kind: k, Symbol: r.col(m, "symbol"), Currency: r.col(m, "currency"), Account: r.col(m, "account"), Note: r.col(m, "note")}
	if t.Currency == "" {
		t.Currency = m.Currency
	}
	t.Quantity, t.Price = r.mappedNum(m, "quantity"), r.mappedNum(m, "price")
	t.Commission, t.Amount = r.mappedNum(m, "commission"), r.mappedNum(m, "amount")
	switch {
	case k.IsTrade() || k == txn.Split:
		t.Amount = 0
		if t.Symbol == "" || t.Quantity == 0 {
			r.problem(m.Columns["quantity"], r.col(m, "quantity"), "a symbol and a quantity other than 0 for "+k.String())
			return
		}
		if k == txn.Split && t.Price == 0 {
			r.problem(m.Columns["price"], r.col(m, "price"), "a SPLIT's shares before it in the price column")
			return
		}
	case t.Amount == 0:
		r.problem(m.Columns["amount"], r.col(m, "amount"), txn.ExpectAmount)
		return
	default:
		t.Quantity, t.Price, t.Commission = 0, 0, 0
		if k.IsExternal() || k == txn.Interest {
			t.Symbol = "" // a cash flow of the account, whatever the column says
		}
	}
	r.p.add(r.line, r.action, t, "")
}
