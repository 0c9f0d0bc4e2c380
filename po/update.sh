#!/usr/bin/env bash
# Brings po/zh_CN.po up to date with the sources: new msgids are added untranslated, changed
# ones marked fuzzy, removed ones dropped. Translate what po/check.sh then names.
#
#   po/update.sh
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
bash "$dir/extract.sh" "$pot"
msgmerge --quiet --no-wrap --add-location=file --sort-by-file --update --backup=none "$dir/zh_CN.po" "$pot"
msgattrib --no-wrap --add-location=file --sort-by-file --no-obsolete -o "$dir/zh_CN.po" "$dir/zh_CN.po"
