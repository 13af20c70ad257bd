#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets everything up (Debian packages, release build) and runs omniscient on the simulated robot.
# Extra arguments go to omniscient, e.g.: scripts/run.sh --headless --print-json
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target omniscient omni-sim -- -j"$(nproc)"

exec build/release/app/omniscient --simulate "$@"
