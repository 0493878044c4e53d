package analysis

import (
	"errors"
	"fmt"
	"math"
)

// Check reports every problem in o at once, each naming its field: a
// risk-free rate out of range (see CheckRiskFree), negative periods per
// year, a To before From.
func (o Options) Check() error {
	var errs []error
	if err := CheckRiskFree(o.RiskFree); err != nil {
		errs = append(errs, fmt.Errorf("Options.RiskFree %v: %w", o.RiskFree, err))
	}
	if p := o.PeriodsPerYear; math.IsNaN(p) || math.IsInf(p, 0) || p < 0 {
		errs = append(errs, fmt.Errorf("Options.PeriodsPerYear %v: want a positive number of daily returns in a year, or 0 for 252", p))
	}
	if !o.From.IsZero() && !o.To.IsZero() && o.To.Before(o.From) {
		errs = append(errs, fmt.Errorf("Options.To %s is before Options.From %s", day(o.To), day(o.From)))
	}
	if len(errs) > 0 {
		return fmt.Errorf("analysis: %w", errors.Join(errs...))
	}
	return nil
}

// CheckRiskFree rejects an annual risk-free rate that is surely a mistake:
// not finite, or outside MinRiskFree to MaxRiskFree, as a percentage
// written as a number is (3 for 3%). The error says what is wanted, with
// the fraction meant when the rate divided by 100 is in range, and leaves
// naming the rate to the caller (Options.RiskFree, a -riskfree flag).
func CheckRiskFree(rate float64) error {
	switch {
	case math.IsNaN(rate) || math.IsInf(rate, 0):
		return errors.New("want a finite annual rate as a fraction, e.g. 0.03 for 3%")
	case rate > MaxRiskFree || rate < MinRiskFree:
		hint := ""
		// 3 needs no hint: the example already says 0.03 for 3%.
		if p := rate / 100; p != 0.03 && p <= MaxRiskFree && p >= MinRiskFree {
			hint = fmt.Sprintf("; for %v%% give %v", rate, p)
		}
		return fmt.Errorf("want a fraction, e.g. 0.03 for 3%%, from %v to %v%s", MinRiskFree, MaxRiskFree, hint)
	}
	return nil
}
