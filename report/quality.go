package report

import "github.com/gofolio/gofolio/quotes/quality"

// DataQuality is what the check of the market data (package quotes/quality)
// found, for the report's "Data quality" section, which shows only when
// Findings has any: each finding on one line, the largest estimated effect
// on the figures first, and each row a repair (-repair) changed.
type DataQuality struct {
	Findings []string
	Repaired []string
}

// NewDataQuality is the section for findings, in the order quality.Check
// returns them (largest impact first), and the changes quality.Repair made
// (none when nothing was repaired).
func NewDataQuality(findings []quality.Finding, changes []quality.Change) DataQuality {
	return DataQuality{Findings: WarningTexts(findings), Repaired: WarningTexts(changes)}
}
