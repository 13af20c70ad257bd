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
import csv
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

# name: (direction, limit, unit, what)
TARGETS = {
    "publish_p50_reader_tight_ns": ("<=", 100, "ns", "publish median, omniscient reading (tight loop)"),
    "publish_p50_reader_paced_1k_ns": ("<=", 100, "ns", "publish median, reader asleep (robot loop at 1 kHz)"),
    "syscalls_per_publish_no_reader": ("<=", 0.0001, "", "syscalls per publish, no reader"),
    "syscalls_per_publish_reader_1k": ("<=", 0.0001, "", "syscalls per publish, reader attached (1 kHz)"),
    "ws_p50_1k_ms": ("<=", 0.5, "ms", "publish -> WS p50 at 1 kHz (default --max-rate 60)"),
    "ws_p99_1k_ms": ("<=", 2.0, "ms", "publish -> WS p99 at 1 kHz (default --max-rate 60)"),
    "ws_p50_1k_uncapped_ms": ("<=", 0.5, "ms", "publish -> WS p50 at 1 kHz (--max-rate 10000)"),
    "ws_p99_1k_uncapped_ms": ("<=", 2.0, "ms", "publish -> WS p99 at 1 kHz (--max-rate 10000)"),
    "headless_cpu_10k_pct": ("<=", 5.0, "% core", "headless observer CPU, robot at 10 kHz"),
    "headless_cpu_idle_pct": ("<=", 0.5, "% core", "headless observer CPU, robot idle (\u2248 0)"),
    "fanout_200_p99_ms": ("<=", 20.0, "ms", "200 clients: latency p99"),
    "fanout_200_cpu_pct": ("<=", 60.0, "% core", "200 clients: server CPU"),
    "fanout_500_served": (">=", 500, "clients", "500 clients served"),
    "headless_rss_mib": ("<=", 30.0, "MiB", "headless RSS"),
    "stalled_held_kib": ("<=", 256.0, "KiB", "a stalled client holds (server side)"),
}

PROFILES = {
    "full": dict(gb_min_time=0.5, gb_reps=5, paced_seconds=3.0, window=10.0, warmup=2.0, fanout=[1, 50, 200, 500],
                 fanout_rate=1000, stalled_clients=200, stalled_window=20.0, rss_settle=5.0, startup_runs=5,
                 strace_seconds=2.0),
    "smoke": dict(gb_min_time=0.01, gb_reps=1, paced_seconds=0.02, window=1.0, warmup=0.5, fanout=[1, 5],
                  fanout_rate=1000, stalled_clients=2, stalled_window=2.0, rss_settle=1.0, startup_runs=1,
                  strace_seconds=0.5),
}

