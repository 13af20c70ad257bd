#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets everything up (Debian and npm packages, developer build) and runs every test: the lint (clang-format,
# clang-tidy), the GoogleTest suite through CTest, the browser end-to-end tests, the fault injection, then the
# sanitizer stages.
set -euo pipefail
cd "$(dirname "$0")/.."
# CI gives the whole run 90 minutes; the sanitizer stages start only while they fit in 85 (scripts/sanitizers.sh).
export OMNI_CI_DEADLINE="${OMNI_CI_DEADLINE:-$(($(date +%s) + 85 * 60))}"

scripts/install-deps.sh --test
cmake --preset dev >/dev/null
cmake --build --preset dev -- -j"$(nproc)"

status=0
# The house rules (docs/CONTRIBUTING.md): clang-format and clang-tidy; a finding fails the run.
scripts/lint.sh build/dev || status=$?

ctest --preset dev --output-on-failure --timeout 300 "$@" || status=$?

for extra in tests/e2e/run.sh tests/faults/run.sh; do
    if [[ -x "$extra" ]]; then
        "$extra" build/dev || status=$?
    fi
done

# The sanitizer stages (docs/HARDENING.md): ASan+UBSan over the whole suite and the fault injection, TSan over the
# reader/server/remote tests, 60 s of each libFuzzer harness. OMNI_SANITIZERS=0 skips them for a quick local run.
if [[ "${OMNI_SANITIZERS:-1}" != 0 ]]; then
    scripts/sanitizers.sh || status=$?
fi
exit "$status"
