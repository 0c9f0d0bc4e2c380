#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks that the installed binary finds its
# catalogue there (share/locale) and prints Chinese under LANG=C.UTF-8, with no zh_CN locale
# needed, and that the man page is installed.
#
#   tests/install_zh.sh BUILD_DIR
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
fail() { echo "install_zh: $*" >&2; exit 1; }
[ -f "$prefix/share/locale/zh_CN/LC_MESSAGES/ldt.mo" ] || fail "catalogue not installed"
[ -f "$prefix/share/man/man1/ldt.1" ] || fail "man page not installed"
grep -q '^\.SS "ldt signin import"' "$prefix/share/man/man1/ldt.1" || fail "the man page has no section for signin import"
help=$(env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$prefix/bin/ldt" --help)
grep -q '用法' <<< "$help" || fail "installed ldt --help is not Chinese: $(head -3 <<< "$help")"
english=$(env -i PATH=/usr/bin:/bin LANG=C.UTF-8 LDT_LANG=en "$prefix/bin/ldt" --help)
grep -q 'Usage' <<< "$english" || fail "LDT_LANG=en is not English"
if locale -a 2>/dev/null | grep -qi '^zh_CN'; then
  echo "install_zh: note: this machine has a zh_CN locale; the test ran with LANG=C.UTF-8 anyway"
fi
echo "install_zh: ok"
