package stats

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
)

// Options configures Compute.
type Options struct {
	// RiskFree is the annual risk-free rate as a fraction (0.03 for 3 %),
	// converted to a daily rate by DailyRiskFree for Sharpe and Sortino.
	RiskFree float64
	// PeriodsPerYear is the number of daily returns in a year; 0 means
	// TradingDaysPerYear (252).
	PeriodsPerYear float64
}

// DayReturn is the return of one day.
type DayReturn struct {
	Date   time.Time // zero when Return is NaN
	Return Figure
}

// Summary holds every statistic of a performance frame. Returns are
// fractions; annual figures use the convention their comment names.
type Summary struct {
	Currency   string
	Start, End time.Time // first and last dates
	Dates      int       // dates in the frame
	// ReturnDays is the number of daily returns the risk statistics use:
	// every date after the first on which the portfolio held something or
	// received a net deposit (perf.Invested: value[t−1] + In[t] above
	// a millionth, In[t] the day's deposits less withdrawals). Days on which it was
	// empty, and the first day (from the deposit to the first close), are
	// left out so that they do not dilute volatility.
	ReturnDays int
	Years      float64 // (End − Start) in days / 365

	EndValue         float64
	Deposits         float64 // total paid in
	Withdrawals      float64 // total taken out, positive
	NetContributions float64 // Deposits − Withdrawals
	PnL              float64 // EndValue − NetContributions

	// TWR is the cumulative time-weighted return Π(1 + r[t]) − 1 over
	// every date, with r from DailyReturns.
	TWR Figure
	// TWRAnnualised is CAGR(TWR, Start, End): calendar days / 365.
	TWRAnnualised Figure
	// TWRAnnualisedTrading is CAGRTrading(TWR, Dates − 1, PeriodsPerYear):
	// trading days elapsed / 252.
	TWRAnnualisedTrading Figure
	// MWR is the money-weighted return over the whole frame, not
	// annualised: MWR(flows, Start, End, EndValue) = (1 + r)^(days/365) − 1
	// with r the XIRR of the deposits, withdrawals and end value and days =
	// End − Start. It is to IRR what TWR is to TWRAnnualised, and is
	// defined for a period of any length.
	MWR Figure
	// IRR is the money-weighted annual return, XIRR (Act/365) of the
	// day's deposits, withdrawals and the end value. NaN for a period
	// shorter than a calendar year, which is not annualised: MWR is then
	// the figure to show.
	IRR Figure

	DailyRiskFree float64 // (1 + RiskFree)^(1/PeriodsPerYear) − 1
	// Volatility, Sharpe and Sortino are estimated from the ReturnDays
	// returns, and NaN when there are fewer than MinReturns of them.
	Volatility Figure // Volatility of the ReturnDays returns, × sqrt(252)
	Sharpe     Figure // Sharpe of those returns against DailyRiskFree
	Sortino    Figure // Sortino of those returns, target DailyRiskFree
	// MaxDrawdown is MaxDrawdown of the wealth index 1 + cumulative TWR;
	// its Depth is NaN only when that index is never positive or not
	// finite (Calmar's Reason then says so).
	MaxDrawdown Drawdown
	// Calmar is TWRAnnualised / |MaxDrawdown.Depth| over the whole frame
	// (not a trailing 36 months). The annual return is the calendar one
	// (days/365); empyrical's calmar_ratio and QuantStats' calmar divide
	// their trading-day CAGR (TWRAnnualisedTrading) instead.
	Calmar Figure

	BestDay, WorstDay     DayReturn   // over the ReturnDays returns
	BestMonth, WorstMonth MonthReturn // over Monthly, partial months included
	// PositiveMonths is the share of Monthly rows with a defined return
	// that are above 0.
	PositiveMonths Figure
	// BestYear and WorstYear are over Yearly, partial years included.
	BestYear, WorstYear YearReturn

	// Shape is the distribution of the ReturnDays returns: skew,
	// kurtosis, daily VaR and CVaR, win rate, average win and loss.
	Shape Shape
	// Drawdowns is every drawdown of the wealth index (DrawdownEpisodes),
	// in time order; LongestDrawdown the longest of them.
	Drawdowns       []Drawdown
	LongestDrawdown Drawdown
	// RecoveryFactor is RecoveryFactor(TWR, MaxDrawdown.Depth).
	RecoveryFactor Figure

	Periods []PeriodReturn // 1M, 3M, 6M, YTD, 1Y, 3Y, 5Y, ITD
	Monthly []MonthReturn  // one row per calendar month with a date
	Yearly  []YearReturn   // one row per calendar year with a date
}

// Period returns the period named name ("1M", ..., "ITD") and whether it
// exists.
func (s *Summary) Period(name string) (PeriodReturn, bool) {
	for _, p := range s.Periods {
		if p.Name == name {
			return p, true
		}
	}
	return PeriodReturn{}, false
}

