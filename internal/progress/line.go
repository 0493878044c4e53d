package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
)

// IsTerminal reports whether f is a terminal: a character device other than
// os.DevNull (which is one too). A nil or unstatable file is not.
func IsTerminal(f *os.File) bool {
	if f == nil {
		return false
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	if null, err := os.Stat(os.DevNull); err == nil && os.SameFile(info, null) {
		return false
	}
	return true
}

// A Line is a status line rewritten in place. It is safe for concurrent
// use.
type Line struct {
	mu     sync.Mutex
	w      io.Writer
	active bool
}

// NewLine returns a Line writing to w.
func NewLine(w io.Writer) *Line { return &Line{w: w} }

// Set replaces the line's text.
func (l *Line) Set(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, "\r"+format+"\x1b[K", args...)
	l.active = true
}

// Done ends the line with a newline, so that later output starts on a
// line of its own. It does nothing when nothing was written.
func (l *Line) Done() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.active {
		fmt.Fprintln(l.w)
		l.active = false
	}
}
