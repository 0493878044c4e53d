package txn

import (
	"strings"
	"testing"
)

// TestQuoteForMessage: every control and bidirectional formatting
// character is escaped (an ESC would reach the terminal, a newline print a
// line of its own, U+202E reverse the rest of the line), bytes that are
// not UTF-8 too, and a long value is cut after 60 characters with its
// length in bytes.
func TestQuoteForMessage(t *testing.T) {
	for _, c := range []struct{ in, quoted, name string }{
		{"IBM", `"IBM"`, `IBM`},
		{`say "hi"`, `"say \"hi\""`, `say "hi"`},
		{"a\x1b[2Jb", `"a\x1b[2Jb"`, `a\x1b[2Jb`},
		{"Trades\n2016-02-01: fake", `"Trades\n2016-02-01: fake"`, `Trades\n2016-02-01: fake`},
		{"\u202aa\u202bb\u202cc\u202dd\u202ee", `"\u202aa\u202bb\u202cc\u202dd\u202ee"`, `\u202aa\u202bb\u202cc\u202dd\u202ee`},
		{"\u2066a\u2067b\u2068c\u2069", `"\u2066a\u2067b\u2068c\u2069"`, `\u2066a\u2067b\u2068c\u2069`},
		{"\u200ea\u200fb", `"\u200ea\u200fb"`, `\u200ea\u200fb`},
		{"IB\xffM", `"IB\xffM"`, `IB\xffM`},
		{"café €", `"café €"`, `café €`},
		{strings.Repeat("é", 61), `"` + strings.Repeat("é", 60) + `"… (122 bytes)`, strings.Repeat("é", 60) + `… (122 bytes)`},
		{strings.Repeat("x", 60), `"` + strings.Repeat("x", 60) + `"`, strings.Repeat("x", 60)},
	} {
		if got := QuoteValue(c.in); got != c.quoted {
			t.Errorf("QuoteValue(%q) = %s, want %s", c.in, got, c.quoted)
		}
		if got := QuoteName(c.in); got != c.name {
			t.Errorf("QuoteName(%q) = %s, want %s", c.in, got, c.name)
		}
	}
	// A file's path is escaped but never cut.
	long := "/home/user/" + strings.Repeat("d/", 40) + "trades\n.csv"
	if got, want := (Origin{File: long}).String(), strings.ReplaceAll(long, "\n", `\n`); got != want {
		t.Errorf("Origin.String() = %s, want %s", got, want)
	}
}
