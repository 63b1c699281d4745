#!/usr/bin/env bash
# Installs CTG Planner into a scratch folder, then checks what a desktop does
# with a .ctg file: its type by name and by content, the application that
# opens it, and that `gio open` really opens it in CTG Planner.
set -euo pipefail

build_dir=$1
prefix=$(meson introspect "$build_dir" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build_dir" --destdir "$dest" --quiet >/dev/null
root="$dest$prefix"
update-mime-database "$root/share/mime"
update-desktop-database -q "$root/share/applications"
glib-compile-schemas "$root/share/glib-2.0/schemas"

export XDG_DATA_DIRS="$root/share:/usr/share"
export PATH="$root/bin:$PATH"
export GSETTINGS_SCHEMA_DIR="$root/share/glib-2.0/schemas"

cp "$root/share/ctg-planner/examples/m2a.ctg" "$dest/essai.ctg"
cp "$dest/essai.ctg" "$dest/no-extension"

type=$(gio info -a standard::content-type "$dest/essai.ctg" | awk '/content-type/ {print $2}')
[ "$type" = application/x-ctg ] || { echo "by name: $type"; exit 1; }
type=$(gio info -a standard::content-type "$dest/no-extension" | awk '/content-type/ {print $2}')
[ "$type" = application/x-ctg ] || { echo "by content: $type"; exit 1; }
# Not "| grep -q": grep leaving at the first match kills gio with SIGPIPE,
# which pipefail turns into a failure
default_app=$(gio mime application/x-ctg)
[[ $default_app == *"Default application for “application/x-ctg”: io.github.ctgplanner.CtgPlanner.desktop"* ]] ||
  { echo "no default application: $default_app"; exit 1; }

# Opened as a double-click would: the window shows the convention's title
gio open "$dest/essai.ctg" </dev/null >/dev/null 2>&1
# Up to 30 s: a sanitizer build on a loaded machine starts slowly
for _ in $(seq 1 120); do
  if xdotool search --name "Convention Territoriale Globale m2A" >/dev/null 2>&1; then
    pkill -f "ctg-planner $dest/essai.ctg" || true
    echo "ok: gio open showed the convention"
    exit 0
  fi
  sleep 0.25
done
pkill -f "ctg-planner $dest/essai.ctg" || true
echo "gio open did not show the convention"
exit 1
