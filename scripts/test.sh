#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets everything up (Debian and npm packages, developer build) and runs every test:
# the GoogleTest suite through CTest, then the browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test
cmake --preset dev >/dev/null
cmake --build --preset dev -- -j"$(nproc)"

status=0
ctest --preset dev --output-on-failure --timeout 300 "$@" || status=$?

for extra in tests/e2e/run.sh; do
    if [[ -x "$extra" ]]; then
        "$extra" build/dev || status=$?
    fi
done
exit "$status"
