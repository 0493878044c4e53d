package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary serve as the engine worker, as the command
// does: compareWorkload starts os.Executable() with workerEnv set.
func TestMain(m *testing.M) {
	if worker, err := workerMain(); worker {
		if err != nil {
			fmt.Fprintln(os.Stderr, "perf worker:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSmallestWorkloadAgrees runs the smallest workload through the
// row-by-row pandas baseline, the vectorised pandas peer, pandas + numpy,
// the numba peer (when /usr/bin/python3 imports numba; required with
// GOFOLIO_REQUIRE_PANDAS=1, as test.sh installs it) and the engine, and
// checks (in compareWorkload) that every quantity and daily balance agrees
// to 1e-9 relative.
func TestSmallestWorkloadAgrees(t *testing.T) {
	if _, err := pandasVersion(t.Context(), systemPython); err != nil {
		if os.Getenv("GOFOLIO_REQUIRE_PANDAS") == "1" {
			t.Fatalf("GOFOLIO_REQUIRE_PANDAS=1 but %v", err)
		}
		t.Skipf("pandas comparison skipped: %v (apt-get install python3-pandas; GOFOLIO_REQUIRE_PANDAS=1 makes this a failure)", err)
	}
	root := t.TempDir()
	r, err := newRunner(systemPython, root, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, numbaErr := numbaVersion(t.Context(), systemPython)
	if numbaErr != nil && os.Getenv("GOFOLIO_REQUIRE_PANDAS") == "1" {
		t.Fatalf("GOFOLIO_REQUIRE_PANDAS=1 but %v (apt-get install python3-numba)", numbaErr)
	}
	r.numba = numbaErr == nil
	w := quickWorkloads[0]
	dir := filepath.Join(root, "smallest")
	rw, err := compareWorkload(t.Context(), r, dir, w, 2, 1, false)
	if err != nil {
		t.Fatal(err)
	}
	ran := map[string]*measurement{engineName: rw.engine, vectorisedName: rw.vectorised, assistedName: rw.assisted, baselineName: rw.baseline}
	if r.numba {
		ran[numbaName] = rw.numba
		// The first call compiles: it takes longer than a warm run.
		if rw.numba.JITSeconds <= rw.numba.median() {
			t.Errorf("numba's first call took %v s, not more than its warm median %v s", rw.numba.JITSeconds, rw.numba.median())
		}
	} else {
		t.Logf("numba peer not run: %v", numbaErr)
	}
	for name, m := range ran {
		if m == nil {
			t.Fatalf("%s did not run", name)
		}
		if m.MaxRSSKiB <= 0 || m.median() <= 0 || m.wholeMedian() <= 0 {
			t.Errorf("%s reported peak RSS %d KiB, median %v s and whole path %v s, want all positive", name, m.MaxRSSKiB, m.median(), m.wholeMedian())
		}
	}
	if rw.engine.PeakHeapBytes == 0 {
		t.Error("the engine reported no peak heap")
	}
	if a, c := rw.engine.AllColumnsSeconds, rw.engine.ComputeSeconds; len(a) != len(c) {
		t.Errorf("the engine timed %d runs with all columns and %d without", len(a), len(c))
	} else {
		for i := range a {
			if a[i] < c[i] {
				t.Errorf("run %d: %v s with all columns, less than the %v s of the quantities alone", i, a[i], c[i])
			}
		}
	}

	// The outputs describe the whole workload: every symbol on every day.
	out, err := readOutput(dir, engineName)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.symbols) != w.Symbols || len(out.dates) != w.days() {
		t.Errorf("engine output has %d symbols × %d dates, want %d × %d", len(out.symbols), len(out.dates), w.Symbols, w.days())
	}
	// The first synthetic transaction is a deposit of 10,000 on the first
	// day, so the balance cannot be 0 there.
	if out.balance[0] == 0 {
		t.Error("balance on the first day is 0, want the first deposit and whatever it bought")
	}

	doc := resultsDocument([]*row{rw}, environment{runs: 2, baselineLimit: time.Minute, python: systemPython, versions: "pandas test"})
	if !strings.Contains(doc, "| "+w.String()+" | 2,520 |") || !strings.Contains(doc, "| "+w.String()+" | "+seconds(rw.baseline.wholeMedian())+" |") {
		t.Errorf("results table lacks the workload's row:\n%s", doc)
	}
}

// TestNumbaColumns checks the numba peer's cells and notes: its time, its
// ratio to gofolio's and its first call when it ran; "skipped²" and why
// when it did not.
func TestNumbaColumns(t *testing.T) {
	w := quickWorkloads[0]
	rw := &row{
		w:            w,
		baselineRuns: 1,
		engine:       &measurement{ComputeSeconds: []float64{0.002}, WholeSeconds: []float64{0.01}, MaxRSSKiB: 1 << 10},
		vectorised:   &measurement{ComputeSeconds: []float64{0.02}, WholeSeconds: []float64{0.05}, MaxRSSKiB: 1 << 10},
		assisted:     &measurement{ComputeSeconds: []float64{0.01}, WholeSeconds: []float64{0.04}, MaxRSSKiB: 1 << 10},
		// 1 ms against gofolio's 2 ms: 0.5×, numba is the faster.
		numba: &measurement{ComputeSeconds: []float64{0.001}, WholeSeconds: []float64{0.03}, JITSeconds: 1.5, MaxRSSKiB: 3 << 10, LoadSeconds: 0.02},
	}
	env := environment{runs: 1, baselineLimit: time.Minute, python: systemPython, versions: "test"}
	doc := resultsDocument([]*row{rw}, env)
	// The command line names the flags that changed what ran.
	partial := environment{largest: 3, runs: 1, python: systemPython, versions: "test"}
	if got := resultsDocument([]*row{rw}, partial); !strings.Contains(got, "`go run ./examples/perf -largest 3 -baseline-limit 0`") {
		t.Errorf("with -largest 3 -baseline-limit 0 the results do not say so:\n%s", got[:min(len(got), 200)])
	}
	// Build table: …, pandas + numpy 10 ms, numba 1 ms, gofolio 2 ms, …, 10 ms / 2 ms = 5.0×, 1 / 2 = 0.5×, …
	// Whole path: numba 30 ms, gofolio 10 ms: 3.0×; numba's load 20 ms.
	for _, part := range []string{
		"| 10 ms | 1 ms | 2 ms | – | 10× | 5.0× | 0.5× |",
		"| 1.5 s | – | 1 MiB | 1 MiB | 3 MiB |",
		"| 40 ms | 30 ms | 10 ms | – | 5.0× | 4.0× | 3.0× |",
		"| 20 ms |",
	} {
		if !strings.Contains(doc, part) {
			t.Errorf("results lack %q:\n%s", part, doc)
		}
	}
	if strings.Contains(doc, "skipped²") || strings.Contains(doc, "² The numba peer") {
		t.Errorf("numba ran but the results say it was skipped:\n%s", doc)
	}

	rw.numba = nil
	env.numbaSkipped = "/usr/bin/python3 cannot import numba"
	doc = resultsDocument([]*row{rw}, env)
	for _, part := range []string{"| 10 ms | skipped² | 2 ms |", "² The numba peer was skipped: /usr/bin/python3 cannot import numba"} {
		if !strings.Contains(doc, part) {
			t.Errorf("results without numba lack %q:\n%s", part, doc)
		}
	}
}

func TestAgreeFindsDisagreement(t *testing.T) {
	want := &output{
		symbols:  []string{"A", "B"},
		dates:    []int64{19723, 19724}, // 2024-01-01, 2024-01-02
		quantity: []float64{1, 2, 0, 5},
		balance:  []float64{1000, 2000},
	}
	clone := func() *output {
		o := *want
		o.quantity = append([]float64(nil), want.quantity...)
		o.balance = append([]float64(nil), want.balance...)
		return &o
	}
	if err := agree(want, clone(), "same"); err != nil {
		t.Errorf("identical outputs: %v", err)
	}

	// 2000 × (1 + 4e-10) is within 1e-9 relative: |Δ| = 8e-7 ≤ 1e-9 × 2000 = 2e-6.
	got := clone()
	got.balance[1] = 2000 * (1 + 4e-10)
	if err := agree(want, got, "rounding"); err != nil {
		t.Errorf("a difference of 4e-10 relative: %v", err)
	}

	// 2000 × (1 + 2e-9): |Δ| = 4e-6 > 2e-6, and B's quantity 5 → 5.01.
	got.balance[1] = 2000 * (1 + 2e-9)
	got.quantity[3] = 5.01
	err := agree(want, got, "wrong")
	if err == nil {
		t.Fatal("a balance 2e-9 relative away and a quantity 0.01 away were accepted")
	}
	for _, part := range []string{"2 values", "quantity of B on 2024-01-02 is 5.01, want 5", "balance on 2024-01-02"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not say %q", err, part)
		}
	}

	// Below one unit the tolerance is absolute: 0 vs 5e-10 agrees, 0 vs 2e-9 does not.
	got = clone()
	got.quantity[2] = 5e-10
	if err := agree(want, got, "tiny"); err != nil {
		t.Errorf("0 vs 5e-10: %v", err)
	}
	got.quantity[2] = 2e-9
	if err := agree(want, got, "small"); err == nil {
		t.Error("0 vs 2e-9 was accepted")
	}

	got = clone()
	got.dates = []int64{19723, 19725}
	if err := agree(want, got, "dates"); err == nil || !strings.Contains(err.Error(), "dates") {
		t.Errorf("different dates: %v", err)
	}
}

func TestPlanBaseline(t *testing.T) {
	last := &row{
		w:        workload{Symbols: 50, Years: 10, Transactions: 2000}, // 126,000 symbol-days
		baseline: &measurement{ComputeSeconds: []float64{2, 1, 3}},     // median 2 s
	}
	cases := []struct {
		w        workload
		runs     int
		wantRuns int
		skipped  bool
	}{
		// 4× the transactions, 2× the symbol-days: 2 s × 4 = 8 s a run; 5 runs fit in 60 s.
		{workload{Symbols: 50, Years: 20, Transactions: 8000}, 5, 5, false},
		// 10× both: 20 s a run; 60 s / 20 s = 3 runs.
		{workload{Symbols: 500, Years: 10, Transactions: 20000}, 5, 3, false},
		// 500 × 5040 / 126,000 = 20× the symbol-days, 25× the transactions: 2 s × 25 = 50 s, 1 run.
		{workload{Symbols: 500, Years: 20, Transactions: 50000}, 5, 1, false},
		// 40× the symbol-days, 50× the transactions: 100 s > 60 s, skipped.
		{workload{Symbols: 500, Years: 40, Transactions: 100000}, 5, 0, true},
	}
	for _, c := range cases {
		runs, why := planBaseline(last, c.w, c.runs, time.Minute)
		if runs != c.wantRuns || (why != "") != c.skipped {
			t.Errorf("%s: %d runs, %q; want %d runs, skipped %v", c.w, runs, why, c.wantRuns, c.skipped)
		}
	}
	if runs, why := planBaseline(nil, cases[0].w, 5, time.Minute); runs != 5 || why != "" {
		t.Errorf("with nothing to estimate from: %d runs, %q; want all 5", runs, why)
	}
	// -baseline-limit 0 skips it everywhere, the first workload included.
	if runs, why := planBaseline(nil, cases[0].w, 5, 0); runs != 0 || why == "" {
		t.Errorf("with -baseline-limit 0: %d runs, %q; want 0 and why", runs, why)
	}
}

func TestFormatting(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{thousands(0), "0"},
		{thousands(999), "999"},
		{thousands(1000), "1,000"},
		{thousands(2520000), "2,520,000"},
		{seconds(2.5), "2.5 s"},
		{seconds(0.01234), "12.3 ms"},
		{seconds(0.000642), "642 µs"},
		{ratio(1417.2), "1417×"},
		{ratio(3.14), "3.1×"},
		{mib(3 << 20), "3 MiB"},
		{workload{500, 20, 50000}.String(), "500 sym × 20 y × 50,000 tx"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	rows := []*row{
		{ // 1.5 s / 10 ms = 150× ≥ 100×; 0.08 s / 10 ms = 8× < 10×
			w:          ratioTarget,
			engine:     &measurement{ComputeSeconds: []float64{0.01}},
			vectorised: &measurement{ComputeSeconds: []float64{0.08}},
			assisted:   &measurement{ComputeSeconds: []float64{0.03}},
			baseline:   &measurement{ComputeSeconds: []float64{1.5}},
		},
		{ // 0.5 s < 1 s; 2 GiB RSS ≥ 1 GiB
			w:          scaleTarget,
			engine:     &measurement{ComputeSeconds: []float64{0.5}, AllColumnsSeconds: []float64{0.7}, MaxRSSKiB: 2 << 20},
			vectorised: &measurement{ComputeSeconds: []float64{5}},
		},
	}
	rows[0].numba = &measurement{ComputeSeconds: []float64{0.025}} // 25 ms / 10 ms = 2.5×, met
	rows[1].numba = &measurement{ComputeSeconds: []float64{0.4}}   // 0.4 s / 0.5 s = 0.8×, NOT met
	want := "\nTargets:\n\n" +
		"- 50 sym × 10 y × 2,000 tx: gofolio is 150× faster than the baseline (target ≥ 100×: met) and 8.0× faster than the vectorised peer (target ≥ 10×: NOT met). It is 3.0× faster than pandas + numpy. Against numba (25 ms, warm): 2.5× (target faster: met).\n" +
		"- 500 sym × 20 y × 50,000 tx: gofolio takes 500 ms (700 ms with all 8 holdings columns; target < 1 s: met) with a peak RSS of 2048 MiB (target < 1 GiB: NOT met). Against numba (400 ms, warm): 0.8× (target faster: NOT met).\n"
	if got := targets(rows); got != want {
		t.Errorf("targets:\n%s\nwant:\n%s", got, want)
	}

	// The whole path: 30 ms against the fastest peer's 45 ms (pandas +
	// numpy) is 1.5× faster, met; against a peer at 20 ms, NOT met.
	rw := &row{
		w:          ratioTarget,
		engine:     &measurement{WholeSeconds: []float64{0.03}},
		vectorised: &measurement{WholeSeconds: []float64{0.08}},
		assisted:   &measurement{WholeSeconds: []float64{0.045}},
		baseline:   &measurement{WholeSeconds: []float64{0.5}},
	}
	if got, want := wholeTarget(rw), " The whole path, files on disk to frames, takes gofolio 30 ms, 1.5× faster than the fastest Python peer's (pandas + numpy, 45 ms; target faster than every peer: met)."; got != want {
		t.Errorf("wholeTarget:\n%s\nwant:\n%s", got, want)
	}
	// numba is a peer too: at 35 ms it is the fastest, 30 ms is 1.2× faster.
	rw.numba = &measurement{WholeSeconds: []float64{0.035}}
	if got := wholeTarget(rw); !strings.Contains(got, "1.2× faster than the fastest Python peer's (numba, 35 ms; target faster than every peer: met)") {
		t.Errorf("wholeTarget with numba: %s", got)
	}
	rw.vectorised.WholeSeconds = []float64{0.02}
	if got := wholeTarget(rw); !strings.Contains(got, "0.7× faster than the fastest Python peer's (the vectorised peer, 20 ms; target faster than every peer: NOT met)") {
		t.Errorf("wholeTarget with a faster peer: %s", got)
	}

	// Median of an odd count is the middle value; of an even count the mean of the two middle ones.
	if m := (&measurement{ComputeSeconds: []float64{3, 1, 2}}).median(); m != 2 {
		t.Errorf("median of 3, 1, 2 = %v, want 2", m)
	}
	if m := (&measurement{ComputeSeconds: []float64{4, 1, 2, 3}}).median(); m != 2.5 {
		t.Errorf("median of 4, 1, 2, 3 = %v, want (2+3)/2 = 2.5", m)
	}
}
