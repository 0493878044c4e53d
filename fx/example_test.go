package fx_test

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/quotes"
)

// Rates from the Federal Reserve's H.10 release: USD per GBP and JPY per
// USD. Converting pence to yen crosses through USD.
func Example() {
	const h10 = `DATE,DEXUSUK,DEXJPUS
1995-01-03,1.5655,100.05
1995-01-04,1.5605,100.55
`
	pairs, err := fx.ReadFRED(strings.NewReader(h10))
	if err != nil {
		log.Fatal(err)
	}
	c, err := fx.NewConverter(pairs...)
	if err != nil {
		log.Fatal(err)
	}
	// 250 pence = 2.50 GBP = 2.50 × 1.5605 USD = 2.50 × 1.5605 × 100.55 JPY.
	yen, err := c.Convert(250, "GBp", "JPY", quotes.Date(1995, 1, 4))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.2f JPY\n", yen)

	// 1995-01-07 has no rate: the last one, of 1995-01-04, carries forward.
	usd, _ := c.Convert(100, "GBP", "USD", quotes.Date(1995, 1, 7))
	fmt.Printf("%.2f USD\n", usd)

	_, err = c.Convert(1, "GBP", "USD", quotes.Date(1995, 1, 2))
	fmt.Println(errors.Is(err, fx.ErrNoRate))
	fmt.Println(err)
	// Output:
	// 392.27 JPY
	// 156.05 USD
	// true
	// fx: converting GBP to USD on 1995-01-02: no rate on or before that date: the GBP/USD rate starts on 1995-01-03
}
