package perf

import (
	"math"
	"time"
)

// Frame is the performance frame: one row per date of the portfolio
// calendar, every money column in the reporting currency.
//
// The time-weighted return counts the day's external flows as Portfolio
// Performance's True Time-Weighted Rate of Return (TTWROR) does: money paid
// in is there from the start of the day, money taken out leaves at its end.
// The day's deposits and withdrawals are netted first, so a deposit and a
// withdrawal of the same amount on one day cancel:
//
//	In[t]  = max(0, Deposits[t] − Withdrawals[t])
//	Out[t] = max(0, Withdrawals[t] − Deposits[t])
//	r[t]   = (Value[t] + Out[t]) / (Value[t−1] + In[t]) − 1   when Value[t−1] + In[t] > 0
//	r[t]   = 0                                                 otherwise
//
// with Value[−1] = 0, so the first deposit starts the series and an emptied
// and refilled portfolio never shows −100 %. The return is continuous in
// what the portfolio holds: a deposit into an account with 0, 1 cent or $5
// left gives nearly the same return (counting flows at the close, gofolio
// used to divide by the $5 and show +2,020 % for a 1 % day). The price: a
// deposit invested at the day's close, not its start, counts in the day's
// base while earning nothing that day, which damps that day's return.
// "> 0" means above a millionth of a currency unit: when Value[t−1] + In[t]
// is below that (an empty portfolio with no deposit, rounding residue, or
// a portfolio worth less than nothing, bought on credit, that the deposit
// does not bring above zero) nothing was invested and r[t] = 0; Invested
// reports which days these are. DailyReturn computes r[t], and every TWR in
// gofolio (package stats, the same-cash-flows benchmark, Window) uses it.
// CumulativeReturn[t] = Π(1 + r[i]) − 1 over i ≤ t, and
// Drawdown[t] = (1 + CumulativeReturn[t]) / max over i ≤ t of (1 + CumulativeReturn[i]) − 1.
type Frame struct {
	Currency string
	Dates    []time.Time

	MarketValue      []float64 // value of all holdings
	Cash             []float64 // cash in every currency, converted at the day's rate
	Value            []float64 // MarketValue + Cash
	Deposits         []float64 // In[t]: deposits on the day
	Withdrawals      []float64 // Out[t]: withdrawals on the day, as a positive amount
	NetContributions []float64 // cumulative deposits − withdrawals
	PnL              []float64 // Value − NetContributions
	DailyReturn      []float64 // r[t] as above
	CumulativeReturn []float64 // time-weighted, since the first date
	Drawdown         []float64 // from the running peak of the TWR index, ≤ 0
}

// Len is the number of dates.
func (p *Frame) Len() int { return len(p.Dates) }

// Flow is an external cash flow in the reporting currency: positive into the
// portfolio (deposit), negative out of it (withdrawal). Money-weighted
// returns (IRR) and the same-cash-flows benchmark are computed from these.
type Flow struct {
	Date   time.Time
	Amount float64
}

// DailyReturn is r[t] of the time-weighted return documented on
// Frame, from the previous day's value, the day's value and its
// deposits (in) and withdrawals (out, positive):
//
//	r = (value + Out) / (prevValue + In) − 1,  In = max(0, in − out), Out = max(0, out − in),
//
// and 0 when prevValue + In is a millionth or less (see Invested). It is NaN
// when an input is NaN or infinite. Package stats and the same-cash-flows
// benchmark use it, so every TWR in gofolio follows one convention.
func DailyReturn(prevValue, value, in, out float64) float64 {
	for _, x := range [...]float64{prevValue, value, in, out} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return math.NaN()
		}
	}
	netIn, netOut := netFlows(in, out)
	base := prevValue + netIn
	if base <= MinBase {
		return 0
	}
	return (value+netOut)/base - 1
}

// Invested reports whether a day has a return: its starting value
// prevValue + In (In the day's net deposit, as in DailyReturn) is above a
// millionth of a currency unit. On the other days the portfolio held
// nothing, DailyReturn is 0, and statistics leave the day out so that it
// does not dilute volatility. False when an input is NaN.
func Invested(prevValue, in, out float64) bool {
	netIn, _ := netFlows(in, out)
	return prevValue+netIn > MinBase
}

// netFlows nets a day's deposits and withdrawals: what comes in beyond what
// goes out counts from the start of the day, what goes out beyond what
// comes in at its end.
func netFlows(in, out float64) (netIn, netOut float64) {
	if in >= out {
		return in - out, 0
	}
	return 0, out - in
}

// MinBase is the smallest starting value (in the reporting currency)
// a day's return is computed from: below it nothing was invested and the
// return is 0 (see Frame). It is the engine's own threshold
// (TestMinDenominatorIsPerfs in package portfolio checks they agree).
const MinBase = 1e-6
