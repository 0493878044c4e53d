#!/usr/bin/env bash
# setup.sh points a gonb notebook's Go module at gofolio on disk. The
# notebooks' first cell runs it in the notebook's module directory:
#
#   !*"${GOFOLIO_REPO:-$GONB_DIR/..}/notebooks/setup.sh"
#
# gofolio is $GOFOLIO_REPO when set (for a notebook copied out of the
# repository: `%env GOFOLIO_REPO=/path/to/gofolio` before the cell), else the
# checkout this script is in. The module requires gofolio at the zero
# pseudo-version, replaced by the checkout, and pins every other module at
# the version gofolio's go.mod uses, with gofolio's go.sum, so that nothing
# is looked up on the network.
set -euo pipefail
repo=${GOFOLIO_REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
if [ ! -f "$repo/go.mod" ] || ! grep -q '^module github.com/gofolio/gofolio$' "$repo/go.mod"; then
	echo "setup.sh: $repo is not a gofolio checkout (no go.mod of module github.com/gofolio/gofolio); set GOFOLIO_REPO" >&2
	exit 1
fi
# shellcheck disable=SC2046 # one -require flag per module
go mod edit -require github.com/gofolio/gofolio@v0.0.0-00010101000000-000000000000 \
	-replace github.com/gofolio/gofolio="$repo" \
	$(cd "$repo" && go list -m -f '{{if not .Main}}-require={{.Path}}@{{.Version}}{{end}}' all)
cp "$repo/go.sum" go.sum
echo "gofolio from $repo"
