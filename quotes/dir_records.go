package quotes

import (
	"encoding/csv"
	"io"
	"io/fs"
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
// well-formed dates that fill price files: four digits, a hyphen, two
// digits from 01 to 12, a hyphen, two digits naming a day of that month.
// Anything else goes to time.Parse, for its verdict and its message.
func parseDay(s string) (time.Time, error) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, okY := digits(s[0:4])
		m, okM := digits(s[5:7])
		d, okD := digits(s[8:10])
		if okY && okM && okD && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(time.Month(m), y) {
			return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Parse(time.DateOnly, s)
}

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
