//go:build notebookdeps

package notebooks

// The notebooks import these modules, which no package of the library
// does. Importing them here, behind a build tag nothing sets, keeps them in
// go.mod and go.sum through `go mod tidy`, so the notebooks' setup cell,
// which pins every module at gofolio's version and copies its go.sum, can
// build them without the network.
import (
	_ "github.com/janpfeifer/gonb/gonbui"
	_ "github.com/janpfeifer/must"
)
