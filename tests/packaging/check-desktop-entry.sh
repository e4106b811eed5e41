#!/usr/bin/env bash
# The desktop entry passes desktop-file-validate with no error, warning or hint, names the
# icon and binary that the package installs, and carries a Chinese name and comment.
set -euo pipefail
source_dir=$1
entry=$source_dir/packaging/io.github.strata.Strata.desktop
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# desktop-file-validate exits 0 on warnings and hints; any line it prints is a finding.
report=$(desktop-file-validate "$entry" 2>&1) || fail "desktop-file-validate exited non-zero"
[ -z "$report" ] || fail "desktop-file-validate reported: $report"

value() { sed -n "s/^$1=//p" "$entry"; }
[ "$(value Exec)" = strata ] || fail "Exec is '$(value Exec)', expected strata"
[ "$(value Icon)" = io.github.strata.Strata ] || fail "Icon is '$(value Icon)'"
# On X11 Qt names the window class after the application name (strata), not the desktop file,
# so docks match the window to this entry only through StartupWMClass.
[ "$(value StartupWMClass)" = strata ] || fail "StartupWMClass is '$(value StartupWMClass)'"
for key in 'Name\[zh_CN\]' 'Comment\[zh_CN\]' 'Keywords\[zh_CN\]'; do
    [ -n "$(value "$key")" ] || fail "no $key"
done
# The Chinese texts must really be Chinese, not a copy of the English ones.
value 'Name\[zh_CN\]' | grep -qP '\p{Han}' || fail "Name[zh_CN] has no Chinese characters"
value 'Comment\[zh_CN\]' | grep -qP '\p{Han}' || fail "Comment[zh_CN] has no Chinese characters"

[ "$failures" -eq 0 ] && echo "desktop entry: 0 failures" && exit 0
echo "desktop entry: $failures failures" >&2
exit 1
