#!/usr/bin/env bash
# Installs the peer gateways that bench/run.sh measures beside Quntuan, from the Rust package
# registry, into a cache folder outside the repository, once per machine. Never part of .ci/run:
# Hive Router takes about 40 minutes to build on 2 cores.
#
#   bench/peers.sh            install what is missing, then print each peer's binary
#   bench/peers.sh --path     print the binaries only (exit 1 when one is missing)
#
# Environment:
#   QUNTUAN_PEERS_DIR=DIR  the cache folder (default: ~/.cache/quntuan-peers)
#   NICE=19                the build's priority (the machine has 2 cores; keep other work going)
#
# Peers:
#   hive-router 0.3.10 (features graphiql), built with nightly as its crate requires. It is started
#   by run.sh only with HOST=127.0.0.1 and a chosen PORT: the binary has no --version flag and an
#   unknown flag starts it serving on all interfaces, so this script never runs it.
set -euo pipefail

PEERS_DIR=${QUNTUAN_PEERS_DIR:-$HOME/.cache/quntuan-peers}
HIVE_VERSION=0.3.10
HIVE_ROOT=$PEERS_DIR/hive-router-$HIVE_VERSION
HIVE_BIN=$HIVE_ROOT/bin/hive_router

hive_binary() {
  # The crate's binary is named hive_router in 0.3.x; accept the dashed name too.
  local candidate
  for candidate in "$HIVE_ROOT/bin/hive_router" "$HIVE_ROOT/bin/hive-router"; do
    [[ -x $candidate ]] && { echo "$candidate"; return 0; }
  done
  return 1
}

if [[ ${1:-} == --path ]]; then
  hive_binary || { echo "peers.sh: hive-router $HIVE_VERSION is not installed; run bench/peers.sh" >&2; exit 1; }
  exit 0
fi

mkdir -p "$PEERS_DIR"
if ! hive_binary >/dev/null; then
  command -v rustup >/dev/null || { echo "peers.sh: rustup is required" >&2; exit 2; }
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
  echo "== installing hive-router $HIVE_VERSION into $HIVE_ROOT (about 40 minutes on 2 cores)" >&2
  # A private target folder so the build never touches the project's; removed afterwards.
  build_dir=$(mktemp -d "$PEERS_DIR/build.XXXXXX")
  trap 'rm -rf "$build_dir"' EXIT
  CARGO_TARGET_DIR=$build_dir nice -n "${NICE:-19}" \
    cargo +nightly install hive-router --version "$HIVE_VERSION" --locked --features graphiql \
    --root "$HIVE_ROOT"
fi
hive_binary || { echo "peers.sh: the install finished but no hive_router binary is in $HIVE_ROOT/bin (expected $HIVE_BIN)" >&2; exit 2; }
