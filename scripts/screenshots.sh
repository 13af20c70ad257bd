#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Writes the README's pictures of the desktop/kiosk dashboard to docs/screenshots/:
#   dashboard-800x480-{live,stale}[-dark].png    (the Raspberry Pi 7" touchscreen)
#   dashboard-1920x1080-{live,stale}[-dark].png  (a laptop or TV)
# The dashboard is rendered offscreen (no display needed) for a simulated robot, so the pictures are
# the same on every machine. Usage: scripts/screenshots.sh [BUILD_DIR] [--lang CODE]
#   BUILD_DIR defaults to build/dev (configured with the dev preset when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

build=build/dev
if [[ $# -gt 0 && "$1" != --* ]]; then
    build=$1
    shift
fi
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    cmake --preset dev >/dev/null
fi
cmake --build "$build" --target omni-screenshots -- -j"${JOBS:-2}"

out=docs/screenshots
mkdir -p "$out"
QT_QPA_PLATFORM=offscreen "$build/app/gui/omni-screenshots" "$out" "$@" 2> >(grep -v 'propagateSizeHints' >&2)
