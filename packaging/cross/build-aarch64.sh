#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One command for the Raspberry Pi: installs the cross toolchain and the :arm64 Qt dev packages (multiarch),
# cross-builds omniscient with cmake/toolchains/aarch64-linux-gnu.cmake, runs the test suite under
# qemu-aarch64-static (no -L), builds the aarch64 AppImage (with an aarch64 static runtime) and the arm64 .deb,
# and checks the AppImage under qemu with the host's arm64 Qt hidden.
# Usage: packaging/cross/build-aarch64.sh [--build-dir DIR] [--skip-tests] [--no-deb]
# Takes a while: the first run installs ~1 GB of arm64 packages; the build uses 2 cores (OMNI_JOBS) at nice.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../.." && pwd)
source "$here/../lib/common.sh"

bdir=$src/build/aarch64
run_tests=1 make_deb=1
while (($#)); do
    case "$1" in
    --build-dir) bdir=$2; shift 2 ;;
    --skip-tests) run_tests=0; shift ;;
    --no-deb) make_deb=0; shift ;;
    -h | --help) sed -n '3,9p' "$0"; exit 0 ;;
    *) omni_die "unknown argument $1" ;;
    esac
done
jobs=${OMNI_JOBS:-2}

# ---- packages: host tools, the cross compiler, qemu, and the target's libraries ----
host_pkgs=(cmake ninja-build pkg-config crossbuild-essential-arm64 qemu-user-static
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-websockets-dev
    qt6-multimedia-dev squashfs-tools patchelf libappimage-dev dpkg-dev file)
target_pkgs=()
for p in qt6-base-dev qt6-websockets-dev qt6-multimedia-dev qt6-qpa-plugins qt6-wayland libqt6svg6 libgl-dev \
    libgtest-dev libgmock-dev libc6-dev libstdc++-12-dev libsystemd-dev libmosquitto-dev; do
    target_pkgs+=("$p:arm64")
done
omni_apt_ensure "${host_pkgs[@]}" "${target_pkgs[@]}"

# ---- configure and build ----
tests=ON
((run_tests)) || tests=OFF
cmake -S "$src" -B "$bdir" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchains/aarch64-linux-gnu.cmake" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DOMNI_BUILD_TESTS="$tests" -DOMNI_BUILD_BENCH=OFF \
    -DOMNI_SYSTEMD=ON
bdir=$(cd "$bdir" && pwd)
nice cmake --build "$bdir" -j "$jobs"
# A header edited while the first pass ran (a working tree others edit) leaves objects compiled against both
# versions in one binary: struct layouts disagree and tests fail for no reason in the code. The second pass
# recompiles what the edit made stale; it does nothing otherwise.
nice cmake --build "$bdir" -j "$jobs"
[[ $(file -b "$bdir/app/omniscient") == *'ARM aarch64'* ]] || omni_die "app/omniscient is not an aarch64 binary"
omni_log "cross-built: $(file -b "$bdir/app/omniscient" | cut -d, -f1-2)"

# ---- the test suite under qemu (ctest prefixes CMAKE_CROSSCOMPILING_EMULATOR) ----
# Tests that start another target program themselves (QProcess, shell scripts) must prefix it with
# $OMNI_TEST_EMULATOR (omni::test::startProgram does): without binfmt_misc the kernel cannot run an aarch64
# binary directly. qemu-nopidfd.so, preloaded into every program qemu runs (QEMU_SET_ENV), lets Qt's QProcess
# start anything at all under this qemu (see the file).
test_status=0
if ((run_tests)); then
    aarch64-linux-gnu-gcc -std=gnu11 -Wall -Wextra -Werror -O2 -shared -fPIC -o "$bdir/qemu-nopidfd.so" \
        "$here/qemu-nopidfd.c"
    # Browser and packaging tests need host programs against host binaries: not meaningful under qemu.
    OMNI_TEST_EMULATOR=qemu-aarch64-static QEMU_SET_ENV="LD_PRELOAD=$bdir/qemu-nopidfd.so" \
        nice ctest --test-dir "$bdir" -j "$jobs" --output-on-failure --timeout 600 -LE 'packaging|e2e|browser' ||
        test_status=$?
    ((test_status == 0)) || omni_log "some tests failed under qemu; building the packages anyway"
fi

# ---- AppImage (deploy resolves libraries with the arm64 loader under qemu) ----
out=$("$src/packaging/build-appimage.sh" --arch aarch64 --build-dir "$bdir")
omni_log "AppImage: $out"
"$here/check-aarch64-appimage.sh" "$out" "$bdir/appimage-check"

if ((make_deb)); then
    "$src/packaging/build-deb.sh" --arch aarch64 --build-dir "$bdir" --out-dir "$bdir"
fi
exit "$test_status"
