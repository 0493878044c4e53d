"""gofolio and the numba peer timed in turn on the same kept inputs.

Usage:
  go run ./examples/perf -keep ...          # prints the kept directory
  go build -o /tmp/gofolio-perf ./examples/perf
  /usr/bin/python3 examples/perf/alternate.py /tmp/gofolio-perf DIR/wN [ROUNDS [NUMBA_RUNS]]

On a shared machine whose speed drifts by tens of percent over minutes, two
implementations timed minutes apart (as the main table does, one after the
other) can differ by the drift. Here each of ROUNDS rounds (default 5) runs
NUMBA_RUNS warm calls (default 100) of a numba process that loaded the
inputs and compiled once, then one fresh gofolio worker process
(GOFOLIO_PERF_WORKER: at least 5 builds, more until 1 s, at most 100, as
the main table times it); every run of every round is pooled, and the
quartiles of each are printed. The numba peer's first call (compiling) is
made before the first round and not timed.
"""
import json
import os
import statistics
import subprocess
import sys
import time

import numba_peer
import perfio


def gofolio_runs(binary, directory):
    """The compute times, in ms, of one fresh gofolio worker process."""
    env = dict(os.environ, GOFOLIO_PERF_WORKER=directory, GOFOLIO_PERF_RUNS="5",
               GOFOLIO_PERF_MIN_SECONDS="1", GOFOLIO_PERF_MAX_RUNS="100")
    out = subprocess.run([binary], env=env, capture_output=True, text=True, check=True).stdout
    return [1000 * s for s in json.loads(out)["compute_seconds"]]


def numba_runs(prices, txs, n):
    """The times, in ms, of n warm calls of the numba peer."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        numba_peer.compute(prices, txs)
        times.append(1000 * (time.perf_counter() - start))
    return times


def quartiles(name, times):
    q = statistics.quantiles(sorted(times), n=4)
    return "%-8s %4d runs   p25 %8.3f ms   median %8.3f ms   p75 %8.3f ms" % (name, len(times), q[0], q[1], q[2])


def main():
    binary, directory = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    per_round = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    prices, txs = perfio.load(directory)
    numba_peer.compute(prices, txs)  # compile
    load = os.getloadavg()[0]
    times = {"numba": [], "gofolio": []}
    for _ in range(rounds):
        times["numba"] += numba_runs(prices, txs, per_round)
        times["gofolio"] += gofolio_runs(binary, directory)
    for name, t in times.items():
        print(quartiles(name, t))
    ratio = statistics.median(times["numba"]) / statistics.median(times["gofolio"])
    print("numba ÷ gofolio (medians): %.2f×; load average %.2f at the start, %.2f at the end"
          % (ratio, load, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
