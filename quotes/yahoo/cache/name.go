package cache

import (
	"fmt"
	"strings"
)

// Ext is the extension of cache files.
const Ext = ".json"

// FileName returns the base name of the cache file for symbol: every byte
// outside [A-Za-z0-9._-], and a leading '.', written as %XX with upper-case
// hex, then Ext. "^GSPC" gives "%5EGSPC.json", "../x" gives "%2E.%2Fx.json".
// Distinct symbols give distinct names, and SymbolOf reverses it. The empty
// symbol, which no source accepts, gets "%.json" (a lone '%' no other symbol
// produces) rather than the hidden ".json".
func FileName(symbol string) string {
	const hex = "0123456789ABCDEF"
	if symbol == "" {
		return "%" + Ext
	}
	var b strings.Builder
	b.Grow(len(symbol) + len(Ext))
	for i := 0; i < len(symbol); i++ {
		c := symbol[i]
		if isPlain(c) && !(i == 0 && c == '.') {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	b.WriteString(Ext)
	return b.String()
}

// SymbolOf is the inverse of FileName. It rejects names FileName cannot
// produce, so that each symbol has exactly one file.
func SymbolOf(name string) (string, error) {
	enc, ok := strings.CutSuffix(name, Ext)
	if !ok || enc == "" {
		return "", fmt.Errorf("cache: %q is not a cache file name", name)
	}
	if enc == "%" {
		return "", nil
	}
	var b strings.Builder
	for i := 0; i < len(enc); i++ {
		c := enc[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+2 >= len(enc) {
			return "", fmt.Errorf("cache: %q: truncated escape", name)
		}
		hi, ok1 := unhex(enc[i+1])
		lo, ok2 := unhex(enc[i+2])
		if !ok1 || !ok2 {
			return "", fmt.Errorf("cache: %q: bad escape %q", name, enc[i:i+3])
		}
		b.WriteByte(hi<<4 | lo)
		i += 2
	}
	sym := b.String()
	if FileName(sym) != name {
		return "", fmt.Errorf("cache: %q is not in canonical form", name)
	}
	return sym, nil
}

func isPlain(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '.' || c == '_' || c == '-'
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
