package numfmt

import (
	"math"
	"testing"
)

func TestFormats(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Grouped(-1234567.891, 2), "-1,234,567.89"},
		{Grouped(-0.001, 2), "0.00"},
		{Grouped(999.999, 2), "1,000.00"},
		{Grouped(12, 0), "12"},
		{Money(math.NaN()), Missing},
		{Percent(0.12345), "12.35%"},
		{Percent(10.9608), "1,096.08%"},
		{Percent(math.Inf(1)), Missing},
		{SignedMoney(28), "+28.00"},
		{SignedMoney(0), "0.00"},
		{SignedMoney(-0.004), "0.00"},
		{SignedMoney(-5), "-5.00"},
		{SignedPercent(0.1), "+10.00%"},
		{SignedPercent(0), "0.00%"},
		{SignedPercent(math.NaN()), Missing},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
