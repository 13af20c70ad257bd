#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# An independent reader (Debian's libappimage, not our runtime) recognises the AppImage as type 2, finds the
# payload where our runtime says, and lists the files a working AppImage needs: always the entry points and
# QtCore; the platform plugins when omniscient links QtGui, TLS when it links QtNetwork, the media backend
# when it links QtMultimedia. Usage: appimage_reader.sh APPIMAGE WORK_DIR
source "$(dirname "$0")/testlib.sh"
img=$(readlink -f "$1") work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
omni_apt_ensure libappimage-dev gcc binutils
cc -O1 -Wall -Werror -o appimage_check "$OMNI_SRC/tests/packaging/appimage_check.c" -lappimage
offset=$("$img" --appimage-offset)
expect_eq "$(head -c 11 "$img" | tail -c 3 | od -An -tx1 | tr -d ' ')" 414902 "magic AI\\x02 at offset 8"
expect_eq "$(tail -c +$((offset + 1)) "$img" | head -c 4)" hsqs "squashfs superblock at the runtime's offset"

"$img" --appimage-extract usr/bin/omniscient >/dev/null
needed=$(readelf -d squashfs-root/usr/bin/omniscient | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
# shellcheck disable=SC2016 # a literal $ORIGIN
expect_eq "$(readelf -d squashfs-root/usr/bin/omniscient | sed -n 's/.*Library runpath: \[\(.*\)\]/\1/p')" \
    '$ORIGIN/../lib' "RUNPATH of usr/bin/omniscient (the bundled libraries, set by deploy.sh)"
expected=(AppRun omniscient.desktop omniscient.svg .DirIcon usr/bin/omniscient usr/bin/qt.conf usr/lib/libQt6Core.so.6)
if grep -q '^libQt6Gui\|^libQt6Widgets' <<<"$needed"; then
    expected+=(usr/lib/libQt6Gui.so.6 usr/plugins/platforms/libqxcb.so usr/plugins/platforms/libqwayland-egl.so
        usr/plugins/platforms/libqeglfs.so usr/plugins/platforms/libqlinuxfb.so
        usr/plugins/platforms/libqoffscreen.so usr/plugins/imageformats/libqsvg.so)
fi
grep -q '^libQt6Network' <<<"$needed" && expected+=(usr/plugins/tls/libqopensslbackend.so)
grep -q '^libQt6WebSockets' <<<"$needed" && expected+=(usr/lib/libQt6WebSockets.so.6)
grep -q '^libQt6Multimedia' <<<"$needed" && expected+=(usr/plugins/multimedia/libffmpegmediaplugin.so)
./appimage_check "$img" "$offset" "${expected[@]}" || fail "libappimage does not see a complete type-2 AppImage"
pass "libappimage: type 2, payload offset $offset, ${#expected[@]} expected files listed"
