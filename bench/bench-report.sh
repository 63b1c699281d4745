#!/usr/bin/env bash
# Benchmark of the COPIL report PDF (`ctg export X.ctg --pdf`), against
# LibreOffice converting the same plan table to PDF.  See bench/README.md.
#
# Usage: bench/bench-report.sh [--no-libreoffice] [--no-install]
#   --no-libreoffice  measure CTG only (as if LibreOffice could not be installed)
#   --no-install      install nothing; use what is already on the machine
# Environment: CTG (the ctg binary), EXAMPLES (folder of the example .ctg files)
#
# bash and python3 (standard library) only.  Works in a temporary folder that
# is removed at the end.  About 3-4 minutes on a 2-core machine, plus the
# LibreOffice install the first time.

set -u -o pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
CTG=${CTG:-$ROOT/_build/src/cli/ctg}
EXAMPLES=${EXAMPLES:-$ROOT/_build/data/examples}
CTG_RUNS=5
LO_RUNS=3
LO_TIMEOUT=300           # seconds for one LibreOffice conversion
SYNTHETIC="100 1000 10000"

use_lo=1
may_install=1
for arg in "$@"; do
  case $arg in
    --no-libreoffice) use_lo=0 ;;
    --no-install) may_install=0 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-report: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { printf '%s\n' "$*" >&2; }

if [ ! -x "$CTG" ]; then
  say "bench-report: $CTG not found; build first (meson setup _build && meson compile -C _build)"
  exit 1
fi

