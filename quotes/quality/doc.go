// Package quality checks end-of-day market data for the faults free sources
// are known for, before a portfolio is valued on it, and repairs on request
// the ones that can be repaired with confidence.
//
// Check looks at every series for:
//
//   - unit switches: a run of closes 100, 1000 or 10,000 times (or that
//     fraction of) the rest, such as pence quoted as pounds for a few days.
//     Each day-over-day move of 10^k (|log10 move − k| ≤ 0.3, k = ±2, ±3,
//     ±4) starts a new level; the level held on most days is taken as
//     right and every run on another level is a finding (repairable:
//     multiply the run by 10^(right − its level)). A single wrong day is a
//     run of one, so the scattered errors a median filter is used for
//     elsewhere are found the same way, exactly.
//   - split-like jumps without a split event: a close that falls (or rises)
//     within 10% of a common split ratio (3:2, 2, 3, 4, 5, 10, 20 and their
//     reverses) from the day before, with the median of the next five
//     closes over the median of the five before within 20% of it too (a
//     lasting move, not a one-day spike), and no split within five trading
//     days. Repairable (add the split; for split-adjusted closes also divide
//     the closes and dividends before it by the ratio) when the move is
//     within 5% of the ratio (2% for 3:2 and 2:3, since one-day falls of a
//     third happen).
//   - split events without a jump (closes not marked split-adjusted): a split
//     of 3:2 or more either way whose closes, as traded, move less than a
//     third of its fall on its day (in log terms) and nowhere between half
//     and one and a half times it within five trading days. Not repairable:
//     either the closes are already adjusted or the split is not real.
//   - doubled and missing adjustments (closes marked split-adjusted): at a
//     split the adjusted closes should not move; a rise of half to one and a
//     half times the ratio (in log terms) on its day means the closes before
//     it were divided by it twice, such a fall that they were not divided at
//     all. Repairable, when within a quarter of the ratio: multiply (or
//     divide) the closes before the split by its ratio.
//   - dividends larger than Options.MaxYield (25%) of the close before the
//     ex-date, and dividends of at least Options.DropYield (10%) of it whose
//     ex-date close does not fall at least half the dividend (smaller
//     dividends' drops are lost in the day's noise, so they are not checked).
//   - stale runs: at least N equal closes in a row while another series
//     moved, where N is the larger of Options.StaleDays (5) and the run
//     length that the series' own share p of unchanged days around the run
//     (125 trading days either side, the run left out) makes unlikely: the
//     least N with days·p^(N−1) < 0.01 (capped at 20), so a low-priced
//     stock quoted in cents is not flagged for its normal flat days.
//   - closes that are zero, negative or not finite (repairable: the rows are
//     dropped, as a day without a price is absent).
//   - gaps of more than Options.GapDays (21) calendar days between two
//     closes.
//
// Each Finding names the symbol, the dates, what was seen and what it most
// likely is, and estimates its Impact: the relative error it would put in
// a value figure (|factor − 1| for a close wrongly scaled by factor, the
// yield for a dividend, the move hidden by a stale run or gap). Check
// returns the findings with the largest impact first.
//
// Repair applies the repairable findings to copies of the series and
// returns one Repair line per changed row; it never changes its input and
// never repairs a finding that is not marked Repairable.
package quality
