//go:build race

package txfile

const raceEnabled = true
