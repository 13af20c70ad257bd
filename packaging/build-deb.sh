#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One command for the .deb: builds omniscient (Release, installed under /usr) unless --build-dir names a built
# tree, then packs it with CPack DEB (Depends from packaging/cpack-deb.cmake plus dpkg-shlibdeps).
# Usage: packaging/build-deb.sh [--arch x86_64|aarch64] [--build-dir DIR] [--out-dir DIR]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/.." && pwd)
source "$here/lib/common.sh"

arch=$(uname -m)
bdir='' outdir=''
while (($#)); do
    case "$1" in
    --arch) arch=$2; shift 2 ;;
    --build-dir) bdir=$2; shift 2 ;;
    --out-dir) outdir=$2; shift 2 ;;
    -h | --help) sed -n '3,5p' "$0"; exit 0 ;;
    *) omni_die "unknown argument $1" ;;
    esac
done
omni_debarch "$arch" >/dev/null
omni_apt_ensure dpkg-dev cmake ninja-build file binutils

if [[ -z $bdir ]]; then
    bdir=$src/build/deb-$arch
    [[ -x $src/scripts/install-deps.sh && $arch == "$(uname -m)" ]] && "$src/scripts/install-deps.sh"
    # The package's units are Type=notify with a watchdog: its omniscient must talk to systemd.
    cfg=(-S "$src" -B "$bdir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DOMNI_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr
         -DOMNI_SYSTEMD=ON)
    [[ $arch != "$(uname -m)" ]] && cfg+=(-DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchains/$arch-linux-gnu.cmake")
    cmake "${cfg[@]}"
    nice cmake --build "$bdir" -j "${OMNI_JOBS:-2}"
fi
bdir=$(cd "$bdir" && pwd)
[[ -f $bdir/CPackConfig.cmake ]] || omni_die "$bdir has no CPackConfig.cmake (configured with OMNI_BUILD_APP=OFF?)"
readelf -d "$bdir/app/omniscient" | grep -q 'libsystemd\.so' ||
    omni_die "$bdir/app/omniscient was built without libsystemd: the .deb's Type=notify units would never start it \
(install libsystemd-dev and configure with -DOMNI_SYSTEMD=ON)"
outdir=${outdir:-$bdir}
mkdir -p "$outdir"
(cd "$bdir" && cpack -G DEB -B "$outdir/_cpack" >&2)
deb=$(find "$outdir/_cpack" -maxdepth 1 -name 'omniscient_*.deb' -newer "$bdir/CPackConfig.cmake" | head -n1)
[[ -n $deb ]] || omni_die "cpack wrote no .deb"
mv "$deb" "$outdir/"
rm -rf "$outdir/_cpack"
omni_log "package: $outdir/${deb##*/}"
echo "$outdir/${deb##*/}"
