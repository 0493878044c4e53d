package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"syscall"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes"
)

// The engine is measured in a child process, like each pandas script, so
// that its peak resident set (getrusage's ru_maxrss) is that of one workload
// alone. The child is this program started again with these variables set.
const (
	workerEnv       = "GOFOLIO_PERF_WORKER"      // the input directory
	workerRunsEnv   = "GOFOLIO_PERF_RUNS"        // how many times to build at least
	workerMinEnv    = "GOFOLIO_PERF_MIN_SECONDS" // and more until the builds took this long
	workerMaxRunEnv = "GOFOLIO_PERF_MAX_RUNS"    // but no more than this many times
)

// measurement is what one implementation reports for one workload, as a
// JSON line on the child's stdout.
type measurement struct {
	LoadSeconds    float64   `json:"load_seconds"`
	ComputeSeconds []float64 `json:"compute_seconds"`
	MaxRSSKiB      int64     `json:"max_rss_kib"`
	// AllColumnsSeconds are, for each run of the engine, the time of the
	// build with all eight holdings columns filled, not only the
	// quantities the comparison needs (Go only).
	AllColumnsSeconds []float64 `json:"all_columns_seconds,omitempty"`
	// PeakHeapBytes is the engine's largest runtime HeapInuse after a
	// build with all its columns (Go only).
	PeakHeapBytes uint64 `json:"peak_heap_bytes,omitempty"`
	// JITSeconds is the time of the numba peer's first call, made before
	// its timed runs: compiling its functions and one computation.
	JITSeconds float64 `json:"jit_seconds,omitempty"`
	// WholeSeconds are the times of the whole path, one per run: from the
	// files on disk to the quantities and the balance, loading included.
	WholeSeconds []float64 `json:"whole_seconds"`
}

// wholeMedian is the median time of the whole path in seconds.
func (m *measurement) wholeMedian() float64 { return median(m.WholeSeconds) }

// median is the median compute time in seconds.
func (m *measurement) median() float64 { return median(m.ComputeSeconds) }

// median is the median of times, 0 for none.
func median(times []float64) float64 {
	if len(times) == 0 {
		return 0
	}
	t := append([]float64(nil), times...)
	sort.Float64s(t)
	n := len(t)
	if n%2 == 1 {
		return t[n/2]
	}
	return (t[n/2-1] + t[n/2]) / 2
}

// workerMain runs the engine worker when this process was started as one,
// and reports whether it was.
func workerMain() (bool, error) {
	dir := os.Getenv(workerEnv)
	if dir == "" {
		return false, nil
	}
	runs, err := strconv.Atoi(os.Getenv(workerRunsEnv))
	if err != nil || runs < 1 {
		return true, fmt.Errorf("%s=%q: want a number of runs ≥ 1", workerRunsEnv, os.Getenv(workerRunsEnv))
	}
	p := repeat{runs: runs, maxRuns: runs}
	if s := os.Getenv(workerMinEnv); s != "" {
		if p.minSeconds, err = strconv.ParseFloat(s, 64); err != nil {
			return true, fmt.Errorf("%s=%q: %w", workerMinEnv, s, err)
		}
		if p.maxRuns, err = strconv.Atoi(os.Getenv(workerMaxRunEnv)); err != nil {
			return true, fmt.Errorf("%s=%q: %w", workerMaxRunEnv, os.Getenv(workerMaxRunEnv), err)
		}
	}
	m, err := measureEngine(dir, p, engineName)
	if err != nil {
		return true, err
	}
	return true, json.NewEncoder(os.Stdout).Encode(m)
}

// repeat says how many times an implementation computes: at least runs
// times, and more while the runs so far took less than minSeconds in all,
// up to maxRuns, so that a computation of a few milliseconds is timed often
// enough for its median to hold still on a busy machine.
type repeat struct {
	runs       int
	minSeconds float64
	maxRuns    int
}

func (p repeat) more(times []float64) bool {
	total := 0.0
	for _, t := range times {
		total += t
	}
	return len(times) < p.runs || (total < p.minSeconds && len(times) < p.maxRuns)
}

