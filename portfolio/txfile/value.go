package txfile

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// cell is one cell of an input row: its text as found (for a
// spreadsheet, the raw stored value, never the formatted one) and what the
// spreadsheet says about it. CSV cells are plain text: every flag is false.
type cell struct {
	text string
	// numeric: the spreadsheet stores a number (text is its raw value).
	numeric bool
	// dateFormat: a numeric cell whose number format is a date or time
	// format, so text is a serial day count.
	dateFormat bool
	errorValue bool // a spreadsheet error such as #N/A (text is the error)
	boolean    bool // a TRUE/FALSE cell (text is "1" or "0")
	// formulaNoValue: a formula whose result was never saved, so there is
	// no value to read.
	formulaNoValue bool
	// tooLong is the number of characters of a spreadsheet cell longer
	// than Excel's 32,767 (text is then only its first 60), 0 otherwise.
	tooLong int
}

// Limits on values, to catch typing slips and garbage rather than to model
// real markets.
const (
	maxNumber = txn.MaxNumber // largest accepted quantity, price, commission or amount
	firstYear = 1900
	lastYear  = 2100
)

// The messages below say what would have been accepted; tests assert them.
const (
	expectNumber        = "a number such as 1234.56"
	expectDecimalPoint  = "a number with '.' as the decimal separator, such as 12.5"
	expectFinite        = txn.ExpectFinite
	expectNotHuge       = txn.ExpectNotHuge
	expectNumberNotBool = "a number, not TRUE or FALSE"
	expectSavedResult   = "a value: the formula has no saved result (open and save the file in a spreadsheet program)"
	expectDate          = "a date: yyyy-mm-dd, a yyyymmdd number or a spreadsheet date"
	expectISODate       = "an unambiguous ISO date such as 2016-02-01 (is 01/02/2016 the 1st of February or the 2nd of January?)"
	expectDateFormat    = "a date: this number has no date format and is not a yyyymmdd date"
	expectDateRange     = "a date between 1900-01-01 and 2100-12-31 (far past or future)"
	expectNoTime        = "a date without a time of day"
	expectLeapDay1900   = "a date that exists: day 60 of the 1900 date system is 1900-02-29, which Lotus 1-2-3 invented and Excel kept (type the date again)"
	expectText          = "text, not a number"
	expectUTF8          = "UTF-8 text"
	expectCurrency      = "a 3-letter ISO 4217 code such as USD, or one of the minor units GBp, GBX, ZAc, ILA"
	expectCurrencyMixed = "a currency code in one case (USD or usd): mixed case is ambiguous, as GBp is pence and GBP pounds"
	expectSymbolChars   = "a symbol without control characters"
)

// errorExpect is the message for a spreadsheet error value.
func errorExpect(value string) string {
	return "a value, not the spreadsheet error " + value + " (fix the formula or the data it uses)"
}

// spreadsheetErrors are the error values spreadsheets show in place of
// a formula result; a CSV exported from a sheet carries them as text.
var spreadsheetErrors = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true,
	"#NUM!": true, "#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true,
	"#FIELD!": true, "#BLOCKED!": true, "#CONNECT!": true, "#UNKNOWN!": true, "#BUSY!": true,
}

// trim removes surrounding white space, including the non-breaking
// spaces (U+00A0) that web pages and spreadsheets paste in, zero-width
// spaces and byte order marks.
func trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
	})
}

// cellProblem reports why a cell holds no usable value of any type:
// a spreadsheet error, a formula without a saved result, or text that is
// not UTF-8. It returns "" when the cell is usable.
func cellProblem(c cell) string {
	switch {
	case c.tooLong > 0:
		return fmt.Sprintf("a cell of at most 32,767 characters (Excel's limit): this one has %d (the first %d are shown)", c.tooLong, txn.MaxQuotedRunes)
	case c.errorValue:
		return errorExpect(c.text)
	case c.formulaNoValue:
		return expectSavedResult
	case !utf8.ValidString(c.text):
		return expectUTF8
	}
	if t := trim(c.text); spreadsheetErrors[strings.ToUpper(t)] {
		return errorExpect(t)
	}
	return ""
}

