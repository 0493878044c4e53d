package notebook

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Frame shows a gota data frame, such as dataframe.Performance(p) (package portfolio/dataframe),
// as an HTML table with the frame's own text rendering as the text/plain
// alternative. A frame longer than maxRows shows its first and last rows,
// maxRows in all, around a "…" row; maxRows ≤ 0 shows every row. Float
// columns show two decimals when their largest magnitude is 100 or more
// (money) and six otherwise (returns, rates), NaN as "NaN".
func Frame(df dataframe.DataFrame, maxRows int) error { return gonb.Frame(df, maxRows) }

// Frame is the package-level Frame on d.
func (d *Display) Frame(df dataframe.DataFrame, maxRows int) error {
	if df.Err != nil {
		return fmt.Errorf("notebook: frame: %w", df.Err)
	}
	return d.HTML(frameHTML(df, maxRows), df.String())
}

// shownRows lists the row indices a table of n rows shows with at most max,
// and where the "…" row goes (-1 for none).
func shownRows(n, max int) (rows []int, gap int) {
	if max <= 0 || n <= max {
		rows = make([]int, n)
		for i := range rows {
			rows[i] = i
		}
		return rows, -1
	}
	head := (max + 1) / 2
	tail := max - head
	for i := range head {
		rows = append(rows, i)
	}
	for i := n - tail; i < n; i++ {
		rows = append(rows, i)
	}
	return rows, head
}

func frameHTML(df dataframe.DataFrame, maxRows int) string {
	names := df.Names()
	cols := make([][]string, len(names))
	numeric := make([]bool, len(names))
	for j, name := range names {
		cols[j], numeric[j] = columnText(df.Col(name))
	}
	rows, gap := shownRows(df.Nrow(), maxRows)
	var b strings.Builder
	b.WriteString(`<table class="gofolio-frame"><thead><tr>`)
	for _, name := range names {
		fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(name))
	}
	b.WriteString("</tr></thead><tbody>\n")
	for k, i := range rows {
		if k == gap {
			fmt.Fprintf(&b, `<tr><td colspan="%d" style="text-align:center">…</td></tr>`+"\n", len(names))
		}
		b.WriteString("<tr>")
		for j := range names {
			align := "left"
			if numeric[j] {
				align = "right"
			}
			fmt.Fprintf(&b, `<td style="text-align:%s">%s</td>`, align, html.EscapeString(cols[j][i]))
		}
		b.WriteString("</tr>\n")
	}
	fmt.Fprintf(&b, "</tbody></table><p><small>%d rows × %d columns</small></p>", df.Nrow(), df.Ncol())
	return b.String()
}

// columnText formats every value of s, and says whether it is numeric.
func columnText(s series.Series) ([]string, bool) {
	out := make([]string, s.Len())
	switch s.Type() {
	case series.Float:
		v := s.Float()
		decimals := 6
		for _, x := range v {
			if math.Abs(x) >= 100 && !math.IsInf(x, 0) {
				decimals = 2
				break
			}
		}
		for i, x := range v {
			out[i] = strconv.FormatFloat(x, 'f', decimals, 64)
		}
		return out, true
	case series.Int:
		for i := range out {
			out[i] = s.Elem(i).String()
		}
		return out, true
	default:
		for i := range out {
			out[i] = s.Elem(i).String()
		}
		return out, false
	}
}

// table is a small table of cells with a header row, rendered as HTML and as
// aligned text.
type table struct {
	header []string
	rows   []tableRow
}

type tableRow struct {
	name  string
	cells []cell
}

func (t *table) html() string {
	var b strings.Builder
	b.WriteString(`<table class="gofolio-stats"><thead><tr>`)
	for _, h := range t.header {
		fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(h))
	}
	b.WriteString("</tr></thead><tbody>\n")
	for _, r := range t.rows {
		fmt.Fprintf(&b, `<tr><th style="text-align:left">%s</th>`, html.EscapeString(r.name))
		for _, c := range r.cells {
			if c.reason != "" {
				fmt.Fprintf(&b, `<td style="text-align:right" title="%s">%s</td>`, html.EscapeString(c.reason), html.EscapeString(c.text))
			} else {
				fmt.Fprintf(&b, `<td style="text-align:right">%s</td>`, html.EscapeString(c.text))
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table>")
	return b.String()
}

func (t *table) text() string {
	var b strings.Builder
	// Right-aligned columns; the row names are padded to one width so that
	// they read left-aligned.
	width := len([]rune(t.header[0]))
	for _, r := range t.rows {
		width = max(width, len([]rune(r.name)))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", width-len([]rune(s))) }
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, pad(t.header[0])+"\t"+strings.Join(t.header[1:], "\t")+"\t")
	for _, r := range t.rows {
		texts := make([]string, len(r.cells))
		for i, c := range r.cells {
			texts[i] = c.text
		}
		fmt.Fprintln(w, pad(r.name)+"\t"+strings.Join(texts, "\t")+"\t")
	}
	w.Flush()
	return b.String()
}
