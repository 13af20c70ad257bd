#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One command for the AppImage: builds omniscient (Release) unless --build-dir names a built tree, installs it
# into a staging dir, assembles the AppDir (desktop entry, icon, AppRun, bundled Qt via deploy.sh), builds our
# static runtime and writes the type-2 AppImage.
# Usage: packaging/build-appimage.sh [--arch x86_64|aarch64] [--build-dir DIR] [--out FILE] [--work DIR]
#   --arch aarch64 cross-builds with cmake/toolchains/aarch64-linux-gnu.cmake (prefer cross/build-aarch64.sh,
#   which also installs the arm64 packages and runs the tests under qemu).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/.." && pwd)
source "$here/lib/common.sh"

arch=$(uname -m)
bdir='' out='' work=''
while (($#)); do
    case "$1" in
    --arch) arch=$2; shift 2 ;;
    --build-dir) bdir=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h | --help) sed -n '3,9p' "$0"; exit 0 ;;
    *) omni_die "unknown argument $1" ;;
    esac
done
debarch=$(omni_debarch "$arch")
# Qt plugins the AppImage bundles beyond what the build needs: Wayland (desktops, the cage kiosk), the platform
# plugins (xcb, eglfs, linuxfb, offscreen), SVG image format and icon engine.
omni_apt_ensure "qt6-wayland:$debarch" "qt6-qpa-plugins:$debarch" "libqt6svg6:$debarch"

if [[ -z $bdir ]]; then
    bdir=$src/build/appimage-$arch
    [[ -x $src/scripts/install-deps.sh && $arch == "$(uname -m)" ]] && "$src/scripts/install-deps.sh"
    omni_apt_ensure cmake ninja-build
    cfg=(-S "$src" -B "$bdir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DOMNI_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr)
    [[ $arch != "$(uname -m)" ]] && cfg+=(-DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchains/$arch-linux-gnu.cmake")
    cmake "${cfg[@]}"
    nice cmake --build "$bdir" -j "${OMNI_JOBS:-2}"
fi
bdir=$(cd "$bdir" && pwd)
[[ -f $bdir/CMakeCache.txt ]] || omni_die "$bdir is not a CMake build tree"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$bdir/CMakeCache.txt")
work=${work:-$bdir/appimage-$arch}
out=${out:-$bdir/omniscient-${version:-0}-$arch.AppImage}

# ---- stage: exactly what `cmake --install` ships, stripped ----
rm -rf "$work"
mkdir -p "$work/stage" "$work/AppDir/usr/bin"
cmake --install "$bdir" --prefix "$work/stage/usr" --strip >/dev/null
stage=$work/stage/usr
appdir=$work/AppDir
[[ -x $stage/bin/omniscient ]] || omni_die "the build tree installs no bin/omniscient (not built yet?)"

# ---- AppDir: executables, desktop entry and icons at the top and in usr/share ----
exes=()
for exe in omniscient omni-sim; do
    if [[ -x $stage/bin/$exe ]]; then
        install -m 0755 "$stage/bin/$exe" "$appdir/usr/bin/$exe"
        exes+=(--exe "usr/bin/$exe")
    fi
done
mkdir -p "$appdir/usr/share"
cp -r "$stage/share/applications" "$stage/share/icons" "$appdir/usr/share/"
install -m 0644 "$stage/share/applications/omniscient.desktop" "$appdir/omniscient.desktop"
install -m 0644 "$stage/share/icons/hicolor/scalable/apps/omniscient.svg" "$appdir/omniscient.svg"
install -m 0644 "$stage/share/icons/hicolor/256x256/apps/omniscient.png" "$appdir/.DirIcon"

"$here/appimage/deploy.sh" --appdir "$appdir" --arch "$arch" "${exes[@]}"
"$here/appimage/build-runtime.sh" --arch "$arch" --out "$work/runtime-$arch"
OMNI_SOURCE_DIR=$src "$here/appimage/make-appimage.sh" --appdir "$appdir" --runtime "$work/runtime-$arch" --out "$out"
echo "$out"
