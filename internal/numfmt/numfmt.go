// Package numfmt writes numbers as the report, the terminal tables and the
// notebooks show them: thousands separators, a fixed number of decimals,
// rounding only here, in presentation. One package so that the report and
// the notebooks cannot drift apart ("-0.00" in one, "0.00" in the other).
package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Missing is shown for a value that is not known (NaN or infinite).
const Missing = "–"

// Known reports whether v is a number to show (not NaN, not infinite).
func Known(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Grouped writes v with the given decimals and comma thousands
// separators: Grouped(-1234567.891, 2) = "-1,234,567.89". A value that
// rounds to zero has no minus sign.
func Grouped(v float64, decimals int) string {
	if !Known(v) {
		return Missing
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Money writes an amount with two decimals: 1234.5 is "1,234.50".
func Money(v float64) string { return Grouped(v, 2) }

// Percent writes a fraction as a percentage with two decimals: 0.12345 is
// "12.35%", 10.9608 is "1,096.08%".
func Percent(v float64) string {
	if !Known(v) {
		return Missing
	}
	return Grouped(v*100, 2) + "%"
}

// SignedMoney is Money with a + on a gain: 28 is "+28.00", zero "0.00".
func SignedMoney(v float64) string { return signed(Money(v)) }

// SignedPercent is Percent with a + on a gain: 0.1 is "+10.00%", zero
// "0.00%".
func SignedPercent(v float64) string { return signed(Percent(v)) }

// signed puts a + before a formatted number above zero.
func signed(s string) string {
	if s != Missing && s[0] != '-' && strings.Trim(s, "0.,%") != "" {
		return "+" + s
	}
	return s
}
