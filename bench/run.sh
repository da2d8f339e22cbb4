#!/usr/bin/env bash
# Load test of the Quntuan gateway against two baselines, all on 127.0.0.1:
#   monolith  one non-federated async-graphql server answering the deep query alone (:4105)
#   proxy     a pass-through proxy in front of the monolith: one extra hop, nothing else (:4106)
#   gateway   `quntuan serve` over the four benchmark subgraphs (:4100, subgraphs :4101-4104)
#   gateway-bare  the same gateway with metrics off (`--metrics=false`, :4107): the ratio
#             gateway / gateway-bare is the cost of the metrics
#   gateway-traced-100, gateway-traced-1  the gateway with metrics and traces, sampled at 100 %
#             and at 1 % (:4108, :4109), exporting by OTLP/HTTP to a sink that reads and drops
#             every export (:4110): their ratio to gateway-bare is the cost of both
#   hive      the peer, Hive Router 0.3.10 with its defaults, over the same subgraphs and
#             supergraph (:4111); installed once per machine by bench/peers.sh
#   baseline  another `quntuan` binary (BASELINE_BIN, for example a build of an earlier commit)
#             with the gateway's flags (:4112): the ratio gateway / baseline is what a change did
# (default ports; PORT_BASE moves them all)
# The legs alternate: round 1 runs every target in order, then round 2 again, so every ratio
# is taken between figures of the same run, and a drift of the machine shows between rounds.
# wrk sends bench/queries/QUERY.graphql (the deep query by default) for a fixed time at fixed
# concurrency; every response body must equal bench/expected/QUERY.json byte for byte, and
# mismatches are counted.
#
# Usage: bench/run.sh            (from anywhere; needs cargo, curl, and wrk or root to install it)
# Environment:
#   DURATION=20      measured seconds per target     WARMUP=5     warm-up seconds per target
#   CONNECTIONS=50   concurrent connections           THREADS=2    wrk threads
#   TARGETS="monolith proxy gateway"                  which legs to run, in this order
#                                                     (add gateway-bare to measure the metrics,
#                                                     hive for the peer, and gateway-traced-100
#                                                     gateway-traced-1 to measure metrics and
#                                                     traces together)
#   ROUNDS=2         how many times the legs alternate (each round runs every target once)
#   QUERY=deep       or typename (`{ __typename }`, answered by the gateway alone) or me (one
#                    trivial fetch, `{ me { id } }`): the small ones show fixed per-request costs
#   HIVE_BIN=PATH    the peer's binary (default: what bench/peers.sh --path prints)
#   BASELINE_BIN=PATH  the `quntuan` binary of the baseline leg
#   PROFILE=release  or debug (a quick check of the script; debug figures are not comparable)
#   GATEWAY_BIN=PATH a prebuilt `quntuan` to measure instead of the one built here (quntuan-cli is
#                    still built beside quntuan-bench, so both share one feature set)
#   GATEWAY_ARGS="--deduplicate-requests=false"  extra `quntuan serve` flags (word-split)
#   PORT_BASE=4100   gateway port; subgraphs +1..+4, monolith +5, proxy +6, gateway-bare +7,
#                    gateway-traced-100 +8, gateway-traced-1 +9, the OTLP sink +10, hive +11,
#                    baseline +12
#   OUT=DIR          where logs and raw wrk output go (default: a new /tmp/quntuan-bench.* dir)
# Exit status: 0 when every checked response matched, 1 otherwise, 2 on a setup failure.
set -euo pipefail

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
TARGETS=${TARGETS:-monolith proxy gateway}
ROUNDS=${ROUNDS:-2}
PROFILE=${PROFILE:-release}
QUERY=${QUERY:-deep}

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
OUT=${OUT:-$(mktemp -d /tmp/quntuan-bench.XXXXXX)}
mkdir -p "$OUT"

# Ports: gateway PORT_BASE, subgraphs +1..+4, monolith +5, proxy +6. supergraph.graphql routes
# to 4101-4104; with another base the gateway is told the subgraphs' URLs (--subgraph-url).
PORT_BASE=${PORT_BASE:-4100}
[[ $PORT_BASE =~ ^[0-9]+$ && $PORT_BASE -ge 1024 && $PORT_BASE -le 65000 ]] ||
  { echo "run.sh: PORT_BASE must be a number from 1024 to 65000" >&2; exit 2; }
