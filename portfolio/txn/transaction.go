package txn

import (
	"fmt"
	"strings"
	"time"

	"github.com/gofolio/gofolio/internal/problems"
)

// Kind is what a transaction does.
type Kind uint8

// The transaction kinds. The zero Kind is invalid so that a forgotten field
// is caught by validation.
const (
	_          Kind = iota
	Buy             // Quantity shares of Symbol bought at Price plus Commission, paid from cash
	Sell            // Quantity shares of Symbol sold at Price less Commission, paid into cash
	Deposit         // Amount of external cash paid in (a contribution)
	Withdrawal      // Amount of external cash taken out (Amount positive)
	Dividend        // Amount received for Symbol, for dividends the market data does not carry
	Fee             // Amount paid out of cash (account fee); not an external flow
	Interest        // Amount of interest received into cash; not an external flow
	Tax             // Amount paid out of cash (withholding, stamp duty); not an external flow
	Split           // Symbol split Quantity:Price (for example 4 and 1 for 4:1), for sources without split events

	// The corporate actions (see CorporateActions). The engine does not
	// book them yet: the gains report (package lots) does.

	SpinOff         // Quantity shares of To received for Symbol held, Fraction of Symbol's cost moving to them
	Merger          // Symbol exchanged for Quantity shares of To (worth Price each), plus Amount in cash
	SymbolChange    // Symbol continues as To: its holding and lots
	StockDividend   // Quantity new shares of Symbol received at no cost (a bonus issue)
	ReturnOfCapital // Amount paid on Symbol out of capital: reduces its cost; any excess is a gain
	CapitalGains    // Amount of a fund's capital-gains distribution on Symbol: a gain with no cost

	// Transfer moves cash or shares from Account to the account To: with
	// a blank Symbol, Amount of cash in Currency; with a Symbol, Quantity
	// shares with their lots and cost. Neither a deposit nor a withdrawal
	// of the portfolio of both accounts (see IsTransfer).
	Transfer
)

var kindNames = [...]string{"", "BUY", "SELL", "DEPOSIT", "WITHDRAWAL", "DIVIDEND", "FEE", "INTEREST", "TAX", "SPLIT",
	"SPINOFF", "MERGER", "SYMBOLCHANGE", "STOCKDIVIDEND", "RETURNOFCAPITAL", "CAPITALGAINS", "TRANSFER"}

// String returns the kind as it is written in a transactions file.
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// ParseKind reads a kind name, ignoring case and surrounding space: one
// of Kinds, CorporateActions or TRANSFER.
func ParseKind(s string) (Kind, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	for k := Buy; k <= Transfer; k++ {
		if kindNames[k] == s {
			return k, true
		}
	}
	return 0, false
}

// Kinds lists every valid kind in order.
func Kinds() []Kind {
	return []Kind{Buy, Sell, Deposit, Withdrawal, Dividend, Fee, Interest, Tax, Split}
}

// CorporateActions lists the corporate-action kinds, which the gains
// report (package lots) books and the engine does not yet.
func CorporateActions() []Kind {
	return []Kind{SpinOff, Merger, SymbolChange, StockDividend, ReturnOfCapital, CapitalGains}
}

// IsCorporateAction reports whether k is one of CorporateActions.
func (k Kind) IsCorporateAction() bool { return k >= SpinOff && k <= CapitalGains }

// IsTransfer reports whether k is a TRANSFER between two accounts: a
// flow of the account it leaves and of the one it enters, and no flow at
// all of a portfolio holding both.
func (k Kind) IsTransfer() bool { return k == Transfer }

// IsTrade reports whether k moves shares of a symbol (BUY, SELL).
func (k Kind) IsTrade() bool { return k == Buy || k == Sell }

// IsExternal reports whether k is a flow between the investor and the
// portfolio (DEPOSIT, WITHDRAWAL), the flows that time-weighted returns
// neutralise.
func (k Kind) IsExternal() bool { return k == Deposit || k == Withdrawal }

