#!/bin/sh
# Takes the README's window screenshots again, in French, at the window's
# default size (1180×780), from copies of the bundled examples filled
# through the ctg tool and tests/make-demo as a user would:
#   - creusot-montceau with its five indicators measured for 2022-2025
#     (bench/fill-indicators.sh) five statuses set and five échéances moved: the axis, an action, the overview, the
#     indicators' charts and the timeline with the bars of a past COPIL
#   - valence-romans with dates, statuses and pilots (tests/make-demo) and a
#     year of evaluation (build-aux/evaluation-demo.sh): the dashboard, the
#     timeline and the Évaluation page
# Usage: build-aux/screenshots.sh   (after a build in _build)
set -eu
cd "$(dirname "$0")/.."
ninja -C _build >/dev/null
out=${CTG_SCREENSHOTS_DIR:-data/screenshots}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ctg=_build/src/cli/ctg

cp _build/data/examples/creusot-montceau.ctg "$tmp/cm.ctg"
bench/fill-indicators.sh "$ctg" "$tmp/cm.ctg" >/dev/null
"$ctg" set "$tmp/cm.ctg" 1 --status "en cours" --progress 40 >/dev/null
"$ctg" set "$tmp/cm.ctg" 2 --status "réalisée" >/dev/null
"$ctg" set "$tmp/cm.ctg" 3 --status "en cours" --progress 60 >/dev/null
"$ctg" set "$tmp/cm.ctg" 4 --status "reportée" >/dev/null
"$ctg" set "$tmp/cm.ctg" 5 --status "en cours" --progress 20 >/dev/null
# Échéances moved since the COPIL of 26 September 2022, for the drift
for move in "1 2026" "2 03/2025" "4 2024" "6 2025" "9 12/2026"; do
  set -- $move
  "$ctg" set "$tmp/cm.ctg" "$1" --echeance "$2" >/dev/null
done
cp _build/data/examples/valence-romans.ctg "$tmp/vr.ctg"
_build/tests/make-demo "$tmp/vr.ctg" >/dev/null
build-aux/evaluation-demo.sh "$ctg" "$tmp/vr.ctg" >/dev/null

shot() {
  LC_ALL=fr_FR.UTF-8 LANGUAGE=fr CTG_LOCALEDIR="$PWD/_build/po" \
  GSETTINGS_SCHEMA_DIR="$PWD/_build/data" GSETTINGS_BACKEND=memory \
  CTG_VERIFIED_FILES="$tmp/verified" \
    xvfb-run -a -s "-screen 0 1180x780x24" _build/tests/take-screenshot "$@"
}

shot "$tmp/cm.ctg" axis:1 "$out/window-axis.png"
shot "$tmp/cm.ctg" axis:1/0 "$out/window-action.png"
shot "$tmp/cm.ctg" convention "$out/window-overview.png"
shot "$tmp/cm.ctg" evaluation "$out/evaluation-charts.png"
CTG_SCREENSHOT_DRIFT_SINCE=2022-09-26 shot "$tmp/cm.ctg" timeline "$out/timeline-drift.png"
shot "$tmp/vr.ctg" dashboard "$out/dashboard.png"
shot "$tmp/vr.ctg" timeline "$out/timeline.png"
shot "$tmp/vr.ctg" evaluation "$out/evaluation.png"
shot "$tmp/vr.ctg" evaluation@end "$out/evaluation-notes.png"
echo "Screenshots taken in $out"
