package portfolio

import "github.com/gofolio/gofolio/portfolio/lots"

// lotCost keeps a position's lots and matches a sale by its pool's method
// (FIFO, LIFO, HIFO, specific identification).
type lotCost struct{ pool *lots.Pool }

// bought opens a lot dated the day row was booked on.
func (m *lotCost) bought(row *Transaction, qty, cost, tradeCost float64) {
	l := lots.Lot{Quantity: qty, Cost: cost, TradeCost: tradeCost}
	if row != nil {
		l.Date, l.Origin = row.Date, row.Origin
	}
	m.pool.Add(l)
}

// soldCost is the cost of the lots the sale takes: the sum of each lot
// part's cost, lot cost × part / lot quantity. Selling everything takes
// the cost basis itself, so that rounding leaves no cost behind. A
// MERGER's cash part takes every lot pro rata, whatever the method (its
// cash is paid on every share: see package lots, merger.go).
func (m *lotCost) soldCost(row *Transaction, held, cost, sold float64) (float64, error) {
	spec := ""
	if row != nil {
		spec = row.Lot
	}
	var total float64
	if row != nil && row.Kind == Merger {
		for _, l := range m.pool.TakeEvery(sold) {
			total += l.Cost
		}
	} else if c, err := m.pool.TakeCost(sold, spec); err != nil {
		return 0, err
	} else {
		total = c
	}
	if afterSale(held, sold) == 0 {
		m.pool.Empty() // as the position: nothing held, no cost
		return cost, nil
	}
	return total, nil
}

func (m *lotCost) split(ratio float64) { m.pool.Split(ratio) }

func (m *lotCost) reduceCost(x float64) { m.pool.ReduceCost(x) }
