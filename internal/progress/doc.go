// Package progress draws a one-line progress display on a terminal: each
// update rewrites the line in place (carriage return and erase-to-end), and
// Done ends it with a newline. IsTerminal tells whether a file is a
// terminal, so that programs show progress only to people and never write
// control characters into a log or a pipe.
package progress
