# SPDX-License-Identifier: MIT
"""A Python robot against the real observer: omniscient --headless --print-json --no-server --shm NAME reads
the states this process publishes through omniscient_robot, with every field as published.

Usage: python_robot_e2e.py OMNISCIENT   (PYTHONPATH and OMNISCIENT_ROBOT_LIB set by CTest)
Exit 0 when omniscient printed the robot's states (a live link, each of the distinct states checked field by
field), 1 otherwise."""

import json
import os
import queue
import subprocess
import sys
import threading
import time

from omniscient_robot import State, Writer

TIMEOUT_S = 20.0


def expected(i):
    return {"direction": i % 4, "motor_power": [10 + i, -10 - i, i % 7], "bot_mode": i % 3, "obstacle": i % 2,
            "obstacle_mode": 1, "go_left": 1, "go_right": 0, "sensor_mode": 1,
            "sensors": [1, 0, i % 2, 0, 1]}


def main():
    omniscient = sys.argv[1]
    name = f"omni-test-python-robot-{os.getpid()}"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([omniscient, "--headless", "--print-json", "--no-server", "--shm", name],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in proc.stdout], daemon=True).start()
    wanted = {i: expected(i) for i in range(1, 21)}
    seen = {}
    live = False
    try:
        with Writer(name) as w:
            deadline = time.monotonic() + TIMEOUT_S
            i = 1
            while time.monotonic() < deadline and len(seen) < len(wanted):
                # Publish the states in turn, slowly enough that the observer prints each of them.
                fields = wanted[i]
                w.publish(State(direction=fields["direction"], motor_power=tuple(fields["motor_power"]),
                                bot_mode=fields["bot_mode"], obstacle=fields["obstacle"], obstacle_mode=1,
                                go_left=1, go_right=0, sensor_mode=1, sensors=tuple(fields["sensors"])))
                i = i % len(wanted) + 1
                end = time.monotonic() + 0.02
                while True:
                    try:
                        msg = json.loads(lines.get(timeout=max(0.0, end - time.monotonic())))
                    except queue.Empty:
                        break
                    if msg.get("type") != "state" or msg.get("source") != f"shm:{name}":
                        continue
                    live = live or msg.get("link") == "live"
                    got = {k: msg.get(k) for k in wanted[1]}
                    for j, want in wanted.items():
                        if got == want:
                            seen[j] = msg
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    if len(seen) < len(wanted) or not live:
        print(f"FAIL: omniscient printed {len(seen)} of the {len(wanted)} states the Python robot published "
              f"(live link seen: {live}); missing: {sorted(set(wanted) - set(seen))}")
        return 1
    pid = {m.get("writer_pid") for m in seen.values()}
    if pid != {os.getpid()}:
        print(f"FAIL: writer_pid {pid}, expected {os.getpid()}")
        return 1
    print(f"omniscient printed all {len(wanted)} states of the Python robot (layout "
          f"{seen[1].get('layout')}, link live, writer_pid {os.getpid()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
