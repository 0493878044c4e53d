package txfile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// ReadCSV reads transactions from comma-separated text (RFC 4180, UTF-8,
// an optional byte order mark; UTF-16 is a problem saying so).
// opts.Sheet does not apply.
//
// # Layout
//
// The first non-blank line is the header. Columns are matched to fields by
// header, case-insensitively and ignoring surrounding space (non-breaking
// spaces included), in any order. Columns with other headers are ignored,
// so a file may carry columns of its own (an index, a running total),
// unless the header is one slip of the keyboard (two for long names) from
// a field the file lacks, such as "Comission": its values would be lost
// silently, so it is a problem. A field given twice (two "price" columns,
// or "fee" and "commission") is a problem. The headers and their aliases:
//
//	date                            required
//	kind, tx, type, action          required: BUY, SELL, DEPOSIT, WITHDRAWAL,
//	                                DIVIDEND, FEE, INTEREST, TAX, SPLIT, in
//	                                any case ("buy ")
//	symbol, ticker                  trimmed, case kept
//	quantity, shares, qty
//	price, px                       blank: that day's close
//	commission, commissions, comm,
//	fee, fees
//	amount, cash, amt
//	currency, ccy                   blank: the symbol's quote currency, or
//	                                the reporting currency for cash rows
//	note, notes, memo, description  kept verbatim (HTML included)
//	ratio                           SPLIT only, as text "4:1"
//	account                         the account the row belongs to
//
// Each line below the header is a transaction; lines whose known columns
// are all blank are skipped. A transaction's Origin.Row is its line number
// (the header is usually line 1).
//
// # Values
//
// Dates are ISO (2016-02-01, or a date-time at midnight) or yyyymmdd
// (20160201); "01/02/2016" is refused as ambiguous. Numbers use '.' for
// decimals and may have ',' thousands separators ("1,234.50"); a decimal
// comma ("12,5"), NaN, infinities and magnitudes above 1e12 are refused.
// Currencies are 3-letter upper-case ISO codes or the minor units GBp,
// GBX, ZAc, ILA. A symbol must not hold control characters.
//
// # Rules by kind
//
// "blank" accepts an empty cell or 0; "−" means the column must be blank:
//
//	kind        symbol    quantity   price            commission  amount  currency
//	BUY, SELL   required  > 0        > 0, or blank    ≥ 0 or      −       optional
//	                                 for the close    blank
//	DEPOSIT,    −         −          −                −           > 0     optional
//	WITHDRAWAL
//	DIVIDEND    required  −          −                −           > 0     optional
//	FEE, TAX    optional  −          −                −           > 0     optional
//	INTEREST    −         −          −                −           > 0     optional
//	SPLIT       required  new        old shares       −           −       −
//	                      shares
//	TRANSFER    blank     −          −                −           > 0     optional
//	(cash)
//	TRANSFER    required  > 0        −                −           −       −
//	(shares)
//
// A TRANSFER moves cash (no symbol) or shares, with their lots and cost,
// from the row's account to the account in the to column, which must be
// another one: neither a deposit nor a withdrawal of a portfolio holding
// both (see portfolio.Config.Accounts for one account alone).
//
// Amounts are positive: the kind gives the direction, so "WITHDRAWAL -500"
// and "FEE -5" are problems rather than guesses (a sign that disagrees
// with the kind is more likely a slip than a convention). The one
// exception is the original notebook's layout: a row with no kind and no
// symbol but a cash amount is a DEPOSIT, or a WITHDRAWAL of the absolute
// amount when negative.
//
// A SPLIT's ratio is either in a ratio column as text "new:old" ("4:1",
// "1:10" for a reverse split), or in quantity (new shares) and price (old
// shares): 4 and 1 for 4:1. Both at once is a problem.
//
// # Result
//
// Every problem in the input is collected and returned together in a
// *ValidationError, each with the file, line, column header as found, the
// value as found and what was expected; no transactions are returned then
// (the first 1,000 problems are listed, and the rest counted). A file with
// a header but no transactions is a problem too. Otherwise the
// transactions are sorted by date, keeping the file's order within a day.
func ReadCSV(r io.Reader, opts Options) ([]txn.Transaction, error) {
	b := &builder{opts: opts}
	br := bufio.NewReader(r)
	if csvStart(br) {
		b.problem(0, "", "", expectUTF16)
		return b.result()
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // short rows are blank at the end
	cr.ReuseRecord = true
	var cells []cell
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var parseErr *csv.ParseError
		if errors.As(err, &parseErr) {
			b.problem(parseErr.Line, "", "", "well-formed CSV: "+parseErr.Err.Error())
			if errors.Is(parseErr.Err, csv.ErrQuote) || errors.Is(parseErr.Err, csv.ErrBareQuote) {
				continue
			}
			break
		}
		if err != nil {
			return nil, fmt.Errorf("txfile: read %s: %w", nameOr(opts.Name, "CSV"), err)
		}
		line, _ := cr.FieldPos(0)
		cells = cells[:0]
		for _, field := range record {
			cells = append(cells, cell{text: field})
		}
		if !b.haveHead {
			if isBlank(cells) {
				continue
			}
			if !b.header(line, cells) {
				return b.result()
			}
			continue
		}
		if !b.data(line, cells) {
			break
		}
	}
	return b.result()
}

func nameOr(name, otherwise string) string {
	if name != "" {
		return name
	}
	return otherwise
}

// expectUTF16 is the problem of a CSV file saved as UTF-16 ("Unicode
// text" in Excel's Save As), which would otherwise read as one garbled
// column.
const expectUTF16 = `UTF-8 text: this file is UTF-16 (save it as "CSV UTF-8 (comma delimited)")`

// csvStart drops a UTF-8 byte order mark at the start of the input,
// which spreadsheet programs write when exporting "CSV UTF-8", and reports
// whether the input is UTF-16 instead: a UTF-16 byte order mark, or one of
// the first two bytes zero (an ASCII character in UTF-16 without a mark).
func csvStart(br *bufio.Reader) (utf16 bool) {
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return true
	case len(head) >= 2 && (head[0] == 0) != (head[1] == 0):
		return true
	}
	return false
}
