package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// environment is what the results document says about how it was made.
type environment struct {
	quick         bool
	runs          int
	minTime       time.Duration
	baselineLimit time.Duration
	python        string
	versions      string // pandas, numpy, Python (and numba) versions
	numbaSkipped  string // why the numba peer did not run; "" when it ran
	largest       int    // -largest: only the largest workloads ran (0: all)
	// loadBefore and loadAfter are the 1-minute load averages when the
	// run started and ended: other work on the machine slows every
	// implementation, gofolio's millisecond runs most of all.
	loadBefore, loadAfter string
}

// resultsDocument renders the Markdown the command prints and writes.
func resultsDocument(rows []*row, env environment) string {
	var b strings.Builder
	command := "go run ./examples/perf"
	if env.quick {
		command += " -quick"
	}
	if env.largest > 0 {
		command += fmt.Sprintf(" -largest %d", env.largest)
	}
	if env.baselineLimit == 0 {
		command += " -baseline-limit 0"
	}
	fmt.Fprintf(&b, "Command: `%s` (%s).\n", command, time.Now().UTC().Format(time.DateOnly))
	fmt.Fprintf(&b, "Machine: %s, %d cores, %s/%s; %s; %s (%s). Load average %s at the start, %s at the end.\n\n",
		cpuModel(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), env.versions, env.python,
		env.loadBefore, env.loadAfter)

	b.WriteString("| Workload | Symbol-days | Baseline pandas | Vectorised pandas | pandas + numpy | numba | gofolio | Baseline ÷ gofolio | Vectorised ÷ gofolio | pandas + numpy ÷ gofolio | numba ÷ gofolio | gofolio ns per symbol-day | gofolio, all 8 holdings columns | numba first call (JIT compile) | Peak RSS baseline | Peak RSS vectorised | Peak RSS pandas + numpy | Peak RSS numba | Peak RSS gofolio | gofolio peak heap |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, r := range rows {
		eng := r.engine.median()
		base, baseRatio, baseRSS := "skipped¹", "–", "–"
		if r.baseline != nil {
			base = seconds(r.baseline.median())
			if r.baselineRuns < env.runs {
				base += fmt.Sprintf(" (%d run)", r.baselineRuns)
			}
			baseRatio = ratio(r.baseline.median() / eng)
			baseRSS = mib(r.baseline.MaxRSSKiB << 10)
		}
		numba, numbaRatio, numbaJIT, numbaRSS := "skipped²", "–", "–", "–"
		if r.numba != nil {
			numba, numbaRatio = seconds(r.numba.median()), ratio(r.numba.median()/eng)
			numbaJIT, numbaRSS = seconds(r.numba.JITSeconds), mib(r.numba.MaxRSSKiB<<10)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			r.w, thousands(r.w.symbolDays()), base, seconds(r.vectorised.median()), seconds(r.assisted.median()), numba, seconds(eng),
			baseRatio, ratio(r.vectorised.median()/eng), ratio(r.assisted.median()/eng), numbaRatio, eng*1e9/float64(r.w.symbolDays()),
			seconds(median(r.engine.AllColumnsSeconds)), numbaJIT, baseRSS, mib(r.vectorised.MaxRSSKiB<<10), mib(r.assisted.MaxRSSKiB<<10),
			numbaRSS, mib(r.engine.MaxRSSKiB<<10), mib(int64(r.engine.PeakHeapBytes)))
	}

	fmt.Fprintf(&b, `
Times are the median of at least %d runs of the computation alone, a fast one repeated until its runs
took %s in all (at most %d runs). A year is 252 trading days. The computation goes from the loaded
transactions and end-of-day prices to the quantity held per symbol per day and the portfolio balance
per day: for gofolio, portfolio.Build (which also validates every transaction against the market data,
books cash per currency and computes the whole performance frame: the balance, the time-weighted return,
the drawdown) and the holdings' Quantity column. Build keeps each symbol's position once per change and
fills the holdings' other per-day columns (value, cost basis, unrealized and realized P&L, dividends,
commissions; 8 float64 columns, 64 bytes per symbol-day, with the closes) on first use: "all 8 holdings
columns" is the time with every one of them filled as well, work the pandas scripts do not do. The
vectorised peer is pandas with groupby, reindex and cumsum and no row loop; "pandas + numpy" places the
trades with the pandas index but sums with numpy (bincount, one cumsum): not the peer the issue names,
but the fastest such code we wrote. The numba peer is the same work compiled with numba: the pandas
objects turned into arrays (the closes, the index's codes, each transaction's kind, symbol and day as small
integers), then one compiled function (one thread) places the trades, accumulates the shares and sums the
balance: the strongest Python we could write. numba compiles on the first call, made before the timed
runs: "numba first call" is that call, compile and one computation, and its runs, like the others', are
warm. A ratio below 1× means gofolio is the slower. Loading, timed apart in the whole-path table below, reads the CSV
files and organises the closes: indexed by (symbol, date) for pandas, one series per symbol for gofolio.
Each implementation runs in a
fresh process per workload; the median is of warm runs (the first, which also faults in fresh memory,
is one of them); peak RSS is that process's getrusage maximum resident set, interpreter and loaded inputs
included. All read the same generated CSV files and agree on every quantity held and every daily
balance to 1e-9 relative (checked on every row above). gofolio's peak heap is the Go
runtime's largest HeapInuse after a build with all its columns, nearly all of it those columns; the
baseline pandas frame carries a (symbol, date) MultiIndex and fewer columns. gofolio's cost is linear:
a fixed cost per symbol-day (converting the series' dates, laying the closes on the calendar, valuing
the positions) plus one per transaction (a few hundred nanoseconds: sorting, validation, booking), which
is what raises the time per symbol-day of the smallest workloads, where there are 0.08 to 0.4
transactions per symbol-day.
`, env.runs, env.minTime, maxRuns)
	skipped := false
	for _, r := range rows {
		if r.skipped != "" {
			skipped = true
			fmt.Fprintf(&b, "\n¹ %s: the row-by-row baseline was %s\n", r.w, r.skipped)
		}
	}
	if !skipped {
		fmt.Fprintf(&b, "\nThe row-by-row baseline ran on every workload: none was estimated to need more than %s a run.\n", env.baselineLimit)
	}
	if env.numbaSkipped != "" {
		fmt.Fprintf(&b, "\n² The numba peer was skipped: %s (apt-get install python3-numba to run it).\n", env.numbaSkipped)
	}
	b.WriteString(targets(rows))
	b.WriteString(wholePathTable(rows))
	return b.String()
}

