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
#   2021-03-16  session 1, 河田镇: the GBK sign-in sheet is imported (25 trainees), closed;
#               its documents archived, news and summary on time
#   2021-04-20  session 2, 螺溪镇, two days: the UTF-8 online-form export (30 rows) and
#   ..04-21     the late sheet that Excel saved again (3 ID numbers destroyed: they stay
#               as open rejects until someone types them again from the paper sheet);
#               one trainee on leave on the second day; news and summary late, group
#               photo and bios missing
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
# Its archive (Art. 7, 8.2–8.4): every document, on time — the news within the hour, the
# summary within three working days (due 2021-03-19).
d1="$in/docs/第一期"
step 2021-03-16T18:05:00+08:00 "$provider_staff" 0 session attach "$s1" --kind notice "$d1/培训通知.md" \
  --at "2021-03-08 10:30"
step 2021-03-16T18:05:00+08:00 "$provider_staff" 0 session attach "$s1" --kind roster "$d1/学员名册.md" \
  --at "2021-03-15 16:00"
step 2021-03-16T18:06:00+08:00 "$provider_staff" 0 session attach "$s1" --kind signin_sheet "$d1/签到表扫描件.md"
step 2021-03-16T18:07:00+08:00 "$provider_staff" 0 session attach "$s1" --kind photo \
  "$d1/现场照片-1.png" "$d1/现场照片-2.png" "$d1/现场照片-3.png" --at "2021-03-16 10:15"
step 2021-03-16T18:07:00+08:00 "$provider_staff" 0 session attach "$s1" --kind group_photo "$d1/合影.png" \
  --at "2021-03-16 17:20"
step 2021-03-16T18:08:00+08:00 "$provider_staff" 0 session attach "$s1" --kind courseware \
  "$in/docs/培训课件-农村电商实操.md"
step 2021-03-16T18:09:00+08:00 "$provider_staff" 0 session attach "$s1" --kind instructor_bio \
  --instructor zeng-shaohua "$d1/讲师简介-曾少华.md"
step 2021-03-16T18:09:00+08:00 "$provider_staff" 0 session attach "$s1" --kind instructor_bio \
  --instructor ye-jianfeng "$d1/讲师简介-叶剑锋.md"
step 2021-03-16T18:09:00+08:00 "$provider_staff" 0 session attach "$s1" --kind instructor_bio \
  --instructor luo-meiqi "$d1/讲师简介-罗美琪.md"
step 2021-03-16T18:20:00+08:00 "$provider_staff" 0 session attach "$s1" --kind news "$d1/新闻稿.md"
step 2021-03-18T15:00:00+08:00 "$provider_staff" 0 session attach "$s1" --kind summary "$d1/培训总结.md" \
  --person-times 25
# Its satisfaction survey (Art. 8.3.1): 22 trainees answered on 问卷星 (the 按文本 download), one
# more on a paper form typed in.
step 2021-03-16T18:30:00+08:00 "$provider_staff" 0 survey import "$s1" \
  "$exports/5-123456789_按文本_第一期满意度调查_22_22.csv"
step 2021-03-17T09:00:00+08:00 "$provider_staff" 0 survey record "$s1" --trainee 441523200108262362 \
  --answer overall=满意 --answer content=4 --answer instructor=5 --answer organisation=4 --answer venue=3 \
  --at "2021-03-16 17:40"

# Session 2: 螺溪镇, two days, the practical and the social-commerce instructor.
step 2021-04-12T10:00:00+08:00 "$provider_staff" 0 session open --plan "$plan" \
  --start "2021-04-20 09:00" --end "2021-04-21 17:00" \
  --location "螺溪镇农村电商服务站培训室" --mode offline --head-teacher 罗晓丹 \
  --instructor ye-jianfeng luo-meiqi
# Exit 1 expected: the late sheet's three Excel-damaged ID numbers are rejected and kept.
step 2021-04-21T17:40:00+08:00 "$provider_staff" "0 1" signin import "$s2" \
  "$exports/2-第二期签到表-螺溪镇-0420-0421.csv" "$exports/3-第二期补签表-螺溪镇-Excel.csv"
step 2021-04-21T17:50:00+08:00 "$provider_staff" 0 session close "$s2"
# One trainee was away on the second day with leave (Art. 9).
step 2021-04-21T17:55:00+08:00 "$provider_staff" 0 signin leave "$s2" --trainee 441523198203118166 \
  --day 2021-04-21 --reason "家中农忙，已向班主任请假"
# Its archive is late and incomplete: the news came at 19:30 (due 18:00); the summary on
# 2021-04-27, after its due day 2021-04-25 (a make-up Sunday: 2021's May Day notice); the
# group photo and the instructors' bios are still missing.
d2="$in/docs/第二期"
step 2021-04-21T18:00:00+08:00 "$provider_staff" 0 session attach "$s2" --kind notice "$d2/培训通知.md" \
  --at "2021-04-12 11:00"
step 2021-04-21T18:00:00+08:00 "$provider_staff" 0 session attach "$s2" --kind roster "$d2/学员名册.md"
step 2021-04-21T18:01:00+08:00 "$provider_staff" 0 session attach "$s2" --kind signin_sheet "$d2/签到表扫描件.md"
step 2021-04-21T18:02:00+08:00 "$provider_staff" 0 session attach "$s2" --kind photo \
  "$d2/现场照片-1.png" "$d2/现场照片-2.png" "$d2/现场照片-3.png"
step 2021-04-21T18:02:00+08:00 "$provider_staff" 0 session attach "$s2" --kind courseware \
  "$in/docs/培训课件-农村电商实操.md"
step 2021-04-21T19:30:00+08:00 "$provider_staff" 0 session attach "$s2" --kind news "$d2/新闻稿.md"
step 2021-04-27T09:30:00+08:00 "$provider_staff" 0 session attach "$s2" --kind summary "$d2/培训总结.md" \
  --person-times 30

# Session 2's paper survey forms, typed into a sheet: one overall score typed as 6 is rejected
# and kept for the fix loop (exit 1 expected).
step 2021-04-22T10:00:00+08:00 "$provider_staff" "0 1" survey import "$s2" "$exports/6-第二期满意度调查表-录入.csv"
# Follow-up and incubation (Art. 7, 8.3.4): the provider's sheet for session 1, and one call logged.
step 2021-04-26T17:00:00+08:00 "$provider_staff" 0 followup import "$exports/7-跟踪孵化记录表-2021年4月.csv"
step 2021-04-26T17:30:00+08:00 "$provider_staff" 0 followup log --trainee 441523199306158798 --date 2021-04-26 \
  --method wechat --staff 罗晓丹 --shop-opened no --employed yes --service 就业推荐

# A last look, read-only: what the project now holds.
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 session list
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 session show "$s2"
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 signin attendance "$s2"
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 signin rejects "$s2"
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 survey show "$s1"
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 survey rejects "$s2"
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 followup list --session "$s1"
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 report stats
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 archive verify
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 index verify
step 2021-04-27T10:00:00+08:00 "$provider_staff" 0 log verify

echo
echo "== done: $out (its .ldt/ index is git-ignored and can be deleted at any time)"
