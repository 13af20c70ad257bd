#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Turns an AppDir into a type-2 AppImage: our static runtime followed by a reproducible squashfs of the
# AppDir (fixed owner, mtimes from SOURCE_DATE_EPOCH, no xattrs, sorted entries, zstd). Same AppDir and
# runtime, same SOURCE_DATE_EPOCH: same bytes.
# Usage: packaging/appimage/make-appimage.sh --appdir DIR --runtime FILE --out FILE.AppImage
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/common.sh"

appdir='' runtime='' out=''
while (($#)); do
    case "$1" in
    --appdir) appdir=$2; shift 2 ;;
    --runtime) runtime=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h | --help) sed -n '3,6p' "$0"; exit 0 ;;
    *) omni_die "unknown argument $1" ;;
    esac
done
[[ -d $appdir && -f $runtime && -n $out ]] || omni_die "need --appdir DIR --runtime FILE --out FILE"
[[ -x $appdir/AppRun ]] || omni_die "$appdir/AppRun is missing or not executable"
compgen -G "$appdir/*.desktop" >/dev/null || omni_log "warning: no .desktop file at the top of $appdir"
[[ $(head -c 11 "$runtime" | tail -c 3 | od -An -tx1 | tr -d ' ') == 414902 ]] ||
    omni_die "$runtime has no AppImage type-2 magic at offset 8"
omni_apt_ensure squashfs-tools

epoch=$(OMNI_SOURCE_DIR="${OMNI_SOURCE_DIR:-$here}" omni_source_date_epoch)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/omni-appimage.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# -all-root/-no-xattrs: nothing from the builder's account or file system leaks in; -all-time/-mkfs-time: no
# build-time clock; mksquashfs (>= 4.4) sorts directory entries and is reproducible with several threads.
env -u SOURCE_DATE_EPOCH mksquashfs "$appdir" "$tmp/payload.sqfs" -noappend -all-root -no-xattrs \
    -comp zstd -b 131072 -all-time "$epoch" -mkfs-time "$epoch" -quiet -no-progress -processors 2 >/dev/null
cat "$runtime" "$tmp/payload.sqfs" >"$tmp/out.AppImage"
chmod 0755 "$tmp/out.AppImage"
mkdir -p "$(dirname "$out")"
mv "$tmp/out.AppImage" "$out"
omni_log "AppImage: $out ($(stat -c %s "$out") bytes, sha256 $(sha256sum "$out" | cut -c1-16)...)"
