package portfolio

import (
	"fmt"
	"math"
	"strconv"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// numberRule is what a numeric field of a transaction must be, by its kind.
type numberRule uint8

const (
	positiveNumber    numberRule = iota + 1 // greater than 0
	nonNegativeNumber                       // 0 or more (a price of 0 is the day's close)
	unusedNumber                            // 0: the kind does not use the field
)

// fieldCheck is one numeric field of a transaction, with its rule and what
// the message says is expected when a used field breaks it.
type fieldCheck struct {
	column   string
	value    float64
	rule     numberRule
	expected string
}

// What Build expects of the fields of a transaction made in Go; the
// readers' messages (txn.Expect…) where the rule is the same.
const (
	buildExpectPrice = "a price greater than 0, or 0 for that day's close"
	buildExpectSplit = "for a SPLIT, the shares after it in Quantity and those before in Price, both greater than 0 (2 and 1 for 2:1)"
	buildExpectZero  = "0: %s rows do not use %s"
	// buildExpectMergerPrice and buildExpectFraction are what a MERGER's
	// price and cash, and a SPINOFF's fraction, must be.
	buildExpectMergerPrice = "for a MERGER, the new shares' price (0 or more, greater than 0 with a cash amount) and the cash paid (0 or more)"
	buildExpectFraction    = "for a SPINOFF, the fraction of the cost moving to the new shares: greater than 0, at most 1"
	// What a TRANSFER must hold: To another account than its own, and
	// shares (a Symbol) or cash (none).
	buildExpectTransferTo     = "for a TRANSFER, the receiving account: another one than the row's Account"
	buildExpectTransferShares = "for a TRANSFER of shares (a Symbol), the number of shares greater than 0, and no Amount"
	buildExpectTransferCash   = "for a TRANSFER of cash (no Symbol), the amount greater than 0, and no Quantity"
)

// checkFields reports every transaction whose kind is not one of Kinds or
// whose numbers break the readers' rules (see ReadCSV): finite, at most
// 1e12, quantities and amounts greater than 0, a price and a commission of
// 0 or more, a split's two numbers greater than 0, and 0 in the fields the
// kind does not use. The readers never return such a transaction; one made
// in Go could carry NaN or a negative amount into every sum.
func (e *engine) checkFields() {
	for _, i := range e.badFields {
		tx := &e.txs[i]
		if (tx.Kind < Buy || tx.Kind > Split) && !booksAction(tx.Kind) && tx.Kind != Transfer {
			e.problem(tx, "kind", tx.Kind.String(), txn.ExpectKind)
			continue
		}
		if tx.Kind == Transfer && (tx.To == "" || tx.To == tx.Account) {
			e.problem(tx, "to", tx.To, buildExpectTransferTo)
		}
		for _, f := range fieldChecks(tx) {
			if why := f.problem(tx.Kind); why != "" {
				e.problem(tx, f.column, strconv.FormatFloat(f.value, 'g', -1, 64), why)
			}
		}
		if f := tx.Fraction; tx.Kind == SpinOff && !(f > 0 && f <= 1) {
			e.problem(tx, "fraction", strconv.FormatFloat(f, 'g', -1, 64), buildExpectFraction)
		}
		if tx.Kind == Merger && tx.Amount > 0 && tx.Price == 0 {
			e.problem(tx, "price", "0", buildExpectMergerPrice)
		}
	}
}

// fieldsOK is checkFields' common case, a valid transaction, decided
// without building a message: the rules of fieldChecks as comparisons, which
// NaN fails.
func fieldsOK(tx *Transaction) bool {
	const m = txn.MaxNumber
	q, p, c, a := tx.Quantity, tx.Price, tx.Commission, tx.Amount
	switch tx.Kind {
	case Buy, Sell:
		return q > 0 && q <= m && p >= 0 && p <= m && c >= 0 && c <= m && a == 0
	case Split:
		return q > 0 && q <= m && p > 0 && p <= m && c == 0 && a == 0
	case StockDividend, SpinOff:
		return q > 0 && q <= m && p == 0 && c == 0 && a == 0 && (tx.Kind != SpinOff || tx.Fraction > 0 && tx.Fraction <= 1)
	case Merger:
		return q > 0 && q <= m && p >= 0 && p <= m && c == 0 && a >= 0 && a <= m && (a == 0 || p > 0)
	case SymbolChange:
		return q == 0 && p == 0 && c == 0 && a == 0
	case Deposit, Withdrawal, Dividend, Fee, Interest, Tax, ReturnOfCapital, CapitalGains:
		return q == 0 && p == 0 && c == 0 && a > 0 && a <= m
	case Transfer:
		shares := tx.Symbol != "" && q > 0 && q <= m && a == 0
		cash := tx.Symbol == "" && q == 0 && a > 0 && a <= m
		return (shares || cash) && p == 0 && c == 0 && tx.To != "" && tx.To != tx.Account
	}
	return false
}

// fieldChecks lists tx's numeric fields with the rule of its kind.
func fieldChecks(tx *Transaction) [4]fieldCheck {
	quantity := fieldCheck{"quantity", tx.Quantity, unusedNumber, ""}
	price := fieldCheck{"price", tx.Price, unusedNumber, ""}
	commission := fieldCheck{"commission", tx.Commission, unusedNumber, ""}
	amount := fieldCheck{"amount", tx.Amount, unusedNumber, ""}
	switch tx.Kind {
	case Buy, Sell:
		quantity.rule, quantity.expected = positiveNumber, txn.ExpectShares
		price.rule, price.expected = nonNegativeNumber, buildExpectPrice
		commission.rule, commission.expected = nonNegativeNumber, txn.ExpectCommission
	case Split:
		quantity.rule, quantity.expected = positiveNumber, buildExpectSplit
		price.rule, price.expected = positiveNumber, buildExpectSplit
	case StockDividend, SpinOff:
		quantity.rule, quantity.expected = positiveNumber, txn.ExpectShares
	case Merger:
		quantity.rule, quantity.expected = positiveNumber, txn.ExpectShares
		price.rule, price.expected = nonNegativeNumber, buildExpectMergerPrice
		amount.rule, amount.expected = nonNegativeNumber, buildExpectMergerPrice
	case SymbolChange:
	case Transfer:
		if tx.Symbol != "" {
			quantity.rule, quantity.expected = positiveNumber, buildExpectTransferShares
		} else {
			amount.rule, amount.expected = positiveNumber, buildExpectTransferCash
		}
	default: // the cash kinds and DIVIDEND
		amount.rule, amount.expected = positiveNumber, txn.ExpectAmount
	}
	return [4]fieldCheck{quantity, price, commission, amount}
}

// problem returns what is wrong with f's value on a row of kind k, or "".
func (f fieldCheck) problem(k Kind) string {
	v := f.value
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return txn.ExpectFinite
	case math.Abs(v) > txn.MaxNumber:
		return txn.ExpectNotHuge
	case f.rule == unusedNumber && v != 0:
		return fmt.Sprintf(buildExpectZero, k, f.column)
	case f.rule == positiveNumber && !(v > 0), f.rule == nonNegativeNumber && v < 0:
		return f.expected
	}
	return ""
}
