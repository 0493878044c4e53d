package fx

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// fredCountries maps the two-letter country codes in FRED's daily
// exchange-rate series names (DEXUSUK, DEXJPUS...) to ISO 4217 currencies.
var fredCountries = map[string]string{
	"AL": "AUD", "BZ": "BRL", "CA": "CAD", "CH": "CNY", "DN": "DKK",
	"EU": "EUR", "HK": "HKD", "IN": "INR", "JP": "JPY", "KO": "KRW",
	"MA": "MYR", "MX": "MXN", "NO": "NOK", "NZ": "NZD", "SD": "SEK",
	"SF": "ZAR", "SI": "SGD", "SL": "LKR", "SZ": "CHF", "TA": "TWD",
	"TH": "THB", "UK": "GBP",
	// Legacy series, discontinued with the euro.
	"GE": "DEM", "FR": "FRF", "IT": "ITL", "NE": "NLG", "SP": "ESP",
}

// maxReportedProblems caps how many problems ReadFRED lists one by one, so
// that a file of the wrong kind gives a readable error.
const maxReportedProblems = 50

// ReadFRED reads daily exchange rates in the layout of FRED's H.10 CSV
// downloads: a header whose first column is the date ("DATE", "Date" or
// "observation_date") followed by FRED series names, then one row per day
// with dates as YYYY-MM-DD, strictly ascending.
//
// A series DEXUSxx is USD per unit of country xx's currency, so it becomes
// the pair xx/USD (DEXUSUK 1.25 on a day: 1 GBP = 1.25 USD); a series
// DEXxxUS is units of xx per USD and becomes USD/xx (DEXJPUS 110: 1 USD =
// 110 JPY). The country codes are FRED's: EU (EUR), UK (GBP), JP (JPY),
// SZ (CHF), CA (CAD), AL (AUD), and the others of the H.10 release. Columns
// not named DEX... are ignored; a DEX column with an unknown country is an
// error. A blank or "." cell means no rate that day; a column with no rate
// at all gives no pair.
//
// Every problem is reported at once (up to 50), each naming its line,
// column and value.
func ReadFRED(r io.Reader) ([]Pair, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("fx: FRED data is empty: want a header line such as DATE,DEXUSUK")
	}
	if err != nil {
		return nil, fmt.Errorf("fx: FRED data: %w", err)
	}
	header = slices.Clone(header) // the reader reuses its record
	var problems []string
	report := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	if name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(header[0], "\ufeff"))); name != "date" && name != "observation_date" {
		report("line 1, column 1: %q: want DATE or observation_date", header[0])
	}
	type column struct {
		index int
		pair  Pair
	}
	var columns []*column
	for i := 1; i < len(header); i++ {
		name := strings.ToUpper(strings.TrimSpace(header[i]))
		if !strings.HasPrefix(name, "DEX") {
			continue
		}
		p, ok := fredPair(name)
		if !ok {
			report("line 1, column %d: %q: want a FRED exchange-rate series DEXUSxx or DEXxxUS with a known country code xx", i+1, header[i])
			continue
		}
		columns = append(columns, &column{index: i, pair: p})
	}
	var last time.Time
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				report("line %d: %v", pe.Line, pe.Err)
				if pe.Err == csv.ErrQuote || pe.Err == csv.ErrBareQuote {
					// Quote errors leave the reader unable to find the next
					// line reliably.
					break
				}
				continue
			}
			return nil, fmt.Errorf("fx: FRED data: %w", err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		date, err := time.Parse(time.DateOnly, strings.TrimSpace(rec[0]))
		if err != nil {
			report("line %d, column 1: %q: want a date YYYY-MM-DD", line, rec[0])
			continue
		}
		if !last.IsZero() && !date.After(last) {
			report("line %d, column 1: %q: dates must be strictly ascending, but the line before has %s", line, rec[0], last.Format(time.DateOnly))
			continue
		}
		last = date
		for _, col := range columns {
			if col.index >= len(rec) {
				continue // a short line: the trailing series have no rate that day
			}
			cell := strings.TrimSpace(rec[col.index])
			if cell == "" || cell == "." {
				continue
			}
			v, err := strconv.ParseFloat(cell, 64)
			if err != nil || !(v > 0) || math.IsInf(v, 0) {
				report("line %d, column %d (%s): %q: want a positive rate, blank or \".\"", line, col.index+1, header[col.index], cell)
				continue
			}
			col.pair.Dates = append(col.pair.Dates, date)
			col.pair.Rates = append(col.pair.Rates, v)
		}
	}
	if len(problems) > 0 {
		return nil, problemList("fx: FRED data", problems)
	}
	var pairs []Pair
	for _, col := range columns {
		if len(col.pair.Dates) > 0 {
			pairs = append(pairs, col.pair)
		}
	}
	return pairs, nil
}

// fredPair turns a series name such as DEXUSUK into an empty pair.
func fredPair(name string) (Pair, bool) {
	code := strings.TrimPrefix(name, "DEX")
	if len(code) != 4 {
		return Pair{}, false
	}
	first, second := code[:2], code[2:]
	switch {
	case first == "US" && fredCountries[second] != "":
		return Pair{Base: fredCountries[second], Quote: USD}, true
	case second == "US" && fredCountries[first] != "":
		return Pair{Base: USD, Quote: fredCountries[first]}, true
	}
	return Pair{}, false
}

// problemList joins problems into one error, one per line, listing at most
// maxReportedProblems of them.
func problemList(what string, problems []string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d problem(s):", what, len(problems))
	for i, p := range problems {
		if i == maxReportedProblems {
			fmt.Fprintf(&b, "\n\t... and %d more", len(problems)-i)
			break
		}
		b.WriteString("\n\t")
		b.WriteString(p)
	}
	return errors.New(b.String())
}
