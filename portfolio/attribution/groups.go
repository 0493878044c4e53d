package attribution

import "sort"

// Unclassified is the group of a symbol the group function leaves blank.
const Unclassified = "Unclassified"

// MapGroup is a group function reading m (symbol → group), for ByGroup
// and Daily.BrinsonFachler; a symbol m lacks is Unclassified (the cash is
// Cash unless m names its group).
func MapGroup(m map[string]string) func(symbol string) string {
	return func(symbol string) string { return m[symbol] }
}

// groupOf is the group of name: group(name), Unclassified when blank, and
// Cash for the cash unless group names another.
func groupOf(group func(string) string, name string) string {
	g := group(name)
	switch {
	case g != "":
		return g
	case name == Cash:
		return Cash
	default:
		return Unclassified
	}
}

// GroupContribution is a group's linked contribution to the window's TWR:
// the sum of its members' (Frongello's linking is linear, so this is also
// the group's daily contributions linked).
type GroupContribution struct {
	Group        string
	Contribution float64
	// Symbols are the members, in Names' order.
	Symbols []string
	// Start and End are the group's values at the window's opening and
	// last close.
	Start, End float64
}

// ByGroup sums the contributions by group (group(symbol); blank is
// Unclassified, the cash is Cash unless group(Cash) names its group),
// largest contribution first, the group Cash last (as Holdings puts the
// cash). They add up to TWR.
func (d *Daily) ByGroup(group func(symbol string) string) []GroupContribution {
	contrib := d.Contributions()
	last := len(d.Dates) - 1
	index := map[string]int{}
	var out []GroupContribution
	for i, name := range d.Names {
		g := groupOf(group, name)
		k, ok := index[g]
		if !ok {
			k = len(out)
			index[g] = k
			out = append(out, GroupContribution{Group: g})
		}
		out[k].Contribution += contrib[i]
		out[k].Symbols = append(out[k].Symbols, name)
		out[k].Start += d.Start[i]
		out[k].End += d.Value[i][last]
	}
	sort.SliceStable(out, func(a, b int) bool {
		if ca, cb := out[a].Group == Cash, out[b].Group == Cash; ca != cb {
			return cb
		}
		return out[a].Contribution > out[b].Contribution
	})
	return out
}
