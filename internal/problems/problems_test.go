package problems

import (
	"strings"
	"testing"
)

type problem string

func (p problem) String() string { return string(p) }

func TestList(t *testing.T) {
	ps := []problem{"row 2: a", "row 3: b", "row 4: c"}
	for _, c := range []struct {
		max  int
		want string
	}{
		{0, "head:\n\trow 2: a\n\trow 3: b\n\trow 4: c"},
		{3, "head:\n\trow 2: a\n\trow 3: b\n\trow 4: c"},
		{2, "head:\n\trow 2: a\n\trow 3: b\n\t... and 1 more"},
		{1, "head:\n\trow 2: a\n\t... and 2 more"},
	} {
		var b strings.Builder
		b.WriteString("head:")
		List(&b, ps, c.max)
		if b.String() != c.want {
			t.Errorf("max %d: got %q, want %q", c.max, b.String(), c.want)
		}
	}
}

// TestMessage: one problem follows the prefix on its line; more are
// counted and listed, at most max of them.
func TestMessage(t *testing.T) {
	if got, want := Message("f.csv", []problem{"row 2: a"}, 5), "f.csv: row 2: a"; got != want {
		t.Errorf("one problem: %q, want %q", got, want)
	}
	ps := []problem{"row 2: a", "row 3: b", "row 4: c"}
	if got, want := Message("f.csv", ps, 2), "f.csv: 3 problems:\n\trow 2: a\n\trow 3: b\n\t... and 1 more"; got != want {
		t.Errorf("three problems: %q, want %q", got, want)
	}
}
