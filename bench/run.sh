#!/usr/bin/env bash
# ldt performance benchmarks (targets and method: bench/README.md). Prints figures; never fails on a slow figure.
#
#   bench/run.sh [--quick] [--keep] [--work DIR] [path/to/ldt]
#
# Default binary: build-bench/ldt, else build/ldt (build it as Release, see bench/README.md).
# Full run: 1,000,000-row import next to sqlite3 .import, a 1,000-session / 500,000-sign-in
# project built through `ldt signin import`, then latency of a 1,000-row sheet, report stats,
# index rebuild, session list.  --quick: 100,000 rows and 100 sessions / 50,000 sign-ins.
# Scratch data goes to a fresh directory under /tmp (removed at the end unless --keep).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
quick=0 keep=0 work_parent=/tmp ldt=""
while (($#)); do
  case $1 in
    --quick) quick=1 ;;
    --keep) keep=1 ;;
    --work) work_parent=$2; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) ldt=$1 ;;
  esac
  shift
done
if [[ -z $ldt ]]; then
  for c in "$repo/build-bench/ldt" "$repo/build/ldt"; do [[ -x $c ]] && { ldt=$c; break; }; done
fi
[[ -n $ldt && -x $ldt ]] || { echo "no ldt binary (give its path, or build build-bench/ldt)" >&2; exit 2; }
ldt=$(cd "$(dirname "$ldt")" && pwd)/$(basename "$ldt")
command -v sqlite3 >/dev/null || { echo "sqlite3 shell not found (apt-get install sqlite3)" >&2; exit 2; }
# the interpreter itself, not a pyenv/asdf shim (a shim costs ~50 ms per call)
py=$(python3 -c 'import sys; print(sys.executable)') || { echo "python3 not found" >&2; exit 2; }

if ((quick)); then
  BIG_ROWS=100000 BIG_DISTINCT=40000 SESSIONS=100 POOL=20000
else
  BIG_ROWS=1000000 BIG_DISTINCT=400000 SESSIONS=1000 POOL=200000
fi
PER_SESSION=500 SHEET_ROWS=1000 SHEET_RUNS=5 REPEATS=3
gen="$here/gen_signins.py"

