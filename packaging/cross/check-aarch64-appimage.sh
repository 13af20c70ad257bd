#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks an aarch64 AppImage on an x86_64 host without binfmt_misc: the static runtime runs under
# qemu-aarch64-static (offset, extraction), libappimage reads it, and the bundled omniscient starts under qemu
# in a mount namespace where the host's arm64 Qt libraries are replaced by /dev/null.
# (AppRun is a shell script: the chain runtime -> /bin/sh -> aarch64 binary needs binfmt_misc, which a real Pi
# does not need; so the app is started from the extracted tree here.)
# Usage: packaging/cross/check-aarch64-appimage.sh APPIMAGE WORK_DIR
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/common.sh"
if [[ ${1:-} != --inside ]]; then
    omni_apt_ensure qemu-user-static libappimage-dev gcc util-linux
    ns=(--mount --propagation private)
    [[ $(id -u) == 0 ]] || ns=(--user --map-root-user "${ns[@]}") # bind mounts need root, here or in a user namespace
    exec unshare "${ns[@]}" "$0" --inside "$@"
fi
shift
img=$(readlink -f "$1") work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work"
qemu="qemu-aarch64-static"

file -b "$img" | grep -q 'ARM aarch64, .*statically linked' || omni_die "runtime is not a static aarch64 ELF: $(file -b "$img")"
offset=$($qemu "$img" --appimage-offset)
[[ $(tail -c +$((offset + 1)) "$img" | head -c 4) == hsqs ]] || omni_die "no squashfs at offset $offset"
cc -O1 -o appimage_check "$here/../../tests/packaging/appimage_check.c" -lappimage
./appimage_check "$img" "$offset" AppRun usr/bin/omniscient usr/lib/libQt6Core.so.6 \
    usr/plugins/platforms/libqeglfs.so usr/plugins/platforms/libqwayland-egl.so >/dev/null ||
    omni_die "libappimage does not accept the aarch64 AppImage"
omni_log "libappimage: type 2, payload at $offset"

$qemu "$img" --appimage-extract >/dev/null
file -b squashfs-root/usr/lib/libQt6Core.so.6 | grep -q 'ARM aarch64' || omni_die "bundled Qt is not aarch64"
hidden=0
for f in /usr/lib/aarch64-linux-gnu/libQt6*.so.6.*; do
    [[ -f $f && ! -L $f ]] || continue
    mount --bind /dev/null "$f"
    hidden=$((hidden + 1))
done
((hidden > 0)) || omni_die "no host arm64 Qt libraries found to hide"
version=$(env -u LD_LIBRARY_PATH $qemu squashfs-root/usr/bin/omniscient --version)
[[ $version == omniscient\ * ]] || omni_die "bundled aarch64 omniscient printed '$version'"
omni_log "aarch64 AppImage OK under qemu with $hidden host Qt libraries hidden: $version"
