package portfolio

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gofolio/gofolio/internal/suggest"
)

// Messages for the per-kind rules; tests assert them.
const (
	readExpectKind          = "one of BUY, SELL, DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, SPLIT"
	readExpectKindOrCash    = "a kind (" + readExpectKind + "), or a cash amount with no symbol for a deposit or withdrawal"
	readExpectSymbol        = "a symbol: %s rows need one"
	readExpectNoSymbol      = "no symbol: %s rows are cash only"
	readExpectShares        = "a number of shares greater than 0 (the kind gives the direction)"
	readExpectPrice         = "a price greater than 0, or blank for that day's close"
	readExpectCommission    = "a commission of 0 or more"
	readExpectAmount        = "an amount greater than 0 (the kind gives the direction)"
	readExpectUnused        = "blank: %s rows do not use %s"
	readExpectRatio         = "a split ratio such as 4:1 (text: a spreadsheet reads 4:1 typed in a cell as a time of day)"
	readExpectRatioOrQtyPx  = "a split ratio: a ratio column such as 4:1, or the quantity column for the new shares and price for the old (4 and 1 for 4:1)"
	readExpectRatioNotBoth  = "either a ratio or quantity and price, not both"
	readExpectSplitShares   = "for a SPLIT, the shares after it in quantity and those before in price, both greater than 0 (2 and 1 for 2:1), or a ratio column such as 2:1"
	readExpectSplitCurrency = "blank: a split has no currency"
)

// readKindNames are the kinds as a file writes them, for suggestions.
var readKindNames = strings.Split("BUY SELL DEPOSIT WITHDRAWAL DIVIDEND FEE INTEREST TAX SPLIT", " ")

// readRow validates one data row by the rules in ReadCSV's documentation.
type readRow struct {
	b     *readBuilder
	row   int
	cells []readCell
	ok    bool
}

func (r *readRow) cell(f readField) readCell { return r.b.cell(r.cells, f) }

// problem reports the row's cell for field f. A field the file has no
// column for is named by its own name, and the message says the column is
// missing, so that the fix (add the column) is plain.
func (r *readRow) problem(f readField, c readCell, expected string) {
	r.ok = false
	column := r.b.cols.header[f]
	if r.b.cols.index[f] < 0 {
		column = readFieldNames[f]
		expected += fmt.Sprintf(" (the file has no %s column)", readFieldNames[f])
	}
	r.b.problem(r.row, column, c.text, expected)
}

func (r *readRow) number(f readField) (v float64, blank bool, ok bool) {
	c := r.cell(f)
	v, blank, expected := readNumber(c)
	if expected != "" {
		r.problem(f, c, expected)
		return 0, false, false
	}
	return v, blank, true
}

// positive reads a number that must be > 0; a blank is reported with
// expected too, unless blankOK.
func (r *readRow) positive(f readField, expected string, blankOK bool) float64 {
	v, blank, ok := r.number(f)
	switch {
	case !ok:
	case blank && blankOK:
	case blank || v <= 0:
		r.problem(f, r.cell(f), expected)
	}
	return v
}

// unused checks that a column the kind does not use is blank or 0.
func (r *readRow) unused(k Kind, f readField) {
	c := r.cell(f)
	if v, blank, expected := readNumber(c); blank || (expected == "" && v == 0) {
		return
	}
	if f == readRatioField {
		if s, _ := readText(c); s == "" {
			return
		}
	}
	r.problem(f, c, fmt.Sprintf(readExpectUnused, k, readFieldNames[f]))
}

