package report

import "strconv"

// statCell is a cell of a statistics table as shown: the value in its
// row's format ("" for a statistic that does not apply to the column)
// and, for a NaN value with a reason, the reason and the number of its
// note (0 for none).
type statCell struct {
	Text   string
	Note   int
	Reason string
}

// statRowView is a row of a statistics table as shown.
type statRowView struct {
	Name  string
	Cells []statCell
}

// statTable is a statistics table as shown.
type statTable struct {
	Columns []string
	Rows    []statRowView
}

// statTables formats tables, numbering each distinct reason once across
// all of them, in the order met row by row: a short period gives the same
// reason in many cells (every annualised figure, every relative statistic
// of every benchmark), which would swamp the tables if written in each.
// notes[k−1] is the reason of note k.
func statTables(tables ...Statistics) (out []statTable, notes []string) {
	note := map[string]int{}
	for _, st := range tables {
		t := statTable{Columns: st.Columns}
		for _, r := range st.Rows {
			row := statRowView{Name: r.Name, Cells: make([]statCell, len(r.Values))}
			for j, v := range r.Values {
				if j < len(r.Blank) && r.Blank[j] {
					continue // does not apply: an empty cell
				}
				c := statCell{Text: formatStat(r.Format, v)}
				if j < len(r.Reasons) && r.Reasons[j] != "" && !known(v) {
					why := r.Reasons[j]
					if note[why] == 0 {
						notes = append(notes, why)
						note[why] = len(notes)
					}
					c.Note, c.Reason = note[why], why
				}
				row.Cells[j] = c
			}
			t.Rows = append(t.Rows, row)
		}
		out = append(out, t)
	}
	return out, notes
}

// Cells formats the statistics table as the report shows it, for programs
// that print it as text: cells[i][j] is Rows[i].Values[j] in the row's
// format ("–" when NaN, "" when Blank), followed by " [k]" when
// Reasons[j] says why it is NaN; notes[k−1] is that reason. Each distinct
// reason is one note, numbered in the order met, row by row.
func (st Statistics) Cells() (cells [][]string, notes []string) {
	all, notes := StatisticsCells(st)
	return all[0], notes
}

// StatisticsCells is Cells for several tables shown together, such as
// Input.Statistics and Input.Relative, whose notes are numbered across
// all of them: cells[t] is table t's.
func StatisticsCells(tables ...Statistics) (cells [][][]string, notes []string) {
	ts, notes := statTables(tables...)
	cells = make([][][]string, len(ts))
	for k, t := range ts {
		cells[k] = make([][]string, len(t.Rows))
		for i, r := range t.Rows {
			cells[k][i] = make([]string, len(r.Cells))
			for j, c := range r.Cells {
				cells[k][i][j] = c.Text
				if c.Note > 0 {
					cells[k][i][j] += " [" + strconv.Itoa(c.Note) + "]"
				}
			}
		}
	}
	return cells, notes
}
