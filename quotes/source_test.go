package quotes

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// cancellingSource cancels the context at its first call, as a user's
// interrupt would mid-fetch, and then fails as a source does when its
// context is cancelled.
type cancellingSource struct {
	cancel context.CancelFunc
	calls  int
}

func (s *cancellingSource) Series(ctx context.Context, symbol string, from, to time.Time) (*Series, error) {
	s.calls++
	s.cancel()
	return nil, &SymbolError{Source: "test", Symbol: symbol, Err: ctx.Err()}
}

// An interrupt mid-fetch is one error, context.Canceled, rather than a
// FetchError listing "context canceled" for each symbol left.
func TestFetchAllInterruptedIsOneError(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := &cancellingSource{cancel: cancel}
	var symbols []string
	for i := range 30 {
		symbols = append(symbols, fmt.Sprintf("S%02d", i))
	}
	got, err := FetchAll(ctx, src, symbols, time.Time{}, time.Time{})
	var fe *FetchError
	if got != nil || !errors.Is(err, context.Canceled) || errors.As(err, &fe) {
		t.Fatalf("got %v, %v; want only context.Canceled", got, err)
	}
	if n := strings.Count(err.Error(), "context canceled"); n != 1 || src.calls != 1 {
		t.Errorf("error %q (%d times), %d calls; want it once after 1 call", err, n, src.calls)
	}
}
