package report

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkWrite renders a report of 30 holdings over 10 years of business
// days (4 performance lines, about 130 transactions) without inlined
// ECharts; the report's size is reported as bytes/report.
func BenchmarkWrite(b *testing.B) {
	in := synthetic(30, 10)
	var buf bytes.Buffer
	if err := Write(&buf, in, Options{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Write(io.Discard, in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/report")
}
