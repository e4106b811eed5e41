#!/usr/bin/env bash
# Fails when the .ts files are not what lupdate makes of the sources (someone added or changed a
# tr() string without running `cmake --build build --target update_translations`), or when a
# zh_CN message is unfinished. lupdate writes into copies; the source tree is never touched.
# Usage: check_translations.sh LUPDATE GENERATOR_SCRIPT PROJECT_IN PROJECT_JSON TS_FILE...
set -euo pipefail
lupdate=$1 generator=$2 project_in=$3 project_json=$4
shift 4
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cmake -DIN_FILE="$project_in" -DOUT_FILE="$project_json" -P "$generator"
copies=()
for ts in "$@"; do
    cp "$ts" "$scratch/"
    copies+=("$scratch/$(basename "$ts")")
done
"$lupdate" -project "$project_json" -no-obsolete -locations none -ts "${copies[@]}" >/dev/null

status=0
for ts in "$@"; do
    if ! diff -u "$ts" "$scratch/$(basename "$ts")"; then
        echo "FAIL: $(basename "$ts") is out of date: run the update_translations target" >&2
        status=1
    fi
done
for ts in "$@"; do
    case "$ts" in
        *zh_CN.ts)
            unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
            total=$(grep -c '<message' "$ts")
            echo "$(basename "$ts"): $unfinished of $total messages unfinished"
            [ "$unfinished" -eq 0 ] || status=1 ;;
    esac
done
exit "$status"
