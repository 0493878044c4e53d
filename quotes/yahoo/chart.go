package yahoo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // exchange timezones must resolve the same on every OS

	"github.com/gofolio/gofolio/quotes"
)

// ChartError is an error body of the chart endpoint, such as
// {"chart":{"result":null,"error":{"code":"Not Found","description":"No data
// found, symbol may be delisted"}}}.
//
// It matches quotes.ErrUnknownSymbol under errors.Is when Yahoo says the
// symbol does not exist, and quotes.ErrNoData when it says the range holds
// no data.
type ChartError struct {
	Status      int // HTTP status, 0 when not known
	Code        string
	Description string
}

func (e *ChartError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("Yahoo error (HTTP %d) %s: %s", e.Status, e.Code, e.Description)
	}
	return fmt.Sprintf("Yahoo error %s: %s", e.Code, e.Description)
}

// Is maps Yahoo's error texts to the sentinel errors of package quotes.
func (e *ChartError) Is(target error) bool {
	d := strings.ToLower(e.Description)
	switch target {
	case quotes.ErrUnknownSymbol:
		return e.Code == "Not Found" || strings.Contains(d, "no data found") ||
			strings.Contains(d, "symbol may be delisted") || strings.Contains(d, "invalid symbol")
	case quotes.ErrNoData:
		return strings.Contains(d, "data doesn't exist") || strings.Contains(d, "data does not exist")
	}
	return false
}

// invalidCrumb reports whether Yahoo refused the request for want of a
// valid cookie and crumb.
func (e *ChartError) invalidCrumb() bool {
	d := strings.ToLower(e.Description)
	return e.Code == "Unauthorized" || strings.Contains(d, "invalid crumb") || strings.Contains(d, "invalid cookie")
}

// The v8 chart response, reduced to what is used. Pointers tell JSON null
// and missing values from zeros.
type chartBody struct {
	Chart struct {
		Result []*chartResult `json:"result"`
		Error  *ChartError    `json:"error"`
	} `json:"chart"`
}

type chartResult struct {
	Meta struct {
		Currency             string `json:"currency"`
		Symbol               string `json:"symbol"`
		ExchangeTimezoneName string `json:"exchangeTimezoneName"`
		GMTOffset            *int64 `json:"gmtoffset"`
	} `json:"meta"`
	Timestamp []*int64 `json:"timestamp"`
	Events    struct {
		Dividends map[string]*struct {
			Amount *float64 `json:"amount"`
			Date   *int64   `json:"date"`
		} `json:"dividends"`
		Splits map[string]*chartSplit `json:"splits"`
	} `json:"events"`
	Indicators struct {
		Quote []*struct {
			Close []*float64 `json:"close"`
		} `json:"quote"`
	} `json:"indicators"`
}

type chartSplit struct {
	Date        *int64   `json:"date"`
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
}

func (e *ChartError) UnmarshalJSON(b []byte) error {
	var v struct{ Code, Description string }
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	e.Code, e.Description = v.Code, v.Description
	return nil
}

// Timestamps outside these years are taken for garbage rather than dates.
var (
	minUnix = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	maxUnix = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
)

// ParseChart reads a v8 chart response body and returns the series it
// holds, with the symbol Yahoo names in meta.symbol.
//
// Each timestamp becomes the calendar day it falls on in the exchange's
// timezone (meta.exchangeTimezoneName, or the fixed meta.gmtoffset when the
// name is unknown). A null or non-positive close drops its day; when a day
// appears twice (Yahoo may append a live row for today) the last row wins.
// Closes are Yahoo's, adjusted for splits but not dividends. Dividends and
// splits are dated by the exchange day of their timestamp. A body with a
// chart error gives a *ChartError; a body with no timestamps gives an empty
// series; timestamps and closes of unequal length and null timestamps are
// errors. A dividend or split that cannot be right (no date or a date
// outside 1900-2200, an amount or ratio that is not a positive number, such
// as Yahoo's occasional "0:0" split) is dropped on its own rather than
// failing the series; a Source reports each one through Options.Warn.
func ParseChart(r io.Reader) (*quotes.Series, error) {
	s, _, err := parseChart(r)
	return s, err
}

