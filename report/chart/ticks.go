package chart

import (
	"math"
	"strconv"
	"time"

	"gonum.org/v1/plot"
)

// DateTicks is a plot.Ticker for axes whose values are Unix seconds (see
// TimeValue). It puts labelled ticks on calendar boundaries chosen by the span
// shown, so that a ten-year axis reads 2016, 2017, ... rather than the two
// labels plot.TimeTicks gives:
//
//	span > 12 years     every 2, 5 or 10 years ("2006"), minor ticks each year
//	4 to 12 years       every year ("2016"), minor ticks each quarter
//	14 months to 4 years every quarter ("Jan 2020", "Apr", "Jul", "Oct"), minor ticks each month
//	3 to 14 months      every month ("Jan 2020", "Feb", ...), no minor ticks
//	under 3 months      weekly Mondays or daily ("2 Jan", ...)
//
// A label carries the year only on January or on the first labelled tick.
type DateTicks struct{}

var _ plot.Ticker = DateTicks{}

// TimeValue is the axis value of t: seconds since the Unix epoch.
func TimeValue(t time.Time) float64 { return float64(t.Unix()) }

func valueTime(v float64) time.Time { return time.Unix(int64(math.Round(v)), 0).UTC() }

// Ticks implements plot.Ticker.
func (DateTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) || math.IsInf(min, 0) || math.IsInf(max, 0) {
		return nil
	}
	lo, hi := valueTime(min), valueTime(max)
	months := (hi.Year()-lo.Year())*12 + int(hi.Month()-lo.Month())
	switch {
	case months > 12*12:
		step := 2
		if months > 12*30 {
			step = 10
		} else if months > 12*20 {
			step = 5
		}
		return calendarTicks(min, max, lo, 12*step, 12, func(t time.Time, _ bool) string { return strconv.Itoa(t.Year()) }, step)
	case months > 4*12:
		return calendarTicks(min, max, lo, 12, 3, func(t time.Time, _ bool) string { return strconv.Itoa(t.Year()) }, 1)
	case months > 14:
		return calendarTicks(min, max, lo, 3, 1, monthLabel, 1)
	case months >= 3:
		return calendarTicks(min, max, lo, 1, 0, monthLabel, 1)
	default:
		return dayTicks(min, max, lo, hi)
	}
}

// monthLabel writes "Jan 2020" for January and the first label, "Apr"
// otherwise.
func monthLabel(t time.Time, first bool) string {
	if first || t.Month() == time.January {
		return t.Format("Jan 2006")
	}
	return t.Format("Jan")
}

// calendarTicks labels every major months from a month boundary that is a
// multiple of major (counted from January of a year divisible by yearStep)
// and adds unlabelled ticks every minor months (none when minor is 0).
func calendarTicks(min, max float64, lo time.Time, major, minor int, label func(time.Time, bool) string, yearStep int) []plot.Tick {
	start := time.Date(lo.Year()-lo.Year()%yearStep, time.January, 1, 0, 0, 0, 0, time.UTC)
	step := major
	if minor > 0 {
		step = minor
	}
	var ticks []plot.Tick
	first := true
	for i := 0; ; i += step {
		t := start.AddDate(0, i, 0)
		v := TimeValue(t)
		if v > max {
			break
		}
		if v < min {
			continue
		}
		if i%major == 0 {
			ticks = append(ticks, plot.Tick{Value: v, Label: label(t, first)})
			first = false
		} else {
			ticks = append(ticks, plot.Tick{Value: v})
		}
	}
	return ticks
}

// dayTicks labels Mondays when more than three weeks are shown, every day
// otherwise.
func dayTicks(min, max float64, lo, hi time.Time) []plot.Tick {
	start := time.Date(lo.Year(), lo.Month(), lo.Day(), 0, 0, 0, 0, time.UTC)
	weekly := hi.Sub(lo) > 21*24*time.Hour
	var ticks []plot.Tick
	first := true
	for t := start; TimeValue(t) <= max; t = t.AddDate(0, 0, 1) {
		v := TimeValue(t)
		if v < min {
			continue
		}
		if weekly && t.Weekday() != time.Monday {
			continue
		}
		l := t.Format("2 Jan")
		if first || (t.Month() == time.January && t.Day() <= 7) {
			l = t.Format("2 Jan 2006")
		}
		first = false
		ticks = append(ticks, plot.Tick{Value: v, Label: l})
	}
	return ticks
}

// PercentTicks is a plot.Ticker for axes whose values are already in percent
// (10 means 10%): every niceTicks step labelled with a % sign.
type PercentTicks struct{}

// Ticks implements plot.Ticker.
func (PercentTicks) Ticks(min, max float64) []plot.Tick {
	ticks := niceTicks(min, max)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = trimFloat(ticks[i].Value) + "%"
		}
	}
	return ticks
}

// MoneyTicks is a plot.Ticker for money axes: every niceTicks step labelled with thousands ("12k") or millions ("1.5M") when large.
type MoneyTicks struct{}

// Ticks implements plot.Ticker.
func (MoneyTicks) Ticks(min, max float64) []plot.Tick {
	ticks := niceTicks(min, max)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = compactMoney(ticks[i].Value)
		}
	}
	return ticks
}

// compactMoney writes v as 950, 12k, 1.5M or 2.25bn.
func compactMoney(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return trimFloat(v/1e9) + "bn"
	case a >= 1e6:
		return trimFloat(v/1e6) + "M"
	case a >= 1e3:
		return trimFloat(v/1e3) + "k"
	default:
		return trimFloat(v)
	}
}

// trimFloat writes v with the shortest decimals after rounding away the
// binary noise of tick arithmetic (0.30000000000000004 is written 0.3).
func trimFloat(v float64) string {
	r := math.Round(v*1e9) / 1e9
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// niceTicks labels every multiple of a round step (1, 2, 2.5 or 5 times a
// power of ten) in [min, max], the step chosen to give 4 to 10 labels;
// plot.DefaultTicks labels so few that a chart is hard to read.
func niceTicks(min, max float64) []plot.Tick {
	if !(max > min) || !finite(min) || !finite(max) {
		return nil
	}
	raw := (max - min) / 6
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var ticks []plot.Tick
	for k := math.Ceil(min / step); k*step <= max+step*1e-9; k++ {
		v := k * step
		ticks = append(ticks, plot.Tick{Value: v, Label: trimFloat(v)})
	}
	return ticks
}
