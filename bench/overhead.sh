#!/usr/bin/env bash
# The cost of metrics and tracing, counted in instructions per request instead of timed.
#
# Wall-clock ratios on this 2-core machine move by ±40 % between runs (BENCHMARKS.md), far more
# than the < 10 % the overhead must stay under, so this script settles it the way callgrind
# does: it runs each gateway configuration under `valgrind --tool=callgrind`, sends WARMUP
# requests, zeroes the counters, sends REQUESTS more of the deep query one after another, and
# reads the instructions executed by the whole gateway process (every thread: the server, the
# subgraph client, the metrics recorder and the OTLP batch exporter) while serving them.
# Instruction counts do not depend on what else the machine is doing.
#
#   bare          --metrics=false, no traces
#   metrics       the default: Prometheus metrics, no traces
#   traced-1      metrics and traces sampled at 1 %, exported by OTLP/HTTP to a sink
#   traced-100    the same sampled at 100 %
#
# Usage: bench/overhead.sh
# Environment:
#   REQUESTS=400  measured requests per configuration    WARMUP=40  requests before counting
#   CONCURRENCY=1 clients sending the measured requests at once (REQUESTS split among them):
#                 above 1, identical subgraph requests overlap and deduplication shares them,
#                 so the count shows what a shared answer costs each requester (it then
#                 depends on timing, unlike the one-client count)
#   CONFIGS="bare metrics traced-1 traced-100"
#   GATEWAY_BIN=PATH  a prebuilt release `quntuan` (default: build quntuan-cli --release)
#   PORT_BASE=4300    gateway PORT_BASE, subgraphs +1..+4, sink +10
#   OUT=DIR           logs and callgrind files (default: a new /tmp/quntuan-overhead.* dir)
# Prints one line per configuration: instructions per request and the ratio to `bare`.
# Exit status: 0 on success, 1 when a response differed from bench/expected/deep.json, 2 on a
# setup failure.
set -euo pipefail

REQUESTS=${REQUESTS:-400}
CONCURRENCY=${CONCURRENCY:-1}
WARMUP=${WARMUP:-40}
CONFIGS=${CONFIGS:-bare metrics traced-1 traced-100}
PORT_BASE=${PORT_BASE:-4300}
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
OUT=${OUT:-$(mktemp -d /tmp/quntuan-overhead.XXXXXX)}
mkdir -p "$OUT"

die() { echo "overhead.sh: $*" >&2; exit 2; }
log() { echo "== $*" >&2; }

[[ $REQUESTS =~ ^[1-9][0-9]*$ && $WARMUP =~ ^[0-9]+$ && $PORT_BASE =~ ^[0-9]+$ ]] ||
  die "REQUESTS (at least 1), WARMUP and PORT_BASE must be whole numbers"
[[ $CONCURRENCY =~ ^[1-9][0-9]*$ ]] && ((REQUESTS % CONCURRENCY == 0)) ||
  die "CONCURRENCY must be a whole number that divides REQUESTS"
for config in $CONFIGS; do
  case $config in bare | metrics | traced-1 | traced-100) ;; *) die "unknown configuration '$config'" ;; esac
done
command -v valgrind >/dev/null || die "valgrind is required (Debian: apt-get install -y valgrind)"
command -v callgrind_control >/dev/null || die "callgrind_control (from valgrind) is required"
command -v curl >/dev/null || die "curl is required"

GATEWAY_PORT=$PORT_BASE
SUBGRAPH_PORTS=($((PORT_BASE + 1)) $((PORT_BASE + 2)) $((PORT_BASE + 3)) $((PORT_BASE + 4)))
SUBGRAPH_NAMES=(accounts inventory products reviews)
SINK_PORT=$((PORT_BASE + 10))

declare -A PID=()
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  local name
  for name in "${!PID[@]}"; do kill -TERM "${PID[$name]}" 2>/dev/null || true; done
  for name in "${!PID[@]}"; do
    for _ in $(seq 100); do kill -0 "${PID[$name]}" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "${PID[$name]}" 2>/dev/null || true
    wait "${PID[$name]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start() { # NAME COMMAND...
  local name=$1; shift
  "$@" >"$OUT/$name.log" 2>&1 &
  PID[$name]=$!
}

wait_healthy() { # NAME PORT SECONDS
  local attempt
  for attempt in $(seq $(($3 * 10))); do
    curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$2/health" && return 0
    kill -0 "${PID[$1]}" 2>/dev/null || { tail -n 20 "$OUT/$1.log" >&2; die "$1 exited (log: $OUT/$1.log)"; }
    sleep 0.1
  done
  die "$1: no healthy answer on port $2 after $3 s"
}

stop() { # NAME
  kill -TERM "${PID[$1]}" 2>/dev/null || true
  wait "${PID[$1]}" 2>/dev/null || true
  unset "PID[$1]"
}

