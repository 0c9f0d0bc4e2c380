# Helpers sourced by run_case.sh before a case's cmd script. Setup helpers print nothing
# unless a step fails (then its output goes to stderr, so the case fails visibly).

# Runs a command, hiding its output unless it fails: exit 2 or more (exit 1 means done, with
# findings, e.g. an import that rejected rows).
quiet() {
  local log status
  log=$(mktemp)
  "$@" > "$log" 2>&1
  status=$?
  if [ $status -ge 2 ]; then
    echo "setup step failed (exit $status): $*" >&2
    cat "$log" >&2
  fi
  rm -f "$log"
  [ $status -lt 2 ]
}

# A Luhe County project in the current directory (or DIR).
setup_project() {
  quiet ldt init "${1:-.}" --county 陆河县 --region-code 441523
}

# setup_project + the fixture provider and its three instructors.
setup_registry() {
  setup_project || return
  quiet ldt provider add "$FIXTURES/registry/provider.toml" || return
  local role
  for role in lecturer practical social; do
    quiet ldt instructor add "$FIXTURES/registry/instructor-$role.toml" || return
  done
}

# setup_registry + plan luhe-2021-01 submitted (window 2021-03-01..2021-04-30) and approved.
setup_plan() {
  setup_registry || return
  quiet ldt plan submit "$FIXTURES/registry/plan.toml" || return
  quiet ldt plan approve luhe-2021-01
}

# setup_plan + session S (default s1), 2021-03-10 09:00 .. 2021-03-12 17:00, the window of
# every shared sign-in case.
setup_session() {
  setup_plan || return
  quiet ldt session open --plan luhe-2021-01 --id "${1:-s1}" --start "2021-03-10 09:00" \
    --end "2021-03-12 17:00" --location "陆河县电子商务公共服务中心"
}

# Copies shared sign-in case NAME's input file into the current directory as NAME.csv
# (or NAME.txt), so outputs name a stable relative path.
case_input() {
  local file
  for file in "$CASES/$1"/input.*; do
    cp "$file" "./$1.${file##*.}"
  done
}

# A checksum listing of every project file except .ldt/, to prove nothing was written.
tree_sums() (
  shopt -s globstar dotglob nullglob
  for file in **; do
    case $file in .ldt | .ldt/* | .ldt-staging | .ldt-staging/*) continue ;; esac
    if [ -f "$file" ] && [ ! -L "$file" ]; then sha256sum "$file"; fi
  done
)
