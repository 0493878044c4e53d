package stats

import (
	"fmt"
	"time"
)

// PeriodReturn is the time-weighted return over a period ending on the last
// date of the frame.
type PeriodReturn struct {
	Name string // "1M", "3M", "6M", "YTD", "1Y", "3Y", "5Y" or "ITD"
	// Start is the date the period runs from: the return is measured from
	// the close of the last date on or before Start (from before the first
	// day for ITD, and for a YTD that began after inception) to the close of
	// End.
	Start, End time.Time
	// FromInception is true for ITD and for a YTD whose year began before
	// the first date: the return then runs from inception.
	FromInception bool
	// Return is w[End] / w[Start] − 1 on the wealth index w = Π(1 + r):
	// NaN when the period starts before the first date.
	Return Figure
	// Annualised is CAGR(Return, Start, End) (calendar days / 365), NaN
	// for a period shorter than a calendar year, which is not annualised.
	Annualised Figure
}

// MonthReturn is one row of the monthly returns table.
type MonthReturn struct {
	Year  int
	Month time.Month
	// Days is how many dates of the frame fall in the month; the first and
	// last months of the frame may be partial.
	Days int
	// Return compounds the month's daily returns, Π(1 + r) − 1; NaN when
	// the portfolio held nothing all month.
	Return Figure
}

// YearReturn is one row of the yearly returns table, defined as MonthReturn.
type YearReturn struct {
	Year   int
	Days   int
	Return Figure
}

// periodNames are the periods of Summary.Periods, in order.
var periodNames = []string{"1M", "3M", "6M", "YTD", "1Y", "3Y", "5Y", "ITD"}

// addMonths moves t by k calendar months, clamping the day to the end of the
// target month (31 March − 1 month = 28 or 29 February, not 3 March).
func addMonths(t time.Time, k int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(k), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}

// lastOnOrBefore is the index of the last date ≤ d, or −1.
func lastOnOrBefore(dates []time.Time, d time.Time) int {
	lo, hi := 0, len(dates)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if dates[mid].After(d) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo - 1
}

// periodReturns computes the trailing periods on the wealth index w
// (w[t] = Π_{i ≤ t}(1 + r[i]); the index before the first date is 1).
func periodReturns(dates []time.Time, w []float64) []PeriodReturn {
	n := len(dates)
	end := dates[n-1]
	out := make([]PeriodReturn, 0, len(periodNames))
	for _, name := range periodNames {
		p := PeriodReturn{Name: name, End: end}
		var anchor time.Time
		switch name {
		case "1M":
			anchor = addMonths(end, -1)
		case "3M":
			anchor = addMonths(end, -3)
		case "6M":
			anchor = addMonths(end, -6)
		case "1Y":
			anchor = addMonths(end, -12)
		case "3Y":
			anchor = addMonths(end, -36)
		case "5Y":
			anchor = addMonths(end, -60)
		case "YTD":
			anchor = time.Date(end.Year()-1, 12, 31, 0, 0, 0, 0, end.Location())
			p.FromInception = anchor.Before(dates[0])
		case "ITD":
			p.FromInception = true
		}
		if p.FromInception {
			p.Start = dates[0]
			p.Return = figure(w[n-1]-1, "")
		} else {
			p.Start = anchor
			a := lastOnOrBefore(dates, anchor)
			switch {
			case a < 0:
				p.Return = undefined(fmt.Sprintf("needs data from %s, the first date is %s",
					anchor.Format(time.DateOnly), dates[0].Format(time.DateOnly)))
			case !(w[a] > 0):
				p.Return = undefined(fmt.Sprintf("the portfolio had lost everything by %s", dates[a].Format(time.DateOnly)))
			default:
				p.Return = figure(w[n-1]/w[a]-1, "")
			}
		}
		p.Annualised = annualisedFigure(p.Return, p.Start, p.End)
		out = append(out, p)
	}
	return out
}

// notAnnualised is the reason an annual figure of a short period is NaN.
const notAnnualised = "a period shorter than a year is not annualised"

// shorterThanAYear reports whether end is before the anniversary of start:
// returns of such periods are not annualised (GIPS), since extrapolating a
// few days to a year turns noise into absurd rates.
func shorterThanAYear(start, end time.Time) bool { return end.Before(start.AddDate(1, 0, 0)) }

// annualisedFigure annualises total with CAGR, except over less than a
// calendar year (GIPS: returns for periods under a year must not be
// annualised).
func annualisedFigure(total Figure, start, end time.Time) Figure {
	switch {
	case !total.Defined():
		return total
	case shorterThanAYear(start, end):
		return undefined(notAnnualised)
	}
	return figure(CAGR(total.Value, start, end), "the loss is larger than 100 %")
}

// calendarReturns builds the monthly and yearly tables: each row compounds
// the daily returns of its dates, w[last] / w[before first] − 1.
func calendarReturns(dates []time.Time, w []float64, invested []bool) ([]MonthReturn, []YearReturn) {
	type key struct{ y, m int }
	var months []MonthReturn
	var years []YearReturn
	row := func(i0, i1 int) (Figure, int) {
		before, held := 1.0, false
		if i0 > 0 {
			before = w[i0-1]
		}
		for t := i0; t <= i1; t++ {
			held = held || invested[t]
		}
		switch {
		case !held:
			return undefined("the portfolio held nothing during the period"), i1 - i0 + 1
		case !(before > 0):
			return undefined("the portfolio had lost everything before the period"), i1 - i0 + 1
		}
		return figure(w[i1]/before-1, ""), i1 - i0 + 1
	}
	// One Date() call per date: Year() and Month() each recompute it.
	ym := make([]key, len(dates))
	for i, d := range dates {
		y, m, _ := d.Date()
		ym[i] = key{y, int(m)}
	}
	for i0 := 0; i0 < len(dates); {
		i1 := i0
		for i1+1 < len(dates) && ym[i1+1] == ym[i0] {
			i1++
		}
		r, days := row(i0, i1)
		months = append(months, MonthReturn{Year: ym[i0].y, Month: time.Month(ym[i0].m), Days: days, Return: r})
		i0 = i1 + 1
	}
	for i0 := 0; i0 < len(dates); {
		i1 := i0
		for i1+1 < len(dates) && ym[i1+1].y == ym[i0].y {
			i1++
		}
		r, days := row(i0, i1)
		years = append(years, YearReturn{Year: ym[i0].y, Days: days, Return: r})
		i0 = i1 + 1
	}
	return months, years
}
