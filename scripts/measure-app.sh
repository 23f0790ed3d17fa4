#!/usr/bin/env bash
# Measures the desktop app as users get it (release build, under Xvfb), in both WebKit modes
# (layer compositing on and off):
#   - the floor: the same webview on an empty page (the `floor` example), start and PSS;
#   - cold start to an interactive library with 1,000 releases in the database, PSS there;
#   - keystroke in a body paragraph of the seed → updated preview;
#   - PSS summed over the app and WebKit processes after opening the seed and one compare;
#   - with 10,000 releases: cold start, PSS, and search as you type in the library;
#   - the ratios to the floor and each target of issue 14, met or not;
#   - release binary size and the .deb from `tauri build --bundles deb`.
# Needs what the e2e tests need (xvfb, webkit2gtk-driver, tauri-driver, libwebkit2gtk-4.1-dev).
# Usage: scripts/measure-app.sh   (CARGO_TARGET_DIR is honoured; default: target/)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
export CARGO_TARGET_DIR="$target"

[ -d node_modules/@tauri-apps/cli ] || npm ci --no-audit --no-fund
[ -d ui/node_modules ] || npm --prefix ui ci --no-audit --no-fund

echo "== release build and .deb (npx tauri build --bundles deb)"
start=$(date +%s)
npx tauri build --bundles deb >"$target/measure-build.log" 2>&1 || {
  tail -30 "$target/measure-build.log"; exit 1; }
echo "built in $(( $(date +%s) - start )) s"

bin="$target/release/dateline-app"
deb=$(ls -t "$target"/release/bundle/deb/*.deb | head -1)
size() { awk -v b="$(stat -c %s "$2")" -v what="$1" -v f="$2" \
  'BEGIN { printf "%s: %d bytes (%.1f MiB)  %s\n", what, b, b / 1048576, f }'; }
size "release binary" "$bin"
size ".deb" "$deb"

echo "== the floor: the same webview on an empty page (example floor, release)"
cargo build -q --release -p dateline-app --features tauri/custom-protocol --example floor \
  >"$target/measure-floor-build.log" 2>&1 || { tail -30 "$target/measure-floor-build.log"; exit 1; }
floor="$target/release/examples/floor"
size "floor binary" "$floor"

# Builds the measuring test once, so that neither mode's figures include a build.
cargo test -q -p dateline-app --features custom-protocol --test e2e --no-run \
  >"$target/measure-test-build.log" 2>&1 || { tail -30 "$target/measure-test-build.log"; exit 1; }

# One mode, printed as it runs; a failure is reported and the other mode still runs.
failed=0
measure() {
  local log="$target/measure-$1.log" rc
  set +e
  DATELINE_APP_BIN="$bin" DATELINE_FLOOR_BIN="$floor" \
    cargo test -q -p dateline-app --features custom-protocol --test e2e \
      -- --ignored --nocapture --test-threads=1 measure::measure 2>&1 |
    tee "$log" | grep --line-buffered -vE '^(running|test result|$)|^test measure|^\.$'
  rc=${PIPESTATUS[0]}
  set -e
  if [ "$rc" -ne 0 ]; then
    echo "!! the $1 run failed (whole output: $log)"
    failed=1
  fi
}
# The app turns compositing off where there is no GPU render node (src-tauri/src/painting.rs);
# the other mode is measured too, by setting the variable the other way.
if [ -n "${WEBKIT_DISABLE_COMPOSITING_MODE:-}" ]; then
  echo "WEBKIT_DISABLE_COMPOSITING_MODE is set: one mode only"
  measure "$([ "$WEBKIT_DISABLE_COMPOSITING_MODE" = 0 ] && echo compositing || echo no-compositing)"
  exit "$failed"
fi
if ls /dev/dri/renderD* >/dev/null 2>&1; then default=compositing other=no-compositing other_value=1
else default=no-compositing other=compositing other_value=0; fi
echo "== the default here ($default): tests/e2e/measure.rs against the release binaries"
measure "$default"
echo "== the other mode: WEBKIT_DISABLE_COMPOSITING_MODE=$other_value"
WEBKIT_DISABLE_COMPOSITING_MODE=$other_value measure "$other"
exit "$failed"