// parseChart is ParseChart, also returning why each dropped event was
// dropped.
func parseChart(r io.Reader) (s *quotes.Series, dropped []error, err error) {
	var body chartBody
	if err := json.NewDecoder(r).Decode(&body); err != nil {
		return nil, nil, &parseError{err: fmt.Errorf("malformed chart response: %w", err)}
	}
	if e := body.Chart.Error; e != nil {
		return nil, nil, e
	}
	if len(body.Chart.Result) == 0 || body.Chart.Result[0] == nil {
		return nil, nil, &parseError{err: fmt.Errorf("chart response has no result: %w", quotes.ErrNoData)}
	}
	return parseResult(body.Chart.Result[0])
}

func parseResult(res *chartResult) (*quotes.Series, []error, error) {
	m := res.Meta
	s := &quotes.Series{Symbol: m.Symbol, Currency: m.Currency, Timezone: m.ExchangeTimezoneName, SplitAdjusted: true}
	loc, named, err := exchangeLocation(m.ExchangeTimezoneName, m.GMTOffset)
	if err != nil {
		return nil, nil, &parseError{m.Symbol, err}
	}
	if !named {
		s.Timezone = ""
	}
	dayOf := func(ts *int64) (time.Time, error) {
		if ts == nil {
			return time.Time{}, errors.New("no timestamp")
		}
		if *ts < minUnix || *ts > maxUnix {
			return time.Time{}, fmt.Errorf("timestamp %d, outside 1900-2200", *ts)
		}
		return quotes.Day(time.Unix(*ts, 0).In(loc)), nil
	}

	var closes []*float64
	switch q := res.Indicators.Quote; {
	case len(q) > 0 && q[0] != nil:
		closes = q[0].Close
	case len(res.Timestamp) > 0:
		return nil, nil, &parseError{m.Symbol, fmt.Errorf("%d timestamps but no quote indicators", len(res.Timestamp))}
	}
	if len(closes) != len(res.Timestamp) {
		return nil, nil, &parseError{m.Symbol, fmt.Errorf("%d timestamps but %d closes", len(res.Timestamp), len(closes))}
	}
	type row struct {
		day   time.Time
		close float64
	}
	rows := make([]row, 0, len(closes))
	for i, ts := range res.Timestamp {
		d, err := dayOf(ts)
		if err != nil {
			return nil, nil, &parseError{m.Symbol, fmt.Errorf("close %d has %w", i, err)}
		}
		if c := closes[i]; c != nil && *c > 0 {
			rows = append(rows, row{d, *c})
		}
	}
	// Stable, so that among rows of one day the last stays last.
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].day.Before(rows[j].day) })
	for i, r := range rows {
		if i+1 < len(rows) && rows[i+1].day == r.day {
			continue
		}
		s.Dates = append(s.Dates, r.day)
		s.Close = append(s.Close, r.close)
	}

	// Events are few and each stands alone: a bad one is dropped, with
	// the reason, instead of costing the whole history.
	var dropped []error
	for key, d := range res.Events.Dividends {
		if d == nil || d.Amount == nil || !positive(*d.Amount) {
			amount := "null"
			if d != nil && d.Amount != nil {
				amount = strconv.FormatFloat(*d.Amount, 'g', -1, 64)
			}
			dropped = append(dropped, &droppedEvent{kind: "dividend", key: key,
				err: fmt.Errorf("amount %s is not a positive number", amount)})
			continue
		}
		date, err := dayOf(eventTime(d.Date, key))
		if err != nil {
			dropped = append(dropped, &droppedEvent{kind: "dividend", key: key, err: fmt.Errorf("it has %w", err)})
			continue
		}
		s.Dividends = append(s.Dividends, quotes.Dividend{Date: date, Amount: *d.Amount})
	}
	sort.Slice(s.Dividends, func(i, j int) bool {
		a, b := s.Dividends[i], s.Dividends[j]
		return a.Date.Before(b.Date) || a.Date == b.Date && a.Amount < b.Amount
	})
	for key, sp := range res.Events.Splits {
		if sp == nil || sp.Numerator == nil || sp.Denominator == nil ||
			!positive(*sp.Numerator) || !positive(*sp.Denominator) || !positive(*sp.Numerator / *sp.Denominator) {
			dropped = append(dropped, &droppedEvent{kind: "split", key: key,
				err: fmt.Errorf("%s is not a ratio of positive numbers", splitText(sp))})
			continue
		}
		date, err := dayOf(eventTime(sp.Date, key))
		if err != nil {
			dropped = append(dropped, &droppedEvent{kind: "split", key: key, err: fmt.Errorf("it has %w", err)})
			continue
		}
		s.Splits = append(s.Splits, quotes.Split{Date: date, Numerator: *sp.Numerator, Denominator: *sp.Denominator})
	}
	sort.Slice(s.Splits, func(i, j int) bool {
		a, b := s.Splits[i], s.Splits[j]
		return a.Date.Before(b.Date) || a.Date == b.Date && a.Ratio() < b.Ratio()
	})
	// Map order is random; sorted reasons make the warnings repeatable.
	sort.Slice(dropped, func(i, j int) bool { return dropped[i].Error() < dropped[j].Error() })
	return s, dropped, nil
}

