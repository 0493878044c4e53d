package stats

import (
	"math"
	"time"
)

// Drawdown is the deepest fall of a wealth index from a previous peak.
type Drawdown struct {
	// Depth is index[trough] / index[peak] − 1: 0 when the index never
	// falls, NaN when the index holds a NaN or never has a positive value.
	Depth float64
	// Peak is the date of the running maximum before the trough, Trough
	// the date of the lowest point after it. Both are zero when Depth is 0.
	Peak, Trough time.Time
	// Recovery is the first date after Trough on which the index is back
	// to its value at Peak; zero if it has not recovered.
	Recovery time.Time
	// Duration runs from Peak to Recovery or, when the index has not
	// recovered, to the last date.
	Duration time.Duration
}

// Recovered reports whether the index got back to its peak.
func (d Drawdown) Recovered() bool { return !d.Recovery.IsZero() }

// MaxDrawdown finds the maximum drawdown of a wealth index (such as
// 1 + cumulative return, or a price) observed on dates:
//
//	Depth = min over t of ( index[t] / max_{i ≤ t} index[i] − 1 ),
//
// the earliest such trough when several are as deep. Values before the
// first positive one are ignored (there is no peak to fall from).
func MaxDrawdown(dates []time.Time, index []float64) Drawdown {
	n := min(len(dates), len(index))
	peak, peakAt := math.Inf(-1), -1
	depth, pk, tr := 0.0, -1, -1
	for t := range n {
		v := index[t]
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Drawdown{Depth: math.NaN()}
		}
		if v > peak {
			peak, peakAt = v, t
		}
		if peak > 0 {
			if d := v/peak - 1; d < depth {
				depth, pk, tr = d, peakAt, t
			}
		}
	}
	if n > 0 && !(peak > 0) {
		return Drawdown{Depth: math.NaN()}
	}
	if tr < 0 {
		return Drawdown{}
	}
	dd := Drawdown{Depth: depth, Peak: dates[pk], Trough: dates[tr]}
	end := dates[n-1]
	for t := tr + 1; t < n; t++ {
		if index[t] >= index[pk] {
			dd.Recovery, end = dates[t], dates[t]
			break
		}
	}
	dd.Duration = end.Sub(dd.Peak)
	return dd
}
