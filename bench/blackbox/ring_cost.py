#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The always-on black box's cost to a headless omniscient following a 1 kHz robot (docs/PERFORMANCE.md, "7. The
black box"): CPU % of one core and RSS, with --blackbox-minutes 0 (off) and with the default 10, each run the same
way (the built-in simulated robot at --sim-rate, no server, no sound). Prints one JSON object.

Usage: bench/blackbox/ring_cost.py OMNISCIENT [--seconds 60] [--rate 1000]
"""
import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchproc import cpu_seconds, rss_kib  # noqa: E402


def run(binary, minutes, seconds, rate, warmup=5.0):
    args = [binary, "--headless", "--simulate", "--sim-rate", str(rate), "--no-server", "--no-sound",
            "--blackbox-minutes", str(minutes)]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(warmup)
        c0, t0 = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(seconds)
        c1, t1 = cpu_seconds(proc.pid), time.monotonic()
        return {"blackbox_minutes": minutes, "cpu_percent": round(100.0 * (c1 - c0) / (t1 - t0), 2),
                "rss_kib": rss_kib(proc.pid), "seconds": round(t1 - t0, 1)}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("omniscient")
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--rate", type=int, default=1000)
    a = p.parse_args()
    off = run(a.omniscient, 0, a.seconds, a.rate)
    on = run(a.omniscient, 10, a.seconds, a.rate)
    json.dump({"rate_hz": a.rate, "off": off, "on": on,
               "cpu_percent_added": round(on["cpu_percent"] - off["cpu_percent"], 2),
               "rss_kib_added": on["rss_kib"] - off["rss_kib"]}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
