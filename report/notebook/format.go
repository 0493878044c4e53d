package notebook

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/stats"
)

// missing is shown for a value that is not defined.
const missing = "–"

// money formats an amount with thousands separators and two decimals:
// 1234567.891 is "1,234,567.89". Rounding happens here, in presentation only.
func money(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return missing
	}
	return groupThousands(strconv.FormatFloat(v, 'f', 2, 64))
}

// groupThousands puts a comma between each group of three digits of the
// integer part of a formatted number.
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// signedMoney is money with a + on a gain: 28 is "+28.00", a zero "0.00".
func signedMoney(v float64) string {
	s := money(v)
	if s != missing && s[0] != '-' && strings.Trim(s, "0.,") != "" {
		return "+" + s
	}
	return s
}

// quantity formats a number of shares with thousands separators and up to
// four decimals, without trailing zeros: 1234.5 is "1,234.5", 100 is "100".
func quantity(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return missing
	}
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return groupThousands(s)
}

// percent formats a fraction as a percentage with two decimals and
// thousands separators: 0.12345 is "12.35%", 10.9608 is "1,096.08%".
func percent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return missing
	}
	return groupThousands(strconv.FormatFloat(v*100, 'f', 2, 64)) + "%"
}

// signedPercent is percent with a + on a gain, as the report writes
// returns and contributions: 0.1 is "+10.00%", a zero "0.00%".
func signedPercent(v float64) string {
	s := percent(v)
	if s != missing && s[0] != '-' && strings.Trim(s, "0.,%") != "" {
		return "+" + s
	}
	return s
}

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