RATES = [50, 1000, 10000]
BUSY_CORES = 0.25  # a step beside more than this much other CPU is flagged


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

    def section_ws(self):
        res = {}
        for rate in RATES:
            for server, max_rate in (("omniscient", None), ("omniscient_uncapped", 10000), ("baseline", None)):
                with Step(self, f"ws: publish -> WebSocket at {rate} Hz, {server}") as st:
                    robot, shm, stats = self.robot(rate)
                    if server == "baseline":
                        proc, port = self.baseline(shm + "-legacy")
                        r = self.wsclient(port, proc.pid, 1, self.p["window"], mode="baseline",
                                          clock=shm + "-legacy", freshness=True)
                    else:
                        proc, port = self.omniscient(shm, max_rate=max_rate)
                        r = self.wsclient(port, proc.pid, 1, self.p["window"], clock=shm + "-legacy",
                                          metrics=True, freshness=True)
                    self.stop(proc)
                    r["robot"] = self.robot_stats(robot, stats)
                r["step"] = st.record
                res[f"{server}@{rate}"] = r
        return res

    def section_fanout(self):
        res = {}
        rate = self.p["fanout_rate"]
        for n in self.p["fanout"]:
            for server in ("omniscient", "baseline"):
                with Step(self, f"fanout: {n} clients, {server}, robot at {rate} Hz") as st:
                    robot, shm, stats = self.robot(rate)
                    if server == "baseline":
                        proc, port = self.baseline(shm + "-legacy")
                        r = self.wsclient(port, proc.pid, n, self.p["window"], mode="baseline",
                                          clock=shm + "-legacy")
                    else:
                        proc, port = self.omniscient(shm)
                        r = self.wsclient(port, proc.pid, n, self.p["window"], metrics=True)
                    self.stop(proc)
                    self.robot_stats(robot, stats)
                r["step"] = st.record
                res[f"{server}@{n}"] = r
        n = self.p["stalled_clients"]
        for server in ("omniscient", "baseline"):
            with Step(self, f"fanout: {n} clients + 1 stalled, {server}") as st:
                robot, shm, stats = self.robot(rate)
                if server == "baseline":
                    proc, port = self.baseline(shm + "-legacy")
                    r = self.wsclient(port, proc.pid, n, self.p["stalled_window"], mode="baseline",
                                      clock=shm + "-legacy", stalled=1, sample_every=0.5)
                else:
                    proc, port = self.omniscient(shm)
                    r = self.wsclient(port, proc.pid, n, self.p["stalled_window"], stalled=1, metrics=True,
                                      sample_every=0.5)
                self.stop(proc)
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

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def dig(obj, *path):
    for key in path:
        if obj is None:
            return None
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def figures(run):
    """The flat figures of one repeat: name -> value."""
    f = {}
    pub = run.get("publish", {})
    b = pub.get("benchmarks", {})
    for name, row in b.items():
        for k in ("p50_ns", "p99_ns", "wakes_per_call", "real_time"):
            if k in row:
                f[f"gb.{name}.{k}"] = row[k]
    # The target is about omniscient's reader; the minimal readers (which re-arm the futex after every read,
    # as a naive reader of the protocol would) are reported beside it, not judged.
    readers = ["shmsource_thread", "minimal_reader_thread", "minimal_reader_process"]
    f["publish_p50_reader_tight_ns"] = dig(b, "PublishTimed/shmsource_thread", "p50_ns")
    naive = [dig(b, f"PublishTimed/{r}", "p50_ns") for r in readers[1:]]
    if any(v is not None for v in naive):
        f["publish_p50_naive_reader_tight_ns"] = max(v for v in naive if v is not None)
    f["publish_p50_no_reader_tight_ns"] = dig(b, "PublishTimed/no_reader", "p50_ns")
    f["publish_p99_reader_tight_ns"] = max([v for v in (dig(b, f"PublishTimed/{r}", "p99_ns") for r in readers)
                                            if v is not None], default=None)
    f["publish_mean_no_reader_ns"] = dig(b, "Publish/no_reader", "real_time")
    f["publish_p50_reader_paced_1k_ns"] = dig(run, "core", "1000", "robot", "publish_ns", "p50")
    f["publish_p99_reader_paced_1k_ns"] = dig(run, "core", "1000", "robot", "publish_ns", "p99")
    f["publish_p50_no_wake_paced_1k_ns"] = dig(run, "core", "1000", "robot", "publish_no_wake_ns", "p50")
    f["publish_wake_fraction_paced_1k"] = dig(run, "core", "1000", "robot", "wake_fraction")
    f["legacy_memcpy_p50_ns"] = dig(run, "ws", "baseline@1000", "robot", "legacy_memcpy_ns", "p50")
    sc = pub.get("syscalls", {})
    f["syscalls_per_publish_no_reader"] = dig(sc, "tight_no_reader", "syscalls_per_publish")
    f["syscalls_per_publish_reader_1k"] = dig(sc, "paced_1k_omniscient_reader", "syscalls_per_publish")
    for rate in RATES:
        c = dig(run, "core", str(rate))
        if c:
            f[f"core_p50_{rate}_us"] = dig(c, "latency_us", "p50")
            f[f"core_p99_{rate}_us"] = dig(c, "latency_us", "p99")
            f[f"core_max_{rate}_us"] = dig(c, "latency_us", "max")
            f[f"core_cpu_{rate}_pct"] = c.get("cpu_percent_of_core")
        for server in ("omniscient", "omniscient_uncapped", "baseline"):
            w = dig(run, "ws", f"{server}@{rate}")
            if w:
                for q in ("p50", "p99", "max"):
                    v = dig(w, "latency_us", q)
                    f[f"ws_{server}_{rate}_{q}_ms"] = v / 1000 if v is not None else None
                    v = dig(w, "freshness_us", q)
                    f[f"ws_{server}_{rate}_fresh_{q}_ms"] = v / 1000 if v is not None else None
                f[f"ws_{server}_{rate}_rate_hz"] = dig(w, "states_per_client_per_s", "p50")
    f["ws_p50_1k_ms"] = f.get("ws_omniscient_1000_p50_ms")
    f["ws_p99_1k_ms"] = f.get("ws_omniscient_1000_p99_ms")
    f["ws_p50_1k_uncapped_ms"] = f.get("ws_omniscient_uncapped_1000_p50_ms")
    f["ws_p99_1k_uncapped_ms"] = f.get("ws_omniscient_uncapped_1000_p99_ms")
    fan = run.get("fanout", {})
    for key, w in fan.items():
        server, _, n = key.partition("@")
        n = n.replace("+stalled", "_stalled")
        for q in ("p50", "p99", "max"):
            v = dig(w, "latency_us", q)
            f[f"fanout_{server}_{n}_{q}_ms"] = v / 1000 if v is not None else None
        f[f"fanout_{server}_{n}_cpu_pct"] = dig(w, "server", "cpu_percent_of_core")
        f[f"fanout_{server}_{n}_rss_mib"] = (dig(w, "server", "rss_kib") or 0) / 1024 or None
        f[f"fanout_{server}_{n}_served"] = w.get("clients_served")
        f[f"fanout_{server}_{n}_rate_hz"] = dig(w, "states_per_client_per_s", "p50")
        f[f"fanout_{server}_{n}_client_cpu_pct"] = w.get("client_cpu_percent_of_core")
        sent = (w.get("states_received") or 0) / max(1e-9, w.get("seconds") or 0)
        cpu = dig(w, "server", "cpu_percent_of_core")
        f[f"fanout_{server}_{n}_cpu_us_per_msg"] = cpu / 100 * 1e6 / sent if sent and cpu is not None else None
        if "stalled" in w:
            f[f"fanout_{server}_{n}_held_kib"] = (dig(w, "stalled", "max_server_held_bytes") or 0) / 1024
            f[f"fanout_{server}_{n}_client_recvq_kib"] = (dig(w, "stalled", "max_client_receive_queue_bytes")
                                                         or 0) / 1024
            f[f"fanout_{server}_{n}_stalled_dropped"] = dig(w, "stalled", "dropped_by_server")
            samples = dig(w, "stalled", "samples") or []
            held = [(x["t"], x["server_send_q"] + max(0, x["server_buffered"])) for x in samples if x["connected"]]
            if held:
                f[f"fanout_{server}_{n}_held_end_kib"] = held[-1][1] / 1024
                f[f"fanout_{server}_{n}_held_at_s"] = held[-1][0]
                mid = held[len(held) // 2]
                if held[-1][0] > mid[0]:
                    # Still growing at the end (bytes per second over the second half of its life)?
                    f[f"fanout_{server}_{n}_held_growth_b_per_s"] = (held[-1][1] - mid[1]) / (held[-1][0] - mid[0])
            dropped = [x["t"] for x in samples if not x["connected"]]
            f[f"fanout_{server}_{n}_dropped_after_s"] = dropped[0] if dropped else None
    f["fanout_200_p99_ms"] = f.get("fanout_omniscient_200_p99_ms")
    f["fanout_200_cpu_pct"] = f.get("fanout_omniscient_200_cpu_pct")
    f["fanout_500_served"] = f.get("fanout_omniscient_500_served")
    stalled_key = next((k for k in f if k.startswith("fanout_omniscient_") and k.endswith("_stalled_held_kib")), None)
    f["stalled_held_kib"] = f.get(stalled_key) if stalled_key else None
    fp = run.get("footprint", {})
    for mode in ("headless", "gui_offscreen"):
        m = fp.get(mode, {})
        for k, v in m.items():
            if not k.startswith("step") and not isinstance(v, dict):
                f[f"{mode}_{k}"] = v
        f[f"{mode}_start_to_first_state_ms"] = dig(m, "start_to_first_state_ms", "median")
    for server in ("omniscient", "baseline"):
        f[f"start_to_first_ws_state_{server}_ms"] = dig(fp, "start_to_first_ws_state_ms", server, "median")
    f["headless_cpu_10k_pct"] = f.get("headless_cpu_10000_pct")
    f["headless_cpu_idle_pct"] = f.get("headless_cpu_idle_pct")
    rss = f.get("headless_rss_50_kib")
    f["headless_rss_mib"] = rss / 1024 if rss else None
    rss = f.get("gui_offscreen_rss_50_kib")
    f["gui_rss_mib"] = rss / 1024 if rss else None
    return f


def judge(name, value):
    if name not in TARGETS or value is None:
        return ""
    op, limit, _, _ = TARGETS[name]
    return "met" if (value <= limit if op == "<=" else value >= limit) else "MISSED"


def fmt(v, digits=3):
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.{digits}g}" if abs(v) < 10 ** digits else f"{v:.0f}"
    return str(v)


