# Process handling shared by the bench scripts (sourced, not run): the processes a script
# starts are kept in PID by name and ended on exit, whatever ends the script. The sourcing
# script defines `die`, `log`, `ROOT` and `OUT` (where each process's log goes) before calling these.

declare -A PID=()
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  local name
  for name in "${!PID[@]}"; do kill -TERM "${PID[$name]}" 2>/dev/null || true; done
  for name in "${!PID[@]}"; do
    for _ in $(seq 50); do kill -0 "${PID[$name]}" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "${PID[$name]}" 2>/dev/null || true
    wait "${PID[$name]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# stop NAME: ends one process started here, and forgets it.
stop() {
  local pid=${PID[$1]:-}
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "PID[$1]"
}

# port_free PORT: nothing answers on 127.0.0.1:PORT.
port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" 2>/dev/null; }

# start NAME COMMAND...: runs COMMAND in the background, output to $OUT/NAME.log.
start() {
  local name=$1; shift
  "$@" >"$OUT/$name.log" 2>&1 &
  PID[$name]=$!
}

# wait_healthy NAME PORT...: until every port answers GET /health with 200, or NAME dies.
wait_healthy() {
  local name=$1; shift
  local port
  for port in "$@"; do
    for attempt in $(seq 600); do
      if curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/health"; then break; fi
      if ! kill -0 "${PID[$name]}" 2>/dev/null; then
        tail -n 20 "$OUT/$name.log" >&2
        die "$name exited before it became healthy (log: $OUT/$name.log)"
      fi
      [[ $attempt -lt 600 ]] || die "$name: no healthy answer on port $port after 60 s"
      sleep 0.1
    done
  done
}

CLK_TCK=$(getconf CLK_TCK)

# cpu_ticks PID: user + system CPU time so far, in clock ticks (/proc/PID/stat fields 14 and 15).
cpu_ticks() {
  local stat rest
  stat=$(<"/proc/$1/stat")
  rest=${stat##*) } # the command name may contain spaces; fields resume after ") "
  read -r -a fields <<<"$rest"
  echo $((fields[11] + fields[12]))
}

# build PACKAGE_FLAGS...: `cargo build` of the packages (`-p name` ...) in PROFILE (release or
# debug), in the background and waited for, so that a signal stops it at once; sets BIN to the
# folder of the built binaries.
build() {
  local profile_flag=()
  case $PROFILE in
    release) profile_flag=(--release) ;;
    debug) ;;
    *) die "PROFILE must be release or debug" ;;
  esac
  log "building (${PROFILE}): cargo build ${profile_flag[*]} $*"
  (cd "$ROOT" && exec cargo build "${profile_flag[@]}" "$@") &
  PID[cargo]=$!
  wait "${PID[cargo]}" || die "build failed"
  unset 'PID[cargo]'
  BIN=${CARGO_TARGET_DIR:-$ROOT/target}/$PROFILE
}
