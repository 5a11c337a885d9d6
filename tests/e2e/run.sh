#!/usr/bin/env bash
# Real-window end-to-end tests: Xvfb + tauri-driver (→ WebKitWebDriver) + node --test.
#
#   bash tests/e2e/run.sh /abs/path/to/northstar      (e.g. "$PWD/target/debug/northstar")
#
# The binary must be a custom-protocol build (one that serves ui/dist, not devUrl).
# Needs: Xvfb, tauri-driver 2.x (cargo install tauri-driver --version ^2 --locked),
# /usr/bin/WebKitWebDriver (webkit2gtk-driver), /usr/bin/import (imagemagick), xwininfo
# (x11-utils), curl, node >= 20.
# Env: E2E_PORT (default 4444, another free one if taken), E2E_NATIVE_PORT (default 4445),
#      E2E_TEST_PATTERN (passed to --test-name-pattern).
# Output: TAP on stdout (closing lines "# pass N" / "# fail N"); screenshots and
# tauri-driver.log in target/e2e/. Exit code = the tests' exit code.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APP="${1:-${NORTHSTAR_APP:-}}"
if [[ -z "$APP" ]]; then
  echo "usage: $0 APP_BINARY" >&2
  exit 2
fi
APP="$(realpath -- "$APP" 2>/dev/null || echo "$APP")"
if [[ ! -x "$APP" ]]; then
  echo "e2e: app binary not found or not executable: $APP" >&2
  exit 2
fi

TAURI_DRIVER="$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")"
NATIVE_DRIVER=/usr/bin/WebKitWebDriver
for tool in Xvfb "$TAURI_DRIVER" "$NATIVE_DRIVER" /usr/bin/import xwininfo curl node setsid; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "e2e: missing tool: $tool" >&2
    exit 2
  fi
done

OUT="$ROOT/target/e2e"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/northstar-e2e-run.XXXXXX")"
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

# 0 = Xvfb wrote its display number; 1 = not yet; 2 = it exited (stops wait_until early).
xvfb_started() {
  [[ -s "$DISPLAY_FILE" ]] && return 0
  kill -0 "$XVFB_PID" 2>/dev/null || return 2
  return 1
}

# Poll until a command succeeds or the deadline (seconds) passes.
wait_until() {
  local seconds="$1"; shift
  local deadline=$((SECONDS + seconds))
  local rc
  while :; do
    "$@"; rc=$?
    (( rc == 0 )) && return 0
    (( rc == 2 )) && return 1 # the awaited process died: no use waiting
    (( SECONDS >= deadline )) && return 1
    sleep 0.1
  done
}

# --- Xvfb on a free display, from :99 up (Xvfb reports it through -displayfd when ready) ---
DISPLAY_FILE="$WORK/display"
XVFB_NUM=""
for n in $(seq 99 140); do
  [[ -e "/tmp/.X$n-lock" || -e "/tmp/.X11-unix/X$n" ]] && continue
  : >"$DISPLAY_FILE"
  setsid Xvfb ":$n" -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$DISPLAY_FILE" >"$XVFB_LOG" 2>&1 &
  XVFB_PID=$!
  # Ready when it wrote the display number; give up on this number when Xvfb exited (taken).
  if wait_until 20 xvfb_started; then XVFB_NUM="$(tr -d '[:space:]' <"$DISPLAY_FILE")"; break; fi
  kill_group "$XVFB_PID"
  XVFB_PID=""
done
if [[ -z "$XVFB_NUM" ]]; then
  echo "e2e: Xvfb did not start; its last log:" >&2
  cat "$XVFB_LOG" >&2
  exit 1
fi
export DISPLAY=":$XVFB_NUM"
echo "# e2e: Xvfb on $DISPLAY (pid $XVFB_PID)"

# --- tauri-driver ------------------------------------------------------------------------
PORT="${E2E_PORT:-4444}"
NATIVE_PORT="${E2E_NATIVE_PORT:-4445}"
port_in_use "$PORT" && PORT="$(free_port)"
port_in_use "$NATIVE_PORT" && NATIVE_PORT="$(free_port)"

# Keep the app's own config/data/cache out of the real home directory.
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
export NO_AT_BRIDGE=1 # no accessibility bus under Xvfb; avoids a startup delay

START_NS=$(date +%s%N)
setsid "$TAURI_DRIVER" --port "$PORT" --native-driver "$NATIVE_DRIVER" --native-port "$NATIVE_PORT" \
  >"$DRIVER_LOG" 2>&1 &
DRIVER_PID=$!
driver_ready() {
  kill -0 "$DRIVER_PID" 2>/dev/null || return 2
  curl -fsS --max-time 2 "http://127.0.0.1:$PORT/status" >/dev/null 2>&1 || return 1
}
if ! wait_until 30 driver_ready; then
  echo "e2e: tauri-driver did not answer on port $PORT; its log:" >&2
  cat "$DRIVER_LOG" >&2
  exit 1
fi
echo "# e2e: tauri-driver on port $PORT (native $NATIVE_PORT, pid $DRIVER_PID), ready in $(( ($(date +%s%N) - START_NS) / 1000000 )) ms"

# --- tests -------------------------------------------------------------------------------
export NORTHSTAR_APP="$APP"
export NORTHSTAR_WEBDRIVER_URL="http://127.0.0.1:$PORT"
export NORTHSTAR_DRIVER_LOG="$DRIVER_LOG"
export NORTHSTAR_E2E_OUT="$OUT"

cd "$ROOT"
args=(--test --test-reporter=tap --test-concurrency=1)
[[ -n "${E2E_TEST_PATTERN:-}" ]] && args+=(--test-name-pattern="$E2E_TEST_PATTERN")
SUITE_NS=$(date +%s%N)
# In the background + wait, so that a TERM/INT to this script runs the trap at once.
node "${args[@]}" tests/e2e/ &
NODE_PID=$!
wait "$NODE_PID"
rc=$?
NODE_PID=""
echo "# e2e: suite took $(( ($(date +%s%N) - SUITE_NS) / 1000000 )) ms, exit code $rc"
exit "$rc"
