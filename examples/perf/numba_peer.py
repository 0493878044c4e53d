"""The same result as vectorised.py compiled with numba: the strongest
Python a user could write for this work. The pandas objects perfio.load
returns are turned into arrays (the closes, the (symbol, date) index's
codes, each transaction's kind, symbol and day as small integers), then
compiled code places every trade on its symbol's row (a binary search in the
symbol's dates: ledger), accumulates the shares per symbol, values them at
the close into a market value per day and adds the cumulative cash
(accumulate).

numba compiles the functions on their first call; perfio.main makes that call
before the timed runs and reports it apart ("jit_seconds": that first call,
compile and one computation), so the runs compared with the others are warm,
as theirs are.
"""
import numpy as np
import pandas as pd
from numba import njit

import perfio

# The transaction kinds the workloads hold, as the codes the compiled
# function reads.
KINDS = ("BUY", "SELL", "DEPOSIT", "WITHDRAWAL")
BUY, SELL, DEPOSIT, WITHDRAWAL = range(len(KINDS))


@njit(cache=False)
def ledger(close, symbol, row_day, n_symbols, n_days, kind, sym, day, quantity, price, commission, amount):
    """Quantity held per (symbol, date) row and balance per day.

    close, symbol, row_day: per row of the (symbol, date) index, sorted by
    symbol code then day code. kind, sym (a symbol code, -1 for none), day
    (a day code, -1 for a date without closes), quantity, price (NaN: the
    day's close), commission and amount: per transaction. Returns the held
    shares, the balance and the first transaction that matches no row (-1
    when all do).
    """
    n = close.shape[0]
    start = np.searchsorted(symbol, np.arange(n_symbols + 1))  # symbol s: rows start[s]:start[s+1]
    held = np.zeros(n)  # first the shares bought (+) or sold (-) on the row's day
    flow = np.zeros(n_days)  # cash paid or received on the day
    for i in range(kind.shape[0]):
        k, d = kind[i], day[i]
        if d < 0:
            return held, flow, i
        if k == DEPOSIT:
            flow[d] += amount[i]
            continue
        if k == WITHDRAWAL:
            flow[d] -= amount[i]
            continue
        s = sym[i]
        if s < 0:
            return held, flow, i
        lo, hi = start[s], start[s + 1]
        r = lo + np.searchsorted(row_day[lo:hi], d)
        if r == hi or row_day[r] != d:
            return held, flow, i
        p = price[i]
        if np.isnan(p):  # blank: the day's close
            p = close[r]
        shares = quantity[i] if k == BUY else -quantity[i]
        held[r] += shares
        flow[d] -= shares * p + commission[i]
    return held, accumulate(held, close, start, row_day, n_days, flow), -1


@njit(cache=False)
def accumulate(held, close, start, row_day, n_days, flow):
    """Turns held (the shares traded per row) into the shares held, in
    place, and returns the balance per day: the holdings at the close plus
    the cumulative cash flow. One thread: parallel=True with one chunk of
    symbols per thread (prange) was 4 to 6 times slower on the 2-core
    machine the results come from."""
    balance = np.zeros(n_days)  # the market value, then plus the cash
    for s in range(start.shape[0] - 1):
        running = 0.0
        for r in range(start[s], start[s + 1]):
            running += held[r]
            held[r] = running
            balance[row_day[r]] += running * close[r]
    cash = 0.0
    for d in range(n_days):
        cash += flow[d]
        balance[d] += cash
    return balance


def codes(values, names):
    """The position of each of values in names (-1 for none), looking each
    distinct value up once."""
    inverse, distinct = pd.factorize(values)
    return pd.Index(names).get_indexer(distinct)[inverse]


def compute(prices, txs):
    index = prices.index  # (symbol, date), sorted: codes ascend
    close = prices.to_numpy()
    dates = index.levels[1]

    kind = codes(txs["kind"].to_numpy(), KINDS)
    if (kind < 0).any():
        raise ValueError("unexpected transaction kind")
    sym = codes(txs["symbol"].to_numpy(), index.levels[0])
    day = dates.get_indexer(txs["date"])
    held, balance, bad = ledger(close, index.codes[0], index.codes[1], len(index.levels[0]), len(dates), kind, sym, day,
                                txs["quantity"].to_numpy(), txs["price"].to_numpy(),
                                txs["commission"].to_numpy(), txs["amount"].to_numpy())
    if bad >= 0:
        raise ValueError(f"transaction {bad + 1}: no close for {txs['symbol'].iat[bad]} on {txs['date'].iat[bad]}")
    return pd.Series(held, index=index), pd.Series(balance, index=dates)


if __name__ == "__main__":
    perfio.main(compute, warm=True)
