#!/usr/bin/env bash
# Runs the whole test suite, UI tests included, with no display needed:
# Xvfb and a D-Bus session are started here. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

build-aux/deps.sh || exit 1
if [ ! -d _build ]; then
  meson setup _build || exit 1
fi
ninja -C _build || exit 1

export LANG=C.UTF-8
xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
  meson test -C _build --print-errorlogs --num-processes 2 "$@"
status=$?

# Count the GTest cases (TAP lines) of every suite
log=_build/meson-logs/testlog.txt
passed=$(grep -cE '^ok [0-9]+' "$log" || true)
skipped=$(grep -cE '^ok [0-9]+ .*# SKIP' "$log" || true)
failed=$(grep -cE '^not ok [0-9]+' "$log" || true)
# A suite that crashed before printing its cases still counts as a failure
crashed=$(grep -cE '^ *[0-9]+/[0-9]+ .* (FAIL|TIMEOUT|ERROR) ' "$log" || true)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=$((crashed > 0 ? crashed : 1))
fi
echo "$((passed - skipped)) passed, ${failed} failed, ${skipped} skipped"
exit "$status"