log "building: cargo build --release -p quntuan-bench ${GATEWAY_BIN:+(gateway: $GATEWAY_BIN)}"
packages=(-p quntuan-bench)
[[ -n ${GATEWAY_BIN:-} ]] || packages+=(-p quntuan-cli)
(cd "$ROOT" && cargo build --release "${packages[@]}") || die "build failed"
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release
GATEWAY=${GATEWAY_BIN:-$BIN/quntuan}
[[ -x $GATEWAY ]] || die "missing gateway binary $GATEWAY"

start subgraphs "$BIN/quntuan-bench-subgraphs" subgraphs --accounts "${SUBGRAPH_PORTS[0]}" \
  --inventory "${SUBGRAPH_PORTS[1]}" --products "${SUBGRAPH_PORTS[2]}" --reviews "${SUBGRAPH_PORTS[3]}"
for port in "${SUBGRAPH_PORTS[@]}"; do wait_healthy subgraphs "$port" 60; done
start sink "$BIN/quntuan-bench-subgraphs" sink --port "$SINK_PORT"
wait_healthy sink "$SINK_PORT" 60

gateway_args=(serve --supergraph "$BENCH/supergraph.graphql" --listen "127.0.0.1:$GATEWAY_PORT")
for i in "${!SUBGRAPH_NAMES[@]}"; do
  gateway_args+=(--subgraph-url "${SUBGRAPH_NAMES[$i]}=http://127.0.0.1:${SUBGRAPH_PORTS[$i]}/graphql")
done
traced=(--otlp-endpoint "http://127.0.0.1:$SINK_PORT" --otlp-protocol http/protobuf)

query=$(python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "operationName": "Deep"}))' \
  "$BENCH/queries/deep.graphql")
printf '%s' "$query" >"$OUT/request.json"

send() { # COUNT [CLIENT]: sends the deep query COUNT times, one after another, and checks every answer
  local i answer=$OUT/response${2:-}.json
  for i in $(seq "$1"); do
    curl -fsS --max-time 120 -H 'content-type: application/json' --data-binary "@$OUT/request.json" \
      -o "$answer" "http://127.0.0.1:$GATEWAY_PORT/graphql" || die "request $i failed"
    cmp -s "$answer" "$BENCH/expected/deep.json" ||
      { echo "overhead.sh: response $i differs from bench/expected/deep.json ($answer)" >&2; exit 1; }
  done
}

send_concurrently() { # COUNT: COUNT requests from CONCURRENCY clients at once
  ((CONCURRENCY == 1)) && { send "$1"; return; }
  local client pids=()
  for client in $(seq "$CONCURRENCY"); do
    send $(($1 / CONCURRENCY)) "$client" &
    pids+=($!)
  done
  for client in "${pids[@]}"; do wait "$client" || die "a client's request failed or differed"; done
}

declare -A PER_REQUEST=()
for config in $CONFIGS; do
  case $config in
    bare) args=(--metrics=false) ;;
    metrics) args=() ;;
    traced-1) args=("${traced[@]}" --trace-sampling-ratio 0.01) ;;
    traced-100) args=("${traced[@]}" --trace-sampling-ratio 1) ;;
  esac
  log "$config: $WARMUP warm-up requests, then $REQUESTS counted, under callgrind"
  start "gateway-$config" valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.$config.%p" \
    --dump-instr=no --collect-atstart=yes "$GATEWAY" "${gateway_args[@]}" "${args[@]}"
  wait_healthy "gateway-$config" "$GATEWAY_PORT" 300
  send "$WARMUP"
  callgrind_control --zero "${PID[gateway-$config]}" >/dev/null
  send_concurrently "$REQUESTS"
  # Let a batch exporter flush what the counted requests produced (its interval is 5 s).
  [[ $config == traced-* ]] && sleep 6
  callgrind_control --dump="counted" "${PID[gateway-$config]}" >/dev/null
  sleep 1
  dump=$(ls -t "$OUT"/callgrind."$config".*.[0-9]* 2>/dev/null | head -n1)
  [[ -n $dump ]] || die "$config: callgrind wrote no dump in $OUT"
  total=$(awk '/^(summary|totals):/ { print $2; exit }' "$dump")
  [[ -n $total ]] || die "$config: no instruction total in $dump"
  PER_REQUEST[$config]=$((total / REQUESTS))
  stop "gateway-$config"
done

echo
printf '%-12s %16s %10s\n' configuration instr/request "vs bare"
for config in $CONFIGS; do
  ratio=-
  [[ -n ${PER_REQUEST[bare]:-} ]] &&
    ratio=$(awk -v a="${PER_REQUEST[$config]}" -v b="${PER_REQUEST[bare]}" 'BEGIN { printf "%.3f", a / b }')
  printf '%-12s %16s %10s\n' "$config" "${PER_REQUEST[$config]}" "$ratio"
done
echo "(logs and callgrind files: $OUT)"
