#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CTest smoke of the benchmarks (label "bench"): runs one section of run_bench.py with the smoke profile
(about a second per measurement) and checks that every result it needs is there and well-formed. It makes no
timing assertions: a slow or loaded machine passes, a tool that crashes, hangs or drops a field fails.

Usage: smoke.py SECTION --publish BIN --robot BIN --core BIN --wsclient BIN --baseline BIN [--omniscient BIN]
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
READERS = ["no_reader", "shmsource_thread", "minimal_reader_thread", "minimal_reader_process"]
SUMMARY_KEYS = ["count", "min", "p50", "p90", "p99", "p999", "max", "mean"]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def number(obj, key, where, minimum=0.0):
    v = obj.get(key) if isinstance(obj, dict) else None
    ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= minimum
    check(ok, f"{where}.{key} should be a number >= {minimum}, got {v!r}")
    return v if ok else None


def summary(obj, key, where, nonempty=True):
    s = obj.get(key) if isinstance(obj, dict) else None
    if not check(isinstance(s, dict), f"{where}.{key} missing"):
        return
    for k in SUMMARY_KEYS:
        number(s, k, f"{where}.{key}", minimum=-1e12)
    if nonempty:
        check(s.get("count", 0) > 0, f"{where}.{key}.count is 0: nothing was measured")


def check_publish(run):
    pub = run["publish"]
    b = pub["benchmarks"]
    for r in READERS:
        check(f"Publish/{r}" in b, f"benchmark Publish/{r} missing")
        t = b.get(f"PublishTimed/{r}", {})
        for k in ("p50_ns", "p99_ns", "max_ns", "wakes_per_call"):
            number(t, k, f"PublishTimed/{r}")
        for hz in (50, 1000, 10000):
            p = b.get(f"PublishPaced/{r}/{hz}", {})
            for k in ("p50_ns", "p99_ns", "wakes_per_call", "reader_asleep_fraction"):
                number(p, k, f"PublishPaced/{r}/{hz}")
    # With a reader asleep at every paced publish the writer must have woken it (the counter works).
    check(b.get("PublishPaced/minimal_reader_process/50", {}).get("wakes_per_call", 0) > 0,
          "paced publishes never woke the minimal reader: the wake counter or the reader is broken")
    check(b.get("PublishTimed/no_reader", {}).get("wakes_per_call", 1) == 0, "no reader, yet the writer woke someone")
    sc = pub["syscalls"]
    if sc.get("available"):
        for label in ("tight_no_reader", "paced_1k_omniscient_reader"):
            number(sc.get(label, {}), "syscalls_per_publish", f"syscalls.{label}")
            number(sc.get(label, {}), "publishes", f"syscalls.{label}", minimum=1)


def check_core(run):
    for rate in ("50", "1000", "10000"):
        c = run["core"].get(rate, {})
        check(c.get("ok") is True, f"core@{rate}: not ok")
        check(c.get("using_futex_wakeups") is True, f"core@{rate}: the reader did not use futex wake-ups")
        number(c, "states_delivered", f"core@{rate}", minimum=1)
        number(c, "cpu_percent_of_core", f"core@{rate}")
        summary(c, "latency_us", f"core@{rate}")
        summary(c.get("robot") or {}, "publish_ns", f"core@{rate}.robot")
        number(c.get("robot") or {}, "wake_fraction", f"core@{rate}.robot")


def check_ws_result(w, where, clients, stalled=0, metrics=False, freshness=False):
    check(w.get("connected") == clients + stalled, f"{where}: connected {w.get('connected')} of {clients + stalled}")
    check(w.get("clients_served") == clients, f"{where}: served {w.get('clients_served')} of {clients}")
    check(w.get("bad_messages") == 0, f"{where}: {w.get('bad_messages')} messages without a usable timestamp")
    summary(w, "latency_us", where)
    summary(w, "states_per_client_per_s", where)
    number(w.get("server", {}), "cpu_percent_of_core", f"{where}.server")
    number(w.get("server", {}), "rss_kib", f"{where}.server", minimum=1)
    if freshness:
        summary(w, "freshness_us", where)
    if metrics:
        for k in ("omniscient_bytes_buffered_at_end", "omniscient_states_sent_total_delta"):
            number(w.get("metrics", {}), k, f"{where}.metrics")
    if stalled:
        st = w.get("stalled", {})
        check(len(st.get("samples", [])) > 0, f"{where}: no stalled-client samples")
        number(st, "max_server_held_bytes", f"{where}.stalled")


