package yahoo_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"time"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/yahoo"
)

func ExampleNew() {
	// A stand-in for Yahoo: two days of AAPL, the first with a 4:1 split,
	// the second without a close (null).
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"chart":{"result":[{"meta":{"currency":"USD","symbol":"AAPL",
			"exchangeTimezoneName":"America/New_York","gmtoffset":-14400},
			"timestamp":[1598880600,1598967000],
			"events":{"splits":{"1598880600":{"date":1598880600,"numerator":4,"denominator":1}}},
			"indicators":{"quote":[{"close":[129.04,null]}]}}],"error":null}}`)
	}))
	defer srv.Close()
	cacheDir, _ := os.MkdirTemp("", "gofolio-example")
	defer os.RemoveAll(cacheDir)

	src, err := yahoo.New(yahoo.Options{
		BaseURL:  srv.URL,
		CacheDir: cacheDir,
		Progress: yahoo.TerminalProgress(os.Stderr), // nil unless stderr is a terminal
	})
	if err != nil {
		log.Fatal(err)
	}
	got, err := quotes.FetchAll(context.Background(), src, []string{"AAPL"},
		quotes.Date(2020, 8, 31), quotes.Date(2020, 9, 1))
	if err != nil {
		log.Fatal(err)
	}
	s := got["AAPL"]
	for i, d := range s.Dates {
		fmt.Println(d.Format(time.DateOnly), s.Close[i], s.Currency)
	}
	for _, sp := range s.Splits {
		fmt.Printf("split %s %v:%v\n", sp.Date.Format(time.DateOnly), sp.Numerator, sp.Denominator)
	}
	// Output:
	// 2020-08-31 129.04 USD
	// split 2020-08-31 4:1
}
