#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the AppImage with the host's Qt made unusable, so only the bundled Qt can make it work:
# in a private mount namespace every host libQt6*.so is covered by /dev/null and the host's Qt plugin
# directory by an empty one. The build tree's own omniscient must FAIL there (proves the hiding works);
# the AppImage must print its version (extract-and-run) and serve HTTP headless from the FUSE mount, with
# every Qt library in its memory map coming from inside the AppImage.
# Usage: appimage_isolated.sh APPIMAGE HOST_OMNISCIENT WORK_DIR
source "$(dirname "$0")/testlib.sh"
if [[ ${1:-} != --inside ]]; then
    omni_apt_ensure util-linux curl iproute2 procps python3
    ns=(--mount --propagation private)
    [[ $(id -u) == 0 ]] || ns=(--user --map-root-user "${ns[@]}") # bind mounts need root, here or in a user namespace
    exec unshare "${ns[@]}" "$0" --inside "$@"
fi
shift
img=$(readlink -f "$1") host_bin=$(readlink -f "$2") work=$3
mkdir -p "$work/empty"
triplet=$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)
hidden=0
for f in /usr/lib/"$triplet"/libQt6*.so.6.*; do
    [[ -f $f && ! -L $f ]] || continue
    mount --bind /dev/null "$f"
    hidden=$((hidden + 1))
done
mount --bind "$work/empty" "/usr/lib/$triplet/qt6"
((hidden > 5)) || fail "found only $hidden host Qt libraries to hide"
pass "hid $hidden host Qt libraries and the host Qt plugin directory"

if "$host_bin" --version >/dev/null 2>&1; then
    fail "the build tree's omniscient still runs: the host Qt is not hidden, this test would prove nothing"
fi
pass "control: the build tree's omniscient cannot start without the host Qt"

version=$("$img" --appimage-extract-and-run --version)
[[ $version =~ ^omniscient\ [0-9]+\.[0-9]+ ]] || fail "--appimage-extract-and-run --version printed '$version'"
pass "--appimage-extract-and-run --version: $version"
[[ -z $(leftovers) ]] || fail "extract-and-run left $(leftovers)"

# Headless smoke run from the FUSE mount, on a free port: the app must come up (a JSON state line from the
# simulated robot through real shared memory) and answer HTTP once it listens.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$work/headless.log
# Emptied here, before the start: the background job's own `>"$log"` happens in the child, possibly after the
# wait below has already found the previous run's states in it (and looked for an app not started yet).
: >"$log"
QT_QPA_PLATFORM=offscreen "$img" --headless --simulate --print-json --port "$port" >"$log" 2>"$work/headless.err" &
runtime=$!
trap 'kill -TERM $runtime 2>/dev/null || true' EXIT
if ! wait_for 30 grep -q '^{' "$log"; then
    cat "$work/headless.err" >&2
    fail "headless --simulate printed no state within 30 s"
fi
pass "headless --simulate runs: $(grep -c '^{' "$log") JSON states so far"
app=$(pgrep -P "$runtime" -x omniscient | head -n1 || true)
[[ -n $app ]] || fail "no omniscient process under the runtime ($runtime)"
appdir=$(tr '\0' '\n' <"/proc/$app/environ" | sed -n 's/^APPDIR=//p')
[[ $appdir == "${TMPDIR:-/tmp}"/.mount_* ]] || fail "APPDIR '$appdir' is not a FUSE mount point"
grep -q " $appdir fuse" /proc/mounts || fail "$appdir is not mounted"
qt_maps=$(awk '$6 ~ /libQt6/ {print $6}' "/proc/$app/maps" | sort -u)
[[ -n $qt_maps ]] || fail "no Qt library mapped in the app"
foreign=$(grep -v "^$appdir/" <<<"$qt_maps" || true)
[[ -z $foreign ]] || fail "Qt libraries from outside the AppImage: $foreign"
pass "all $(wc -l <<<"$qt_maps") mapped Qt libraries come from $appdir"
plugin=$(awk '$6 ~ /plugins\/platforms/ {print $6}' "/proc/$app/maps" | sort -u | head -n1)
[[ -z $plugin || $plugin == "$appdir/"* ]] || fail "platform plugin from outside: $plugin"
# Captured, not piped into grep -q: with pipefail, ss dying of SIGPIPE on a busy machine would read as "not
# listening" and skip the check.
listening=$(ss -ltnpH 2>/dev/null || true)
if grep -q "pid=$app," <<<"$listening"; then
    if ! wait_for 20 curl -fs -o "$work/index.html" "http://127.0.0.1:$port/"; then
        ss -ltnp >&2
        fail "the app listens but port $port gives no HTTP answer"
    fi
    pass "serves HTTP on port $port ($(stat -c %s "$work/index.html") bytes)"
else
    printf 'SKIP HTTP check: this omniscient does not listen on any port yet (no mirror server built in)\n'
fi

kill -TERM "$runtime"
rc=0
wait "$runtime" || rc=$?
trap - EXIT
[[ $rc == 0 || $rc == 143 ]] || fail "SIGTERM: exit status $rc"
pass "SIGTERM: the app exited ($rc)"
! grep -q " $appdir " /proc/mounts || fail "$appdir still mounted after exit"
[[ ! -e $appdir ]] || fail "mount point $appdir left behind"
pass "mount point unmounted and removed"
