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
//
// The report is as of -to: transactions dated after it, or after the last
// trading day on or before it, are left out, with a note on stderr saying
// how many and from when. -from narrows the headline figures, statistics
// and charts to the days from -from on, counting the portfolio's value on
// the first of them as contributed that day; the holdings table is always
// the position on the last day.
//
// -currency is a major ISO code in either case (gbp is GBP; a minor unit
// such as GBp is refused) that the market data can convert to: for the
// sample, the currencies of its exchange rates; for -source yahoo, an ISO
// 4217 code; for -source csv:DIR, USD and each XXX with an XXXUSD=X.csv file
// (any currency when the portfolio and benchmarks need no conversion to it).
// Its rates must also reach back to the first transaction (the sample's EUR
// starts in 1999): when they do not, the error says when they start and
// which currencies would do.
// It is checked, as are the output paths (their directories must exist and
// be writable) and a local -echarts file, before anything is fetched (with
// csv:DIR, once its prices are read, since they tell whether conversion is
// needed) and before anything is built. The
// outputs are written together: each to a temporary file beside it, renamed
// over its path only once all are complete, so a failure leaves none
// half-written and none from this run beside others from the last. An
// output path that is a symbolic link writes the link's target, as the
// shell's > does; one that is a directory, a named pipe or a device
// (/dev/stdout) is refused, since a rename would replace it. An output
// that is, by any path, a file the command reads (-tx, -rates, -echarts, a
// file of the -prices folder) is refused; an existing one that gofolio
// did not write is replaced only with -force, and a read-only one never
// (a rename ignores the file's mode).
//
// An interrupt (Ctrl-C, SIGTERM) stops the run at the next stage (reading,
// fetching, building, analysing, rendering, writing) and writes nothing:
// the outputs are renamed into place only when all are complete, and
// rendering stops at the next write once interrupted. One line says so.
//
// The exit status is 0 on success and for -h, 1 on an error, 130 after an
// interrupt.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/gofolio/gofolio/internal/progress"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first interrupt asks the run to stop; once it has been seen, a
	// second one kills the process at once, as it would any other.
	go func() { <-ctx.Done(); stop() }()
	code := exitCode(ctx, run(ctx, os.Args[1:], os.Stdout, os.Stderr), os.Stderr)
	stop()
	os.Exit(code)
}

// exitInterrupted is the exit status after an interrupt: 128 + SIGINT, as
// shells report a process killed by it.
const exitInterrupted = 130

// exitCode reports err on stderr and returns the process's exit status.
// -h is not a failure: the usage it asked for has been printed. An error
// after ctx was cancelled (an interrupt) is the interrupt, whatever it
// wraps (every fetch in flight fails with "context canceled"): one line
// says so, and the status is 130.
func exitCode(ctx context.Context, err error, stderr io.Writer) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case ctx.Err() != nil:
		if f, ok := stderr.(*os.File); ok && progress.IsTerminal(f) {
			fmt.Fprint(stderr, "\r\x1b[K") // over a progress line left unfinished
		}
		fmt.Fprintln(stderr, "report: interrupted; nothing written")
		return exitInterrupted
	}
	// Errors from package report start with its name, the command's too.
	fmt.Fprintln(stderr, "report:", strings.TrimPrefix(err.Error(), "report: "))
	return 1
}

// run is the whole program, with its arguments and outputs passed in so
// that tests can run it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	opts, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if err := checkOutputs(opts); err != nil {
		return err
	}
	if err := opts.rebal.readTargets(); err != nil {
		return err
	}
	if err := opts.model.read(); err != nil {
		return err
	}
	if opts.source == "none" {
		return checkImport(opts, stdout, stderr)
	}
	job, err := load(ctx, opts, stderr)
	if err != nil {
		return err
	}
	// Nothing is printed or written once interrupted.
	if err := ctx.Err(); err != nil {
		return err
	}
	plan, err := planRebalance(job)
	if err != nil {
		return err
	}
	printWarnings(stderr, job.input.Warnings)
	warnUnusedLots(stderr, job)
	if err := printSummary(stdout, job); err != nil {
		return err
	}
	if opts.contrib {
		if err := printContributions(stdout, job); err != nil {
			return err
		}
	}
	if opts.gains {
		if err := printGains(stdout, job); err != nil {
			return err
		}
	}
	if err := printPlan(stdout, opts.rebal.file, plan); err != nil {
		return err
	}
	return writeOutputs(ctx, stdout, job)
}

// printWarnings prints each of the engine's warnings (report.Input's,
// from the Result) on a line of its own on stderr, as the flags' are.
func printWarnings(stderr io.Writer, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
}
