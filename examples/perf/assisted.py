"""The same result as vectorised.py with numpy doing the sums: the trades
are placed on the end-of-day (symbol, date) index with get_indexer, summed
per row and per date with np.bincount, and accumulated per symbol with one
cumsum less each symbol's start. Not what the issue calls the pandas peer
(that is groupby and cumsum), but the fastest pandas-and-numpy code we
wrote, so the table shows it too.
"""
import numpy as np
import pandas as pd

import perfio


def compute(prices, txs):
    kind = txs["kind"].to_numpy()
    if not np.isin(kind, ["BUY", "SELL", "DEPOSIT", "WITHDRAWAL"]).all():
        raise ValueError("unexpected transaction kind")
    index = prices.index  # (symbol, date), sorted: codes ascend
    close = prices.to_numpy()
    trade = (kind == "BUY") | (kind == "SELL")
    trades = txs[trade]
    row = index.get_indexer(pd.MultiIndex.from_arrays([trades["symbol"], trades["date"]]))
    if (row < 0).any():
        raise ValueError("a trade on a day without a close")
    price = trades["price"].to_numpy()
    price = np.where(np.isnan(price), close[row], price)  # blank: the day's close
    sign = np.where(trades["kind"].to_numpy() == "BUY", 1.0, -1.0)
    shares = sign * trades["quantity"].to_numpy()
    paid = -shares * price - trades["commission"].to_numpy()

    n = len(index)
    # Shares held: a cumsum over all rows, less the running total at each
    # symbol's first row (the trades are whole shares: exact in float64).
    held = np.cumsum(np.bincount(row, weights=shares, minlength=n))
    symbol = index.codes[0]
    starts = np.flatnonzero(np.r_[True, symbol[1:] != symbol[:-1]])
    held -= np.repeat(np.r_[0.0, held][starts], np.diff(np.r_[starts, n]))

    day, dates = index.codes[1], index.levels[1]
    market = np.bincount(day, weights=held * close, minlength=len(dates))
    flows = txs[~trade]
    external = np.where(flows["kind"].to_numpy() == "DEPOSIT", 1.0, -1.0) * flows["amount"].to_numpy()
    cash = np.cumsum(np.bincount(day[row], weights=paid, minlength=len(dates))
                     + np.bincount(dates.get_indexer(flows["date"]), weights=external, minlength=len(dates)))
    return pd.Series(held, index=index), pd.Series(market + cash, index=dates)


if __name__ == "__main__":
    perfio.main(compute)
