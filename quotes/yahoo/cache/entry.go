package cache

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// Format names the file layout written for entries that are not Legacy;
// files of a format neither it nor FormatV1 are refetched.
const Format = "gofolio-yahoo-cache/2"

// FormatV1 is the format of the files written by versions that fetched
// only the range asked for (see Entry.Legacy). Its layout is the same as
// Format's.
const FormatV1 = "gofolio-yahoo-cache/1"

// An Entry is what a cache file holds for one symbol.
type Entry struct {
	// Series is the cached history; its Symbol is the entry's symbol.
	Series *quotes.Series
	// From and To are the days covered: every trading day from From to To,
	// both inclusive, is in Series, and Yahoo was asked for all of them.
	From, To time.Time
	// Fetched is when the days up to To were last fetched.
	Fetched time.Time
	// Legacy marks an entry of a FormatV1 file. Earlier versions fetched
	// only the range asked for, while Yahoo divides every close by all the
	// splits it knows when asked, also those after that range: Series may
	// not list every split its closes are divided by, and Merge, which
	// relies on that list, cannot keep it on one basis. A Source fetches
	// such an entry again in full once. Encode writes a Legacy entry in
	// FormatV1, so that the mark survives a rewrite.
	Legacy bool
}

// Validate reports the first way in which e is not a usable entry.
func (e *Entry) Validate() error {
	if e.Series == nil {
		return errors.New("cache: entry has no series")
	}
	if err := e.Series.Validate(); err != nil {
		return err
	}
	if e.From.IsZero() || e.To.IsZero() || e.From != quotes.Day(e.From) || e.To != quotes.Day(e.To) {
		return fmt.Errorf("cache: %s: covered range %v to %v is not two days", e.Series.Symbol, e.From, e.To)
	}
	if e.To.Before(e.From) {
		return fmt.Errorf("cache: %s: covered range ends (%s) before it starts (%s)", e.Series.Symbol,
			e.To.Format(time.DateOnly), e.From.Format(time.DateOnly))
	}
	if n := e.Series.Len(); n > 0 && (e.Series.First().Before(e.From) || e.Series.Last().After(e.To)) {
		return fmt.Errorf("cache: %s: closes from %s to %s lie outside the covered range %s to %s", e.Series.Symbol,
			e.Series.First().Format(time.DateOnly), e.Series.Last().Format(time.DateOnly),
			e.From.Format(time.DateOnly), e.To.Format(time.DateOnly))
	}
	if e.Fetched.IsZero() {
		return fmt.Errorf("cache: %s: no fetch time", e.Series.Symbol)
	}
	return nil
}

// fileHeader is the part of the file before the closes; the closes are
// written by hand, one day a line, to keep the file readable and diffable.
type fileHeader struct {
	Format    string        `json:"format"`
	Symbol    string        `json:"symbol"`
	Currency  string        `json:"currency"`
	Timezone  string        `json:"timezone"`
	From      string        `json:"from"`
	To        string        `json:"to"`
	Fetched   time.Time     `json:"fetched"`
	Days      int           `json:"days"`
	Dividends []dividendRow `json:"dividends"`
	Splits    []splitRow    `json:"splits"`
	Closes    []closeRow    `json:"closes"`
}

type closeRow struct {
	Date  time.Time
	Close float64
}

type dividendRow struct {
	Date   time.Time
	Amount float64
}

type splitRow struct {
	Date                   time.Time
	Numerator, Denominator float64
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func day(t time.Time) string { return strconv.Quote(t.Format(time.DateOnly)) }

func (r closeRow) MarshalJSON() ([]byte, error) {
	return []byte("[" + day(r.Date) + ", " + num(r.Close) + "]"), nil
}

func (r dividendRow) MarshalJSON() ([]byte, error) {
	return []byte("[" + day(r.Date) + ", " + num(r.Amount) + "]"), nil
}

func (r splitRow) MarshalJSON() ([]byte, error) {
	return []byte("[" + day(r.Date) + ", " + num(r.Numerator) + ", " + num(r.Denominator) + "]"), nil
}

// unmarshalRow decodes a JSON array of a date followed by len(nums)
// numbers, such as ["2020-08-31", 4, 1]. The decoder has already checked
// that data is valid JSON, so splitting at commas is safe: any nested value
// or string with a comma gives a field that fails to parse. Rows are parsed
// by hand because they are most of the file and json.Unmarshal per field
// made loading a warm cache of 50 ten-year histories take a second.
func unmarshalRow(data []byte, date *time.Time, nums ...*float64) error {
	s := strings.TrimSpace(string(data))
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return fmt.Errorf("row %.40s is not an array", s)
	}
	fields := strings.Split(s[1:len(s)-1], ",")
	if len(fields) != 1+len(nums) {
		return fmt.Errorf("row %.40s has %d fields, want %d", s, len(fields), 1+len(nums))
	}
	d := strings.TrimSpace(fields[0])
	if len(d) != len(`"2006-01-02"`) || d[0] != '"' || d[len(d)-1] != '"' {
		return fmt.Errorf("row %.40s does not start with a date", s)
	}
	t, err := time.Parse(time.DateOnly, d[1:len(d)-1])
	if err != nil {
		return fmt.Errorf("row %.40s: %w", s, err)
	}
	*date = t
	for i, p := range nums {
		f := strings.TrimSpace(fields[1+i])
		v, err := strconv.ParseFloat(f, 64)
		if err != nil || f == "" || !(f[0] == '-' || '0' <= f[0] && f[0] <= '9') {
			return fmt.Errorf("row %.40s: field %d is not a number", s, 2+i)
		}
		*p = v
	}
	return nil
}

