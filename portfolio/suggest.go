package portfolio

import "strings"

// editDistance is the Levenshtein distance between a and b, in runes: the
// fewest insertions, deletions and substitutions that turn one into the
// other. Problems use it to suggest what a misspelt header or symbol
// meant.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
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
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// nearest returns the candidate closest to s, compared case-insensitively,
// when it is close enough to be a slip of the keyboard: one edit for names
// of up to seven letters, two for longer ones. Names shorter than minLen
// get no suggestion, so that a column of the user's own ("fx", "id") is not
// taken for one of ours.
func nearest(s string, candidates []string, minLen int) (string, bool) {
	s = strings.ToLower(s)
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
		if d := editDistance(s, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, bestDist <= limit
}
