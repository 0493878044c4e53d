package txfile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// budgetChildEnv makes the test binary, started again by
// TestReadExcelMemoryBudget, read the hostile workbooks itself.
const budgetChildEnv = "GOFOLIO_READ_BUDGET_CHILD"

// budgetKiB is the address space the child may use: reading any of
// the hostile workbooks below (each a few kilobytes to 10 MB) must fit in
// it, with the test's own copies of them. The Go runtime reserves about
// 1 GiB of address space for itself (a test binary fails at start under
// ulimit -v 1048576), so the reader gets under 1 GiB. Before the reader
// bounded what it unzips, the first workbook took 4.6 GB and the process
// died.
const budgetKiB = 2 << 20 // 2 GiB

// TestReadExcelMemoryBudget reads small hostile workbooks in a child
// process whose address space is limited (ulimit -v): a workbook that
// made the reader exceed it would kill the child with "out of memory"
// rather than return a problem.
func TestReadExcelMemoryBudget(t *testing.T) {
	if os.Getenv(budgetChildEnv) == "1" {
		budgetChild(t)
		return
	}
	if testing.Short() {
		t.Skip("skipping the hostile workbooks in -short mode (building them takes seconds)")
	}
	if runtime.GOOS != "linux" {
		t.Skip("ulimit -v is tested on Linux")
	}
	if raceEnabled {
		t.Skip("the race detector reserves terabytes of address space; run without -race")
	}
	cmd := exec.Command("sh", "-c", `ulimit -v "$1" && exec "$2" -test.run='^TestReadExcelMemoryBudget$' -test.v`, "sh", strconv.Itoa(budgetKiB), os.Args[0])
	cmd.Env = append(os.Environ(), budgetChildEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		tail := string(out)
		if len(tail) > 4000 {
			tail = tail[len(tail)-4000:]
		}
		t.Fatalf("the child reading hostile workbooks under ulimit -v %d failed: %v\n%s", budgetKiB, err, tail)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		t.Logf("the child's peak resident memory: %d MiB (address space limit %d MiB)", ru.Maxrss>>10, budgetKiB>>10)
	}
	if !strings.Contains(string(out), "--- PASS: TestReadExcelMemoryBudget") {
		t.Fatalf("the child did not pass:\n%s", out)
	}
}

// budgetCase is a hostile workbook and the start of the first
// problem it must give.
type budgetCase struct {
	name  string
	build func(t *testing.T) []byte
	want  string
}