GATEWAY_PORT=$PORT_BASE
SUBGRAPH_NAMES=(accounts inventory products reviews)
SUBGRAPH_PORTS=($((PORT_BASE + 1)) $((PORT_BASE + 2)) $((PORT_BASE + 3)) $((PORT_BASE + 4)))
MONOLITH_PORT=$((PORT_BASE + 5))
PROXY_PORT=$((PORT_BASE + 6))
BARE_PORT=$((PORT_BASE + 7))
TRACED_100_PORT=$((PORT_BASE + 8))
TRACED_1_PORT=$((PORT_BASE + 9))
SINK_PORT=$((PORT_BASE + 10))
HIVE_PORT=$((PORT_BASE + 11))
BASELINE_PORT=$((PORT_BASE + 12))

die() { echo "run.sh: $*" >&2; exit 2; }
log() { echo "== $*" >&2; }
wants() { [[ " $TARGETS " == *" $1 "* ]]; }
wants_traced() { wants gateway-traced-100 || wants gateway-traced-1; }
wants_any_gateway() { wants gateway || wants gateway-bare || wants_traced; }
# The legs served by the four benchmark subgraphs.
wants_subgraphs() { wants_any_gateway || wants hive || wants baseline; }

for target in $TARGETS; do
  case $target in
    monolith | proxy | gateway | gateway-bare | gateway-traced-100 | gateway-traced-1 | hive | baseline) ;;
    *) die "unknown target '$target' in TARGETS" ;;
  esac
done
[[ $DURATION =~ ^[0-9]+$ && $WARMUP =~ ^[0-9]+$ && $CONNECTIONS =~ ^[0-9]+$ && $THREADS =~ ^[0-9]+$ &&
  $ROUNDS =~ ^[1-9][0-9]*$ ]] ||
  die "DURATION, WARMUP, CONNECTIONS, THREADS and ROUNDS must be whole numbers (ROUNDS at least 1)"
case $QUERY in
  deep) OPERATION=Deep ;;
  typename) OPERATION=Typename ;;
  me) OPERATION=Me ;;
  *) die "QUERY must be deep, typename or me" ;;
esac

