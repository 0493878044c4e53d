package quality

import (
	"encoding/binary"
	"fmt"
	"math"
	"testing"

	"github.com/gofolio/gofolio/quotes"
)

// FuzzCheck builds a series from arbitrary bytes (closes of any float64,
// including NaN, zero and negatives; days apart by 0 to 255; splits and
// dividends of any amount, on any day) and checks that Check and Repair
// never panic, that Repair leaves its input as it was, and that every
// finding names a symbol, a kind and dates in order.
func FuzzCheck(f *testing.F) {
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 0x59, 0x40, 2, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f})
	f.Add(make([]byte, 90))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := fuzzSeries(data)
		before := clone(s)
		in := map[string]*quotes.Series{"F": s}
		found := Check(in, Options{})
		for _, x := range found {
			if x.Symbol == "" || x.Kind == "" || x.To.Before(x.From) {
				t.Fatalf("bad finding %#v", x)
			}
		}
		Repair(in, found)
		if fmt.Sprint(*s) != fmt.Sprint(*before) { // NaN ≠ NaN for reflect.DeepEqual
			t.Fatal("Repair changed its input")
		}
	})
}

// fuzzSeries reads 9-byte records: a step in days and a float64; the step's
// top bits make some records a split or a dividend instead of a close.
func fuzzSeries(data []byte) *quotes.Series {
	s := &quotes.Series{Symbol: "F", SplitAdjusted: len(data)%2 == 0}
	day := quotes.Date(2000, 1, 3)
	for len(data) >= 9 {
		step, v := data[0], math.Float64frombits(binary.LittleEndian.Uint64(data[1:9]))
		data = data[9:]
		day = day.AddDate(0, 0, int(step&0x3f))
		switch step >> 6 {
		case 1:
			s.Splits = append(s.Splits, quotes.Split{Date: day, Numerator: v, Denominator: 1})
		case 2:
			s.Dividends = append(s.Dividends, quotes.Dividend{Date: day, Amount: v})
		default:
			s.Dates, s.Close = append(s.Dates, day), append(s.Close, v)
		}
	}
	return s
}