var budgetCases = []budgetCase{
	// The 47 KB workbook: one shared string just under 16 MiB,
	// the note of 2,000 rows; each row kept its own copy. Its letters
	// compress less than 2 to 1, so the ratio check lets it through: the
	// string's length is the problem. (A string of 32,768 characters to
	// 1 MiB is a problem of each cell using it: TestBadInputs.)
	{name: "a 16 MiB shared string in 2000 rows", build: func(t *testing.T) []byte {
		var rows strings.Builder
		rows.WriteString(handHeader)
		for r := 2; r <= 2001; r++ {
			fmt.Fprintf(&rows, `<row r="%d"><c r="A%d"><v>20160201</v></c><c r="B%d" t="s"><v>0</v></c><c r="C%d"><v>1</v></c><c r="D%d" t="s"><v>1</v></c></row>`, r, r, r, r, r)
		}
		return buildHandBook(t, handBook{shared: []string{"DEPOSIT", letters(16<<20 - 1)}, sheets: []handSheet{{rows: rows.String()}}})
	}, want: `bad.xlsx, sheet Sheet1: "": a cell of at most 32,767 characters (Excel's limit): shared string 1 (counting from 0) has more than 1 MiB`},
	// 60 parts of 16 MiB at 1000 to 1 (988 KB) took 20 s and 2.3 GB:
	// every part was unzipped, and the ratio was checked only above
	// 16 MiB.
	{name: "60 parts of 16 MiB", build: func(t *testing.T) []byte {
		return addRawParts(t, buildHandBook(t, handOneSheet(handHeader)), bytes.Repeat([]byte("<a/>"), 4<<20), "xl/media/part%d.xml", 60)
	}, want: `bad.xlsx: "": a workbook whose parts compress at most 400 to 1: xl/media/part0.xml compresses 16777216 bytes into`},
	// A shared strings table of millions of empty strings (35 KB, 462 MB
	// as excelize's table).
	{name: "3,000,000 empty shared strings", build: func(t *testing.T) []byte {
		return buildHandBook(t, handBook{sharedXML: []byte("<sst>" + strings.Repeat("<si><t/></si>", 3_000_000) + "</sst>"), sheets: []handSheet{{rows: handHeader}}})
	}, want: `bad.xlsx: "": a workbook whose parts compress at most 400 to 1: xl/sharedStrings.xml`},
	// The same kind of table compressing less: within the part limits,
	// so it is read, as one string and an index.
	{name: "300,000 numbered shared strings", build: func(t *testing.T) []byte {
		b := []byte("<sst>")
		for i := range 300_000 {
			b = strconv.AppendInt(append(b, "<si><t>"...), int64(i), 10)
			b = append(b, "</t></si>"...)
		}
		return buildHandBook(t, handBook{sharedXML: append(b, "</sst>"...), sheets: []handSheet{{rows: handHeader}}})
	}, want: `bad.xlsx, sheet Sheet1, row 1: "": transactions below the header row: there are none`},
	// 19 KB of nested XML took 438 MB.
	{name: "6,000,000 nested elements", build: func(t *testing.T) []byte {
		return buildHandBook(t, handHeaderAnd(`<row r="2"><c r="A2">`+strings.Repeat("<a>", 6_000_000)+`</c></row>`))
	}, want: `bad.xlsx: "": a workbook whose parts compress at most 400 to 1: xl/worksheets/sheet1.xml`},
	{name: "300,000 nested elements", build: func(t *testing.T) []byte {
		return buildHandBook(t, handHeaderAnd(`<row r="2"><c r="A2">`+strings.Repeat("<a>", 300_000)+`</c></row>`))
	}, want: `bad.xlsx, sheet Sheet1, row 2, column date: "": a readable workbook: xl/worksheets/sheet1.xml: elements nested more than 100 deep`},
	// One text of 8 MiB: the decoder would hold it whole, however large.
	{name: "an 8 MiB text", build: func(t *testing.T) []byte {
		return buildHandBook(t, handHeaderAnd(handRow(2, 20160201, "DEPOSIT", 1, letters(8<<20))))
	}, want: `bad.xlsx, sheet Sheet1, row 2, column note: "": a cell of at most 32,767 characters (Excel's limit): xl/worksheets/sheet1.xml has a text or tag of more than 1 MiB here`},
}

// addRawParts adds n entries named by format to a zip archive, each
// holding content, compressed once.
func addRawParts(t *testing.T, data, content []byte, format string, n int) []byte {
	var deflated bytes.Buffer
	fw, err := flate.NewWriter(&deflated, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf(format, i), Method: zip.Deflate,
			CRC32: crc32.ChecksumIEEE(content), CompressedSize64: uint64(deflated.Len()), UncompressedSize64: uint64(len(content))})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(deflated.Bytes()); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func handHeaderAnd(rows string) handBook { return handOneSheet(handHeader, rows) }

func budgetChild(t *testing.T) {
	for _, c := range budgetCases {
		t.Run(c.name, func(t *testing.T) {
			data := c.build(t)
			runtime.GC()
			_, err := ReadExcel(bytes.NewReader(data), Options{Name: "bad.xlsx"})
			var ve *txn.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a *ValidationError", err)
			}
			if got := ve.Problems[0].String(); !strings.HasPrefix(got, c.want) {
				t.Errorf("first problem:\n%s\nwant it to start with:\n%s", got, c.want)
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			t.Logf("%d KB workbook; %d problems; heap obtained from the system so far: %d MiB", len(data)>>10, len(ve.Problems), ms.HeapSys>>20)
		})
	}
}
