package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// output is what every implementation computes for a workload, in the
// layout perfio.py documents: quantity held per symbol and date
// (symbol-major) and the portfolio balance per date.
type output struct {
	symbols  []string
	dates    []int64 // days since 1970-01-01
	quantity []float64
	balance  []float64
}

func (o *output) write(dir, name string) error {
	base := filepath.Join(dir, name)
	var syms bytes.Buffer
	for _, s := range o.symbols {
		syms.WriteString(s + "\n")
	}
	if err := os.WriteFile(base+".symbols.txt", syms.Bytes(), 0o644); err != nil {
		return err
	}
	for ext, data := range map[string]any{".dates.i64": o.dates, ".qty.f64": o.quantity, ".balance.f64": o.balance} {
		if err := writeBinary(base+ext, data); err != nil {
			return err
		}
	}
	return nil
}

func writeBinary(path string, data any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(f, 1<<20)
	if err := binary.Write(b, binary.LittleEndian, data); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := b.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}

// readOutput reads the name.* files an implementation wrote in dir.
func readOutput(dir, name string) (*output, error) {
	base := filepath.Join(dir, name)
	syms, err := os.ReadFile(base + ".symbols.txt")
	if err != nil {
		return nil, err
	}
	o := &output{symbols: strings.Fields(string(syms))}
	if o.dates, err = readBinary[int64](base + ".dates.i64"); err != nil {
		return nil, err
	}
	if o.quantity, err = readBinary[float64](base + ".qty.f64"); err != nil {
		return nil, err
	}
	if o.balance, err = readBinary[float64](base + ".balance.f64"); err != nil {
		return nil, err
	}
	if len(o.quantity) != len(o.symbols)*len(o.dates) || len(o.balance) != len(o.dates) {
		return nil, fmt.Errorf("%s: %d quantities and %d balances for %d symbols × %d dates",
			base, len(o.quantity), len(o.balance), len(o.symbols), len(o.dates))
	}
	return o, nil
}

func readBinary[T int64 | float64](path string) ([]T, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(raw)%8 != 0 {
		return nil, fmt.Errorf("%s: %d bytes is not a whole number of 8-byte values", path, len(raw))
	}
	out := make([]T, len(raw)/8)
	if err := binary.Read(bytes.NewReader(raw), binary.LittleEndian, out); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// tolerance is how far apart two implementations' numbers may be: the
// implementations add the same numbers in different orders, so they differ
// by rounding only.
const tolerance = 1e-9

// near reports whether a and b agree to tolerance relative to the larger
// of |a|, |b| and 1 (so that values below one currency unit or share are
// held to 1e-9 absolute).
func near(a, b float64) bool {
	return math.Abs(a-b) <= tolerance*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// agree checks that got (from implementation name) has the same symbols and
// dates as want and that every quantity and balance agrees to tolerance.
// The error names the first few disagreements and how many there are.
func agree(want, got *output, name string) error {
	if !slices.Equal(want.symbols, got.symbols) {
		return fmt.Errorf("%s: %d symbols %v…, want %d %v…", name,
			len(got.symbols), head(got.symbols), len(want.symbols), head(want.symbols))
	}
	if !slices.Equal(want.dates, got.dates) {
		return fmt.Errorf("%s: %d dates from %s, want %d from %s", name,
			len(got.dates), dayString(got.dates), len(want.dates), dayString(want.dates))
	}
	var bad []string
	count := 0
	n := len(want.dates)
	for i := range want.quantity {
		if !near(want.quantity[i], got.quantity[i]) {
			count++
			if len(bad) < 3 {
				bad = append(bad, fmt.Sprintf("quantity of %s on %s is %v, want %v", want.symbols[i/n],
					dayString(want.dates[i%n:]), got.quantity[i], want.quantity[i]))
			}
		}
	}
	for d := range want.balance {
		if !near(want.balance[d], got.balance[d]) {
			count++
			if len(bad) < 6 {
				bad = append(bad, fmt.Sprintf("balance on %s is %v, want %v", dayString(want.dates[d:]), got.balance[d], want.balance[d]))
			}
		}
	}
	if count > 0 {
		return fmt.Errorf("%s disagrees in %d values (tolerance %g relative): %s", name, count, tolerance, strings.Join(bad, "; "))
	}
	return nil
}

func head(s []string) []string { return s[:min(3, len(s))] }

// dayString formats the first of days (days since 1970-01-01).
func dayString(days []int64) string {
	if len(days) == 0 {
		return "(none)"
	}
	return time.Unix(days[0]*86400, 0).UTC().Format(time.DateOnly)
}
