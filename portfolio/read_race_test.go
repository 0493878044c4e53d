//go:build race

package portfolio

const readRaceEnabled = true
