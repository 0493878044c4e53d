package nyse

import (
	"testing"
	"time"
)

func TestHoliday(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	closed := map[time.Time]string{
		d(1995, 1, 2):   "New Year's Day", // 1 Jan 1995 was a Sunday
		d(1998, 1, 19):  "Martin Luther King Jr. Day",
		d(1995, 2, 20):  "Washington's Birthday",
		d(1995, 4, 14):  "Good Friday", // Easter 1995: 16 April
		d(2000, 4, 21):  "Good Friday", // Easter 2000: 23 April
		d(1995, 5, 29):  "Memorial Day",
		d(1995, 7, 4):   "Independence Day",
		d(1992, 7, 3):   "Independence Day", // 4 July 1992 was a Saturday
		d(1999, 7, 5):   "Independence Day", // 4 July 1999 was a Sunday
		d(1995, 9, 4):   "Labor Day",
		d(1995, 11, 23): "Thanksgiving Day",
		d(1995, 12, 25): "Christmas Day",
		d(1993, 12, 24): "Christmas Day", // 25 December 1993 was a Saturday
		d(1994, 12, 26): "Christmas Day", // 25 December 1994 was a Sunday
		d(1994, 4, 27):  "National Day of Mourning for Richard Nixon",
	}
	for day, want := range closed {
		if got, ok := Holiday(day); !ok || got != want {
			t.Errorf("Holiday(%s) = %q, %v; want %q", day.Format(time.DateOnly), got, ok, want)
		}
		if TradingDay(day) {
			t.Errorf("TradingDay(%s) = true", day.Format(time.DateOnly))
		}
	}
	open := []time.Time{
		d(1997, 1, 20),  // MLK day before the NYSE observed it
		d(1999, 12, 31), // New Year 2000 fell on a Saturday: no Friday closure
		d(1995, 4, 13), d(1995, 4, 17), d(1995, 12, 26), d(1995, 5, 22),
	}
	for _, day := range open {
		if !TradingDay(day) {
			name, _ := Holiday(day)
			t.Errorf("TradingDay(%s) = false (%s)", day.Format(time.DateOnly), name)
		}
	}
	if TradingDay(d(1995, 12, 23)) {
		t.Error("a Saturday is a trading day")
	}
}
