#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Inspects the .deb without installing it: control fields, Depends, file list, maintainer scripts, and the
# systemd units (systemd-analyze verify). Usage: deb_inspect.sh OUT_DIR
source "$(dirname "$0")/testlib.sh"
deb=$(ls "$1"/omniscient_*.deb)
omni_apt_ensure dpkg systemd desktop-file-utils
expect_eq "$(dpkg-deb -f "$deb" Package)" omniscient "Package"
expect_eq "$(dpkg-deb -f "$deb" Architecture)" "$(dpkg --print-architecture)" "Architecture"
depends=$(dpkg-deb -f "$deb" Depends)
names=$(sed 's/([^)]*)//g; s/|/,/g' <<<"$depends" | tr ',' '\n' | tr -d ' ')
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6websockets6 libqt6multimedia6 qt6-qpa-plugins libc6 libstdc++6 \
    libsystemd0; do
    grep -Fqx -- "$dep" <<<"$names" || fail "Depends lacks $dep: $depends"
done
pass "Depends has the Qt runtime, qt6-qpa-plugins, the multimedia backend package, libc/libstdc++ and libsystemd0"
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
for f in ./usr/bin/omniscient ./usr/bin/omni-sim ./usr/include/omniscient/omni_shm.h \
    ./usr/include/omniscient/omni_shm_writer.h ./usr/include/omniscient/omni_shm_writer_internal.h \
    "./usr/lib/$multiarch/libomniscient-robot.so.1" \
    ./usr/lib/python3/dist-packages/omniscient_robot.py \
    ./usr/share/pkgconfig/omniscient-robot.pc ./usr/share/applications/omniscient.desktop \
    ./usr/share/icons/hicolor/scalable/apps/omniscient.svg ./usr/share/icons/hicolor/256x256/apps/omniscient.png \
    ./usr/lib/systemd/system/omniscient-headless.service ./usr/lib/systemd/system/omniscient-kiosk.service \
    ./usr/lib/sysusers.d/omniscient.conf; do
    grep -qx -- "$f" <<<"$files" || fail "missing in the package: $f"
done
pass "the package contains binaries, headers, the robot library and Python module, pkg-config file, desktop entry, icons and units"
if grep -E '^\./(usr/local|home|tmp|root)/' <<<"$files"; then
    fail "files outside /usr or /etc"
fi
dpkg-deb -I "$deb" postinst >/dev/null || fail "no postinst"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work"
units=("$work"/usr/lib/systemd/system/omniscient-*.service)
# verify complains that /usr/bin/omniscient and cage are not installed on this machine; anything else
# (unknown keys, bad values) is an error in our units.
report=$(systemd-analyze verify --man=no "${units[@]}" 2>&1 | grep -v -e 'is not executable' -e 'sysinit.target' || true)
[[ -z $report ]] || fail "systemd-analyze verify: $report"
pass "systemd-analyze verify accepts ${#units[@]} units"
headless=$work/usr/lib/systemd/system/omniscient-headless.service
for key in 'ExecStart=/usr/bin/omniscient --headless' Restart=on-failure DynamicUser=yes NoNewPrivileges=yes \
    ProtectSystem=strict ProtectHome=yes PrivateTmp=yes; do
    grep -q "^$key" "$headless" || fail "omniscient-headless.service lacks $key"
done
if grep -Eq '^(PrivateIPC|TemporaryFileSystem=.*/dev/shm|InaccessiblePaths=.*/dev/shm)' "$headless"; then
    fail "omniscient-headless.service hides /dev/shm (the robot's segment)"
fi
pass "omniscient-headless.service: unprivileged, hardened, /dev/shm left visible"
for unit in "${units[@]}"; do
    for key in Type=notify WatchdogSec=10s; do
        grep -qx "$key" "$unit" || fail "${unit##*/} lacks $key (the watchdog, docs/PACKAGING.md)"
    done
done
grep -qx NotifyAccess=all "$work/usr/lib/systemd/system/omniscient-kiosk.service" ||
    fail "omniscient-kiosk.service: omniscient is cage's child and needs NotifyAccess=all"
pass "every unit is Type=notify with a 10 s watchdog"
grep -q 'ExecStart=/usr/bin/cage .*-- /usr/bin/omniscient --kiosk' "$work/usr/lib/systemd/system/omniscient-kiosk.service" ||
    fail "kiosk unit does not run omniscient --kiosk in cage"
desktop-file-validate "$work/usr/share/applications/omniscient.desktop" ||
    fail "desktop-file-validate rejects the desktop entry"
pass "kiosk unit and desktop entry"
