package lots

import (
	"fmt"
	"math"
	"time"
)

// Report is the capital gains of a transactions file: every disposal and
// their sums per tax year, in the reporting currency.
type Report struct {
	Method    Method
	Currency  string
	Disposals []Disposal // by date
	Years     []TaxYear  // by start
	// Open is each symbol's lots still held at the end (for UK, the
	// Section 104 pool as one lot), oldest first.
	Open map[string][]Lot
}

// TaxYear sums a tax year's disposals: UK years run from 6 April to 5
// April (the UK method), calendar years otherwise.
type TaxYear struct {
	Label      string    // "2022/23" for a UK year, "2022" for a calendar year
	Start, End time.Time // first and last day
	Disposals  int
	Proceeds   float64
	Costs      float64 // allowable costs
	Gains      float64 // the sum of the disposals' gains
	Losses     float64 // the sum of the disposals' losses, positive
	Net        float64 // Gains − Losses
	// Exempt is the UK annual exempt amount of the year as HMRC published
	// it (0 when not UK; NaN for a year the table lacks, before 1988/89
	// or after 2026/27); Taxable is max(0, Net − Exempt), NaN with it.
	Exempt, Taxable float64
	// ShortTerm and LongTerm split Net (US: held a year or less, more).
	ShortTerm, LongTerm float64
	// WashDisallowed is the loss the wash-sale rule disallowed (US).
	WashDisallowed float64
	// Note says what the year's figures are not ("" when nothing): for a
	// UK year before 2008/09, NoteBefore2008.
	Note string
}

// ukRulesFrom is the first day of today's UK share identification rules
// (the same day, 30 days, a Section 104 pool at cost: FA08, CG51550).
var ukRulesFrom = time.Date(2008, time.April, 6, 0, 0, 0, 0, time.UTC)

// NoteBefore2008 is the note of a UK tax year before 2008/09: its
// disposals are computed by the rules of 6 April 2008 on (gofolio knows no
// other), whereas the rules of the time applied (for 1998/99 to 2007/08,
// those of HMRC's examples at CG50579: acquisitions after 5 April 1998
// identified last in, first out, taper relief on the gain, indexation
// allowance up to April 1998 on the older pool), so the gain and the
// taxable amount may differ from what was due.
const NoteBefore2008 = "before 6 April 2008: computed with today's share identification (same day, 30 days, " +
	"Section 104 pool); the rules of the time (taper relief, indexation, their identification order) are not applied"

// UKTaxYear is the UK tax year holding day d: its label ("2022/23") and
// first day (6 April).
func UKTaxYear(d time.Time) (string, time.Time) {
	y := d.Year()
	if d.Before(time.Date(y, time.April, 6, 0, 0, 0, 0, time.UTC)) {
		y--
	}
	return fmt.Sprintf("%d/%02d", y, (y+1)%100), time.Date(y, time.April, 6, 0, 0, 0, 0, time.UTC)
}

// ukExempt is the annual exempt amount for individuals, by the year the
// tax year starts in, as HMRC published it (gov.uk "Capital Gains Tax:
// rates and allowances"): £12,300 from 2020/21 to 2022/23, £6,000 in
// 2023/24, £3,000 from 2024/25 (Finance Act 2023 fixed it at £3,000 for
// 2024/25 and later years; the table stops at 2026/27, the year in
// course, rather than guess beyond).
var ukExempt = map[int]float64{
	1988: 5000, 1989: 5000, 1990: 5000, 1991: 5500, 1992: 5800, 1993: 5800, 1994: 5800, 1995: 6000,
	1996: 6300, 1997: 6500, 1998: 6800, 1999: 7100, 2000: 7200, 2001: 7500, 2002: 7700, 2003: 7900,
	2004: 8200, 2005: 8500, 2006: 8800, 2007: 9200, 2008: 9600, 2009: 10100, 2010: 10100, 2011: 10600, 2012: 10600, 2013: 10900,
	2014: 11000, 2015: 11100, 2016: 11100, 2017: 11300, 2018: 11700, 2019: 12000,
	2020: 12300, 2021: 12300, 2022: 12300, 2023: 6000, 2024: 3000, 2025: 3000, 2026: 3000,
}

// UKExempt is the annual exempt amount of the UK tax year starting in
// April of year, and whether the table has it.
func UKExempt(year int) (float64, bool) {
	x, ok := ukExempt[year]
	return x, ok
}

// taxYears sums ds (sorted by date) per tax year of the method.
func taxYears(ds []Disposal, m Method) []TaxYear {
	var years []TaxYear
	for _, d := range ds {
		label, start, end := yearOf(d.Date, m)
		if len(years) == 0 || years[len(years)-1].Label != label {
			years = append(years, TaxYear{Label: label, Start: start, End: end})
		}
		y := &years[len(years)-1]
		y.Disposals++
		y.Proceeds += d.Proceeds
		y.Costs += d.Costs
		if d.Gain >= 0 {
			y.Gains += d.Gain
		} else {
			y.Losses -= d.Gain
		}
		y.WashDisallowed += d.WashDisallowed
		if m == US {
			s, l := d.ShortLong()
			y.ShortTerm += s
			y.LongTerm += l
		}
	}
	for i := range years {
		y := &years[i]
		y.Net = y.Gains - y.Losses
		if m == UK {
			y.Exempt, y.Taxable = math.NaN(), math.NaN()
			if x, ok := UKExempt(y.Start.Year()); ok {
				y.Exempt, y.Taxable = x, max(0, y.Net-x)
			}
			if y.Start.Before(ukRulesFrom) {
				y.Note = NoteBefore2008
			}
		}
	}
	return years
}

// yearOf is the tax year of day d under m: UK years for UK, calendar
// years otherwise.
func yearOf(d time.Time, m Method) (string, time.Time, time.Time) {
	if m == UK {
		label, start := UKTaxYear(d)
		return label, start, start.AddDate(1, 0, -1)
	}
	start := time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	return fmt.Sprint(d.Year()), start, start.AddDate(1, 0, -1)
}
