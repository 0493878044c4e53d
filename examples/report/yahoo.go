package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/yahoo"
)

// yahooSource opens Yahoo Finance with its on-disk cache. Progress shows on
// stderr when it is a terminal; warnings (a corrupt cache file refetched, a
// cache used because the network failed) are printed there too, until ctx
// is done: after an interrupt every request in flight fails, and main's one
// line says why.
func yahooSource(ctx context.Context, o *options, stderr io.Writer) (quotes.Source, error) {
	return yahoo.New(yahooOptions(ctx, o, stderr))
}

// yahooOptions are the options yahooSource opens Yahoo Finance with.
func yahooOptions(ctx context.Context, o *options, stderr io.Writer) yahoo.Options {
	logRetry := yahoo.LogRetries(stderr)
	opts := yahoo.Options{
		Offline:        o.offline,
		RequestTimeout: o.timeout, // 0: the package's default
		// One line per retry on stderr, terminal or not: a stalled server
		// is never silent for minutes.
		OnRetry: func(r yahoo.Retry) {
			if ctx.Err() == nil {
				logRetry(r)
			}
		},
		Warn: func(err error) {
			if ctx.Err() == nil {
				fmt.Fprintln(stderr, "warning:", err)
			}
		},
	}
	if f, ok := stderr.(*os.File); ok {
		if show := yahoo.TerminalProgress(f); show != nil {
			opts.Progress = func(p yahoo.Progress) {
				if ctx.Err() == nil {
					show(p)
				}
			}
		}
	}
	return opts
}
