#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in _build-fuzz, and runs each for SECONDS
# (default 30) from seed corpora made of the examples. Prints, per target,
# the executions and the crashes; exits non-zero if any target crashed.
#
#   tests/fuzz/run.sh 30          # what CI runs
#   tests/fuzz/run.sh 3600        # an hour each; the corpus grows in
#                                 # _build-fuzz/corpus/ and is kept between runs
#   JOBS=2 tests/fuzz/run.sh 600  # several processes per target
set -uo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-30}
jobs=${JOBS:-1}
build=_build-fuzz

if [ ! -d "$build" ]; then
  CC=${FUZZ_CC:-clang-14} meson setup "$build" -Dfuzzing=true -Dgui=disabled -Db_sanitize=address,undefined \
    -Db_lundef=false -Dwerror=false >/dev/null || exit 1
fi
ninja -C "$build" >/dev/null || { ninja -C "$build"; exit 1; }

# Seed corpora: the example conventions, an empty one, and the plan tables
mkdir -p "$build/corpus/open-bytes" "$build/corpus/csv-import" "$build/corpus/sheet-import" "$build/fuzz-crashes"
cp -n "$build"/data/examples/*.ctg "$build/corpus/open-bytes/" 2>/dev/null
[ -f "$build/corpus/open-bytes/empty.ctg" ] || \
  "$build/src/cli/ctg" new "$build/corpus/open-bytes/empty.ctg" >/dev/null 2>&1 || true
cp -n data/examples/*.csv "$build/corpus/csv-import/" 2>/dev/null
for f in data/examples/*.csv; do
  # Short pieces of each table: the header and a few rows fuzz faster
  head -n 4 "$f" > "$build/corpus/csv-import/head-$(basename "$f")"
done

# Spreadsheets: a first byte says what follows (see fuzz-sheet-import.c):
# 0 a whole file, 1 an .xlsx's sheet XML, 2 an .ods's content.xml
# An empty file: a GBytes with no data pointer (clang's UBSan flagged NULL + 0
# in the CSV parser on 3 December; gcc's does not check it)
[ -f "$build/corpus/sheet-import/empty" ] || printf '\000' > "$build/corpus/sheet-import/empty"
for f in tests/fixtures/sheets/m2a.xlsx tests/fixtures/sheets/m2a.ods tests/fixtures/sheets/update-returned.xlsx; do
  name=$(basename "$f")
  [ -f "$build/corpus/sheet-import/file-$name" ] || { printf '\000'; cat "$f"; } > "$build/corpus/sheet-import/file-$name"
done
[ -f "$build/corpus/sheet-import/sheet-m2a.xml" ] || \
  { printf '\001'; unzip -p tests/fixtures/sheets/m2a.xlsx xl/worksheets/sheet1.xml | head -c 8000 || true; } \
    > "$build/corpus/sheet-import/sheet-m2a.xml"
[ -f "$build/corpus/sheet-import/content-m2a.xml" ] || \
  { printf '\002'; unzip -p tests/fixtures/sheets/m2a.ods content.xml | head -c 16000 || true; } \
    > "$build/corpus/sheet-import/content-m2a.xml"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export G_DEBUG=gc-friendly
# Each input is written to a file and opened: in memory, the runs do not
# wait for fsync()
fuzz_tmp=$(mktemp -d "$( [ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/ctg-fuzz.XXXXXX")
trap 'rm -rf "$fuzz_tmp"' EXIT
export TMPDIR=$fuzz_tmp
export LC_ALL=C.UTF-8

total_crashes=0
for target in open-bytes csv-import sheet-import; do
  log="$build/fuzz-$target.log"
  max_len=4096
  [ "$target" = open-bytes ] && max_len=262144
  [ "$target" = sheet-import ] && max_len=65536
  parallel=()
  [ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
  "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -max_len="$max_len" \
    "${parallel[@]}" -print_final_stats=1 \
    -artifact_prefix="$build/fuzz-crashes/$target-" \
    "$build/corpus/$target" >"$log" 2>&1
  status=$?
  execs=$(grep -h 'stat::number_of_executed_units' "$log" fuzz-*.log 2>/dev/null | awk '{s += $2} END {print s + 0}')
  crashes=$(ls "$build/fuzz-crashes/" 2>/dev/null | grep -c "^$target-" || true)
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    crashes=1
    tail -30 "$log"
  fi
  echo "fuzz $target: seconds=$seconds executions=$execs crashes=$crashes"
  total_crashes=$((total_crashes + crashes))
  rm -f fuzz-*.log
done

[ "$total_crashes" -eq 0 ]
