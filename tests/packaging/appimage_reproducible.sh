#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Same input, same bytes: builds the AppImage again from the same build tree (other work directory, other
# umask, a second later) and compares it with the fixture's. Usage: appimage_reproducible.sh BUILD_DIR OUT_DIR
source "$(dirname "$0")/testlib.sh"
bdir=$1 out=$2
first=$out/omniscient-test.AppImage
[[ -f $first ]] || fail "fixture AppImage $first missing"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
sleep 1
(umask 0002 && "$OMNI_SRC/packaging/build-appimage.sh" --build-dir "$bdir" --work "$out/work-2" \
    --out "$out/omniscient-again.AppImage" >/dev/null)
if ! cmp "$first" "$out/omniscient-again.AppImage"; then
    # Say where they differ: runtime or payload, and which files.
    off=$("$first" --appimage-offset)
    cmp -s <(head -c "$off" "$first") <(head -c "$off" "$out/omniscient-again.AppImage") || echo "runtimes differ" >&2
    diff -r "$out/work-1/AppDir" "$out/work-2/AppDir" >&2 || true
    fail "two builds from the same input differ"
fi
pass "rebuilt AppImage is byte-identical ($(sha256sum "$first" | cut -c1-16)...)"
