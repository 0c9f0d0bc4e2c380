#!/usr/bin/env bash
# Builds the example project examples/luhe-2021 with ldt itself, from the inputs in
# examples/luhe-2021-inputs/ (provider, instructors, plan, courseware, sign-in exports).
#
#   bash examples/make-luhe-2021.sh [path/to/ldt]      (default: build/ldt)
#
# It deletes and recreates examples/luhe-2021. Every step runs with a fixed clock
# (LDT_NOW) and actor (LDT_ACTOR), so the result is the same, byte for byte, on every
# machine and every run. Everything in it is invented: no real person is in it.
#
# The story (陆河县, 2021):
#   2021-02-24  the provider 陆河县客家优品电子商务有限公司 (kejia-youpin) creates the
#               project, registers itself and three instructors, submits plan luhe-2021-01
#   2021-02-26  the county e-commerce office (叶振华) approves the plan: it is frozen
#   2021-03-16  session 1, 河田镇: the GBK sign-in sheet is imported (25 trainees), closed
#   2021-04-20  session 2, 螺溪镇, two days: the UTF-8 online-form export (30 rows) and
#   ..04-21     the late sheet that Excel saved again (3 ID numbers destroyed: they stay
#               as open rejects until someone types them again from the paper sheet)
# The exports themselves come from examples/luhe-2021-inputs/generate_exports.py.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
ldt="${1:-$root/build/ldt}"
case "$ldt" in /*) ;; *) ldt="$(pwd)/$ldt" ;; esac
if [[ ! -x "$ldt" ]]; then
  echo "make-luhe-2021: no ldt binary at $ldt (build it first, or pass its path)" >&2
  exit 2
fi

cd "$root"                # paths below are relative to the repository, as a reader would type them
in=examples/luhe-2021-inputs
out=examples/luhe-2021
exports="$in/exports"
provider_staff="钟雅婷"   # 客家优品 training manager
office_staff="叶振华"     # county e-commerce office

plan=luhe-2021-01
s1=$plan-20210316
s2=$plan-20210420

# Run one ldt step at a fixed time, as a fixed person; show what is run and what ldt says.
# Exit 1 ("done, with findings": rows rejected) is expected where noted; anything else stops.
step() {
  local when="$1" who="$2" allowed="$3"
  shift 3
  echo
  echo "== [$when] $who: ldt $*"
  local rc=0
  LDT_NOW="$when" LDT_ACTOR="$who" LC_ALL=C.UTF-8 "$ldt" -C "$out" "$@" || rc=$?
  if [[ $rc -ne 0 && " $allowed " != *" $rc "* ]]; then
    echo "make-luhe-2021: step failed with exit code $rc" >&2
    exit "$rc"
  fi
}

echo "== removing $out"
rm -rf "$out"

echo "== ldt init $out"
LDT_NOW=2021-02-24T09:00:00+08:00 LDT_ACTOR="$provider_staff" LC_ALL=C.UTF-8 \
  "$ldt" init "$out" --county 陆河县 --region-code 441523 \
  --office 陆河县电子商务进农村综合示范工作领导小组办公室

# Preparation (Art. 8.1): provider, instructors with credentials (Art. 6), the plan.
step 2021-02-24T09:10:00+08:00 "$provider_staff" 0 provider add "$in/provider-kejia-youpin.toml"
step 2021-02-24T09:20:00+08:00 "$provider_staff" 0 instructor add "$in/instructor-zeng-shaohua.toml"
step 2021-02-24T09:25:00+08:00 "$provider_staff" 0 instructor add "$in/instructor-ye-jianfeng.toml"
step 2021-02-24T09:30:00+08:00 "$provider_staff" 0 instructor add "$in/instructor-luo-meiqi.toml"
step 2021-02-24T10:00:00+08:00 "$provider_staff" 0 plan submit "$in/plan-luhe-2021-01.toml" \
  --courseware "$in/docs/培训课件-农村电商实操.md" --application "$in/docs/培训申请表.md"
step 2021-02-26T16:00:00+08:00 "$office_staff" 0 plan approve "$plan"

# Session 1: 河田镇, one day, all three instructors.
step 2021-03-08T10:00:00+08:00 "$provider_staff" 0 session open --plan "$plan" \
  --start "2021-03-16 09:00" --end "2021-03-16 17:30" \
  --location "陆河县电子商务公共服务中心二楼培训室（河田镇）" --mode offline --head-teacher 罗晓丹
step 2021-03-16T17:50:00+08:00 "$provider_staff" 0 signin import "$s1" \
  "$exports/1-第一期签到表-河田镇-20210316.csv"
step 2021-03-16T18:00:00+08:00 "$provider_staff" 0 session close "$s1"

# Session 2: 螺溪镇, two days, the practical and the social-commerce instructor.
step 2021-04-12T10:00:00+08:00 "$provider_staff" 0 session open --plan "$plan" \
  --start "2021-04-20 09:00" --end "2021-04-21 17:00" \
  --location "螺溪镇农村电商服务站培训室" --mode offline --head-teacher 罗晓丹 \
  --instructor ye-jianfeng luo-meiqi
# Exit 1 expected: the late sheet's three Excel-damaged ID numbers are rejected and kept.
step 2021-04-21T17:40:00+08:00 "$provider_staff" "0 1" signin import "$s2" \
  "$exports/2-第二期签到表-螺溪镇-0420-0421.csv" "$exports/3-第二期补签表-螺溪镇-Excel.csv"
step 2021-04-21T17:50:00+08:00 "$provider_staff" 0 session close "$s2"

# A last look, read-only: what the project now holds.
step 2021-04-21T18:00:00+08:00 "$provider_staff" 0 session list
step 2021-04-21T18:00:00+08:00 "$provider_staff" 0 signin rejects "$s2"
step 2021-04-21T18:00:00+08:00 "$provider_staff" 0 report stats
step 2021-04-21T18:00:00+08:00 "$provider_staff" 0 index verify
step 2021-04-21T18:00:00+08:00 "$provider_staff" 0 log verify

echo
echo "== done: $out (its .ldt/ index is git-ignored and can be deleted at any time)"
