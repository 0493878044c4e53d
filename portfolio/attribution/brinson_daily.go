package attribution

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
)

// Benchmark is a benchmark for Daily.BrinsonFachler, by group.
type Benchmark struct {
	// Weights are the benchmark's weight of each group (finite, adding up
	// to 1 within 1e-9), held every day: the benchmark is rebalanced to
	// them daily.
	Weights map[string]float64
	// Levels are each group's total-return index (a price index with its
	// dividends reinvested, as benchmark.Align gives one) on each of the
	// Daily's Dates: positive and finite. The group's return on day t is
	// Levels[t] / Levels[t−1] − 1 (none on the first date). A group of
	// weight 0 may have none: a group the portfolio holds and the benchmark
	// gives no return takes the benchmark's total return (see
	// periodEffects).
	Levels map[string][]float64
}

// BrinsonFachler attributes the window's active return, the portfolio's
// TWR less the benchmark's (Π(1 + B[t]) − 1, B[t] = Σ W_g b_g[t]), to each
// group's allocation, selection and interaction. Each day with a return is
// a period: the portfolio's weight of group g is Σ base[i,t] / B[t] over
// its members (the cash included, so the weights add up to 1) and its
// contribution Σ c[i,t]; the days are linked with Frongello's method (see
// Link), so the effects add up exactly to the active return. On a day
// without a portfolio return (the window's first, or an empty portfolio)
// the portfolio is given the benchmark's weights and no contribution. The
// groups are the portfolio's (as ByGroup names them) then the benchmark's
// others, sorted. Every problem with the benchmark is reported at once.
func (d *Daily) BrinsonFachler(group func(symbol string) string, bench Benchmark) (*Attribution, error) {
	groups, member := d.groups(group)
	held := len(groups)
	for g := range bench.Weights {
		if !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	}
	sort.Strings(groups[held:])
	if err := d.checkBenchmark(bench); err != nil {
		return nil, err
	}
	table := make([][]segment, len(d.Dates))
	for t := range d.Dates {
		table[t] = d.daySegments(t, groups, member, bench)
	}
	return link(groups, table), nil
}

// groups lists the portfolio's groups in the order of Names and the
// group index of each name.
func (d *Daily) groups(group func(string) string) (groups []string, member []int) {
	index := map[string]int{}
	for _, name := range d.Names {
		g := groupOf(group, name)
		k, ok := index[g]
		if !ok {
			k = len(groups)
			index[g] = k
			groups = append(groups, g)
		}
		member = append(member, k)
	}
	return groups, member
}

// daySegments is day t as a Brinson-Fachler period over groups.
func (d *Daily) daySegments(t int, groups []string, member []int, bench Benchmark) []segment {
	segs := make([]segment, len(groups))
	for g, name := range groups {
		segs[g].bw = bench.Weights[name]
		if lv, ok := bench.Levels[name]; ok {
			segs[g].hasB = true
			if t > 0 {
				segs[g].b = lv[t]/lv[t-1] - 1
			}
		}
	}
	if d.Base[t] == 0 {
		for g := range segs {
			segs[g].w = segs[g].bw
		}
		return segs
	}
	for i, g := range member {
		segs[g].w += d.HoldingBase[i][t] / d.Base[t]
		segs[g].c += d.DailyContribution(i, t)
	}
	return segs
}

// checkBenchmark reports, sorted by group, weights that are not finite or
// do not add up to 1, levels of the wrong length or not positive and
// finite, and a group of positive weight without levels.
func (d *Daily) checkBenchmark(bench Benchmark) error {
	var errs []error
	var sum float64
	names := make([]string, 0, len(bench.Weights)+len(bench.Levels))
	for g := range bench.Weights {
		names = append(names, g)
	}
	for g := range bench.Levels {
		if _, ok := bench.Weights[g]; !ok {
			names = append(names, g)
		}
	}
	sort.Strings(names)
	for _, g := range names {
		w, lv := bench.Weights[g], bench.Levels[g]
		sum += w
		switch {
		case math.IsNaN(w) || math.IsInf(w, 0):
			errs = append(errs, fmt.Errorf("attribution: benchmark group %s: weight %g, want a finite weight", g, w))
		case w != 0 && lv == nil:
			errs = append(errs, fmt.Errorf("attribution: benchmark group %s: weight %g but no levels: want its index on each of the %d dates", g, w, len(d.Dates)))
		}
		if lv == nil {
			continue
		}
		if len(lv) != len(d.Dates) {
			errs = append(errs, fmt.Errorf("attribution: benchmark group %s: %d levels, want one per date of the window (%d, %s to %s)",
				g, len(lv), len(d.Dates), day(d.Dates[0]), day(d.Dates[len(d.Dates)-1])))
			continue
		}
		for t, x := range lv {
			if !(x > 0) || math.IsInf(x, 0) {
				errs = append(errs, fmt.Errorf("attribution: benchmark group %s: level %g on %s, want a positive index level", g, x, day(d.Dates[t])))
				break
			}
		}
	}
	if math.Abs(sum-1) > 1e-9 && !math.IsNaN(sum) {
		errs = append(errs, fmt.Errorf("attribution: the benchmark's weights add up to %g, want 1", sum))
	}
	return errors.Join(errs...)
}
