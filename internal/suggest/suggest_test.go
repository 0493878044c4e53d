package suggest

import "testing"

// TestDistance checks distances counted by hand.
func TestDistance(t *testing.T) {
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
		{"MSTF", "MSFT", 1}, // a swap of adjacent letters
		{"BYU", "BUY", 1},
		{"ca", "abc", 3}, // optimal string alignment: no letter edited twice
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
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
		got, ok := Nearest(c.in, names, 4)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestKnown(t *testing.T) {
	names := []string{"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "B1", "B2", "B3", "IBM", "MSFT"}
	if got, want := Known("IBMM", names, 3), "did you mean IBM? known: A1, A2, A3, A4, A5, A6, A7, A8, A9, B1, B2, B3 and 2 more"; got != want {
		t.Errorf("Known = %q, want %q", got, want)
	}
	if got, want := Known("ZZZZZ", names[:2], 3), "known: A1, A2"; got != want {
		t.Errorf("Known = %q, want %q", got, want)
	}
	if got, want := Known("X", nil, 3), "there are none"; got != want {
		t.Errorf("Known = %q, want %q", got, want)
	}
}