// parseError is why a chart response could not be parsed. Its text names
// Yahoo and the symbol of the response, "yahoo: NVDA: 252 timestamps but
// 251 closes", for the callers of ParseChart; a Source reports the bare
// reason (see withoutParsePrefix) inside a *quotes.SymbolError, which
// names both already.
type parseError struct {
	symbol string // meta.symbol; "" when not known
	err    error
}

func (e *parseError) Error() string {
	if e.symbol == "" {
		return "yahoo: " + e.err.Error()
	}
	return "yahoo: " + e.symbol + ": " + e.err.Error()
}

func (e *parseError) Unwrap() error { return e.err }

// withoutParsePrefix is err without the "yahoo: SYMBOL: " of a
// *parseError; other errors are returned as they are.
func withoutParsePrefix(err error) error {
	if pe, ok := err.(*parseError); ok {
		return pe.err
	}
	return err
}

// droppedEvent says why the parser dropped a dividend or split. A dropped
// split matters beyond the warning: the closes are likely still divided
// by it, so the series no longer lists every split they carry.
type droppedEvent struct {
	kind string // "dividend" or "split"
	key  string // the event's key in Yahoo's map, a timestamp
	err  error
}

func (e *droppedEvent) Error() string {
	return "dropped " + e.kind + " " + e.key + ": " + e.err.Error()
}

func (e *droppedEvent) Unwrap() error { return e.err }

// droppedSplit reports whether one of the dropped events is a split.
func droppedSplit(dropped []error) bool {
	for _, err := range dropped {
		var de *droppedEvent
		if errors.As(err, &de) && de.kind == "split" {
			return true
		}
	}
	return false
}

// positive reports whether f is a positive finite number.
func positive(f float64) bool { return f > 0 && !math.IsInf(f, 1) }

// splitText shows a split event's ratio as Yahoo gave it, e.g. "0:0" or
// "4:null".
func splitText(sp *chartSplit) string {
	if sp == nil {
		return "null"
	}
	num := func(f *float64) string {
		if f == nil {
			return "null"
		}
		return strconv.FormatFloat(*f, 'g', -1, 64)
	}
	return num(sp.Numerator) + ":" + num(sp.Denominator)
}

// eventTime is an event's "date" field, or else the timestamp it is keyed
// by.
func eventTime(date *int64, key string) *int64 {
	if date != nil {
		return date
	}
	if ts, err := strconv.ParseInt(key, 10, 64); err == nil {
		return &ts
	}
	return nil
}

var locations sync.Map // timezone name -> *time.Location

// exchangeLocation resolves Yahoo's exchange timezone, falling back to the
// fixed offset Yahoo gives alongside it. named tells whether name was used.
func exchangeLocation(name string, gmtoffset *int64) (loc *time.Location, named bool, err error) {
	if name != "" {
		if l, ok := locations.Load(name); ok {
			return l.(*time.Location), true, nil
		}
		if l, err := time.LoadLocation(name); err == nil {
			locations.Store(name, l)
			return l, true, nil
		}
	}
	if gmtoffset != nil {
		if off := *gmtoffset; off >= -16*3600 && off <= 16*3600 {
			return time.FixedZone(fmt.Sprintf("UTC%+d", off), int(off)), false, nil
		}
		return nil, false, fmt.Errorf("gmtoffset %d is out of range", *gmtoffset)
	}
	if name == "" {
		// Some responses (empty ranges) carry no usable meta; their days,
		// if any, are counted in UTC.
		return time.UTC, false, nil
	}
	return nil, false, fmt.Errorf("unknown exchange timezone %q and no gmtoffset", name)
}
