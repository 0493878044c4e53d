package quotes

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// writeBenchDir writes symbols price files of days weekdays each, closes
// in cents as exchanges quote them (a Yahoo download has six decimals),
// and returns the directory and the symbols.
func writeBenchDir(tb testing.TB, symbols, days int) (string, []string) {
	tb.Helper()
	dir := tb.TempDir()
	names := make([]string, symbols)
	for s := range names {
		names[s] = fmt.Sprintf("S%03d", s)
		var b strings.Builder
		b.WriteString("date,close\n")
		d, c := Date(2010, 1, 4), 100.0
		for range days {
			for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
				d = d.AddDate(0, 0, 1)
			}
			c *= 1 + 0.01*float64((s*7+d.YearDay()*13)%21-10)/10
			b.WriteString(d.Format(time.DateOnly))
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(math.Round(c*100)/100, 'f', -1, 64))
			b.WriteByte('\n')
			d = d.AddDate(0, 0, 1)
		}
		if err := os.WriteFile(filepath.Join(dir, names[s]+".csv"), []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir, names
}

// BenchmarkDirLoad times a fresh Dir loading every symbol of a folder of
// 50 symbols × 10 years of trading days, the whole path from the files to
// the series. FetchAll reads the symbols in parallel (Dir.SeriesBatch).
func BenchmarkDirLoad(b *testing.B) {
	dir, symbols := writeBenchDir(b, 50, 2520)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		d, err := NewDir(dir, DirOptions{})
		if err != nil {
			b.Fatal(err)
		}
		got, err := FetchAll(ctx, d, symbols, time.Time{}, time.Time{})
		if err != nil || len(got) != len(symbols) {
			b.Fatalf("%d series, %v", len(got), err)
		}
	}
}
