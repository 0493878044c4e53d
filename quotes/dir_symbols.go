package quotes

import (
	"fmt"
	"io"
	"strings"
	"time"
	_ "time/tzdata" // a symbols.csv time zone must check the same on every OS
)

const (
	wantCurrency = "want a currency code such as USD, or a minor unit such as GBp (pence) or ZAc"
	wantTimezone = "want an IANA time zone such as America/New_York or Europe/London"
)

// currencyCode reads a currency code: three upper-case letters (USD), a
// minor unit in the exchanges' spelling (two capitals and a small letter:
// GBp, ZAc), or three lower-case letters, which are upper-cased ("usd" is
// USD). Other mixed case ("Usd") is refused rather than guessed, since GBp
// and GBP differ a hundredfold.
func currencyCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 3 {
		return "", false
	}
	upper := func(b byte) bool { return 'A' <= b && b <= 'Z' }
	lower := func(b byte) bool { return 'a' <= b && b <= 'z' }
	switch {
	case upper(s[0]) && upper(s[1]) && (upper(s[2]) || lower(s[2])):
		return s, true
	case lower(s[0]) && lower(s[1]) && lower(s[2]):
		return strings.ToUpper(s), true
	}
	return "", false
}

// readSymbolsFile reads symbols.csv: symbol, and optionally currency and
// timezone, per line.
func readSymbolsFile(name string, r io.Reader) (map[string]symbolMeta, error) {
	out := map[string]symbolMeta{}
	lines := map[string]int{}
	t := &table{file: name}
	t.read(r, []string{"symbol", "?currency", "?timezone"}, func(line int, rec []string, idx []int) {
		sym := strings.TrimSpace(rec[idx[0]])
		if sym == "" {
			t.problem(line, t.header[idx[0]], rec[idx[0]], "want a symbol")
			return
		}
		if prev, dup := lines[sym]; dup {
			t.problem(line, t.header[idx[0]], sym, fmt.Sprintf("want a symbol not already on line %d", prev))
			return
		}
		lines[sym] = line
		var m symbolMeta
		if idx[1] >= 0 && strings.TrimSpace(rec[idx[1]]) != "" {
			c, ok := currencyCode(rec[idx[1]])
			if !ok {
				t.problem(line, t.header[idx[1]], rec[idx[1]], wantCurrency)
				return
			}
			m.currency = c
		}
		if idx[2] >= 0 && strings.TrimSpace(rec[idx[2]]) != "" {
			tz := strings.TrimSpace(rec[idx[2]])
			if _, err := time.LoadLocation(tz); err != nil || tz == "Local" {
				t.problem(line, t.header[idx[2]], rec[idx[2]], wantTimezone)
				return
			}
			m.timezone = tz
		}
		out[sym] = m
	})
	if err := t.err(); err != nil {
		return nil, err
	}
	return out, nil
}
