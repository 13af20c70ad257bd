#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Makes an AppDir self-contained (Qt 6.4 has no deploy tool for Linux): copies the Qt plugins the app needs,
# every library the executables and plugins load (found by the dynamic loader's --list, i.e. what ldd shows,
# under qemu for a foreign architecture) minus packaging/appimage/excludelist, sets RUNPATHs with patchelf,
# writes qt.conf and AppRun. Expects the executables already in APPDIR/usr/bin (cmake --install).
# Usage: packaging/appimage/deploy.sh --appdir DIR [--arch x86_64|aarch64] [--exe usr/bin/NAME]...
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/common.sh"

appdir=
arch=$(uname -m)
exes=()
while (($#)); do
    case "$1" in
    --appdir) appdir=$2; shift 2 ;;
    --arch) arch=$2; shift 2 ;;
    --exe) exes+=("$2"); shift 2 ;;
    -h | --help) sed -n '3,7p' "$0"; exit 0 ;;
    *) omni_die "unknown argument $1" ;;
    esac
done
[[ -d $appdir ]] || omni_die "--appdir DIR must exist"
appdir=$(cd "$appdir" && pwd)
((${#exes[@]})) || exes=(usr/bin/omniscient)
triplet=$(omni_triplet "$arch")
qtplugins=/usr/lib/$triplet/qt6/plugins
[[ -d $qtplugins ]] || omni_die "no Qt plugins for $arch in $qtplugins (install the Qt runtime packages)"

omni_apt_ensure patchelf binutils
case "$arch" in
x86_64) loader=(/lib64/ld-linux-x86-64.so.2) ;;
aarch64) loader=(/lib/ld-linux-aarch64.so.1) ;;
esac
if [[ $arch != "$(uname -m)" ]]; then
    # No binfmt_misc here: run the foreign loader under qemu explicitly, and without -L (see NOTES-PLATFORM).
    omni_apt_ensure qemu-user-static
    loader=("qemu-$arch-static" "${loader[@]}")
fi

# ---- the excludelist as an array of globs ----
excluded=()
while read -r line; do
    line=${line%%#*}
    line=${line//[[:space:]]/}
    [[ -n $line ]] && excluded+=("$line")
done <"$here/excludelist"
is_excluded() {
    local g
    for g in "${excluded[@]}"; do
        # shellcheck disable=SC2053 # glob match on purpose
        [[ $1 == $g ]] && return 0
    done
    return 1
}

# ---- dependencies of one ELF file, as "soname path" lines (what ldd prints, without running the program) ----
# Always capture its output (deps=$(list_deps F)) and test that: under pipefail, `list_deps F | grep -q .` is
# racy (grep exits at the first line, a later write of awk dies of SIGPIPE and the pipeline reads as false),
# and `done < <(list_deps F)` would ignore an omni_die inside it.
list_deps() {
    local out
    if ! out=$(env -u LD_LIBRARY_PATH -u LD_PRELOAD "${loader[@]}" --list "$1" 2>&1); then
        omni_die "the loader cannot resolve $1: $out"
    fi
    if grep -q 'not found' <<<"$out"; then
        omni_die "missing libraries for $1: $(grep 'not found' <<<"$out" | tr -s '\t\n' ' ')"
    fi
    awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 }' <<<"$out"
}

mkdir -p "$appdir/usr/lib/compat" "$appdir/usr/plugins"
declare -A copied=()
bundle_deps_of() {
    local soname path dest deps
    deps=$(list_deps "$1") || exit 1
    while read -r soname path; do
        [[ -n $soname ]] || continue
        [[ -n ${copied[$soname]:-} ]] && continue
        copied[$soname]=1
        is_excluded "$soname" && continue
        case "$soname" in
        libstdc++.so.* | libgcc_s.so.*) dest=$appdir/usr/lib/compat/$soname ;;
        *) dest=$appdir/usr/lib/$soname ;;
        esac
        # Bundled from the build tree's RUNPATH (e.g. a shared project library) or the system: same treatment.
        install -m 0644 "$(readlink -f "$path")" "$dest"
        patchelf --set-rpath '$ORIGIN' "$dest"
    done <<<"$deps"
}

