package txfile

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// expectLot is what a SELL row's lot column accepts.
const expectLot = "the lot sold: its acquisition date (YYYY-MM-DD) or the BUY row's number (12 or row 12)"

// lotRow is a lot named by its BUY row: "12" or "row 12".
var lotRow = regexp.MustCompile(`^(?i:row)?\s*([0-9]+)$`)

// lot reads a SELL row's lot column (see txn.Transaction.Lot): "" when
// blank, "row N" for a row number, else the date as YYYY-MM-DD.
func (r *dataRow) lot() string {
	c := r.cell(lotField)
	s, expected := parseText(c)
	if expected != "" {
		r.problem(lotField, c, expected)
		return ""
	}
	if s == "" {
		return ""
	}
	if m := lotRow.FindStringSubmatch(s); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
			return "row " + strconv.Itoa(n)
		}
	}
	if d, _, expected := parseDate(c, r.b.date1904); expected == "" {
		return d.Format(time.DateOnly)
	}
	r.problem(lotField, c, expectLot)
	return ""
}

// noLot reports a lot on a row of kind k, which sells nothing.
func (r *dataRow) noLot(k txn.Kind) {
	c := r.cell(lotField)
	if s, _ := parseText(c); s != "" {
		r.problem(lotField, c, fmt.Sprintf("blank: a %s row sells no lot (only SELL rows name one)", k))
	}
}