def check_ws(run):
    for rate in ("50", "1000", "10000"):
        for server in ("omniscient", "omniscient_uncapped", "baseline"):
            w = run["ws"].get(f"{server}@{rate}")
            if check(w is not None, f"ws {server}@{rate} missing"):
                check_ws_result(w, f"ws {server}@{rate}", 1, metrics=server != "baseline", freshness=True)


def check_foxglove(run):
    for label in ("capped", "uncapped"):
        for first in ("ws", "foxglove"):
            r = run["foxglove"].get(f"{label}@1000/{first}-first")
            if check(r is not None, f"foxglove {label}@1000/{first}-first missing"):
                for side in ("ws", "foxglove"):
                    check_ws_result(r.get(side, {}), f"foxglove {label} {first}-first {side}", 1)


def check_fanout(run, profile):
    for n in profile["fanout"]:
        for server in ("omniscient", "baseline"):
            w = run["fanout"].get(f"{server}@{n}")
            if check(w is not None, f"fanout {server}@{n} missing"):
                check_ws_result(w, f"fanout {server}@{n}", n, metrics=server == "omniscient")
    n = profile["stalled_clients"]
    for server in ("omniscient", "baseline"):
        w = run["fanout"].get(f"{server}@{n}+stalled")
        if check(w is not None, f"fanout {server}@{n}+stalled missing"):
            check_ws_result(w, f"fanout {server}@{n}+stalled", n, stalled=1, metrics=server == "omniscient")


def check_footprint(run):
    fp = run["footprint"]
    for mode in ("headless", "gui_offscreen"):
        m = fp.get(mode, {})
        for k in ("cpu_no_segment_pct", "cpu_idle_pct", "cpu_50_pct", "cpu_1000_pct", "cpu_10000_pct"):
            number(m, k, f"footprint.{mode}")
        for k in ("rss_no_segment_kib", "rss_50_kib", "rss_1000_kib", "rss_10000_kib"):
            number(m, k, f"footprint.{mode}", minimum=1)
        check(len(m.get("start_to_first_state_ms", {}).get("runs", [])) > 0,
              f"footprint.{mode}: omniscient never printed a first state")
    for server in ("omniscient", "baseline"):
        check(len(fp.get("start_to_first_ws_state_ms", {}).get(server, {}).get("runs", [])) > 0,
              f"footprint: no first WebSocket state from {server}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("section", choices=["publish", "core", "ws", "foxglove", "fanout", "footprint"])
    for tool in ("publish", "robot", "core", "wsclient", "baseline", "omniscient"):
        ap.add_argument(f"--{tool}")
    args = ap.parse_args()
    sys.path.insert(0, HERE)
    import run_bench  # noqa: E402  (next to this file)

    with tempfile.TemporaryDirectory(prefix="omni-bench-smoke-") as tmp:
        argv = [sys.executable, os.path.join(HERE, "run_bench.py"), "--build", tmp, "--profile", "smoke",
                "--results", tmp, "--only", args.section]
        for tool in ("publish", "robot", "core", "wsclient", "baseline", "omniscient"):
            value = getattr(args, tool)
            argv += [f"--tool-{tool}", value or "/nonexistent"]
        r = subprocess.run(argv, capture_output=True, text=True, timeout=600)
        sys.stdout.write(r.stdout[-4000:])
        sys.stderr.write(r.stderr[-4000:])
        if not check(r.returncode == 0, f"run_bench.py exited with {r.returncode}"):
            print("FAILED:\n  " + "\n  ".join(failures))
            return 1
        with open(os.path.join(tmp, "results.json"), encoding="utf-8") as f:
            results = json.load(f)
        check(os.path.getsize(os.path.join(tmp, "summary.txt")) > 0, "summary.txt is empty")
        with open(os.path.join(tmp, "results.csv"), encoding="utf-8") as f:
            check(f.readline().startswith("figure,median,min,max"), "results.csv has no header")
        run = results["runs"][0]
        check(len(run.get("steps", [])) > 0, "no load records for the steps")
        for s in run.get("steps", []):
            number(s, "other_cpu_cores", f"step {s.get('step')}")
        check_fn = {"publish": check_publish, "core": check_core, "ws": check_ws,
                    "fanout": lambda rr: check_fanout(rr, run_bench.PROFILES["smoke"]),
                    "foxglove": check_foxglove,
                    "footprint": check_footprint}[args.section]
        try:
            check_fn(run)
        except (KeyError, TypeError, AttributeError) as e:
            check(False, f"malformed results: {type(e).__name__} {e}")
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print(f"bench smoke {args.section}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
