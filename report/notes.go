package report

import "strconv"

// statCell is a cell of the statistics table as shown: the value in its
// row's format and, for a NaN value with a reason, the reason and the
// number of its note (0 for none).
type statCell struct {
	Text   string
	Note   int
	Reason string
}

// statRowView is a row of the statistics table as shown.
type statRowView struct {
	Name  string
	Cells []statCell
}

// statTable is the statistics table as shown: Notes[k−1] is the reason of
// note k.
type statTable struct {
	Rows  []statRowView
	Notes []string
}

// table formats st, numbering each distinct reason once, in the order met
// row by row: a short period gives the same reason in many cells (every
// annualised figure, every relative statistic of every benchmark), which
// would swamp the table if written in each.
func (st Statistics) table() statTable {
	var t statTable
	note := map[string]int{}
	for _, r := range st.Rows {
		row := statRowView{Name: r.Name, Cells: make([]statCell, len(r.Values))}
		for j, v := range r.Values {
			c := statCell{Text: formatStat(r.Format, v)}
			if j < len(r.Reasons) && r.Reasons[j] != "" && !known(v) {
				why := r.Reasons[j]
				if note[why] == 0 {
					t.Notes = append(t.Notes, why)
					note[why] = len(t.Notes)
				}
				c.Note, c.Reason = note[why], why
			}
			row.Cells[j] = c
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Cells formats the statistics table as the report shows it, for programs
// that print it as text: cells[i][j] is Rows[i].Values[j] in the row's
// format ("–" when NaN), followed by " [k]" when Reasons[j] says why it is
// NaN; notes[k−1] is that reason. Each distinct reason is one note,
// numbered in the order met, row by row.
func (st Statistics) Cells() (cells [][]string, notes []string) {
	t := st.table()
	cells = make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		cells[i] = make([]string, len(r.Cells))
		for j, c := range r.Cells {
			cells[i][j] = c.Text
			if c.Note > 0 {
				cells[i][j] += " [" + strconv.Itoa(c.Note) + "]"
			}
		}
	}
	return cells, t.Notes
}
