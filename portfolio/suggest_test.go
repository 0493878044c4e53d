package portfolio

import "testing"

// TestEditDistance checks distances counted by hand.
func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"abc", "", 3},
		{"commission", "comission", 1}, // one deletion
		{"quantity", "quantiy", 1},
		{"kitten", "sitting", 3}, // k→s, e→i, +g
		{"account", "amount", 2}, // c→m, -c
		{"prix", "price", 2},     // x→c, +e
		{"Ünïcode", "Unicode", 2},
	} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := editDistance(c.b, c.a); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
		}
	}
}

// TestNearest: near misses are suggested, columns of the user's own are
// not taken for ours.
func TestNearest(t *testing.T) {
	names := []string{"amount", "commission", "price", "quantity", "symbol"}
	for _, c := range []struct {
		in   string
		want string // "" for no suggestion
	}{
		{"Comission", "commission"},
		{"COMMISION", "commission"},
		{"Quantiy", "quantity"},
		{"Symbl", "symbol"},
		{"Prices", "price"},
		{"Account", ""}, // two edits from amount: a column of its own
		{"Sector", ""},
		{"px", ""}, // short names need an exact alias
		{"fx", ""},
	} {
		got, ok := nearest(c.in, names, 4)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("nearest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
