#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs a writer program on a segment name unique to this process and checks that it publishes, exits 0 and
# removes its segment(s) afterwards.
# Usage: check_writer_run.sh duration|signal SIZE PROGRAM ARGS...
#   duration: PROGRAM ARGS... must end by itself (e.g. --duration 0.3) within 20 s.
#   signal:   PROGRAM ARGS... runs until SIGTERM; the segment must appear with SIZE bytes first.
# Every "@NAME@" in ARGS is replaced with the unique segment name.
mode=$1
size=$2
shift 2
name="omni-test-$(basename "$1")-$mode-$$"
prog=$1
shift
for arg in "$@"; do
    shift
    if [ "$arg" = "@NAME@" ]; then set -- "$@" "$name"; else set -- "$@" "$arg"; fi
done
seg="/dev/shm/$name"
cleanup() { rm -f "$seg" "$seg.wake"; }
trap cleanup EXIT

# timeout: a writer that never ends fails the test instead of hanging it (it forwards our SIGTERM).
# --foreground: without it, timeout follows our SIGTERM with a SIGCONT to its process group, which cancels the
# SIGSTOP that LeakSanitizer's exit-time check (ASan build) attaches with: that check then waits forever.
# $OMNI_TEST_EMULATOR (qemu-aarch64-static in the cross test run: no binfmt_misc there) comes first when set.
timeout --foreground -s KILL 20 ${OMNI_TEST_EMULATOR:+$OMNI_TEST_EMULATOR }"$prog" "$@" &
pid=$!

if [ "$mode" = signal ]; then
    tries=0
    until [ -e "$seg" ] && [ "$(stat -c %s "$seg")" -eq "$size" ]; do
        tries=$((tries + 1))
        if [ "$tries" -gt 1000 ]; then
            echo "FAIL: $seg did not appear with $size bytes"
            kill -KILL "$pid"
            exit 1
        fi
        sleep 0.01
    done
    sleep 0.1
    kill -TERM "$pid"
fi

wait "$pid"
rc=$?
if [ "$rc" -ne 0 ]; then
    echo "FAIL: $prog exited with $rc (want 0)"
    exit 1
fi
if [ -e "$seg" ] || [ -e "$seg.wake" ]; then
    echo "FAIL: $seg (or $seg.wake) is still there after the writer exited"
    exit 1
fi
echo "ok: $prog $* exited 0 and removed $seg"