# ---- Qt plugins: chosen by which Qt modules the executables link ----
qtmods=" "
for exe in "${exes[@]}"; do
    [[ -f $appdir/$exe ]] || omni_die "$appdir/$exe does not exist"
    deps=$(list_deps "$appdir/$exe") || exit 1
    qtmods+="$(awk '{print $1}' <<<"$deps" | { grep -o '^libQt6[A-Za-z]*' || true; } | tr '\n' ' ')"
done
plugins=()
want() { # want DIR/FILE-GLOB...: add existing plugins
    local g f
    for g in "$@"; do
        for f in "$qtplugins"/$g; do
            [[ -f $f ]] && plugins+=("${f#"$qtplugins"/}")
        done
    done
    return 0
}
if [[ $qtmods == *" libQt6Gui "* ]]; then
    # xcb for X11 desktops, wayland for Wayland desktops and the cage kiosk, eglfs/linuxfb for the Pi without a
    # compositor, offscreen/minimal for headless runs and tests.
    want platforms/libqxcb.so platforms/libqwayland-egl.so platforms/libqwayland-generic.so \
        platforms/libqeglfs.so platforms/libqlinuxfb.so platforms/libqoffscreen.so platforms/libqminimal.so \
        'xcbglintegrations/*.so' egldeviceintegrations/libqeglfs-kms-integration.so \
        egldeviceintegrations/libqeglfs-kms-egldevice-integration.so \
        wayland-shell-integration/libxdg-shell.so wayland-shell-integration/libwl-shell-plugin.so \
        wayland-shell-integration/libfullscreen-shell-v1.so 'wayland-decoration-client/*.so' \
        wayland-graphics-integration-client/libqt-plugin-wayland-egl.so \
        wayland-graphics-integration-client/libshm-emulation-server.so \
        'imageformats/*.so' iconengines/libqsvgicon.so platforminputcontexts/libcomposeplatforminputcontextplugin.so
fi
if [[ $qtmods == *" libQt6Network "* ]]; then
    want tls/libqopensslbackend.so tls/libqcertonlybackend.so
fi
if [[ $qtmods == *" libQt6Multimedia "* ]]; then
    # QSoundEffect plays through libpulse from libQt6Multimedia itself. The media backend decodes a --sound-dir's
    # .ogg and .mp3 files: omniscient chooses FFmpeg (its codecs come with it; GStreamer's would need the host's
    # GStreamer plugins), so that is the one bundled.
    want multimedia/libffmpegmediaplugin.so
fi

for exe in "${exes[@]}"; do
    bundle_deps_of "$appdir/$exe"
    deps=$(list_deps "$appdir/$exe") || exit 1
    if [[ -n $deps ]]; then
        patchelf --set-rpath '$ORIGIN/../lib' "$appdir/$exe"
        [[ $(patchelf --print-rpath "$appdir/$exe") == '$ORIGIN/../lib' ]] || omni_die "could not set the RUNPATH of $exe"
    fi
done
for p in "${plugins[@]}"; do
    mkdir -p "$appdir/usr/plugins/${p%/*}"
    install -m 0644 "$qtplugins/$p" "$appdir/usr/plugins/$p"
    patchelf --set-rpath '$ORIGIN/../../lib' "$appdir/usr/plugins/$p"
    bundle_deps_of "$qtplugins/$p"
done

# ---- qt.conf: Qt finds its plugins (and would find translations) relative to the executable ----
cat >"$appdir/usr/bin/qt.conf" <<'QTCONF'
# Written by packaging/appimage/deploy.sh: paths relative to usr/bin of the AppImage.
[Paths]
Prefix = ..
Libraries = lib
Plugins = plugins
Translations = translations
QTCONF

# ---- AppRun: the AppImage's entry point ----
need_cxx=$(find "$appdir/usr" -type f \( -name '*.so*' -o -perm -u+x \) ! -path '*/compat/*' -print0 |
    xargs -0 grep -aoh 'GLIBCXX_3\.4\.[0-9]*' 2>/dev/null | sort -uV | tail -n1 || true)
sed -e "s/@NEED_GLIBCXX@/${need_cxx}/" -e "s/@ARCH@/${arch}/" "$here/AppRun.in" >"$appdir/AppRun"
chmod 0755 "$appdir/AppRun"

# ---- permissions: the same bits whatever the umask, for a reproducible image ----
chmod -R u+rwX,go+rX,go-w "$appdir"
omni_log "deployed $(find "$appdir/usr/lib" -name '*.so*' | wc -l) libraries, ${#plugins[@]} Qt plugins (needs $need_cxx)"
