package quality

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/gofolio/gofolio/quotes"
)

// TestRepairUndoesPlantedFaults plants the repairable kinds of fault in
// the sample market's series and checks that Repair gives back the
// original closes (to 1e-9) and logs every changed row, without touching
// its input; a missing split comes back as the planted split.
func TestRepairUndoesPlantedFaults(t *testing.T) {
	market := sampleMarket(t)
	pool := sortedKeys(market)
	for _, kind := range []Kind{UnitSwitch, DoubledAdjustment, MissingAdjustment, NotPositive, MissingSplit} {
		repaired := 0
		for seed := 1; seed <= 50; seed++ {
			r := rand.New(rand.NewPCG(uint64(seed), 7))
			orig := market[pool[r.IntN(len(pool))]]
			s := clone(orig)
			plants[kind](r, s)
			planted := clone(s)
			in := map[string]*quotes.Series{s.Symbol: s}
			var fixable []Finding
			for _, f := range Check(in, Options{}) {
				if f.Kind == kind && f.Repairable {
					fixable = append(fixable, f)
				}
			}
			if len(fixable) == 0 {
				continue // found but not sure enough (a split-like move off its ratio): not repaired
			}
			out, log := Repair(in, fixable)
			if !reflect.DeepEqual(s, planted) {
				t.Fatalf("%s seed %d: Repair changed its input", kind, seed)
			}
			if len(log) == 0 {
				t.Errorf("%s seed %d: repaired without a log", kind, seed)
			}
			checkRepaired(t, kind, seed, orig, planted, out[s.Symbol])
			repaired++
		}
		t.Logf("%s: %d/50 repaired", kind, repaired)
		if repaired < 35 {
			t.Errorf("%s: only %d/50 repaired, want at least 35", kind, repaired)
		}
	}
}

func checkRepaired(t *testing.T, kind Kind, seed int, orig, planted, got *quotes.Series) {
	t.Helper()
	if kind == MissingSplit {
		// The split is added; the closes, as traded, stay.
		if len(got.Splits) != len(planted.Splits)+1 || !reflect.DeepEqual(got.Close, planted.Close) {
			t.Errorf("%s seed %d: splits %v", kind, seed, got.Splits)
		}
		return
	}
	if len(got.Close) != len(orig.Close) && kind != NotPositive {
		t.Fatalf("%s seed %d: %d closes, want %d", kind, seed, len(got.Close), len(orig.Close))
	}
	for i, d := range got.Dates {
		j := orig.Search(d)
		if math.Abs(got.Close[i]/orig.Close[j]-1) > 1e-9 {
			t.Fatalf("%s seed %d: close on %s repaired to %g, was %g", kind, seed, d.Format("2006-01-02"), got.Close[i], orig.Close[j])
		}
	}
}

// TestRepairLeavesOthers: only Repairable findings are applied, and a
// series without any is the same pointer.
func TestRepairLeavesOthers(t *testing.T) {
	d := weekdays(30)
	s := &quotes.Series{Symbol: "G", Dates: d, Close: wobble(30)}
	s.Close[3] = 1010 // 10.1 · 100
	other := &quotes.Series{Symbol: "H", Dates: d, Close: wobble(30)}
	in := map[string]*quotes.Series{"G": s, "H": other}
	found := Check(in, Options{})
	notSure := found[0]
	notSure.Repairable = false
	if out, log := Repair(in, []Finding{notSure}); len(log) != 0 || out["G"] != s {
		t.Errorf("repaired a finding not marked Repairable: %v", log)
	}
	out, log := Repair(in, found)
	if out["H"] != other || out["G"].Close[3] != 10.1 || len(log) != 1 || log[0].String() != "G 2020-01-09: close 1010 -> 10.1 (unit switch)" {
		t.Errorf("log %v", log)
	}
}

// TestStaleNeedsAMovingMarket: equal closes while every other series is
// flat too (a holiday filled in) are not stale.
func TestStaleNeedsAMovingMarket(t *testing.T) {
	d := weekdays(30)
	flat := func(sym string) *quotes.Series {
		s := &quotes.Series{Symbol: sym, Dates: d, Close: wobble(30)}
		for i := 10; i < 20; i++ {
			s.Close[i] = 10
		}
		return s
	}
	if found := Check(map[string]*quotes.Series{"A": flat("A"), "B": flat("B")}, Options{}); len(found) != 0 {
		t.Errorf("findings %v, want none", found)
	}
	moving := &quotes.Series{Symbol: "C", Dates: d, Close: wobble(30)}
	if found := Check(map[string]*quotes.Series{"A": flat("A"), "C": moving}, Options{}); len(found) != 1 || found[0].Kind != Stale {
		t.Errorf("findings %v, want A stale", found)
	}
}
