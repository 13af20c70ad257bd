#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Whole-program fault injection (issue 7 §3, docs/HARDENING.md): starts the real omniscient of a build, on
# loopback, and puts it through every fault in turn; see faults.py.
# Usage: tests/faults/run.sh [BUILD_DIR] [faults.py options, e.g. -k oversized]   (BUILD_DIR default: build/dev)
set -euo pipefail
cd "$(dirname "$0")/../.."

build="${1:-build/dev}"
shift || true
exe="$build/app/omniscient"
sim="$build/robot/sim/omni-sim"
for f in "$exe" "$sim"; do
    if [[ ! -x "$f" ]]; then
        echo "faults: $f is missing; build $build first" >&2
        exit 2
    fi
done
# Debian's interpreter: python3-websockets is a Debian package (scripts/install-deps.sh --test).
python=/usr/bin/python3
[[ -x "$python" ]] || python=python3
logs="$build/faults-logs"
rm -rf "$logs"
echo "=== fault injection against $exe (logs: $logs)"
"$python" tests/faults/faults.py --omniscient "$exe" --sim "$sim" --keep-logs "$logs" "$@"
