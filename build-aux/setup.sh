#!/usr/bin/env bash
# Installs what is missing, builds CTG Planner and opens it on an example.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/deps.sh
[ -d _build ] || meson setup _build
ninja -C _build

# Run from the build tree: its translations and its settings schema
export CTG_LOCALEDIR="$PWD/_build/po"
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"

example=_build/data/examples/valence-romans.ctg
if [ -x _build/src/ui/ctg-planner ]; then
  exec _build/src/ui/ctg-planner "$example"
else
  exec _build/src/cli/ctg info "$example"
fi
