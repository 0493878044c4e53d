"""Shared harness of the pandas scripts: load the inputs, time
the compute, write the outputs for the Go program to compare.

Usage: python3 <script>.py DIR RUNS NAME [MIN_SECONDS MAX_RUNS]

Reads DIR/prices/SYMBOL.csv (date,close; one file per symbol, the
quotes.Dir folder gofolio reads) and DIR/transactions.csv
(date,kind,symbol,quantity,price,commission,amount; a blank price is the
day's close), runs the script's compute RUNS times, and more while the runs
so far took less than MIN_SECONDS in all (up to MAX_RUNS), so that a fast
computation is timed often enough for its median to be steady; then times
the whole path (loading the files and computing) as many times. It writes
from the last run, as little-endian binary arrays:

  DIR/NAME.symbols.txt  the symbols, sorted, one a line
  DIR/NAME.dates.i64    the dates, sorted, as days since 1970-01-01
  DIR/NAME.qty.f64      quantity held, symbol-major: symbol s on date d at s*len(dates)+d
  DIR/NAME.balance.f64  portfolio value (holdings at the close + cash) per date

and prints one JSON line to stdout: load_seconds, compute_seconds (one per
run), whole_seconds (one per run of load and compute) and max_rss_kib (the
process's peak resident set, from getrusage). Writing the outputs is not
timed. A script that compiles on its first call (numba) passes warm=True:
that first call is made after loading, before the timed runs, and its time
(compiling and one computation) is printed apart as jit_seconds.
"""
import json
import os
import resource
import sys
import time

import numpy as np
import pandas as pd


def load(directory):
    """The closes as a Series indexed by (symbol, date), sorted, and the
    transactions as read. Indexing the closes is part of loading, as
    gofolio's loader groups them into one series per symbol."""
    folder = directory + "/prices"
    symbols = sorted(name[:-4] for name in os.listdir(folder) if name.endswith(".csv"))
    frames = {s: pd.read_csv(f"{folder}/{s}.csv", dtype={"close": float}, parse_dates=["date"]) for s in symbols}
    prices = pd.concat(frames, names=["symbol", "row"]).droplevel("row").set_index("date", append=True)["close"].sort_index()
    txs = pd.read_csv(
        directory + "/transactions.csv",
        dtype={"kind": str, "symbol": str, "quantity": float, "price": float, "commission": float, "amount": float},
        parse_dates=["date"],
        keep_default_na=False,
        na_values={"price": [""], "quantity": [""], "commission": [""], "amount": [""]},
    )
    return prices, txs


def write(directory, name, quantity, balance):
    """quantity: Series indexed by (symbol, date); balance: Series by date."""
    quantity = quantity.sort_index()
    balance = balance.sort_index()
    symbols = quantity.index.get_level_values(0).unique()
    dates = balance.index
    if len(quantity) != len(symbols) * len(dates):
        raise SystemExit(f"{name}: {len(quantity)} quantity rows, expected {len(symbols)} symbols × {len(dates)} dates")
    with open(f"{directory}/{name}.symbols.txt", "w") as f:
        f.write("".join(s + "\n" for s in symbols))
    days = dates.values.astype("datetime64[D]").astype("<i8")
    days.tofile(f"{directory}/{name}.dates.i64")
    quantity.to_numpy(dtype="<f8").tofile(f"{directory}/{name}.qty.f64")
    balance.to_numpy(dtype="<f8").tofile(f"{directory}/{name}.balance.f64")


def main(compute, warm=False):
    directory, runs, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    min_seconds, max_runs = (float(sys.argv[4]), int(sys.argv[5])) if len(sys.argv) > 5 else (0.0, runs)
    start = time.perf_counter()
    prices, txs = load(directory)
    load_seconds = time.perf_counter() - start
    report = {}
    if warm:
        start = time.perf_counter()
        compute(prices, txs)
        report["jit_seconds"] = time.perf_counter() - start
    times = []
    while len(times) < runs or (sum(times) < min_seconds and len(times) < max_runs):
        start = time.perf_counter()
        quantity, balance = compute(prices, txs)
        times.append(time.perf_counter() - start)
    whole = []
    while len(whole) < runs or (sum(whole) < min_seconds and len(whole) < max_runs):
        start = time.perf_counter()
        compute(*load(directory))
        whole.append(time.perf_counter() - start)
    write(directory, name, quantity, balance)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    report.update(load_seconds=load_seconds, compute_seconds=times, whole_seconds=whole, max_rss_kib=rss)
    print(json.dumps(report))
