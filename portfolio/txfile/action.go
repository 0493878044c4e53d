package txfile

import (
	"fmt"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// The corporate-action columns' expectations.
const (
	expectTo       = "the other symbol: %s rows need one (the company spun off, the acquirer, the new symbol)"
	expectFraction = "the part of the cost that moves to the new shares, greater than 0 and at most 1 (0.2 for 20%)"
	expectReceived = "the number of new shares received, greater than 0"
	expectWorth    = "the price of one new share, greater than 0: the merger's cash is a part disposal of cash / (cash + shares × price)"
)

// action reads a corporate action's columns (see txn.Transaction):
//
//	SPINOFF          symbol, to, quantity (shares of to received), fraction
//	MERGER           symbol, to, quantity (shares of to), price (worth of
//	                 one, needed with cash), amount (cash; may be blank)
//	SYMBOLCHANGE     symbol, to
//	STOCKDIVIDEND    symbol, quantity (new shares)
//	RETURNOFCAPITAL  symbol, amount, currency
//	CAPITALGAINS     symbol, amount, currency
//
// and reports any other column given.
func (r *dataRow) action(k txn.Kind, tx *txn.Transaction) {
	r.needSymbol(k, tx.Symbol)
	uses := map[field]bool{}
	switch k {
	case txn.SpinOff, txn.Merger, txn.SymbolChange:
		tx.To = r.to(k)
		uses[toField] = true
	}
	switch k {
	case txn.SpinOff:
		tx.Quantity = r.positive(quantityField, expectReceived, false)
		tx.Fraction = r.fraction()
		uses[quantityField], uses[fractionField] = true, true
	case txn.Merger:
		tx.Quantity = r.positive(quantityField, expectReceived, false)
		if v, _, ok := r.number(amountField); ok && v < 0 {
			r.problem(amountField, r.cell(amountField), expectAmount)
		} else {
			tx.Amount = v
		}
		tx.Price = r.positive(priceField, expectWorth, tx.Amount == 0)
		uses[quantityField], uses[priceField], uses[amountField] = true, true, true
	case txn.StockDividend:
		tx.Quantity = r.positive(quantityField, expectReceived, false)
		uses[quantityField] = true
	case txn.ReturnOfCapital, txn.CapitalGains:
		tx.Amount = r.positive(amountField, expectAmount, false)
		uses[amountField] = true
	}
	for _, f := range []field{quantityField, priceField, commissionField, amountField, ratioField, fractionField} {
		if !uses[f] {
			r.unused(k, f)
		}
	}
	if !uses[toField] {
		r.unusedText(k, toField)
	}
	tx.Currency = r.currency()
}

// to reads the to column: a symbol, required.
func (r *dataRow) to(k txn.Kind) string {
	c := r.cell(toField)
	sym, expected := parseSymbol(c)
	if expected == "" && sym == "" {
		expected = fmt.Sprintf(expectTo, k)
	}
	if expected != "" {
		r.problem(toField, c, expected)
	}
	return sym
}

// fraction reads a SPINOFF's fraction: 0 < fraction ≤ 1.
func (r *dataRow) fraction() float64 {
	v, _, ok := r.number(fractionField)
	if ok && !(v > 0 && v <= 1) {
		r.problem(fractionField, r.cell(fractionField), expectFraction)
	}
	return v
}

// unusedText reports text in column f, which rows of kind k do not use.
func (r *dataRow) unusedText(k txn.Kind, f field) {
	c := r.cell(f)
	if s, _ := parseText(c); s != "" {
		r.problem(f, c, fmt.Sprintf(expectUnused, k, fieldNames[f]))
	}
}
