// Package attribution splits a portfolio's time-weighted return over a
// window among its holdings and its cash: each holding's own time- and
// money-weighted return, each holding's contribution to the portfolio's
// return (linked so that the contributions add up exactly to the
// portfolio's TWR of the window), contributions summed by group (asset
// class, sector, region, currency: any func(symbol) string), and the
// Brinson-Fachler allocation, selection and interaction effects against a
// benchmark given as group weights.
//
// # One day of one holding
//
// Everything is computed from the holdings frame's columns, in the
// reporting currency (so a foreign holding's return includes its currency's
// move). On day t, for holding i, with Δ the change of a cumulative column
// from the previous close (from 0 on the calendar's first day):
//
//	f[i,t]    = ΔCostBasis − ΔRealized        net money paid into the holding
//	buys[i,t] = max(0, f),  sells[i,t] = max(0, −f)
//	div[i,t]  = ΔDividends
//	base[i,t] = V[i,t−1] + buys[i,t]
//	gain[i,t] = V[i,t] + sells[i,t] + div[i,t] − base[i,t]
//	r[i,t]    = gain[i,t] / base[i,t]           (0 when base ≤ perf.MinBase)
//
// f is what the holding's trades moved in cash: a BUY adds its cost
// (quantity × price + commission) to CostBasis and nothing to Realized; a
// SELL takes the sold shares' cost out of CostBasis and adds proceeds −
// commission − that cost to Realized, so ΔCostBasis − ΔRealized = −(proceeds
// − commission). Commissions are therefore inside the holding's return (paid
// on a buy they are part of what went in, on a sell they are taken from what
// came out), as are a return of capital or a fund's capital-gains
// distribution (money out of the holding). Fees, interest and taxes booked to
// the cash (FEE, INTEREST, TAX rows) are the cash's. A day's buys and sells
// of one holding are netted, as perf.DailyReturn nets the day's deposits and
// withdrawals: money in counts from the start of the day, money out at its
// end. A SPINOFF, MERGER or SYMBOLCHANGE moves shares at their cost: FromResult
// re-prices the move at the market value of the shares received (see
// FromResult), so that neither side shows the gap between cost and value as
// a return. Likewise a TRANSFER of shares into or out of the accounts
// selected (portfolio.Config.Accounts), which the portfolio counts as a
// deposit or withdrawal of their value at the day's close while the
// holdings carry their cost: f counts it at that value (see Transfer), so
// a holding transferred in returns from the value received, and the cash
// shows none of the gap.
//
// The cash is the rest of the portfolio (Cash): its value is Value − Σ V[i],
// its gain is ΔCash + Σ_i (f[i,t] − div[i,t]) − (Deposits[t] − Withdrawals[t]),
// and its base is the portfolio's base less the holdings': the internal
// flows (a buy, a dividend) cancel between a holding and the cash, and the
// gains of the holdings and the cash add up to the portfolio's.
//
// # Contribution and its linking
//
// The portfolio's base is perf's, B[t] = Value[t−1] + In[t], and its return
// r[t] = perf.DailyReturn (0 on a day that is not perf.Invested). The daily
// contribution of holding (or cash) i is
//
//	c[i,t] = w[i,t] × r[i,t] = gain[i,t] / B[t],   w[i,t] = base[i,t] / B[t],
//
// so that Σ_i c[i,t] = r[t] on every day. Contributions are linked over the
// window with Frongello's geometric method (Frongello 2002, "Linking single
// period attribution results", Journal of Performance Measurement):
//
//	C[i] = Σ_t c[i,t] × Π_{s<t} (1 + r[s]),
//
// which is exact: Σ_i C[i] = Σ_t r[t] Π_{s<t}(1 + r[s]) = Π_t (1 + r[t]) − 1,
// the portfolio's TWR of the window, with no residual to smooth away (Carino's
// logarithmic linking is exact too, but divides by ln(1+r)/r, undefined at 0).
//
// # A window
//
// A window [from, to] follows perf.Frame.Window: when it starts after the
// calendar's first date, its first close is the opening value of every
// holding (and of the cash) and its first day has no return; the day's own
// trades are inside that value. A holding's TWR is Π(1 + r[i,t]) − 1 over the
// window. Its money-weighted return is stats.MWR of the holding as an
// account: its opening value and its buys paid in, its sells and dividends
// taken out, its closing value left, over the days it was held (from the
// opening or its first buy to the window's end or the sale that emptied
// it), not annualised, like the window's TWR.
//
// # Brinson-Fachler
//
// For a group g with portfolio weight w_g and return r_g and benchmark weight
// W_g and return b_g, B = Σ W_g b_g:
//
//	allocation_g  = (w_g − W_g)(b_g − B)
//	selection_g   = W_g (r_g − b_g)
//	interaction_g = (w_g − W_g)(r_g − b_g)
//
// which add up to R − B, R = Σ w_g r_g. Over days (or any periods) the
// effects are linked with Frongello's method for active returns:
//
//	E[g,t] linked = E[g,t] × Π_{s<t}(1 + R[s]) + B[t] × Σ_{s<t} E[g,s] linked
//
// whose sum over groups and periods is exactly Π(1 + R) − Π(1 + B). See
// BrinsonFachler (one period, numbers), Link (periods given) and
// Daily.BrinsonFachler (a portfolio's window against a benchmark whose
// groups are weights rebalanced daily and total-return index series).
//
// # A model portfolio
//
// NewModel lays a model given as symbol weights over a window's dates: held
// at its weights at every close, its return is R[t] = Σ_s w[s] r[s,t], r
// each symbol's total return in the reporting currency (the cash's 0).
// ModelDaily.Benchmark groups it for Daily.BrinsonFachler: W_g = Σ_{s∈g}
// w[s], b_g[t] = Σ_{s∈g} w[s] r[s,t] / W_g, so Σ_g W_g b_g[t] = R[t] and the
// effects add up to the portfolio's TWR less the model's.
package attribution
