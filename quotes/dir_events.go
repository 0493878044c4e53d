package quotes

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// dividendFile is a parsed SYMBOL.dividends.csv: the dividends by date,
// with the line, cell and column name each came from, for the checks that
// need the closes too (checkDividends).
type dividendFile struct {
	name      string
	column    string // the amount column as the header names it
	dividends []Dividend
	lines     []int
	cells     []string
}

// readDividends reads SYMBOL.dividends.csv: date and amount per share, one
// row per date (two rows for one date would both be paid).
func readDividends(name string, r io.Reader) (*dividendFile, error) {
	type row struct {
		d    Dividend
		line int
		cell string
	}
	var rows []row
	t := &table{file: name}
	t.read(r, []string{"date", "amount|dividends|dividend"}, func(line int, rec []string, idx []int) {
		d, okDate := t.date(line, rec, idx[0])
		a, okAmount := t.positive(line, rec, idx[1], "a positive amount per share")
		if okAmount && a > maxClose {
			t.problem(line, t.header[idx[1]], rec[idx[1]], "want an amount per share of at most "+num(maxClose))
			okAmount = false
		}
		if okDate && okAmount {
			rows = append(rows, row{Dividend{Date: d, Amount: a}, line, rec[idx[1]]})
		}
	})
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].d.Date.Before(rows[j].d.Date) })
	for i := 1; i < len(rows); i++ {
		if rows[i].d.Date.Equal(rows[i-1].d.Date) {
			t.problem(rows[i].line, t.header[0], rows[i].d.Date.Format(time.DateOnly), fmt.Sprintf(
				"want a date that is not already on line %d (one row per dividend date: add the amounts up)", rows[i-1].line))
		}
	}
	if err := t.err(); err != nil {
		return nil, err
	}
	f := &dividendFile{name: name, column: "amount"}
	if len(t.header) > 0 {
		f.column = t.header[columnIndex(t.header, "amount", "dividends", "dividend")]
	}
	for _, r := range rows {
		f.dividends = append(f.dividends, r.d)
		f.lines = append(f.lines, r.line)
		f.cells = append(f.cells, r.cell)
	}
	return f, nil
}

// columnIndex is the index of the first header cell named one of names
// (matched as table.read matches them), or 0.
func columnIndex(header []string, names ...string) int {
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if slices.Contains(names, h) {
			return i
		}
	}
	return 0
}

// readSplits reads SYMBOL.splits.csv: date and either a ratio column
// ("4:1", "4/1", or "4" for 4:1) or numerator and denominator columns.
func readSplits(name string, r io.Reader) ([]Split, error) {
	var out []Split
	var lines []int
	t := &table{file: name}
	reported := false // the missing-columns problem, reported once
	columns := []string{"date", "?ratio|stock splits|split", "?numerator", "?denominator"}
	t.read(r, columns, func(line int, rec []string, idx []int) {
		d, ok := t.date(line, rec, idx[0])
		sp := Split{Date: d, Denominator: 1}
		switch {
		case idx[1] >= 0:
			num, den, found := strings.Cut(strings.TrimSpace(rec[idx[1]]), ":")
			if !found {
				num, den, found = strings.Cut(num, "/")
			}
			var okNum, okDen = true, true
			sp.Numerator, okNum = positiveString(num)
			if found {
				sp.Denominator, okDen = positiveString(den)
			}
			if !okNum || !okDen {
				t.problem(line, t.header[idx[1]], rec[idx[1]], `want a split ratio such as "4:1"`)
				ok = false
			}
		case idx[2] >= 0 && idx[3] >= 0:
			var okNum, okDen bool
			sp.Numerator, okNum = t.positive(line, rec, idx[2], "a positive number of new shares")
			sp.Denominator, okDen = t.positive(line, rec, idx[3], "a positive number of old shares")
			ok = ok && okNum && okDen
		default:
			if !reported {
				t.problem(1, "", strings.Join(t.header, ","), "no ratio column, nor numerator and denominator columns, in the header")
				reported = true
			}
			ok = false
		}
		if ok {
			out = append(out, sp)
			lines = append(lines, line)
		}
	})
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return out[order[i]].Date.Before(out[order[j]].Date) })
	sorted := make([]Split, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	checkSplitRatios(t, sorted, func(i int) int { return lines[order[i]] })
	if err := t.err(); err != nil {
		return nil, err
	}
	return sorted, nil
}

func positiveString(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v, err == nil && v > 0 && !math.IsInf(v, 0)
}

// checkDividends reports, as a *FileError of the dividends file, each
// dividend larger than the close of the last trading day before its date:
// the holder's whole share price paid out in one day is a typo (an amount
// in cents, a total instead of a per-share amount), not a dividend. A
// dividend with no close before it is not checked. Closes and dividends are
// on the same basis, both split-adjusted or both as traded.
func checkDividends(f *dividendFile, dates []time.Time, closes []float64) error {
	t := &table{file: f.name}
	prices := &Series{Dates: dates, Close: closes}
	for i, d := range f.dividends {
		j := prices.Search(d.Date.AddDate(0, 0, -1))
		if j < 0 || d.Amount <= closes[j] {
			continue
		}
		t.problem(f.lines[i], f.column, f.cells[i], fmt.Sprintf(
			"want at most the close before it (%s on %s): a dividend above 100%% of the price is an error",
			num(closes[j]), dates[j].Format(time.DateOnly)))
	}
	return t.err()
}

// checkSplitRatios records a problem at each split whose ratio is outside
// minSplitRatio..maxSplitRatio, and at the split (in date order) where the
// product of the ratios so far, or of their inverses, passes
// maxSplitProduct: beyond those, the quantities and closes the engine
// multiplies by them lose all meaning, or become Inf and NaN.
func checkSplitRatios(t *table, splits []Split, line func(i int) int) {
	product := 1.0
	for i, sp := range splits {
		r := sp.Ratio()
		ratio := num(sp.Numerator) + ":" + num(sp.Denominator)
		if !(r >= minSplitRatio && r <= maxSplitRatio) {
			t.problem(line(i), "", ratio, fmt.Sprintf("want a split ratio from 1:%s to %s:1", num(1/minSplitRatio), num(maxSplitRatio)))
			continue
		}
		product *= r
		if product > maxSplitProduct || product < 1/maxSplitProduct {
			t.problem(line(i), "", ratio, fmt.Sprintf(
				"the splits up to this one multiply the shares by %s: want a product of the ratios from 1:%s to %s:1",
				num(product), num(maxSplitProduct), num(maxSplitProduct)))
			return
		}
	}
}
