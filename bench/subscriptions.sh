#!/usr/bin/env bash
# Subscription load test of the Quntuan gateway (issue 17 point 6), all on 127.0.0.1:
#   subgraphs  `quntuan-bench-subgraphs ticker`: the ticker (Subscription.ticks over
#              graphql-transport-ws, :4121) and products (:4122), which resolves the product
#              each event names, so every event takes one entity fetch in the gateway
#   gateway    `quntuan serve` over bench/supergraph-subscriptions.graphql (:4120), restarted
#              for each leg with `subscriptions.deduplicate` off or on (a config file per leg)
#   client     `quntuan-bench-subscribers`: SUBSCRIBERS WebSockets, one `ticks` subscription
#              each, every event's seq and product checked; it measures for DURATION seconds
#              once every subscriber has had its first event, then closes them all
# Per leg: the gateway's RSS (VmRSS) after a warm-up and before the subscriptions, and again
# once all are open; the difference divided by the subscriptions opened is the memory per
# subscription. Events per second delivered, over all subscribers, during the window; the
# gateway's and the subgraphs' CPU seconds per 1,000 events; delivery latency.
#
# Usage: bench/subscriptions.sh      (from anywhere; needs cargo and curl)
# Environment:
#   SUBSCRIBERS=1000  concurrent subscriptions      INTERVAL_MS=100  ms between two events of one
#   DURATION=20       measured seconds per leg                       subscription (10/s each)
#   LEGS="off on"     subscriptions.deduplicate per leg, in this order (repeat to alternate:
#                     "off on off on")
#   PROFILE=release   or debug (a quick check of the script; debug figures are not comparable)
#   GATEWAY_BIN=PATH  a prebuilt `quntuan` to measure instead of building quntuan-cli
#   PORT_BASE=4120    gateway port; ticker +1, products +2
#   OUT=DIR           where logs and the client's output go (default: a new /tmp dir)
# Exit status: 0 when every subscriber of every leg got every event right, 1 otherwise, 2 on a
# setup failure.
set -euo pipefail

SUBSCRIBERS=${SUBSCRIBERS:-1000}
INTERVAL_MS=${INTERVAL_MS:-100}
DURATION=${DURATION:-20}
LEGS=${LEGS:-off on}
PROFILE=${PROFILE:-release}
PORT_BASE=${PORT_BASE:-4120}

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
OUT=${OUT:-$(mktemp -d /tmp/quntuan-subscriptions.XXXXXX)}
mkdir -p "$OUT"

die() { echo "subscriptions.sh: $*" >&2; exit 2; }
log() { echo "== $*" >&2; }

[[ $SUBSCRIBERS =~ ^[1-9][0-9]*$ && $INTERVAL_MS =~ ^[1-9][0-9]*$ && $DURATION =~ ^[1-9][0-9]*$ ]] ||
  die "SUBSCRIBERS, INTERVAL_MS and DURATION must be whole numbers above 0"
[[ $PORT_BASE =~ ^[0-9]+$ && $PORT_BASE -ge 1024 && $PORT_BASE -le 65000 ]] ||
  die "PORT_BASE must be a number from 1024 to 65000"
for leg in $LEGS; do
  [[ $leg == off || $leg == on ]] || die "LEGS holds off and on only, not '$leg'"
done
GATEWAY_PORT=$PORT_BASE
TICKER_PORT=$((PORT_BASE + 1))
PRODUCTS_PORT=$((PORT_BASE + 2))
command -v curl >/dev/null || die "curl is required"

# The gateway holds a socket per subscriber and one per subgraph subscription; the client one
# per subscriber. The limit is per process and inherited, so raising it here covers all three.
needed_files=$((SUBSCRIBERS * 2 + 512))
if [[ $(ulimit -n) != unlimited && $(ulimit -n) -lt $needed_files ]]; then
  ulimit -n "$needed_files" 2>/dev/null ||
    die "open files limit $(ulimit -n) is below $needed_files and cannot be raised (ulimit -n)"
fi

# --- processes ---------------------------------------------------------------------------------
# shellcheck source=bench/processes.sh
source "$BENCH/processes.sh"