// Transaction is one row of the investor's transactions file.
//
// Amounts are in Currency; a blank Currency means the symbol's quote
// currency for BUY, SELL, DIVIDEND and SPLIT rows and the reporting currency
// for cash rows (DEPOSIT, WITHDRAWAL, FEE, INTEREST, TAX). Quantity,
// Price, Commission and Amount are never negative once read: a WITHDRAWAL
// carries its amount as a positive number.
type Transaction struct {
	Date     time.Time // a day, midnight UTC (see quotes.Day)
	Kind     Kind
	Symbol   string
	Quantity float64 // shares for BUY/SELL and a TRANSFER of shares; the split numerator for SPLIT
	// Price per share for BUY/SELL (0 = that day's close); the split
	// denominator for SPLIT.
	Price      float64
	Commission float64 // paid on top of a BUY, deducted from a SELL
	Amount     float64 // cash for DEPOSIT, WITHDRAWAL, DIVIDEND, FEE, INTEREST, TAX, a cash TRANSFER
	Currency   string
	Note       string
	// Account names the account the transaction belongs to (a broker
	// account, a file's name); "" when the file has one account.
	Account string
	// To is the other symbol of a corporate action: the company spun off
	// (SPINOFF), the acquirer (MERGER), the new symbol (SYMBOLCHANGE); the
	// receiving account of a TRANSFER.
	To string
	// Fraction is the part of Symbol's cost a SPINOFF moves to To (0 to 1),
	// as the company announces it.
	Fraction float64
	// Lot names the lots a SELL sells with specific identification: the
	// acquisition date (YYYY-MM-DD) or the BUY row's number; "" otherwise.
	Lot string

	// Origin says where the row came from, for error messages.
	Origin Origin
}

// Origin locates a transaction in the file it was read from.
type Origin struct {
	File  string // as given to the reader; "" when unknown
	Sheet string // "" for CSV
	Row   int    // 1-based row number as a spreadsheet shows it; 0 when unknown
	// Action is the broker's own name for what the row does ("Market
	// buy"), for a transaction read from a broker's export; "" otherwise.
	Action string
}

func (o Origin) String() string {
	var parts []string
	if o.File != "" {
		parts = append(parts, Escape(o.File))
	}
	if o.Sheet != "" {
		parts = append(parts, "sheet "+QuoteName(o.Sheet))
	}
	if o.Row > 0 {
		parts = append(parts, fmt.Sprintf("row %d", o.Row))
	}
	if o.Action != "" {
		parts = append(parts, "action "+QuoteValue(o.Action))
	}
	return strings.Join(parts, ", ")
}

// Problem is one thing wrong with an input row.
type Problem struct {
	Origin
	Column   string // the column header as found in the file, or the field name
	Value    string // the offending value as found ("" when missing)
	Expected string // what would have been accepted, or why it is wrong
}

// String writes the problem on one line. Names and values found in the
// file are escaped (control and bidirectional formatting characters, bytes
// that are not UTF-8) and cut after 60 characters, so that no file can
// write to the terminal or print a line of its own (see QuoteValue).
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Origin.String())
	if p.Column != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "column %s", QuoteName(p.Column))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s: %s", QuoteValue(p.Value), p.Expected)
	return b.String()
}

// ValidationError lists every problem found in an input; nothing is computed
// from an input that has one.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string { return ListProblems("transactions", e.Problems) }

// ListProblems is "N problems in what:" then each problem on a line of
// its own, indented: the message of an error listing an input's problems.
func ListProblems(what string, ps []Problem) string {
	var b strings.Builder
	if len(ps) == 1 {
		fmt.Fprintf(&b, "1 problem in %s:", what)
	} else {
		fmt.Fprintf(&b, "%d problems in %s:", len(ps), what)
	}
	problems.List(&b, ps, 0)
	return b.String()
}
