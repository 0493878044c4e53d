package lots

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// Lot is shares bought together: by one BUY row (or what is left of it).
type Lot struct {
	Date     time.Time // the acquisition day
	Quantity float64   // shares left in the lot
	// Cost is what the shares left cost, commission included, in the
	// reporting currency at the rate of the acquisition day.
	Cost float64
	// TradeCost is Cost in the trade's currency.
	TradeCost float64
	// WashAdjusted is the loss of a wash sale added to Cost (US method);
	// Date is then the start of the holding period carried over.
	WashAdjusted float64
	Origin       txn.Origin // the BUY row
	buy          int        // the BUY row's index in Match's input
}

// PerShare is the lot's cost per share: Cost / Quantity.
func (l Lot) PerShare() float64 { return l.Cost / l.Quantity }

// part is the lot cut to qty of its shares, cost pro rata:
// Cost × qty / Quantity.
func (l Lot) part(qty float64) Lot {
	f := qty / l.Quantity
	l.Cost, l.TradeCost, l.WashAdjusted, l.Quantity = l.Cost*f, l.TradeCost*f, l.WashAdjusted*f, qty
	return l
}

// Epsilon is how close to zero (relative to the quantity sold) the
// shares left in a lot may be and still count as none: what rounding
// leaves after a split (as the engine's afterSale).
const Epsilon = 1e-9

// Pool is one holding's open lots in acquisition order, matched on a sale
// by its method. Average and UK take from every lot pro rata (the
// average cost, HMRC's Section 104 pool); US takes the lot a sale names,
// else FIFO (the wash-sale rule needs the purchases after, and is applied
// by Match).
type Pool struct {
	method Method
	lots   []Lot
	// scratch and taken are reused by every sale's TakeCost (order's
	// indexes, the parts taken), so that a sale allocates nothing.
	scratch []int
	taken   []Lot
}

// NewPool is an empty pool matched by m.
func NewPool(m Method) *Pool { return &Pool{method: m} }

// Add adds a bought lot.
func (p *Pool) Add(l Lot) { p.lots = append(p.lots, l) }

// Empty removes every lot: what rounding leaves once a holding is sold
// out (the engine's position then holds nothing, at no cost).
func (p *Pool) Empty() { p.lots = p.lots[:0] }

// Lots is the open lots, oldest first. The slice is the pool's own.
func (p *Pool) Lots() []Lot { return p.lots }

// Quantity is the shares held: the sum of the lots' quantities.
func (p *Pool) Quantity() float64 {
	q := 0.0
	for _, l := range p.lots {
		q += l.Quantity
	}
	return q
}

// Split turns each share of every lot into ratio shares; costs are
// unchanged (a lot's cost per share divides by ratio).
func (p *Pool) Split(ratio float64) {
	for i := range p.lots {
		p.lots[i].Quantity *= ratio
	}
}

// Take removes qty shares, picked by the pool's method (spec names the
// lot for Specific: see ParseSpec), and returns the parts taken, each with
// its quantity and cost. Nothing is taken when the lots spec names are
// none or hold fewer than qty shares: the error says so.
func (p *Pool) Take(qty float64, spec string) ([]Lot, error) {
	return p.takeInto(nil, qty, spec)
}

// TakeCost is Take's parts' total cost (Lot.Cost), without keeping the
// parts: what a ledger needs of a sale, with no allocation.
func (p *Pool) TakeCost(qty float64, spec string) (float64, error) {
	taken, err := p.takeInto(p.taken[:0], qty, spec)
	if err != nil {
		return 0, err
	}
	p.taken = taken
	total := 0.0
	for _, l := range taken {
		total += l.Cost
	}
	return total, nil
}

