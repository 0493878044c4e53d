package txfile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gofolio/gofolio/internal/suggest"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// Messages for the per-kind rules; tests assert them.
const (
	expectKind          = txn.ExpectKind
	expectKindOrCash    = "a kind (" + expectKind + "), or a cash amount with no symbol for a deposit or withdrawal"
	expectSymbol        = "a symbol: %s rows need one"
	expectNoSymbol      = "no symbol: %s rows are cash only"
	expectShares        = txn.ExpectShares
	expectPrice         = "a price greater than 0, or blank for that day's close"
	expectCommission    = txn.ExpectCommission
	expectAmount        = txn.ExpectAmount
	expectUnused        = "blank: %s rows do not use %s"
	expectRatio         = "a split ratio such as 4:1 (text: a spreadsheet reads 4:1 typed in a cell as a time of day)"
	expectRatioOrQtyPx  = "a split ratio: a ratio column such as 4:1, or the quantity column for the new shares and price for the old (4 and 1 for 4:1)"
	expectRatioNotBoth  = "either a ratio or quantity and price, not both"
	expectSplitShares   = "for a SPLIT, the shares after it in quantity and those before in price, both greater than 0 (2 and 1 for 2:1), or a ratio column such as 2:1"
	expectSplitCurrency = "blank: a split has no currency"
)

// kindNames are the kinds as a file writes them, for suggestions.
var kindNames = strings.Split("BUY SELL DEPOSIT WITHDRAWAL DIVIDEND FEE INTEREST TAX SPLIT", " ")

// dataRow validates one data row by the rules in ReadCSV's documentation.
type dataRow struct {
	b     *builder
	row   int
	cells []cell
	ok    bool
}

func (r *dataRow) cell(f field) cell { return r.b.cell(r.cells, f) }

// problem reports the row's cell for field f. A field the file has no
// column for is named by its own name, and the message says the column is
// missing, so that the fix (add the column) is plain.
func (r *dataRow) problem(f field, c cell, expected string) {
	r.ok = false
	column := r.b.cols.header[f]
	if r.b.cols.index[f] < 0 {
		column = fieldNames[f]
		expected += fmt.Sprintf(" (the file has no %s column)", fieldNames[f])
	}
	r.b.problem(r.row, column, c.text, expected)
}

func (r *dataRow) number(f field) (v float64, blank bool, ok bool) {
	c := r.cell(f)
	v, blank, expected := parseNumber(c)
	if expected != "" {
		r.problem(f, c, expected)
		return 0, false, false
	}
	return v, blank, true
}

