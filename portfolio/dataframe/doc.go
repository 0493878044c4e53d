// Package dataframe shows gofolio's frames as gota DataFrames
// (github.com/go-gota/gota), for notebooks and exploration:
// Holdings(res.Holdings) and Performance(res.Performance), with dates as
// "2006-01-02" strings since gota has no time type.
//
// It is the only package of gofolio that imports gota (besides
// report/notebook, which displays gota frames in a notebook), so that a
// program that builds a portfolio or computes its statistics does not
// link it. It may import the standard library, gota, portfolio and
// portfolio/perf.
package dataframe
