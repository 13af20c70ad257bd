#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the .deb into a throwaway root with dpkg --root (maintainer scripts included, honouring DPKG_ROOT),
# then runs the installed omniscient and builds a robot program against the installed header via pkg-config.
# Usage: deb_install.sh OUT_DIR
source "$(dirname "$0")/testlib.sh"
deb=$(ls "$1"/omniscient_*.deb)
omni_apt_ensure dpkg pkgconf gcc
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers" "$root/etc"
touch "$root/var/lib/dpkg/status"
# The root has no Qt (so dependencies cannot be satisfied there) and no shell (so scripts run outside a chroot).
dpkg --root="$root" --force-depends --force-script-chrootless --log=/dev/null -i "$deb" >"$root/dpkg.log" 2>&1 ||
    { cat "$root/dpkg.log" >&2; fail "dpkg --root -i failed"; }
status=$(dpkg --root="$root" -s omniscient | sed -n 's/^Status: //p')
expect_eq "$status" "install ok installed" "dpkg status in the throwaway root"
if command -v systemd-sysusers >/dev/null; then
    grep -q '^omniscient-kiosk:' "$root/etc/passwd" || fail "postinst did not create the kiosk user in the root"
    pass "postinst created the kiosk user inside the root only"
fi
! grep -q '^omniscient-kiosk:' /etc/passwd 2>/dev/null || printf 'note: this machine already has omniscient-kiosk\n'

version=$("$root/usr/bin/omniscient" --version)
[[ $version =~ ^omniscient\ [0-9]+\.[0-9]+ ]] || fail "installed omniscient --version printed '$version'"
pass "installed omniscient runs: $version"

export PKG_CONFIG_PATH=$root/usr/share/pkgconfig
cflags=$(pkg-config --define-prefix --cflags omniscient-robot | xargs)
expect_eq "$cflags" "-I$root/usr/include" "pkg-config --cflags omniscient-robot (relocated to the root)"
cat >"$root/robot.c" <<'C'
#include <omniscient/omni_shm.h>
int main(void) { return sizeof(omni_state) > 0 ? 0 : 1; }
C
# shellcheck disable=SC2046 # word splitting of pkg-config output is intended
cc -std=gnu11 -Wall -Wextra -Werror $(pkg-config --define-prefix --cflags --libs omniscient-robot) \
    -o "$root/robot" "$root/robot.c"
"$root/robot" || fail "robot program built against the installed header fails"
pass "a robot C program builds with \$(pkg-config --cflags omniscient-robot)"

# A Python robot with the installed module and library (found by path: this root is not the system's).
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
PYTHONPATH=$root/usr/lib/python3/dist-packages OMNISCIENT_ROBOT_LIB=$root/usr/lib/$multiarch/libomniscient-robot.so.1 \
    python3 -c "import omniscient_robot as r, os
with r.Writer('omni-deb-install-$$') as w:
    w.publish(r.State(direction=1)); assert os.path.exists('/dev/shm/omni-deb-install-$$')
assert not os.path.exists('/dev/shm/omni-deb-install-$$')" || fail "the installed Python module cannot publish"
pass "a Python robot publishes with the installed omniscient_robot module and libomniscient-robot.so.1"

dpkg --root="$root" --force-depends --force-script-chrootless --log=/dev/null -r omniscient >>"$root/dpkg.log" 2>&1 ||
    fail "dpkg -r failed"
[[ ! -e $root/usr/bin/omniscient ]] || fail "omniscient still there after removal"
pass "removal cleans up the files"
