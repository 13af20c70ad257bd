#!/bin/sh
# SPDX-License-Identifier: MIT
# omni-sim rejects bad arguments with exit status 2 and one line on stderr naming the flag and what it expects;
# --help and --version succeed. Usage: check_sim_args.sh OMNI_SIM VERSION
sim=$1
version=$2
failures=0
err=$(mktemp)
trap 'rm -f "$err"' EXIT

# The program runs through $OMNI_TEST_EMULATOR when set (qemu-aarch64-static in the cross test run: no binfmt_misc).
# expect_usage_error PATTERN ARGS...: exit status 2, a single stderr line matching PATTERN and "try --help".
expect_usage_error() {
    pattern=$1
    shift
    ${OMNI_TEST_EMULATOR:+$OMNI_TEST_EMULATOR }"$sim" "$@" >/dev/null 2>"$err"
    rc=$?
    lines=$(wc -l <"$err")
    if [ "$rc" -ne 2 ] || [ "$lines" -ne 1 ] || ! grep -q -e "$pattern" "$err" || ! grep -q -e "try --help" "$err"; then
        echo "FAIL: omni-sim $*: exit $rc (want 2), stderr: $(cat "$err")"
        failures=$((failures + 1))
    else
        echo "ok: omni-sim $* -> $(cat "$err")"
    fi
}

expect_usage_error "unknown option '--bogus'" --bogus
expect_usage_error "unknown option 'extra'" extra
expect_usage_error "--rate expects .*Hz" --rate abc
expect_usage_error "--rate expects .*Hz" --rate 0
expect_usage_error "--rate expects .*Hz" --rate -5
expect_usage_error "--rate expects .*Hz" --rate 1000001
expect_usage_error "--rate expects .*Hz" --rate=nan
expect_usage_error "--rate expects .*Hz" --rate 50x
expect_usage_error "--rate needs a value" --rate
expect_usage_error "--duration expects .*seconds" --duration -1
expect_usage_error "--duration expects .*seconds" --duration soon
expect_usage_error "--seed expects .*integer" --seed -3
expect_usage_error "--seed expects .*integer" --seed 4294967296
expect_usage_error "--seed expects .*integer" --seed 1.5
expect_usage_error "--shm expects .*name" --shm ""
expect_usage_error "--shm expects .*name" --shm a/b
expect_usage_error "--shm expects .*name" --shm "$(printf '%0201d' 0)"
expect_usage_error "--quiet takes no value" --quiet=yes

out=$(${OMNI_TEST_EMULATOR:+$OMNI_TEST_EMULATOR }"$sim" --version)
rc=$?
if [ "$rc" -ne 0 ] || [ "$out" != "omni-sim $version" ]; then
    echo "FAIL: --version: exit $rc, printed '$out' (want 'omni-sim $version')"
    failures=$((failures + 1))
fi
if ! ${OMNI_TEST_EMULATOR:+$OMNI_TEST_EMULATOR }"$sim" --help | grep -q -e "--rate HZ"; then
    echo "FAIL: --help does not describe --rate"
    failures=$((failures + 1))
fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
