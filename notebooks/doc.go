// Package notebooks holds gofolio's Jupyter notebooks (portfolio.ipynb,
// tearsheet.ipynb), which run with the Go kernel gonb, and their checker.
//
// The notebooks are documentation that users run, so they are executed on
// every CI run: run.sh installs Jupyter and gonb when missing, executes each
// notebook headless with jupyter nbconvert and then runs this package's
// TestExecutedNotebooks on the executed copies. The checker requires of each
// executed notebook that every code cell ran, that no cell has an error
// output or wrote to stderr, that each cell tagged "chart" shows an image
// (image/png or image/svg+xml), and that the STATS and RELATIVE records the
// statistics tables carry out of the reader's sight (report/notebook.MIMERecords)
// hold exactly the figures the Go API computes for the same inputs;
// TestExportedNotebooks exports each to HTML with nbconvert and checks in
// headless Chromium that every chart shows pixels, with a screenshot of
// each page. The other tests check that the committed notebooks carry no
// outputs and start with the setup cell (setup.sh).
package notebooks