# --- build -------------------------------------------------------------------------------------
packages=(-p quntuan-bench)
GATEWAY_BIN=${GATEWAY_BIN:-}
[[ -n $GATEWAY_BIN ]] || packages+=(-p quntuan-cli)
build "${packages[@]}"
SERVERS=$BIN/quntuan-bench-subgraphs
CLIENT=$BIN/quntuan-bench-subscribers
GATEWAY=${GATEWAY_BIN:-$BIN/quntuan}
for binary in "$SERVERS" "$CLIENT" "$GATEWAY"; do
  [[ -x $binary ]] || die "missing $binary after the build"
done

for port in "$GATEWAY_PORT" "$TICKER_PORT" "$PRODUCTS_PORT"; do
  port_free "$port" || die "port $port on 127.0.0.1 is already in use"
done

start subgraphs "$SERVERS" ticker --ticker "$TICKER_PORT" --products "$PRODUCTS_PORT"
wait_healthy subgraphs "$TICKER_PORT" "$PRODUCTS_PORT"

# --- measurement helpers -----------------------------------------------------------------------

# status_kib PID FIELD: a /proc/PID/status figure in KiB (VmRSS now, VmHWM the peak).
status_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# metric NAME: the gateway's counter or gauge NAME summed over its labels (0 when absent).
metric() {
  curl -fs --max-time 5 "http://127.0.0.1:$GATEWAY_PORT/metrics" |
    awk -v m="$1" '$1 == m || index($1, m "{") == 1 { sum += $NF } END { printf "%d", sum }'
}

# client NAME SUBSCRIBERS SECONDS: runs the load client in the background, output to
# $OUT/NAME.txt; PID[client] is its process.
client() {
  "$CLIENT" --url "ws://127.0.0.1:$GATEWAY_PORT/graphql" --subscribers "$2" \
    --interval-ms "$INTERVAL_MS" --duration "$3" >"$OUT/$1.txt" 2>&1 &
  PID[client]=$!
}

# --- the legs ----------------------------------------------------------------------------------
status=0
declare -a ROWS=()
n=0
for leg in $LEGS; do
  n=$((n + 1))
  name="gateway-dedup-$leg-$n"
  deduplicate=false
  [[ $leg == on ]] && deduplicate=true
  # The config file sets only what the leg varies; max_total leaves room for every subscriber.
  cat >"$OUT/$name.yaml" <<EOF
subscriptions:
  deduplicate: $deduplicate
  max_total: $((SUBSCRIBERS + 100))
