#!/usr/bin/env bash
# Workbook import next to CSV (README "Workbooks"; issue: a 100,000-row .xlsx imports in at most
# twice the CSV's time and in ≤ 256 MB). Prints figures; never fails on a slow one.
#
#   bench/workbook.sh [--rows N] [path/to/ldt]      (default 100,000 rows; build-bench/ldt, else build/ldt)
#
# The same rows (bench/gen_signins.py) are written as CSV and, with openpyxl (/usr/bin/python3),
# as an .xlsx whose ID numbers are text cells and phones number cells, as Excel keeps them; each
# is imported into a fresh session (three runs, the median), measured by bench/measure.py.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
rows=100000 ldt=""
while (($#)); do
  case $1 in
    --rows) rows=$2; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) ldt=$1 ;;
  esac
  shift
done
if [[ -z $ldt ]]; then
  for c in "$repo/build-bench/ldt" "$repo/build/ldt"; do [[ -x $c ]] && { ldt=$c; break; }; done
fi
[[ -n $ldt && -x $ldt ]] || { echo "no ldt binary" >&2; exit 2; }
py=$(python3 -c 'import sys; print(sys.executable)')
work=$(mktemp -d /tmp/ldt-bench-wb.XXXXXX)
trap 'rm -rf "$work"' EXIT
export LDT_ACTOR=bench LANG=C.UTF-8 LC_ALL=C.UTF-8 LDT_LANG=en
fixtures=$repo/tests/fixtures/registry

echo "== generating $rows rows as CSV and as .xlsx"
"$py" "$here/gen_signins.py" -o "$work/big.csv" --rows "$rows" --distinct $((rows * 2 / 5)) --start-day 2021-03-10 \
  --days 3 --seed 7
/usr/bin/python3 - "$work/big.csv" "$work/big.xlsx" <<'PY'
import csv, sys
import openpyxl
source, target = sys.argv[1], sys.argv[2]
workbook = openpyxl.Workbook(write_only=True)
sheet = workbook.create_sheet("签到表")
with open(source, encoding="utf-8-sig", newline="") as f:
    for number, row in enumerate(csv.reader(f)):
        if number > 0:
            row[4] = int(row[4]) if row[4].isdigit() else row[4]   # 联系电话 as a number cell
        sheet.append(row)
workbook.save(target)
PY
ls -l "$work/big.csv" "$work/big.xlsx" | awk '{print "   " $5 " bytes  " $9}'

project() {  # project DIR: a session s1 2021-03-10..12 ready for import
  LDT_NOW=2021-02-26T10:00:00+08:00 "$ldt" -q init "$1" --county 陆河县 --region-code 441523
  (cd "$1" && export LDT_NOW=2021-02-26T10:00:00+08:00 &&
    "$ldt" -q provider add "$fixtures/provider.toml" &&
    for role in lecturer practical social; do "$ldt" -q instructor add "$fixtures/instructor-$role.toml"; done &&
    "$ldt" -q plan submit "$fixtures/plan.toml" && "$ldt" -q plan approve luhe-2021-01 &&
    "$ldt" -q session open --plan luhe-2021-01 --id s1 --start "2021-03-10 09:00" --end "2021-03-12 17:00" \
      --location 陆河县电子商务公共服务中心) >/dev/null
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

declare -A wall cpu rss
for kind in csv xlsx; do
  walls=() cpus=() rsss=()
  for run in 1 2 3; do
    dir=$work/p-$kind-$run
    project "$dir"
    (cd "$dir" && LDT_NOW=2021-03-13T10:00:00+08:00 "$py" "$here/measure.py" "$work/m" "$ldt" -q signin import s1 \
      "$work/big.$kind" >/dev/null 2>"$work/err") || true
    read -r t u s r rc <"$work/m"
    if ((rc > 1)); then echo "import of big.$kind failed (exit $rc):" >&2; cat "$work/err" >&2; exit 1; fi
    walls+=("$t") cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')") rsss+=("$r")
    rm -rf "$dir"
  done
  wall[$kind]=$(median "${walls[@]}") cpu[$kind]=$(median "${cpus[@]}") rss[$kind]=$(median "${rsss[@]}")
done
echo
printf '%-28s %10s %10s %12s\n' "import of $rows rows" "wall s" "CPU s" "peak RSS"
for kind in csv xlsx; do
  printf '%-28s %10.2f %10.2f %9.0f MB\n' "signin import big.$kind" "${wall[$kind]}" "${cpu[$kind]}" \
    "$(awk -v k="${rss[$kind]}" 'BEGIN{print k/1024}')"
done
awk -v x="${wall[xlsx]}" -v c="${wall[csv]}" -v r="${rss[xlsx]}" 'BEGIN{
  printf "xlsx / csv wall time: %.2f (target ≤ 2: %s); xlsx peak RSS %.0f MB (target ≤ 256 MB: %s)\n",
    x / c, (x <= 2 * c ? "meets" : "MISSES"), r / 1024, (r <= 256 * 1024 ? "meets" : "MISSES")}'
