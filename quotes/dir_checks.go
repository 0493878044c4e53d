package quotes

import (
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"time"
)

// Bounds of what a price folder may hold. Values outside them are typing or
// export errors, not market data, and would reach the reports as absurd
// figures (a 1e-320 close, a NaN from splits multiplying past float64).
const (
	// minClose and maxClose bound a close: the cheapest crypto tokens
	// trade around 1e-8 of a dollar, the dearest shares around 1e6.
	minClose, maxClose = 1e-10, 1e12
	// minSplitRatio and maxSplitRatio bound one split's ratio (new
	// shares per old one): real reverse splits reach 1:10000, forward
	// ones 100:1.
	minSplitRatio, maxSplitRatio = 1e-6, 1e6
	// maxSplitProduct bounds the product of a symbol's split ratios
	// (and of their inverses), which the engine multiplies quantities
	// and closes by.
	maxSplitProduct = 1e12
)

// minDate is the first date a price folder may hold; maxDate(now) the
// last: a year after now, room for announced splits and dividends.
var minDate = Date(1900, 1, 1)

func maxDate(now time.Time) time.Time { return Day(now.UTC()).AddDate(1, 0, 0) }

// num shows a number as the shortest text that reads back as it, in
// exponent form when large or small: 1e-320, never 320 digits.
func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// openRegular opens name in root when it is a regular file, or a symbolic
// link to one inside root. Anything else, a named pipe above all, whose
// open would wait for a writer forever, is refused unopened.
func openRegular(root *os.Root, name string) (*os.File, error) {
	info, err := root.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s): want a CSV file", name, fileKind(info.Mode()))
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	// Replaced between Stat and Open: check what was opened.
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s is not a regular file: want a CSV file", name)
	}
	return f, nil
}

// fileKind names the type of a file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}
