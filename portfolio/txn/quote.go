package txn

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxQuotedRunes is how much of a value a message shows: a value longer
// than that (a 100 MB CSV line read as one header) is cut, and the message
// says how long it was.
const MaxQuotedRunes = 60

// QuoteValue quotes a value found in a file for a message, as %q
// does: control characters (an ESC would reset the terminal, a newline
// would print a fake problem line), format characters such as the
// right-to-left override U+202E (which would reverse the text after it)
// and bytes that are not UTF-8 are escaped. A value of more than 60
// characters is cut after 60 and followed by its length:
// "aaaa…"… (1048576 bytes).
func QuoteValue(s string) string {
	head, cut := Head(s)
	q := strconv.Quote(head)
	if cut {
		q += fmt.Sprintf("… (%d bytes)", len(s))
	}
	return q
}

// QuoteName writes a name found in a file (a sheet or a column
// header) for a message without quotes: printable characters as they are,
// the others escaped as QuoteValue escapes them, and cut after 60
// characters like a value.
func QuoteName(s string) string {
	head, cut := Head(s)
	name := Escape(head)
	if cut {
		name += fmt.Sprintf("… (%d bytes)", len(s))
	}
	return name
}

// Escape escapes the characters of s that QuoteValue
// escapes (not quotes and backslashes: s is not quoted), whatever its
// length; a file's path is shown whole.
func Escape(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (r != ' ' && !strconv.IsPrint(r)) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r != ' ' && !strconv.IsPrint(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Head returns the first MaxQuotedRunes characters of s, and
// whether s is longer.
func Head(s string) (string, bool) {
	n := 0
	for i := range s {
		if n == MaxQuotedRunes {
			return s[:i], true
		}
		n++
	}
	return s, false
}
