package main

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
)

// The report is as of -to: what happened after it is not part of it. The
// engine would instead reject every transaction after its last day as a
// problem of the transactions file, which blames the file for what the
// flag asked for.

// splitAfter returns the transactions dated on or before day, in their
// order, and those dated after it.
func splitAfter(txs []portfolio.Transaction, day time.Time) (kept, after []portfolio.Transaction) {
	day = quotes.Day(day)
	for _, tx := range txs {
		if quotes.Day(tx.Date).After(day) {
			after = append(after, tx)
		} else {
			kept = append(kept, tx)
		}
	}
	return kept, after
}

// lastTradingDay is the last date on or before to on which any of series
// has a close, or zero when none has one.
func lastTradingDay(series map[string]*quotes.Series, to time.Time) time.Time {
	to = quotes.Day(to)
	var last time.Time
	for _, s := range series {
		// The first date after to, minus one, is the last on or before it.
		i := sort.Search(len(s.Dates), func(i int) bool { return s.Dates[i].After(to) })
		if i > 0 && s.Dates[i-1].After(last) {
			last = s.Dates[i-1]
		}
	}
	return last
}

// dateSpan is the earliest and latest date of txs, which need not be sorted.
func dateSpan(txs []portfolio.Transaction) (first, last time.Time) {
	for i, tx := range txs {
		if i == 0 || tx.Date.Before(first) {
			first = tx.Date
		}
		if i == 0 || tx.Date.After(last) {
			last = tx.Date
		}
	}
	return first, last
}

// noteLeftOut prints the one line that says which transactions -to left
// out. tradingDay is the last trading day on or before -to when it is
// earlier than -to (transactions between the two would apply on the next
// trading day, after -to), else zero.
func noteLeftOut(stderr io.Writer, to, tradingDay time.Time, leftOut []portfolio.Transaction) {
	if len(leftOut) == 0 {
		return
	}
	first, last := dateSpan(leftOut)
	what := "1 transaction"
	if len(leftOut) > 1 {
		what = fmt.Sprintf("%d transactions", len(leftOut))
	}
	span := first.Format(time.DateOnly)
	if last.After(first) {
		span += " to " + last.Format(time.DateOnly)
	}
	after := "after it"
	if !tradingDay.IsZero() {
		after = fmt.Sprintf("after %s, the last trading day on or before it", tradingDay.Format(time.DateOnly))
	}
	fmt.Fprintf(stderr, "note: the report is as of -to %s: left out %s dated %s (%s)\n",
		to.Format(time.DateOnly), what, after, span)
}