work=$(mktemp -d "$work_parent/ldt-bench.XXXXXX")
cleanup() { if ((keep)); then echo "scratch kept: $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
export LDT_ACTOR=bench LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LDT_PROJECT
NOW_SETUP=2021-02-27T10:00:00+08:00   # plan approval and session opening, before the window
NOW_AFTER=2021-12-31T18:00:00+08:00   # imports and reports, after every session

# ---------------------------------------------------------------- measuring helpers
# measure NAME CMD...: runs CMD with stdout/stderr to $work/NAME.{out,err}; sets T (wall
# seconds), CPU (user+sys seconds of CMD alone), RSS (peak resident kB) and RC, via
# bench/measure.py (wait4 rusage of the command: its own CPU, whatever else runs).
measure() {
  local name=$1; shift
  "$py" "$here/measure.py" "$work/$name.m" "$@" >"$work/$name.out" 2>"$work/$name.err"
  local u s
  read -r T u s RSS RC <"$work/$name.m"
  CPU=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.3f", u+s}')
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
fmt_int() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN{printf "%d", (t > 0 ? n/t : 0)}'; }
mb() { awk -v k="$1" 'BEGIN{printf "%.0f MB", k/1024}'; }
verdict() { awk -v v="$1" -v op="$2" -v lim="$3" 'BEGIN{ok = (op=="<=" ? v<=lim : op==">=" ? v>=lim : v<lim); print (ok ? "meets" : "MISSES")}'; }
expect_ok() {  # expect_ok NAME: ldt exit 0 (or 1 = findings) else stop with its stderr
  if ((RC > 1)); then echo "!! $1 failed (exit $RC):" >&2; cat "$work/$1.err" "$work/$1.out" >&2; exit 1; fi
}
ldtq() { "$ldt" -q "$@"; }
step() { printf '\n== %s\n' "$*"; }
cmd() { printf '   $ %s\n' "$*"; }

rows=()  # result table lines: figure|wall|cpu|target or note [verdict]
add() { rows+=("$1|$2|${3:-}|${4:-} ${5:-}"); }

# ---------------------------------------------------------------- project set-up
write_registry() {  # write_registry DIR: provider, three instructors, a plan (windows: 2021)
  local d=$1
  mkdir -p "$d"
  cat >"$d/provider.toml" <<'EOF'
id = "luhe-yunshang"
name = "陆河县云商电子商务服务有限公司"
credit_code = "91441523MA55K8XQ3R"
contact = "彭晓燕"
phone = "0660-5562318"
address = "广东省汕尾市陆河县河田镇人民路88号电商服务中心三楼"
contract = "LHDS-2021-PX-003"
EOF
  cat >"$d/lecturer.toml" <<'EOF'
id = "zhuo-wenhui"
name = "卓文慧"
role = "lecturer"
provider = "luhe-yunshang"
phone = "13802731456"
practice_years = 6
bio = "高级电子商务师，2015年起从事县域电商培训。"

[[credentials]]
kind = "county_ecommerce_lecturer"
number = "XYDS-2019-0418"
issuer = "中国县域电商讲师联盟"
valid_from = 2019-06-01
valid_until = 2024-05-31
EOF
  cat >"$d/practical.toml" <<'EOF'
id = "lin-jianguo"
name = "林建国"
role = "practical"
provider = "luhe-yunshang"
phone = "13922867012"
practice_years = 5
project_cases = ["陆河青梅网店运营（年销售额80万元）"]
bio = "陆河本地青梅电商创业者，负责实操课程。"

[[credentials]]
kind = "appointment_letter"
number = "YS-PS-2021-007"
issuer = "陆河县云商电子商务服务有限公司"
valid_from = 2021-01-01
valid_until = 2021-12-31
EOF
  cat >"$d/plan.toml" <<'EOF'
id = "luhe-2021"
provider = "luhe-yunshang"
title = "2021年陆河县农村电商实操培训"
target_groups = ["poor_household", "rural_youth", "returnee", "rural_woman"]
window_start = 2021-03-01
window_end = 2021-11-30
outline = "一、电商政策\n二、网店开设\n三、直播带货"
materials = ["《农村电商实操教程》（陆河县版）"]
objectives = "学员会上网、会开店、会营销。"
planned_trainees = 60000
instructors = ["zhuo-wenhui", "lin-jianguo"]

[[schedule]]
topic = "电商政策解读与县域电商发展"
method = "lecture"
hours = 2
instructor = "zhuo-wenhui"

[[schedule]]
topic = "网店开设、装修与商品上架"
method = "hands-on"
hours = 4
instructor = "lin-jianguo"
EOF
}
PLAN_SPAN=275   # 2021-03-01 .. 2021-11-30

new_project() {  # new_project DIR
  local p=$1 r=$work/registry
  LDT_NOW=$NOW_SETUP ldtq init "$p" --county 陆河县 --region-code 441523
  LDT_NOW=$NOW_SETUP ldtq -C "$p" provider add "$r/provider.toml"
  LDT_NOW=$NOW_SETUP ldtq -C "$p" instructor add "$r/lecturer.toml"
  LDT_NOW=$NOW_SETUP ldtq -C "$p" instructor add "$r/practical.toml"
  LDT_NOW=$NOW_SETUP ldtq -C "$p" plan submit "$r/plan.toml"
  LDT_NOW=$NOW_SETUP ldtq -C "$p" plan approve luhe-2021
}
open_session() {  # open_session PROJECT ID FIRST_DAY LAST_DAY
  LDT_NOW=$NOW_SETUP ldtq -C "$1" session open --plan luhe-2021 --id "$2" \
    --start "$3 09:00" --end "$4 17:30" --location "陆河县电子商务公共服务中心培训室"
}

# ---------------------------------------------------------------- machine
t_all0=$EPOCHREALTIME
echo "ldt benchmarks ($( ((quick)) && echo quick || echo full )) — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine : $(nproc) CPUs, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/{printf "%.1f GB RAM", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "scratch : $work ($(df -PT "$work" | awk 'NR==2{print $2}'))"
echo "ldt     : $ldt ($("$ldt" --version 2>&1 | head -n1), built $(date -r "$ldt" '+%Y-%m-%d %H:%M')); bench/ at git $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "sqlite3 : $(sqlite3 --version | cut -d' ' -f1)   python3: $("$py" --version | cut -d' ' -f2)"
echo "load    : $(loadavg) at start (1/5/15-min averages; above $(nproc), wall times include waiting for a CPU — compare cpu)"
echo "times   : wall = elapsed; cpu = user+sys of the command alone; peak = max resident set size"
write_registry "$work/registry"

# ---------------------------------------------------------------- a. one big file
step "a. signin import of one $(fmt_int "$BIG_ROWS")-row file, next to sqlite3 .import --csv"
big=$work/signins-big.csv
cmd "python3 bench/gen_signins.py -o $big --rows $BIG_ROWS --distinct $BIG_DISTINCT --start-day 2021-03-10 --days 3 --seed 7"
measure gen-big "$py" "$gen" -o "$big" --rows "$BIG_ROWS" --distinct "$BIG_DISTINCT" --start-day 2021-03-10 --days 3 --seed 7
expect_ok gen-big
echo "   generated $(fmt_int "$BIG_ROWS") rows, $(du -m "$big" | cut -f1) MB in $T s"

pa=$work/proj-big
new_project "$pa"
open_session "$pa" big 2021-03-10 2021-03-12
cat "$big" >/dev/null   # both readers start with the file in the page cache

cmd "sqlite3 $work/sqlite-import.db \".import --csv $big signin\""
measure sqlite-import sqlite3 "$work/sqlite-import.db" ".import --csv $big signin"
expect_ok sqlite-import
t_sq=$T c_sq=$CPU rss_sq=$RSS
n_sq=$(sqlite3 "$work/sqlite-import.db" 'SELECT count(*) FROM signin')
echo "   sqlite3: $(fmt_int "$n_sq") rows in the table; wall $T s, cpu $CPU s"

cmd "LDT_NOW=$NOW_AFTER ldt -C $pa signin import big $big"
LDT_NOW=$NOW_AFTER measure ldt-import-big "$ldt" -C "$pa" signin import big "$big"
expect_ok ldt-import-big
t_ldt=$T c_ldt=$CPU rss_ldt=$RSS
echo "   ldt: $(head -n1 "$work/ldt-import-big.out") (exit $RC); wall $T s, cpu $CPU s"
echo "   project after import: $(du -sm "$pa" | cut -f1) MB (index $(du -m "$pa/.ldt/index.sqlite" | cut -f1) MB)"
r_ldt=$(rate "$BIG_ROWS" "$t_ldt") r_sq=$(rate "$BIG_ROWS" "$t_sq")
ratio=$(awk -v a="$t_sq" -v b="$t_ldt" 'BEGIN{printf "%.3f", (b > 0 ? a/b : 0)}')
ratio_cpu=$(awk -v a="$c_sq" -v b="$c_ldt" 'BEGIN{printf "%.3f", (b > 0 ? a/b : 0)}')
add "a. ldt signin import, $(fmt_int "$BIG_ROWS") rows" "$t_ldt s" "$c_ldt s" "$(fmt_int "$r_ldt") rows/s"
add "a. sqlite3 .import --csv, same file" "$t_sq s" "$c_sq s" "$(fmt_int "$r_sq") rows/s"
add "a. throughput ratio ldt / sqlite3" "$ratio" "$ratio_cpu" ">= 0.5" "$(verdict "$ratio" ">=" 0.5)"
add "a. ldt peak RSS" "$(mb "$rss_ldt")" "" "<= 256 MB" "$(verdict "$rss_ldt" "<=" 262144)"
add "a. sqlite3 peak RSS" "$(mb "$rss_sq")"
rm -rf "$pa" "$work/sqlite-import.db" "$big"

# ---------------------------------------------------------------- b. a 1,000-session project
total=$((SESSIONS * PER_SESSION))
step "b. project with $(fmt_int "$SESSIONS") sessions x $PER_SESSION = $(fmt_int "$total") sign-ins, built through ldt"
files=$work/sessions
cmd "python3 bench/gen_signins.py -o $files --files $SESSIONS --rows $PER_SESSION --distinct $((PER_SESSION / 2)) --days 2 --start-day 2021-03-01 --span-days $PLAN_SPAN --pool $POOL --seed 11"
measure gen-files "$py" "$gen" -o "$files" --files "$SESSIONS" --rows "$PER_SESSION" --distinct $((PER_SESSION / 2)) \
  --days 2 --start-day 2021-03-01 --span-days "$PLAN_SPAN" --pool "$POOL" --seed 11
expect_ok gen-files
echo "   generated $SESSIONS files in $T s"

pb=$work/proj-500k
new_project "$pb"
# The set-up loops run in one child bash so that measure.py's rusage covers every ldt run;
# per-command wall times come from $EPOCHREALTIME (no fork).
export ldt pb files NOW_SETUP NOW_AFTER
cmd "LDT_NOW=$NOW_SETUP ldt -C $pb session open --plan luhe-2021 --id sNNNN --start 'DAY 09:00' --end 'DAY+1 17:30' --location …   (x$SESSIONS)"
measure setup-open bash -c '
  while IFS=$'"'\t'"' read -r f first last; do
    t0=$EPOCHREALTIME
    LDT_NOW=$NOW_SETUP "$ldt" -q -C "$pb" session open --plan luhe-2021 --id "s${f%.csv}" \
      --start "$first 09:00" --end "$last 17:30" --location 陆河县电子商务公共服务中心培训室 >/dev/null || exit $?
    echo "$t0 $EPOCHREALTIME"
  done <"$files/manifest.tsv"'
expect_ok setup-open
t_open=$T c_open=$CPU
mapfile -t open_times < <(awk '{printf "%.3f\n", $2-$1}' "$work/setup-open.out")
echo "   opened $SESSIONS sessions: wall $t_open s, cpu $c_open s; per open: first 10 median $(median "${open_times[@]:0:10}") s, last 10 median $(median "${open_times[@]: -10}") s"

cmd "LDT_NOW=$NOW_AFTER ldt -C $pb signin import sNNNN $files/NNNN.csv   (x$SESSIONS)"
measure setup-import bash -c '
  n=0
  while IFS=$'"'\t'"' read -r f first last; do
    t0=$EPOCHREALTIME
    LDT_NOW=$NOW_AFTER "$ldt" -q -C "$pb" signin import "s${f%.csv}" "$files/$f" >/dev/null
    rc=$?; ((rc > 1)) && exit $rc
    echo "$t0 $EPOCHREALTIME"
  done <"$files/manifest.tsv"'
expect_ok setup-import
t_imp=$T c_imp=$CPU
mapfile -t imp_times < <(awk '{printf "%.3f\n", $2-$1}' "$work/setup-import.out")
for ((k = SESSIONS / 5; k <= SESSIONS; k += SESSIONS / 5)); do
  printf '   imports %4d..%4d: median %s s\n' $((k - SESSIONS / 5 + 1)) "$k" "$(median "${imp_times[@]:k-SESSIONS/5:SESSIONS/5}")"
done
stored=$(sqlite3 "$pb/.ldt/index.sqlite" 'SELECT count(*) FROM signin' 2>/dev/null || echo '?')
echo "   imported $SESSIONS files: wall $t_imp s, cpu $c_imp s; the index holds $(fmt_int "$stored") sign-ins"
add "b. set-up: open $(fmt_int "$SESSIONS") sessions" "$t_open s" "$c_open s"
add "b. set-up: $(fmt_int "$SESSIONS") imports x $PER_SESSION rows" "$t_imp s" "$c_imp s" \
  "first $(median "${imp_times[@]:0:10}") s, last $(median "${imp_times[@]: -10}") s each"

sheet=$work/sheet-1000.csv
cmd "python3 bench/gen_signins.py -o $sheet --rows $SHEET_ROWS --distinct $((SHEET_ROWS / 2)) --days 2 --start-day 2021-11-20 --trainee-base $((POOL / 2)) --seed 99"
"$py" "$gen" -o "$sheet" --rows "$SHEET_ROWS" --distinct $((SHEET_ROWS / 2)) --days 2 --start-day 2021-11-20 \
  --trainee-base $((POOL / 2)) --seed 99
cmd "LDT_NOW=$NOW_AFTER ldt -C $pb signin import sheetN $sheet   (x$SHEET_RUNS, each into a fresh session)"
sheet_t=() sheet_c=()
for n in $(seq 1 "$SHEET_RUNS"); do
  open_session "$pb" "sheet$n" 2021-11-20 2021-11-21
  LDT_NOW=$NOW_AFTER measure sheet-import "$ldt" -C "$pb" signin import "sheet$n" "$sheet"
  expect_ok sheet-import
  sheet_t+=("$T") sheet_c+=("$CPU") sheet_rss=$RSS
done
echo "   $(head -n1 "$work/sheet-import.out")"
echo "   wall: ${sheet_t[*]} s; cpu: ${sheet_c[*]} s"
t_sheet=$(median "${sheet_t[@]}") c_sheet=$(median "${sheet_c[@]}")
add "b. $(fmt_int "$SHEET_ROWS")-row sheet into $(fmt_int "$total") sign-ins (median/$SHEET_RUNS)" "$t_sheet s" "$c_sheet s" \
  "<= 0.3 s" "$(verdict "$t_sheet" "<=" 0.3) (peak $(mb "$sheet_rss"))"

# ---------------------------------------------------------------- c. reports and index
step "c. reports and index over that project (median of $REPEATS)"
repeat() {  # repeat NAME CMD... → M (median wall), MC (median cpu), RSS of the last run
  local ts=() cs=() k
  for k in $(seq 1 "$REPEATS"); do
    LDT_NOW=$NOW_AFTER measure "$@"
    expect_ok "$1"
    ts+=("$T") cs+=("$CPU")
  done
  M=$(median "${ts[@]}") MC=$(median "${cs[@]}")
  echo "   $1: wall ${ts[*]} s; cpu ${cs[*]} s"
}
cmd "ldt -C $pb report stats"
repeat report-stats "$ldt" -C "$pb" report stats
add "c. report stats" "$M s" "$MC s" "< 1 s" "$(verdict "$M" "<" 1) (peak $(mb "$RSS"))"
cp "$work/report-stats.out" "$work/stats-before.txt"
if "$ldt" --help 2>/dev/null | grep -qE '^ +check '; then
  cmd "ldt -C $pb check --as-of $NOW_AFTER"
  repeat check "$ldt" -C "$pb" check --as-of "$NOW_AFTER"
  add "c. check" "$M s" "$MC s" "< 1 s" "$(verdict "$M" "<" 1)"
else
  add "c. check" "n/a" "" "< 1 s" "not in this build"
fi
cmd "ldt -C $pb index rebuild"
repeat index-rebuild "$ldt" -C "$pb" index rebuild
add "c. index rebuild" "$M s" "$MC s" "< 5 s" "$(verdict "$M" "<" 5) (peak $(mb "$RSS"))"
LDT_NOW=$NOW_AFTER "$ldt" -C "$pb" report stats >"$work/stats-after.txt" 2>&1 || true
same=$(cmp -s "$work/stats-before.txt" "$work/stats-after.txt" && echo identical || echo DIFFERENT)
echo "   report stats before/after rebuild: $same"
cmd "ldt -C $pb session list"
repeat session-list "$ldt" -C "$pb" session list
add "c. session list ($(fmt_int $((SESSIONS + SHEET_RUNS))) sessions)" "$M s" "$MC s"
add "c. report stats after rebuild" "$same" "" "identical"
echo "   project: $(du -sm "$pb" | cut -f1) MB (index $(du -m "$pb/.ldt/index.sqlite" | cut -f1) MB)"

# ---------------------------------------------------------------- table
step "results ($( ((quick)) && echo quick || echo full ) run; load average now $(loadavg))"
{
  echo "figure|wall|cpu|target / note|"
  echo "------|----|---|-------------|"
  printf '%s\n' "${rows[@]}"
} | column -t -s'|' | sed 's/^/   /'
echo
echo "total bench time: $(awk -v a="$t_all0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.0f", b-a}') s"
