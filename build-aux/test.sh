#!/usr/bin/env bash
# Runs the whole test suite, UI tests included, with no display needed:
# Xvfb and a D-Bus session are started here. Then, unless arguments select
# some tests (or CTG_TEST_QUICK=1), the reliability stages:
#   - the fuzz targets, CTG_FUZZ_SECONDS each (default 30; tests/fuzz/run.sh)
#   - the whole suite again built with AddressSanitizer and
#     UndefinedBehaviorSanitizer (_build-asan)
#   - the core tests under valgrind
# Prints the reliability figures and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

build-aux/deps.sh || exit 1
if [ ! -d _build ]; then
  meson setup _build || exit 1
fi
ninja -C _build || exit 1

export LANG=C.UTF-8
display=(xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session --)

total_passed=0
total_failed=0
total_skipped=0
overall=0

# Adds the GTest cases (TAP lines) of one meson test log to the totals
count_log() {
  local log=$1 status=$2 passed skipped failed crashed
  passed=$(grep -cE '^ok [0-9]+' "$log" || true)
  skipped=$(grep -cE '^ok [0-9]+ .*# SKIP' "$log" || true)
  failed=$(grep -cE '^not ok [0-9]+' "$log" || true)
  # A suite that crashed before printing its cases still counts as a failure
  crashed=$(grep -cE '^ *[0-9]+/[0-9]+ .* (FAIL|TIMEOUT|ERROR) ' "$log" || true)
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=$((crashed > 0 ? crashed : 1))
  fi
  total_passed=$((total_passed + passed - skipped))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
  [ "$status" -eq 0 ] || overall=1
}

# Counts one stage that is not a GTest suite as one case
count_stage() {
  if [ "$1" -eq 0 ]; then
    total_passed=$((total_passed + 1))
  else
    total_failed=$((total_failed + 1))
    overall=1
  fi
}

"${display[@]}" meson test -C _build --print-errorlogs --num-processes 2 "$@"
count_log _build/meson-logs/testlog.txt $?

if [ $# -eq 0 ] && [ "${CTG_TEST_QUICK:-0}" != 1 ]; then
  echo
  echo "== Reliability figures"
  grep -hE '^# (crash|bad-files|csv:|flipped|merge)' _build/meson-logs/testlog.txt | sed 's/^# //'

  echo
  echo "== Fuzzing, ${CTG_FUZZ_SECONDS:-30} s per target"
  fuzz_out=$(tests/fuzz/run.sh "${CTG_FUZZ_SECONDS:-30}")
  fuzz_status=$?
  echo "$fuzz_out"
  for target in open-bytes csv-import sheet-import; do
    grep -q "^fuzz $target: .* crashes=0$" <<<"$fuzz_out"
    count_stage $?
  done
  [ "$fuzz_status" -eq 0 ] || count_stage 1

  echo
  echo "== AddressSanitizer and UndefinedBehaviorSanitizer, whole suite"
  if [ ! -d _build-asan ]; then
    meson setup _build-asan -Db_sanitize=address,undefined -Dbuildtype=debug >/dev/null || exit 1
  fi
  if ninja -C _build-asan >/dev/null; then
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
    # Fewer crash runs: each costs ten times more under ASan
    export CTG_CRASH_RUNS=${CTG_ASAN_CRASH_RUNS:-200} CTG_BAD_FILES_FLIPS=${CTG_ASAN_FLIPS:-200}
    export CTG_MERGE_RUNS=${CTG_ASAN_MERGE_RUNS:-200}
    # Core, CLI, report and reliability suites: leaks are bugs
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      "${display[@]}" meson test -C _build-asan --print-errorlogs --num-processes 2 -t 4 \
      --no-suite ui --no-suite install --logbase asan-core
    count_log _build-asan/meson-logs/asan-core.txt $?
    # UI suites: GTK, fontconfig and Mesa keep caches for the life of the
    # process that LeakSanitizer reports as leaks; memory errors and
    # undefined behaviour are still caught
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
      "${display[@]}" meson test -C _build-asan --print-errorlogs -t 4 \
      --suite ui --suite install --logbase asan-ui
    count_log _build-asan/meson-logs/asan-ui.txt $?
    unset CTG_CRASH_RUNS CTG_BAD_FILES_FLIPS CTG_MERGE_RUNS
    grep -hE '^# (crash|bad-files|merge)' _build-asan/meson-logs/asan-core.txt | sed 's/^# /asan: /'
  else
    count_stage 1
  fi

  echo
  echo "== valgrind, core tests"
  "${display[@]}" meson test -C _build --suite core --print-errorlogs --num-processes 2 -t 10 \
    --logbase valgrind \
    --wrap="valgrind --child-silent-after-fork=yes --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --suppressions=/usr/share/glib-2.0/valgrind/glib.supp --suppressions=$PWD/tests/valgrind.supp --num-callers=30"
  count_log _build/meson-logs/valgrind-valgrind.txt $?
fi

echo "${total_passed} passed, ${total_failed} failed, ${total_skipped} skipped"
exit "$overall"
