#!/usr/bin/env bash
# Fault scenarios under bounded load, 127.0.0.1 only, each stopping by itself (about a minute):
#   a) a subgraph killed and restarted while requests flow
#   b) a subgraph answering after 10 s, without and with the circuit breaker
#   c) a private Redis (its own port; the shared one is never touched) stopped and started
#      during rate-limited traffic over two gateway replicas
#   e) a client above its rate limit next to polite clients
#   d) PostgreSQL restarted under the youth subgraph: a private cluster of the test's own
#      (initdb + pg_ctl on 127.0.0.1:46432; the shared server is never touched)
# Prints one `FAULT` line per scenario; BENCHMARKS.md "Faults" records them.
# Needs redis-server on PATH, and PostgreSQL's server binaries (/usr/lib/postgresql/*/bin) for d. Debug build, so figures are relative, not absolute.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
timeout 600 cargo test -p quntuan-gateway --test faults -- --ignored --nocapture \
    fault_scenarios_under_load >"$out" 2>&1 || { tail -40 "$out"; exit 1; }
timeout 600 cargo test -p quntuan-e2e --test fault_postgres_restart -- --ignored --nocapture \
    >>"$out" 2>&1 || { tail -40 "$out"; exit 1; }
grep '^FAULT' "$out"
