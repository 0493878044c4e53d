package stats

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
)

// ErrNoIRR is matched (errors.Is) by XIRR's error when the cash flows have
// no internal rate of return: every flow, end value included, of one sign,
// no time between the flows and the end, or no root in the range of rates
// a float64 can express.
var ErrNoIRR = errors.New("no internal rate of return")

// XIRR is the money-weighted annual return of a portfolio that received
// flows (positive deposits, negative withdrawals) and was worth endValue on
// end: the rate r that solves
//
//	Σ_i A_i × (1 + r)^((end − t_i) / 365) = endValue
//
// with time counted Act/365 (actual days / 365, as Excel's XIRR does).
// It is solved for x = ln(1 + r): a bracket is found by stepping outward
// from r = 0 (x = ±0.1, ±0.2, ±0.4, ...) until the equation changes sign,
// then Brent's method narrows it to 1e-12 in x. When the flows change sign
// more than once there may be several rates; the one closest to 0 on the
// first bracket found is returned.
//
// A flow after end, or any NaN or infinite amount, is an error that does not
// match ErrNoIRR; flows with no solution give one that does.
func XIRR(flows []perf.Flow, end time.Time, endValue float64) (float64, error) {
	x, err := xirrLog(flows, end, endValue)
	if err != nil {
		return math.NaN(), err
	}
	return math.Expm1(x), nil
}

// MWR is the money-weighted return over the period from start to end, not
// annualised:
//
//	MWR = (1 + r)^(days / 365) − 1,  days = end − start in calendar days,
//
// where r is XIRR(flows, end, endValue), the Act/365 annual rate. For 100
// paid in on start and 110 at end 73 days later, r = 1.1^(365/73) − 1 =
// 61.051 % and MWR = 10 %. start is the first date of the period, on or
// before the first flow. It is computed as e^(x days/365) − 1 from
// x = ln(1 + r) as XIRR solves it, not from r: a steep loss over a few days
// is an annual rate that rounds to −100 %, but its period return does not.
//
// The errors are XIRR's, and start after end; a return too large for a
// float64 is an error matching ErrNoIRR.
func MWR(flows []perf.Flow, start, end time.Time, endValue float64) (float64, error) {
	if start.After(end) {
		return math.NaN(), fmt.Errorf("stats: MWR: start %s is after the end date %s", start.Format(time.DateOnly), end.Format(time.DateOnly))
	}
	x, err := xirrLog(flows, end, endValue)
	if err != nil {
		return math.NaN(), err
	}
	m := periodReturn(x, start, end)
	if math.IsNaN(m) {
		return m, fmt.Errorf("stats: MWR: %w: %s", ErrNoIRR, tooLarge)
	}
	return m, nil
}

// tooLarge is why a period money-weighted return is NaN when XIRR exists.
const tooLarge = "the return over the period is too large for a float64"

// periodReturn is e^(x days/365) − 1, days = end − start: the return over
// the period at the annual log-rate x = ln(1 + r) (Act/365); NaN when it
// overflows.
func periodReturn(x float64, start, end time.Time) float64 {
	return finite(math.Expm1(x * end.Sub(start).Hours() / 24 / 365))
}

// xirrLog solves XIRR's equation for x = ln(1 + r); see XIRR.
func xirrLog(flows []perf.Flow, end time.Time, endValue float64) (float64, error) {
	var bad []error
	if math.IsNaN(endValue) || math.IsInf(endValue, 0) {
		bad = append(bad, fmt.Errorf("end value %v is not a finite number", endValue))
	}
	years := make([]float64, len(flows))
	pos, neg, ymax := endValue > 0, endValue < 0, 0.0
	for i, f := range flows {
		if math.IsNaN(f.Amount) || math.IsInf(f.Amount, 0) {
			bad = append(bad, fmt.Errorf("flow %d on %s: amount %v is not a finite number", i, f.Date.Format(time.DateOnly), f.Amount))
		}
		if f.Date.After(end) {
			bad = append(bad, fmt.Errorf("flow %d on %s is after the end date %s", i, f.Date.Format(time.DateOnly), end.Format(time.DateOnly)))
		}
		years[i] = end.Sub(f.Date).Hours() / 24 / 365
		ymax = max(ymax, years[i])
		// In the equation a deposit counts against the end value: it is
		// money the investor paid, so it has the sign opposite to endValue.
		pos = pos || f.Amount < 0
		neg = neg || f.Amount > 0
	}
	if len(bad) > 0 {
		return math.NaN(), fmt.Errorf("stats: XIRR: %w", errors.Join(bad...))
	}
	if !pos || !neg {
		return math.NaN(), fmt.Errorf("stats: XIRR: %w: the money paid in and the money received (withdrawals and end value) are not both present", ErrNoIRR)
	}
	if ymax == 0 {
		return math.NaN(), fmt.Errorf("stats: XIRR: %w: every flow is on the end date, no time elapsed", ErrNoIRR)
	}
	scale := math.Abs(endValue)
	for _, f := range flows {
		scale += math.Abs(f.Amount)
	}
	// g(x) = (Σ A_i e^(x y_i) − endValue) / scale: dividing by a positive
	// scale keeps the roots and makes the tolerance relative.
	g := func(x float64) float64 {
		s := -endValue
		for i, f := range flows {
			s += f.Amount * math.Exp(x*years[i])
		}
		return s / scale
	}
	// Above: e^(x y) ≤ e^600 ≈ 4e260 for every y ≤ ymax keeps A e^(x y) and
	// r = e^x − 1 finite for any amount below 1e47. Below, nothing can
	// overflow; the search stops where e^(x y) ≤ e^−600 for the nearest
	// flow, a rate indistinguishable from −100 %.
	ymin := ymax
	for _, y := range years {
		if y > 0 {
			ymin = min(ymin, y)
		}
	}
	x, ok := bracketRoot(g, -max(600/ymin, 600), min(600/ymax, 600))
	if !ok {
		return math.NaN(), fmt.Errorf("stats: XIRR: %w: the cash flows do not balance at any rate from −100 %% to e^600", ErrNoIRR)
	}
	return x, nil
}

