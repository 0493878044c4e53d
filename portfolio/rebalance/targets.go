package rebalance

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// Cash is the symbol a target uses for the cash to keep.
const Cash = "CASH"

// Target is one symbol's target weight.
type Target struct {
	Symbol string
	// Weight is a fraction of the portfolio's total value (0.4 for 40%).
	Weight float64
	// Price is the symbol's price per share in the reporting currency, for
	// a symbol the portfolio has no market data for, neither traded nor in
	// Options.Series (0: use the market data's close on the last day). A
	// price given for a symbol with data replaces its close.
	Price float64
}

// Targets are target weights, one per symbol, in the order given.
type Targets []Target

// SumTolerance is how far from 1 (100%) the weights' sum may be: 0.01
// percentage points, as a fraction.
const SumTolerance = 0.0001

// TargetsError lists every problem of a targets file or value at once.
type TargetsError struct {
	Problems []txn.Problem
}

func (e *TargetsError) Error() string { return txn.ListProblems("the targets", e.Problems) }

// NewTargets makes targets from weights as fractions (0.4 for 40%), keyed
// by symbol ("CASH" for cash), in symbol order. See Targets.Check for the
// rules.
func NewTargets(weights map[string]float64) (Targets, error) {
	syms := make([]string, 0, len(weights))
	for s := range weights {
		syms = append(syms, s)
	}
	sort.Strings(syms)
	t := make(Targets, 0, len(syms))
	for _, s := range syms {
		t = append(t, Target{Symbol: s, Weight: weights[s]})
	}
	if err := t.Check(); err != nil {
		return nil, err
	}
	return t, nil
}

// Check reports every problem at once: a blank or repeated symbol, a
// weight that is not a finite fraction from 0 to 1, a price that is not a
// finite number above 0 (or one given for CASH), and weights that do not
// sum to 1 within SumTolerance (the error names the sum). Rows are
// numbered from 1 in the order of t.
func (t Targets) Check() error {
	at := make([]txn.Origin, len(t))
	for i := range at {
		at[i] = txn.Origin{Row: i + 1}
	}
	if ps := check(t, at, false); len(ps) > 0 {
		return &TargetsError{Problems: ps}
	}
	return nil
}

// check is every problem of t, whose rows came from at; percent says
// that the weights were written as percentages (for the sum's message).
func check(t Targets, at []txn.Origin, percent bool) []txn.Problem {
	var ps []txn.Problem
	seen := map[string]bool{}
	sum := 0.0
	for i, x := range t {
		switch {
		case strings.TrimSpace(x.Symbol) == "":
			ps = append(ps, txn.Problem{Origin: at[i], Column: "symbol", Expected: "a symbol, or CASH"})
		case seen[strings.ToUpper(x.Symbol)]:
			ps = append(ps, txn.Problem{Origin: at[i], Column: "symbol", Value: x.Symbol, Expected: "each symbol once: it is repeated"})
		}
		seen[strings.ToUpper(x.Symbol)] = true
		if !(x.Weight >= 0 && x.Weight <= 1) {
			ps = append(ps, txn.Problem{Origin: at[i], Column: "weight", Value: fmt.Sprint(x.Weight), Expected: "a fraction from 0 to 1 (0.4 for 40%)"})
		} else {
			sum += x.Weight
		}
		ps = append(ps, checkPrice(at[i], x.Symbol, x.Price, fmt.Sprint(x.Price))...)
	}
	if len(ps) > 0 || math.Abs(sum-1) <= SumTolerance {
		return ps
	}
	file := ""
	if len(at) > 0 {
		file = at[0].File
	}
	if percent {
		return []txn.Problem{{Origin: txn.Origin{File: file}, Column: "weight", Value: fmt.Sprintf("sum %v%%", round(sum*100)),
			Expected: "weights that sum to 100% within 0.01"}}
	}
	return []txn.Problem{{Column: "weight", Value: fmt.Sprintf("sum %v", round(sum)),
		Expected: fmt.Sprintf("weights that sum to 1 (100%%) within %v", SumTolerance)}}
}

// checkPrice is the problem with a target's price, if any.
func checkPrice(at txn.Origin, sym string, price float64, value string) []txn.Problem {
	switch {
	case price == 0:
		return nil
	case strings.EqualFold(sym, Cash):
		return []txn.Problem{{Origin: at, Column: "price", Value: value, Expected: "no price for CASH"}}
	case !(price > 0) || math.IsInf(price, 0):
		return []txn.Problem{{Origin: at, Column: "price", Value: value, Expected: "a price per share above 0, in the reporting currency (or blank)"}}
	}
	return nil
}

// ReadTargets reads a targets file (see ParseTargets).
func ReadTargets(path string) (Targets, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("rebalance: targets: %w", err)
	}
	defer f.Close()
	return ParseTargets(f, path)
}

