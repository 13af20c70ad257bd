#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer harnesses (clang, ASan+UBSan, coverage on omni_core) and runs each for a bounded time.
# Fails when any harness finds a crash, a leak, undefined behaviour or a timeout; the input is kept under
# build/fuzz/artifacts/<target>/ (reproduce: build/fuzz/tests/fuzz/fuzz_<target> FILE).
#
# Usage: tests/fuzz/run.sh [--seconds N] [--build-only] [TARGET...]
#   --seconds N   run each harness for N seconds (default 60; CI uses the default)
#   --build-only  configure and build, run nothing
#   TARGET        segment, statejson, httprequest, server_ws, remote_stream, mcap, foxglove, fleet (default: all that exist)
# New inputs go to build/fuzz/corpus/<target>/; the committed seeds in tests/fuzz/corpus/<target>/ are only read.
# To keep a crash as a regression test: fix it, then copy the input to tests/fuzz/regressions/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=60
build_only=0
targets=()
while (($#)); do
    case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --build-only) build_only=1; shift ;;
    -h | --help) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
    esac
done
if ((${#targets[@]} == 0)); then
    for f in tests/fuzz/fuzz_*.cpp; do
        t=$(basename "$f" .cpp)
        targets+=("${t#fuzz_}")
    done
fi

build=build/fuzz
jobs=$(($(nproc) < 2 ? $(nproc) : 2))
export CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-$(command -v ccache || true)}"
export CMAKE_C_COMPILER_LAUNCHER="${CMAKE_C_COMPILER_LAUNCHER:-$(command -v ccache || true)}"
# -O1 keeps the fuzzers fast and the stack traces readable; no NDEBUG, so Q_ASSERTs stay in.
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DOMNI_BUILD_FUZZERS=ON -DOMNI_BUILD_TESTS=OFF -DOMNI_BUILD_APP=OFF -DOMNI_BUILD_BENCH=OFF \
    -DOMNI_SANITIZE=address,undefined >/dev/null
cmake --build "$build" -j"$jobs" --target "${targets[@]/#/fuzz_}"
((build_only)) && exit 0

# Leaks count as failures (libFuzzer checks every input); UB stops at the first report with a stack.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}"
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="${QT_LOGGING_RULES:-*.debug=false;omni.*=false}"

status=0
summary=()
for t in "${targets[@]}"; do
    work="$build/corpus/$t"
    artifacts="$build/artifacts/$t"
    mkdir -p "$work" "$artifacts"
    dict=()
    [[ -f tests/fuzz/dict/$t.dict ]] && dict=(-dict="tests/fuzz/dict/$t.dict")
    echo "=== fuzz_$t: ${seconds} s"
    start=$SECONDS
    rc=0
    "$build/tests/fuzz/fuzz_$t" "$work" "tests/fuzz/corpus/$t" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >"$build/fuzz_$t.log" 2>&1 || rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz_$t.log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$build/fuzz_$t.log" | tail -1 || true)
    if ((rc != 0)); then
        status=1
        echo "!!! fuzz_$t failed (exit $rc); log: $build/fuzz_$t.log"
        grep -E -m1 -A40 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|FUZZ_CHECK failed|ALARM|==ERROR' \
            "$build/fuzz_$t.log" || tail -40 "$build/fuzz_$t.log"
        ls -1 "$artifacts" | sed "s|^|    $artifacts/|"
        summary+=("fuzz_$t: FAILED after $((SECONDS - start)) s, $runs runs, $cov")
    else
        summary+=("fuzz_$t: ok, $((SECONDS - start)) s, $runs runs, $cov")
    fi
done
printf '%s\n' "${summary[@]}"
exit "$status"
