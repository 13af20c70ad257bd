#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Compiles (and links) omni_shm.h and the robot examples the ways robot authors compile them: every dialect
# issue 13 lists, the header first and after other system headers, -Wall -Wextra -Werror; C files also as C++.
# Usage: check_header_matrix.sh CC CXX ROBOT_DIR README WORK_DIR
# Exits 0 when every combination compiles without a warning, 1 otherwise (each failure is printed).
set -u
cc=$1 cxx=$2 robot=$3 readme=$4 work=$5
for comp in $cc $cxx; do
    if ! command -v "$comp" >/dev/null 2>&1; then
        echo "SKIP: compiler '$comp' is not installed (scripts/install-deps.sh --test installs clang)"
        exit 77
    fi
done
mkdir -p "$work"
here=$(cd "$(dirname "$0")" && pwd)
inc="-I$robot/include"
warn="-Wall -Wextra -Werror"

# The README's C snippet, exactly as printed (the first ```c block of "## Watching your robot").
snippet="$work/readme_snippet.c"
awk '/^## Watching your robot/{s=1} s&&/^```c$/{c=1;next} c&&/^```$/{exit} c{print}' "$readme" >"$snippet"
if ! grep -q omni_writer_open "$snippet"; then
    echo "FAIL: no C snippet with omni_writer_open under '## Watching your robot' in $readme"
    exit 1
fi

c_modes=("-std=c11" "-std=c11 -pedantic" "-std=c17" "-std=c17 -pedantic" "-std=gnu11"
         "-std=c11 -D_POSIX_C_SOURCE=200809L" "")
cxx_modes=("-std=c++11 -pedantic" "-std=c++14 -pedantic" "-std=c++17 -pedantic" "-std=c++20 -pedantic")
fails=0 count=0

build() { # LANG COMPILER MODE SOURCE [link|obj] EXTRA...
    local lang=$1 comp=$2 mode=$3 src=$4 kind=$5
    shift 5
    local out="$work/out.$$" log="$work/log.$$" what=-c
    [ "$kind" = link ] && what=
    count=$((count + 1))
    # shellcheck disable=SC2086 # the mode and flags are word lists on purpose
    if ! "$comp" -x "$lang" $mode $warn $inc "$@" $what "$src" -o "$out" >"$log" 2>&1; then
        fails=$((fails + 1))
        echo "FAIL: $comp -x $lang $mode $warn $* $what $src"
        sed 's/^/    /' "$log" | head -20
    fi
    rm -f "$out" "$log"
}

c_sources=("$here/header/header_first.c" "$here/header/header_after.c" "$snippet" "$robot/examples/robot_loop.c")
for comp in $cc; do
    for mode in "${c_modes[@]}"; do
        for src in "${c_sources[@]}"; do
            build c "$comp" "$mode" "$src" link
        done
        build c "$comp" "$mode" "$robot/examples/legacy_robot.c" obj "-I$robot/sim"
    done
done
for comp in $cxx; do
    for mode in "${cxx_modes[@]}"; do
        for src in "${c_sources[@]}"; do
            build c++ "$comp" "$mode" "$src" link
        done
    done
done

# The old enum names are deprecated aliases: silent by default, a warning when the robot asks for it.
for comp in $cc; do
    log="$work/deprecated.log"
    if "$comp" -x c -std=c11 $warn $inc -DOMNI_SHM_WARN_DEPRECATED -c "$here/header/header_first.c" \
        -o /dev/null >"$log" 2>&1 || ! grep -q "OMNI_DIRECTION_FORWARD" "$log"; then
        fails=$((fails + 1))
        echo "FAIL: $comp with -DOMNI_SHM_WARN_DEPRECATED did not warn about OMNI_DIR_FORWARD"
    fi
    count=$((count + 1))
done

echo "$((count - fails)) of $count compilations clean (C: $cc; C++: $cxx)"
[ "$fails" -eq 0 ]
