#!/usr/bin/env bash
# Runs one golden CLI case and diffs its output against the expected files.
#
#   tests/cli/run_case.sh LDT_BINARY CASE_DIR
#
# A case directory holds:
#   cmd              bash script of `ldt …` lines, run in a fresh temp dir ($TMP)
#   project/         optional: copied into the temp dir first
#   expected.stdout  expected.stderr  expected.status   (missing = empty / 0)
# The exit status compared is that of the cmd script, i.e. of its LAST command.
#
# Environment given to cmd: LDT_NOW (default below; cmd may re-export it), LDT_ACTOR=test,
# LDT_LANG=en (the English goldens; a Chinese case exports LDT_LANG=zh or unsets it), LANG=C.UTF-8, FIXTURES (tests/fixtures), CASES (tests/cases if it holds cases, else
# /work/shared/cases), CLI (tests/cli), and the helpers of tests/cli/lib.sh.
# `ldt` on PATH runs LDT_BINARY.
#
# Exit: 0 pass, 1 mismatch (diff printed), 77 skipped (listed in KNOWN_FAILURES; set
# LDT_CLI_RUN_KNOWN=1 to run it anyway), 2 usage error.
# With LDT_CLI_BLESS=1 the expected files are rewritten instead (see bless.sh).
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 LDT_BINARY CASE_DIR" >&2
  exit 2
fi
ldt_binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_dir=$(cd "$2" && pwd) || exit 2
case_name=$(basename "$case_dir")
cli_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tests_dir=$(dirname "$cli_dir")

if [ ! -x "$ldt_binary" ]; then
  echo "run_case: $1 is not an executable" >&2
  exit 2
fi
if [ ! -f "$case_dir/cmd" ]; then
  echo "run_case: $case_dir has no cmd file" >&2
  exit 2
fi

# Prints the reason when case $1 is listed in KNOWN_FAILURES.
known_failure() {
  local name reason
  [ -f "$cli_dir/KNOWN_FAILURES" ] || return 1
  while read -r name reason; do
    if [ "$name" = "$1" ]; then
      printf '%s\n' "$reason"
      return 0
    fi
  done < "$cli_dir/KNOWN_FAILURES"
  return 1
}

if [ "${LDT_CLI_BLESS:-0}" != 1 ] && [ "${LDT_CLI_RUN_KNOWN:-0}" != 1 ] && reason=$(known_failure "$case_name"); then
  echo "SKIPPED cli/$case_name (known failure): $reason"
  exit 77
fi

cases_dir=/work/shared/cases
if compgen -G "$tests_dir/cases/*/case.json" > /dev/null; then cases_dir=$tests_dir/cases; fi

root=$(mktemp -d "${TMPDIR:-/tmp}/ldt-cli.XXXXXX")
trap 'rm -rf "$root"' EXIT
work=$root/work
mkdir -p "$work" "$root/bin" "$root/out"
if [ -d "$case_dir/project" ]; then cp -a "$case_dir/project/." "$work/"; fi
ln -s "$ldt_binary" "$root/bin/ldt"

(
  cd "$work" || exit 99
  export PATH="$root/bin:$PATH"
  export LDT_NOW="2021-02-26T10:00:00+08:00" LDT_ACTOR=test LDT_LANG=en LANG=C.UTF-8 LC_ALL=C.UTF-8
  unset LDT_PROJECT LC_MESSAGES LANGUAGE
  export FIXTURES="$tests_dir/fixtures" CASES="$cases_dir" CLI="$cli_dir" TMP="$work"
  # shellcheck source=lib.sh
  exec bash -c 'source "$CLI/lib.sh"; source "$1"' cmd "$case_dir/cmd"
) > "$root/out/stdout" 2> "$root/out/stderr" < /dev/null
echo $? > "$root/out/status"
# A case that needs what this machine does not allow (e.g. mounting a small file system) writes
# its reason to $TMP/.skip and is reported as skipped.
if [ -f "$work/.skip" ] && [ "${LDT_CLI_BLESS:-0}" != 1 ]; then
  echo "SKIPPED cli/$case_name: $(cat "$work/.skip")"
  exit 77
fi

# Temp and source paths become stable placeholders.
escape() { printf '%s' "$1" | sed 's/[][\.*^$|/]/\\&/g'; }
placeholders="s|$(escape "$work")|\$TMP|g; s|$(escape "$root")|\$ROOT|g"
placeholders+="; s|$(escape "$tests_dir/fixtures")|\$FIXTURES|g; s|$(escape "$cases_dir")|\$CASES|g"
placeholders+="; s|$(escape "$ldt_binary")|\$LDT|g"
for stream in stdout stderr; do
  sed -i "$placeholders" "$root/out/$stream"
done

if [ "${LDT_CLI_BLESS:-0}" = 1 ]; then
  for stream in stdout stderr status; do cp "$root/out/$stream" "$case_dir/expected.$stream"; done
  echo "blessed cli/$case_name (exit $(cat "$root/out/status"))"
  exit 0
fi

failed=0
for stream in stdout stderr status; do
  expected=$case_dir/expected.$stream
  if [ ! -f "$expected" ]; then
    expected=$root/out/empty.$stream
    if [ "$stream" = status ]; then echo 0 > "$expected"; else : > "$expected"; fi
  fi
  if ! diff -u --label "expected.$stream" --label "actual.$stream" "$expected" "$root/out/$stream"; then
    failed=1
  fi
done
if [ $failed -ne 0 ]; then
  echo "FAILED cli/$case_name (bless with: tests/cli/bless.sh LDT_BINARY $case_name)"
  exit 1
fi
echo "ok cli/$case_name"
