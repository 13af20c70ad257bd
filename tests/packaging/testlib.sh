# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Helpers for the packaging tests (sourced). Every check prints what it verified; the first failure exits 1.
set -euo pipefail
OMNI_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$OMNI_SRC/packaging/lib/common.sh"

pass() { printf 'ok   %s\n' "$*"; }
fail() {
    printf 'FAIL %s\n' "$*" >&2
    exit 1
}
# expect_eq ACTUAL EXPECTED WHAT
expect_eq() {
    if [[ $1 == "$2" ]]; then pass "$3 ($1)"; else fail "$3: got '$1', expected '$2'"; fi
}
# wait_for SECONDS COMMAND...: polls until COMMAND succeeds
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}
# The directories a runtime may leave behind (mount points, extract-and-run trees) under $TMPDIR.
leftovers() { find "${TMPDIR:-/tmp}" -maxdepth 1 \( -name '.mount_*' -o -name 'appimage_extracted_*' \) 2>/dev/null; }
no_leftovers() { [[ -z $(leftovers) ]]; }
