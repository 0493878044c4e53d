package cache

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/atomicfile"
	"github.com/gofolio/gofolio/quotes"
)

// The crash and concurrency tests re-run the test binary as child
// processes; these variables tell a child what to do.
const (
	envChildDir  = "GOFOLIO_CACHE_TEST_DIR"
	envChildRole = "GOFOLIO_CACHE_TEST_ROLE" // "crash" or "add:<first day>:<step>:<count>"
)

// TestChild is the child side; it does nothing in a normal run.
func TestChild(t *testing.T) {
	dirPath, role := os.Getenv(envChildDir), os.Getenv(envChildRole)
	if dirPath == "" {
		t.Skip("only runs as a child of TestCrashMidWrite or TestConcurrentProcesses")
	}
	dir, err := Open(dirPath)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	switch {
	case role == "crash":
		testHookMidWrite = func(path string) {
			fmt.Println("HALF-WRITTEN")
			os.Stdout.Sync()
			time.Sleep(time.Minute) // the parent kills us here
		}
		e := sample()
		e.Series.Close[0] = 9999
		dir.Update(ctx, e.Series.Symbol, func(*Entry) (*Entry, error) { return e, nil })
		t.Fatal("the parent should have killed this process")
	case strings.HasPrefix(role, "add:"):
		var first, step, count int
		fmt.Sscanf(role, "add:%d:%d:%d", &first, &step, &count)
		for i := 0; i < count; i++ {
			day := quotes.Date(2024, 1, 1).AddDate(0, 0, first+i*step)
			_, err := dir.Update(ctx, "BRK-B", func(old *Entry) (*Entry, error) {
				return addDay(old, day), nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}

// addDay returns old (or an empty entry covering 2024) with a close of
// day's day-of-year on day.
func addDay(old *Entry, day time.Time) *Entry {
	e := &Entry{Series: &quotes.Series{Symbol: "BRK-B", Currency: "USD"},
		From: quotes.Date(2024, 1, 1), To: quotes.Date(2024, 12, 31), Fetched: time.Now()}
	if old != nil {
		e.Series.Dates = append(e.Series.Dates, old.Series.Dates...)
		e.Series.Close = append(e.Series.Close, old.Series.Close...)
	}
	e.Series.Dates = append(e.Series.Dates, day)
	e.Series.Close = append(e.Series.Close, float64(day.YearDay()))
	sort.Sort(byDate{e.Series})
	return e
}

func child(t *testing.T, dir, role string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envChildDir+"="+dir, envChildRole+"="+role)
	return cmd
}

func TestCrashMidWrite(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skipf("needs SIGKILL and re-exec, not on %s", runtime.GOOS)
	}
	dirPath := t.TempDir()
	dir, err := Open(dirPath)
	if err != nil {
		t.Fatal(err)
	}
	good := sample()
	if _, err := dir.Update(context.Background(), good.Series.Symbol, func(*Entry) (*Entry, error) { return good, nil }); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(dir.File(good.Series.Symbol))

	cmd := child(t, dirPath, "crash")
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	ready := false
	for sc.Scan() {
		if strings.Contains(sc.Text(), "HALF-WRITTEN") {
			ready = true
			break
		}
	}
	cmd.Process.Kill() // SIGKILL: no deferred cleanup runs
	go func() {
		for sc.Scan() {
		}
	}()
	cmd.Wait()
	if !ready {
		t.Fatal("child never reached the middle of the write")
	}

	after, err := os.ReadFile(dir.File(good.Series.Symbol))
	if err != nil || string(after) != string(before) {
		t.Fatalf("cache file changed by a killed writer (err %v):\n%s", err, after)
	}
	if _, err := dir.Load(good.Series.Symbol); err != nil {
		t.Fatalf("previous good file unusable: %v", err)
	}
	// The half-written temporary file is left behind, hidden, and is
	// what RemoveStale cleans.
	entries, _ := os.ReadDir(dirPath)
	var temps []string
	for _, e := range entries {
		if atomicfile.IsTemp(e.Name()) {
			temps = append(temps, e.Name())
		}
	}
	if len(temps) != 1 {
		t.Fatalf("temporary files %v, want the one of the killed writer", temps)
	}
	if n, err := atomicfile.RemoveStale(dirPath, 0); n != 1 || err != nil {
		t.Errorf("RemoveStale removed %d, %v", n, err)
	}
}

func TestConcurrentProcesses(t *testing.T) {
	if runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skipf("no processes on %s", runtime.GOOS)
	}
	dirPath := t.TempDir()
	const perChild = 15
	// Child A adds days 0, 2, 4...; child B days 1, 3, 5... of 2024, each
	// through a read-modify-write Update. Without the lock some updates
	// would be lost.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	outs := make([][]byte, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = child(t, dirPath, "add:"+strconv.Itoa(i)+":2:"+strconv.Itoa(perChild)).CombinedOutput()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("child %d: %v\n%s", i, err, outs[i])
		}
	}
	dir, _ := Open(dirPath)
	e, err := dir.Load("BRK-B")
	if err != nil {
		t.Fatal(err)
	}
	if e.Series.Len() != 2*perChild {
		t.Fatalf("%d days after two processes added %d each: updates were lost", e.Series.Len(), perChild)
	}
	for i, d := range e.Series.Dates {
		if want := quotes.Date(2024, 1, 1+i); d != want || e.Series.Close[i] != float64(1+i) {
			t.Errorf("day %d: %v %v", i, d, e.Series.Close[i])
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dirPath, ".*"+".tmp-*")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
}
