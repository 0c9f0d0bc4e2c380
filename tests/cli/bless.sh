#!/usr/bin/env bash
# Rewrites the expected files of golden CLI cases from the binary's actual output.
#
#   tests/cli/bless.sh LDT_BINARY [CASE…]     (no CASE: every case under tests/cli/cases,
#                                              except those in KNOWN_FAILURES)
#
# Only for intended changes: review `git diff tests/cli` before committing. A case listed in
# KNOWN_FAILURES holds hand-written right output; it is blessed only when named explicitly.
set -u
if [ $# -lt 1 ]; then
  echo "usage: $0 LDT_BINARY [CASE…]" >&2
  exit 2
fi
cli_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
binary=$1
shift
if [ $# -eq 0 ]; then
  for dir in "$cli_dir"/cases/*/; do
    name=$(basename "$dir")
    if [ -f "$cli_dir/KNOWN_FAILURES" ] && grep -q "^$name[[:space:]]" "$cli_dir/KNOWN_FAILURES"; then
      echo "kept cli/$name (listed in KNOWN_FAILURES)"
      continue
    fi
    set -- "$@" "$dir"
  done
fi
status=0
for name in "$@"; do
  name=${name%/}
  dir=$cli_dir/cases/$(basename "$name")
  [ -d "$name" ] && [ -f "$name/cmd" ] && dir=$name
  LDT_CLI_BLESS=1 "$cli_dir/run_case.sh" "$binary" "$dir" || status=1
done
exit $status
