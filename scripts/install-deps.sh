#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian packages omniscient needs to build, run and test.
# Usage: scripts/install-deps.sh [--test]   (--test adds browser, audio and screenshot helpers)
set -euo pipefail

pkgs=(build-essential cmake ninja-build pkg-config
      qt6-base-dev qt6-websockets-dev qt6-multimedia-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
      qt6-qpa-plugins libqt6svg6 libgl-dev
      libgtest-dev libgmock-dev libsystemd-dev libzstd-dev liblz4-dev libmosquitto-dev)
if [[ "${1:-}" == "--test" ]]; then
    pkgs+=(libbenchmark-dev strace xvfb xauth imagemagick pulseaudio pulseaudio-utils sox chromium
           curl python3-websockets clang libclang-rt-14-dev llvm-14
           squashfs-tools libsquashfuse-dev libfuse3-dev fuse3 liblzo2-dev
           patchelf libappimage-dev qt6-wayland dpkg-dev desktop-file-utils util-linux iproute2 procps
           librsvg2-bin clang-format clang-tidy mosquitto mosquitto-clients openssl)
fi

if [[ "${1:-}" == "--test" ]] && ! command -v npm >/dev/null 2>&1; then
    pkgs+=(nodejs npm) # only when no Node.js is present: a packaged Node.js may ship its own npm
fi

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
    sudo="sudo"
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
