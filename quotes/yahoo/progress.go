package yahoo

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/gofolio/gofolio/internal/progress"
)

// TerminalProgress returns an Options.Progress that keeps one line on f
// updated, such as "yahoo: 12/50 symbols, 1 failed, last AAPL", ending it
// when all symbols are done. It returns nil, which shows nothing, when f is
// not a terminal.
func TerminalProgress(f *os.File) func(Progress) {
	if !progress.IsTerminal(f) {
		return nil
	}
	line := progress.NewLine(f)
	return func(p Progress) {
		switch {
		case p.Symbol == "":
			line.Set("yahoo: 0/%d symbols", p.Total)
		case p.Failed > 0:
			line.Set("yahoo: %d/%d symbols, %d failed, last %s", p.Done, p.Total, p.Failed, p.Symbol)
		default:
			line.Set("yahoo: %d/%d symbols, last %s", p.Done, p.Total, p.Symbol)
		}
		if p.Done == p.Total {
			line.Done()
		}
	}
}

// LogRetries returns an Options.OnRetry that prints one line on w per
// retry, whether or not w is a terminal, such as
//
//	yahoo: AAPL: attempt 1 of 5 failed, retrying in 1.2s: HTTP 503 Service Unavailable: "overloaded"
//
// Lines from concurrent fetches are written whole, one at a time.
func LogRetries(w io.Writer) func(Retry) {
	var mu sync.Mutex
	return func(r Retry) {
		line := fmt.Sprintf("yahoo: %s: attempt %d of %d failed, retrying in %s: %v\n",
			r.Symbol, r.Attempt, r.Attempts, roundWait(r.Wait), r.Err)
		mu.Lock()
		defer mu.Unlock()
		io.WriteString(w, line)
	}
}

// roundWait shows a wait to a tenth of a second, or to the millisecond
// when shorter than a second.
func roundWait(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}
