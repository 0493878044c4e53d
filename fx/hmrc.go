package fx

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// GBP is the currency HMRC's monthly rates are quoted against.
const GBP = "GBP"

// ReadHMRC reads HMRC's monthly exchange rates in the CSV layout
// month,currency,rate (as the UK capital gains calculator cgt-calc keeps
// them): rate is units of currency per 1 GBP for the whole calendar month
// of month, a date YYYY-MM-DD (any day of the month) or YYYY-MM. Lines
// starting with "#" are comments; the columns may come in any order, rows
// too.
//
// Each currency C becomes the pair GBP/C (USD 1.25: 1 GBP = 1.25 USD),
// with one rate per month dated the first day of the month. A Converter
// forward-fills it, so the rate applies to every day of its month; a month
// missing from the file takes the rate of the last month before it. Since
// every pair involves GBP, convert to or from GBP (a Converter crosses
// other currencies through USD, not GBP).
//
// The same month of a currency may appear on several rows (one per day
// looked up) when they give the same rate; different rates for one month
// are an error. Every problem is reported at once (up to 50), each naming
// its line, column and value.
func ReadHMRC(r io.Reader) ([]Pair, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	header, idx, err := readHMRCHeader(cr)
	if err != nil {
		return nil, err
	}
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	rates := map[hmrcKey]hmrcRate{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, fmt.Errorf("fx: HMRC rates: %w", err)
			}
			report("line %d: %v", pe.Line, pe.Err)
			if pe.Err == csv.ErrQuote || pe.Err == csv.ErrBareQuote {
				break // the reader cannot find the next line reliably
			}
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if slices.ContainsFunc(idx, func(i int) bool { return i >= len(rec) }) {
			report("line %d: %q: want %d fields as in the header", line, strings.Join(rec, ","), len(header))
			continue
		}
		k, rate, bad := hmrcRow(line, rec, header, idx)
		problems = append(problems, bad...)
		if len(bad) > 0 {
			continue
		}
		if prev, dup := rates[k]; dup && prev.rate != rate {
			report("line %d, column %s: %q: want the rate of line %d, %s, for %s in %s: a month has one rate",
				line, header[idx[2]], rec[idx[2]], prev.line, strconv.FormatFloat(prev.rate, 'g', -1, 64),
				k.currency, k.month.Format("2006-01"))
		} else if !dup {
			rates[k] = hmrcRate{rate, line}
		}
	}
	if len(problems) > 0 {
		return nil, problemList("fx: HMRC rates", problems)
	}
	return hmrcPairs(rates), nil
}

// hmrcKey is a currency's month, dated its first day.
type hmrcKey struct {
	currency string
	month    time.Time
}

// hmrcRate is a month's rate and the line it was first read on.
type hmrcRate struct {
	rate float64
	line int
}

// hmrcRow reads the month, currency and rate of one row, at the indexes
// idx, or says what is wrong with them.
func hmrcRow(line int, rec, header []string, idx []int) (k hmrcKey, rate float64, problems []string) {
	month, okMonth := hmrcMonth(rec[idx[0]])
	if !okMonth {
		problems = append(problems, fmt.Sprintf("line %d, column %s: %q: want a month YYYY-MM or a date YYYY-MM-DD",
			line, header[idx[0]], rec[idx[0]]))
	}
	currency, err := Normalize(rec[idx[1]])
	if err != nil || currency == GBP {
		problems = append(problems, fmt.Sprintf("line %d, column %s: %q: want the code of a currency other than GBP, such as USD",
			line, header[idx[1]], rec[idx[1]]))
	}
	rate, err = strconv.ParseFloat(strings.TrimSpace(rec[idx[2]]), 64)
	if err != nil || !(rate > 0) || math.IsInf(rate, 0) {
		problems = append(problems, fmt.Sprintf("line %d, column %s: %q: want a positive rate (units of the currency per 1 GBP)",
			line, header[idx[2]], rec[idx[2]]))
	}
	return hmrcKey{currency, month}, rate, problems
}

// hmrcPairs turns the monthly rates into one GBP/currency pair per
// currency, sorted by currency, each month dated its first day.
func hmrcPairs(rates map[hmrcKey]hmrcRate) []Pair {
	keys := make([]hmrcKey, 0, len(rates))
	for k := range rates {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		return a.currency < b.currency || a.currency == b.currency && a.month.Before(b.month)
	})
	var pairs []Pair
	for _, k := range keys {
		if len(pairs) == 0 || pairs[len(pairs)-1].Quote != k.currency {
			pairs = append(pairs, Pair{Base: GBP, Quote: k.currency})
		}
		p := &pairs[len(pairs)-1]
		p.Dates = append(p.Dates, k.month)
		p.Rates = append(p.Rates, rates[k].rate)
	}
	return pairs
}

// readHMRCHeader reads the header line and the indexes of its month,
// currency and rate columns, or says which are missing.
func readHMRCHeader(cr *csv.Reader) (header []string, idx []int, err error) {
	header, err = cr.Read()
	if err == io.EOF {
		return nil, nil, errors.New("fx: HMRC rates are empty: want a header line month,currency,rate")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("fx: HMRC rates: %w", err)
	}
	idx = hmrcColumns(header)
	var problems []string
	for i, name := range []string{"month", "currency", "rate"} {
		if idx[i] < 0 {
			line, _ := cr.FieldPos(0)
			problems = append(problems, fmt.Sprintf("line %d: %q: no %s column: want the columns month,currency,rate",
				line, strings.Join(header, ","), name))
		}
	}
	if len(problems) > 0 {
		return nil, nil, problemList("fx: HMRC rates", problems)
	}
	return header, idx, nil
}

// hmrcColumns gives the indexes of the month, currency and rate columns of
// header, -1 for a missing one.
func hmrcColumns(header []string) []int {
	idx := []int{-1, -1, -1}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if j := slices.Index([]string{"month", "currency", "rate"}, name); j >= 0 && idx[j] < 0 {
			idx[j] = i
		}
	}
	return idx
}

// hmrcMonth reads a month, YYYY-MM or any date YYYY-MM-DD in it, as its
// first day.
func hmrcMonth(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}
