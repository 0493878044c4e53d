package lots

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// Rule is how shares sold were matched with shares bought.
type Rule uint8

// The matching rules a disposal's parts name.
const (
	RuleLot        Rule = iota // a lot picked by FIFO, LIFO, HIFO or by name (the lot's date)
	RuleAverage                // the average cost of the shares held
	RuleSameDay                // UK: shares bought the same day (TCGA92/S105(1))
	RuleThirtyDays             // UK: shares bought in the next 30 days, bed and breakfast (TCGA92/S106A(5))
	RuleSection104             // UK: the Section 104 pool's average cost (TCGA92/S104)
	// RuleDistribution is a cash payment rather than shares sold: a
	// return of capital beyond the cost, a capital-gains distribution.
	RuleDistribution
	// RuleMergerCash is a merger's cash, paid on every share: a part of
	// each lot (its date), of the S104 pool, or of the average.
	RuleMergerCash
)

var ruleNames = [...]string{"lot", "average", "same day", "30 days", "S104 pool", "distribution", "merger cash"}

func (r Rule) String() string { return ruleNames[r] }

// Part is the shares of a disposal matched by one rule with one
// acquisition (or the pool).
type Part struct {
	Rule Rule
	// Acquired is the acquisition day of the shares matched (for the US
	// method, after a wash sale, the day their holding period starts);
	// zero for a pool or the average.
	Acquired time.Time
	Quantity float64
	Cost     float64 // their cost in the reporting currency, commissions included
	// LongTerm: US, held more than a year.
	LongTerm bool
	// WashAdjusted is the disallowed loss of an earlier wash sale in
	// Cost (US).
	WashAdjusted float64
	// Disallowed is the loss on these shares the wash-sale rule
	// disallowed (US): their share of the disposal's WashDisallowed.
	Disallowed float64
}

// Disposal is one sale (for UK, every sale of a symbol on one day: they
// are one disposal, TCGA92/S105(1)(a)), in the reporting currency.
type Disposal struct {
	Date     time.Time
	Symbol   string
	Quantity float64
	// Proceeds are quantity × price, before the sale's commission.
	Proceeds float64
	// Costs are the allowable costs: the cost of the shares matched
	// (their purchase commissions included) plus the sale's commission.
	Costs float64
	// Gain is Proceeds − Costs + WashDisallowed: negative for a loss.
	Gain float64
	// WashDisallowed is the part of the loss disallowed by the wash-sale
	// rule (US), added to the replacement shares' basis.
	WashDisallowed float64
	Parts          []Part
	Rows           []txn.Origin // the SELL rows
}

// ShortLong splits a US disposal's gain into short term (held a year or
// less) and long term, part by part: part gain = (Proceeds − the sale's
// commission) × part qty / Quantity − part cost + the part's Disallowed
// loss (a wash sale disallows the loss of the lots sold at a loss, not of
// the sale as a whole).
func (d Disposal) ShortLong() (short, long float64) {
	for _, p := range d.Parts {
		f := 1.0 // a distribution: no shares
		if d.Quantity != 0 {
			f = p.Quantity / d.Quantity
		}
		g := (d.Proceeds-(d.Costs-d.partsCost()))*f - p.Cost + p.Disallowed
		if p.LongTerm {
			long += g
		} else {
			short += g
		}
	}
	return short, long
}

func (d Disposal) partsCost() float64 {
	c := 0.0
	for _, p := range d.Parts {
		c += p.Cost
	}
	return c
}

// Matched says what the disposal matched, for a table: each part's rule,
// its acquisition date where it has one (not for the same day), and
// quantity ("30 days 2022-08-15 50; S104 pool 20"), then any wash-sale
// loss disallowed.
func (d Disposal) Matched() string {
	var parts []string
	for _, p := range d.Parts {
		s := p.Rule.String()
		if p.Rule == RuleDistribution {
			parts = append(parts, s)
			continue
		}
		if !p.Acquired.IsZero() && p.Rule != RuleSameDay {
			s += " " + p.Acquired.Format(time.DateOnly)
		}
		parts = append(parts, s+" "+strconv.FormatFloat(p.Quantity, 'f', -1, 64))
	}
	if d.WashDisallowed != 0 {
		parts = append(parts, "wash sale "+strconv.FormatFloat(d.WashDisallowed, 'f', 2, 64)+" disallowed")
	}
	return strings.Join(parts, "; ")
}
