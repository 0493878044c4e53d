package stats

import (
	"math"
	"testing"
)

// TestFigureString (issue 13.8): String shows 6 significant digits, not the
// 17 that reproduce the float64 (0.1 + 0.2 printed as 0.30000000000000004);
// Value keeps full precision.
func TestFigureString(t *testing.T) {
	a, b := 0.1, 0.2 // variables: constants would add exactly
	for _, c := range []struct {
		f    Figure
		want string
	}{
		{Figure{Value: a + b}, "0.3"},
		{Figure{Value: 0.0431818181818182}, "0.0431818"},
		{Figure{Value: 1.0 / 3}, "0.333333"},
		{Figure{Value: -2.5}, "-2.5"},
		{Figure{Value: 123456789}, "1.23457e+08"},
		{Figure{Value: 0.000012345678}, "1.23457e-05"},
		{Figure{Value: 0}, "0"},
		{Figure{Value: math.NaN(), Reason: "no data"}, "NaN (no data)"},
	} {
		if got := c.f.String(); got != c.want {
			t.Errorf("Figure{%v}.String() = %q, want %q", c.f.Value, got, c.want)
		}
	}
	if f := (Figure{Value: a + b}); f.Value != 0.30000000000000004 {
		t.Errorf("Value lost precision: %v", f.Value)
	}
}
