package notebook

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/gofolio/gofolio/internal/numfmt"
	"github.com/gofolio/gofolio/portfolio/stats"
)

// missing is shown for a value that is not defined.
const missing = numfmt.Missing

// money formats an amount with thousands separators and two decimals:
// 1234567.891 is "1,234,567.89". Rounding happens here, in presentation only.
func money(v float64) string { return numfmt.Money(v) }

// signedMoney is money with a + on a gain: 28 is "+28.00", a zero "0.00".
func signedMoney(v float64) string { return numfmt.SignedMoney(v) }

// quantity formats a number of shares with thousands separators and up to
// four decimals, without trailing zeros: 1234.5 is "1,234.5", 100 is "100".
func quantity(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return missing
	}
	s := numfmt.Grouped(v, 4)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// percent formats a fraction as a percentage with two decimals and
// thousands separators: 0.12345 is "12.35%", 10.9608 is "1,096.08%".
func percent(v float64) string { return numfmt.Percent(v) }

// signedPercent is percent with a + on a gain, as the report writes
// returns and contributions: 0.1 is "+10.00%", a zero "0.00%".
func signedPercent(v float64) string { return numfmt.SignedPercent(v) }

// ratio formats a plain number with two decimals.
func ratio(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return missing
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// day formats a date as 2006-01-02, or missing for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return missing
	}
	return t.Format(time.DateOnly)
}

// cell is one table cell: its text and, for an undefined figure, why.
type cell struct {
	text, reason string
	// left aligns a cell of words (a list of names) to the left.
	left bool
}

// figure formats f with format, carrying its reason when undefined.
func figure(f stats.Figure, format func(float64) string) cell {
	if !f.Defined() {
		return cell{text: missing, reason: f.Reason}
	}
	return cell{text: format(f.Value)}
}

// Money formats an amount as the notebook's tables do: thousands
// separators and two decimals, 1234567.891 as "1,234,567.89", "–" when
// undefined.
func Money(v float64) string { return money(v) }

// Percent formats a fraction as the notebook's tables do: 0.12345 as
// "12.35%", "–" when undefined.
func Percent(v float64) string { return percent(v) }
