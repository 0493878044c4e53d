package txfile

import (
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// largeSheetRow is row i of the generated large sheet: a buy at the day's
// close on a serial date (date-formatted, so the cell metadata is read),
// cycling over 10,000 days from 2000-01-01. Four columns keep the test
// quick; the reader's cost per row is per cell.
func largeSheetRow(i int) []any {
	return []any{rtDate{serial: float64(36526 + i%10000)}, "BUY", "IBM", 1 + i%100}
}

var largeSheetHeader = []any{"date", "kind", "symbol", "quantity"}

// peakHeap samples the heap in use every few milliseconds while fn runs
// and returns the largest sample.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak.Load()
}

// TestReadExcelMillionRows reads a 1,000,000-row sheet. Memory is bounded
// by the compressed workbook, the transactions returned (a slice that
// grows by doubling, so up to twice their size while growing) and a
// constant for the stream parsers: the sheet itself, which would take
// gigabytes as excelize's in-memory worksheet, is never held.
func TestReadExcelMillionRows(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the 1,000,000-row sheet in -short mode")
	}
	if raceEnabled {
		t.Skip("skipping the 1,000,000-row sheet under the race detector (too slow); run without -race")
	}
	const n = 1_000_000
	data := streamWorkbook(t, largeSheetHeader, n, largeSheetRow)
	t.Logf("workbook: %d rows, %.1f MiB compressed", n, float64(len(data))/(1<<20))
	var txs []txn.Transaction
	var err error
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	peak := peakHeap(func() { txs, err = ReadExcel(bytes.NewReader(data), Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	if len(txs) != n {
		t.Fatalf("got %d transactions, want %d", len(txs), n)
	}
	// Day 36526 + 9999 is 2027-05-18, the latest date.
	if last := txs[len(txs)-1]; !last.Date.Equal(time.Date(2027, 5, 18, 0, 0, 0, 0, time.UTC)) || last.Origin.Row < 2 {
		t.Errorf("last transaction %+v", last)
	}
	resultBytes := uint64(n) * uint64(unsafe.Sizeof(txn.Transaction{}))
	extra := int64(peak) - int64(before.HeapInuse) - 2*int64(resultBytes)
	t.Logf("heap in use: %.0f MiB before, peak %.0f MiB while reading; transactions %.0f MiB; peak beyond the workbook and twice the transactions: %.0f MiB",
		miB(before.HeapInuse), miB(peak), miB(resultBytes), float64(extra)/(1<<20))
	// The garbage collector lets the heap grow to twice the live data
	// before collecting, so the bound is loose; a sheet held in memory
	// (excelize's GetRows) would take several GiB.
	if limit := int64(384 << 20); extra > limit {
		t.Errorf("reading took %.0f MiB beyond the workbook and the transactions, want under %.0f MiB", float64(extra)/(1<<20), float64(limit)/(1<<20))
	}
}

func miB(b uint64) float64 { return float64(b) / (1 << 20) }

// BenchmarkReadExcel reads a 10,000-row sheet.
func BenchmarkReadExcel(b *testing.B) {
	data := streamWorkbook(b, largeSheetHeader, 10_000, largeSheetRow)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadExcel(bytes.NewReader(data), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadCSV reads a 10,000-row CSV.
func BenchmarkReadCSV(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("date,kind,symbol,quantity,price,commission,note\n")
	for i := range 10_000 {
		buf.WriteString(time.Date(2000, 1, 1+i%10000, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
		buf.WriteString(",BUY,IBM,")
		buf.WriteString([]string{"1", "25", `"1,000"`}[i%3])
		buf.WriteString(",100.25,1.5,row note\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCSV(bytes.NewReader(data), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