// Compute computes every statistic of frame. It reads only Dates, Value,
// Deposits and Withdrawals (nil Deposits or Withdrawals mean none) and
// recomputes the daily returns from them with DailyReturns, so the other
// columns (MarketValue and Cash, or a DailyReturn column filled elsewhere)
// cannot change the result.
//
// An empty frame, columns of other lengths than Dates, dates not strictly
// ascending, NaN or infinite amounts, or negative flows are an error listing
// every problem. Otherwise every figure is defined or NaN with a reason.
func Compute(frame *perf.Frame, opts Options) (*Summary, error) {
	if err := validate(frame, opts); err != nil {
		return nil, err
	}
	ppy := opts.PeriodsPerYear
	if ppy == 0 {
		ppy = TradingDaysPerYear
	}
	dates, value := frame.Dates, frame.Value
	n := len(dates)
	s := &Summary{
		Currency: frame.Currency,
		Start:    dates[0], End: dates[n-1], Dates: n,
		Years:         Years(dates[0], dates[n-1]),
		EndValue:      value[n-1],
		DailyRiskFree: DailyRiskFree(opts.RiskFree, ppy),
	}

	daily := DailyReturns(value, frame.Deposits, frame.Withdrawals)
	w := make([]float64, n) // wealth index Π(1 + r)
	invested := make([]bool, n)
	risk := make([]float64, 0, n)
	riskAt := make([]int, 0, n)
	var flows []perf.Flow
	g, prev, anyHeld := 1.0, 0.0, false
	for t := range n {
		in, out := at(frame.Deposits, t), at(frame.Withdrawals, t)
		s.Deposits += in
		s.Withdrawals += out
		if in > 0 {
			flows = append(flows, perf.Flow{Date: dates[t], Amount: in})
		}
		if out > 0 {
			flows = append(flows, perf.Flow{Date: dates[t], Amount: -out})
		}
		invested[t] = perf.Invested(prev, in, out)
		anyHeld = anyHeld || invested[t]
		if invested[t] && t > 0 {
			risk = append(risk, daily[t])
			riskAt = append(riskAt, t)
		}
		g *= 1 + daily[t]
		w[t] = g
		prev = value[t]
	}
	s.NetContributions = s.Deposits - s.Withdrawals
	s.PnL = s.EndValue - s.NetContributions
	s.ReturnDays = len(risk)

	if anyHeld {
		s.TWR = figure(w[n-1]-1, "")
	} else {
		s.TWR = undefined("the portfolio never held anything")
	}
	s.TWRAnnualised = annualisedFigure(s.TWR, s.Start, s.End)
	switch {
	case !s.TWR.Defined():
		s.TWRAnnualisedTrading = s.TWR
	case n-1 < int(ppy):
		s.TWRAnnualisedTrading = undefined(notAnnualised)
	default:
		s.TWRAnnualisedTrading = figure(CAGRTrading(s.TWR.Value, n-1, ppy), "the loss is larger than 100 %")
	}

	// One solve gives both: x = ln(1 + IRR), MWR = e^(x days/365) − 1.
	if x, err := xirrLog(flows, s.End, s.EndValue); err != nil {
		why := strings.TrimPrefix(err.Error(), "stats: XIRR: ")
		s.MWR, s.IRR = undefined(why), undefined(why)
	} else {
		s.MWR = figure(periodReturn(x, s.Start, s.End), tooLarge)
		if shorterThanAYear(s.Start, s.End) {
			s.IRR = undefined(notAnnualised)
		} else {
			s.IRR = figure(math.Expm1(x), "")
		}
	}

	riskStats(s, risk, riskAt, dates, ppy)

	// The wealth index starts at 1 before the first date's return: a loss
	// on the first day (a commission, a buy above the close) is a drawdown
	// from it, as in the engine's Drawdown column.
	wDates, wIndex := append([]time.Time{dates[0]}, dates...), append([]float64{1}, w...)
	s.MaxDrawdown = MaxDrawdown(wDates, wIndex)
	s.Drawdowns = DrawdownEpisodes(wDates, wIndex)
	s.LongestDrawdown = LongestDrawdown(s.Drawdowns)
	s.RecoveryFactor = RecoveryFactor(s.TWR, s.MaxDrawdown.Depth)
	s.Shape = ReturnShape(risk)
	switch dd := s.MaxDrawdown.Depth; {
	case !s.TWRAnnualised.Defined():
		s.Calmar = undefined("annualised return: " + s.TWRAnnualised.Reason)
	case math.IsNaN(dd):
		s.Calmar = undefined("no drawdown can be measured: the wealth index is not finite or never positive")
	case dd == 0:
		s.Calmar = undefined("no drawdown: the wealth index never fell")
	default:
		s.Calmar = figure(s.TWRAnnualised.Value/-dd, "")
	}

	s.Monthly, s.Yearly = calendarReturns(dates, w, invested)
	monthStats(s)
	s.BestYear, s.WorstYear = bestWorstYear(s.Yearly)
	s.Periods = periodReturns(dates, w)
	return s, nil
}

