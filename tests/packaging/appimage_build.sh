#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fixture: builds the AppImage from the build tree's omniscient. Usage: appimage_build.sh BUILD_DIR OUT_DIR
source "$(dirname "$0")/testlib.sh"
bdir=$1 out=$2
mkdir -p "$out"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
"$OMNI_SRC/packaging/build-appimage.sh" --build-dir "$bdir" --work "$out/work-1" --out "$out/omniscient-test.AppImage"
[[ -x $out/omniscient-test.AppImage ]] || fail "no AppImage written"
pass "built $out/omniscient-test.AppImage ($(stat -c %s "$out/omniscient-test.AppImage") bytes)"