def ratio(a, b):
    return None if a in (None, 0) or b is None else b / a


def summarise(runs, meta):
    per_run = [figures(r) for r in runs]
    names = sorted({k for f in per_run for k in f})
    merged = {}
    for k in names:
        vals = [f.get(k) for f in per_run if isinstance(f.get(k), (int, float))]
        merged[k] = {"median": med(vals), "min": min(vals) if vals else None, "max": max(vals) if vals else None,
                     "runs": len(vals)}
    m = {k: v["median"] for k, v in merged.items()}
    lines = []
    lines.append(f"omniscient benchmarks: {meta['machine'].get('model_name', '?')}, {meta['machine']['cores']} cores, "
                 f"kernel {meta['machine']['kernel']}; {len(runs)} repeat(s); commit {meta['git']['commit']}"
                 f" (+{meta['git']['uncommitted_files']} uncommitted files)")
    loads = [s["other_cpu_cores"] for r in runs for s in r.get("steps", [])]
    if loads:
        busy = [s["step"] for r in runs for s in r.get("steps", []) if s["other_cpu_cores"] > BUSY_CORES]
        lines.append(f"other processes' CPU during the steps: median {statistics.median(loads):.2f} cores, "
                     f"max {max(loads):.2f} (load average at start {meta['loadavg_at_start'][0]:.2f}); "
                     f"{len(busy)} of {len(loads)} steps ran beside more than {BUSY_CORES} cores of other work"
                     + (" - NOT A QUIET MACHINE: treat the figures as provisional" if len(busy) > len(loads) // 10
                        else ""))
    lines.append("")
    lines.append("Targets (median over repeats):")
    for name, (op, limit, unit, what) in TARGETS.items():
        v = m.get(name)
        lines.append(f"  {what:58s} {fmt(v):>10} {unit:7s} target {op} {limit:<8g} {judge(name, v)}")
    lines.append("")
    lines.append("omniscient vs the original design (baseline / omniscient; >1 means omniscient is better):")
    for rate in RATES:
        o, bl = m.get(f"ws_omniscient_{rate}_p50_ms"), m.get(f"ws_baseline_{rate}_p50_ms")
        of, bf = m.get(f"ws_omniscient_{rate}_fresh_p50_ms"), m.get(f"ws_baseline_{rate}_fresh_p50_ms")
        lines.append(f"  {rate:>5} Hz  message latency p50 {fmt(o)} ms vs {fmt(bl)} ms (x{fmt(ratio(o, bl))}); "
                     f"freshness p50 {fmt(of)} vs {fmt(bf)} ms (x{fmt(ratio(of, bf))}); states/s "
                     f"{fmt(m.get(f'ws_omniscient_{rate}_rate_hz'))} vs {fmt(m.get(f'ws_baseline_{rate}_rate_hz'))}")
    for n in sorted(set(PROFILES["full"]["fanout"] + PROFILES["smoke"]["fanout"])):
        o = m.get(f"fanout_omniscient_{n}_p99_ms")
        if o is None:
            continue
        bl = m.get(f"fanout_baseline_{n}_p99_ms")
        lines.append(f"  {n:>5} clients  p99 {fmt(o)} vs {fmt(bl)} ms; server CPU "
                     f"{fmt(m.get(f'fanout_omniscient_{n}_cpu_pct'))} vs {fmt(m.get(f'fanout_baseline_{n}_cpu_pct'))}"
                     f" % core; RSS {fmt(m.get(f'fanout_omniscient_{n}_rss_mib'))} vs "
                     f"{fmt(m.get(f'fanout_baseline_{n}_rss_mib'))} MiB; states/s/client "
                     f"{fmt(m.get(f'fanout_omniscient_{n}_rate_hz'))} vs {fmt(m.get(f'fanout_baseline_{n}_rate_hz'))}")
    for server in ("omniscient", "baseline"):
        key = next((k[:-len("_held_kib")] for k in m if k.startswith(f"fanout_{server}_")
                    and k.endswith("_stalled_held_kib")), None)
        if key:
            dropped = m.get(f"{key}_dropped_after_s")
            lines.append(f"  stalled client, {server}: server holds at most {fmt(m.get(key + '_held_kib'))} KiB "
                         f"(kernel send queue + server buffer); {fmt(m.get(key + '_held_end_kib'))} KiB at "
                         f"{fmt(m.get(key + '_held_at_s'))} s, growing {fmt(m.get(key + '_held_growth_b_per_s'))} B/s; "
                         + (f"dropped by the server after ~{fmt(dropped)} s" if dropped else "never dropped"))
    lines.append(f"  start to first WebSocket state: {fmt(m.get('start_to_first_ws_state_omniscient_ms'))} ms vs "
                 f"{fmt(m.get('start_to_first_ws_state_baseline_ms'))} ms")
    return "\n".join(lines) + "\n", merged

