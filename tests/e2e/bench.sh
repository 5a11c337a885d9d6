#!/usr/bin/env bash
# Window benchmarks of the real Northstar app (`make bench`): Xvfb + tauri-driver
# (→ WebKitWebDriver) + tests/e2e/bench.mjs, which prints a table of medians.
#
#   bash tests/e2e/bench.sh /abs/path/to/northstar /abs/path/to/bench_db
#
# APP is the custom-protocol app binary (`make build`); BENCH_DB is the database generator
# (`cargo build -p northstar-core --example bench_db` → target/debug/examples/bench_db).
# Starts Xvfb and tauri-driver the same way as run.sh, each in its own process group, and kills
# both groups and removes its temp dir on exit, whatever the exit.
# Env: BENCH_RUNS (default 5), BENCH_ITEMS (default 10000), BENCH_SMALL_ITEMS (default 25),
#      E2E_PORT / E2E_NATIVE_PORT (as for run.sh).
# Output: the table on stdout; target/bench/window.json (every sample), tauri-driver.log.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APP="${1:-}"
GENERATOR="${2:-}"
if [[ -z "$APP" || -z "$GENERATOR" ]]; then
  echo "usage: $0 APP_BINARY BENCH_DB_BINARY" >&2
  exit 2
fi
for binary in "$APP" "$GENERATOR"; do
  if [[ ! -x "$binary" ]]; then
    echo "bench: not found or not executable: $binary" >&2
    exit 2
  fi
done
APP="$(realpath -- "$APP")"
GENERATOR="$(realpath -- "$GENERATOR")"

TAURI_DRIVER="$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")"
NATIVE_DRIVER=/usr/bin/WebKitWebDriver
for tool in Xvfb "$TAURI_DRIVER" "$NATIVE_DRIVER" curl node setsid; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench: missing tool: $tool" >&2
    exit 2
  fi
done

OUT="$ROOT/target/bench"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/northstar-bench.XXXXXX")"
DRIVER_LOG="$OUT/tauri-driver.log"
XVFB_LOG="$OUT/xvfb.log"
: >"$DRIVER_LOG"

XVFB_PID=""
DRIVER_PID=""
NODE_PID=""

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

cleanup() {
  [[ -n "$NODE_PID" ]] && kill -TERM "$NODE_PID" 2>/dev/null
  kill_group "$DRIVER_PID"
  kill_group "$XVFB_PID"
  rm -rf -- "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# 0 = ready; 1 = not yet; 2 = the awaited process died (stops wait_until early).
xvfb_started() {
  [[ -s "$DISPLAY_FILE" ]] && return 0
  kill -0 "$XVFB_PID" 2>/dev/null || return 2
  return 1
}
driver_ready() {
  kill -0 "$DRIVER_PID" 2>/dev/null || return 2
  curl -fsS --max-time 2 "http://127.0.0.1:$PORT/status" >/dev/null 2>&1 || return 1
}
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

# --- Xvfb on a free display, from :99 up -------------------------------------------------
DISPLAY_FILE="$WORK/display"
XVFB_NUM=""
for n in $(seq 99 140); do
  [[ -e "/tmp/.X$n-lock" || -e "/tmp/.X11-unix/X$n" ]] && continue
  : >"$DISPLAY_FILE"
  setsid Xvfb ":$n" -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$DISPLAY_FILE" >"$XVFB_LOG" 2>&1 &
  XVFB_PID=$!
  if wait_until 20 xvfb_started; then XVFB_NUM="$(tr -d '[:space:]' <"$DISPLAY_FILE")"; break; fi
  kill_group "$XVFB_PID"
  XVFB_PID=""
done
if [[ -z "$XVFB_NUM" ]]; then
  echo "bench: Xvfb did not start; its last log:" >&2
  cat "$XVFB_LOG" >&2
  exit 1
fi
export DISPLAY=":$XVFB_NUM"

# --- tauri-driver ------------------------------------------------------------------------
PORT="${E2E_PORT:-4444}"
NATIVE_PORT="${E2E_NATIVE_PORT:-4445}"
port_in_use "$PORT" && PORT="$(free_port)"
port_in_use "$NATIVE_PORT" && NATIVE_PORT="$(free_port)"

# Keep the app's own config/data/cache out of the real home directory.
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
export NO_AT_BRIDGE=1

setsid "$TAURI_DRIVER" --port "$PORT" --native-driver "$NATIVE_DRIVER" --native-port "$NATIVE_PORT" \
  >"$DRIVER_LOG" 2>&1 &
DRIVER_PID=$!
if ! wait_until 30 driver_ready; then
  echo "bench: tauri-driver did not answer on port $PORT; its log:" >&2
  cat "$DRIVER_LOG" >&2
  exit 1
fi

# --- the benchmark -------------------------------------------------------------------------
export NORTHSTAR_WEBDRIVER_URL="http://127.0.0.1:$PORT"
export NORTHSTAR_DRIVER_LOG="$DRIVER_LOG"
cd "$ROOT"
# In the background + wait, so that a TERM/INT to this script runs the trap at once.
node tests/e2e/bench.mjs --app "$APP" --generator "$GENERATOR" --work "$WORK" \
  --json "$OUT/window.json" &
NODE_PID=$!
wait "$NODE_PID"
rc=$?
NODE_PID=""
exit "$rc"
