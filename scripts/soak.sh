#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Soak run (not part of CI): omniscient for --minutes (default 30) with the robot at 1 kHz (omni-sim) and 50
# WebSocket clients connecting and disconnecting, 10 Foxglove clients, black-box saves every 30 s into a 5 MiB
# folder, MQTT to a local mosquitto restarted every 5 min; samples RSS, open fds, threads and CPU every 5 s and
# writes build/soak/soak.csv and build/soak/summary.md. Exits non-zero when memory or descriptors grew or a part failed.
# Usage: scripts/soak.sh [--minutes N] [--clients N] [--rate HZ] [--build DIR] [--no-foxglove] [--no-mqtt]
#        [--no-blackbox-saves] [--broker-restart-minutes M] [--save-every S] [--recordings-max-mb MB]
#        (DIR default: build/release, else build/dev; it must hold app/omniscient and robot/sim/omni-sim)
set -euo pipefail
cd "$(dirname "$0")/.."

build=""
args=()
while (($#)); do
    case "$1" in
    --build) build="$2"; shift 2 ;;
    --minutes | --clients | --rate | --interval | --foxglove-clients | --save-every | --recordings-max-mb | \
        --broker-restart-minutes | --attackers | --blackbox-minutes) args+=("$1" "$2"); shift 2 ;;
    --no-foxglove | --no-mqtt | --no-blackbox-saves | --headless) args+=("$1"); shift ;;
    -h | --help) sed -n '3,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "soak.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [[ -z "$build" ]]; then
    build=build/dev
    [[ -x build/release/app/omniscient ]] && build=build/release
fi
for f in "$build/app/omniscient" "$build/robot/sim/omni-sim"; do
    [[ -x "$f" ]] || { echo "soak: $f is missing; build $build first (cmake --build --preset ...)" >&2; exit 2; }
done
python=/usr/bin/python3
[[ -x "$python" ]] || python=python3
exec "$python" tests/faults/soak.py --omniscient "$build/app/omniscient" --sim "$build/robot/sim/omni-sim" \
    --out build/soak "${args[@]}"
