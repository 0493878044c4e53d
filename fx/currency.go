package fx

import (
	"fmt"
	"strings"
)

// minorUnits maps each minor currency unit, spelled as exchanges and Yahoo
// Finance quote it, to its major currency and the value of one minor unit
// in the major one. The spelling is case-significant: "GBp" is pence while
// "GBP" is pounds. Each unit has an all-capitals spelling too (GBX, ZAC,
// ILA), used by some feeds, so that a code read in any one case (as
// Normalize does) means the same unit.
var minorUnits = map[string]struct {
	major  string
	factor float64
}{
	"GBp": {"GBP", 0.01}, // London prices in pence
	"GBX": {"GBP", 0.01}, // the same, in the ISO-like spelling some feeds use
	"ZAc": {"ZAR", 0.01}, // Johannesburg prices in South African cents
	"ZAC": {"ZAR", 0.01}, // the same, all capitals; no currency has this code
	"ILA": {"ILS", 0.01}, // Tel Aviv prices in agorot
}

// Major returns the major currency of code and the number of major units one
// unit of code is worth: Major("GBp") = ("GBP", 0.01, true) because one
// penny is 0.01 pounds, and Major("EUR") = ("EUR", 1, true). ok is false
// when code is not a well-formed currency code (see Normalize).
func Major(code string) (major string, factor float64, ok bool) {
	c, err := Normalize(code)
	if err != nil {
		return "", 0, false
	}
	if m, isMinor := minorUnits[c]; isMinor {
		return m.major, m.factor, true
	}
	return c, 1, true
}

// Normalize returns code in its canonical spelling, or an error when it is
// not a currency code.
//
// Surrounding space is removed. The minor units "GBp" and "ZAc" are
// returned as they are. Any other code must be three ASCII letters, all
// upper-case or all lower-case, and is returned upper-case: "usd" becomes
// "USD", and "gbx", "zac" and "ila" become the minor units GBX, ZAC and ILA
// (while "gbp" is GBP, pounds). Mixed case such as "Gbp" is rejected rather
// than guessed, because "GBp" (pence) and "GBP" (pounds) differ by a factor
// of 100.
func Normalize(code string) (string, error) {
	c := strings.TrimSpace(code)
	if _, isMinor := minorUnits[c]; isMinor {
		return c, nil
	}
	if len(c) != 3 {
		return "", fmt.Errorf("fx: %q is not a currency code: want 3 letters such as USD", code)
	}
	upper, lower := 0, 0
	for i := 0; i < len(c); i++ {
		switch b := c[i]; {
		case 'A' <= b && b <= 'Z':
			upper++
		case 'a' <= b && b <= 'z':
			lower++
		default:
			return "", fmt.Errorf("fx: %q is not a currency code: want 3 letters such as USD", code)
		}
	}
	if upper != 3 && lower != 3 {
		return "", fmt.Errorf("fx: %q is not a currency code: mixed case is ambiguous (GBp is pence, GBP pounds)", code)
	}
	return strings.ToUpper(c), nil
}
