package notebook

import (
	"fmt"
	"html"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"github.com/gofolio/gofolio/internal/numfmt"
)

// Frame shows a gota data frame, such as dataframe.Performance(p) (package
// portfolio/dataframe), as an HTML table, and as aligned text for front
// ends that show no HTML. A frame longer than maxRows shows its first and
// last rows, maxRows in all, around a "…" row; maxRows ≤ 0 shows every row.
// Cells are formatted as people read them, by column name (frameColumn):
// a column named for a fraction (…return, drawdown, weight) as a
// percentage with two decimals, a quantity with up to four decimals, any
// other float column as money with two; every number with thousands
// separators, an undefined one (NaN) as "–". Column names read as words,
// whichever style the frame uses: "cost_basis" and "CostBasis" are both
// "Cost basis", "pnl" is "P&L".
func Frame(df dataframe.DataFrame, maxRows int) error { return gonb.Frame(df, maxRows) }

// Frame is the package-level Frame on d.
func (d *Display) Frame(df dataframe.DataFrame, maxRows int) error {
	if df.Err != nil {
		return fmt.Errorf("notebook: frame: %w", df.Err)
	}
	t := frameTable(df)
	rows, gap := shownRows(df.Nrow(), maxRows)
	return d.HTML(t.frameHTML(rows, gap), t.frameText(rows, gap))
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

// formattedFrame is a frame's cells formatted: its headers and, column by
// column, every cell's text.
type formattedFrame struct {
	header  []string
	cols    [][]string
	numeric []bool
	nrow    int
}

func frameTable(df dataframe.DataFrame) *formattedFrame {
	names := df.Names()
	f := &formattedFrame{header: make([]string, len(names)), cols: make([][]string, len(names)), numeric: make([]bool, len(names)), nrow: df.Nrow()}
	for j, name := range names {
		f.header[j] = columnTitle(name)
		f.cols[j], f.numeric[j] = columnText(name, df.Col(name))
	}
	return f
}

func (f *formattedFrame) frameHTML(rows []int, gap int) string {
	var b strings.Builder
	b.WriteString(`<table class="gofolio-frame"><thead><tr>`)
	for j, name := range f.header {
		align := "left"
		if f.numeric[j] {
			align = "right"
		}
		fmt.Fprintf(&b, `<th style="text-align:%s">%s</th>`, align, html.EscapeString(name))
	}
	b.WriteString("</tr></thead><tbody>\n")
	for k, i := range rows {
		if k == gap {
			fmt.Fprintf(&b, `<tr><td colspan="%d" style="text-align:center">…</td></tr>`+"\n", len(f.header))
		}
		b.WriteString("<tr>")
		for j := range f.header {
			align := "left"
			if f.numeric[j] {
				align = "right"
			}
			fmt.Fprintf(&b, `<td style="text-align:%s">%s</td>`, align, html.EscapeString(f.cols[j][i]))
		}
		b.WriteString("</tr>\n")
	}
	fmt.Fprintf(&b, "</tbody></table><p><small>%s rows × %d columns</small></p>", numfmt.Grouped(float64(f.nrow), 0), len(f.header))
	return b.String()
}

// frameText is the frame as aligned text, numbers right-aligned.
func (f *formattedFrame) frameText(rows []int, gap int) string {
	width := make([]int, len(f.header))
	for j, h := range f.header {
		width[j] = utf8.RuneCountInString(h)
		for _, i := range rows {
			width[j] = max(width[j], utf8.RuneCountInString(f.cols[j][i]))
		}
	}
	var b strings.Builder
	line := func(cell func(j int) string) {
		for j := range f.header {
			s := cell(j)
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(s))
			if j > 0 {
				b.WriteString("  ")
			}
			if f.numeric[j] {
				b.WriteString(pad + s)
			} else {
				b.WriteString(s + pad)
			}
		}
		b.WriteString("\n")
	}
	line(func(j int) string { return f.header[j] })
	for k, i := range rows {
		if k == gap {
			b.WriteString("…\n")
		}
		line(func(j int) string { return f.cols[j][i] })
	}
	fmt.Fprintf(&b, "%s rows × %d columns\n", numfmt.Grouped(float64(f.nrow), 0), len(f.header))
	return b.String()
}

// columnTitle is a column name as words, first letter capitalised:
// "cost_basis", "CostBasis" and "cost basis" are "Cost basis"; the word
// "pnl" is "P&L".
func columnTitle(name string) string {
	var words []string
	var w []rune
	flush := func() {
		if len(w) > 0 {
			words = append(words, strings.ToLower(string(w)))
			w = w[:0]
		}
	}
	runes := []rune(name)
	for i, r := range runes {
		switch {
		case r == '_' || r == ' ' || r == '-':
			flush()
			continue
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(runes[i-1]) || i+1 < len(runes) && unicode.IsLower(runes[i+1])):
			flush()
		}
		w = append(w, r)
	}
	flush()
	for i, word := range words {
		if word == "pnl" {
			words[i] = "P&L"
		}
	}
	if len(words) == 0 {
		return name
	}
	first := []rune(words[0])
	first[0] = unicode.ToUpper(first[0])
	words[0] = string(first)
	return strings.Join(words, " ")
}

// A columnKind says how a float column's cells are written.
type columnKind int

const (
	moneyColumn    columnKind = iota // 1,234.57
	percentColumn                    // 12.35%, for a fraction 0.12345
	quantityColumn                   // 1,234.5
)

// frameColumn is how the float column name is written: a percentage when
// its last word is return, drawdown or weight (the performance frame's
// fractions and Position.Weight), a quantity when it is quantity, money
// otherwise.
func frameColumn(name string) columnKind {
	words := strings.Fields(strings.ToLower(columnTitle(name)))
	if len(words) == 0 {
		return moneyColumn
	}
	switch words[len(words)-1] {
	case "return", "drawdown", "weight":
		return percentColumn
	case "quantity":
		return quantityColumn
	}
	return moneyColumn
}

// columnText formats every value of s, column name, and says whether it is
// numeric.
func columnText(name string, s series.Series) ([]string, bool) {
	out := make([]string, s.Len())
	switch s.Type() {
	case series.Float:
		format := money
		switch frameColumn(name) {
		case percentColumn:
			format = percent
		case quantityColumn:
			format = quantity
		}
		for i, x := range s.Float() {
			out[i] = format(x)
		}
		return out, true
	case series.Int: // counts and years: as they are
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
				align := "right"
				if c.left {
					align = "left"
				}
				fmt.Fprintf(&b, `<td style="text-align:%s">%s</td>`, align, html.EscapeString(c.text))
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
