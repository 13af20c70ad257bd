#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What a publish costs a Python robot: omniscient_robot.Writer.publish() through ctypes into
libomniscient-robot.so.1, with no reader. Three cases: a State built once and re-published (a robot that
updates its fields in place), a State built per tick from keyword fields (the README's style), and
publish(**fields). Prints the median and 99th percentile of batches, in microseconds per publish.

Usage: PYTHONPATH=robot/python OMNISCIENT_ROBOT_LIB=build/dev/robot/lib/libomniscient-robot.so.1 \\
       python3 bench/python/bench_publish.py [--batches N] [--per-batch N]
"""

import argparse
import os
import statistics
import time

from omniscient_robot import State, Writer


def measure(fn, batches, per_batch):
    per_call_us = []
    for _ in range(batches):
        start = time.perf_counter_ns()
        for _ in range(per_batch):
            fn()
        per_call_us.append((time.perf_counter_ns() - start) / per_batch / 1000.0)
    per_call_us.sort()
    p99 = per_call_us[min(len(per_call_us) - 1, int(0.99 * len(per_call_us)))]
    return per_call_us[0], statistics.median(per_call_us), p99


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batches", type=int, default=200)
    ap.add_argument("--per-batch", type=int, default=1000)
    args = ap.parse_args()
    with Writer(f"omni-bench-python-{os.getpid()}") as w:
        state = State(direction=0, motor_power=(60, -60, 0), sensors=(0, 1, 1, 0, 0))
        cases = [
            ("publish(state), State reused", lambda: w.publish(state)),
            ("publish(State(...)) per tick", lambda: w.publish(State(direction=0, motor_power=(60, -60, 0),
                                                                     sensors=(0, 1, 1, 0, 0)))),
            ("publish(**fields) per tick", lambda: w.publish(direction=0, motor_power=(60, -60, 0),
                                                             sensors=(0, 1, 1, 0, 0))),
        ]
        print(f"{'case':34} {'min us':>7} {'median us':>10} {'p99 us':>8}   ({args.batches} x {args.per_batch} publishes)")
        for label, fn in cases:
            fastest, median, p99 = measure(fn, args.batches, args.per_batch)
            print(f"{label:34} {fastest:7.2f} {median:10.2f} {p99:8.2f}")


if __name__ == "__main__":
    main()
