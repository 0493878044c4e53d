package quotes

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// A Source provides end-of-day series.
//
// Series returns the history of symbol from from to to, both inclusive days
// (a zero from or to leaves that side open). The returned Series may be
// shared: callers must not modify it. An unknown symbol gives an error that
// matches ErrUnknownSymbol under errors.Is; a known symbol with no trading
// day in the range gives one that matches ErrNoData.
type Source interface {
	Series(ctx context.Context, symbol string, from, to time.Time) (*Series, error)
}

// A BatchSource fetches many symbols at once, for providers that can do so
// faster than one at a time (concurrently, or from one file). FetchAll uses
// it when a Source implements it.
type BatchSource interface {
	Source
	SeriesBatch(ctx context.Context, symbols []string, from, to time.Time) (map[string]*Series, error)
}

var (
	// ErrUnknownSymbol is matched by errors for a symbol the source does not know.
	ErrUnknownSymbol = errors.New("unknown symbol")
	// ErrNoData is matched by errors for a range with no trading day.
	ErrNoData = errors.New("no data in range")
)

// SymbolError is an error about one symbol from one source.
type SymbolError struct {
	Source string // which source, e.g. "sample", "yahoo", "csv dir /path"
	Symbol string
	Err    error
}

func (e *SymbolError) Error() string {
	return fmt.Sprintf("%s: %s: %v", e.Source, e.Symbol, e.Err)
}

func (e *SymbolError) Unwrap() error { return e.Err }

// FetchError lists every symbol FetchAll could not get, and why.
type FetchError struct {
	Errs []*SymbolError // sorted by symbol
}

func (e *FetchError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "quotes: could not get %d symbol(s):", len(e.Errs))
	for _, se := range e.Errs {
		b.WriteString("\n\t")
		b.WriteString(se.Error())
	}
	return b.String()
}

// Unwrap gives the individual symbol errors, so errors.Is(err, ErrUnknownSymbol)
// is true when any symbol was unknown.
func (e *FetchError) Unwrap() []error {
	out := make([]error, len(e.Errs))
	for i, se := range e.Errs {
		out[i] = se
	}
	return out
}

// FetchAll gets every symbol (duplicates ignored) from src. It uses
// src.SeriesBatch when src is a BatchSource, and otherwise asks for the
// symbols one at a time. It returns either every series or a *FetchError
// naming every symbol that failed, never a partial map with a nil error;
// when ctx ends before it is done, it returns ctx.Err() alone (a
// BatchSource is expected to do the same), so that an interrupt is one
// error rather than a "context canceled" per symbol. The series it
// returns whose dates fall on the same days share one array of day
// numbers (see Series.DayNumbers), computed as they are fetched.
func FetchAll(ctx context.Context, src Source, symbols []string, from, to time.Time) (map[string]*Series, error) {
	uniq := make([]string, 0, len(symbols))
	seen := make(map[string]bool, len(symbols))
	for _, s := range symbols {
		if !seen[s] {
			seen[s] = true
			uniq = append(uniq, s)
		}
	}
	if b, ok := src.(BatchSource); ok {
		out, err := b.SeriesBatch(ctx, uniq, from, to)
		if err == nil {
			shareDayNumbers(out)
		}
		return out, err
	}
	out := make(map[string]*Series, len(uniq))
	var fe FetchError
	for _, sym := range uniq {
		if err := ctx.Err(); err != nil {
			// Interrupted: one error, not one per symbol left.
			return nil, err
		}
		s, err := src.Series(ctx, sym, from, to)
		if err != nil {
			var se *SymbolError
			if !errors.As(err, &se) {
				se = &SymbolError{Source: fmt.Sprintf("%T", src), Symbol: sym, Err: err}
			}
			fe.Errs = append(fe.Errs, se)
			continue
		}
		out[sym] = s
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(fe.Errs) > 0 {
		sort.Slice(fe.Errs, func(i, j int) bool { return fe.Errs[i].Symbol < fe.Errs[j].Symbol })
		return nil, &fe
	}
	shareDayNumbers(out)
	return out, nil
}

// Memory is a Source over series held in memory, keyed by symbol. It is
// safe for concurrent use once built.
type Memory struct {
	mu     sync.RWMutex
	series map[string]*Series
}

// NewMemory returns a Memory source holding the given series. It reports
// the first series that fails Validate.
func NewMemory(series ...*Series) (*Memory, error) {
	m := &Memory{series: make(map[string]*Series, len(series))}
	for _, s := range series {
		if err := m.Add(s); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Add validates s and adds it, replacing any series with the same symbol.
func (m *Memory) Add(s *Series) error {
	if err := s.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.series == nil {
		m.series = make(map[string]*Series)
	}
	m.series[s.Symbol] = s
	return nil
}

// Symbols lists the symbols held, sorted.
func (m *Memory) Symbols() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]string, 0, len(m.series))
	for s := range m.series {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Series implements Source.
func (m *Memory) Series(ctx context.Context, symbol string, from, to time.Time) (*Series, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	s, ok := m.series[symbol]
	m.mu.RUnlock()
	if !ok {
		return nil, &SymbolError{Source: "memory", Symbol: symbol, Err: ErrUnknownSymbol}
	}
	out := s.Between(from, to)
	if out.Len() == 0 {
		return nil, &SymbolError{Source: "memory", Symbol: symbol,
			Err: fmt.Errorf("%w: %s has data from %s to %s", ErrNoData, symbol,
				s.First().Format(time.DateOnly), s.Last().Format(time.DateOnly))}
	}
	return out, nil
}
