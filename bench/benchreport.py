#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The reporting half of the benchmarks: the targets, the flat figures of a run, and the summary files
(results.csv, summary.txt, summary.md). Used by run_bench.py; `run_bench.py --resummarise` rewrites the files
from an earlier results.json without measuring anything."""

import csv
import json
import os
import statistics

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
    "foxglove_p50_minus_ws_1k_ms": ("<=", 0.1, "ms", "Foxglove p50 minus /ws p50, same run, 1 kHz (capped)"),
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
    # Foxglove beside /ws: one client of each on the same omniscient at once, both orders of connecting.
    fox = run.get("foxglove", {})
    for label in ("capped", "uncapped"):
        for side in ("ws", "foxglove"):
            for q in ("p50", "p99"):
                vals = [dig(v, side, "latency_us", q) for k, v in fox.items() if k.startswith(f"{label}@1000")]
                vals = [x for x in vals if x is not None]
                f[f"fox_{label}_{side}_{q}_ms"] = statistics.median(vals) / 1000 if vals else None
    if f.get("fox_capped_foxglove_p50_ms") is not None and f.get("fox_capped_ws_p50_ms") is not None:
        f["foxglove_p50_minus_ws_1k_ms"] = f["fox_capped_foxglove_p50_ms"] - f["fox_capped_ws_p50_ms"]
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
    for label in ("capped", "uncapped"):
        if m.get(f"fox_{label}_foxglove_p50_ms") is not None:
            lines.append(f"  Foxglove beside /ws, 1 kHz, {label}: p50 {fmt(m.get(f'fox_{label}_foxglove_p50_ms'))} vs "
                         f"{fmt(m.get(f'fox_{label}_ws_p50_ms'))} ms, p99 {fmt(m.get(f'fox_{label}_foxglove_p99_ms'))} "
                         f"vs {fmt(m.get(f'fox_{label}_ws_p99_ms'))} ms (same run)")
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
