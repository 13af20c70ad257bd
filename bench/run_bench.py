#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs every omniscient benchmark and writes the results (see docs/PERFORMANCE.md).

Normally started by scripts/bench.sh, which builds the tools first. Sections:

  publish    omni_writer_publish() per call (Google Benchmark), syscalls per publish (strace)
  core       publish -> ShmSource::stateReceived latency at 50 Hz, 1 kHz, 10 kHz
  ws         publish -> WebSocket client latency at 50 Hz, 1 kHz, 10 kHz: omniscient and the original design
  fanout     1/50/200/500 clients at the default rate cap, then one stalled client among 200
  footprint  RSS headless and GUI (offscreen), CPU idle / 1 kHz / 10 kHz, start to first state

Every process it starts is stopped (SIGTERM, then SIGKILL) before its step ends; every wait is bounded.
Results: RESULTS/results.json (everything, per repeat), RESULTS/results.csv (one row per figure, the
median over repeats), RESULTS/summary.txt (the table printed at the end), RESULTS/summary.md (the same as Markdown tables).
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchreport import BUSY_CORES, PROFILES, RATES, figures, write_outputs  # noqa: E402


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def proc_cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rfind(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_status_kib(pid, field):
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def system_cpu():
    """(busy seconds, steal seconds) over all CPUs since boot."""
    with open("/proc/stat", encoding="ascii") as f:
        parts = [int(x) for x in f.readline().split()[1:]]
    hz = os.sysconf("SC_CLK_TCK")
    user, nice, system, idle, iowait, irq, softirq, steal = (parts + [0] * 8)[:8]
    return (user + nice + system + irq + softirq) / hz, steal / hz


def own_cpu():
    s = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def machine_info():
    info = {"kernel": platform.release(), "cores": os.cpu_count(), "python": platform.python_version()}
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout
        for line in out.splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("Model name", "Hypervisor vendor", "CPU MHz", "Thread(s) per core"):
                info[key.strip().lower().replace(" ", "_").replace("(s)", "s")] = value.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    with open("/proc/meminfo", encoding="ascii") as f:
        info["mem_total_mib"] = int(f.readline().split()[1]) // 1024
    return info


def git_info(source):
    def git(*args):
        try:
            return subprocess.run(["git", "-C", source, *args], capture_output=True, text=True,
                                  timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""
    return {"commit": git("rev-parse", "--short", "HEAD"),
            "uncommitted_files": len([l for l in git("status", "--porcelain").splitlines() if l.strip()])}


class Step:
    """Records the machine's load around one measurement: load average, and the CPU that processes other
    than ours used meanwhile (busy CPU minus this script and its children), in cores."""

    def __init__(self, bench, name):
        self.bench = bench
        self.name = name

    def __enter__(self):
        self.waited, self.quiet = 0.0, None
        if self.bench.args.quiet_cpu is not None:
            self.waited, self.quiet = wait_for_quiet_cpu(self.bench.args.quiet_cpu, self.bench.args.quiet_wait)
        self.load = os.getloadavg()
        self.t0 = time.monotonic()
        self.sys0, self.steal0 = system_cpu()
        self.own0 = own_cpu()
        log(f"{self.name} (load {self.load[0]:.2f})")
        return self

    def __exit__(self, *exc):
        self.bench.stop_all()
        wall = max(1e-6, time.monotonic() - self.t0)
        sys1, steal1 = system_cpu()
        other = (sys1 - self.sys0) - (own_cpu() - self.own0)
        self.record = {"step": self.name, "loadavg_1m_at_start": round(self.load[0], 2),
                       "other_cpu_cores": round(max(0.0, other) / wall, 3),
                       "steal_cores": round((steal1 - self.steal0) / wall, 3), "seconds": round(wall, 1),
                       "waited_for_quiet_s": round(self.waited, 1), "other_cpu_cores_before": self.quiet}
        self.bench.steps.append(self.record)
        return False


class Bench:
    def __init__(self, args):
        self.args = args
        self.p = PROFILES[args.profile]
        self.bin = args.build
        self.tmp = tempfile.mkdtemp(prefix="omnibench-")
        self.procs = []
        self.steps = []
        self.uid = f"omnibench-{os.getpid()}"
        self.counter = 0
        self.tools = {
            "publish": os.path.join(self.bin, "bench", "omni-bench-publish"),
            "robot": os.path.join(self.bin, "bench", "omni-bench-robot"),
            "core": os.path.join(self.bin, "bench", "omni-bench-core"),
            "wsclient": os.path.join(self.bin, "bench", "omni-bench-wsclient"),
            "baseline": os.path.join(self.bin, "bench", "baselines", "omni-baseline-original"),
            "omniscient": os.path.join(self.bin, "app", "omniscient"),
        }
        for key, value in vars(args).items():
            if key.startswith("tool_") and value:
                self.tools[key[5:]] = value
        missing = [t for t, p in self.tools.items() if not os.access(p, os.X_OK)]
        if missing:
            raise SystemExit(f"run_bench.py: missing tools {missing} under {self.bin}; build first (scripts/bench.sh)")

    # --- processes -----------------------------------------------------------------------------------
    def name(self, what):
        self.counter += 1
        return f"{self.uid}-{what}-{self.counter}"

    def start(self, argv, env=None, stdout=subprocess.DEVNULL, stderr_path=None):
        err = open(stderr_path, "w", encoding="utf-8") if stderr_path else subprocess.DEVNULL
        full_env = dict(os.environ)
        full_env.update(env or {})
        p = subprocess.Popen(argv, stdout=stdout, stderr=err, env=full_env, start_new_session=True)
        if stderr_path:
            err.close()
        self.procs.append(p)
        return p

    def stop(self, p, timeout=5.0):
        if p.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    p.kill()
                p.wait(5)
        if p in self.procs:
            self.procs.remove(p)

    def stop_all(self):
        for p in list(reversed(self.procs)):
            self.stop(p)

    def wait_for_line(self, path, pattern, proc, timeout=20.0):
        deadline = time.monotonic() + timeout
        rx = re.compile(pattern)
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                with open(path, encoding="utf-8", errors="replace") as f:
                    m = rx.search(f.read())
                    if m:
                        return m
            if proc.poll() is not None:
                break
            time.sleep(0.02)
        with contextlib.suppress(OSError):
            with open(path, encoding="utf-8", errors="replace") as f:
                sys.stderr.write(f.read()[-2000:])
        raise RuntimeError(f"no line matching {pattern!r} from {proc.args[0]} within {timeout} s")

    def robot(self, rate, legacy=True, seconds=3600, extra=()):
        shm = self.name("robot")
        stats = os.path.join(self.tmp, f"{shm}.json")
        argv = [self.tools["robot"], "--shm", shm, "--rate", str(rate), "--duration", str(seconds), "--stats", stats]
        if legacy:
            argv += ["--legacy", shm + "-legacy"]
        p = self.start(argv + list(extra))
        deadline = time.monotonic() + 10
        while not os.path.exists(f"/dev/shm/{shm}") and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.05)
        return p, shm, stats

    def robot_stats(self, p, stats):
        self.stop(p)
        return read_json(stats) if os.path.exists(stats) else None

    def omniscient(self, shm, max_rate=None, gui=False, extra=()):
        argv = [self.tools["omniscient"], "--shm", shm, "--port", "0", "--bind", "127.0.0.1",
                "--max-clients", "1000", *extra]
        env = {"QT_QPA_PLATFORM": "offscreen"} if gui else {}
        if not gui:
            argv.append("--headless")
        if max_rate is not None:
            argv += ["--max-rate", str(max_rate)]
        err = os.path.join(self.tmp, self.name("omniscient") + ".err")
        p = self.start(argv, env=env, stderr_path=err)
        port = int(self.wait_for_line(err, r"(?:listening on \S+ port|served on port) (\d+)", p).group(1))
        return p, port

    def baseline(self, legacy_shm):
        err = os.path.join(self.tmp, self.name("baseline") + ".err")
        p = self.start([self.tools["baseline"], "--shm", legacy_shm, "--port", "0"], stderr_path=err)
        port = int(self.wait_for_line(err, r"listening on port (\d+)", p).group(1))
        return p, port

    def wsclient(self, port, server_pid, clients, seconds, mode="omni", clock=None, stalled=0, metrics=False,
                 freshness=False, sample_every=1.0, stalled_rcvbuf=4096):
        out = os.path.join(self.tmp, self.name("ws") + ".json")
        argv = [self.tools["wsclient"], "--port", str(port), "--clients", str(clients), "--stalled", str(stalled),
                "--seconds", str(seconds), "--warmup", str(self.p["warmup"]), "--mode", mode,
                "--server-pid", str(server_pid), "--sample-every", str(sample_every),
                "--stalled-rcvbuf", str(stalled_rcvbuf), "--out", out]
        if clock:
            argv += ["--clock", clock]
        if metrics:
            argv.append("--metrics")
        if freshness:
            argv.append("--freshness")
        budget = seconds + self.p["warmup"] + 120
        r = subprocess.run(argv, timeout=budget, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if not os.path.exists(out):
            raise RuntimeError(f"omni-bench-wsclient failed: {r.stderr[-2000:]}")
        return read_json(out)

    # --- sections ------------------------------------------------------------------------------------
    def section_publish(self):
        res = {}
        with Step(self, "publish: Google Benchmark") as st:
            out = os.path.join(self.tmp, "publish.json")
            argv = [self.tools["publish"], f"--benchmark_min_time={self.p['gb_min_time']}",
                    f"--benchmark_repetitions={self.p['gb_reps']}", f"--paced_seconds={self.p['paced_seconds']}",
                    f"--benchmark_out={out}", "--benchmark_out_format=json"]
            if self.p["gb_reps"] > 1:
                argv.append("--benchmark_report_aggregates_only=true")
            subprocess.run(argv, check=True, timeout=1800, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env=dict(os.environ, QT_LOGGING_RULES="omni.*=false"))
            gb = read_json(out)
            rows = {}
            for b in gb["benchmarks"]:
                if b.get("error_occurred"):
                    raise RuntimeError(f"{b['name']}: {b.get('error_message')}")
                agg = b.get("aggregate_name", "")
                if agg not in ("", "median"):
                    continue
                name = b.get("run_name", b["name"]).replace("/manual_time", "")
                name = re.sub(r"/(iterations|repeats):\d+", "", name)
                keep = {k: b[k] for k in ("p50_ns", "p90_ns", "p99_ns", "p999_ns", "max_ns", "wakes_per_call",
                                          "reader_asleep_fraction", "real_time", "iterations") if k in b}
                rows[name] = keep
            res["benchmarks"] = rows
            res["context"] = {k: gb["context"].get(k) for k in ("timer", "timer_overhead_ns", "paced_seconds",
                                                                 "cpu_scaling_enabled", "mhz_per_cpu")}
        res["step"] = st.record
        res["syscalls"] = self.syscalls()
        return res

    def syscalls(self):
        """strace -f -c around the robot: tight loop without a reader, and a 1 kHz loop under a real reader."""
        if not shutil.which("strace"):
            log("strace not found: syscall counts skipped (apt-get install strace)")
            return {"available": False}
        res = {"available": True}
        with Step(self, "publish: syscalls per publish (strace -f -c)") as st:
            for label, rate_args, reader in (("tight_no_reader", ["--tight"], False),
                                             ("paced_1k_omniscient_reader", ["--rate", "1000"], True)):
                shm = self.name("strace")
                stats = os.path.join(self.tmp, shm + ".json")
                table = os.path.join(self.tmp, shm + ".strace")
                reader_proc = None
                argv = ["strace", "-f", "-c", "-o", table, self.tools["robot"], "--shm", shm,
                        "--duration", str(self.p["strace_seconds"] + (1.0 if reader else 0.0)), "--stats", stats,
                        *rate_args]
                robot = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                self.procs.append(robot)
                if reader:
                    deadline = time.monotonic() + 10
                    while not os.path.exists(f"/dev/shm/{shm}") and time.monotonic() < deadline:
                        time.sleep(0.01)
                    reader_proc, _ = self.omniscient(shm)
                robot.wait(timeout=self.p["strace_seconds"] + 60)
                self.procs.remove(robot)
                if reader_proc:
                    self.stop(reader_proc)
                counts = {}
                with open(table, encoding="utf-8") as f:
                    for line in f:
                        parts = line.split()
                        if len(parts) >= 5 and parts[0][0].isdigit() and not parts[-1].startswith("total"):
                            counts[parts[-1]] = int(parts[3])
                s = read_json(stats)
                publishes = s["publishes"]
                total = sum(counts.values())
                futex = counts.get("futex", 0)
                sleeps = counts.get("clock_nanosleep", 0)
                # Tight loop: every syscall of the whole process (exec, mmap, the stats file...) over the
                # publishes, an upper bound. Paced: the loop's own clock_nanosleep is the robot's, not the
                # publish's; the rest besides futex is the same one-off set as in the tight run.
                per_publish = total / max(1, publishes) if not reader else futex / max(1, publishes)
                res[label] = {"publishes": publishes, "syscalls": counts, "total": total, "futex": futex,
                              "clock_nanosleep": sleeps, "one_off": total - futex - sleeps,
                              "futex_wakes_counted_by_writer": s["futex_wakes"],
                              "syscalls_per_publish": round(per_publish, 7)}
        res["step"] = st.record
        return res

    def section_core(self):
        res = {}
        for rate in RATES:
            with Step(self, f"core: publish -> stateReceived at {rate} Hz") as st:
                robot, shm, stats = self.robot(rate, legacy=False)
                out = os.path.join(self.tmp, self.name("core") + ".json")
                subprocess.run([self.tools["core"], "--shm", shm, "--seconds", str(self.p["window"]), "--warmup",
                                str(self.p["warmup"] / 2), "--out", out], timeout=self.p["window"] + 60,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                r = read_json(out)
                r["robot"] = self.robot_stats(robot, stats)
            r["step"] = st.record
            res[str(rate)] = r
        return res

    def serve(self, server, shm, clients, seconds, max_rate=None, **client_args):
        """Starts `server` ("baseline", or omniscient under any other name) on the robot's segment `shm`, runs the
        load client against it and stops it. The baseline reads the original segment and its clock table;
        omniscient also reports its /metrics, and gets the clock table too for --freshness."""
        if server == "baseline":
            proc, port = self.baseline(shm + "-legacy")
            client_args.update(mode="baseline", clock=shm + "-legacy")
        else:
            proc, port = self.omniscient(shm, max_rate=max_rate)
            client_args.update(metrics=True)
            if client_args.get("freshness"):
                client_args.update(clock=shm + "-legacy")
        try:
            return self.wsclient(port, proc.pid, clients, seconds, **client_args)
        finally:
            self.stop(proc)

    def section_ws(self):
        res = {}
        for rate in RATES:
            for server, max_rate in (("omniscient", None), ("omniscient_uncapped", 10000), ("baseline", None)):
                with Step(self, f"ws: publish -> WebSocket at {rate} Hz, {server}") as st:
                    robot, shm, stats = self.robot(rate)
                    r = self.serve(server, shm, 1, self.p["window"], max_rate=max_rate, freshness=True)
                    r["robot"] = self.robot_stats(robot, stats)
                r["step"] = st.record
                res[f"{server}@{rate}"] = r
        return res

    def section_foxglove(self):
        """publish -> frame at 1 kHz for one /ws client and one Foxglove client of the same omniscient, at once:
        the two paths measured in the same run, under the same load."""
        res = {}
        rate = 1000
        runs = [(label, max_rate, first) for label, max_rate in (("capped", None), ("uncapped", 10000))
                for first in ("omni", "foxglove")]
        for label, max_rate, first in runs:
            # The server sends to its clients in the order they connected: each path goes first once.
            order = [("omni", "/ws"), ("foxglove", "/")]
            if first == "foxglove":
                order.reverse()
            with Step(self, f"foxglove: publish -> /ws and Foxglove frames at {rate} Hz, {label}, {first} first") \
                    as st:
                robot, shm, stats = self.robot(rate)
                proc, port = self.omniscient(shm, max_rate=max_rate)
                try:
                    outs, procs = {}, {}
                    for mode, path in order:
                        if procs:
                            time.sleep(0.5)  # connected after the first one
                        outs[mode] = os.path.join(self.tmp, self.name(f"fox-{mode}") + ".json")
                        procs[mode] = subprocess.Popen(
                            [self.tools["wsclient"], "--port", str(port), "--path", path, "--mode", mode,
                             "--clients", "1", "--seconds", str(self.p["window"]), "--warmup", str(self.p["warmup"]),
                             "--server-pid", str(proc.pid), "--out", outs[mode]],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                    r = {}
                    for mode, p in procs.items():
                        _, err = p.communicate(timeout=self.p["window"] + self.p["warmup"] + 120)
                        if not os.path.exists(outs[mode]):
                            raise RuntimeError(f"omni-bench-wsclient --mode {mode} failed: {err[-2000:]}")
                        r["ws" if mode == "omni" else "foxglove"] = read_json(outs[mode])
                    r["robot"] = self.robot_stats(robot, stats)
                finally:
                    self.stop(proc)
            r["step"] = st.record
            res[f"{label}@{rate}/{'ws' if first == 'omni' else 'foxglove'}-first"] = r
        return res

    def section_fanout(self):
        res = {}
        rate = self.p["fanout_rate"]
        for n in self.p["fanout"]:
            for server in ("omniscient", "baseline"):
                with Step(self, f"fanout: {n} clients, {server}, robot at {rate} Hz") as st:
                    robot, shm, stats = self.robot(rate)
                    r = self.serve(server, shm, n, self.p["window"])
                    self.robot_stats(robot, stats)
                r["step"] = st.record
                res[f"{server}@{n}"] = r
        n = self.p["stalled_clients"]
        for server in ("omniscient", "baseline"):
            with Step(self, f"fanout: {n} clients + 1 stalled, {server}") as st:
                robot, shm, stats = self.robot(rate)
                r = self.serve(server, shm, n, self.p["stalled_window"], stalled=1, sample_every=0.5)
                self.robot_stats(robot, stats)
            r["step"] = st.record
            res[f"{server}@{n}+stalled"] = r
        return res

    def cpu_window(self, pid, seconds):
        c0, t0 = proc_cpu_seconds(pid), time.monotonic()
        time.sleep(seconds)
        c1, t1 = proc_cpu_seconds(pid), time.monotonic()
        if c0 is None or c1 is None:
            return None
        return round(100.0 * (c1 - c0) / (t1 - t0), 3)

    def section_footprint(self):
        res = {}
        win = self.p["window"]
        for mode in ("headless", "gui_offscreen"):
            gui = mode == "gui_offscreen"
            r = {}
            with Step(self, f"footprint: {mode}, no robot (waiting)") as st:
                proc, _ = self.omniscient(self.name("absent"), gui=gui)
                time.sleep(self.p["rss_settle"])
                r["cpu_no_segment_pct"] = self.cpu_window(proc.pid, win)
                r["rss_no_segment_kib"] = proc_status_kib(proc.pid, "VmRSS")
            r["step_no_segment"] = st.record
            with Step(self, f"footprint: {mode}, robot present but idle") as st:
                robot, shm, _ = self.robot(0.01, legacy=False)  # publishes once, then sleeps 100 s
                proc, _ = self.omniscient(shm, gui=gui)
                time.sleep(max(self.p["rss_settle"], 1.5))  # past the 1 s stale timeout
                r["cpu_idle_pct"] = self.cpu_window(proc.pid, win)
            r["step_idle"] = st.record
            for rate in (50, 1000, 10000):
                with Step(self, f"footprint: {mode}, robot at {rate} Hz") as st:
                    robot, shm, stats = self.robot(rate, legacy=False)
                    proc, _ = self.omniscient(shm, gui=gui)
                    time.sleep(self.p["rss_settle"])
                    r[f"cpu_{rate}_pct"] = self.cpu_window(proc.pid, win)
                    r[f"rss_{rate}_kib"] = proc_status_kib(proc.pid, "VmRSS")
                    r[f"peak_rss_{rate}_kib"] = proc_status_kib(proc.pid, "VmHWM")
                    r[f"threads_{rate}"] = proc_status_kib(proc.pid, "Threads")
                    self.stop(proc)
                    rs = self.robot_stats(robot, stats)
                    r[f"robot_{rate}_publish_p50_ns"] = rs["publish_ns"]["p50"] if rs else None
                    r[f"robot_{rate}_wake_fraction"] = rs["wake_fraction"] if rs else None
                r[f"step_{rate}"] = st.record
            with Step(self, f"footprint: {mode}, start to first state") as st:
                r["start_to_first_state_ms"] = self.startup(gui)
            r["step_startup"] = st.record
            res[mode] = r
        with Step(self, "footprint: start to first WebSocket state, omniscient vs baseline") as st:
            res["start_to_first_ws_state_ms"] = self.startup_ws()
        res["step_startup_ws"] = st.record
        return res

    def startup(self, gui):
        """Process start -> its first state line on stdout (--print-json); robot at 50 Hz, segment present."""
        times = []
        for _ in range(self.p["startup_runs"]):
            robot, shm, _ = self.robot(50, legacy=False)
            argv = [self.tools["omniscient"], "--shm", shm, "--print-json", "--no-server"]
            env = dict(os.environ)
            if gui:
                env["QT_QPA_PLATFORM"] = "offscreen"
            else:
                argv.append("--headless")
            t0 = time.monotonic()
            p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
            self.procs.append(p)
            deadline = t0 + 20
            while time.monotonic() < deadline:
                line = p.stdout.readline()
                if not line:
                    break
                if '"type":"state"' in line:
                    times.append(round((time.monotonic() - t0) * 1000, 2))
                    break
            self.stop(p)
            self.stop(robot)
        return {"runs": times, "median": statistics.median(times) if times else None}

    def startup_ws(self):
        """Server start -> a client connecting as soon as it can gets its first state."""
        out = {}
        for server in ("omniscient", "baseline"):
            times = []
            for _ in range(self.p["startup_runs"]):
                robot, shm, _ = self.robot(50)
                t0 = time.monotonic()
                if server == "baseline":
                    proc, port = self.baseline(shm + "-legacy")
                else:
                    proc, port = self.omniscient(shm)
                t = first_ws_state(port, time.monotonic() + 20)
                if t is not None:
                    times.append(round((t - t0) * 1000, 2))
                self.stop(proc)
                self.stop(robot)
            out[server] = {"runs": times, "median": statistics.median(times) if times else None}
        return out


def first_ws_state(port, deadline):
    """Connects (retrying) and returns the monotonic time the first state-bearing message arrived."""
    while time.monotonic() < deadline:
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=2)
            break
        except OSError:
            time.sleep(0.002)
    else:
        return None
    with s:
        s.settimeout(max(0.1, deadline - time.monotonic()))
        s.sendall(b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = s.recv(65536)
            if not chunk:
                return None
            buf += chunk
        buf = buf.split(b"\r\n\r\n", 1)[1]
        while time.monotonic() < deadline:
            while len(buf) >= 2:
                n = buf[1] & 0x7F
                head = 2
                if n == 126:
                    if len(buf) < 4:
                        break
                    n, head = int.from_bytes(buf[2:4], "big"), 4
                elif n == 127:
                    if len(buf) < 10:
                        break
                    n, head = int.from_bytes(buf[2:10], "big"), 10
                if len(buf) < head + n:
                    break
                payload, buf = buf[head:head + n], buf[head + n:]
                if b'"type":"state"' in payload or b'"ver":' in payload:
                    return time.monotonic()
            chunk = s.recv(65536)
            if not chunk:
                return None
            buf += chunk
    return None


# --- summary -----------------------------------------------------------------------------------------------

def wait_for_quiet_cpu(max_cores, wait_s):
    """Waits until processes other than ours use at most max_cores (sampled over 2 s; ours are all stopped
    between steps), at most wait_s. Returns (seconds waited, the last sample)."""
    t0 = time.monotonic()
    while True:
        b0, own0 = system_cpu()[0], own_cpu()
        time.sleep(2.0)
        other = max(0.0, (system_cpu()[0] - b0) - (own_cpu() - own0)) / 2.0
        if other <= max_cores or time.monotonic() - t0 >= wait_s:
            return time.monotonic() - t0, round(other, 3)
        log(f"other processes use {other:.2f} cores (> {max_cores}): waiting")
        time.sleep(3.0)


def wait_for_quiet(max_load, wait_s):
    deadline = time.monotonic() + wait_s
    while True:
        load = os.getloadavg()[0]
        if load <= max_load or time.monotonic() >= deadline:
            return load
        log(f"load average {load:.2f} > {max_load}: waiting (at most {deadline - time.monotonic():.0f} s more)")
        time.sleep(min(30.0, max(1.0, deadline - time.monotonic())))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", help="build directory holding bench/ and app/")
    ap.add_argument("--resummarise", metavar="RESULTS_JSON",
                    help="measure nothing: rewrite the CSV/summary files next to an earlier results.json")
    ap.add_argument("--source", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--results", help="output directory (default BUILD/bench-results)")
    ap.add_argument("--profile", choices=sorted(PROFILES), default="full")
    ap.add_argument("--repeat", type=int, default=1, help="run everything this many times (figures: median)")
    ap.add_argument("--only", action="append", choices=["publish", "core", "ws", "foxglove", "fanout", "footprint"],
                    help="run only these sections (repeatable)")
    ap.add_argument("--max-load", type=float, default=None,
                    help="before starting, wait until the 1-minute load average is at most this")
    ap.add_argument("--wait-idle", type=float, default=1800, help="wait at most this long for --max-load (s)")
    ap.add_argument("--quiet-cpu", type=float, default=None,
                    help="before each step, wait until other processes use at most this many cores (e.g. 0.2)")
    ap.add_argument("--quiet-wait", type=float, default=300, help="wait at most this long per step (s)")
    for tool in ("publish", "robot", "core", "wsclient", "baseline", "omniscient"):
        ap.add_argument(f"--tool-{tool}", dest=f"tool_{tool}", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.resummarise:
        with open(args.resummarise, encoding="utf-8") as f:
            earlier = json.load(f)
        print(write_outputs(os.path.dirname(os.path.abspath(args.resummarise)), earlier["runs"], earlier["meta"]))
        return
    if not args.build:
        ap.error("--build is required")
    # SIGTERM (a CI timeout, kill) unwinds like Ctrl-C, so the finally below stops what we started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    results = args.results or os.path.join(args.build, "bench-results")
    if args.max_load is not None:
        wait_for_quiet(args.max_load, args.wait_idle)
    bench = Bench(args)
    meta = {"machine": machine_info(), "git": git_info(args.source), "profile": args.profile,
            "started": datetime.datetime.now().isoformat(timespec="seconds"), "loadavg_at_start": os.getloadavg(),
            "command": " ".join(sys.argv)}
    sections = args.only or ["publish", "core", "ws", "foxglove", "fanout", "footprint"]
    runs = []
    try:
        for i in range(max(1, args.repeat)):
            log(f"repeat {i + 1}/{args.repeat}")
            bench.steps = []
            run = {}
            for s in sections:
                run[s] = getattr(bench, f"section_{s}")()
            run["steps"] = bench.steps
            runs.append(run)
    finally:
        bench.stop_all()
        for leftover in os.listdir("/dev/shm"):
            if leftover.startswith(bench.uid):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join("/dev/shm", leftover))
        shutil.rmtree(bench.tmp, ignore_errors=True)
    meta["finished"] = datetime.datetime.now().isoformat(timespec="seconds")
    summary = write_outputs(results, runs, meta)
    print(summary)
    print(f"results: {results}/results.json, results.csv, summary.txt")


if __name__ == "__main__":
    main()
