// Package nyse is the New York Stock Exchange holiday calendar for the years
// of the sample market, 1990 to 2001. It is internal because it is only as
// complete as the sample needs: the regular holidays by their rules and the
// one unscheduled closure of the 1990s.
package nyse

import "time"

// special lists unscheduled full-day closures in the years covered.
var special = map[time.Time]string{
	time.Date(1994, 4, 27, 0, 0, 0, 0, time.UTC): "National Day of Mourning for Richard Nixon",
}

// Holiday reports whether the exchange was closed on day d (a weekday at
// midnight UTC) for a holiday, and which. Weekends are not holidays: see
// TradingDay.
//
// The rules, as the NYSE applied them in the 1990s:
//   - New Year's Day, 1 January; a Sunday moves it to Monday 2 January, a
//     Saturday cancels it (the exchange does not close on 31 December).
//   - Martin Luther King Jr. Day, third Monday of January, from 1998.
//   - Washington's Birthday (Presidents' Day), third Monday of February.
//   - Good Friday, two days before Western Easter Sunday.
//   - Memorial Day, last Monday of May.
//   - Independence Day, 4 July; Saturday moves it to Friday 3 July and
//     Sunday to Monday 5 July.
//   - Labor Day, first Monday of September.
//   - Thanksgiving, fourth Thursday of November.
//   - Christmas, 25 December, moved like Independence Day.
//   - Special closures: 27 April 1994 (Richard Nixon's funeral).
func Holiday(d time.Time) (name string, ok bool) {
	y, m, day := d.Date()
	wd := d.Weekday()
	if name, ok := special[time.Date(y, m, day, 0, 0, 0, 0, time.UTC)]; ok {
		return name, true
	}
	switch {
	case observed(d, time.January, 1, false):
		return "New Year's Day", true
	case y >= 1998 && m == time.January && wd == time.Monday && nth(day) == 3:
		return "Martin Luther King Jr. Day", true
	case m == time.February && wd == time.Monday && nth(day) == 3:
		return "Washington's Birthday", true
	case sameDay(d, easter(y).AddDate(0, 0, -2)):
		return "Good Friday", true
	case m == time.May && wd == time.Monday && day+7 > 31:
		return "Memorial Day", true
	case observed(d, time.July, 4, true):
		return "Independence Day", true
	case m == time.September && wd == time.Monday && nth(day) == 1:
		return "Labor Day", true
	case m == time.November && wd == time.Thursday && nth(day) == 4:
		return "Thanksgiving Day", true
	case observed(d, time.December, 25, true):
		return "Christmas Day", true
	}
	return "", false
}

// TradingDay reports whether the exchange was open on d: a weekday that is
// not a Holiday.
func TradingDay(d time.Time) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	_, closed := Holiday(d)
	return !closed
}

// nth is which occurrence of its weekday day of month is: 1 for days 1-7.
func nth(day int) int { return (day-1)/7 + 1 }

// observed reports whether d is the weekday on which the fixed-date holiday
// month/day is observed: the day itself, the Monday after when it falls on
// a Sunday, and the Friday before when it falls on a Saturday and
// saturdayToFriday is set.
func observed(d time.Time, month time.Month, day int, saturdayToFriday bool) bool {
	h := time.Date(d.Year(), month, day, 0, 0, 0, 0, time.UTC)
	switch h.Weekday() {
	case time.Sunday:
		h = h.AddDate(0, 0, 1)
	case time.Saturday:
		if !saturdayToFriday {
			return false
		}
		h = h.AddDate(0, 0, -1)
	}
	return sameDay(d, h)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// easter is Western Easter Sunday of year y, by the anonymous Gregorian
// algorithm (Meeus/Jones/Butcher).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
