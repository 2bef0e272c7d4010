# shellcheck shell=bash
# FerretDB v1: a MongoDB wire-protocol server written in Go, here on its SQLite backend,
# built from source through the Go module proxy (no MongoDB binary can be fetched here).

FERRETDB_HOME="$INFRA_HOME/ferretdb-$FERRETDB_VERSION"
FERRETDB_RUN="$RUN_DIR/ferretdb"

addr_ferretdb() { echo "$HOST:$MONGO_PORT"; }

# Why not `go install .../cmd/ferretdb@v1.24.2`: (1) it asks the proxy for the module's
# version list (deprecation check), which this proxy refuses with 403; (2) a binary built
# with FerretDB as the main module panics at start because the module zip lacks
# build/version/version.txt. So: download the module source, add version.txt, go build.
install_ferretdb() {
  [[ -x "$FERRETDB_HOME/bin/ferretdb" ]] && return 0
  need_tool go "needed once to build FerretDB $FERRETDB_VERSION"
  say "building FerretDB $FERRETDB_VERSION from source (first time only, 1-3 min)"
  local tmp="$FERRETDB_HOME.tmp" src log="$LOG_DIR/ferretdb-install.log"
  rm -rf "$tmp" && mkdir -p "$tmp/bin"
  export GOTOOLCHAIN=local GOFLAGS=-modcacherw   # no toolchain downloads; deletable mod cache
  src="$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" 2>>"$log" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -d "$src" ]] || { tail -n 20 "$log" >&2; die "go could not download FerretDB $FERRETDB_VERSION"; }
  cp -r "$src" "$tmp/src" && chmod -R u+w "$tmp/src"
  echo "$FERRETDB_VERSION" >"$tmp/src/build/version/version.txt"
  (cd "$tmp/src" && go build -trimpath -o "$tmp/bin/ferretdb" ./cmd/ferretdb) >>"$log" 2>&1 \
    || { tail -n 20 "$log" >&2; die "go build of FerretDB failed (see $log)"; }
  rm -rf "$tmp/src" "$FERRETDB_HOME"
  mv "$tmp" "$FERRETDB_HOME"
}

start_ferretdb() {
  # The SQLite handler keeps one file per database in this dir; it must exist.
  mkdir -p "$FERRETDB_RUN/data" "$LOG_DIR"
  launch ferretdb env DO_NOT_TRACK=1 "$FERRETDB_HOME/bin/ferretdb" \
    --handler=sqlite --sqlite-url="file:$FERRETDB_RUN/data/" \
    --listen-addr="$HOST:$MONGO_PORT" \
    --state-dir=- --debug-addr=- --telemetry=disable --log-level=info
}

health_ferretdb() { probe mongo "$HOST" "$MONGO_PORT"; }
