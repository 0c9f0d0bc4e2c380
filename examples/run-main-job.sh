#!/usr/bin/env bash
# The main job of ldt, on the example project: import a fresh sign-in export, fix the row
# it rejects, import the fix, and print the statistics table.
#
#   bash examples/run-main-job.sh [path/to/ldt]        (default: build/ldt)
#
# It works on a copy of examples/luhe-2021 in a temporary directory and never changes
# examples/luhe-2021 itself. Set KEEP=1 to keep the copy for a look afterwards.
#
# The story: on 2021-05-18 the provider runs its third session of plan luhe-2021-01 in
# 水唇镇. The head teacher types the paper sign-in sheet into Excel and saves it as
# "Unicode text" (UTF-16, tab-separated): examples/luhe-2021-inputs/exports/4-….txt.
# One ID number was mistyped (two digits swapped), ldt rejects that row and keeps it;
# the office writes the open rejects to fix.csv, corrects the number from the paper
# sheet, and imports fix.csv again.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
ldt="${1:-build/ldt}"
if [[ ! -x "$ldt" && -z "${1:-}" && -x "$root/build/ldt" ]]; then ldt="$root/build/ldt"; fi
if [[ ! -x "$ldt" ]]; then
  echo "run-main-job: no ldt binary at $ldt — build it first (cmake --build build --target ldt) or pass its path" >&2
  exit 2
fi
ldt="$(cd "$(dirname "$ldt")" && pwd)/$(basename "$ldt")"

export_file="$here/luhe-2021-inputs/exports/4-第三期签到表-水唇镇-20210518.txt"
plan=luhe-2021-01
session=$plan-20210518
# The mistyped row (line 13 of the export) and the number on the paper sheet.
wrong_id=441523200205081073
right_id=441523200205080173

work="$(mktemp -d "${TMPDIR:-/tmp}/ldt-main-job.XXXXXX")"
cleanup() { if [[ "${KEEP:-0}" == 1 ]]; then echo "(kept: $work)"; else rm -rf "$work"; fi; }
trap cleanup EXIT
project="$work/luhe-2021"

unset LDT_PROJECT
export LDT_ACTOR=钟雅婷            # the provider's training manager
# Run ldt at a fixed time (so this output is the same on every run) on the copy only.
# Check its exit code: 0 done, 1 done with rows rejected; anything else stops the demo.
run() {
  local when="$1" expected="$2"
  shift 2
  local rc=0
  LDT_NOW="$when" "$ldt" -C "$project" "$@" || rc=$?
  if [[ $rc -ne $expected ]]; then
    echo "run-main-job: \`ldt $*\` exited $rc, expected $expected" >&2
    exit 1
  fi
}
heading() { echo; echo "== $*"; }

heading "copying the example project examples/luhe-2021 to $project"
cp -R "$here/luhe-2021" "$project"
rm -rf "$project/.ldt"   # the index is disposable: ldt rebuilds it from the files
run 2021-05-10T10:00:00+08:00 0 session list

heading "opening the third session (第三期, 水唇镇, 2021-05-18) under the approved plan $plan"
run 2021-05-10T10:00:00+08:00 0 session open --plan "$plan" \
  --start "2021-05-18 09:00" --end "2021-05-18 17:30" --location "水唇镇农村电商服务站" \
  --mode offline --head-teacher 罗晓丹 --instructor zeng-shaohua ye-jianfeng

heading "importing the sign-in sheet the head teacher sent: $(basename "$export_file")"
echo "   (Excel \"Unicode text\": UTF-16 LE with BOM, tab-separated, a title row above the header)"
echo "   exit code 1 is expected: one row is rejected and kept for fixing"
run 2021-05-18T17:45:00+08:00 1 signin import "$session" "$export_file"

heading "the open rejects of $session"
run 2021-05-18T17:50:00+08:00 0 signin rejects "$session"

heading "writing them to fix.csv (UTF-8 with BOM: opens in Excel/WPS)"
(cd "$work" && LDT_NOW=2021-05-18T17:50:00+08:00 "$ldt" -C "$project" signin rejects "$session" --output fix.csv)
cat "$work/fix.csv"

heading "correcting the ID number from the paper sheet: $wrong_id -> $right_id"
sed -i "s/$wrong_id/$right_id/" "$work/fix.csv"
echo "   the corrected row:"; grep "$right_id" "$work/fix.csv"

heading "importing fix.csv again: the corrected row is accepted and leaves the open rejects"
run 2021-05-18T18:10:00+08:00 0 signin import "$session" "$work/fix.csv"
run 2021-05-18T18:10:00+08:00 0 signin rejects "$session"

heading "closing the session"
run 2021-05-18T18:20:00+08:00 0 session close "$session"
run 2021-05-18T18:20:00+08:00 0 session list

heading "statistics (人次 person_times / 人数 persons) over the three sessions"
run 2021-05-18T18:30:00+08:00 0 report stats

heading "checking the record: index against files, the journal's hash chain"
run 2021-05-18T18:30:00+08:00 0 index verify
run 2021-05-18T18:30:00+08:00 0 log verify

echo
echo "== done: the main job ran on a copy; examples/luhe-2021 is unchanged"
