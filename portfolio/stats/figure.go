package stats

import (
	"math"
	"strconv"
)

// Figure is one statistic: Value, or NaN with the Reason it could not be
// computed. Value is NaN exactly when Reason is not empty.
type Figure struct {
	Value  float64
	Reason string
}

// Defined reports whether the figure has a value.
func (f Figure) Defined() bool { return f.Reason == "" }

// String formats the value with 6 significant digits (%g: 0.0431818,
// 1.23457e+08), or "NaN (reason)". Six digits are more than any statistic
// here is known to; the float's full 17 (0.1 + 0.2 printed as
// 0.30000000000000004) are noise. Value keeps full precision, and reports
// round further for display.
func (f Figure) String() string {
	if !f.Defined() {
		return "NaN (" + f.Reason + ")"
	}
	return strconv.FormatFloat(f.Value, 'g', 6, 64)
}

// figure wraps v, giving a NaN or infinite v the reason why (or a generic
// one), so that a Figure never carries ±Inf and never a NaN without a reason.
func figure(v float64, whyNot string) Figure {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		if whyNot == "" {
			whyNot = "not a finite number"
		}
		return Figure{Value: math.NaN(), Reason: whyNot}
	}
	return Figure{Value: v}
}

// undefined is a NaN figure with reason.
func undefined(reason string) Figure { return Figure{Value: math.NaN(), Reason: reason} }
