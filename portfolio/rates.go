package portfolio

import "time"

// Rates converts between currencies. Rates returns, for each of dates, the
// number by which an amount in currency from is multiplied to express it in
// currency to, using the last rate published on or before that date. It
// fails, naming the pair and the date, when a date precedes every rate.
// *fx.Converter implements it.
type Rates interface {
	Rates(from, to string, dates []time.Time) ([]float64, error)
}