func (r *closeRow) UnmarshalJSON(b []byte) error    { return unmarshalRow(b, &r.Date, &r.Close) }
func (r *dividendRow) UnmarshalJSON(b []byte) error { return unmarshalRow(b, &r.Date, &r.Amount) }
func (r *splitRow) UnmarshalJSON(b []byte) error {
	return unmarshalRow(b, &r.Date, &r.Numerator, &r.Denominator)
}

// Encode writes e to w in the cache file format. It refuses an entry that
// fails Validate, so that no invalid file is ever written.
func Encode(w io.Writer, e *Entry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	s := e.Series
	bw := bufio.NewWriter(w)
	str := func(v string) string { b, _ := json.Marshal(v); return string(b) }
	format := Format
	if e.Legacy {
		format = FormatV1
	}
	fmt.Fprintf(bw, "{\n  \"format\": %s,\n  \"symbol\": %s,\n  \"currency\": %s,\n  \"timezone\": %s,\n",
		str(format), str(s.Symbol), str(s.Currency), str(s.Timezone))
	fmt.Fprintf(bw, "  \"from\": %s,\n  \"to\": %s,\n  \"fetched\": %s,\n  \"days\": %d,\n",
		day(e.From), day(e.To), strconv.Quote(e.Fetched.UTC().Format(time.RFC3339Nano)), s.Len())
	rows := func(name string, n int, row func(i int) ([]byte, error), last bool) {
		fmt.Fprintf(bw, "  %q: [", name)
		for i := 0; i < n; i++ {
			b, _ := row(i)
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n    ")
			bw.Write(b)
		}
		if n > 0 {
			bw.WriteString("\n  ")
		}
		bw.WriteString("]")
		if !last {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	rows("dividends", len(s.Dividends), func(i int) ([]byte, error) {
		return dividendRow{s.Dividends[i].Date, s.Dividends[i].Amount}.MarshalJSON()
	}, false)
	rows("splits", len(s.Splits), func(i int) ([]byte, error) {
		return splitRow{s.Splits[i].Date, s.Splits[i].Numerator, s.Splits[i].Denominator}.MarshalJSON()
	}, false)
	rows("closes", s.Len(), func(i int) ([]byte, error) {
		return closeRow{s.Dates[i], s.Close[i]}.MarshalJSON()
	}, true)
	bw.WriteString("}\n")
	return bw.Flush()
}

// Decode reads one entry in the cache file format from r. Any departure from
// the format (a truncated or edited file, trailing bytes, a day count that
// does not match, a series that fails Validate) is an error.
func Decode(r io.Reader) (*Entry, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var h fileHeader
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("cache: trailing data after the entry")
	}
	if h.Format != Format && h.Format != FormatV1 {
		return nil, fmt.Errorf("cache: format %q, want %q", h.Format, Format)
	}
	if h.Days != len(h.Closes) {
		return nil, fmt.Errorf("cache: %s: header says %d days but %d closes follow", h.Symbol, h.Days, len(h.Closes))
	}
	from, err1 := time.Parse(time.DateOnly, h.From)
	to, err2 := time.Parse(time.DateOnly, h.To)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("cache: %s: covered range: %w", h.Symbol, err)
	}
	s := &quotes.Series{Symbol: h.Symbol, Currency: h.Currency, Timezone: h.Timezone, SplitAdjusted: true,
		Dates: make([]time.Time, len(h.Closes)), Close: make([]float64, len(h.Closes))}
	for i, r := range h.Closes {
		s.Dates[i], s.Close[i] = r.Date, r.Close
	}
	for _, r := range h.Dividends {
		s.Dividends = append(s.Dividends, quotes.Dividend{Date: r.Date, Amount: r.Amount})
	}
	for _, r := range h.Splits {
		s.Splits = append(s.Splits, quotes.Split{Date: r.Date, Numerator: r.Numerator, Denominator: r.Denominator})
	}
	e := &Entry{Series: s, From: from, To: to, Fetched: h.Fetched, Legacy: h.Format == FormatV1}
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return e, nil
}
