package stats

import (
	"math"
	"strings"
	"testing"
	"time"
)

// day is the i-th calendar day after 2024-01-01 (a Monday).
func day(i int) time.Time { return time.Date(2024, 1, 1+i, 0, 0, 0, 0, time.UTC) }

func days(n int) []time.Time {
	d := make([]time.Time, n)
	for i := range d {
		d[i] = day(i)
	}
	return d
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// near reports whether got is within tol of want (relative above 1).
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func checkNear(t *testing.T, name string, got, want float64) {
	t.Helper()
	if !near(got, want, 1e-9) {
		t.Errorf("%s = %.12g, want %.12g", name, got, want)
	}
}

func checkFigure(t *testing.T, name string, got Figure, want float64) {
	t.Helper()
	if !got.Defined() {
		t.Errorf("%s undefined (%s), want %.12g", name, got.Reason, want)
		return
	}
	checkNear(t, name, got.Value, want)
}

func checkUndefined(t *testing.T, name string, got Figure) {
	t.Helper()
	if got.Defined() || !math.IsNaN(got.Value) {
		t.Errorf("%s = %v, want NaN with a reason", name, got)
	}
}

func checkSlice(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s has %d values, want %d", name, len(got), len(want))
	}
	for i := range got {
		if !near(got[i], want[i], 1e-12) && !(math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			t.Errorf("%s[%d] = %.15g, want %.15g", name, i, got[i], want[i])
		}
	}
}

// checkRough compares with a value worked out by hand to 7 significant digits.
func checkRough(t *testing.T, name string, got, want float64) {
	t.Helper()
	if !(math.Abs(got-want) <= 5e-7*math.Abs(want)) {
		t.Errorf("%s = %.12g, want about %.7g", name, got, want)
	}
}

func time_(m int) time.Month { return time.Month(m) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