// wholePathTable is the time of the whole path, files on disk to frames,
// of each implementation, the ratios to gofolio's, and the first load
// alone.
func wholePathTable(rows []*row) string {
	var b strings.Builder
	b.WriteString(`
The whole path, from the files on disk to the quantities and the balance: loading the prices folder
(one CSV file per symbol) and the transactions file, then the computation above. For gofolio that is
quotes.NewDir, quotes.FetchAll of every symbol (the files read in parallel, every check of quotes.Dir
made), txfile.Read (every check of the transactions reader made), Build and the holdings'
Quantity column; for pandas (and numba, which loads the same way), read_csv of every price file, concat
and sort into the (symbol, date) index, read_csv of the transactions, then the script's computation
(numba's already compiled). Median of as many runs as the
computation, each from the files again (warm in the OS page cache, as a re-run is). "Load" is the first
load alone, once per process.

| Workload | Baseline pandas | Vectorised pandas | pandas + numpy | numba | gofolio | Baseline ÷ gofolio | Vectorised ÷ gofolio | pandas + numpy ÷ gofolio | numba ÷ gofolio | Load: baseline | Load: vectorised | Load: pandas + numpy | Load: numba | Load: gofolio |
|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|
`)
	for _, r := range rows {
		eng := r.engine.wholeMedian()
		base, baseRatio, baseLoad := "–", "–", "–"
		if r.baseline != nil {
			base, baseRatio, baseLoad = seconds(r.baseline.wholeMedian()), ratio(r.baseline.wholeMedian()/eng), seconds(r.baseline.LoadSeconds)
		}
		numba, numbaRatio, numbaLoad := "–", "–", "–"
		if r.numba != nil {
			numba, numbaRatio, numbaLoad = seconds(r.numba.wholeMedian()), ratio(r.numba.wholeMedian()/eng), seconds(r.numba.LoadSeconds)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", r.w,
			base, seconds(r.vectorised.wholeMedian()), seconds(r.assisted.wholeMedian()), numba, seconds(eng),
			baseRatio, ratio(r.vectorised.wholeMedian()/eng), ratio(r.assisted.wholeMedian()/eng), numbaRatio,
			baseLoad, seconds(r.vectorised.LoadSeconds), seconds(r.assisted.LoadSeconds), numbaLoad, seconds(r.engine.LoadSeconds))
	}
	return b.String()
}

// The targets, checked on the workloads they name when the run
// includes them.
var (
	ratioTarget = workload{50, 10, 2000}   // ≥ 100× the baseline, ≥ 10× the vectorised peer
	scaleTarget = workload{500, 20, 50000} // under 1 s and 1 GiB
)

