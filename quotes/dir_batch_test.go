package quotes

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestDirSeriesBatch checks that FetchAll over a Dir goes through
// SeriesBatch (the files read in parallel) and gives what Series gives one
// symbol at a time: every series when all are good; when some are not, a
// *FetchError naming each bad symbol once, sorted; ctx.Err() alone when
// ctx has ended.
func TestDirSeriesBatch(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "A.csv", "date,close\n2020-01-02,1.5\n2020-01-03,1.25\n")
	writeFile(t, dir, "B.csv", "Date,Close\r\n2020-01-03,\"2\"\r\n2020-01-02,3\r\n")
	writeFile(t, dir, "B.dividends.csv", "date,amount\n2020-01-03,0.5\n")
	writeFile(t, dir, "C.csv", "date,close\n2020-01-02,-1\n")
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var src Source = d
	if _, ok := src.(BatchSource); !ok {
		t.Fatal("Dir is not a BatchSource: FetchAll would read its files one at a time")
	}
	ctx := context.Background()
	got, err := FetchAll(ctx, d, []string{"B", "A", "B"}, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	fresh, _ := NewDir(dir, DirOptions{})
	for _, sym := range []string{"A", "B"} {
		want, err := fresh.Series(ctx, sym, time.Time{}, time.Time{})
		if err != nil || !reflect.DeepEqual(withoutCache(got[sym]), withoutCache(want)) {
			t.Errorf("%s: batch %+v, Series %+v, %v", sym, got[sym], want, err)
		}
	}
	if len(got) != 2 {
		t.Errorf("got %d series, want A and B", len(got))
	}

	_, err = d.SeriesBatch(ctx, []string{"D", "C", "A", "C"}, time.Time{}, time.Time{})
	var fe *FetchError
	if !errors.As(err, &fe) || len(fe.Errs) != 2 || fe.Errs[0].Symbol != "C" || fe.Errs[1].Symbol != "D" {
		t.Fatalf("error %v, want a *FetchError naming C then D", err)
	}
	if !errors.Is(err, ErrUnknownSymbol) || !strings.Contains(fe.Errs[0].Error(), `"-1"`) {
		t.Errorf("error %v: want D unknown and C's bad close quoted", err)
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if m, err := d.SeriesBatch(cancelled, []string{"A", "B"}, time.Time{}, time.Time{}); m != nil || err != context.Canceled {
		t.Errorf("cancelled: %v, %v; want nil, context.Canceled", m, err)
	}
}

// TestDirSeriesBatchMany reads more symbols than there are workers, so
// that each worker takes several (go test -race checks the sharing).
func TestDirSeriesBatchMany(t *testing.T) {
	dir := t.TempDir()
	var symbols []string
	for i := range 40 {
		sym := string(rune('A'+i%26)) + strings.Repeat("X", i/26)
		symbols = append(symbols, sym)
		writeFile(t, dir, sym+".csv", "date,close\n2020-01-02,"+strings.Repeat("1", 1+i%5)+"\n")
	}
	d, err := NewDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.SeriesBatch(context.Background(), symbols, time.Time{}, time.Time{})
	if err != nil || len(got) != len(symbols) {
		t.Fatalf("%d series, %v; want %d", len(got), err, len(symbols))
	}
	for i, sym := range symbols {
		want := []float64{[]float64{1, 11, 111, 1111, 11111}[i%5]}
		if s := got[sym]; s == nil || s.Symbol != sym || !slices.Equal(s.Close, want) {
			t.Errorf("%s: %+v, want close %v", sym, s, want)
		}
	}
}

// withoutCache is *s without the day numbers it caches (FetchAll computes
// them; Series does not), so that two series read alike compare equal.
func withoutCache(s *Series) Series {
	if s == nil {
		return Series{}
	}
	c := *s
	c.days = nil
	return c
}
