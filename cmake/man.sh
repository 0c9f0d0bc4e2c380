#!/usr/bin/env bash
# Generates the man page ldt.1 from the help text (help2man), with a COMMANDS section holding
# the --help of every command, so the page says everything `--help` says.
#
#   cmake/man.sh LDT_BINARY OUT.1
set -euo pipefail
ldt=$1
out=$2
include=$(mktemp)
trap 'rm -f "$include"' EXIT
export LDT_LANG=en LC_ALL=C.UTF-8
{
  echo "[COMMANDS]"
  # Command paths from the completion data: every path that has no subcommands of its own.
  "$ldt" completion bash | sed -n '/^_ldt_options() {/,/^}/s/^    "\([^"]*\)").*/\1/p' | while read -r path; do
    [ -n "$path" ] || continue
    if "$ldt" completion bash | sed -n '/^_ldt_commands() {/,/^}/p' | grep -q "^    \"$path\")"; then continue; fi
    echo ".SS \"ldt $path\""
    # shellcheck disable=SC2086
    "$ldt" $path --help | sed -e 's/\\/\\\\/g' -e 's/^\./\\\&./' -e 's/^/ /' | sed '1s/^ //'
    echo
  done
  echo "[FILES]"
  echo "ldt.toml, journal.jsonl, providers/, instructors/, plans/, sessions/ in the project directory;"
  echo "the index \\&.ldt/index.sqlite (a cache that can be deleted at any time)."
  echo "[SEE ALSO]"
  echo "The README of ldt: the project directory, the import rules, the fix loop, the language."
} > "$include"
help2man --no-info --locale=C.UTF-8 --section=1 --name="archive and compliance tool for county rural e-commerce training programmes" \
  --version-string="$("$ldt" --version | sed 's/^ldt //')" --include="$include" --output="$out" "$ldt"
