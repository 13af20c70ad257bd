#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the release preset with the benchmarks in its own directory (build/bench) and runs them all:
# publish cost, latency to the core and to WebSocket clients, fan-out, footprint, and the original
# observer's design side by side. Results: build/bench-results/{results.json,results.csv,summary.txt}.
# See docs/PERFORMANCE.md for what each figure means and the figures of the last recorded run.
#
# Usage: scripts/bench.sh [--repeat N] [--max-load L] [--quiet-cpu C] [--only SECTION]... [--profile smoke]
#   --repeat N     run everything N times; the figures are the medians (default 1)
#   --max-load L   first wait (up to 30 min) until the 1-minute load average is at most L
#   --quiet-cpu C  before each step wait (up to 5 min) until other processes use at most C cores
#   --only S       publish, core, ws, fanout or footprint (repeatable)
# Every step records the load it ran under (load average, other processes' CPU): numbers taken on a busy
# machine say so in results.json and summary.txt.
# Environment: OMNI_BENCH_JOBS (build parallelism, default: all cores), OMNI_BENCH_DIR (default build/bench).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test

build_dir="${OMNI_BENCH_DIR:-build/bench}"
results_dir="${build_dir}-results"
[[ "$build_dir" == build/bench ]] && results_dir=build/bench-results

# 500 WebSocket clients need ~1000 descriptors in the server and as many in the load client.
want=4096
hard=$(ulimit -Hn)
if [[ "$hard" != unlimited && "$hard" -lt "$want" ]]; then
    want=$hard
fi
ulimit -n "$want"
if [[ "$(ulimit -n)" -lt 2048 ]]; then
    echo "bench: only $(ulimit -n) file descriptors allowed; the 500-client fan-out needs 2048 (raise the hard limit)" >&2
fi

# Tests are not needed here; the benchmark tools and the app are.
cmake --preset release -B "$build_dir" -DOMNI_BUILD_TESTS=OFF >/dev/null
cmake --build "$build_dir" -j"${OMNI_BENCH_JOBS:-$(nproc)}" --target omniscient omni-bench-publish omni-bench-robot \
    omni-bench-core omni-bench-wsclient omni-baseline-original

exec python3 bench/run_bench.py --build "$build_dir" --results "$results_dir" "$@"