// takeInto is Take, appending the parts taken to taken.
func (p *Pool) takeInto(taken []Lot, qty float64, spec string) ([]Lot, error) {
	order, err := p.order(spec)
	if err != nil {
		return nil, err
	}
	if p.method == Average || p.method == UK {
		return p.takeProRata(taken, qty), nil
	}
	held := 0.0
	for _, i := range order {
		held += p.lots[i].Quantity
	}
	if qty > held*(1+Epsilon)+Epsilon {
		return nil, fmt.Errorf("sells %v shares but the lots it names (%s) hold %v", qty, spec, held)
	}
	left := qty
	for _, i := range order {
		if left <= Epsilon*(1+qty) {
			break
		}
		l := &p.lots[i]
		before := l.Quantity
		take := min(left, before)
		taken = append(taken, l.part(take))
		*l = l.part(before - take)
		if l.Quantity <= Epsilon*before {
			l.Quantity = 0 // emptied, but for rounding: dropped below
		}
		left -= take
	}
	p.dropEmpty()
	return taken, nil
}

// TakeEvery removes qty shares from every lot pro rata, whatever the
// pool's method (a merger's cash is paid on every share held), and
// returns the parts taken: see takeProRata.
func (p *Pool) TakeEvery(qty float64) []Lot { return p.takeProRata(nil, qty) }

// takeProRata takes qty / held of every lot: the cost taken is the
// average cost × qty. Selling all that is held (but for rounding, see
// Epsilon) empties the pool; a part leaves every lot its share, however
// small. The parts are appended to taken.
func (p *Pool) takeProRata(taken []Lot, qty float64) []Lot {
	held := p.Quantity()
	f := min(qty/held, 1)
	all := held-qty <= Epsilon*(1+qty)
	taken = slices.Grow(taken, len(p.lots))
	for i := range p.lots {
		l := &p.lots[i]
		if all {
			taken = append(taken, *l)
			l.Quantity = 0
			continue
		}
		taken = append(taken, l.part(l.Quantity*f))
		*l = l.part(l.Quantity * (1 - f))
	}
	p.dropEmpty()
	return taken
}

// dropEmpty removes the lots a sale emptied (quantity 0).
func (p *Pool) dropEmpty() {
	p.lots = slices.DeleteFunc(p.lots, func(l Lot) bool { return l.Quantity == 0 })
}

// order is the indexes of the lots a sale takes from, in the order it
// takes them: the pool's scratch slice (but for Specific), valid until
// the next call.
func (p *Pool) order(spec string) ([]int, error) {
	idx := p.scratch[:0]
	for i := range p.lots {
		idx = append(idx, i)
	}
	p.scratch = idx
	switch p.method {
	case LIFO:
		slices.Reverse(idx)
	case HIFO:
		slices.SortStableFunc(idx, func(a, b int) int { return -cmpFloat(p.lots[a].PerShare(), p.lots[b].PerShare()) })
	case Specific:
		return p.named(spec)
	case US:
		if spec != "" {
			return p.named(spec) // the lot the sale names, else FIFO
		}
	}
	return idx, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// named is the indexes of the lots spec names, oldest first.
func (p *Pool) named(spec string) ([]int, error) {
	date, row, err := ParseSpec(spec)
	if err != nil {
		return nil, err
	}
	var idx []int
	for i, l := range p.lots {
		if (row > 0 && l.Origin.Row == row) || (row == 0 && l.Date.Equal(date)) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil, fmt.Errorf("no open lot %s: the open lots are %s", spec, p.describe())
	}
	return idx, nil
}

// describe lists the open lots for a message: "2022-05-15 (row 3, 10 shares)".
func (p *Pool) describe() string {
	if len(p.lots) == 0 {
		return "none"
	}
	var parts []string
	for _, l := range p.lots {
		parts = append(parts, fmt.Sprintf("%s (row %d, %v shares)", l.Date.Format(time.DateOnly), l.Origin.Row, l.Quantity))
	}
	return strings.Join(parts, ", ")
}

// ParseSpec reads a SELL row's lot column: the acquisition date
// (YYYY-MM-DD) of the lots it sells, or the BUY row's number ("12" or
// "row 12") in the same file. It returns the date, or the row (> 0).
func ParseSpec(spec string) (time.Time, int, error) {
	s := strings.TrimSpace(spec)
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(strings.ToLower(s), "row")))
	if err != nil || n <= 0 {
		return time.Time{}, 0, fmt.Errorf("lot %q: expected the acquisition date (YYYY-MM-DD) or the BUY row's number", spec)
	}
	return time.Time{}, n, nil
}
