#!/usr/bin/env bash
# Every source file with translatable strings is listed in po/POTFILES.in,
# and po/fr.po translates every string they hold: a file split off without
# its POTFILES.in line shows its strings in English (the sidebar's pages did)
set -uo pipefail
cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "1..3"
missing=()
while IFS= read -r f; do
  if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\("|g_dngettext \(GETTEXT_PACKAGE|translatable="yes"' "$f" &&
     ! grep -qxF "$f" po/POTFILES.in; then
    missing+=("$f")
  fi
done < <(find src resources data -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' -o -name '*.in' -o -name '*.xml' \) | sort)
if [ ${#missing[@]} -eq 0 ]; then
  echo "ok 1 every file with translatable strings is in po/POTFILES.in"
else
  printf '# not in po/POTFILES.in: %s\n' "${missing[@]}"
  echo "not ok 1 every file with translatable strings is in po/POTFILES.in"
fi

# The keywords of meson's glib preset (i18n.gettext)
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  -f po/POTFILES.in -o "$tmp/ctg-planner.pot" 2>"$tmp/xgettext.log"
if msgcmp po/fr.po "$tmp/ctg-planner.pot" 2>"$tmp/msgcmp.log"; then
  echo "ok 2 po/fr.po translates every string"
else
  sed 's/^/# /' "$tmp/xgettext.log" "$tmp/msgcmp.log" | head -40
  echo "not ok 2 po/fr.po translates every string"
fi

# And nothing more: a translation whose English left the sources is dead
# weight that misleads whoever reads fr.po (and msgmerge would keep it as #~)
msgmerge -q --no-fuzzy-matching po/fr.po "$tmp/ctg-planner.pot" -o "$tmp/merged.po" 2>>"$tmp/msgcmp.log"
if ! grep -q '^#~ msgid' "$tmp/merged.po"; then
  echo "ok 3 po/fr.po holds no string the sources no longer have"
else
  grep -A1 '^#~ msgid' "$tmp/merged.po" | sed 's/^/# /' | head -40
  echo "not ok 3 po/fr.po holds no string the sources no longer have"
fi
