package lots

import (
	"fmt"
	"strings"
)

// Method is how a sale picks the shares it sells.
type Method uint8

// The matching methods. The zero Method is Average, the engine's default.
const (
	Average  Method = iota // every sale at the average cost of the shares held
	FIFO                   // the oldest lot first
	LIFO                   // the newest lot first
	HIFO                   // the lot of highest cost per share first
	Specific               // the lot the SELL row names in its lot column
	UK                     // HMRC share identification: same day, 30 days, Section 104 pool
	US                     // FIFO (or the named lot) with wash sales
)

var methodNames = [...]string{"average", "fifo", "lifo", "hifo", "specific", "uk", "us"}

// String is the method's name as the -lots flag takes it.
func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", m)
}

// Methods lists every method in order.
func Methods() []Method { return []Method{Average, FIFO, LIFO, HIFO, Specific, UK, US} }

// ParseMethod reads a method name, ignoring case and surrounding space.
func ParseMethod(s string) (Method, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, n := range methodNames {
		if n == s {
			return Method(i), nil
		}
	}
	return 0, fmt.Errorf("lots: unknown method %q: expected one of %s", s, strings.Join(methodNames[:], ", "))
}