WORK=$(mktemp -d /tmp/ctg-bench-XXXXXX)
PROFILE=""
cleanup() { rm -rf "$WORK"; [ -n "$PROFILE" ] && rm -rf "$PROFILE"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
LOG=$WORK/log

# --- tools -----------------------------------------------------------------

apt_updated=0
apt_install() {   # apt_install PACKAGE: 0 when installed
  [ "$may_install" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  local policy
  policy=$(apt-cache policy "$1" 2>/dev/null)
  if [ "$apt_updated" = 0 ] && ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
    say "apt-get update..."
    apt-get update >>"$LOG" 2>&1
    apt_updated=1
  fi
  say "apt-get install $1..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$1" >>"$LOG" 2>&1
}

[ -x /usr/bin/time ] || apt_install time || { say "bench-report: /usr/bin/time is missing (package time)"; exit 1; }
command -v pdfinfo >/dev/null || apt_install poppler-utils || { say "bench-report: pdfinfo is missing (package poppler-utils)"; exit 1; }

SOFFICE=""
lo_note=""
if [ "$use_lo" = 1 ]; then
  SOFFICE=$(command -v soffice || command -v libreoffice || true)
  if [ -z "$SOFFICE" ]; then
    if apt_install libreoffice-calc-nogui || apt_install libreoffice-calc; then
      SOFFICE=$(command -v soffice || command -v libreoffice || true)
    fi
  fi
  [ -n "$SOFFICE" ] || lo_note="LibreOffice was unavailable (not installed and could not be installed); CTG figures only."
else
  lo_note="LibreOffice was left out (--no-libreoffice); CTG figures only."
fi

# --- plans -----------------------------------------------------------------

# The examples, then the synthetic conventions
declare -a LABELS FILES
for f in "$EXAMPLES"/*.ctg; do
  [ -e "$f" ] || continue
  LABELS+=("$(basename "$f" .ctg)"); FILES+=("$f")
done
[ "${#FILES[@]}" -gt 0 ] || say "bench-report: no examples in $EXAMPLES (built by meson compile)"

mkdir -p "$WORK/plans" "$WORK/pdf" "$WORK/lo"
for n in $SYNTHETIC; do
  say "generating and importing a synthetic plan of $n actions..."
  python3 "$HERE/gen-plan.py" "$n" "$WORK/plans/synthetic-$n.csv" \
          --convention "$WORK/plans/synthetic-$n.convention" &&
  "$CTG" import "$WORK/plans/synthetic-$n.csv" --convention "$WORK/plans/synthetic-$n.convention" \
         -o "$WORK/plans/synthetic-$n.ctg" >>"$LOG" 2>&1 || {
    say "bench-report: the synthetic plan of $n actions could not be made:"; tail -5 "$LOG" >&2; exit 1; }
  LABELS+=("synthetic-$n"); FILES+=("$WORK/plans/synthetic-$n.ctg")
done

# --- measures ----------------------------------------------------------------

# timed CMD...: runs CMD under /usr/bin/time; sets T (wall s) and M (peak RSS KB)
timed() {
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >>"$LOG" 2>&1
  local rc=$?
  read -r T M < <(tail -n 1 "$WORK/time")
  return $rc
}

pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

lo_convert() {   # lo_convert PLAN.csv: one conversion into $WORK/lo
  timed timeout "$LO_TIMEOUT" "$SOFFICE" -env:UserInstallation="file://$PROFILE" --headless \
        --infilter="CSV:59,34,76,1" --convert-to pdf --outdir "$WORK/lo" "$1"
}

RESULTS=$WORK/results.tsv
: >"$RESULTS"
if [ -n "$SOFFICE" ]; then
  PROFILE=$(mktemp -d /tmp/lo-profile-XXXXXX)
  say "warming the LibreOffice profile (not counted)..."
  "$CTG" export "${FILES[0]}" --csv "$WORK/lo/warmup.csv" >>"$LOG" 2>&1
  if ! lo_convert "$WORK/lo/warmup.csv" || [ ! -s "$WORK/lo/warmup.pdf" ]; then
    lo_note="LibreOffice was unavailable: $SOFFICE could not convert a CSV to PDF (see the log below); CTG figures only."
    tail -5 "$LOG" >&2
    SOFFICE=""
  fi
fi

for i in "${!FILES[@]}"; do
  label=${LABELS[$i]} file=${FILES[$i]}
  actions=$("$CTG" info "$file" | sed -n 's/^\([0-9][0-9]*\) actions\{0,1\}\b.*/\1/p' | head -n 1)
  say "$label ($actions actions): ctg export --pdf x$CTG_RUNS..."
  ctg_t="" ctg_m="" ok=1
  for _ in $(seq "$CTG_RUNS"); do
    rm -f "$WORK/pdf/$label.pdf"
    timed "$CTG" export "$file" --pdf "$WORK/pdf/$label.pdf" || { ok=0; break; }
    ctg_t+="$T," ctg_m+="$M,"
  done
  if [ "$ok" = 0 ]; then say "bench-report: ctg export --pdf failed on $label:"; tail -5 "$LOG" >&2; exit 1; fi
  ctg_pages=$(pages "$WORK/pdf/$label.pdf")

  lo_t="" lo_pages=""
  if [ -n "$SOFFICE" ]; then
    say "$label: LibreOffice CSV -> PDF x$LO_RUNS..."
    csv=$WORK/lo/$label.csv
    "$CTG" export "$file" --csv "$csv" >>"$LOG" 2>&1
    for _ in $(seq "$LO_RUNS"); do
      rm -f "$WORK/lo/$label.pdf"
      if lo_convert "$csv" && [ -s "$WORK/lo/$label.pdf" ]; then
        lo_t+="$T,"
      else
        say "  LibreOffice failed or took more than $LO_TIMEOUT s on $label"; lo_t="fail"; break
      fi
    done
    lo_pages=$(pages "$WORK/lo/$label.pdf")
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$actions" "$ctg_pages" \
         "${ctg_t%,}" "${ctg_m%,}" "${lo_t%,}" "$lo_pages" >>"$RESULTS"
done

# --- report ------------------------------------------------------------------

python3 - "$RESULTS" "$lo_note" "$(nproc)" "$("$CTG" --version 2>/dev/null | head -n 1)" \
          "$([ -n "$SOFFICE" ] && "$SOFFICE" --version 2>/dev/null | head -n 1)" <<'EOF'
import statistics, sys

results, lo_note, cores, ctg_version, lo_version = sys.argv[1:6]
rows = []
for line in open(results, encoding="utf-8"):
    label, actions, pages, ctg_t, ctg_m, lo_t, lo_pages = line.rstrip("\n").split("\t")
    ctg = statistics.median(float(x) for x in ctg_t.split(","))
    rss = max(int(x) for x in ctg_m.split(",")) / 1024
    lo = None if lo_t in ("", "fail") else statistics.median(float(x) for x in lo_t.split(","))
    rows.append(dict(label=label, actions=int(actions or 0), pages=pages, ctg=ctg, rss=rss,
                     lo=lo, lo_failed=lo_t == "fail", lo_pages=lo_pages))

head = ["convention", "actions", "pages", "CTG median s", "CTG peak MB",
        "LibreOffice median s", "ratio LO/CTG", "LO pages"]
table = []
for r in rows:
    lo = "failed" if r["lo_failed"] else "n/a" if r["lo"] is None else f"{r['lo']:.2f}"
    ratio = f"{r['lo'] / r['ctg']:.1f}x" if r["lo"] is not None and r["ctg"] > 0 else "n/a"
    table.append([r["label"], str(r["actions"]), r["pages"], f"{r['ctg']:.2f}",
                  f"{r['rss']:.1f}", lo, ratio, r["lo_pages"] or "n/a"])
width = [max(len(x) for x in col) for col in zip(head, *table)]
def out(cells):
    print("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                            for i, (c, w) in enumerate(zip(cells, width))) + " |")
print()
print(f"CTG COPIL report PDF vs LibreOffice CSV->PDF, {cores} cores; "
      f"CTG: median of 5 runs of `ctg export --pdf`, peak RSS the highest of them; "
      f"LibreOffice: median of 3 runs after a warm-up.")
if ctg_version: print(ctg_version)
if lo_version: print(lo_version)
print()
out(head)
print("|" + "|".join("-" * (w + 2) for w in width) + "|")
for cells in table:
    out(cells)
print()
if lo_note:
    print(lo_note)
    print()

by = {r["label"]: r for r in rows}
def verdict(ok):
    return "HOLDS" if ok else "DOES NOT HOLD"
r = by.get("synthetic-100")
if r:
    fast = r["ctg"] < 0.2
    if r["lo"] is not None:
        ratio = r["lo"] / r["ctg"]
        print(f"Target \"COPIL PDF of a 100-action convention under 0.2 s and at least 20x faster "
              f"than LibreOffice\": {verdict(fast and ratio >= 20)} "
              f"(synthetic-100: {r['ctg']:.2f} s, {ratio:.1f}x faster than LibreOffice)")
    else:
        print(f"Target \"COPIL PDF of a 100-action convention under 0.2 s and at least 20x faster "
              f"than LibreOffice\": under 0.2 s {verdict(fast)} (synthetic-100: {r['ctg']:.2f} s); "
              f"the 20x is not measured without LibreOffice")
r = by.get("synthetic-10000")
if r:
    print(f"Target \"10,000 actions under 10 s and 300 MB\": "
          f"{verdict(r['ctg'] < 10 and r['rss'] < 300)} "
          f"(synthetic-10000: {r['ctg']:.2f} s, {r['rss']:.1f} MB peak)")
EOF
