// Package rebalance computes the trades that bring a built portfolio to
// target weights (issue 19).
//
// Targets are weights per symbol, and optionally "CASH" for the cash to
// keep, from a small CSV file (ReadTargets: `symbol,weight[,price]`,
// weights in percent) or from Go (NewTargets: fractions). Compute takes the
// positions and cash of a portfolio.Result on its last day, valued in the
// reporting currency at that day's closes and rates, and returns the
// trades in one of two modes:
//
//   - NewMoney: buys only. The money to spend (Options.Invest plus the
//     cash above the cash target) goes to the most underweight holdings
//     first (proportional water-filling, see fill); with enough money the
//     result is exactly the targets.
//   - Full: sells too. Every holding goes to its target; sales pick the
//     lots that realize the smallest taxable gain the lot method allows
//     (see chooseLots).
//
// Trades are in whole shares (each holding within one share of its
// target) or fractional (Options.Fractional: exactly the targets).
// Commissions follow Options.Commission (a fixed amount plus a fraction of
// the trade's value, in the reporting currency) and are paid from the
// cash, which never ends below zero (unless it was borrowed to begin with
// and only new money is invested).
//
// A result of some accounts (portfolio.Config.Accounts) is rebalanced on
// their positions, cash and lots alone (Plan.Accounts names them).
//
// A target the portfolio never traded is priced from Options.Series (its
// market data, fetched by the caller) or its Price.
//
// It imports the engine (portfolio), its lots (portfolio/lots), the
// transaction types (portfolio/txn), the series (quotes: Options.Series)
// and internal/suggest (a target near a holding's symbol) only.
package rebalance
