package notebook_test

import (
	"fmt"
	"sort"
	"time"

	"github.com/gofolio/gofolio/report/chart"
	"github.com/gofolio/gofolio/report/notebook"
)

// A Display can send anywhere; here it lists the MIME types of each output.
func ExampleNew() {
	d := notebook.New(func(b notebook.Bundle) error {
		var types []string
		for mime := range b {
			types = append(types, mime)
		}
		sort.Strings(types)
		fmt.Println(types)
		return nil
	})
	dates := []time.Time{time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 3, 0, 0, 0, 0, time.UTC)}
	line := chart.Line{Name: "Portfolio", Dates: dates, Values: []float64{0, 0.01}}
	if err := d.Chart(chart.Performance("Cumulative return", line)); err != nil {
		fmt.Println(err)
	}
	if err := d.Interactive("Cumulative return", line); err != nil {
		fmt.Println(err)
	}
	// Output:
	// [image/png text/html text/plain]
	// [image/png text/html text/plain]
}
