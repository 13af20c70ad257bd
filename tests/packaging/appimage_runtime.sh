#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Behaviour of our AppImage runtime on a small stand-in AppDir whose AppRun is a shell script: environment,
# exit status and signals passed through, --appimage-offset/-extract PATTERN/-extract-and-run, the
# APPIMAGE_EXTRACT_AND_RUN switch, and no mount point or extracted tree left behind, even after SIGTERM to
# the app or SIGKILL to the runtime. Usage: appimage_runtime.sh WORK_DIR
source "$(dirname "$0")/testlib.sh"
work=$(mkdir -p "$1" && cd "$1" && pwd)
export TMPDIR=$work/tmp # our own, so leftovers of parallel tests cannot be confused with ours
rm -rf "$TMPDIR" "$work/AppDir" && mkdir -p "$TMPDIR" "$work/AppDir/usr/share/data/deep"
"$OMNI_SRC/packaging/appimage/build-runtime.sh" --out "$work/runtime"
cat >"$work/AppDir/AppRun" <<'APPRUN'
#!/bin/sh
echo "APPIMAGE=$APPIMAGE"
echo "APPDIR=$APPDIR"
echo "ARGV0=$ARGV0"
echo "ARGS=$*"
case "$1" in
exit) exit "$2" ;;
selfkill) kill -KILL $$ ;;
wait) trap 'echo got-TERM; exit 42' TERM; echo ready >"$2"; while :; do sleep 0.1; done ;;
cat) cat "$APPDIR/usr/share/data/deep/file.txt" ;;
esac
APPRUN
chmod +x "$work/AppDir/AppRun"
echo "payload" >"$work/AppDir/usr/share/data/deep/file.txt"
echo "other" >"$work/AppDir/usr/share/data/other.txt"
ln -s deep/file.txt "$work/AppDir/usr/share/data/link"
printf '[Desktop Entry]\nType=Application\nName=t\nExec=t\nIcon=t\nCategories=Utility;\n' >"$work/AppDir/t.desktop"
"$OMNI_SRC/packaging/appimage/make-appimage.sh" --appdir "$work/AppDir" --runtime "$work/runtime" --out "$work/t.AppImage"
img=$work/t.AppImage
cd "$work" || exit 1

expect_eq "$("$img" --appimage-offset)" "$(stat -c %s "$work/runtime")" "--appimage-offset is the runtime's size"
"$img" --appimage-version | grep -Eq '^[0-9]+\.[0-9]+' || fail "--appimage-version"
grep -q -- --appimage-extract-and-run <<<"$("$img" --appimage-help)" || fail "--appimage-help"
rc=0
"$img" --appimage-bogus 2>/dev/null || rc=$?
expect_eq "$rc" 1 "unknown --appimage- option is an error"

out=$("$img" exit 0 "two words")
grep -qx "APPIMAGE=$img" <<<"$out" || fail "APPIMAGE not set to the AppImage's path: $out"
grep -q "^APPDIR=$TMPDIR/.mount_" <<<"$out" || fail "APPDIR not the mount point: $out"
grep -qx "ARGV0=$img" <<<"$out" || fail "ARGV0: $out"
grep -qx "ARGS=exit 0 two words" <<<"$out" || fail "arguments not passed: $out"
pass "APPIMAGE, APPDIR, ARGV0 and arguments reach AppRun"
expect_eq "$("$img" cat | tail -n1)" payload "files readable through the FUSE mount"
for code in 0 3 77; do
    rc=0
    "$img" exit "$code" >/dev/null || rc=$?
    expect_eq "$rc" "$code" "exit status passed through (FUSE)"
done
rc=0
"$img" --appimage-extract-and-run exit 5 >/dev/null || rc=$?
expect_eq "$rc" 5 "exit status passed through (--appimage-extract-and-run)"
rc=0
APPIMAGE_EXTRACT_AND_RUN=1 "$img" exit 6 >"$work/ear.out" || rc=$?
expect_eq "$rc" 6 "exit status passed through (APPIMAGE_EXTRACT_AND_RUN=1)"
grep -q "^APPDIR=$TMPDIR/appimage_extracted_" "$work/ear.out" || fail "APPIMAGE_EXTRACT_AND_RUN=1 did not extract"
rc=0
"$img" selfkill >/dev/null 2>&1 || rc=$?
expect_eq "$rc" 137 "death by signal passed through (SIGKILL: 128+9)"
[[ -z $(leftovers) ]] || fail "left behind: $(leftovers)"
pass "no mount point or extracted tree left after normal runs"

rm -rf squashfs-root
"$img" --appimage-extract 'usr/share/data/deep' >/dev/null
[[ -f squashfs-root/usr/share/data/deep/file.txt ]] || fail "--appimage-extract PATTERN missed the matching directory's files"
[[ ! -e squashfs-root/usr/share/data/other.txt && ! -e squashfs-root/AppRun ]] || fail "--appimage-extract PATTERN extracted too much"
pass "--appimage-extract PATTERN extracts only matching paths (and what is below them)"
rm -rf squashfs-root
"$img" --appimage-extract >/dev/null
expect_eq "$(readlink squashfs-root/usr/share/data/link)" deep/file.txt "--appimage-extract keeps symlinks"
[[ -x squashfs-root/AppRun ]] || fail "--appimage-extract lost the executable bit"
cmp -s squashfs-root/usr/share/data/deep/file.txt AppDir/usr/share/data/deep/file.txt || fail "extracted content differs"
pass "--appimage-extract: full tree, modes and contents"
rc=0
"$img" --appimage-extract 'no/such/*' >/dev/null 2>&1 || rc=$?
expect_eq "$rc" 1 "--appimage-extract with a pattern that matches nothing fails"

# SIGTERM to the runtime reaches the app (which exits 42), then the mount point / tree disappears.
for mode in fuse extract; do
    extra=()
    [[ $mode == extract ]] && extra=(--appimage-extract-and-run)
    rm -f "$work/ready"
    "$img" "${extra[@]}" wait "$work/ready" >"$work/$mode.out" &
    pid=$!
    wait_for 10 test -e "$work/ready" || fail "$mode: app did not start"
    [[ -n $(leftovers) ]] || fail "$mode: no mount point / extracted tree while running"
    kill -TERM "$pid"
    rc=0
    wait "$pid" || rc=$?
    expect_eq "$rc" 42 "$mode: SIGTERM forwarded to the app, its exit status returned"
    [[ -z $(leftovers) ]] || fail "$mode: left behind after SIGTERM: $(leftovers)"
    pass "$mode: cleaned up after SIGTERM"
done

# SIGKILL to the runtime itself: the FUSE server notices (its keep-alive pipe closes) and unmounts.
rm -f "$work/ready"
"$img" wait "$work/ready" >/dev/null &
pid=$!
wait_for 10 test -e "$work/ready" || fail "app did not start"
app=$(pgrep -P "$pid" -f AppRun | head -n1 || true)
[[ -n $app ]] || fail "AppRun is not a child of the runtime"
trap 'kill -KILL "$app" 2>/dev/null || true' EXIT # it outlives its killed runtime; do not leak it
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
wait_for 10 no_leftovers || fail "mount point left after SIGKILL of the runtime: $(leftovers)"
! grep -q " $TMPDIR/.mount_" /proc/mounts || fail "still mounted after SIGKILL of the runtime"
pass "SIGKILL of the runtime: the mount is still removed"
