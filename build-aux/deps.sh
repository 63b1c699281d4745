#!/usr/bin/env bash
# Installs what CTG Planner needs to build, run and test on Debian 12, and
# generates the fr_FR.UTF-8 locale. Does nothing that is already done.
set -euo pipefail

packages=(
  meson ninja-build pkg-config gcc gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libcairo2-dev libpango1.0-dev libfontconfig-dev
  libgsf-1-dev libxml2-dev libxlsxwriter-dev unzip
  desktop-file-utils appstream shared-mime-info
  xvfb xauth dbus dbus-x11 at-spi2-core poppler-utils imagemagick sqlite3 locales xdotool
  fonts-cantarell fonts-dejavu-core fonts-noto-color-emoji
  clang-14 libclang-rt-14-dev valgrind
)

missing=()
for p in "${packages[@]}"; do
  [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == *"install ok installed"* ]] || missing+=("$p")
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Not "| grep -q" under pipefail: grep leaving early would fail the pipe
if ! grep -qi '^fr_FR\.utf-\?8$' <<<"$(locale -a 2>/dev/null)"; then
  echo "Generating the fr_FR.UTF-8 locale"
  as_root sed -i 's/^# *fr_FR.UTF-8 UTF-8/fr_FR.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^fr_FR.UTF-8 UTF-8' /etc/locale.gen || echo 'fr_FR.UTF-8 UTF-8' | as_root tee -a /etc/locale.gen >/dev/null
  as_root locale-gen >/dev/null
fi
