#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Browser end-to-end tests of the web dashboard: Debian's chromium, headless, driven by playwright-core, against
# `omniscient --headless --simulate` (started here on a free port) and the processes the tests start themselves.
# Usage: tests/e2e/run.sh BUILD_DIR [FILE.test.mjs ...]   (e.g. tests/e2e/run.sh build/dev fleet.test.mjs; all by default)
# Output: node's test runner, ending in its summary; the exit status is non-zero when a test fails.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
if [[ $# -lt 1 || ! -d "$1" ]]; then
    echo "usage: $0 BUILD_DIR   (a configured and built tree, e.g. build/dev)" >&2
    exit 2
fi
build="$(cd "$1" && pwd)"
shift

export OMNI_BIN="$build/app/omniscient"
export OMNI_SIM="$build/robot/sim/omni-sim"
export OMNI_LEGACY_ROBOT="$build/robot/examples/omni-legacy-robot"
for bin in "$OMNI_BIN" "$OMNI_SIM"; do
    if [[ ! -x "$bin" ]]; then
        echo "e2e: $bin is missing: build first (cmake --build --preset dev)" >&2
        exit 1
    fi
done
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "e2e: node and npm are needed: scripts/install-deps.sh --test" >&2
    exit 1
fi
export CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
if [[ -z "$CHROMIUM" ]]; then
    echo "e2e: chromium is not installed: scripts/install-deps.sh --test" >&2
    exit 1
fi

cd "$here"
# Debian 12's Node.js 18 is enough (package.json "engines"); older 18.x lack node:test's reporters.
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>18||(a===18&&b>=17)?0:1)'; then
    echo "e2e: Node.js $(node --version) is too old: 18.17 or newer is needed (apt-get install --only-upgrade nodejs)" >&2
    exit 1
fi
# Install the pinned packages from the lockfile when they are missing or older than the lockfile.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    npm ci --no-audit --no-fund --loglevel=error
fi

mkdir -p artifacts
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"$OMNI_BIN" --headless --simulate --port "$port" --bind 127.0.0.1 >artifacts/omniscient-simulate.log 2>&1 &
server_pid=$!
stop_server() {
    if kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
}
trap stop_server EXIT
export OMNI_E2E_URL="http://127.0.0.1:$port/"

healthy=0
for _ in $(seq 150); do
    if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "${OMNI_E2E_URL}healthz"; then
        healthy=1
        break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "e2e: omniscient exited at start; its log:" >&2
        cat artifacts/omniscient-simulate.log >&2
        exit 1
    fi
    sleep 0.1
done
if [[ $healthy -ne 1 ]]; then
    echo "e2e: omniscient did not answer ${OMNI_E2E_URL}healthz; its log:" >&2
    cat artifacts/omniscient-simulate.log >&2
    exit 1
fi

status=0
if [[ $# -eq 0 ]]; then
    set -- ./*.test.mjs
fi
node lib/runner.mjs "$@" || status=$?
if [[ $status -ne 0 ]]; then
    echo "e2e: failed; process logs are in $here/artifacts/" >&2
fi
exit "$status"
