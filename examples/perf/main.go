package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofolio/gofolio/internal/atomicfile"
)

// The five implementations, also the names of their output files.
const (
	baselineName   = "baseline"
	vectorisedName = "vectorised"
	assistedName   = "assisted"
	numbaName      = "numba"
	engineName     = "gofolio"
)

func main() {
	if worker, err := workerMain(); worker {
		if err != nil {
			fmt.Fprintln(os.Stderr, "perf worker:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "perf:", err)
		os.Exit(1)
	}
}

type options struct {
	quick         bool
	largest       int
	runs          int
	minTime       time.Duration
	baselineLimit time.Duration
	python        string
	install       bool
	out           string
	keep          bool
}

func run() error {
	var o options
	flag.BoolVar(&o.quick, "quick", false, "run the three smallest workloads only, 3 runs each (about 20 s), and do not write RESULTS.md unless -out is given")
	flag.IntVar(&o.largest, "largest", 0, "run only the N largest workloads of the full set (0: all)")
	flag.IntVar(&o.runs, "runs", 0, "runs per implementation and workload; the table shows the median (default 5, or 3 with -quick)")
	flag.DurationVar(&o.minTime, "min-time", time.Second, "repeat an implementation beyond -runs until its runs took this long in all (at most 100 runs), so that the median of a fast one is steady")
	flag.DurationVar(&o.baselineLimit, "baseline-limit", 3*time.Minute, "skip the row-by-row baseline where one run is estimated to take longer, and run it fewer times where all runs would; 0 skips it everywhere")
	flag.StringVar(&o.python, "python", systemPython, "Python interpreter with pandas")
	flag.BoolVar(&o.install, "install", true, "install python3-pandas with apt-get when -python cannot import pandas")
	flag.StringVar(&o.out, "out", "", "where to write the Markdown results (default examples/perf/RESULTS.md in the repository; - for stdout only)")
	flag.BoolVar(&o.keep, "keep", false, "keep the generated inputs and outputs (printed directory)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: go run ./examples/perf [flags]\n\n%s", usageText)
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		return fmt.Errorf("unexpected arguments %q", flag.Args())
	}
	workloads := fullWorkloads
	if o.quick {
		workloads = quickWorkloads
	}
	if o.largest < 0 || o.largest > len(workloads) {
		return fmt.Errorf("-largest %d: want 0 to %d", o.largest, len(workloads))
	}
	if o.largest > 0 {
		workloads = workloads[len(workloads)-o.largest:]
	}
	if o.runs == 0 {
		o.runs = 5
		if o.quick {
			o.runs = 3
		}
	}
	if o.runs < 1 {
		return fmt.Errorf("-runs %d: want at least 1", o.runs)
	}
	outPath, err := resultsPath(o)
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	versions, err := pandasVersion(ctx, o.python)
	if err != nil && o.install {
		fmt.Fprintf(os.Stderr, "%v\ninstalling python3-pandas with apt-get…\n", err)
		if err := installPandas(ctx); err != nil {
			return err
		}
		versions, err = pandasVersion(ctx, o.python)
	}
	if err != nil {
		return err
	}
	numba, numbaErr := numbaVersion(ctx, o.python)
	if numbaErr != nil {
		fmt.Fprintf(os.Stderr, "numba peer skipped: %v (apt-get install python3-numba to run it)\n", numbaErr)
	} else {
		versions += " / " + numba
	}

	root, err := os.MkdirTemp("", "gofolio-perf-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintln(os.Stderr, "inputs and outputs kept in", root)
	} else {
		defer os.RemoveAll(root)
	}
	r, err := newRunner(o.python, root, o.minTime)
	if err != nil {
		return err
	}
	r.numba = numbaErr == nil

	loadBefore := loadAverage()
	var rows []*row
	var last *row // the largest workload the baseline ran on, for estimates
	for i, w := range workloads {
		fmt.Fprintf(os.Stderr, "[%d/%d] %s: ", i+1, len(workloads), w)
		baselineRuns, skip := planBaseline(last, w, o.runs, o.baselineLimit)
		rw, err := compareWorkload(ctx, r, filepath.Join(root, fmt.Sprintf("w%d", i+1)), w, o.runs, baselineRuns, !o.keep)
		if err != nil {
			fmt.Fprintln(os.Stderr)
			return err
		}
		rw.skipped = skip
		if rw.baseline != nil {
			last = rw
		}
		fmt.Fprintln(os.Stderr, rw.progress())
		rows = append(rows, rw)
	}

	doc := resultsDocument(rows, environment{
		quick: o.quick, largest: o.largest, runs: o.runs, minTime: o.minTime, baselineLimit: o.baselineLimit, python: o.python, versions: versions,
		numbaSkipped: errorText(numbaErr),
		loadBefore:   loadBefore, loadAfter: loadAverage(),
	})
	fmt.Print(doc)
	if outPath == "" {
		return nil
	}
	if err := atomicfile.WriteFile(outPath, []byte(doc), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "wrote", outPath)
	return nil
}

const usageText = `Compares gofolio's engine with the original notebook's pandas method
(row-by-row baseline), a vectorised pandas peer (groupby and cumsum), the
same with numpy doing the sums and the same work compiled with numba (skipped
when python3-numba is missing), on identical synthetic workloads, checks that
all agree on the quantities held and the balance per date to 1e-9
relative, and prints a Markdown table of the median compute time of
each, the ratios, gofolio's time per symbol-day and the peak memory of each
process, then one of the whole path from the files on disk (the prices
folder and the transactions file) to the same outputs. Installs
python3-pandas with apt-get when it is missing.

`

// resultsPath is where the Markdown goes: -out, or by default
// examples/perf/RESULTS.md in the repository holding the working directory
// (nothing with -quick, so that a quick check does not replace the full
// results).
func resultsPath(o options) (string, error) {
	switch {
	case o.out == "-":
		return "", nil
	case o.out != "":
		return o.out, nil
	case o.quick:
		return "", nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(string(mod), "module github.com/gofolio/gofolio\n") {
			return filepath.Join(dir, "examples", "perf", "RESULTS.md"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("the working directory is not inside the gofolio repository: give -out (or -out - for stdout only)")
		}
		dir = parent
	}
}

// maxRuns caps the runs -min-time adds.
const maxRuns = 100

func newRunner(python, root string, minTime time.Duration) (*runner, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding this program to run the engine worker: %w", err)
	}
	scriptsDir := filepath.Join(root, "scripts")
	if err := os.Mkdir(scriptsDir, 0o755); err != nil {
		return nil, err
	}
	if err := writeScripts(scriptsDir); err != nil {
		return nil, err
	}
	return &runner{python: python, scriptsDir: scriptsDir, self: self, minSeconds: minTime.Seconds(), maxRuns: maxRuns}, nil
}

// row is one workload's measurements; baseline is nil when it was
// skipped, numba when python3-numba is missing.
type row struct {
	w                                             workload
	engine, vectorised, assisted, numba, baseline *measurement
	baselineRuns                                  int
	skipped                                       string // why the baseline did not run
}

// planBaseline decides how many times the row-by-row baseline runs on w,
// from its time on the largest workload it ran on so far (last). Its cost
// is at most linear in the transactions (the row loop) and in the
// symbol-days (the frame), so scaling last's time by the larger of the two
// growth factors bounds the estimate from above. It returns 0 runs and the
// reason when one run would exceed limit, and fewer runs where all would.
func planBaseline(last *row, w workload, runs int, limit time.Duration) (int, string) {
	if limit == 0 {
		return 0, "skipped: -baseline-limit 0"
	}
	if last == nil {
		return runs, ""
	}
	growth := max(float64(w.Transactions)/float64(last.w.Transactions), float64(w.symbolDays())/float64(last.w.symbolDays()))
	estimate := time.Duration(last.baseline.median() * growth * float64(time.Second))
	if estimate > limit {
		return 0, fmt.Sprintf("skipped: about %s per run estimated from %s, over the %s limit",
			estimate.Round(time.Second), last.w, limit)
	}
	return max(1, min(runs, int(limit/max(estimate, time.Millisecond)))), ""
}

// compareWorkload generates w into dir, measures the implementations on it
// (the baseline baselineRuns times, skipped when 0; numba when r.numba) and
// checks that they agree. With clean, it removes dir afterwards.
func compareWorkload(ctx context.Context, r *runner, dir string, w workload, runs, baselineRuns int, clean bool) (*row, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if clean {
		defer os.RemoveAll(dir)
	}
	rw := &row{w: w, baselineRuns: baselineRuns}
	if err := writeInputs(dir, w); err != nil {
		return nil, fmt.Errorf("%s: %w", w, err)
	}
	var err error
	if rw.engine, err = r.measure(ctx, engineName, dir, runs); err != nil {
		return nil, fmt.Errorf("%s: %w", w, err)
	}
	if rw.vectorised, err = r.measure(ctx, vectorisedName, dir, runs); err != nil {
		return nil, fmt.Errorf("%s: %w", w, err)
	}
	if rw.assisted, err = r.measure(ctx, assistedName, dir, runs); err != nil {
		return nil, fmt.Errorf("%s: %w", w, err)
	}
	if r.numba {
		if rw.numba, err = r.measure(ctx, numbaName, dir, runs); err != nil {
			return nil, fmt.Errorf("%s: %w", w, err)
		}
	}
	if baselineRuns > 0 {
		if rw.baseline, err = r.measure(ctx, baselineName, dir, baselineRuns); err != nil {
			return nil, fmt.Errorf("%s: %w", w, err)
		}
	}
	want, err := readOutput(dir, engineName)
	if err != nil {
		return nil, err
	}
	others := []string{vectorisedName, assistedName}
	if rw.numba != nil {
		others = append(others, numbaName)
	}
	if rw.baseline != nil {
		others = append(others, baselineName)
	}
	for _, name := range others {
		got, err := readOutput(dir, name)
		if err != nil {
			return nil, err
		}
		if err := agree(want, got, name); err != nil {
			return nil, fmt.Errorf("%s: %s does not agree with %s: %w", w, name, engineName, err)
		}
	}
	return rw, nil
}

// errorText is err's message, "" for nil.
func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// progress is the one-line summary printed while the command runs.
func (rw *row) progress() string {
	s := fmt.Sprintf("gofolio %s, vectorised %s, numpy-assisted %s", seconds(rw.engine.median()),
		seconds(rw.vectorised.median()), seconds(rw.assisted.median()))
	if rw.numba != nil {
		s += fmt.Sprintf(", numba %s (first call, JIT compile included, %s)", seconds(rw.numba.median()), seconds(rw.numba.JITSeconds))
	}
	if rw.baseline != nil {
		s += ", baseline " + seconds(rw.baseline.median())
	} else {
		s += ", baseline " + rw.skipped
	}
	return s + ": all agree"
}
