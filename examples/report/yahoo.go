package main

import (
	"fmt"
	"io"
	"os"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/yahoo"
)

// yahooSource opens Yahoo Finance with its on-disk cache. Progress shows on
// stderr when it is a terminal; warnings (a corrupt cache file refetched, a
// cache used because the network failed) are printed there too.
func yahooSource(o *options, stderr io.Writer) (quotes.Source, error) {
	opts := yahoo.Options{
		Offline:        o.offline,
		RequestTimeout: o.timeout, // 0: the package's default
		Warn:           func(err error) { fmt.Fprintln(stderr, "warning:", err) },
	}
	if f, ok := stderr.(*os.File); ok {
		opts.Progress = yahoo.TerminalProgress(f)
	}
	return yahoo.New(opts)
}
