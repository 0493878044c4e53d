package chart_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/gofolio/gofolio/report/chart"
)

func ExamplePerformance() {
	var dates []time.Time
	var portfolio, index []float64
	for i := 0; i < 500; i++ {
		dates = append(dates, time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i))
		portfolio = append(portfolio, 0.0004*float64(i))
		index = append(index, 0.0003*float64(i))
	}
	p, err := chart.Performance("Performance",
		chart.Line{Name: "Portfolio", Dates: dates, Values: portfolio},
		chart.Line{Name: "^DJI", Dates: dates, Values: index})
	if err != nil {
		fmt.Println(err)
		return
	}
	var png bytes.Buffer
	if err := chart.WritePNG(&png, p); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(png.Bytes(), []byte("\x89PNG")))
	// Output: true
}
