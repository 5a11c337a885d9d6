# Shared by run.sh (the real-window tests) and bench.sh (the window benchmarks): starts Xvfb on a
# free display and tauri-driver (→ WebKitWebDriver) on a free port, each in its own process
# group, and kills both groups and removes the temp dir on exit, whatever the exit.
#
# Source it, set LOG_PREFIX (e.g. "e2e") and OUT (the output folder), then call
#   start_window_env       → exports DISPLAY, PORT, NATIVE_PORT, WORK, DRIVER_LOG, XDG_* dirs
#   run_in_background CMD… → runs CMD so that a TERM/INT to the script runs the trap at once;
#                            returns CMD's exit code
# Env: E2E_PORT (default 4444, another free one if taken), E2E_NATIVE_PORT (default 4445).

XVFB_PID=""
DRIVER_PID=""
CHILD_PID=""
WORK=""

# Kill a process group: TERM, then KILL if still there after ~3 s.
kill_group() {
  local pgid="$1" i
  [[ -n "$pgid" ]] || return 0
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  for i in $(seq 1 30); do
    kill -0 -- "-$pgid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}

cleanup_window_env() {
  [[ -n "$CHILD_PID" ]] && kill -TERM "$CHILD_PID" 2>/dev/null
  kill_group "$DRIVER_PID"
  kill_group "$XVFB_PID"
  [[ -n "$WORK" ]] && rm -rf -- "$WORK"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Poll until a command succeeds or the deadline (seconds) passes. The command returns 0 when
# ready, 1 when not yet, 2 when the awaited process died (no use waiting any longer).
wait_until() {
  local seconds="$1"; shift
  local deadline=$((SECONDS + seconds)) rc
  while :; do
    "$@"; rc=$?
    (( rc == 0 )) && return 0
    (( rc == 2 )) && return 1
    (( SECONDS >= deadline )) && return 1
    sleep 0.1
  done
}

xvfb_started() {
  [[ -s "$DISPLAY_FILE" ]] && return 0
  kill -0 "$XVFB_PID" 2>/dev/null || return 2
  return 1
}

driver_ready() {
  kill -0 "$DRIVER_PID" 2>/dev/null || return 2
  curl -fsS --max-time 2 "http://127.0.0.1:$PORT/status" >/dev/null 2>&1 || return 1
}

start_window_env() {
  TAURI_DRIVER="$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")"
  local native_driver=/usr/bin/WebKitWebDriver tool n
  for tool in Xvfb "$TAURI_DRIVER" "$native_driver" curl node setsid; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "$LOG_PREFIX: missing tool: $tool" >&2
      exit 2
    fi
  done

  mkdir -p "$OUT"
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/northstar-$LOG_PREFIX.XXXXXX")"
  DRIVER_LOG="$OUT/tauri-driver.log"
  local xvfb_log="$OUT/xvfb.log"
  : >"$DRIVER_LOG"
  trap cleanup_window_env EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  # Xvfb on a free display, from :99 up (it reports the number through -displayfd when ready).
  DISPLAY_FILE="$WORK/display"
  local display_number=""
  for n in $(seq 99 140); do
    [[ -e "/tmp/.X$n-lock" || -e "/tmp/.X11-unix/X$n" ]] && continue
    : >"$DISPLAY_FILE"
    setsid Xvfb ":$n" -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$DISPLAY_FILE" >"$xvfb_log" 2>&1 &
    XVFB_PID=$!
    # Ready when it wrote the display number; give up on this number when Xvfb exited (taken).
    if wait_until 20 xvfb_started; then display_number="$(tr -d '[:space:]' <"$DISPLAY_FILE")"; break; fi
    kill_group "$XVFB_PID"
    XVFB_PID=""
  done
  if [[ -z "$display_number" ]]; then
    echo "$LOG_PREFIX: Xvfb did not start; its last log:" >&2
    cat "$xvfb_log" >&2
    exit 1
  fi
  export DISPLAY=":$display_number"
  echo "# $LOG_PREFIX: Xvfb on $DISPLAY (pid $XVFB_PID)"

  PORT="${E2E_PORT:-4444}"
  NATIVE_PORT="${E2E_NATIVE_PORT:-4445}"
  port_in_use "$PORT" && PORT="$(free_port)"
  port_in_use "$NATIVE_PORT" && NATIVE_PORT="$(free_port)"

  # Keep the app's own config/data/cache out of the real home directory.
  export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache" \
    XDG_STATE_HOME="$WORK/state"
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
  export NO_AT_BRIDGE=1 # no accessibility bus under Xvfb; avoids a startup delay

  local start_ns
  start_ns=$(date +%s%N)
  setsid "$TAURI_DRIVER" --port "$PORT" --native-driver "$native_driver" --native-port "$NATIVE_PORT" \
    >"$DRIVER_LOG" 2>&1 &
  DRIVER_PID=$!
  if ! wait_until 30 driver_ready; then
    echo "$LOG_PREFIX: tauri-driver did not answer on port $PORT; its log:" >&2
    cat "$DRIVER_LOG" >&2
    exit 1
  fi
  echo "# $LOG_PREFIX: tauri-driver on port $PORT (native $NATIVE_PORT, pid $DRIVER_PID), ready in $(( ($(date +%s%N) - start_ns) / 1000000 )) ms"
  export NORTHSTAR_WEBDRIVER_URL="http://127.0.0.1:$PORT"
  export NORTHSTAR_DRIVER_LOG="$DRIVER_LOG"
}

run_in_background() {
  "$@" &
  CHILD_PID=$!
  wait "$CHILD_PID"
  local rc=$?
  CHILD_PID=""
  return "$rc"
}