var (
	plainNumber = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$`)
	// Groups of three digits separated by commas, with an optional decimal
	// point: "1,234.50". "1,234" is read as one thousand two hundred and
	// thirty-four.
	thousands = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$`)
	// A comma used as the decimal separator, possibly after '.' thousands
	// separators: "12,5", "1.234,56".
	decimalComma = regexp.MustCompile(`^[+-]?(\d+|\d{1,3}(\.\d{3})+),\d+$`)
	nonFinite    = regexp.MustCompile(`(?i)^[+-]?(nan|inf|infinity)$`)
)

// parseNumber parses a number cell. blank reports an empty cell; expected is
// non-empty when the cell holds something other than an acceptable number.
//
// Accepted: plain decimals ("1234.5", "-3", "1e3"), and in text cells
// comma thousands separators ("1,234.50"). Rejected: decimal commas
// ("12,5"), NaN and infinities, currency signs or units, magnitudes above
// 1e12, TRUE/FALSE, spreadsheet errors.
func parseNumber(c cell) (v float64, blank bool, expected string) {
	if p := cellProblem(c); p != "" {
		return 0, false, p
	}
	s := trim(c.text)
	if s == "" {
		return 0, true, ""
	}
	if c.boolean {
		return 0, false, expectNumberNotBool
	}
	switch {
	case plainNumber.MatchString(s):
	case thousands.MatchString(s):
		s = strings.ReplaceAll(s, ",", "")
	case decimalComma.MatchString(s):
		return 0, false, expectDecimalPoint
	case nonFinite.MatchString(s):
		return 0, false, expectFinite
	default:
		return 0, false, expectNumber
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		// Only a range error is possible after the pattern matched: the
		// magnitude is beyond float64.
		return 0, false, expectNotHuge
	}
	if math.Abs(v) > maxNumber {
		return 0, false, expectNotHuge
	}
	return v, false, ""
}