// ParseTargets reads targets as CSV from r, named file in messages: a
// header `symbol,weight` (any case, any order), optionally a `price`
// column, then one row per symbol. Weights are percentages of the total
// value, with or without "%" (40 or 40% for 40%), and must sum to 100
// within 0.01; a blank weight is an error. "CASH" is the cash to keep;
// a symbol not listed has a target of 0. A price (per share, in the
// reporting currency) is needed only for a symbol the portfolio has no
// market data for (neither traded nor in Options.Series). Every problem is reported at once with its row,
// column and value.
func ParseTargets(r io.Reader, file string) (Targets, error) {
	rows, lines, err := readRecords(r)
	if err != nil {
		return nil, fmt.Errorf("rebalance: targets: %s: %w", file, err)
	}
	if len(rows) == 0 {
		return nil, &TargetsError{Problems: []txn.Problem{{Origin: txn.Origin{File: file}, Expected: "a header symbol,weight[,price] and a row per symbol: the file is empty"}}}
	}
	cols, ps := header(rows[0], txn.Origin{File: file, Row: lines[0]})
	if len(ps) > 0 {
		return nil, &TargetsError{Problems: ps}
	}
	t, at, ps := parseRows(rows[1:], lines[1:], cols, file)
	more := check(t, at, true)
	if len(ps) > 0 && len(more) > 0 && more[len(more)-1].Row == 0 {
		more = more[:len(more)-1] // the sum of weights some of which were unreadable
	}
	ps = append(ps, more...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Row > 0 && (ps[j].Row == 0 || ps[i].Row < ps[j].Row) })
	if len(ps) > 0 {
		return nil, &TargetsError{Problems: ps}
	}
	return t, nil
}

// readRecords is every CSV record of r with the line it starts on (blank
// lines are skipped, a quoted field may span lines).
func readRecords(r io.Reader) (rows [][]string, lines []int, err error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return rows, lines, nil
		}
		if err != nil {
			return nil, nil, err
		}
		line, _ := cr.FieldPos(0)
		rows, lines = append(rows, row), append(lines, line)
	}
}

// columns are the indexes of a targets file's columns; price is -1 when
// absent.
type columns struct{ symbol, weight, price int }

// header finds the columns, or says what is missing or unknown.
func header(row []string, at txn.Origin) (columns, []txn.Problem) {
	c := columns{-1, -1, -1}
	var ps []txn.Problem
	for i, h := range row {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		col := map[string]*int{"symbol": &c.symbol, "weight": &c.weight, "price": &c.price}[name]
		switch {
		case col == nil:
			ps = append(ps, txn.Problem{Origin: at, Column: h, Value: h, Expected: "a column symbol, weight or price"})
		case *col >= 0:
			ps = append(ps, txn.Problem{Origin: at, Column: h, Value: h, Expected: "each column once: " + name + " is column " +
				strconv.Itoa(*col+1) + " and " + strconv.Itoa(i+1)})
		default:
			*col = i
		}
	}
	for _, m := range []struct {
		name string
		i    int
	}{{"symbol", c.symbol}, {"weight", c.weight}} {
		if m.i < 0 {
			ps = append(ps, txn.Problem{Origin: at, Column: m.name, Expected: "a column " + m.name + " (header symbol,weight[,price])"})
		}
	}
	return c, ps
}

// parseRows reads each row's symbol, weight (percent) and price; lines
// are the rows' line numbers.
func parseRows(rows [][]string, lines []int, c columns, file string) (Targets, []txn.Origin, []txn.Problem) {
	ncols := max(c.symbol, c.weight, c.price) + 1
	var t Targets
	var at []txn.Origin
	var ps []txn.Problem
	for i, row := range rows {
		here := txn.Origin{File: file, Row: lines[i]}
		field := func(k int) string {
			if k < 0 || k >= len(row) {
				return ""
			}
			return strings.TrimSpace(row[k])
		}
		if strings.Join(row, "") == "" {
			continue // a blank line
		}
		if len(row) > ncols && strings.Join(row[ncols:], "") != "" {
			ps = append(ps, txn.Problem{Origin: here, Column: fmt.Sprintf("field %d", ncols+1), Value: row[ncols],
				Expected: fmt.Sprintf("at most %d fields, as the header has (a price needs a price column)", ncols)})
		}
		x := Target{Symbol: field(c.symbol)}
		w := field(c.weight)
		pct, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(w, "%")), 64)
		if err != nil || !(pct >= 0 && pct <= 100) {
			ps = append(ps, txn.Problem{Origin: here, Column: "weight", Value: w, Expected: "a percentage from 0 to 100 (40 or 40% for 40%)"})
		} else {
			x.Weight = pct / 100
		}
		if p := field(c.price); p != "" {
			price, err := strconv.ParseFloat(p, 64)
			if err != nil {
				price = math.NaN()
			}
			if bad := checkPrice(here, x.Symbol, price, p); len(bad) > 0 {
				ps = append(ps, bad...)
			} else {
				x.Price = price
			}
		}
		t = append(t, x)
		at = append(at, here)
	}
	if len(t) == 0 {
		ps = append(ps, txn.Problem{Origin: txn.Origin{File: file}, Expected: "a row per symbol after the header: there is none"})
	}
	return t, at, ps
}

// round is x to 6 significant digits, for a message.
func round(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 6, 64), 64)
	return v
}