// bracketRoot searches g for a sign change by stepping outward from 0 on
// both sides, to xlo below and xhi above, and solves the first bracket found
// with Brent's method. When both sides change sign at the same step the
// root closer to 0 is kept.
func bracketRoot(g func(float64) float64, xlo, xhi float64) (float64, bool) {
	g0 := g(0)
	if g0 == 0 {
		return 0, true
	}
	lo, glo, hi, ghi := 0.0, g0, 0.0, g0
	for h := 0.1; hi < xhi || lo > xlo; h *= 2 {
		var roots []float64
		if hi < xhi {
			nhi := min(h, xhi)
			gnhi := g(nhi)
			if sign(gnhi) != sign(ghi) && !math.IsNaN(gnhi) {
				roots = append(roots, brent(g, hi, nhi, ghi, gnhi))
			}
			hi, ghi = nhi, gnhi
			if math.IsNaN(gnhi) {
				hi = xhi
			}
		}
		if lo > xlo {
			nlo := max(-h, xlo)
			gnlo := g(nlo)
			if sign(gnlo) != sign(glo) && !math.IsNaN(gnlo) {
				roots = append(roots, brent(g, nlo, lo, gnlo, glo))
			}
			lo, glo = nlo, gnlo
			if math.IsNaN(gnlo) {
				lo = xlo
			}
		}
		if len(roots) > 0 {
			best := roots[0]
			for _, r := range roots[1:] {
				if math.Abs(r) < math.Abs(best) {
					best = r
				}
			}
			return best, !math.IsNaN(best)
		}
	}
	return math.NaN(), false
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// brent finds a root of g in [a, b], where g(a) = fa and g(b) = fb have
// opposite signs (or one is 0), by Brent's method (inverse quadratic
// interpolation and secant steps, safeguarded by bisection).
func brent(g func(float64) float64, a, b, fa, fb float64) float64 {
	const tol = 1e-12
	if fa == 0 {
		return a
	}
	if fb == 0 {
		return b
	}
	if math.Abs(fa) < math.Abs(fb) {
		a, b, fa, fb = b, a, fb, fa
	}
	c, fc := a, fa
	d := b - a
	mflag := true
	for range 200 {
		if fb == 0 || math.Abs(b-a) < tol*(1+math.Abs(b)) {
			return b
		}
		var s float64
		if fa != fc && fb != fc {
			s = a*fb*fc/((fa-fb)*(fa-fc)) + b*fa*fc/((fb-fa)*(fb-fc)) + c*fa*fb/((fc-fa)*(fc-fb))
		} else {
			s = b - fb*(b-a)/(fb-fa)
		}
		lo, hi := (3*a+b)/4, b
		if lo > hi {
			lo, hi = hi, lo
		}
		if !(s > lo && s < hi) ||
			(mflag && math.Abs(s-b) >= math.Abs(b-c)/2) ||
			(!mflag && math.Abs(s-b) >= math.Abs(c-d)/2) ||
			(mflag && math.Abs(b-c) < tol) ||
			(!mflag && math.Abs(c-d) < tol) {
			s = (a + b) / 2
			mflag = true
		} else {
			mflag = false
		}
		fs := g(s)
		d, c, fc = c, b, fb
		if sign(fa) != sign(fs) {
			b, fb = s, fs
		} else {
			a, fa = s, fs
		}
		if math.Abs(fa) < math.Abs(fb) {
			a, b, fa, fb = b, a, fb, fa
		}
	}
	return b
}
