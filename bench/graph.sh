#!/usr/bin/env bash
# The federated graph of this repository at full seed scale, under load: the cross-organisation
# dashboard and a district drill-down, through the gateway of `quntuan dev` (six subgraphs on
# SQLite, release build). Every response is compared with the first answer, which is checked
# first (no errors, 20 districts).
#
# Usage: bench/graph.sh
#   DURATION=15 CONNECTIONS=50 THREADS=2   load per query
#   SCALE=full                              seed scale of the first start (demo for a quick check)
#   DATA_DIR=target/bench-data/SCALE        databases, kept between runs (seeded once)
#   PORT=4700                               gateway port; the subgraphs take the six after it
#   QUNTUAN_BIN=path                        a prebuilt release `quntuan` (skips the build)
# Everything listens on 127.0.0.1 and is stopped at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
SCALE=${SCALE:-full}
PORT=${PORT:-4700}
DATA_DIR=${DATA_DIR:-$ROOT/target/bench-data/$SCALE}
OUT=$(mktemp -d /tmp/quntuan-graph-bench.XXXXXX)

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

if ! command -v wrk >/dev/null; then
  [[ $(id -u) -eq 0 ]] || die "wrk is missing; install it (Debian: apt-get install -y wrk)"
  log "installing wrk from Debian"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >"$OUT/apt.log" 2>&1 ||
    { apt-get update -qq >>"$OUT/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >>"$OUT/apt.log" 2>&1; } ||
    die "could not install wrk (see $OUT/apt.log)"
fi

QUNTUAN=${QUNTUAN_BIN:-}
if [[ -z $QUNTUAN ]]; then
  log "building: cargo build --release -p quntuan-cli"
  (cd "$ROOT" && cargo build --release -p quntuan-cli)
  QUNTUAN=${CARGO_TARGET_DIR:-$ROOT/target}/release/quntuan
fi

DEV_PID=
cleanup() {
  if [[ -n $DEV_PID ]]; then
    kill -INT "$DEV_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$DEV_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$DEV_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$DATA_DIR"
log "starting quntuan dev (scale $SCALE, data in $DATA_DIR; the first start seeds)"
started=$(date +%s)
"$QUNTUAN" dev --data-dir "$DATA_DIR" --port "$PORT" --scale "$SCALE" >"$OUT/dev.log" 2>&1 &
DEV_PID=$!
for _ in $(seq 1200); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null && break
  kill -0 "$DEV_PID" 2>/dev/null || die "quntuan dev stopped: $(tail -5 "$OUT/dev.log")"
  sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" || die "the gateway did not become healthy"
log "ready after $(( $(date +%s) - started )) s"

printf '\nQuntuan graph load test: scale %s, %ss per query, %s connections, %s wrk threads, %s CPUs\n' \
  "$SCALE" "$DURATION" "$CONNECTIONS" "$THREADS" "$(nproc)"
printf '%-10s %8s %9s %9s %9s %8s %6s %8s\n' query req/s p50_ms p95_ms p99_ms checked bad bytes
for name in dashboard drilldown; do
  query=$ROOT/bench/queries/$name.graphql
  python3 - "$query" >"$OUT/$name.body.json" <<'PY'
import json, sys
print(json.dumps({"query": open(sys.argv[1]).read()}), end="")
PY
  curl -fsS "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' \
    --data-binary "@$OUT/$name.body.json" -o "$OUT/$name.expected.json" || die "$name: no answer"
  python3 - "$OUT/$name.expected.json" "$name" <<'PY' || die "$name: the first answer is wrong"
import json, sys
answer = json.load(open(sys.argv[1]))
assert "errors" not in answer, answer.get("errors")
data = answer["data"]
if sys.argv[2] == "dashboard":
    assert len(data["regions"]) == 20, "20 districts"
else:
    assert data["region"]["children"], "the district has streets"
PY
  BENCH_QUERY=$query BENCH_EXPECTED=$OUT/$name.expected.json \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$ROOT/bench/wrk/graph.lua" \
    "http://127.0.0.1:$PORT/graphql" >"$OUT/wrk-$name.txt" 2>&1
  line=$(grep '^RESULT' "$OUT/wrk-$name.txt") || die "$name: wrk printed no result (see $OUT/wrk-$name.txt)"
  ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
  get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
  printf '%-10s %8s %9.2f %9.2f %9.2f %8s %6s %8s\n' "$name" "$(get rps)" \
    "$(ms "$(get p50_us)")" "$(ms "$(get p95_us)")" "$(ms "$(get p99_us)")" \
    "$(get checked)" "$(get mismatches)" "$(wc -c <"$OUT/$name.expected.json")"
done
printf 'Raw output: %s\n' "$OUT"
