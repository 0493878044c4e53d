package lots

import "github.com/gofolio/gofolio/portfolio/txn"

func matchUS(trades []trade) ([]Disposal, []Lot, []txn.Problem) {
	return matchPool(trades, FIFO)
}
