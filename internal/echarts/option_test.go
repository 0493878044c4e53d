package echarts

import (
	"encoding/json"
	"image/color"
	"math"
	"testing"
)

func TestNum(t *testing.T) {
	b, err := json.Marshal(Nums([]float64{0.123456789, math.NaN(), math.Inf(-1), 2}, 100))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "[12.34568,null,null,200]"; got != want {
		t.Errorf("Nums = %s, want %s", got, want)
	}
}

func TestHexColors(t *testing.T) {
	got := HexColors([]color.Color{color.RGBA{R: 0x1a, G: 0x56, B: 0xdb, A: 0xff}, color.Gray{Y: 0x80}})
	if len(got) != 2 || got[0] != "#1a56db" || got[1] != "#808080" {
		t.Errorf("HexColors = %q", got)
	}
}

func TestOmitsUnset(t *testing.T) {
	b, err := json.Marshal(Option{Series: []Series{{Name: "a", Type: "line", Data: []Num{}}}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"animation":false,"grid":{"left":0,"right":0,"top":0,"bottom":0,"containLabel":false},"tooltip":{"trigger":""},"xAxis":{"type":""},"yAxis":{"type":""},"series":[{"name":"a","type":"line","data":[]}]}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}