// targets says how the run measured up to the targets.
func targets(rows []*row) string {
	var b strings.Builder
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT met"
	}
	for _, r := range rows {
		eng := r.engine.median()
		switch r.w {
		case ratioTarget:
			var parts []string
			if r.baseline != nil {
				x := r.baseline.median() / eng
				parts = append(parts, fmt.Sprintf("%s faster than the baseline (target ≥ 100×: %s)", ratio(x), verdict(x >= 100)))
			}
			x := r.vectorised.median() / eng
			parts = append(parts, fmt.Sprintf("%s faster than the vectorised peer (target ≥ 10×: %s)", ratio(x), verdict(x >= 10)))
			fmt.Fprintf(&b, "- %s: gofolio is %s.", r.w, strings.Join(parts, " and "))
			if r.assisted != nil {
				fmt.Fprintf(&b, " It is %s faster than pandas + numpy.", ratio(r.assisted.median()/eng))
			}
			b.WriteString(numbaTarget(r))
			if all := median(r.engine.AllColumnsSeconds); all > 0 && r.baseline != nil {
				fmt.Fprintf(&b, " With all 8 holdings columns filled it takes %s, %s faster than the baseline.", seconds(all), ratio(r.baseline.median()/all))
			}
			b.WriteString(wholeTarget(r) + "\n")
		case scaleTarget:
			rss := r.engine.MaxRSSKiB << 10
			all, with := median(r.engine.AllColumnsSeconds), ""
			if all > 0 {
				with = seconds(all) + " with all 8 holdings columns; "
			}
			fmt.Fprintf(&b, "- %s: gofolio takes %s (%starget < 1 s: %s) with a peak RSS of %s (target < 1 GiB: %s).%s\n",
				r.w, seconds(eng), with, verdict(max(eng, all) < 1), mib(rss), verdict(rss < 1<<30), numbaTarget(r))
			if w := wholeTarget(r); w != "" {
				fmt.Fprintf(&b, "  %s\n", strings.TrimSpace(w))
			}
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "\nTargets:\n\n" + b.String()
}

// numbaTarget says how gofolio's computation compares with the numba
// peer's on r, the target being faster; "" when numba did not run.
func numbaTarget(r *row) string {
	if r.numba == nil {
		return ""
	}
	x := r.numba.median() / r.engine.median()
	verdict := "met"
	if x <= 1 {
		verdict = "NOT met"
	}
	return fmt.Sprintf(" Against numba (%s, warm): %s (target faster: %s).", seconds(r.numba.median()), ratio(x), verdict)
}

// wholeTarget says how gofolio's whole path (files to frames) compares
// with the fastest Python peer's on r, the target being faster than every
// one; "" when r has no whole-path times.
func wholeTarget(r *row) string {
	eng := r.engine.wholeMedian()
	if eng == 0 {
		return ""
	}
	peer, fastest := "", 0.0
	for _, p := range []struct {
		name string
		m    *measurement
	}{{"the baseline", r.baseline}, {"the vectorised peer", r.vectorised}, {"pandas + numpy", r.assisted}, {"numba", r.numba}} {
		if p.m != nil && p.m.wholeMedian() > 0 && (peer == "" || p.m.wholeMedian() < fastest) {
			peer, fastest = p.name, p.m.wholeMedian()
		}
	}
	if peer == "" {
		return ""
	}
	verdict := "met"
	if eng >= fastest {
		verdict = "NOT met"
	}
	return fmt.Sprintf(" The whole path, files on disk to frames, takes gofolio %s, %s faster than the fastest Python peer's (%s, %s; target faster than every peer: %s).",
		seconds(eng), ratio(fastest/eng), peer, seconds(fastest), verdict)
}

// seconds formats a duration in seconds with three significant digits.
func seconds(s float64) string {
	switch {
	case s >= 1:
		return fmt.Sprintf("%.3g s", s)
	case s >= 1e-3:
		return fmt.Sprintf("%.3g ms", s*1e3)
	}
	return fmt.Sprintf("%.3g µs", s*1e6)
}

// ratio formats how many times faster gofolio is.
func ratio(r float64) string {
	if r >= 10 {
		return fmt.Sprintf("%.0f×", r)
	}
	return fmt.Sprintf("%.1f×", r)
}

func mib(bytes int64) string { return fmt.Sprintf("%.0f MiB", float64(bytes)/(1<<20)) }

// loadAverage is the 1-minute load average from /proc/loadavg, or "n/a".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "n/a"
	}
	if f := strings.Fields(string(data)); len(f) > 0 {
		return f[0]
	}
	return "n/a"
}

// cpuModel is the processor's name from /proc/cpuinfo, or GOARCH where
// that is not available.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if name, value, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(name) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return runtime.GOARCH
}
