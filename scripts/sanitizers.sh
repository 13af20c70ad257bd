#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The sanitizer stages of CI (docs/HARDENING.md):
#   asan  the whole GoogleTest suite under AddressSanitizer + UndefinedBehaviorSanitizer (build/asan), then the
#         whole-program fault injection against that build's omniscient (tests/faults);
#   tsan  the reader, server and remote-mode tests under ThreadSanitizer (build/tsan), building only those;
#   fuzz  every libFuzzer harness for --fuzz-seconds each (tests/fuzz/run.sh).
# Usage: scripts/sanitizers.sh [asan] [tsan] [fuzz] [--fuzz-seconds N]   (no stage named: all three)
# Prints each stage's duration; exits non-zero when any stage fails, after running the others.
set -euo pipefail
cd "$(dirname "$0")/.."

stages=()
fuzz_seconds=60
while (($#)); do
    case "$1" in
    asan | tsan | fuzz) stages+=("$1"); shift ;;
    --fuzz-seconds) fuzz_seconds="$2"; shift 2 ;;
    -h | --help) sed -n '3,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "sanitizers.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
((${#stages[@]})) || stages=(asan tsan fuzz)

jobs=$(($(nproc) < 2 ? $(nproc) : 2))
export CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-$(command -v ccache || true)}"
export CMAKE_C_COMPILER_LAUNCHER="${CMAKE_C_COMPILER_LAUNCHER:-$(command -v ccache || true)}"
export QT_QPA_PLATFORM=offscreen
supp="$PWD/tests/sanitizers"

# The reader, server and remote-mode tests: everything with a second thread or a socket in core.
tsan_tests=(test_core_shmsource test_core_shmfaults test_core_tornread test_core_sigbusguard test_core_hub test_core_server_http
            test_core_server test_remote_source)

stage_asan() {
    # float-cast-overflow: GCC leaves it out of "undefined" (clang has it); the fuzzers found one such bug.
    cmake --preset asan -DOMNI_SANITIZE=address,undefined,float-cast-overflow >/dev/null
    cmake --build --preset asan -- -j"$jobs"
    # allow_user_segv_handler=1 (ASan's default, pinned): the reader installs its own SIGBUS handler to survive a
    # segment truncated under its mapping; with 0, ASan would ignore it and report the fault. Faults outside a
    # guarded read still reach ASan's handler, which ours chains to (tests/core/test_sigbusguard.cpp).
    # fast_unwind_on_malloc=0: whole allocation stacks through Qt (built without frame pointers), which the
    # library-named entries of tests/sanitizers/lsan.supp need to match.
    export ASAN_OPTIONS="allow_user_segv_handler=1:detect_leaks=1:fast_unwind_on_malloc=0:strict_string_checks=1:detect_stack_use_after_return=1"
    export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
    local rc=0
    # ASan+UBSan slow everything 2-3x: a test whose timing loses the race is retried once. A memory or UB error
    # halts the test on its first run's path as well, so a retry cannot hide one; the first failure stays in the log.
    ctest --preset asan --timeout 600 --repeat until-pass:2 || rc=$?
    # A sanitizer report fails the stage even when a retry passed (a race-dependent use-after-free may not recur).
    if grep -a -l -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' build/asan/Testing/Temporary/LastTest*.log \
        >/dev/null 2>&1; then
        echo "!!! a sanitizer reported a problem (see build/asan/Testing/Temporary/LastTest.log), retried or not"
        rc=1
    fi
    # --no-rss: ASan keeps freed memory in its quarantine, so resident size says nothing there. --ubsan: UBSan's
    # vptr check cannot work out of file descriptors, so the out-of-descriptors test is skipped here (it runs in
    # the plain build's fault stage of scripts/test.sh).
    tests/faults/run.sh build/asan --no-rss --ubsan || rc=$?
    return "$rc"
}

stage_tsan() {
    cmake --preset tsan >/dev/null
    local rc=0 t
    # -k 0: one target that does not build must not hide the others' results (it fails the stage all the same).
    cmake --build --preset tsan -- -j"$jobs" -k 0 "${tsan_tests[@]}" || rc=1
    # die_after_fork=0: some reader tests start a real robot process (QProcess: fork, then exec at once in the
    # child), after the reader thread exists; the child runs no code of ours before exec.
    export TSAN_OPTIONS="suppressions=$supp/tsan.supp:halt_on_error=1:second_deadlock_stack=1:history_size=4:die_after_fork=0"
    for t in "${tsan_tests[@]}"; do
        local exe
        exe=$(find build/tsan/tests -type f -name "$t" -perm -u+x | head -1)
        echo "--- tsan: $t"
        if [[ -z "$exe" ]]; then
            rc=1
            echo "!!! $t was not built"
            continue
        fi
        if ! (cd "$(dirname "$exe")" && timeout 900 "./$t" --gtest_brief=1) >"build/tsan/$t.log" 2>&1; then
            rc=1
            echo "!!! $t failed under ThreadSanitizer; log: build/tsan/$t.log"
            grep -m1 -A40 -E 'WARNING: ThreadSanitizer|FAILED' "build/tsan/$t.log" || tail -40 "build/tsan/$t.log"
        fi
    done
    return "$rc"
}

stage_fuzz() {
    tests/fuzz/run.sh --seconds "$fuzz_seconds"
}

status=0
report=()
# CI's whole run has 90 minutes: scripts/test.sh passes a deadline (OMNI_CI_DEADLINE, epoch seconds). A stage that
# would not fit before it is not started, and the report says so plainly (it is never counted as passed).
declare -A need_min=([asan]=35 [tsan]=12 [fuzz]=10)
for s in "${stages[@]}"; do
    if [[ -n "${OMNI_CI_DEADLINE:-}" ]]; then
        left=$(((OMNI_CI_DEADLINE - $(date +%s)) / 60))
        if ((left < ${need_min[$s]})); then
            echo "=== sanitizer stage: $s NOT RUN: $left min of the CI budget left, it needs about ${need_min[$s]}"
            report+=("$s: NOT RUN (CI time budget: $left min left, needs about ${need_min[$s]})")
            continue
        fi
    fi
    echo "=== sanitizer stage: $s"
    start=$SECONDS
    rc=0
    "stage_$s" || rc=$?
    report+=("$s: $([[ $rc == 0 ]] && echo ok || echo FAILED) in $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s")
    ((rc == 0)) || status=1
done
printf '%s\n' "${report[@]}"
exit "$status"