func (r *readRow) transaction() (Transaction, bool) {
	r.ok = true
	tx := Transaction{Origin: r.b.origin(r.row)}

	dateCell := r.cell(readDateField)
	d, blank, expected := readDate(dateCell, r.b.date1904)
	if blank {
		expected = readExpectDate
	}
	if expected != "" {
		r.problem(readDateField, dateCell, expected)
	}
	tx.Date = d

	symCell := r.cell(readSymbolField)
	sym, expected := readSymbol(symCell)
	if expected != "" {
		r.problem(readSymbolField, symCell, expected)
	}
	tx.Symbol = sym

	noteCell := r.cell(readNoteField)
	note, expected := readNote(noteCell)
	if expected != "" {
		r.problem(readNoteField, noteCell, expected)
	}
	tx.Note = note

	kindCell := r.cell(readKindField)
	kindText, expected := readText(kindCell)
	if expected != "" {
		r.problem(readKindField, kindCell, expected)
		return tx, false
	}
	if kindText == "" {
		// The original notebook's layout: a cash amount without kind or
		// symbol is a deposit, or a withdrawal when negative.
		amount, blank, expected := readNumber(r.cell(readAmountField))
		if sym != "" || blank || expected != "" || amount == 0 {
			r.problem(readKindField, kindCell, readExpectKindOrCash)
			return tx, false
		}
		tx.Kind, tx.Amount = Deposit, amount
		if amount < 0 {
			tx.Kind, tx.Amount = Withdrawal, -amount
		}
		for _, f := range []readField{readQuantityField, readPriceField, readCommissionField, readRatioField} {
			r.unused(tx.Kind, f)
		}
		tx.Currency = r.currency()
		return tx, r.ok
	}
	k, known := ParseKind(kindText)
	if !known {
		expected := readExpectKind
		if near, ok := suggest.Nearest(kindText, readKindNames, 3); ok {
			expected += fmt.Sprintf(" (did you mean %s?)", near)
		}
		r.problem(readKindField, kindCell, expected)
		return tx, false
	}
	tx.Kind = k

	switch k {
	case Buy, Sell:
		r.needSymbol(k, sym)
		tx.Quantity = r.positive(readQuantityField, readExpectShares, false)
		tx.Price = r.positive(readPriceField, readExpectPrice, true)
		if v, _, ok := r.number(readCommissionField); ok {
			if v < 0 {
				r.problem(readCommissionField, r.cell(readCommissionField), readExpectCommission)
			}
			tx.Commission = v
		}
		r.unused(k, readAmountField)
		r.unused(k, readRatioField)
		tx.Currency = r.currency()
	case Split:
		r.needSymbol(k, sym)
		tx.Quantity, tx.Price = r.splitRatio()
		r.unused(k, readCommissionField)
		r.unused(k, readAmountField)
		if c := r.cell(readCurrencyField); readTrim(c.text) != "" {
			r.problem(readCurrencyField, c, readExpectSplitCurrency)
		}
	default: // the cash kinds
		switch k {
		case Dividend:
			r.needSymbol(k, sym)
		case Deposit, Withdrawal, Interest:
			if sym != "" {
				r.problem(readSymbolField, symCell, fmt.Sprintf(readExpectNoSymbol, k))
			}
		}
		tx.Amount = r.positive(readAmountField, readExpectAmount, false)
		for _, f := range []readField{readQuantityField, readPriceField, readCommissionField, readRatioField} {
			r.unused(k, f)
		}
		tx.Currency = r.currency()
	}
	return tx, r.ok
}

func (r *readRow) needSymbol(k Kind, sym string) {
	if c := r.cell(readSymbolField); sym == "" && readTrim(c.text) == "" {
		r.problem(readSymbolField, c, fmt.Sprintf(readExpectSymbol, k))
	}
}

func (r *readRow) currency() string {
	c := r.cell(readCurrencyField)
	cur, expected := readCurrency(c)
	if expected != "" {
		r.problem(readCurrencyField, c, expected)
	}
	return cur
}

// splitRatio reads a SPLIT's ratio as (new shares, old shares).
func (r *readRow) splitRatio() (numerator, denominator float64) {
	ratio := r.cell(readRatioField)
	_, qBlank, _ := readNumber(r.cell(readQuantityField))
	_, pBlank, _ := readNumber(r.cell(readPriceField))
	if readTrim(ratio.text) == "" && !ratio.errorValue && !ratio.formulaNoValue {
		if qBlank && pBlank {
			// Name the column the user is most likely to fill in.
			f := readQuantityField
			if r.b.cols.index[f] < 0 && r.b.cols.index[readRatioField] >= 0 {
				f = readRatioField
			}
			r.problem(f, r.cell(f), readExpectRatioOrQtyPx)
			return 0, 0
		}
		return r.positive(readQuantityField, readExpectSplitShares, false), r.positive(readPriceField, readExpectSplitShares, false)
	}
	if !qBlank || !pBlank {
		r.problem(readRatioField, ratio, readExpectRatioNotBoth)
		return 0, 0
	}
	if p := readCellProblem(ratio); p != "" {
		r.problem(readRatioField, ratio, p)
		return 0, 0
	}
	if ratio.numeric || ratio.boolean {
		r.problem(readRatioField, ratio, readExpectRatio)
		return 0, 0
	}
	newPart, oldPart, found := strings.Cut(readTrim(ratio.text), ":")
	n, err1 := strconv.ParseFloat(readTrim(newPart), 64)
	d, err2 := strconv.ParseFloat(readTrim(oldPart), 64)
	if !found || err1 != nil || err2 != nil || !readPlainNumber.MatchString(readTrim(newPart)) ||
		!readPlainNumber.MatchString(readTrim(oldPart)) || n <= 0 || d <= 0 || n > readMaxNumber || d > readMaxNumber {
		r.problem(readRatioField, ratio, readExpectRatio)
		return 0, 0
	}
	return n, d
}
