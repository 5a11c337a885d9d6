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

OUT="$ROOT/target/bench"
LOG_PREFIX=bench
# shellcheck source=window-env.sh
source "$ROOT/tests/e2e/window-env.sh"
start_window_env

# --- the benchmark -------------------------------------------------------------------------
cd "$ROOT"
run_in_background node tests/e2e/bench.mjs --app "$APP" --generator "$GENERATOR" --work "$WORK" \
  --json "$OUT/window.json"
window_rc=$?
# Typing in a 50,000-word note next to a short one (issue 9's editor figure).
run_in_background node tests/e2e/bench-typing.mjs --app "$APP" --work "$WORK/typing" || window_rc=1
exit "$window_rc"
