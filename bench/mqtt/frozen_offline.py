#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""How long a frozen robot takes to show stale and offline in the fleet (docs/FLEET.md, "How fast a dead robot turns
offline"): a Mosquitto started here on a free loopback port, one `omniscient --headless --simulate --mqtt` robot and
one `omniscient --headless --fleet`; the robot is frozen with SIGSTOP (its socket stays open, as after a power cut)
and /api/fleet is polled every 100 ms. Prints one line.

Usage: bench/mqtt/frozen_offline.py --build build/release [--keepalive 10]
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchproc import free_port, stop_all  # noqa: E402



def presence(port, name):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/fleet", timeout=1) as r:
            for robot in json.load(r).get("robots", []):
                if robot.get("name") == name:
                    return robot.get("presence")
    except OSError:
        pass
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", required=True)
    p.add_argument("--keepalive", type=int, default=10)
    a = p.parse_args()
    mosquitto = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
    if not os.path.exists(mosquitto):
        sys.exit("frozen_offline: mosquitto is not installed (scripts/install-deps.sh --test)")
    omniscient = os.path.join(a.build, "app", "omniscient")
    procs = []
    with tempfile.TemporaryDirectory(prefix="omni-frozen-") as tmp:
        try:
            broker = free_port()
            conf = os.path.join(tmp, "mosquitto.conf")
            with open(conf, "w") as f:
                f.write(f"listener {broker} 127.0.0.1\nallow_anonymous true\npersistence false\n"
                        f"user {os.environ.get('USER') or 'root'}\n")
            procs.append(subprocess.Popen([mosquitto, "-c", conf], stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
            time.sleep(0.5)
            url = f"mqtt://127.0.0.1:{broker}"
            robot = subprocess.Popen([omniscient, "--headless", "--simulate", "--no-sound", "--port", "0", "--bind",
                                      "127.0.0.1", "--mqtt", url, "--robot-name", "frozen", "--mqtt-keepalive",
                                      str(a.keepalive)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            procs.append(robot)
            fleet_port = free_port()
            procs.append(subprocess.Popen([omniscient, "--headless", "--fleet", url, "--port", str(fleet_port),
                                           "--bind", "127.0.0.1"], stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
            deadline = time.monotonic() + 15
            while presence(fleet_port, "frozen") != "online":
                if time.monotonic() > deadline:
                    sys.exit("frozen_offline: the robot never showed online in the fleet")
                time.sleep(0.1)
            time.sleep(2)
            os.kill(robot.pid, signal.SIGSTOP)
            t0 = time.monotonic()
            stale = None
            while time.monotonic() - t0 < 3 * a.keepalive:
                now = presence(fleet_port, "frozen")
                if now == "stale" and stale is None:
                    stale = time.monotonic() - t0
                if now == "offline":
                    print(f"keepalive {a.keepalive} s: stale {stale:.1f} s, offline {time.monotonic() - t0:.1f} s "
                          "after SIGSTOP")
                    break
                time.sleep(0.1)
            else:
                print(f"keepalive {a.keepalive} s: not offline within {3 * a.keepalive} s")
            os.kill(robot.pid, signal.SIGCONT)
        finally:
            stop_all(procs)


if __name__ == "__main__":
    main()
