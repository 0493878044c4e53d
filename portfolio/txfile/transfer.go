package txfile

import (
	"fmt"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// The TRANSFER columns' expectations.
const (
	expectTransferTo       = "the account receiving the transfer: TRANSFER rows need one"
	expectTransferOther    = "another account than the row's own (%s): a transfer moves cash or shares between two accounts"
	expectTransferCurrency = "blank: shares move in their own currency (a cash TRANSFER, with no symbol, has one)"
)

// transfer reads a TRANSFER row's columns (see txn.Transfer):
//
//	cash     to, amount (> 0), currency (blank: the reporting currency)
//	shares   symbol, to, quantity (> 0)
//
// and reports any other column given. account (the sending account) is
// read with every row; to must name another one.
func (r *dataRow) transfer(tx *txn.Transaction) {
	k := tx.Kind
	c := r.cell(toField)
	to, expected := parseText(c)
	switch {
	case expected == "" && to == "":
		expected = expectTransferTo
	case expected == "" && to == tx.Account:
		expected = fmt.Sprintf(expectTransferOther, txn.QuoteValue(to))
	}
	if expected != "" {
		r.problem(toField, c, expected)
	}
	tx.To = to
	unused := []field{priceField, commissionField, ratioField}
	if tx.Symbol == "" {
		tx.Amount = r.positive(amountField, expectAmount, false)
		unused = append(unused, quantityField)
		tx.Currency = r.currency()
	} else {
		tx.Quantity = r.positive(quantityField, expectShares, false)
		unused = append(unused, amountField)
		if cur := r.cell(currencyField); trim(cur.text) != "" {
			r.problem(currencyField, cur, expectTransferCurrency)
		}
	}
	for _, f := range unused {
		r.unused(k, f)
	}
}
