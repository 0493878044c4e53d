package txn

import "testing"

// TestOriginAction: a broker's own action name follows the row in
// messages, quoted and escaped like any value found in a file; a row
// without one prints as before.
func TestOriginAction(t *testing.T) {
	for _, c := range []struct {
		o    Origin
		want string
	}{
		{Origin{File: "t212.csv", Row: 3, Action: "Market buy"}, `t212.csv, row 3, action "Market buy"`},
		{Origin{File: "v.csv", Row: 9, Action: "DIV:\x1b[2J"}, `v.csv, row 9, action "DIV:\x1b[2J"`},
		{Origin{File: "own.csv", Row: 2}, `own.csv, row 2`},
	} {
		if got := c.o.String(); got != c.want {
			t.Errorf("%+v: %s, want %s", c.o, got, c.want)
		}
	}
	p := Problem{Origin: Origin{File: "s.csv", Row: 4, Action: "Wire Sent"}, Column: "Amount", Value: "x", Expected: "a number"}
	if got, want := p.String(), `s.csv, row 4, action "Wire Sent", column Amount: "x": a number`; got != want {
		t.Errorf("problem: %s, want %s", got, want)
	}
}
