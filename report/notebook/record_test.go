package notebook

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio/stats"
)

func TestStatsRecordRoundTrips(t *testing.T) {
	s := testSummary()
	a, b := 0.1, 0.2
	s.TWR.Value = a + b // 0.30000000000000004 in float64: needs all 17 digits
	line := StatsRecord(`my "book"`, s)
	if !strings.HasPrefix(line, `STATS "my \"book\"" twr=0.30000000000000004 `) {
		t.Errorf("line %q", line)
	}
	fields := map[string]string{}
	for _, kv := range strings.Fields(line)[3:] {
		k, v, _ := strings.Cut(kv, "=")
		fields[k] = v
	}
	if v, _ := strconv.ParseFloat(fields["twr"], 64); v != s.TWR.Value {
		t.Errorf("twr reads back as %v, want %v", v, s.TWR.Value)
	}
	if fields["irr"] != "NaN" || fields["end_value"] != "12345.678" || fields["max_drawdown"] != "-0.1" {
		t.Errorf("fields %v", fields)
	}
	if len(fields) != 11 {
		t.Errorf("%d fields, want 11", len(fields))
	}
}

func ExampleRelativeRecord() {
	r := &benchmark.RelativeStats{
		Beta:             stats.Figure{Value: 0.65},
		Alpha:            stats.Figure{Value: 0.0225},
		Correlation:      stats.Figure{Value: 0.85},
		TrackingError:    stats.Figure{Value: 0.094},
		InformationRatio: stats.Figure{Value: -0.45},
		UpCapture:        stats.Figure{Value: 0.63},
		DownCapture:      stats.Figure{Value: math.NaN(), Reason: "no down day"},
	}
	fmt.Println(RelativeRecord("portfolio vs ^DJI", r))
	// Output:
	// RELATIVE "portfolio vs ^DJI" beta=0.65 alpha=0.0225 correlation=0.85 tracking_error=0.094 information_ratio=-0.45 up_capture=0.63 down_capture=NaN
}
