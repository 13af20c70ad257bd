#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fixture: packs the build tree into a .deb. Usage: deb_build.sh BUILD_DIR OUT_DIR
source "$(dirname "$0")/testlib.sh"
bdir=$1 out=$2
rm -f "$out"/omniscient_*.deb
"$OMNI_SRC/packaging/build-deb.sh" --build-dir "$bdir" --out-dir "$out" >/dev/null
deb=$(ls "$out"/omniscient_*.deb)
pass "built $deb"
