#!/usr/bin/env bash
# run.sh executes gofolio's notebooks headless with the Go kernel gonb and
# checks the executed copies.
#
#   notebooks/run.sh                      every notebooks/*.ipynb
#   notebooks/run.sh tearsheet.ipynb      just these (names relative to notebooks/)
#
# It first installs what is missing, so that it works on a fresh Debian
# machine (apt-get needs root, or sudo):
#   - Debian's jupyter-nbconvert, jupyter-client and python3-ipykernel;
#   - gonb, built inside a throwaway module (`go install gonb@version` fails:
#     its deprecation check wants the module's version list, which a proxy
#     serving pinned versions only does not give), gopls and goimports;
#   - the gonb kernel spec (gonb --install).
# Then it runs `jupyter nbconvert --execute` on each notebook (non-zero on any
# cell error), prints how long each took, and runs the checker
# (go test ./notebooks -run 'TestExecutedNotebooks|TestExportedNotebooks') on
# the executed copies: no error output, an image per chart cell, the
# statistics equal to the Go API's; then each exported with
# `jupyter nbconvert --to html` and opened in headless Chromium
# ($GOFOLIO_CHROMIUM, default /usr/bin/chromium), where every chart must show
# pixels (with $GOFOLIO_ECHARTS_JS, default the copy ./test.sh installs, the
# interactive charts must come alive), a screenshot of each page going to
# $GOFOLIO_ARTIFACTS (default: the output directory). The executed copies go
# to $GOFOLIO_NOTEBOOKS_OUT (default: a new temporary directory); the
# notebooks themselves are never written.
set -euo pipefail

GONB_VERSION=v0.11.4
GOPLS_VERSION=v0.21.1
GOIMPORTS_VERSION=v0.42.0

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
# The notebooks' first cell points their Go module at this checkout.
export GOFOLIO_REPO="$repo"

command -v go >/dev/null || { echo "run.sh: go is not on PATH" >&2; exit 1; }
gobin=$(go env GOBIN)
gobin=${gobin:-$(go env GOPATH)/bin}
# The kernel, and the go commands it runs, need go and the installed tools.
export PATH="$PATH:$(dirname "$(command -v go)"):$gobin"

# Debian's Jupyter, not a Python environment's that may lack it.
jupyter=/usr/bin/jupyter

log() { echo "run.sh: $*" >&2; }

as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo "$@"
	else
		log "need root to run: $*"
		return 1
	fi
}

install_jupyter() {
	if [ -x "$jupyter" ] && "$jupyter" nbconvert --version >/dev/null 2>&1 &&
		"$jupyter" kernelspec --version >/dev/null 2>&1; then
		return
	fi
	log "installing Debian's jupyter-nbconvert"
	as_root apt-get update -q
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		jupyter-nbconvert jupyter-client python3-ipykernel
}

install_go_tools() {
	if [ ! -x "$gobin/gonb" ]; then
		log "building gonb $GONB_VERSION"
		local tmp
		tmp=$(mktemp -d)
		local out
		if ! out=$({
			cd "$tmp" &&
				go mod init gonbinstall &&
				go get "github.com/janpfeifer/gonb@$GONB_VERSION" &&
				go install github.com/janpfeifer/gonb
		} 2>&1); then
			echo "$out" >&2
			rm -rf "$tmp"
			return 1
		fi
		rm -rf "$tmp"
	fi
	if [ ! -x "$gobin/gopls" ]; then
		log "installing gopls $GOPLS_VERSION"
		go install "golang.org/x/tools/gopls@$GOPLS_VERSION"
	fi
	if [ ! -x "$gobin/goimports" ]; then
		log "installing goimports $GOIMPORTS_VERSION"
		go install "golang.org/x/tools/cmd/goimports@$GOIMPORTS_VERSION"
	fi
	# Idempotent: (re)writes the kernel spec with this gonb's path.
	"$gobin/gonb" --install >/dev/null 2>&1 || "$gobin/gonb" --install
}

install_jupyter
install_go_tools

out=${GOFOLIO_NOTEBOOKS_OUT:-$(mktemp -d -t gofolio-notebooks.XXXXXX)}
mkdir -p "$out"
export GOFOLIO_NOTEBOOKS_OUT="$out"

if [ $# -gt 0 ]; then
	notebooks=("$@")
else
	notebooks=()
	for f in "$here"/*.ipynb; do notebooks+=("$(basename "$f")"); done
fi

# The debugger warnings of Debian's Python are noise here.
export PYDEVD_DISABLE_FILE_VALIDATION=1

execute() { # notebook, extra nbconvert flags...
	local nb=$1
	shift
	"$jupyter" nbconvert --to notebook --execute \
		--ExecutePreprocessor.kernel_name=gonb \
		--ExecutePreprocessor.timeout=600 \
		"$@" --output-dir "$out" "$here/$nb" >"$out/${nb%.ipynb}.log" 2>&1
}

status=0
for nb in "${notebooks[@]}"; do
	start=$(date +%s%N)
	if execute "$nb"; then
		ms=$((($(date +%s%N) - start) / 1000000))
		printf 'notebook %s: executed in %d.%d s\n' "$nb" $((ms / 1000)) $((ms % 1000 / 100))
	else
		status=1
		echo "notebook $nb: FAILED (log: $out/${nb%.ipynb}.log)"
		grep -v -E '^[IWE][0-9]{4} ' "$out/${nb%.ipynb}.log" | tail -12
		# nbconvert writes nothing when a cell fails: run it again keeping
		# the errors, so that the checker below shows every failing cell
		# with what it wrote to stderr (the panic message).
		execute "$nb" --allow-errors || true
	fi
done

# The checker reads the executed copies from $GOFOLIO_NOTEBOOKS_OUT.
cd "$repo"
if [ -z "${GOFOLIO_CHROMIUM:-}" ] && [ -x /usr/bin/chromium ]; then export GOFOLIO_CHROMIUM=/usr/bin/chromium; fi
if [ -z "${GOFOLIO_ECHARTS_JS:-}" ] && [ -f "$repo/.cache/npm/node_modules/echarts/dist/echarts.min.js" ]; then
	export GOFOLIO_ECHARTS_JS="$repo/.cache/npm/node_modules/echarts/dist/echarts.min.js"
fi
export GOFOLIO_ARTIFACTS="${GOFOLIO_ARTIFACTS:-$out}"
GOFOLIO_NOTEBOOKS="${notebooks[*]}" go test ./notebooks -run 'TestExecutedNotebooks|TestExportedNotebooks' -count=1 -v || status=1
exit "$status"
