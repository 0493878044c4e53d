// Command report builds a portfolio from a transactions file and market data,
// prints a summary (holdings and performance) and writes an HTML report.
//
// With no flags it uses the embedded sample: a sterling investor buying US
// blue chips in the 1990s, priced from the embedded sample market, reported
// in GBP against ^DJI. It needs no network.
//
//	go run ./examples/report
//	go run ./examples/report -tx my.xlsx -sheet Trades -currency EUR -source yahoo -benchmarks ^GSPC,^IXIC
//	go run ./examples/report -tx my.csv -source csv:prices/ -currency USD -benchmarks SPY
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "report:", err)
		}
		os.Exit(1)
	}
}

// run is the whole program, with its arguments and outputs passed in so
// that tests can run it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	opts, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	job, err := load(ctx, opts, stderr)
	if err != nil {
		return err
	}
	if err := printSummary(stdout, job); err != nil {
		return err
	}
	return writeOutputs(stdout, job)
}