# --- tools -------------------------------------------------------------------------------------
command -v curl >/dev/null || die "curl is required"
if ! command -v wrk >/dev/null; then
  [[ $(id -u) -eq 0 ]] || die "wrk is missing; install it (Debian: apt-get install -y wrk) or run as root"
  log "installing wrk from Debian"
  # Only update the package lists when the plain install cannot find the package.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >"$OUT/apt.log" 2>&1 ||
    { apt-get update -qq >>"$OUT/apt.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >>"$OUT/apt.log" 2>&1; } ||
    die "could not install wrk (see $OUT/apt.log)"
fi

# --- processes ---------------------------------------------------------------------------------
# shellcheck source=bench/processes.sh
source "$BENCH/processes.sh"

# --- build -------------------------------------------------------------------------------------
# Always the two packages together, even with GATEWAY_BIN: cargo unifies features across the
# packages of one build, so building quntuan-bench alone would give its dependencies another
# feature set than the release build of both and rebuild about a hundred crates.
GATEWAY_BIN=${GATEWAY_BIN:-}
build -p quntuan-bench -p quntuan-cli
BENCH_SERVERS=$BIN/quntuan-bench-subgraphs
GATEWAY=${GATEWAY_BIN:-$BIN/quntuan}
[[ -x $BENCH_SERVERS ]] || die "missing $BENCH_SERVERS after the build"
if wants_any_gateway; then
  [[ -x $GATEWAY ]] || die "missing gateway binary $GATEWAY"
fi
BASELINE_BIN=${BASELINE_BIN:-}
if wants baseline; then
  [[ -x $BASELINE_BIN ]] || die "the baseline leg needs BASELINE_BIN, a prebuilt quntuan binary"
fi
HIVE_BIN=${HIVE_BIN:-}
if wants hive; then
  [[ -n $HIVE_BIN ]] || HIVE_BIN=$("$BENCH/peers.sh" --path) ||
    die "the hive leg needs Hive Router: run bench/peers.sh once (about 40 minutes), or set HIVE_BIN"
  [[ -x $HIVE_BIN ]] || die "HIVE_BIN=$HIVE_BIN is not an executable"
fi


needed_ports=()
{ wants monolith || wants proxy; } && needed_ports+=("$MONOLITH_PORT")
wants proxy && needed_ports+=("$PROXY_PORT")
wants_subgraphs && needed_ports+=("${SUBGRAPH_PORTS[@]}")
wants gateway && needed_ports+=("$GATEWAY_PORT")
wants gateway-bare && needed_ports+=("$BARE_PORT")
wants gateway-traced-100 && needed_ports+=("$TRACED_100_PORT")
wants gateway-traced-1 && needed_ports+=("$TRACED_1_PORT")
wants_traced && needed_ports+=("$SINK_PORT")
wants hive && needed_ports+=("$HIVE_PORT")
wants baseline && needed_ports+=("$BASELINE_PORT")
for port in "${needed_ports[@]}"; do
  port_free "$port" || die "port $port on 127.0.0.1 is already in use"
done

if wants monolith || wants proxy; then
  start monolith "$BENCH_SERVERS" monolith --port "$MONOLITH_PORT"
  wait_healthy monolith "$MONOLITH_PORT"
fi
if wants proxy; then
  start proxy "$BENCH_SERVERS" proxy --port "$PROXY_PORT" \
    --upstream "http://127.0.0.1:$MONOLITH_PORT/graphql"
  wait_healthy proxy "$PROXY_PORT"
fi
if wants_subgraphs; then
  start subgraphs "$BENCH_SERVERS" subgraphs --accounts "${SUBGRAPH_PORTS[0]}" \
    --inventory "${SUBGRAPH_PORTS[1]}" --products "${SUBGRAPH_PORTS[2]}" --reviews "${SUBGRAPH_PORTS[3]}"
  wait_healthy subgraphs "${SUBGRAPH_PORTS[@]}"
  gateway_args=(serve --supergraph "$BENCH/supergraph.graphql")
  if [[ $PORT_BASE -ne 4100 ]]; then
    for i in "${!SUBGRAPH_NAMES[@]}"; do
      gateway_args+=(--subgraph-url "${SUBGRAPH_NAMES[$i]}=http://127.0.0.1:${SUBGRAPH_PORTS[$i]}/graphql")
    done
  fi
  # shellcheck disable=SC2206 # GATEWAY_ARGS is a list of flags, split on purpose
  gateway_args+=(${GATEWAY_ARGS:-})
  if wants gateway; then
    start gateway "$GATEWAY" "${gateway_args[@]}" --listen "127.0.0.1:$GATEWAY_PORT"
    wait_healthy gateway "$GATEWAY_PORT"
  fi
  if wants baseline; then
    start baseline "$BASELINE_BIN" "${gateway_args[@]}" --listen "127.0.0.1:$BASELINE_PORT"
    wait_healthy baseline "$BASELINE_PORT"
  fi
  if wants gateway-bare; then
    start gateway-bare "$GATEWAY" "${gateway_args[@]}" --listen "127.0.0.1:$BARE_PORT" --metrics=false
    wait_healthy gateway-bare "$BARE_PORT"
  fi
  if wants_traced; then
    start sink "$BENCH_SERVERS" sink --port "$SINK_PORT"
    wait_healthy sink "$SINK_PORT"
    traced_args=(--otlp-endpoint "http://127.0.0.1:$SINK_PORT" --otlp-protocol http/protobuf)
  fi
  if wants gateway-traced-100; then
    start gateway-traced-100 "$GATEWAY" "${gateway_args[@]}" --listen "127.0.0.1:$TRACED_100_PORT" \
      "${traced_args[@]}" --trace-sampling-ratio 1
    wait_healthy gateway-traced-100 "$TRACED_100_PORT"
  fi
  if wants gateway-traced-1; then
    start gateway-traced-1 "$GATEWAY" "${gateway_args[@]}" --listen "127.0.0.1:$TRACED_1_PORT" \
      "${traced_args[@]}" --trace-sampling-ratio 0.01
    wait_healthy gateway-traced-1 "$TRACED_1_PORT"
  fi
  if wants hive; then
    # Hive Router 0.3.10 reads supergraph.graphql from its working directory (whatever
    # HIVE__SUPERGRAPH__PATH says), and is given its address only by HOST and PORT: it has no
    # --version flag, and an unknown flag starts it serving on all interfaces, so it gets none.
    hive_dir=$OUT/hive
    mkdir -p "$hive_dir"
    supergraph=$(<"$BENCH/supergraph.graphql")
    for i in "${!SUBGRAPH_PORTS[@]}"; do
      supergraph=${supergraph//127.0.0.1:$((4101 + i))\//127.0.0.1:${SUBGRAPH_PORTS[$i]}\/}
    done
    printf '%s\n' "$supergraph" >"$hive_dir/supergraph.graphql"
    start hive bash -c 'cd "$1" && exec env HOST=127.0.0.1 PORT="$2" HIVE__SUPERGRAPH__SOURCE=file "$3"' \
      hive "$hive_dir" "$HIVE_PORT" "$HIVE_BIN"
    wait_healthy hive "$HIVE_PORT"
  fi
fi

# --- measurement helpers -----------------------------------------------------------------------

# peak_rss_mib PID: the process's peak resident set size (VmHWM), in MiB.
peak_rss_mib() {
  awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

# subgraph_traffic: what the four subgraphs have been asked since they started, summed:
# "REQUESTS REQUEST_BYTES RESPONSE_BYTES" (each subgraph counts at GET /traffic).
subgraph_traffic() {
  local port
  for port in "${SUBGRAPH_PORTS[@]}"; do
    curl -sf "http://127.0.0.1:$port/traffic" || die "subgraph :$port did not answer GET /traffic"
    echo
  done | awk -F'[:,}]' '{ n += $2; q += $4; a += $6 } END { printf "%d %d %d", n, q, a }'
}

# traffic_per_request BEFORE AFTER REQUESTS -> "SUBGRAPH_REQUESTS KB" per client request (KB sent
# and received together).
traffic_per_request() {
  awk -v b="$1" -v a="$2" -v r="$3" 'BEGIN {
    split(b, x, " "); split(a, y, " ")
    if (r > 0) printf "%.2f %.1f", (y[1] - x[1]) / r, (y[2] - x[2] + y[3] - x[3]) / 1000 / r
    else print "- -" }'
}

ticks_per_1k() { # TICKS REQUESTS -> CPU seconds per 1,000 requests
  awk -v t="$1" -v r="$2" -v hz="$CLK_TCK" 'BEGIN { if (r > 0) printf "%.3f", t / hz / r * 1000; else print "-" }'
}

run_wrk() { # URL SECONDS OUTFILE
  # In the background and waited for, so that a signal stops the run at once (bash runs traps
  # only after a foreground child exits) and cleanup stops wrk too.
  BENCH_QUERY="$BENCH/queries/$QUERY.graphql" BENCH_EXPECTED="$BENCH/expected/$QUERY.json" \
    BENCH_OPERATION=$OPERATION BENCH_MISMATCH="$OUT/mismatch-$target" \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${2}s" --timeout 10s -s "$BENCH/wrk/deep.lua" "$1" >"$3" 2>&1 &
  PID[wrk]=$!
  wait "${PID[wrk]}" || die "wrk failed against $1 (see $3)"
  unset 'PID[wrk]'
}

# --- the legs ----------------------------------------------------------------------------------
declare -A URL=(
  [monolith]="http://127.0.0.1:$MONOLITH_PORT/graphql"
  [proxy]="http://127.0.0.1:$PROXY_PORT/graphql"
  [gateway]="http://127.0.0.1:$GATEWAY_PORT/graphql"
  [gateway-bare]="http://127.0.0.1:$BARE_PORT/graphql"
  [gateway-traced-100]="http://127.0.0.1:$TRACED_100_PORT/graphql"
  [gateway-traced-1]="http://127.0.0.1:$TRACED_1_PORT/graphql"
  [hive]="http://127.0.0.1:$HIVE_PORT/graphql"
  [baseline]="http://127.0.0.1:$BASELINE_PORT/graphql"
)
# The process whose cost the leg measures, and the one doing the real work behind it.
declare -A SERVER=([monolith]=monolith [proxy]=proxy [gateway]=gateway [gateway-bare]=gateway-bare
  [gateway-traced-100]=gateway-traced-100 [gateway-traced-1]=gateway-traced-1 [hive]=hive
  [baseline]=baseline)
declare -A BACKEND=([monolith]="" [proxy]=monolith [gateway]=subgraphs [gateway-bare]=subgraphs
  [gateway-traced-100]=subgraphs [gateway-traced-1]=subgraphs [hive]=subgraphs
  [baseline]=subgraphs)
declare -A RESULT=()
status=0
query=$(<"$BENCH/queries/$QUERY.graphql")
query=${query//\\/\\\\}
query=${query//\"/\\\"}
query=${query//$'\t'/\\t}
query=${query//$'\n'/\\n}
request_body="{\"query\":\"$query\",\"operationName\":\"$OPERATION\"}"
EXPECTED=$BENCH/expected/$QUERY.json
expected_bytes=$(wc -c <"$EXPECTED")

# One request first: a target that answers wrongly is reported, not measured.
declare -A FAILED=()
for target in $TARGETS; do
  curl -s -o "$OUT/check-$target.json" -H 'Content-Type: application/json' \
    --data-binary "$request_body" "${URL[$target]}" || true
  if ! cmp -s "$OUT/check-$target.json" "$EXPECTED"; then
    echo "run.sh: $target's answer differs from expected/$QUERY.json" \
      "($(wc -c <"$OUT/check-$target.json") bytes, expected $expected_bytes);" \
      "see $OUT/check-$target.json" >&2
    FAILED[$target]=1
    status=1
  fi
done

# measure TARGET ROUND: one leg; its figures go to RESULT[TARGET#ROUND].
measure() {
  local target=$1 round=$2 url=${URL[$1]} tag="$1-r$2"
  if [[ $round -eq 1 && $WARMUP -gt 0 ]]; then
    log "$target: warm-up ${WARMUP}s"
    run_wrk "$url" "$WARMUP" "$OUT/wrk-$target-warmup.txt"
  fi
  local server_pid=${PID[${SERVER[$target]}]} backend=${BACKEND[$target]}
  local server_before backend_before="" server_ticks backend_ticks="" traffic_before=""
  server_before=$(cpu_ticks "$server_pid")
  [[ -n $backend ]] && backend_before=$(cpu_ticks "${PID[$backend]}")
  [[ $backend == subgraphs ]] && traffic_before=$(subgraph_traffic)
  log "$target (round $round of $ROUNDS): ${DURATION}s at $CONNECTIONS connections, $THREADS threads"
  run_wrk "$url" "$DURATION" "$OUT/wrk-$tag.txt"
  server_ticks=$(($(cpu_ticks "$server_pid") - server_before))
  [[ -n $backend ]] && backend_ticks=$(($(cpu_ticks "${PID[$backend]}") - backend_before))
  local traffic_after=""
  [[ $backend == subgraphs ]] && traffic_after=$(subgraph_traffic)
  local line
  line=$(grep '^RESULT ' "$OUT/wrk-$tag.txt") || die "wrk printed no RESULT line (see $OUT/wrk-$tag.txt)"
  local -A r=()
  local pair
  for pair in ${line#RESULT }; do r[${pair%%=*}]=${pair#*=}; done
  local bad=$((r[mismatches] + r[errors_connect] + r[errors_read] + r[errors_write] + r[errors_timeout]))
  [[ $bad -eq 0 && ${r[checked]} -gt 0 ]] || status=1
  local backend_cpu="-"
  [[ -n $backend ]] && backend_cpu=$(ticks_per_1k "$backend_ticks" "${r[requests]}")
  RESULT[$target#$round]="${r[rps]} ${r[p50_us]} ${r[p95_us]} ${r[p99_us]} ${r[checked]} $bad"
  local traffic="- -"
  [[ -n $traffic_before ]] && traffic=$(traffic_per_request "$traffic_before" "$traffic_after" "${r[requests]}")
  RESULT[$target#$round]+=" $(peak_rss_mib "$server_pid") $(ticks_per_1k "$server_ticks" "${r[requests]}") $backend_cpu"
  RESULT[$target#$round]+=" $traffic"
}

for round in $(seq "$ROUNDS"); do
  for target in $TARGETS; do
    [[ -n ${FAILED[$target]:-} ]] || measure "$target" "$round"
  done
done

# --- report ------------------------------------------------------------------------------------
{
  echo
  echo "Quntuan load test: $QUERY query ($expected_bytes-byte response), ${DURATION}s per target and" \
    "round, $ROUNDS alternating rounds, $CONNECTIONS connections, $THREADS wrk threads, $PROFILE build," \
    "$(nproc) CPUs, $(date -u +%Y-%m-%d)"
  printf '%-18s %5s %10s %9s %9s %9s %9s %5s %10s %12s %13s %8s %7s\n' target round req/s p50_ms \
    p95_ms p99_ms checked bad rss_MiB cpu_s/1k_req backend_s/1k sg_req sg_KB
  for target in $TARGETS; do
    if [[ -n ${FAILED[$target]:-} ]]; then
      printf '%-18s %s\n' "$target" "FAILED: wrong answer (see $OUT/check-$target.json)"
      continue
    fi
    for round in $(seq "$ROUNDS"); do
      read -r rps p50 p95 p99 checked bad rss cpu backend_cpu sg_req sg_kb <<<"${RESULT[$target#$round]}"
      awk -v t="$target" -v n="$round" -v rps="$rps" -v p50="$p50" -v p95="$p95" -v p99="$p99" \
        -v c="$checked" -v b="$bad" -v rss="$rss" -v cpu="$cpu" -v bcpu="$backend_cpu" \
        -v sq="$sg_req" -v sk="$sg_kb" 'BEGIN {
          printf "%-18s %5d %10.1f %9.2f %9.2f %9.2f %9d %5d %10s %12s %13s %8s %7s\n",
            t, n, rps, p50 / 1000, p95 / 1000, p99 / 1000, c, b, rss, cpu, bcpu, sq, sk }'
    done
  done
  ratio() { # OTHER [NAME]: NAME's (default gateway) throughput, p50 and p99 relative to OTHER's,
    # round by round
    local name=${2:-gateway} round g o
    for round in $(seq "$ROUNDS"); do
      g=${RESULT[$name#$round]:-} o=${RESULT[$1#$round]:-}
      [[ -n $g && -n $o ]] || return 0
      read -r grps gp50 _ gp99 _ <<<"$g"
      read -r orps op50 _ op99 _ <<<"$o"
      awk -v m="$name" -v n="$1" -v r="$round" -v g="$grps" -v o="$orps" -v gl="$gp50" -v ol="$op50" \
        -v gt="$gp99" -v ot="$op99" 'BEGIN {
        printf "round %d: %s / %-12s throughput %.2f (%.0f%%), p50 latency x%.2f, p99 latency x%.2f\n",
          r, m, n, g / o, 100 * g / o, gl / ol, gt / ot }'
    done
  }
  echo
  ratio baseline
  ratio hive
  ratio monolith
  ratio proxy
  ratio gateway-bare
  # Metrics and traces together, against neither (the target: under 10 % at 1 % sampling).
  ratio gateway-bare gateway-traced-100
  ratio gateway-bare gateway-traced-1
  echo "rss_MiB: peak RSS (VmHWM) of the measured server so far; cpu_s/1k_req: its user+system CPU"
  echo "seconds per 1,000 requests during the measured run; backend_s/1k: the same for the process"
  echo "behind it (monolith behind the proxy, the four subgraphs behind the gateway, baseline and hive);"
  echo "sg_req, sg_KB: subgraph requests, and KB sent and received by the subgraphs, per client request."
  echo "Raw output: $OUT"
} | tee "$OUT/results.txt"

exit "$status"
