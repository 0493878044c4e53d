package txfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// TestReadPicksBrokerReader: Read hands a CSV with a broker's header to
// that broker's reader (cgt-calc's raw CSV: DIVIDEND is quantity × price
// there, 4200 × 0.80 = 3360, where gofolio's own layout would want an
// amount), keeps gofolio's own layout and its account column, and adds
// the closest broker layouts to a header matching neither.
func TestReadPicksBrokerReader(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	raw := write("raw.csv", "date,action,symbol,quantity,price,fees,currency\n2023-02-09,DIVIDEND,OPRA,4200,0.80,0.0,USD\n")
	txs, err := Read(raw, Options{})
	if err != nil || len(txs) != 1 || txs[0].Kind != txn.Dividend || txs[0].Amount != 3360 || txs[0].Account != "raw" || txs[0].Origin.Action != "DIVIDEND" {
		t.Fatalf("raw: %+v, %v", txs, err)
	}
	own := write("own.csv", "date,kind,amount,currency,account\n2024-01-02,DEPOSIT,10,GBP,isa\n")
	txs, err = Read(own, Options{})
	if err != nil || len(txs) != 1 || txs[0].Account != "isa" {
		t.Fatalf("own: %+v, %v", txs, err)
	}
	other := write("other.csv", "Datum,Action,Total\n2024-01-02,Deposit,10\n")
	_, err = Read(other, Options{})
	want := other + `, row 1: "Datum,Action,Total": gofolio's own layout (above) or a broker export gofolio recognises; the closest known layouts are Trading 212 CSV (lacks "Time", "Ticker", "No. of shares")`
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "missing column: a date column") {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
