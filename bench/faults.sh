#!/usr/bin/env bash
# Fault scenarios under bounded load, 127.0.0.1 only, each stopping by itself (about a minute):
#   a) a subgraph killed and restarted while requests flow
#   b) a subgraph answering after 10 s, without and with the circuit breaker
#   c) a private Redis (its own port; the shared one is never touched) stopped and started
#      during rate-limited traffic over two gateway replicas
#   e) a client above its rate limit next to polite clients
# (d, PostgreSQL restarted under the subgraphs, is not run here: the server is shared.)
# Prints one `FAULT` line per scenario; BENCHMARKS.md "Faults" records them.
# Needs redis-server on PATH. Debug build, so figures are relative, not absolute.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
timeout 600 cargo test -p quntuan-gateway --test faults -- --ignored --nocapture \
    fault_scenarios_under_load >"$out" 2>&1 || { tail -40 "$out"; exit 1; }
grep '^FAULT' "$out"
