package notebook

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"

	"github.com/gofolio/gofolio/report/chart"
)

// The MIME types the package sends.
const (
	MIMEHTML  = "text/html"
	MIMEPlain = "text/plain"
	MIMESVG   = "image/svg+xml"
	MIMEPNG   = "image/png"
)

// ErrNotNotebook is returned by the package-level functions when the program
// was not started by the gonb kernel, so there is no notebook to show
// anything in.
var ErrNotNotebook = errors.New("notebook: not running under the gonb kernel")

// A Bundle is one rich output: its content in one or more MIME types, of which
// the front end shows the richest it supports. Values are strings.
type Bundle map[string]string

// A Display sends bundles to a notebook front end.
type Display struct {
	send func(Bundle) error
}

// New returns a Display that hands every bundle to send.
func New(send func(Bundle) error) *Display {
	return &Display{send: send}
}

// gonb is the Display of the gonb kernel running this program.
var gonb = New(sendGonb)

// sendGonb sends b to gonb through gonbui, which reports failures only
// through gonbui.Error, and waits until gonb has it, so that the output is
// in the notebook when the cell's program exits.
func sendGonb(b Bundle) error {
	if !gonbui.IsNotebook {
		return ErrNotNotebook
	}
	data := make(map[protocol.MIMEType]any, len(b))
	for mime, content := range b {
		data[protocol.MIMEType(mime)] = content
	}
	gonbui.SendData(&protocol.DisplayData{Data: data})
	gonbui.Sync()
	if err := gonbui.Error(); err != nil {
		return fmt.Errorf("notebook: sending to gonb: %w", err)
	}
	return nil
}

// Chart shows p, drawn by chart.WritePNG, as an image that survives every
// way a notebook is viewed and shared: a text/html output holding an <img>
// of the PNG (a data: URL), with the PNG itself as the image/png
// alternative and the plot's title as the text/plain one. Not an
// image/svg+xml output: jupyter nbconvert --to html passes those through
// lxml's HTML cleaner, which strips the SVG elements and leaves a blank
// chart with its labels as loose text (Debian's nbconvert 6.5), while it
// copies text/html outputs as they are and front ends show the text/html
// first. It takes a chart constructor's results as they are, so that a
// cell reads
//
//	must.M(notebook.Chart(chart.Drawdown("Drawdown", line)))
//
// and returns err, wrapped, when it is not nil.
func Chart(p *chart.Plot, err error) error { return gonb.Chart(p, err) }

// Chart is the package-level Chart on d.
func (d *Display) Chart(p *chart.Plot, err error) error {
	if err != nil {
		return fmt.Errorf("notebook: chart: %w", err)
	}
	if p == nil {
		return errors.New("notebook: chart: nil plot")
	}
	png, err := renderPNG(p)
	if err != nil {
		return err
	}
	return d.send(Bundle{MIMEHTML: imageHTML(p, png), MIMEPNG: png, MIMEPlain: altText(p)})
}

// imageHTML is an <img> of png (base64), chart.Width by chart.Height
// pixels, shrinking with a narrower output area, with the plot's title as
// its alternative text.
func imageHTML(p *chart.Plot, png string) string {
	return fmt.Sprintf(`<img class="gofolio-chart" alt="%s" width="%d" height="%d" style="max-width:100%%;height:auto" src="data:image/png;base64,%s">`,
		html.EscapeString(altText(p)), chart.Width, chart.Height, png)
}

// HTML shows html as a text/html output with plain as its text/plain
// alternative.
func HTML(html, plain string) error { return gonb.HTML(html, plain) }

// HTML is the package-level HTML on d.
func (d *Display) HTML(html, plain string) error {
	return d.send(Bundle{MIMEHTML: html, MIMEPlain: plain})
}

// renderPNG is p drawn by chart.WritePNG, in base64 as notebooks store
// images.
func renderPNG(p *chart.Plot) (string, error) {
	var buf bytes.Buffer
	if err := chart.WritePNG(&buf, p); err != nil {
		return "", fmt.Errorf("notebook: drawing %q: %w", p.Title.Text, err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// altText describes a chart for front ends that show no image.
func altText(p *chart.Plot) string {
	if p.Title.Text == "" {
		return "[chart]"
	}
	return "[chart: " + p.Title.Text + "]"
}
