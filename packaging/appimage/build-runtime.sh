#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds omniscient's static AppImage type-2 runtime (packaging/appimage/runtime/*.c) for one architecture,
# statically linked against Debian's libsquashfuse and libfuse3, stripped, with the magic AI\x02 at offset 8.
# Usage: packaging/appimage/build-runtime.sh [--arch x86_64|aarch64] --out FILE
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/common.sh"

arch=$(uname -m)
out=
while (($#)); do
    case "$1" in
    --arch) arch=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h | --help) sed -n '3,5p' "$0"; exit 0 ;;
    *) omni_die "unknown argument $1" ;;
    esac
done
[[ -n $out ]] || omni_die "--out FILE is required"
debarch=$(omni_debarch "$arch")
triplet=$(omni_triplet "$arch")

pkgs=()
for p in libsquashfuse-dev libfuse3-dev zlib1g-dev liblzma-dev liblzo2-dev liblz4-dev libzstd-dev; do
    pkgs+=("$p:$debarch")
done
if [[ $arch == "$(uname -m)" ]]; then
    cc=${CC:-gcc}
    strip="strip"
    pkgs+=(gcc libc6-dev binutils)
else
    cc=$triplet-gcc
    strip=$triplet-strip
    pkgs+=("gcc-$triplet" "libc6-dev-$debarch-cross" "binutils-$triplet")
fi
omni_apt_ensure "${pkgs[@]}"

src=$here/runtime
tmp=$(mktemp "$out.XXXXXX")
trap 'rm -f "$tmp"' EXIT
# -ffile-prefix-map and a fixed build-id keep the bytes independent of the checkout's location.
"$cc" -std=gnu11 -O2 -Wall -Wextra -ffile-prefix-map="$src"=. -ffunction-sections -fdata-sections \
    -I/usr/include/squashfuse -I/usr/include/fuse3 -static -Wl,--gc-sections -Wl,--build-id=sha1 \
    -o "$tmp" "$src"/elfsize.c "$src"/extract.c "$src"/mount.c "$src"/main.c \
    -lsquashfuse_ll -lsquashfuse -lfuse3 -lz -llzma -llzo2 -llz4 -lzstd -lpthread -ldl 2> >(grep -v -e "Using 'dlopen'" -e 'in function .fuse_get_module' >&2)
"$strip" --strip-all "$tmp"
# Type-2 AppImage magic: 'A' 'I' 0x02 in the ELF identification padding (EI_ABIVERSION and EI_PAD).
printf 'AI\002' | dd of="$tmp" bs=1 seek=8 conv=notrunc status=none
chmod 0755 "$tmp"
mv "$tmp" "$out"
trap - EXIT
omni_log "runtime ($arch): $out ($(stat -c %s "$out") bytes)"
