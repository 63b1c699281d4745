#!/usr/bin/env bash
# CTG Planner benchmark: one command, one table (see bench/README.md).
#
# Usage: bench/run.sh [--sizes 100,1000,10000,100000] [--runs 5] [--only cli,gui,edit,launch,merge,scroll]
#                     [--no-libreoffice] [--keep] [--build DIR]
#
# Builds what is missing (meson compile -C _build), installs what it needs
# when run as root (time, poppler-utils, xvfb, LibreOffice Calc), then runs
# bench/run.py under its own Xvfb (1280x860) and D-Bus session.  About
# 10-15 minutes on a 2-core machine with the 100,000-action convention.

set -eu -o pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
BUILD=$ROOT/_build
for ((i = 1; i <= $#; i++)); do
  [ "${!i}" = --build ] && { j=$((i + 1)); BUILD=${!j}; }
  [ "${!i}" = -h ] || [ "${!i}" = --help ] && { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0; }
done

say() { printf '%s\n' "$*" >&2; }

apt_updated=0
need() {   # need COMMAND PACKAGE...: installs the first package that works
  local cmd=$1; shift
  command -v "$cmd" >/dev/null && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || { say "run.sh: $cmd is missing (package $1)"; return 1; }
  for pkg in "$@"; do
    if [ "$apt_updated" = 0 ] && ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
      apt-get update >/dev/null 2>&1 || true; apt_updated=1
    fi
    say "apt-get install $pkg..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$pkg" >/dev/null 2>&1 &&
      command -v "$cmd" >/dev/null && return 0
  done
  return 1
}

[ -x /usr/bin/time ] || need time time || exit 1
need pdfinfo poppler-utils || exit 1
need xvfb-run xvfb || exit 1
need dbus-run-session dbus || exit 1
case " $* " in
  *" --no-libreoffice "*) ;;
  *) need soffice libreoffice-calc-nogui libreoffice-calc || say "run.sh: no LibreOffice; its ratio will be missing" ;;
esac

if [ ! -d "$BUILD" ]; then meson setup "$BUILD" "$ROOT" >/dev/null; fi
meson compile -C "$BUILD" >/dev/null || { say "run.sh: the build failed (meson compile -C $BUILD)"; exit 1; }

exec xvfb-run -a -s "-screen 0 1280x860x24 -nolisten tcp" \
  dbus-run-session -- python3 "$HERE/run.py" "$@"
