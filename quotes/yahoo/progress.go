package yahoo

import (
	"os"

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
