#!/bin/sh
# SPDX-License-Identifier: MIT
# omni_writer_open() on a full /dev/shm: NULL with ENOSPC, the robot alive, nothing left behind; with room
# for the segment only, a writer without the wake-up segment. Done for real: a private mount namespace
# (unshare -Urm) gets its own 16 KiB tmpfs on /dev/shm, filled with dd. Where the machine does not permit
# the namespace or the mount, the test is skipped (exit 77) with the reason; it never passes untested.
# Usage: check_enospc.sh ENOSPC_WRITER
prog=$1
if ! command -v unshare >/dev/null 2>&1; then
    echo "SKIP: unshare(1) is not installed (util-linux)"
    exit 77
fi
if ! why=$(unshare -Urm sh -c 'mount -t tmpfs -o size=16k omni-test /dev/shm' 2>&1); then
    echo "SKIP: this machine does not permit a private mount namespace with a tmpfs: $why"
    exit 77
fi
# Inside: mount, fill, run, then list what is left (only the filler may remain).
unshare -Urm sh -c '
    set -e
    prog=$1
    mount -t tmpfs -o size=16k omni-test /dev/shm
    dd if=/dev/zero of=/dev/shm/filler bs=4096 2>/dev/null || true   # until ENOSPC
    [ "$(df -P /dev/shm | awk "NR==2 {print \$4}")" -eq 0 ] || { echo "FAIL: could not fill /dev/shm"; exit 1; }
    rc=0
    "$prog" full || rc=$?
    [ "$rc" -eq 0 ] || { echo "FAIL: full: exit status $rc (>128: killed by signal $((rc - 128)))"; exit 1; }
    left=$(ls -A /dev/shm)
    [ "$left" = filler ] || { echo "FAIL: left behind after the failed open: $left"; exit 1; }
    truncate -s -4096 /dev/shm/filler       # one free page: the segment fits, the wake-up segment not
    "$prog" one-page || rc=$?
    [ "$rc" -eq 0 ] || { echo "FAIL: one-page: exit status $rc"; exit 1; }
    left=$(ls -A /dev/shm)
    [ "$left" = filler ] || { echo "FAIL: left behind after close: $left"; exit 1; }
    echo "nothing left in /dev/shm"
' sh "$prog"
