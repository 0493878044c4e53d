package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/gofolio/gofolio/internal/atomicfile"
	"github.com/gofolio/gofolio/report"
)

// writeOutputs writes the HTML report and, with -xlsx, the frames workbook,
// each atomically, and prints their paths.
func writeOutputs(stdout io.Writer, j *job) error {
	o := j.opts
	if o.out != "" {
		var ro report.Options
		switch {
		case o.echarts == "":
		case strings.HasPrefix(o.echarts, "http://"), strings.HasPrefix(o.echarts, "https://"):
			ro.EChartsURL = o.echarts
		default:
			ro.EChartsFile = o.echarts
		}
		if err := report.WriteFile(o.out, j.input, ro); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "report: %s\n", absolute(o.out))
	}
	if o.xlsx != "" {
		err := atomicfile.Write(o.xlsx, 0o644, func(w io.Writer) error { return j.result.WriteExcel(w) })
		if err != nil {
			return fmt.Errorf("writing %s: %w", o.xlsx, err)
		}
		fmt.Fprintf(stdout, "frames: %s\n", absolute(o.xlsx))
	}
	return nil
}

func absolute(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
