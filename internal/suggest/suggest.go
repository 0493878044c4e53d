// Package suggest finds what a misspelt name was meant to be: a header, a
// kind or a symbol, for "did you mean" in the problems gofolio reports.
package suggest

import (
	"fmt"
	"strings"
)

// Distance is the optimal-string-alignment distance between a and b, in
// runes: the fewest insertions, deletions, substitutions and swaps of two
// adjacent letters (MSTF for MSFT) that turn one into the other, no letter
// edited twice.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows of the table: two back (for swaps), one back, current.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Nearest returns the candidate closest to s, compared case-insensitively,
// when it is close enough to be a slip of the keyboard: one edit for names
// of up to seven letters, two for longer ones; the first of equally close
// candidates wins. Names shorter than minLen get no suggestion, so that a
// short name of the user's own ("fx", "id") is not taken for one of ours,
// unless they differ from a candidate only in case.
func Nearest(s string, candidates []string, minLen int) (string, bool) {
	s = strings.ToLower(s)
	for _, c := range candidates {
		if strings.ToLower(c) == s {
			return c, true // the case alone differs ("Ko" for KO), whatever the length
		}
	}
	n := len([]rune(s))
	if n < minLen {
		return "", false
	}
	limit := 1
	if n > 7 {
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := Distance(s, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, bestDist <= limit
}

// Known says which names there are, in the order given and at most a dozen
// of them, with the one Nearest to s first when there is one: "did you mean
// IBM? known: AA, AXP, … and 18 more".
func Known(s string, names []string, minLen int) string {
	if len(names) == 0 {
		return "there are none"
	}
	var hint string
	if near, ok := Nearest(s, names, minLen); ok {
		hint = fmt.Sprintf("did you mean %s? ", near)
	}
	const most = 12
	if len(names) > most {
		return hint + "known: " + strings.Join(names[:most], ", ") + fmt.Sprintf(" and %d more", len(names)-most)
	}
	return hint + "known: " + strings.Join(names, ", ")
}
