package quotes

import (
	"encoding/csv"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"time"
)

// records yields the records of a CSV text one at a time with the line each
// starts on, as an encoding/csv Reader with FieldsPerRecord -1 reads them:
// io.EOF after the last, a *csv.ParseError for malformed quoting.
type records interface {
	next() (rec []string, line int, err error)
}

// newRecords reads the CSV text. A text without a double quote, which is
// nearly every price file, is split in place (plainRecords): every field is
// a substring of text, so a row costs no allocation. A text with quotes
// goes through encoding/csv.
func newRecords(text string) records {
	if strings.IndexByte(text, '"') < 0 {
		return &plainRecords{text: text}
	}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	return &csvRecords{r}
}

type csvRecords struct{ r *csv.Reader }

func (c *csvRecords) next() ([]string, int, error) {
	rec, err := c.r.Read()
	if err != nil {
		return nil, 0, err
	}
	line, _ := c.r.FieldPos(0)
	return rec, line, nil
}

// plainRecords splits a CSV text that has no double quote exactly as
// encoding/csv does (FuzzPlainRecords checks it): lines end at "\n", one
// "\r" before it (or before the end of the text) is dropped, empty lines
// are skipped but counted, and fields are separated by commas, kept as they
// are (spaces included). The record slice is reused from call to call.
type plainRecords struct {
	text string
	pos  int // where the next line starts
	line int // the number of the line last read
	rec  []string
}

func (p *plainRecords) next() ([]string, int, error) {
	for p.pos < len(p.text) {
		p.line++
		rest := p.text[p.pos:]
		end := strings.IndexByte(rest, '\n')
		if end < 0 {
			end = len(rest)
			p.pos = len(p.text)
		} else {
			p.pos += end + 1
		}
		line := strings.TrimSuffix(rest[:end], "\r")
		if line == "" {
			continue
		}
		p.rec = p.rec[:0]
		for {
			i := strings.IndexByte(line, ',')
			if i < 0 {
				p.rec = append(p.rec, line)
				break
			}
			p.rec = append(p.rec, line[:i])
			line = line[i+1:]
		}
		return p.rec, p.line, nil
	}
	return nil, 0, io.EOF
}

// readAll reads r to the end as a string, in one allocation of the right
// size when r can tell its size (an *os.File) and does not grow meanwhile.
func readAll(r io.Reader) (string, error) {
	size := 512
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Size() > 0 && info.Size() < 1<<30 {
			size = int(info.Size()) + 1 // +1 to see the end without growing
		}
	}
	var b strings.Builder
	b.Grow(size)
	_, err := io.Copy(&b, r)
	return b.String(), err
}

// parseDay parses s as time.Parse(time.DateOnly, s) does, with the same
// result and errors, but without its general layout machinery for the
// well-formed dates that fill price files: four digits (a year from 0001),
// a hyphen, two digits from 01 to 12, a hyphen, two digits naming a day of
// that month. Anything else goes to time.Parse, for its verdict and its
// message. TestParseDayMatchesTimeParse checks every day from 0001 to 9999.
func parseDay(s string) (time.Time, error) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, okY := digits(s[0:4])
		m, okM := digits(s[5:7])
		d, okD := digits(s[8:10])
		if okY && okM && okD && y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(time.Month(m), y) {
			return time.Unix(daysFromCivil(y, m, d)*secondsPerDay, 0).UTC(), nil
		}
	}
	return time.Parse(time.DateOnly, s)
}

const secondsPerDay = 24 * 60 * 60

// daysFromCivil is the number of days from 1970-01-01 to year y (≥ 1),
// month m, day d of the proleptic Gregorian calendar (H. Hinnant's
// days_from_civil): with the year taken to start on 1 March, so that the
// leap day ends it, the day of the year is (153·(m−3 mod 12)+2)/5 + d−1,
// and each 400-year era has 146097 days; 719468 is the day number of
// 1970-01-01 counted from 0000-03-01.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400 // y ≥ 0 here, so this is the floor
	yoe := y - era*400
	mp := (m + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era*146097+doe) - 719468
}

// parseNumber parses s as strconv.ParseFloat(s, 64) does, bit for bit,
// with a fast path for the plain decimals of price files ("123.45"): up to
// 19 digits with at most one point, no sign or exponent, whose digits read
// as an integer below 2^53. That integer is exact as a float64, as is
// 10^k for the k ≤ 19 digits after the point, so their quotient is the
// one correctly rounded result, which is what ParseFloat returns
// (its own exact fast path divides the same way). Anything else goes to
// ParseFloat. FuzzParseNumber compares the two.
func parseNumber(s string) (float64, error) {
	if f, ok := plainDecimal(s); ok {
		return f, nil
	}
	return strconv.ParseFloat(s, 64)
}

func plainDecimal(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 20 {
		return 0, false
	}
	var mantissa uint64
	digitCount, fraction := 0, -1 // fraction: digits after the point, -1 before it
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			mantissa = mantissa*10 + uint64(c-'0')
			digitCount++
			if fraction >= 0 {
				fraction++
			}
		case c == '.' && fraction < 0:
			fraction = 0
		default:
			return 0, false
		}
	}
	if digitCount == 0 || digitCount > 19 || mantissa >= 1<<53 {
		return 0, false
	}
	f := float64(mantissa)
	if fraction > 0 {
		f /= pow10[fraction]
	}
	return f, true
}

// pow10 are the powers of ten up to 10^19, every one exact in a float64.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// digits reads s, all ASCII digits, as a number.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		n = n*10 + int(c)
	}
	return n, true
}

// daysIn is the number of days of month m of year y (proleptic Gregorian,
// as package time counts).
func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}