EOF
  gateway_args=(serve --config "$OUT/$name.yaml" --supergraph "$BENCH/supergraph-subscriptions.graphql"
    --listen "127.0.0.1:$GATEWAY_PORT")
  if [[ $PORT_BASE -ne 4120 ]]; then
    gateway_args+=(--subgraph-url "ticker=http://127.0.0.1:$TICKER_PORT/graphql"
      --subgraph-url "products=http://127.0.0.1:$PRODUCTS_PORT/graphql")
  fi
  start gateway "$GATEWAY" "${gateway_args[@]}"
  wait_healthy gateway "$GATEWAY_PORT"
  gateway_pid=${PID[gateway]}

  # A short warm-up, so that the figure before is of a gateway that has served subscriptions
  # (its code paged in, its subgraph client pools up) and the difference is the subscriptions.
  log "deduplicate $leg: warm-up, 10 subscribers for 2 s"
  client "$name-warmup" 10 2
  wait "${PID[client]}" || { cat "$OUT/$name-warmup.txt" >&2; die "the warm-up failed (see $OUT/$name-warmup.txt)"; }
  unset 'PID[client]'
  sleep 1
  rss_before=$(status_kib "$gateway_pid" VmRSS)
  joins_warmup=$(metric quntuan_subscriptions_deduplicated_total)
  dropped_warmup=$(metric quntuan_subscription_events_dropped_total)

  log "deduplicate $leg: $SUBSCRIBERS subscribers, an event every $INTERVAL_MS ms each, ${DURATION}s measured"
  client "$name" "$SUBSCRIBERS" "$DURATION"
  client_pid=${PID[client]}
  for _ in $(seq 1200); do
    grep -q '^OPENED ' "$OUT/$name.txt" 2>/dev/null && break
    kill -0 "$client_pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -q '^OPENED ' "$OUT/$name.txt" || { cat "$OUT/$name.txt" >&2; die "the client never opened its subscriptions (see $OUT/$name.txt)"; }
  rss_open=$(status_kib "$gateway_pid" VmRSS)
  open_now=$(metric quntuan_subscriptions_open)
  gateway_before=$(cpu_ticks "$gateway_pid")
  subgraphs_before=$(cpu_ticks "${PID[subgraphs]}")
  client_status=0
  wait "$client_pid" || client_status=$?
  unset 'PID[client]'
  gateway_ticks=$(($(cpu_ticks "$gateway_pid") - gateway_before))
  subgraphs_ticks=$(($(cpu_ticks "${PID[subgraphs]}") - subgraphs_before))
  rss_peak=$(status_kib "$gateway_pid" VmHWM)
  joins=$(($(metric quntuan_subscriptions_deduplicated_total) - joins_warmup))
  dropped=$(($(metric quntuan_subscription_events_dropped_total) - dropped_warmup))
  [[ $client_status -eq 0 ]] || status=1
  line=$(grep '^RESULT ' "$OUT/$name.txt") || { cat "$OUT/$name.txt" >&2; die "the client printed no RESULT line (see $OUT/$name.txt)"; }
  declare -A r=()
  for pair in ${line#RESULT }; do r[${pair%%=*}]=${pair#*=}; done
  ROWS+=("$(awk -v leg="$leg" -v n="$n" -v opened="${r[opened]}" -v eps="${r[events_per_s]}" \
    -v events="${r[events]}" -v lo="${r[min_per_sub]}" -v hi="${r[max_per_sub]}" \
    -v bad="$((r[missed] + r[wrong] + r[failed] + r[ended_early]))" -v p50="${r[p50_ms]}" \
    -v p99="${r[p99_ms]}" -v before="$rss_before" -v open="$rss_open" -v peak="$rss_peak" \
    -v gt="$gateway_ticks" -v st="$subgraphs_ticks" -v hz="$CLK_TCK" -v gauge="$open_now" \
    -v joins="$joins" -v dropped="$dropped" 'BEGIN {
      per_sub = opened > 0 ? (open - before) / opened : 0
      printf "%-5s %3d %7d %6d %6d %7d %10.1f %7d..%-7d %5d %8.1f %8.1f %9.1f %9.1f %9.1f %8.1f %11.3f %11.3f\n",
        leg, n, opened, gauge, joins, dropped, eps, lo, hi, bad, p50, p99, before / 1024, open / 1024,
        peak / 1024, per_sub, (events > 0 ? gt / hz / events * 1000 : 0),
        (events > 0 ? st / hz / events * 1000 : 0) }')")
  unset r
  stop gateway
done

# --- report ------------------------------------------------------------------------------------
{
  echo
  echo "Quntuan subscription load test: $SUBSCRIBERS subscribers over graphql-transport-ws, an event" \
    "every $INTERVAL_MS ms per subscription (each with one entity fetch), ${DURATION}s measured per leg," \
    "$PROFILE build, $(nproc) CPUs, $(date -u +%Y-%m-%d)"
  printf '%-5s %3s %7s %6s %6s %7s %10s %17s %5s %8s %8s %9s %9s %9s %8s %11s %11s\n' dedup leg opened \
    gauge joins dropped events/s per_sub_events bad p50_ms p99_ms rss_before rss_open rss_peak KiB/sub gw_cpu_s/1k sg_cpu_s/1k
  printf '%s\n' "${ROWS[@]}"
  echo "gauge: quntuan_subscriptions_open once all were open; joins: subscriptions that joined a shared"
  echo "subgraph subscription (deduplication); dropped: events dropped for slow clients (both counters,"
  echo "during the leg)."
  echo "events/s: events received by all subscribers together per second of the window; per_sub_events:"
  echo "the fewest..most one subscriber received; bad: events missing, wrong or out of order, plus"
  echo "subscribers that failed or ended early; latency from the ticker sending to the client receiving;"
  echo "rss (MiB) of the gateway after a warm-up (before), once every subscription had its first event"
  echo "(open), and its peak; KiB/sub = (open - before) / opened; cpu_s/1k: CPU seconds of the gateway"
  echo "and of the subgraphs per 1,000 events delivered. Raw output: $OUT"
} | tee "$OUT/results.txt"

exit "$status"
