package report

import (
	"strings"
	"time"

	"github.com/gofolio/gofolio/internal/numfmt"
)

// missing is shown for a value that is not known (NaN or infinite).
const missing = numfmt.Missing

func known(v float64) bool { return numfmt.Known(v) }

// grouped writes v with the given decimals and comma thousands separators:
// grouped(-1234567.891, 2) = "-1,234,567.89".
func grouped(v float64, decimals int) string { return numfmt.Grouped(v, decimals) }

// formatMoney writes an amount with two decimals.
func formatMoney(v float64) string { return numfmt.Money(v) }

// formatPercent writes a fraction as a percentage with two decimals:
// 0.12345 is "12.35%".
func formatPercent(v float64) string { return numfmt.Percent(v) }

// formatSignedPercent is formatPercent with a + on gains.
func formatSignedPercent(v float64) string { return numfmt.SignedPercent(v) }

// formatSignedMoney is formatMoney with a + on gains.
func formatSignedMoney(v float64) string { return numfmt.SignedMoney(v) }

// formatQuantity writes shares with up to 4 decimals, trailing zeros
// dropped; blank for 0 (a cash row has no quantity).
func formatQuantity(v float64) string {
	if v == 0 {
		return ""
	}
	s := grouped(v, 4)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// formatOptionalMoney is formatMoney, blank for 0.
func formatOptionalMoney(v float64) string {
	if v == 0 {
		return ""
	}
	return formatMoney(v)
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return missing
	}
	return t.Format(time.DateOnly)
}

// formatStat writes a statistic in its format.
func formatStat(f Format, v float64) string {
	switch f {
	case Percent:
		return formatPercent(v)
	case Money:
		return formatMoney(v)
	case Ratio:
		return grouped(v, 2)
	case Days:
		return grouped(v, 0)
	default:
		return grouped(v, 2)
	}
}

// why is reason when v is not known, else "": the note shown under a
// headline figure's "–".
func why(v float64, reason string) string {
	if known(v) {
		return ""
	}
	return reason
}

// sign is "gain", "loss" or "" for CSS colouring.
func sign(v float64) string {
	switch {
	case !known(v) || v == 0:
		return ""
	case v > 0:
		return "gain"
	default:
		return "loss"
	}
}