var (
	isoDate     = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	isoDateTime = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$`)
	yyyymmdd    = regexp.MustCompile(`^\d{8}$`)
	slashDate   = regexp.MustCompile(`^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$`)
)

// parseDate parses a date cell into midnight UTC.
//
// Accepted: ISO text "2016-02-01"; ISO date-times at midnight
// ("2016-02-01T00:00:00", "2016-02-01 00:00:00Z"); a yyyymmdd number or text
// (19000101..99991231, the original notebook's layout); and in spreadsheets a
// numeric cell with a date format, read as a serial day count in the
// workbook's date system (1900 or 1904). Integers in the yyyymmdd range are
// always yyyymmdd: serial numbers of dates up to 2100 are below 73,051, so
// the two never meet. Rejected: day/month orders ("01/02/2016", ambiguous),
// a time of day other than midnight, dates outside 1900..2100, plain numbers
// without a date format.
func parseDate(c cell, date1904 bool) (d time.Time, blank bool, expected string) {
	if p := cellProblem(c); p != "" {
		return time.Time{}, false, p
	}
	s := trim(c.text)
	if s == "" {
		return time.Time{}, true, ""
	}
	if c.boolean {
		return time.Time{}, false, expectDate
	}
	if c.numeric {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return time.Time{}, false, expectDate
		}
		if v == math.Trunc(v) && v >= 19000101 && v <= 99991231 {
			return ymdNumber(int(v))
		}
		if !c.dateFormat {
			return time.Time{}, false, expectDateFormat
		}
		return serialDate(v, date1904)
	}
	if yyyymmdd.MatchString(s) {
		n, _ := strconv.Atoi(s)
		return ymdNumber(n)
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return checkDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := isoDateTime.FindStringSubmatch(s); m != nil {
		d, _, expected := checkDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
		if expected != "" {
			return time.Time{}, false, expected
		}
		if strings.Trim(m[4]+m[5]+m[7]+strings.TrimPrefix(m[8], "."), "0") != "" {
			return time.Time{}, false, expectNoTime
		}
		return d, false, ""
	}
	if slashDate.MatchString(s) {
		return time.Time{}, false, expectISODate
	}
	return time.Time{}, false, expectDate
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func ymdNumber(n int) (time.Time, bool, string) {
	return checkDate(n/10000, n/100%100, n%100)
}

// checkDate builds the date y-m-d, rejecting impossible days (such as
// February 30th, which time.Date would silently normalise) and years
// outside 1900..2100.
func checkDate(y, m, d int) (time.Time, bool, string) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, false, expectDate
	}
	if y < firstYear || y > lastYear {
		return time.Time{}, false, expectDateRange
	}
	return t, false, ""
}

// serialDate converts a spreadsheet serial day count. In the 1900
// system day 1 is 1900-01-01 and day 59 1900-02-28; day 60 is 1900-02-29,
// a day that never was (Lotus 1-2-3 took 1900 for a leap year, and Excel
// kept the mistake so that its serials match), so it is a problem; from
// day 61, 1900-03-01, a serial d is 1899-12-30 plus d days. In the 1904
// system day 0 is 1904-01-01. A fraction is a time of day, rounded to the
// second: anything but midnight is a problem.
func serialDate(v float64, date1904 bool) (time.Time, bool, string) {
	// 1900..2100 is at most 73,051 days in either system; anything much
	// further out is rejected before it reaches date arithmetic.
	if v < 0 || v > 80000 {
		return time.Time{}, false, expectDateRange
	}
	days := math.Floor(v)
	seconds := math.Round((v - days) * 86400)
	if seconds == 86400 { // within half a second of the next midnight
		days, seconds = days+1, 0
	}
	if seconds != 0 {
		return time.Time{}, false, expectNoTime
	}
	d := int(days)
	var t time.Time
	switch {
	case date1904:
		t = time.Date(1904, 1, 1+d, 0, 0, 0, 0, time.UTC)
	case d == 60:
		return time.Time{}, false, expectLeapDay1900
	case d < 60:
		t = time.Date(1899, 12, 31+d, 0, 0, 0, 0, time.UTC)
	default:
		t = time.Date(1899, 12, 30+d, 0, 0, 0, 0, time.UTC)
	}
	if t.Year() < firstYear || t.Year() > lastYear {
		return time.Time{}, false, expectDateRange
	}
	return t, false, ""
}

// parseCurrency reads a currency code as fx.Normalize spells it: upper
// case ("usd" is USD), minor units kept (GBp, ZAc), mixed case refused.
func parseCurrency(c cell) (string, string) {
	s, expected := parseText(c)
	if expected != "" || s == "" {
		return "", expected
	}
	code, err := fx.Normalize(s)
	if err != nil {
		if len(s) == 3 && strings.ToUpper(s) != s && strings.ToLower(s) != s {
			return "", expectCurrencyMixed
		}
		return "", expectCurrency
	}
	return code, ""
}

// parseText reads a text cell, trimmed. Numbers are accepted as text (a
// symbol such as 7203 for Toyota in Tokyo is a number to a spreadsheet).
func parseText(c cell) (string, string) {
	if p := cellProblem(c); p != "" {
		return "", p
	}
	if c.boolean {
		return "", expectText
	}
	return trim(c.text), ""
}

// parseSymbol reads a symbol: trimmed (non-breaking spaces included), case
// kept (symbols such as "BRK-b" on some sources are case-sensitive), and
// rejected when it holds control or formatting characters, which cannot be
// a ticker and which would corrupt messages and reports.
func parseSymbol(c cell) (string, string) {
	s, expected := parseText(c)
	if expected != "" {
		return "", expected
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return "", expectSymbolChars
		}
	}
	return s, ""
}

// parseNote reads a note verbatim except for surrounding space: HTML,
// quotes and control characters are kept, to be escaped where rendered.
func parseNote(c cell) (string, string) {
	if !utf8.ValidString(c.text) {
		return "", expectUTF8
	}
	if c.errorValue || c.formulaNoValue || c.tooLong > 0 {
		return parseText(c)
	}
	return trim(c.text), ""
}