def markdown(runs, meta, merged):
    """The figures as Markdown tables (summary.md), for docs/PERFORMANCE.md."""
    def v(name, scale=1.0, digits=3):
        x = merged.get(name)
        if not x or x["median"] is None:
            return "n/a"
        med_, lo, hi = (y * scale if y is not None else None for y in (x["median"], x["min"], x["max"]))
        text = fmt(med_, digits)
        if x["runs"] > 1 and lo is not None and hi is not None and fmt(lo, digits) != fmt(hi, digits):
            text += f" ({fmt(lo, digits)}–{fmt(hi, digits)})"
        return text

    mach = meta["machine"]
    steps = [st for r in runs for st in r.get("steps", [])]
    other = [st["other_cpu_cores"] for st in steps]
    out = []
    out.append("| | |\n|---|---|")
    out.append(f"| CPU | {mach.get('model_name', '?')}, {mach['cores']} cores"
               f"{', ' + mach['hypervisor_vendor'] + ' guest' if mach.get('hypervisor_vendor') else ''} |")
    out.append(f"| kernel, RAM | {mach['kernel']}, {mach['mem_total_mib']} MiB |")
    out.append(f"| commit | {meta['git']['commit']} + {meta['git']['uncommitted_files']} uncommitted files |")
    out.append(f"| run | {meta['started']} – {meta.get('finished', '?')}, {len(runs)} repeat(s), "
               f"profile {meta['profile']} |")
    out.append(f"| command | `{meta['command']}` |")
    if other:
        out.append(f"| load | 1-min load average {meta['loadavg_at_start'][0]:.2f} at the start; other processes "
                   f"used median {statistics.median(other):.2f}, max {max(other):.2f} cores during the steps; "
                   f"{sum(1 for o in other if o > BUSY_CORES)} of {len(other)} steps beside more than "
                   f"{BUSY_CORES} cores |")
    out.append("")
    out.append("Figures are medians over the repeats, with (min–max) when they differ.\n")
    out.append("#### Targets\n")
    out.append("| target | measured | unit | target | verdict |\n|---|---|---|---|---|")
    for name, (op, limit, unit, what) in TARGETS.items():
        med_ = merged.get(name, {}).get("median")
        out.append(f"| {what} | {v(name)} | {unit} | {op} {limit:g} | {judge(name, med_) or 'n/a'} |")
    out.append("\n#### 1. omni_writer_publish() per call (ns)\n")
    out.append("| reader | tight: mean | tight: p50 | tight: p99 | tight: wakes/call | paced 50 Hz: p50 / p99 / wakes "
               "| 1 kHz | 10 kHz |\n|---|---|---|---|---|---|---|---|")
    for r in ("no_reader", "shmsource_thread", "minimal_reader_thread", "minimal_reader_process",
              "predictive_reader_thread"):
        paced = []
        for hz in (50, 1000, 10000):
            k = f"gb.PublishPaced/{r}/{hz}"
            paced.append(f"{v(k + '.p50_ns')} / {v(k + '.p99_ns')} / {v(k + '.wakes_per_call', digits=2)}")
        out.append(f"| {r} | {v(f'gb.Publish/{r}.real_time')} | {v(f'gb.PublishTimed/{r}.p50_ns')} | "
                   f"{v(f'gb.PublishTimed/{r}.p99_ns')} | {v(f'gb.PublishTimed/{r}.wakes_per_call', digits=2)} | "
                   + " | ".join(paced) + " |")
    out.append("\nThe robot's own view (`omni-bench-robot`, a separate process, with `omni-bench-core` reading "
               "through ShmSource in another process):\n")
    out.append("| robot rate | publish p50 | p99 | publishes that woke the reader | original memcpy p50 |\n"
               "|---|---|---|---|---|")
    for rate in RATES:
        rows = [dig(r, "core", str(rate), "robot") or {} for r in runs]
        def m(path):
            vals = [dig(x, *path) for x in rows]
            vals = [y for y in vals if isinstance(y, (int, float))]
            return fmt(statistics.median(vals)) if vals else "n/a"
        # The original layout's memcpy is timed where the robot also writes it: the WebSocket section.
        legacy = [dig(r, "ws", f"baseline@{rate}", "robot", "legacy_memcpy_ns") or {} for r in runs]
        legacy = [x["p50"] for x in legacy if x.get("count")]
        out.append(f"| {rate} Hz | {m(('publish_ns', 'p50'))} ns | {m(('publish_ns', 'p99'))} ns | "
                   f"{m(('wake_fraction',))} | {fmt(statistics.median(legacy)) + ' ns' if legacy else 'n/a'} |")
    sc = [dig(r, "publish", "syscalls") for r in runs]
    sc = [x for x in sc if x and x.get("available")]
    if sc:
        t, p_ = sc[0]["tight_no_reader"], sc[0]["paced_1k_omniscient_reader"]
        out.append(f"\nstrace -f -c: tight loop, no reader: {t['total']} syscalls in all over {t['publishes']} "
                   f"publishes ({t['syscalls_per_publish']:.1e} per publish; all of them start-up and exit). "
                   f"1 kHz loop with omniscient reading: {p_['futex']} futex calls over {p_['publishes']} publishes "
                   f"({p_['syscalls_per_publish']:.2f} per publish; the writer itself counted "
                   f"{p_['futex_wakes_counted_by_writer']} wakes), besides the loop's own clock_nanosleep.")
    out.append("\n#### 2. Latency (ms unless noted)\n")
    out.append("| robot rate | publish → ShmSource signal p50 / p99 / max (µs) | reader process CPU |\n|---|---|---|")
    for rate in RATES:
        out.append(f"| {rate} Hz | {v(f'core_p50_{rate}_us')} / {v(f'core_p99_{rate}_us')} / "
                   f"{v(f'core_max_{rate}_us')} | {v(f'core_cpu_{rate}_pct')} % |")
    out.append("\n| robot rate | server | message latency p50 / p99 / max | freshness p50 / p99 | states/s |\n"
               "|---|---|---|---|---|")
    for rate in RATES:
        for server, label in (("omniscient", "omniscient (--max-rate 60, default)"),
                              ("omniscient_uncapped", "omniscient --max-rate 10000"),
                              ("baseline", "original design")):
            k = f"ws_{server}_{rate}"
            out.append(f"| {rate} Hz | {label} | {v(k + '_p50_ms')} / {v(k + '_p99_ms')} / {v(k + '_max_ms')} | "
                       f"{v(k + '_fresh_p50_ms')} / {v(k + '_fresh_p99_ms')} | {v(k + '_rate_hz')} |")
    out.append("\n#### 5. Side by side: omniscient against the original design\n")
    out.append("| figure | omniscient | original design | advantage (> 1: omniscient better) |\n|---|---|---|---|")

    def side(what, o_name, b_name, unit, better_low=True):
        o = merged.get(o_name, {}).get("median")
        b = merged.get(b_name, {}).get("median")
        if o is None or b is None:
            return
        r = (b / o if better_low else o / b) if o and b else None
        out.append(f"| {what} | {fmt(o)} {unit} | {fmt(b)} {unit} | " + (f"{fmt(r, 2)} |" if r else "n/a |"))

    for rate in RATES:
        side(f"freshness p50, robot at {rate} Hz (publish → client has it or newer)",
             f"ws_omniscient_{rate}_fresh_p50_ms", f"ws_baseline_{rate}_fresh_p50_ms", "ms")
        side(f"freshness p99, robot at {rate} Hz", f"ws_omniscient_{rate}_fresh_p99_ms",
             f"ws_baseline_{rate}_fresh_p99_ms", "ms")
    side("message latency p50, robot at 50 Hz", "ws_omniscient_50_p50_ms", "ws_baseline_50_p50_ms", "ms")
    side("states per second a client gets, robot at 1 kHz", "ws_omniscient_1000_rate_hz",
         "ws_baseline_1000_rate_hz", "", better_low=False)
    for n in (200, 500):
        side(f"{n} clients: latency p99", f"fanout_omniscient_{n}_p99_ms", f"fanout_baseline_{n}_p99_ms", "ms")
        side(f"{n} clients: server CPU", f"fanout_omniscient_{n}_cpu_pct", f"fanout_baseline_{n}_cpu_pct",
             "% core")
        side(f"{n} clients: server CPU per message sent", f"fanout_omniscient_{n}_cpu_us_per_msg",
             f"fanout_baseline_{n}_cpu_us_per_msg", "µs")
        side(f"{n} clients: server RSS", f"fanout_omniscient_{n}_rss_mib", f"fanout_baseline_{n}_rss_mib", "MiB")
    side("start → first state at a WebSocket client", "start_to_first_ws_state_omniscient_ms",
         "start_to_first_ws_state_baseline_ms", "ms")
    out.append("\n#### 3. Fan-out (robot at 1 kHz, default rate cap)\n")
    out.append("| clients | server | served | p50 / p99 / max (ms) | server CPU (% core) | server RSS (MiB) | "
               "states/s per client | load client CPU |\n|---|---|---|---|---|---|---|---|")
    sizes = sorted({int(k.split("_")[2]) for k in merged if k.startswith("fanout_omniscient_")
                    and k.split("_")[2].isdigit() and k.endswith("_served")})
    for n in sizes:
        for server in ("omniscient", "baseline"):
            k = f"fanout_{server}_{n}"
            out.append(f"| {n} | {server} | {v(k + '_served')} | {v(k + '_p50_ms')} / {v(k + '_p99_ms')} / "
                       f"{v(k + '_max_ms')} | {v(k + '_cpu_pct')} | {v(k + '_rss_mib')} | {v(k + '_rate_hz')} | "
                       f"{v(k + '_client_cpu_pct')} % |")
    for server in ("omniscient", "baseline"):
        key = next((k[:-len("_held_kib")] for k in merged if k.startswith(f"fanout_{server}_")
                    and k.endswith("_stalled_held_kib")), None)
        if key:
            n = key.split("_")[2]
            dropped = merged.get(key + "_dropped_after_s", {}).get("median")
            out.append(f"\nStalled client beside {n} others, {server}: the others got p50 / p99 "
                       f"{v(key + '_p50_ms')} / {v(key + '_p99_ms')} ms at {v(key + '_rate_hz')} states/s; the "
                       f"server held at most {v(key + '_held_kib')} KiB for the stalled one (kernel send queue + "
                       f"server buffer), {v(key + '_held_end_kib')} KiB at {v(key + '_held_at_s')} s, growing "
                       f"{v(key + '_held_growth_b_per_s')} B/s; "
                       + (f"dropped by the server after {v(key + '_dropped_after_s')} s." if dropped
                          else "never dropped."))
    out.append("\n#### 4. Footprint\n")
    out.append("| mode | RSS no robot / robot 50 Hz / 1 kHz / 10 kHz (MiB) | CPU no segment / robot idle / 50 Hz / "
               "1 kHz / 10 kHz (% core) | start → first state (ms) |\n|---|---|---|---|")
    for mode in ("headless", "gui_offscreen"):
        rss = " / ".join(v(f"{mode}_rss_{k}_kib", scale=1 / 1024) for k in ("no_segment", "50", "1000", "10000"))
        cpu = " / ".join(v(f"{mode}_cpu_{k}_pct") for k in ("no_segment", "idle", "50", "1000", "10000"))
        out.append(f"| {mode} | {rss} | {cpu} | {v(f'{mode}_start_to_first_state_ms')} |")
    out.append(f"\nStart → first state at a WebSocket client connecting as soon as the port opens: omniscient "
               f"{v('start_to_first_ws_state_omniscient_ms')} ms, original design "
               f"{v('start_to_first_ws_state_baseline_ms')} ms.")
    out.append("\n#### Load during each step\n")
    out.append("Other processes' CPU (cores, of " + str(mach["cores"]) + ") while the step ran; a step marked "
               f"\u2020 ran beside more than {BUSY_CORES} cores of other work.\n")
    out.append("| step | repeat | load avg at start | other CPU (cores) | waited for quiet (s) |\n|---|---|---|---|---|")
    for i, r in enumerate(runs, 1):
        for st in r.get("steps", []):
            mark = " \u2020" if st["other_cpu_cores"] > BUSY_CORES else ""
            out.append(f"| {st['step']}{mark} | {i} | {st['loadavg_1m_at_start']} | {st['other_cpu_cores']} | "
                       f"{st.get('waited_for_quiet_s', 0)} |")
    return "\n".join(out) + "\n"


def write_outputs(results_dir, runs, meta):
    os.makedirs(results_dir, exist_ok=True)
    summary, merged = summarise(runs, meta)
    with open(os.path.join(results_dir, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "runs": runs, "figures": merged}, f, indent=1, sort_keys=True)
    with open(os.path.join(results_dir, "results.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["figure", "median", "min", "max", "repeats", "target", "verdict"])
        for name, v in merged.items():
            t = TARGETS.get(name)
            w.writerow([name, v["median"], v["min"], v["max"], v["runs"], f"{t[0]} {t[1]} {t[2]}" if t else "",
                        judge(name, v["median"])])
    with open(os.path.join(results_dir, "summary.txt"), "w", encoding="utf-8") as f:
        f.write(summary)
    with open(os.path.join(results_dir, "summary.md"), "w", encoding="utf-8") as f:
        f.write(markdown(runs, meta, merged))
    return summary


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
    ap.add_argument("--only", action="append", choices=["publish", "core", "ws", "fanout", "footprint"],
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
    sections = args.only or ["publish", "core", "ws", "fanout", "footprint"]
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
