"""The original notebook's method, rewritten for the comparison: an
end-of-day frame indexed by (symbol, date) with a close column, the
transactions overlaid on it row by row with DataFrame.at, per-symbol
cumulative sums, and the portfolio balance summed across symbols per date
plus the cumulative cash. It is the baseline, so it keeps that method
(Python row loop included) rather than being made faster; vectorised.py is
the fast pandas peer, assisted.py the same with numpy doing the sums.
"""
import pandas as pd

import perfio


def compute(prices, txs):
    # The end-of-day frame: one row per symbol and trading day (prices is
    # the closes indexed by symbol and date, see perfio.load).
    eod = prices.to_frame("close")
    eod["quantity"] = 0.0  # shares bought (+) or sold (−) on the day
    eod["cash"] = 0.0  # cash paid (−) or received (+) for them, commission included
    dates = eod.index.get_level_values("date").unique()
    external = pd.DataFrame({"cash": 0.0}, index=dates)  # deposits and withdrawals

    for _, row in txs.iterrows():
        kind = row["kind"]
        if kind == "DEPOSIT":
            external.at[row["date"], "cash"] += row["amount"]
            continue
        if kind == "WITHDRAWAL":
            external.at[row["date"], "cash"] -= row["amount"]
            continue
        key = (row["symbol"], row["date"])
        price = row["price"]
        if pd.isna(price):  # blank: the day's close
            price = eod.at[key, "close"]
        gross = row["quantity"] * price
        if kind == "BUY":
            eod.at[key, "quantity"] += row["quantity"]
            eod.at[key, "cash"] -= gross + row["commission"]
        elif kind == "SELL":
            eod.at[key, "quantity"] -= row["quantity"]
            eod.at[key, "cash"] += gross - row["commission"]
        else:
            raise ValueError(f"unexpected kind {kind!r}")

    # Shares held at each close, per symbol, and their value.
    eod["quantity"] = eod.groupby(level="symbol")["quantity"].cumsum()
    eod["value"] = eod["quantity"] * eod["close"]
    # Balance: holdings summed across symbols + cash to date.
    market = eod.groupby(level="date")["value"].sum()
    cash = (eod.groupby(level="date")["cash"].sum() + external["cash"]).cumsum()
    return eod["quantity"], market + cash


if __name__ == "__main__":
    perfio.main(compute)
