#!/usr/bin/env bash
# Extracts every msgid of ldt's sources into a template (gettext .pot).
#
#   po/extract.sh OUT.pot
#
# The sources mark user-facing strings with tr("…") (translated where used) or tr_noop("…")
# (translated later from a table); see include/ldt/util/i18n.hpp.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1
cd "$root"
find src include -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort > "$out.files"
xgettext --language=C++ --from-code=UTF-8 --keyword=tr --keyword=tr_noop --add-comments=TRANSLATORS: \
  --no-wrap --add-location=file --sort-by-file --package-name=ldt --msgid-bugs-address=- -f "$out.files" -o "$out"
rm -f "$out.files"