// positive reads a number that must be > 0; a blank is reported with
// expected too, unless blankOK.
func (r *dataRow) positive(f field, expected string, blankOK bool) float64 {
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
func (r *dataRow) unused(k txn.Kind, f field) {
	c := r.cell(f)
	if v, blank, expected := parseNumber(c); blank || (expected == "" && v == 0) {
		return
	}
	if f == ratioField {
		if s, _ := parseText(c); s == "" {
			return
		}
	}
	r.problem(f, c, fmt.Sprintf(expectUnused, k, fieldNames[f]))
}

func (r *dataRow) transaction() (txn.Transaction, bool) {
	r.ok = true
	tx := txn.Transaction{Origin: r.b.origin(r.row)}
	dateCell := r.cell(dateField)
	d, blank, expected := parseDate(dateCell, r.b.date1904)
	if blank {
		expected = expectDate
	}
	if expected != "" {
		r.problem(dateField, dateCell, expected)
	}
	tx.Date = d
	tx.Symbol, _ = r.text(symbolField, parseSymbol)
	tx.Note, _ = r.text(noteField, parseNote)
	tx.Account, _ = r.text(accountField, parseText)
	kindText, ok := r.text(kindField, parseText)
	if !ok {
		return tx, false
	}
	if kindText == "" {
		return r.notebookCash(tx)
	}
	k, known := txn.ParseKind(kindText)
	if !known {
		expected := expectKind
		if near, ok := suggest.Nearest(kindText, kindNames, 3); ok {
			expected += fmt.Sprintf(" (did you mean %s?)", near)
		}
		r.problem(kindField, r.cell(kindField), expected)
		return tx, false
	}
	tx.Kind = k
	r.kindColumns(&tx)
	return tx, r.ok
}

// text reads field f's cell with parse, reporting what parse expected; it
// returns the text and whether it was read.
func (r *dataRow) text(f field, parse func(cell) (string, string)) (string, bool) {
	c := r.cell(f)
	s, expected := parse(c)
	if expected != "" {
		r.problem(f, c, expected)
		return s, false
	}
	return s, true
}

// notebookCash reads a row without a kind in the original notebook's
// layout: a cash amount without kind or symbol is a deposit, or a
// withdrawal when negative.
func (r *dataRow) notebookCash(tx txn.Transaction) (txn.Transaction, bool) {
	amount, blank, expected := parseNumber(r.cell(amountField))
	if tx.Symbol != "" || blank || expected != "" || amount == 0 {
		r.problem(kindField, r.cell(kindField), expectKindOrCash)
		return tx, false
	}
	tx.Kind, tx.Amount = txn.Deposit, amount
	if amount < 0 {
		tx.Kind, tx.Amount = txn.Withdrawal, -amount
	}
	for _, f := range []field{quantityField, priceField, commissionField, ratioField} {
		r.unused(tx.Kind, f)
	}
	tx.Currency = r.currency()
	return tx, r.ok
}

// kindColumns reads the columns tx.Kind uses and reports the ones it
// does not.
func (r *dataRow) kindColumns(tx *txn.Transaction) {
	k := tx.Kind
	if !k.IsTrade() {
		r.noLot(k)
	}
	if !k.IsCorporateAction() {
		if !k.IsTransfer() {
			r.unusedText(k, toField)
		}
		r.unused(k, fractionField)
	}
	switch {
	case k == txn.Buy || k == txn.Sell:
		r.trade(tx)
	case k == txn.Split:
		r.needSymbol(k, tx.Symbol)
		tx.Quantity, tx.Price = r.splitRatio()
		r.unused(k, commissionField)
		r.unused(k, amountField)
		if c := r.cell(currencyField); trim(c.text) != "" {
			r.problem(currencyField, c, expectSplitCurrency)
		}
	case k.IsCorporateAction():
		r.action(k, tx)
	case k.IsTransfer():
		r.transfer(tx)
	default:
		r.cash(tx)
	}
}

// trade reads a BUY or SELL row's columns.
func (r *dataRow) trade(tx *txn.Transaction) {
	k := tx.Kind
	r.needSymbol(k, tx.Symbol)
	tx.Quantity = r.positive(quantityField, expectShares, false)
	tx.Price = r.positive(priceField, expectPrice, true)
	if v, _, ok := r.number(commissionField); ok {
		if v < 0 {
			r.problem(commissionField, r.cell(commissionField), expectCommission)
		}
		tx.Commission = v
	}
	r.unused(k, amountField)
	r.unused(k, ratioField)
	tx.Currency = r.currency()
	if k == txn.Sell {
		tx.Lot = r.lot()
	} else {
		r.noLot(k)
	}
}

// cash reads the row of a cash kind: DEPOSIT, WITHDRAWAL, DIVIDEND, FEE,
// INTEREST or TAX.
func (r *dataRow) cash(tx *txn.Transaction) {
	k := tx.Kind
	switch k {
	case txn.Dividend:
		r.needSymbol(k, tx.Symbol)
	case txn.Deposit, txn.Withdrawal, txn.Interest:
		if tx.Symbol != "" {
			r.problem(symbolField, r.cell(symbolField), fmt.Sprintf(expectNoSymbol, k))
		}
	}
	tx.Amount = r.positive(amountField, expectAmount, false)
	for _, f := range []field{quantityField, priceField, commissionField, ratioField} {
		r.unused(k, f)
	}
	tx.Currency = r.currency()
}

func (r *dataRow) needSymbol(k txn.Kind, sym string) {
	if c := r.cell(symbolField); sym == "" && trim(c.text) == "" {
		r.problem(symbolField, c, fmt.Sprintf(expectSymbol, k))
	}
}

func (r *dataRow) currency() string {
	c := r.cell(currencyField)
	cur, expected := parseCurrency(c)
	if expected != "" {
		r.problem(currencyField, c, expected)
	}
	return cur
}

// splitRatio reads a SPLIT's ratio as (new shares, old shares).
func (r *dataRow) splitRatio() (numerator, denominator float64) {
	ratio := r.cell(ratioField)
	_, qBlank, _ := parseNumber(r.cell(quantityField))
	_, pBlank, _ := parseNumber(r.cell(priceField))
	if trim(ratio.text) == "" && !ratio.errorValue && !ratio.formulaNoValue {
		if qBlank && pBlank {
			// Name the column the user is most likely to fill in.
			f := quantityField
			if r.b.cols.index[f] < 0 && r.b.cols.index[ratioField] >= 0 {
				f = ratioField
			}
			r.problem(f, r.cell(f), expectRatioOrQtyPx)
			return 0, 0
		}
		return r.positive(quantityField, expectSplitShares, false), r.positive(priceField, expectSplitShares, false)
	}
	if !qBlank || !pBlank {
		r.problem(ratioField, ratio, expectRatioNotBoth)
		return 0, 0
	}
	if p := cellProblem(ratio); p != "" {
		r.problem(ratioField, ratio, p)
		return 0, 0
	}
	if ratio.numeric || ratio.boolean {
		r.problem(ratioField, ratio, expectRatio)
		return 0, 0
	}
	newPart, oldPart, found := strings.Cut(trim(ratio.text), ":")
	n, err1 := strconv.ParseFloat(trim(newPart), 64)
	d, err2 := strconv.ParseFloat(trim(oldPart), 64)
	if !found || err1 != nil || err2 != nil || !plainNumber.MatchString(trim(newPart)) ||
		!plainNumber.MatchString(trim(oldPart)) || n <= 0 || d <= 0 || n > maxNumber || d > maxNumber {
		r.problem(ratioField, ratio, expectRatio)
		return 0, 0
	}
	return n, d
}