// riskStats fills the figures computed on the daily returns.
func riskStats(s *Summary, risk []float64, riskAt []int, dates []time.Time, ppy float64) {
	rf := s.DailyRiskFree
	if why := TooFewReturns(len(risk)); why != "" {
		s.Volatility, s.Sharpe, s.Sortino = undefined(why), undefined(why), undefined(why)
	} else {
		s.Volatility = figure(Volatility(risk, ppy), "")
		s.Sharpe = figure(Sharpe(risk, rf, ppy), "the returns do not vary (zero volatility)")
		s.Sortino = figure(Sortino(risk, rf, ppy), "no daily return is below the risk-free rate (zero downside deviation)")
	}
	if len(risk) == 0 {
		why := "no daily return after the first day"
		s.BestDay, s.WorstDay = DayReturn{Return: undefined(why)}, DayReturn{Return: undefined(why)}
		return
	}
	best, worst := 0, 0
	for i, r := range risk {
		if r > risk[best] {
			best = i
		}
		if r < risk[worst] {
			worst = i
		}
	}
	s.BestDay = DayReturn{Date: dates[riskAt[best]], Return: figure(risk[best], "")}
	s.WorstDay = DayReturn{Date: dates[riskAt[worst]], Return: figure(risk[worst], "")}
}

// monthStats fills the figures computed on the monthly table.
func monthStats(s *Summary) {
	best, worst, positive, defined := -1, -1, 0, 0
	for i, m := range s.Monthly {
		if !m.Return.Defined() {
			continue
		}
		defined++
		if m.Return.Value > 0 {
			positive++
		}
		if best < 0 || m.Return.Value > s.Monthly[best].Return.Value {
			best = i
		}
		if worst < 0 || m.Return.Value < s.Monthly[worst].Return.Value {
			worst = i
		}
	}
	if defined == 0 {
		why := "no month with a defined return"
		s.BestMonth = MonthReturn{Return: undefined(why)}
		s.WorstMonth = MonthReturn{Return: undefined(why)}
		s.PositiveMonths = undefined(why)
		return
	}
	s.BestMonth, s.WorstMonth = s.Monthly[best], s.Monthly[worst]
	s.PositiveMonths = figure(float64(positive)/float64(defined), "")
}

// validate reports every problem with frame and opts at once.
func validate(frame *perf.Frame, opts Options) error {
	if frame == nil {
		return errors.New("stats: nil performance frame")
	}
	var errs []error
	n := len(frame.Dates)
	if n == 0 {
		errs = append(errs, errors.New("the frame has no dates"))
	}
	for i := 1; i < n; i++ {
		if !frame.Dates[i].After(frame.Dates[i-1]) {
			errs = append(errs, fmt.Errorf("dates not strictly ascending at %s (index %d)", frame.Dates[i].Format(time.DateOnly), i))
			break
		}
	}
	columns := []struct {
		name     string
		v        []float64
		optional bool
		positive bool
	}{
		{"Value", frame.Value, false, false},
		{"Deposits", frame.Deposits, true, true},
		{"Withdrawals", frame.Withdrawals, true, true},
	}
	for _, c := range columns {
		if len(c.v) != n && !(c.optional && len(c.v) == 0) {
			errs = append(errs, fmt.Errorf("%s has %d values for %d dates", c.name, len(c.v), n))
			continue
		}
		var bad []string
		count := 0
		for i, v := range c.v {
			if math.IsNaN(v) || math.IsInf(v, 0) || (c.positive && v < 0) {
				count++
				if len(bad) < 5 {
					bad = append(bad, fmt.Sprintf("%v on %s", v, frame.Dates[i].Format(time.DateOnly)))
				}
			}
		}
		if count > 0 {
			what := "NaN or infinite"
			if c.positive {
				what = "NaN, infinite or negative"
			}
			more := ""
			if count > len(bad) {
				more = fmt.Sprintf(" and %d more", count-len(bad))
			}
			errs = append(errs, fmt.Errorf("%s is %s on %d date(s): %s%s", c.name, what, count, strings.Join(bad, ", "), more))
		}
	}
	if math.IsNaN(opts.RiskFree) || math.IsInf(opts.RiskFree, 0) || opts.RiskFree <= -1 {
		errs = append(errs, fmt.Errorf("risk-free rate %v is not a finite rate above −100 %%", opts.RiskFree))
	}
	if math.IsNaN(opts.PeriodsPerYear) || math.IsInf(opts.PeriodsPerYear, 0) || opts.PeriodsPerYear < 0 {
		errs = append(errs, fmt.Errorf("periods per year %v is not a positive number", opts.PeriodsPerYear))
	}
	if len(errs) > 0 {
		return fmt.Errorf("stats: %w", errors.Join(errs...))
	}
	return nil
}
