package portfolio_test

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/synth"
	"github.com/gofolio/gofolio/portfolio"
)

func TestProfTmp(t *testing.T) {
	sym, _ := strconv.Atoi(os.Getenv("P_SYM"))
	days, _ := strconv.Atoi(os.Getenv("P_DAYS"))
	tx, _ := strconv.Atoi(os.Getenv("P_TX"))
	if sym == 0 {
		t.Skip()
	}
	w := synth.Generate(synth.Spec{Symbols: sym, Days: days, Transactions: tx, Seed: 1})
	var ts []float64
	for i := 0; i < 300; i++ {
		runtime.GC()
		t0 := time.Now()
		res, err := portfolio.Build(w.Transactions, portfolio.Config{Currency: "USD", Series: w.Series})
		if err != nil {
			t.Fatal(err)
		}
		res.Holdings.Quantity()
		ts = append(ts, float64(time.Since(t0).Microseconds())/1000)
	}
	sort.Float64s(ts)
	fmt.Printf("median %.2f p25 %.2f min %.2f\n", ts[len(ts)/2], ts[len(ts)/4], ts[0])
}
