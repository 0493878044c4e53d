package report

// Text formats v as the report shows it in format f ("–" when v is NaN),
// for programs that print the same figures as text.
func (f Format) Text(v float64) string { return formatStat(f, v) }
