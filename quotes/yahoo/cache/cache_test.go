package cache

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

func TestFileName(t *testing.T) {
	for _, tc := range []struct{ symbol, name string }{
		{"AAPL", "AAPL.json"},
		{"^GSPC", "%5EGSPC.json"},
		{"EURUSD=X", "EURUSD%3DX.json"},
		{"BRK-B", "BRK-B.json"},
		{"OCDO.L", "OCDO.L.json"},
		{"..", "%2E..json"},
		{"../../etc/passwd", "%2E.%2F..%2Fetc%2Fpasswd.json"},
		{`a\b`, "a%5Cb.json"},
		{"x\x00\n", "x%00%0A.json"},
		{"é", "%C3%A9.json"},
	} {
		name := FileName(tc.symbol)
		if name != tc.name {
			t.Errorf("FileName(%q) = %q, want %q", tc.symbol, name, tc.name)
		}
		if filepath.Base(name) != name || strings.ContainsAny(name, `/\`) || name[0] == '.' {
			t.Errorf("FileName(%q) = %q is not a plain file name", tc.symbol, name)
		}
		if back, err := SymbolOf(name); err != nil || back != tc.symbol {
			t.Errorf("SymbolOf(%q) = %q, %v; want %q", name, back, err, tc.symbol)
		}
	}
	for _, bad := range []string{"x.txt", ".json", "%5egspc.json", "%5.json", "%ZZ.json", "a%2Db.json", ".x.json"} {
		if sym, err := SymbolOf(bad); err == nil {
			t.Errorf("SymbolOf(%q) = %q, want an error", bad, sym)
		}
	}
}

func FuzzFileName(f *testing.F) {
	for _, s := range []string{"AAPL", "^GSPC", "..", "a/b", ".hidden", "%41"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, symbol string) {
		name := FileName(symbol)
		if strings.ContainsAny(name, `/\`) || name[0] == '.' || filepath.Base(name) != name {
			t.Fatalf("FileName(%q) = %q escapes the directory or hides", symbol, name)
		}
		if back, err := SymbolOf(name); err != nil || back != symbol {
			t.Fatalf("SymbolOf(FileName(%q)) = %q, %v", symbol, back, err)
		}
	})
}

func sample() *Entry {
	return &Entry{
		Series: &quotes.Series{Symbol: "^GSPC", Currency: "USD", Timezone: "America/New_York",
			Dates:     []time.Time{quotes.Date(2020, 8, 28), quotes.Date(2020, 8, 31), quotes.Date(2020, 9, 1)},
			Close:     []float64{3508.01, 3500.31, 0.1 + 0.2},
			Dividends: []quotes.Dividend{{Date: quotes.Date(2020, 8, 31), Amount: 0.205}},
			Splits:    []quotes.Split{{Date: quotes.Date(2020, 8, 31), Numerator: 4, Denominator: 1}}},
		From:    quotes.Date(2020, 8, 27),
		To:      quotes.Date(2020, 9, 2),
		Fetched: time.Date(2020, 9, 2, 21, 0, 0, 123, time.UTC),
	}
}

func TestEncodeDecode(t *testing.T) {
	var buf bytes.Buffer
	if err := Encode(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	// Human-readable: one day a line.
	if !strings.Contains(text, "\n    [\"2020-08-31\", 3500.31],\n") || !strings.Contains(text, `"symbol": "^GSPC"`) {
		t.Errorf("unexpected layout:\n%s", text)
	}
	e, err := Decode(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	Encode(&again, e)
	if again.String() != text {
		t.Errorf("round trip changed the file:\n%s\nvs\n%s", text, again.String())
	}
	if e.Series.Close[2] != 0.1+0.2 || !e.Fetched.Equal(sample().Fetched) {
		t.Errorf("values not exact: %v %v", e.Series.Close[2], e.Fetched)
	}
	// Every proper prefix is a truncated file and must be refused.
	for n := 0; n < len(text)-1; n++ {
		if _, err := Decode(strings.NewReader(text[:n])); err == nil {
			t.Fatalf("truncated at %d bytes, accepted", n)
		}
	}
	for name, corrupt := range map[string]string{
		"day count":  strings.Replace(text, `"days": 3`, `"days": 2`, 1),
		"zero close": strings.Replace(text, "3500.31", "0", 1),
		"order":      strings.Replace(text, "2020-08-28", "2020-09-01", 1),
		"format":     strings.Replace(text, Format, "other/1", 1),
		"outside":    strings.Replace(text, `"to": "2020-09-02"`, `"to": "2020-08-30"`, 1),
		"trailing":   text + "{}",
		"unknown":    strings.Replace(text, `"days"`, `"extra": 1, "days"`, 1),
		"row width":  strings.Replace(text, `["2020-08-31", 3500.31]`, `["2020-08-31", 3500.31, 1]`, 1),
		"bad date":   strings.Replace(text, "2020-08-28", "2020-02-30", 1),
	} {
		if _, err := Decode(strings.NewReader(corrupt)); err == nil {
			t.Errorf("%s: corrupt file accepted", name)
		}
	}
	bad := sample()
	bad.Series.Close[0] = -1
	if err := Encode(&bytes.Buffer{}, bad); err == nil {
		t.Error("Encode wrote an invalid entry")
	}
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	Encode(&buf, sample())
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := Encode(&out, e); err != nil {
			t.Fatalf("decoded entry does not encode: %v", err)
		}
		e2, err := Decode(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("re-encoded entry does not decode: %v", err)
		}
		var out2 bytes.Buffer
		Encode(&out2, e2)
		if out.String() != out2.String() {
			t.Fatalf("encoding not stable")
		}
	})
}

func series(symbol string, days map[time.Time]float64) *quotes.Series {
	s := &quotes.Series{Symbol: symbol, Currency: "USD"}
	for d := quotes.Date(2000, 1, 1); d.Year() < 2030; d = d.AddDate(0, 0, 1) {
		if c, ok := days[d]; ok {
			s.Dates = append(s.Dates, d)
			s.Close = append(s.Close, c)
		}
	}
	return s
}

func TestMerge(t *testing.T) {
	d := func(day int) time.Time { return quotes.Date(2024, 1, day) }
	t0 := time.Date(2024, 1, 10, 22, 0, 0, 0, time.UTC)
	old := &Entry{Series: series("X", map[time.Time]float64{d(2): 1, d(3): 2, d(8): 3, d(9): 4, d(10): 5}),
		From: d(1), To: d(10), Fetched: t0}
	old.Series.Dividends = []quotes.Dividend{{Date: d(3), Amount: 0.5}, {Date: d(9), Amount: 0.7}}
	// Fetch 8..12: day 9 revised to 4.5, day 10 gone (Yahoo dropped a
	// bad row), 11 and 12 new; the dividend of day 9 was revised away.
	fresh := series("X", map[time.Time]float64{d(8): 3, d(9): 4.5, d(11): 6, d(12): 7})
	t1 := t0.Add(48 * time.Hour)
	got := Merge(old, fresh, d(8), d(12), t1)
	want := series("X", map[time.Time]float64{d(2): 1, d(3): 2, d(8): 3, d(9): 4.5, d(11): 6, d(12): 7})
	if len(got.Series.Dates) != len(want.Dates) {
		t.Fatalf("dates %v, want %v", got.Series.Dates, want.Dates)
	}
	for i := range want.Dates {
		if got.Series.Dates[i] != want.Dates[i] || got.Series.Close[i] != want.Close[i] {
			t.Errorf("day %d: %v %v, want %v %v", i, got.Series.Dates[i], got.Series.Close[i], want.Dates[i], want.Close[i])
		}
	}
	if len(got.Series.Dividends) != 1 || got.Series.Dividends[0].Date != d(3) {
		t.Errorf("dividends %v", got.Series.Dividends)
	}
	if got.From != d(1) || got.To != d(12) || !got.Fetched.Equal(t1) {
		t.Errorf("coverage %v..%v fetched %v", got.From, got.To, got.Fetched)
	}
	if err := got.Validate(); err != nil {
		t.Error(err)
	}
	// Fetching only the head keeps the tail's fetch time.
	head := Merge(old, series("X", map[time.Time]float64{quotes.Date(2023, 12, 29): 0.5}), quotes.Date(2023, 12, 28), d(1), t1)
	if head.From != quotes.Date(2023, 12, 28) || head.To != d(10) || !head.Fetched.Equal(t0) || head.Series.Len() != 6 {
		t.Errorf("head merge: %v..%v fetched %v, %d days", head.From, head.To, head.Fetched, head.Series.Len())
	}
	// A disjoint range cannot be joined: the old entry is dropped.
	far := Merge(old, series("X", map[time.Time]float64{d(20): 9}), d(20), d(21), t1)
	if far.From != d(20) || far.Series.Len() != 1 {
		t.Errorf("disjoint merge kept %v..%v with %d days", far.From, far.To, far.Series.Len())
	}
}

func TestDirLoadUpdate(t *testing.T) {
	dir, err := Open(filepath.Join(t.TempDir(), "yahoo"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dir.Load("^GSPC"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("empty cache: %v", err)
	}
	ctx := context.Background()
	if _, err := dir.Update(ctx, "^GSPC", func(old *Entry) (*Entry, error) {
		if old != nil {
			t.Error("old entry in an empty cache")
		}
		return sample(), nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir.Path(), "%5EGSPC.json")); err != nil {
		t.Fatal(err)
	}
	e, err := dir.Load("^GSPC")
	if err != nil || e.Series.Len() != 3 {
		t.Fatalf("load: %v", err)
	}
	// A file holding another symbol (say, copied by hand) is corrupt.
	data, _ := os.ReadFile(dir.File("^GSPC"))
	os.WriteFile(dir.File("AAPL"), data, 0o644)
	var ce *CorruptError
	if _, err := dir.Load("AAPL"); !errors.As(err, &ce) {
		t.Errorf("foreign file: %v", err)
	}
	// A truncated file is corrupt, and Update starts afresh over it.
	os.WriteFile(dir.File("^GSPC"), data[:len(data)/2], 0o644)
	if _, err := dir.Load("^GSPC"); !errors.As(err, &ce) {
		t.Errorf("truncated file: %v", err)
	}
	if _, err := dir.Update(ctx, "^GSPC", func(old *Entry) (*Entry, error) {
		if old != nil {
			t.Error("corrupt file given as old entry")
		}
		return sample(), nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := dir.Load("^GSPC"); err != nil {
		t.Error(err)
	}
}

func TestMergeReadjustsHistoryForANewSplit(t *testing.T) {
	d := func(day int) time.Time { return quotes.Date(2024, 1, day) }
	t0 := time.Date(2024, 1, 10, 22, 0, 0, 0, time.UTC)
	// Cached before a 4:1 split: closes 400, 404 and a dividend of 0.8.
	old := &Entry{Series: series("X", map[time.Time]float64{d(8): 400, d(9): 404}), From: d(8), To: d(9), Fetched: t0}
	old.Series.Dividends = []quotes.Dividend{{Date: d(9), Amount: 0.8}}
	// The next day's fetch (with its overlap starting on day 10) brings the
	// split on day 11; Yahoo now gives every earlier close divided by 4.
	fresh := series("X", map[time.Time]float64{d(10): 102, d(11): 103})
	fresh.Splits = []quotes.Split{{Date: d(11), Numerator: 4, Denominator: 1}}
	got := Merge(old, fresh, d(10), d(11), t0.Add(24*time.Hour))
	// 400/4 = 100, 404/4 = 101, dividend 0.8/4 = 0.2: as Yahoo re-adjusts.
	want := []float64{100, 101, 102, 103}
	for i, w := range want {
		if got.Series.Close[i] != w {
			t.Errorf("close %d = %v, want %v", i, got.Series.Close[i], w)
		}
	}
	if got.Series.Dividends[0].Amount != 0.2 {
		t.Errorf("dividend %v, want 0.2", got.Series.Dividends[0].Amount)
	}
	if !got.Series.SplitAdjusted {
		t.Error("a Yahoo series must be marked SplitAdjusted")
	}
	// Fetching the same range again (the split already known) changes nothing.
	again := Merge(got, fresh, d(10), d(11), t0.Add(48*time.Hour))
	if again.Series.Close[0] != 100 || again.Series.Dividends[0].Amount != 0.2 {
		t.Errorf("re-merge re-adjusted again: %v %v", again.Series.Close, again.Series.Dividends)
	}
}

// Files of format 1 were written by versions that fetched only the range
// asked for; they are read, marked Legacy, and written back as they were
// until refetched.
func TestFormatV1IsReadAsLegacy(t *testing.T) {
	var buf bytes.Buffer
	if err := Encode(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	current := buf.String()
	if !strings.Contains(current, `"format": "gofolio-yahoo-cache/2"`) {
		t.Fatalf("a current entry is not written in format 2:\n%s", current)
	}
	e, err := Decode(strings.NewReader(current))
	if err != nil || e.Legacy {
		t.Fatalf("format 2: %v, Legacy %v", err, e != nil && e.Legacy)
	}
	v1 := strings.Replace(current, Format, FormatV1, 1)
	e, err = Decode(strings.NewReader(v1))
	if err != nil {
		t.Fatalf("a format 1 file is refused: %v", err)
	}
	if !e.Legacy || e.Series.Len() != 3 {
		t.Errorf("format 1: Legacy %v, %d days", e.Legacy, e.Series.Len())
	}
	var again bytes.Buffer
	if err := Encode(&again, e); err != nil || again.String() != v1 {
		t.Errorf("a legacy entry is not written back in format 1 (%v):\n%s", err, again.String())
	}
}

func TestMergeKeepsLegacyOnlyWithLegacyData(t *testing.T) {
	d := func(day int) time.Time { return quotes.Date(2024, 1, day) }
	t0 := time.Date(2024, 1, 10, 22, 0, 0, 0, time.UTC)
	old := &Entry{Series: series("X", map[time.Time]float64{d(2): 1, d(9): 2}), From: d(2), To: d(10), Fetched: t0, Legacy: true}
	fresh := series("X", map[time.Time]float64{d(9): 2, d(11): 3})
	if got := Merge(old, fresh, d(2), d(11), t0); got.Legacy {
		t.Error("an entry fetched again in full is still Legacy")
	}
	if got := Merge(old, fresh, d(5), d(11), t0); !got.Legacy {
		t.Error("an entry keeping legacy closes lost the mark")
	}
	if got := Merge(old, fresh, d(20), d(21), t0); got.Legacy {
		t.Error("a disjoint fetch, which drops the old entry, kept the mark")
	}
}

// When Yahoo retracts or re-ratios a split, the older closes kept from the
// cache go back to, or over to, the new basis: each cached close times the
// old splits after it, divided by the new ones, is what Yahoo gives now.
func TestMergeRebasesForARetractedOrChangedSplit(t *testing.T) {
	d := func(day int) time.Time { return quotes.Date(2024, 1, day) }
	t0 := time.Date(2024, 1, 10, 22, 0, 0, 0, time.UTC)
	// Cached with a 2:1 split on day 9: the closes before it halved.
	old := &Entry{Series: series("X", map[time.Time]float64{d(2): 50, d(3): 51, d(8): 52, d(9): 106}),
		From: d(2), To: d(10), Fetched: t0}
	old.Series.Dividends = []quotes.Dividend{{Date: d(3), Amount: 0.5}}
	old.Series.Splits = []quotes.Split{{Date: d(9), Numerator: 2, Denominator: 1}}
	for _, tc := range []struct {
		name   string
		splits []quotes.Split
		factor float64 // what the kept closes are multiplied by
	}{
		{"retracted", nil, 2},
		{"re-ratioed 3:1", []quotes.Split{{Date: d(9), Numerator: 3, Denominator: 1}}, 2.0 / 3},
		{"unchanged", []quotes.Split{{Date: d(9), Numerator: 2, Denominator: 1}}, 1},
		{"another added", []quotes.Split{{Date: d(9), Numerator: 2, Denominator: 1}, {Date: d(10), Numerator: 5, Denominator: 1}}, 0.2},
	} {
		// The tail fetched again from day 8: Yahoo's closes before the
		// split on the new basis.
		fresh := series("X", map[time.Time]float64{d(8): 104 / laterRatio(tc.splits, d(8)), d(9): 106 / laterRatio(tc.splits, d(9))})
		fresh.Splits = tc.splits
		got := Merge(old, fresh, d(8), d(10), t0.Add(time.Hour))
		for i, want := range []float64{50 * tc.factor, 51 * tc.factor} {
			if c := got.Series.Close[i]; c-want > 1e-12 || want-c > 1e-12 {
				t.Errorf("%s: close of %v = %v, want %v", tc.name, got.Series.Dates[i], c, want)
			}
		}
		if a, want := got.Series.Dividends[0].Amount, 0.5*tc.factor; a-want > 1e-12 || want-a > 1e-12 {
			t.Errorf("%s: dividend %v, want %v", tc.name, a, want)
		}
		if len(got.Series.Splits) != len(tc.splits) {
			t.Errorf("%s: splits %v, want %v", tc.name, got.Series.Splits, tc.splits)
		}
	}
}
