#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The house rules, checked by the tools (docs/CONTRIBUTING.md): clang-format (.clang-format) and clang-tidy
# (.clang-tidy) over the project's own C and C++ sources (clang-tidy: the shipped code). Any finding fails.
# Usage: scripts/lint.sh [--format] [--tidy] [BUILD_DIR]     (after a build: moc's files must exist)
#   --format / --tidy  run only that half (default: both)
#   BUILD_DIR          a configured build with compile_commands.json (default: build/dev); clang-tidy needs it
# Fix formatting with: git ls-files '*.c' '*.h' '*.cpp' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."

do_format=0
do_tidy=0
build=build/dev
for arg in "$@"; do
    case "$arg" in
    --format) do_format=1 ;;
    --tidy) do_tidy=1 ;;
    -h | --help) sed -n '3,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "lint: unknown option '$arg' (see --help)" >&2; exit 2 ;;
    *) build="$arg" ;;
    esac
done
if [[ $do_format == 0 && $do_tidy == 0 ]]; then
    do_format=1
    do_tidy=1
fi

for tool in clang-format clang-tidy run-clang-tidy; do
    if [[ ($tool == clang-format && $do_format == 1) || ($tool != clang-format && $do_tidy == 1) ]] &&
        ! command -v "$tool" >/dev/null 2>&1; then
        echo "lint: $tool is missing: scripts/install-deps.sh --test" >&2
        exit 2
    fi
done

mapfile -t sources < <(git ls-files -- '*.c' '*.h' '*.cpp' ':!:**/node_modules/**')
status=0

if [[ $do_format == 1 ]]; then
    echo "=== lint: clang-format over ${#sources[@]} files"
    if ! clang-format --dry-run --Werror "${sources[@]}"; then
        echo "lint: formatting differs from .clang-format; fix: git ls-files '*.c' '*.h' '*.cpp' | xargs clang-format -i" >&2
        status=1
    fi
fi

if [[ $do_tidy == 1 ]]; then
    if [[ ! -f "$build/compile_commands.json" ]]; then
        echo "lint: $build/compile_commands.json is missing: configure first (cmake --preset dev)" >&2
        exit 2
    fi
    # The translation units of what ships (core/, app/, robot/) that this build compiles (not Qt's generated files).
    # Tests and benchmarks get the format check only: clang-tidy costs ~10 s of CPU a file over Qt's headers, and
    # the shipped code is where its findings matter (docs/CONTRIBUTING.md, "Lint").
    mapfile -t units < <(git ls-files -- 'core/*.cpp' 'app/*.cpp' 'robot/*.c' 'robot/*.cpp' |
        grep -Fxf <(python3 -c 'import json,os,sys
for e in json.load(open(sys.argv[1])):
    print(os.path.relpath(os.path.join(e["directory"], e["file"])))' "$build/compile_commands.json" | sort -u) || true)
    echo "=== lint: clang-tidy over ${#units[@]} files (build: $build)"
    # Sources that include generated files (moc) need them: lint a built tree (scripts/test.sh builds first).
    if ! run-clang-tidy -quiet -p "$build" -j "$(nproc)" "${units[@]/#/$PWD/}" >"$build/clang-tidy.log" 2>&1; then
        grep -E "(warning|error):" "$build/clang-tidy.log" | sort -u | head -200 >&2 || true
        echo "lint: clang-tidy found the above (full log: $build/clang-tidy.log)" >&2
        status=1
    fi
fi

if [[ $status == 0 ]]; then
    echo "lint: clean"
fi
exit "$status"
