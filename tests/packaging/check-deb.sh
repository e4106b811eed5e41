#!/usr/bin/env bash
# Builds the Debian package with cpack from this build tree, unpacks it into a scratch root
# (never the real system) and checks its control fields, its exact file list, and that the
# installed binaries run headless: strata-cli --help, strata --version, and a screenshot of
# the window after a failed load.
set -euo pipefail
build_dir=$1
version=$2
read -r -a icon_sizes <<< "${3//;/ }"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# A package directory of its own, so that a developer's `cpack` in the same tree is untouched.
cd "$build_dir"
cpack -G DEB --config CPackConfig.cmake -B "$scratch/out" > "$scratch/cpack.log" 2>&1 \
    || { cat "$scratch/cpack.log" >&2; echo "FAIL: cpack" >&2; exit 1; }
debs=("$scratch"/out/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "FAIL: no single .deb" >&2; exit 1; }
deb=${debs[0]}
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

# Control fields: what dpkg and apt read.
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = strata ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture"
[ "$(field Section)" = admin ] || fail "Section is '$(field Section)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -z "$(field Homepage)" ] || fail "Homepage set: $(field Homepage)"
# Read into a variable first: `head` or `grep -q` closing a pipe early would fail pipefail.
description=$(field Description)
[[ ${description%%$'\n'*} == *'Docker image'* ]] || fail "Description summary"
[ "$(wc -l <<< "$description")" -gt 1 ] || fail "no long description"
! grep -q '.\{80\}' <<< "$description" || fail "Description has lines of 80 columns or more"
# dpkg-shlibdeps must have found the libraries both binaries link against.
depends=$(field Depends)
echo "Depends: $depends"
names=$(tr ',' '\n' <<< "$depends" | awk '{print $1}')
for library in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libcurl4 libssl3; do
    grep -qxF "$library" <<< "$names" || fail "Depends lacks $library"
done

root=$scratch/root
dpkg-deb -x "$deb" "$root"

# The exact file list: anything more (a test binary, a header, a build path) is a defect.
expected=(
    ./usr/bin/strata
    ./usr/bin/strata-cli
    ./usr/share/applications/io.github.strata.Strata.desktop
    ./usr/share/doc/strata/copyright
    ./usr/share/icons/hicolor/scalable/apps/io.github.strata.Strata.svg
    ./usr/share/metainfo/io.github.strata.Strata.metainfo.xml
)
for size in "${icon_sizes[@]}"; do
    expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/io.github.strata.Strata.png")
done
[ ${#icon_sizes[@]} -ge 8 ] || fail "only ${#icon_sizes[@]} icon sizes: ${icon_sizes[*]}"
actual=$(cd "$root" && find . ! -type d | LC_ALL=C sort)
wanted=$(printf '%s\n' "${expected[@]}" | LC_ALL=C sort)
[ "$actual" = "$wanted" ] || fail "file list differs (- expected, + packaged):
$(diff <(echo "$wanted") <(echo "$actual") | grep '^[<>]' | sed 's/^</-/; s/^>/+/')"

# Each bitmap icon is a PNG of its nominal size.
for size in "${icon_sizes[@]}"; do
    icon=$root/usr/share/icons/hicolor/${size}x${size}/apps/io.github.strata.Strata.png
    [ -f "$icon" ] || continue
    kind=$(file -b "$icon")
    [[ $kind == "PNG image data, $size x $size,"* ]] || fail "icon ${size}x${size}: $kind"
done

# Stripped, and without a run path (Debian policy allows none into system directories).
for binary in strata strata-cli; do
    path=$root/usr/bin/$binary
    [ -x "$path" ] || { fail "$binary not executable"; continue; }
    kind=$(file -b "$path")
    [[ $kind == *', stripped'* ]] || fail "$binary not stripped: $kind"
    dynamic=$(readelf -d "$path")
    ! grep -qE 'RPATH|RUNPATH' <<< "$dynamic" || fail "$binary has a run path"
done

# The installed binaries, headless, with a home of their own so nothing touches the caller's.
home=$scratch/home
mkdir -p "$home"
run() {
    env -i PATH=/usr/bin:/bin HOME="$home" LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        XDG_RUNTIME_DIR="$scratch/runtime" timeout 60 "$@"
}
mkdir -m 700 "$scratch/runtime"

if output=$(run "$root/usr/bin/strata-cli" --help 2>&1); then
    grep -q 'Usage:' <<< "$output" || fail "strata-cli --help printed: $output"
else
    fail "strata-cli --help exited $?: $output"
fi
if output=$(run "$root/usr/bin/strata" --version 2>&1); then
    [ "$output" = "strata $version" ] || fail "strata --version printed: $output"
else
    fail "strata --version exited $?: $output"
fi

# No engine answers on this socket: the window shows the failure, saves itself and quits.
shot=$scratch/x.png
if output=$(run "$root/usr/bin/strata" --host unix:///nonexistent.sock --screenshot "$shot" 2>&1)
then
    [ "$(head -c 8 "$shot" 2>/dev/null | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] \
        || fail "the screenshot is not a PNG: $(file -b "$shot" 2>&1)"
    echo "screenshot: $(file -b "$shot")"
else
    fail "strata --screenshot exited $?: $output"
fi

# Whatever the application wrote in its home lies in the XDG locations, named after it.
stray=$(cd "$home" && find . -type f | grep -vE '^\./\.(config|cache|local/share)/strata/' || true)
[ -z "$stray" ] || fail "files written outside the XDG locations: $stray"

[ "$failures" -eq 0 ] && echo "Debian package: 0 failures" && exit 0
echo "Debian package: $failures failures" >&2
exit 1
