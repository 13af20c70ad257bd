#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The fleet at scale (docs/FLEET.md, "How far one broker goes"; issue 16 section 4): N simulated robots
(omni-bench-fleet-load) publish at a rate into a Mosquitto started here on a free loopback port, and an
`omniscient --fleet` follows them, headless and as the window rendering offscreen. Measured per mode:

- state age: how old each robot's state is when a viewer looks, sampled from /api/fleet every 50 ms as the time of
  the answer minus the state's `t_publish_ms` (the generator's wall clock on this same machine). It includes the
  time since the robot's last publish (up to one period, 100 ms at 10 Hz), the broker, the fleet and the request;
- robots online (the fewest seen in any sample), CPU % of one core and RSS of that omniscient.

Prints one JSON object. Usage:
  bench/mqtt/fleet_age.py --build build/release [--robots 100] [--rate 10] [--seconds 20] [--modes headless,window]
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchproc import cpu_seconds, free_port, rss_kib, stop_all  # noqa: E402



def wait_port(port, what, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"fleet_age: {what} did not listen on port {port} within {timeout:.0f} s")


def fleet(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/fleet", timeout=2) as r:
        body = json.load(r)
    return body, time.time() * 1000.0


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100.0 * (len(ordered) - 1))))]


def measure(args, mode, tmp):
    broker_port = free_port()
    conf = os.path.join(tmp, f"mosquitto-{mode}.conf")
    with open(conf, "w") as f:
        # as root, mosquitto would switch to the "mosquitto" user
        f.write(f"listener {broker_port} 127.0.0.1\nallow_anonymous true\npersistence false\n"
                f"user {os.environ.get('USER') or 'root'}\nmax_queued_messages 100000\n")
    procs = []
    try:
        broker = subprocess.Popen([args.mosquitto, "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(broker)
        wait_port(broker_port, "mosquitto")
        http_port = free_port()
        argv = [os.path.join(args.build, "app", "omniscient"), "--fleet", f"mqtt://127.0.0.1:{broker_port}",
                "--port", str(http_port), "--bind", "127.0.0.1", "--no-sound"]
        env = dict(os.environ)
        if mode == "headless":
            argv.append("--headless")
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"  # the window, rendered in software like the Pi's kiosk
        omni = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(omni)
        wait_port(http_port, "omniscient --fleet")
        run_for = args.warmup + args.seconds + 3
        gen = subprocess.Popen([os.path.join(args.build, "bench", "omni-bench-fleet-load"), "--port",
                                str(broker_port), "--robots", str(args.robots), "--rate", str(args.rate),
                                "--seconds", str(run_for)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
        procs.append(gen)
        time.sleep(args.warmup)
        ages, online_counts, samples = [], [], 0
        c0, t0 = cpu_seconds(omni.pid), time.monotonic()
        while time.monotonic() - t0 < args.seconds:
            body, now_ms = fleet(http_port)
            samples += 1
            robots = body.get("robots", [])
            online_counts.append(sum(1 for r in robots if r.get("presence") == "online"))
            for r in robots:
                t = (r.get("state") or {}).get("t_publish_ms")
                if isinstance(t, (int, float)) and t > 0:
                    ages.append(now_ms - t)
            time.sleep(0.05)
        c1, t1 = cpu_seconds(omni.pid), time.monotonic()
        rss = rss_kib(omni.pid)
        gen_out, _ = gen.communicate(timeout=run_for + 10)
        if not ages:
            sys.exit(f"fleet_age: {mode}: no state with a publish time reached /api/fleet")
        return {
            "mode": mode,
            "samples": samples,
            "robots_online_min": min(online_counts),
            "state_age_ms": {"p50": round(statistics.median(ages), 1), "p99": round(percentile(ages, 99), 1),
                             "max": round(max(ages), 1), "n": len(ages)},
            "cpu_percent": round(100.0 * (c1 - c0) / (t1 - t0), 2),
            "rss_kib": rss,
            "generator": json.loads(gen_out.strip().splitlines()[-1]) if gen_out.strip() else None,
        }
    finally:
        stop_all(procs)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", required=True, help="a built tree with app/omniscient and bench/omni-bench-fleet-load")
    p.add_argument("--robots", type=int, default=100)
    p.add_argument("--rate", type=float, default=10.0)
    p.add_argument("--seconds", type=float, default=20.0)
    p.add_argument("--warmup", type=float, default=5.0)
    p.add_argument("--modes", default="headless,window")
    a = p.parse_args()
    a.mosquitto = shutil.which("mosquitto") or next(
        (x for x in ("/usr/sbin/mosquitto", "/usr/bin/mosquitto") if os.path.exists(x)), None)
    if not a.mosquitto:
        sys.exit("fleet_age: mosquitto is not installed (scripts/install-deps.sh --test)")
    with tempfile.TemporaryDirectory(prefix="omni-fleet-age-") as tmp:
        results = [measure(a, m.strip(), tmp) for m in a.modes.split(",") if m.strip()]
    json.dump({"robots": a.robots, "rate_hz": a.rate, "seconds": a.seconds, "results": results}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
