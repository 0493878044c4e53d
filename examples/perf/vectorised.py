"""The same result as baseline.py with no Python row loop, in pandas: the
trades' closes looked up with one reindex, shares and cash summed per
(symbol, date) and per date with groupby, the shares spread over the
end-of-day index with reindex and accumulated with a grouped cumsum. This is
the "best pandas" peer of gofolio's engine the issue asks for (groupby and
cumsum, no row loop); assisted.py goes further with numpy.
"""
import numpy as np
import pandas as pd

import perfio


def compute(prices, txs):
    if not txs["kind"].isin(["BUY", "SELL", "DEPOSIT", "WITHDRAWAL"]).all():
        raise ValueError("unexpected transaction kind")
    trades = txs[txs["kind"].isin(["BUY", "SELL"])]
    keys = pd.MultiIndex.from_arrays([trades["symbol"], trades["date"]])
    price = trades["price"].to_numpy()
    price = np.where(np.isnan(price), prices.reindex(keys).to_numpy(), price)  # blank: the day's close
    sign = np.where(trades["kind"] == "BUY", 1.0, -1.0)
    shares = sign * trades["quantity"].to_numpy()
    paid = -shares * price - trades["commission"].to_numpy()

    bought = pd.Series(shares, index=keys).groupby(level=[0, 1]).sum()
    quantity = bought.reindex(prices.index, fill_value=0.0).groupby(level="symbol").cumsum()
    market = (quantity * prices).groupby(level="date").sum()

    flows = txs[txs["kind"].isin(["DEPOSIT", "WITHDRAWAL"])]
    external = pd.Series(np.where(flows["kind"] == "DEPOSIT", 1.0, -1.0) * flows["amount"].to_numpy(), index=flows["date"])
    traded = pd.Series(paid, index=trades["date"])
    cash = (traded.groupby(level=0).sum().reindex(market.index, fill_value=0.0)
            + external.groupby(level=0).sum().reindex(market.index, fill_value=0.0)).cumsum()
    return quantity, market + cash


if __name__ == "__main__":
    perfio.main(compute)
