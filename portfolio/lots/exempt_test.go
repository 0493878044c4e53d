package lots_test

import (
	"testing"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// TestUKExemptEveryYearSince2008: the annual exempt amount of every tax
// year from 2008/09 (the share identification rules of today) to 2026/27,
// as HMRC published it (gov.uk "Capital Gains Tax: rates and allowances"):
// £12,300 in 2020/21 to 2022/23, then £6,000 in 2023/24 and £3,000 from
// 2024/25 on (Finance Act 2023).
func TestUKExemptEveryYearSince2008(t *testing.T) {
	hmrc := map[int]float64{
		2008: 9600, 2009: 10100, 2010: 10100, 2011: 10600, 2012: 10600, 2013: 10900, 2014: 11000,
		2015: 11100, 2016: 11100, 2017: 11300, 2018: 11700, 2019: 12000, 2020: 12300, 2021: 12300,
		2022: 12300, 2023: 6000, 2024: 3000, 2025: 3000, 2026: 3000,
	}
	for y := 2008; y <= 2026; y++ {
		got, ok := lots.UKExempt(y)
		if !ok || got != hmrc[y] {
			t.Errorf("%d/%02d: exempt %v (known %v), want £%v", y, (y+1)%100, got, ok, hmrc[y])
		}
	}
}