// measureEngine loads the inputs in dir, builds the portfolio as often as p
// says (timing Build alone), then times the whole path as often (loading
// and building, from a fresh quotes.Dir each time), and writes the outputs
// of the last build as name.* in the format perfio.py documents.
func measureEngine(dir string, p repeat, name string) (*measurement, error) {
	start := time.Now()
	in, err := loadInputs(dir)
	if err != nil {
		return nil, err
	}
	m := &measurement{LoadSeconds: time.Since(start).Seconds()}
	var res *portfolio.Result
	for p.more(m.ComputeSeconds) {
		res = nil
		runtime.GC() // start each run from the same clean heap
		// What the pandas scripts compute: the quantity held per symbol
		// per day and the balance (Performance.Value), then the rest of
		// the holdings frame, which Build leaves to first use.
		start := time.Now()
		if res, err = build(in); err != nil {
			return nil, err
		}
		h := res.Holdings
		elapsed := time.Since(start)
		for _, column := range []func() []float64{h.Close, h.Value, h.CostBasis, h.Unrealized, h.Realized, h.Dividends, h.Commissions} {
			column()
		}
		all := time.Since(start)
		m.ComputeSeconds = append(m.ComputeSeconds, elapsed.Seconds())
		m.AllColumnsSeconds = append(m.AllColumnsSeconds, all.Seconds())
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		m.PeakHeapBytes = max(m.PeakHeapBytes, ms.HeapInuse)
	}
	for p.more(m.WholeSeconds) {
		runtime.GC()
		start := time.Now()
		in, err := loadInputs(dir)
		if err != nil {
			return nil, err
		}
		if _, err := build(in); err != nil {
			return nil, err
		}
		m.WholeSeconds = append(m.WholeSeconds, time.Since(start).Seconds())
	}
	if err := writeEngineOutput(dir, name, in.symbols, res); err != nil {
		return nil, err
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		m.MaxRSSKiB = int64(ru.Maxrss) // KiB on Linux
	}
	return m, nil
}

// build is what the comparison times: portfolio.Build and the holdings'
// Quantity column.
func build(in *inputs) (*portfolio.Result, error) {
	res, err := portfolio.Build(in.transactions, portfolio.Config{Currency: "USD", Series: in.series})
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	res.Holdings.Quantity()
	return res, nil
}

// inputs are the workload files read back for the engine.
type inputs struct {
	symbols      []string // every symbol of the prices folder, sorted
	series       map[string]*quotes.Series
	transactions []portfolio.Transaction
}

// loadInputs reads the workload in dir as a user's files are read: the
// prices folder through quotes.Dir (every symbol, in parallel through
// quotes.FetchAll), the transactions through txfile.Read, with all
// their checks.
func loadInputs(dir string) (*inputs, error) {
	prices, err := quotes.NewDir(filepath.Join(dir, pricesDir), quotes.DirOptions{})
	if err != nil {
		return nil, err
	}
	in := &inputs{}
	if in.symbols, err = prices.Symbols(); err != nil {
		return nil, err
	}
	if in.series, err = quotes.FetchAll(context.Background(), prices, in.symbols, time.Time{}, time.Time{}); err != nil {
		return nil, err
	}
	// Index the dates while loading, as pandas does when it builds its
	// (symbol, date) index: each series' day numbers, cached with it and
	// used by every Build on it (quotes.Series.DayNumbers).
	for _, s := range in.series {
		s.DayNumbers()
	}
	if in.transactions, err = txfile.Read(filepath.Join(dir, transactionsFile), txfile.Options{}); err != nil {
		return nil, err
	}
	return in, nil
}

// writeEngineOutput writes the engine's holdings quantities and balance
// as name.* files (see perfio.py). The engine's frames hold only the
// symbols traded; the others are written as held at zero throughout, as
// the pandas frames have them.
func writeEngineOutput(dir, name string, symbols []string, res *portfolio.Result) error {
	h := res.Holdings
	n := len(h.Dates)
	row := make(map[string]int, len(h.Symbols))
	for i, s := range h.Symbols {
		row[s] = i
	}
	qty := make([]float64, len(symbols)*n)
	for i, s := range symbols {
		if si, ok := row[s]; ok {
			copy(qty[i*n:(i+1)*n], h.Quantity()[h.Row(si, 0):h.Row(si, 0)+n])
		}
	}
	days := make([]int64, n)
	for i, d := range h.Dates {
		days[i] = d.Unix() / 86400
	}
	out := &output{symbols: symbols, dates: days, quantity: qty, balance: res.Performance.Value}
	return out.write(dir, name)
}
