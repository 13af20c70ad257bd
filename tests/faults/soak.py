#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Soak run (scripts/soak.sh): omniscient with the robot at 1 kHz and 50 WebSocket clients that keep connecting
and disconnecting, sampled every few seconds for RSS, open fds, threads and CPU. With everything on (the
default): the dashboard window rendering offscreen, `--record` writing a recording (when this omniscient has
it), and a few hostile clients (ping floods that never read, half-sent request heads) coming back all the time;
10 Foxglove clients churning, black-box saves into a capped folder every 30 s, and MQTT publishing to a local
Mosquitto restarted every 5 minutes (each turned off by --no-foxglove, --no-blackbox-saves, --no-mqtt).
Writes a CSV and a Markdown summary; exits 1 when memory, descriptors or threads grew, when RSS was not flat
over the last 10 minutes, when real clients were not served (more than 1 % failed), or when a Foxglove session,
a save, the folder's cap or a reconnect to the restarted broker failed.
"""
import argparse
import asyncio
import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import omnilib  # noqa: E402
import shmwriter  # noqa: E402
import soakextras  # noqa: E402

import websockets  # noqa: E402

# Growth limits, idle (no client) after the warm-up against idle at the end.
MAX_RSS_DRIFT_KB = 4 * 1024
MAX_FD_DRIFT = 0
MAX_THREAD_DRIFT = 0
# Flat over the last 10 minutes (runs of 15 minutes or more): the RSS trend of the samples under load.
FLAT_WINDOW_S = 600
MAX_FLAT_RSS_SLOPE_KB_PER_MIN = 64
# Real clients that failed (timeouts, refusals): at most this many, or 1 % of their connections.
MAX_CLIENT_FAILURES = 10


class Counters:
    def __init__(self):
        self.connects = 0
        self.failures = 0
        self.states = 0
        self.http = 0
        self.attacks = 0
        self.attackers_dropped = 0


async def client_loop(port, stop_at, counters, rng):
    while time.monotonic() < stop_at:
        try:
            if rng.random() < 0.1:  # now and then a page load or an API call instead
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                path = rng.choice([b"/", b"/api/state", b"/healthz", b"/metrics", b"/app.js"])
                writer.write(b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                await writer.drain()
                await asyncio.wait_for(reader.read(), 10)
                writer.close()
                counters.http += 1
            else:
                async with websockets.connect("ws://127.0.0.1:%d/ws" % port, open_timeout=10) as ws:
                    counters.connects += 1
                    until = time.monotonic() + rng.uniform(0.5, 8)
                    while time.monotonic() < until:
                        message = await asyncio.wait_for(ws.recv(), 5)
                        counters.states += '"type":"state"' in message
                    if rng.random() < 0.3:  # vanish without a close handshake
                        ws.transport.abort()
        except (OSError, asyncio.TimeoutError, websockets.exceptions.WebSocketException):
            counters.failures += 1
        await asyncio.sleep(rng.uniform(0, 1.5))


async def ping_flooder(port, stop_at, counters):
    """A WebSocket client that floods masked pings and never reads (issue 17 §0), again whenever it is dropped."""
    ping = bytes([0x89, 0x80 | 8]) + os.urandom(4) + bytes(8)
    while time.monotonic() < stop_at:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            key = b"c29hay1hdHRhY2tlci1rZXk="
            writer.write(b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         b"Sec-WebSocket-Key: " + key + b"\r\nSec-WebSocket-Version: 13\r\n\r\n")
            await writer.drain()
            counters.attacks += 1
            flood_until = min(stop_at, time.monotonic() + 10)
            while time.monotonic() < flood_until:
                writer.write(ping * 64)
                await asyncio.wait_for(writer.drain(), 2)
                await asyncio.sleep(0.01)
            writer.close()
        except (OSError, asyncio.TimeoutError):
            counters.attackers_dropped += 1
        await asyncio.sleep(0.5)


async def slowloris(port, stop_at, counters):
    """A connection that sends half a request head and waits (issue 17 §1), again whenever it is closed."""
    while time.monotonic() < stop_at:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            await writer.drain()
            counters.attacks += 1
            await asyncio.wait_for(reader.read(), max(0.1, min(30, stop_at - time.monotonic())))
            writer.close()
        except (OSError, asyncio.TimeoutError):
            pass
        await asyncio.sleep(0.5)


async def sampler(app, stop_at, interval, counters, rows, t0):
    last_cpu, last_t, last_states = app.cpu_seconds(), time.monotonic(), 0
    while time.monotonic() < stop_at:
        await asyncio.sleep(interval)
        if not app.alive():
            raise RuntimeError("omniscient died during the soak")
        now, cpu = time.monotonic(), app.cpu_seconds()
        row = {
            "t_s": round(now - t0, 1),
            "rss_kb": app.rss_kb(),
            "fds": app.fds(),
            "threads": app.threads(),
            "cpu_pct": round(100 * (cpu - last_cpu) / (now - last_t), 1),
            "ws_connects": counters.connects,
            "client_states_per_s": round((counters.states - last_states) / (now - last_t)),
            "client_failures": counters.failures,
        }
        rows.append(row)
        last_cpu, last_t, last_states = cpu, now, counters.states
        print("  t=%(t_s)7.1fs rss=%(rss_kb)6d kB fds=%(fds)3d threads=%(threads)2d cpu=%(cpu_pct)5.1f%% "
              "connects=%(ws_connects)6d states/s=%(client_states_per_s)6d failures=%(client_failures)d" % row,
              flush=True)


def slope_per_minute(rows, key):
    xs = [r["t_s"] / 60 for r in rows]
    ys = [r[key] for r in rows]
    if len(xs) < 2:
        return 0.0
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var if var else 0.0


def extras_failures(skipped, extras, broker, folder_end, files_end, cap_bytes):
    """What failed of the Foxglove clients, the saves and the broker restarts (empty: nothing)."""
    failed = []
    if "foxglove" not in skipped:
        if extras.fox_connects == 0 or extras.fox_failures > max(MAX_CLIENT_FAILURES, extras.fox_connects // 100):
            failed.append("Foxglove sessions: %d connects, %d failures" % (extras.fox_connects, extras.fox_failures))
    if "saves" not in skipped:
        if extras.saves == 0 or extras.save_failures:
            failed.append("saves: %d made, %d failed %s"
                          % (extras.saves, extras.save_failures, extras.save_errors[:3]))
        if extras.folder_over_cap or (folder_end > cap_bytes and files_end > 1):
            failed.append("the recordings folder went over its cap %d times" % (extras.folder_over_cap or 1))
    if broker and (broker.missed or broker.reconnects < broker.restarts):
        failed.append("MQTT: %d restarts, %d reconnects; %s" % (broker.restarts, broker.reconnects, broker.missed))
    return failed


def extras_rows(skipped, extras, broker, folder_end, files_end, cap_bytes, args):
    mib = 1 << 20
    return [
        "| Foxglove connects / failures / MessageData frames | %s |"
        % ("skipped: " + skipped["foxglove"] if "foxglove" in skipped
           else "%d / %d / %d" % (extras.fox_connects, extras.fox_failures, extras.fox_messages)),
        "| black-box saves made / failed (every %g s) | %s |"
        % (args.save_every, "skipped: " + skipped["saves"] if "saves" in skipped
           else "%d / %d" % (extras.saves, extras.save_failures)),
        "| recordings folder: at the end (files) / largest seen / cap | %s |"
        % ("skipped: " + skipped["saves"] if "saves" in skipped
           else "%.2f MiB (%d) / %.2f MiB / %d MiB (%d checks over)"
           % (folder_end / mib, files_end, extras.folder_max_bytes / mib, cap_bytes // mib, extras.folder_over_cap)),
        "| MQTT: mosquitto restarts / omniscient reconnects (every %g min) | %s |"
        % (args.broker_restart_minutes, "skipped: " + skipped["mqtt"] if "mqtt" in skipped
           else "%d / %d%s" % (broker.restarts, broker.reconnects, "; " + "; ".join(broker.missed) if broker.missed
                                else "")),
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--omniscient", required=True)
    ap.add_argument("--sim", required=True)
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--rate", type=int, default=1000)
    ap.add_argument("--interval", type=float, default=5)
    ap.add_argument("--out", required=True, help="directory for soak.csv, summary.md and the logs")
    ap.add_argument("--headless", action="store_true", help="no dashboard window (default: it renders offscreen)")
    ap.add_argument("--attackers", type=int, default=2, help="ping flooders and slowloris connections, each")
    ap.add_argument("--foxglove-clients", type=int, default=10)
    ap.add_argument("--no-foxglove", action="store_true", help="no Foxglove clients")
    ap.add_argument("--no-blackbox-saves", action="store_true", help="no POST /api/recordings")
    ap.add_argument("--save-every", type=float, default=30, help="seconds between black-box saves")
    ap.add_argument("--recordings-max-mb", type=int, default=5, help="the saves folder's cap")
    ap.add_argument("--blackbox-minutes", type=int, default=None,
                    help="the black box's length (default: a third of the run, 1 to 10); the warm-up outlasts it")
    ap.add_argument("--no-mqtt", action="store_true", help="no MQTT publishing to a local Mosquitto")
    ap.add_argument("--broker-restart-minutes", type=float, default=5, help="restart Mosquitto this often")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    shm = "omni-soak-%d" % os.getpid()
    port = omnilib.free_port()
    usage = subprocess.run([args.omniscient, "--help"], capture_output=True, text=True, timeout=30).stdout
    extra = []
    recording = None
    if "--record " in usage:
        recording = os.path.join(args.out, "soak.mcap")
        extra += ["--record", recording]
    extra += ["--no-sound"] if "--no-sound" in usage else []
    skipped = {}  # part -> why it does not run
    # The black box's ring fills for its first M minutes (6 MB a minute at 1 kHz): measure growth after that.
    blackbox_minutes = args.blackbox_minutes
    if blackbox_minutes is None:
        blackbox_minutes = min(10, max(1, int(args.minutes // 3)))
    if "--blackbox-minutes " in usage:
        extra += ["--blackbox-minutes", str(blackbox_minutes)]
    else:
        blackbox_minutes = 0
    if args.no_foxglove:
        skipped["foxglove"] = "--no-foxglove"
    saves_dir = os.path.join(args.out, "recordings")
    if args.no_blackbox_saves:
        skipped["saves"] = "--no-blackbox-saves"
    elif "--recordings-dir " not in usage:
        skipped["saves"] = "this omniscient has no --recordings-dir"
    else:
        shutil.rmtree(saves_dir, ignore_errors=True)
        extra += ["--recordings-dir", saves_dir, "--recordings-max-mb", str(args.recordings_max_mb)]
    broker = None
    if args.no_mqtt:
        skipped["mqtt"] = "--no-mqtt"
    elif soakextras.mosquitto_missing_reason(usage):
        skipped["mqtt"] = soakextras.mosquitto_missing_reason(usage)
    else:
        broker = soakextras.Broker(args.out, args.broker_restart_minutes * 60)
        broker.start()
        extra += ["--mqtt", broker.url(), "--robot-name", "soak"]
    for part, why in skipped.items():
        print("soak: %s skipped: %s" % (part, why), flush=True)
    cap_bytes = args.recordings_max_mb << 20
    app = omnilib.start_omniscient(args.omniscient, shm, port, os.path.join(args.out, "omniscient.log"), extra,
                                   headless=args.headless)
    sim = omnilib.start_sim(args.sim, shm, os.path.join(args.out, "sim.log"), args.rate)
    rows, counters, extras = [], Counters(), soakextras.ExtraCounters()
    try:
        if not omnilib.wait_until(lambda: omnilib.healthz(port), 30):
            raise RuntimeError("omniscient did not come up")
        if broker:
            if not soakextras.wait_connected(port, 30):
                raise RuntimeError("omniscient did not connect to mosquitto at %s" % broker.url())
            broker.watch(port)
        t0 = time.monotonic()
        # 5 % of the run, and the black box full: it holds 63,000 states a minute, which a 1 kHz robot read at ~900
        # states a second fills in 1.15 times its length (the 30-minute run of 1fd424f grew until 692 s of 630).
        warm_s = max(30.0, args.minutes * 3, blackbox_minutes * 60 * 1.2 + 30.0)
        stop_at = t0 + args.minutes * 60
        rng = random.Random(1)

        async def run(until):
            clients = [client_loop(port, until, counters, random.Random(rng.random())) for _ in range(args.clients)]
            hostile = [f(port, until, counters) for f in (ping_flooder, slowloris) for _ in range(args.attackers)]
            if "foxglove" not in skipped:
                clients += [soakextras.foxglove_client(port, until, extras, random.Random(rng.random()))
                            for _ in range(args.foxglove_clients)]
            if "saves" not in skipped:
                clients.append(soakextras.blackbox_saver(port, until, extras, saves_dir, cap_bytes, args.save_every,
                                                         min(60, args.save_every * 2)))
            await asyncio.gather(sampler(app, until, args.interval, counters, rows, t0), *clients, *hostile)

        def quiescent():
            if not broker:
                time.sleep(5)  # every client gone, the server's timers settled
                return {"rss_kb": app.rss_kb(), "fds": app.fds(), "threads": app.threads()}
            with broker.quiet:  # no broker restart while measuring; omniscient connected to it
                soakextras.wait_connected(port, 30)
                time.sleep(5)
                return {"rss_kb": app.rss_kb(), "fds": app.fds(), "threads": app.threads()}

        print("soak: %g min, robot at %d Hz, %d clients, %d + %d attackers, %s%s, omniscient pid %d on port %d"
              % (args.minutes, args.rate, args.clients, args.attackers, args.attackers,
                 "headless" if args.headless else "dashboard offscreen",
                 ", recording to " + recording if recording else "", app.pid, port), flush=True)
        asyncio.run(run(t0 + warm_s))
        before = quiescent()
        print("  after warm-up, no clients: %s" % before, flush=True)
        asyncio.run(run(stop_at + 5))
        after = quiescent()
        print("  at the end, no clients: %s" % after, flush=True)
    finally:
        if broker:
            broker.stop()
        sim.stop()
        code = app.stop()
        shmwriter.unlink(shm)

    with open(os.path.join(args.out, "soak.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    steady = [r for r in rows if r["t_s"] >= warm_s + 5] or rows
    rss_drift = after["rss_kb"] - before["rss_kb"]
    fd_drift = after["fds"] - before["fds"]
    thread_drift = after["threads"] - before["threads"]
    last = [r for r in steady if r["t_s"] >= rows[-1]["t_s"] - FLAT_WINDOW_S]
    judged_flat = rows[-1]["t_s"] >= FLAT_WINDOW_S + warm_s
    flat_slope = slope_per_minute(last, "rss_kb")
    flat = not judged_flat or flat_slope <= MAX_FLAT_RSS_SLOPE_KB_PER_MIN
    recorded = os.path.getsize(recording) if recording and os.path.exists(recording) else None
    # Nothing lost on the stream: real clients are served all along (the hostile ones are not counted here).
    served = counters.failures <= max(MAX_CLIENT_FAILURES, (counters.connects + counters.http) // 100)
    folder_end, files_end = soakextras.folder_bytes(saves_dir)
    extras_ok = extras_failures(skipped, extras, broker, folder_end, files_end, cap_bytes) == []
    ok = (extras_ok and rss_drift <= MAX_RSS_DRIFT_KB and fd_drift <= MAX_FD_DRIFT
          and thread_drift <= MAX_THREAD_DRIFT and flat and served and code in (0, None))
    summary = [
        "# Soak run",
        "",
        "%g min; robot at %d Hz (omni-sim); %d clients connecting and disconnecting; sampled every %g s. Growth is "
        "measured with no client connected, after a %g s warm-up (the %d-minute black box full) and again at the "
        "end."
        % (args.minutes, args.rate, args.clients, args.interval, warm_s, blackbox_minutes),
        "",
        "| measure | value |",
        "|---|---|",
        "| RSS, idle after warm-up → idle at the end | %d kB → %d kB (drift %+d kB; limit %d) |"
        % (before["rss_kb"], after["rss_kb"], rss_drift, MAX_RSS_DRIFT_KB),
        "| open fds, idle after warm-up → idle at the end | %d → %d (drift %+d; limit %d) |"
        % (before["fds"], after["fds"], fd_drift, MAX_FD_DRIFT),
        "| threads, idle after warm-up → idle at the end | %d → %d (drift %+d; limit %d) |"
        % (before["threads"], after["threads"], thread_drift, MAX_THREAD_DRIFT),
        "| RSS trend after warm-up | %+.1f kB/min |" % slope_per_minute(steady, "rss_kb"),
        "| RSS trend over the last 10 minutes under load | %s |"
        % ("%+.1f kB/min (limit %+d)" % (flat_slope, MAX_FLAT_RSS_SLOPE_KB_PER_MIN) if judged_flat
           else "not judged: the run is shorter than warm-up + 10 min"),
        "| fds / threads over the last 10 minutes, min / max | %d / %d, %d / %d |"
        % (min(r["fds"] for r in last), max(r["fds"] for r in last), min(r["threads"] for r in last),
           max(r["threads"] for r in last)),
        "| dashboard | %s |" % ("none (--headless)" if args.headless else "window, rendered offscreen"),
        "| recording (--record) | %s |" % ("%.1f MB written to %s" % (recorded / 1e6, recording) if recorded is not None
                                          else "not in this omniscient" if not recording else "missing"),
        "| hostile connections (ping floods, half request heads) / flooders dropped | %d / %d |"
        % (counters.attacks, counters.attackers_dropped),
        "| RSS min / max over the run | %d / %d kB |" % (min(r["rss_kb"] for r in rows), max(r["rss_kb"] for r in rows)),
        "| open fds under load, min / max | %d / %d |" % (min(r["fds"] for r in rows), max(r["fds"] for r in rows)),
        "| threads min / max | %d / %d |" % (min(r["threads"] for r in rows), max(r["threads"] for r in rows)),
        "| CPU, mean / max of samples | %.1f %% / %.1f %% of one core |"
        % (statistics.fmean(r["cpu_pct"] for r in rows), max(r["cpu_pct"] for r in rows)),
        "| WebSocket connects / other requests | %d / %d |" % (counters.connects, counters.http),
        "| states received by clients | %d (%.0f per second) |" % (counters.states, counters.states / (rows[-1]["t_s"] or 1)),
        "| client-side failures (timeouts, refusals) | %d (limit: %d or 1 %% of connections) |"
        % (counters.failures, MAX_CLIENT_FAILURES),
        *extras_rows(skipped, extras, broker, folder_end, files_end, cap_bytes, args),
        "| omniscient exit on SIGTERM | %s |" % code,
        "",
        "Result: **%s** (target: no growth)." % ("no growth" if ok else "GROWTH OR FAILURE"),
    ]
    summary += ["", "Failed: " + "; ".join(extras_failures(skipped, extras, broker, folder_end, files_end,
                                                             cap_bytes))] if not extras_ok else []
    text = "\n".join(summary) + "\n"
    with open(os.path.join(args.out, "summary.md"), "w") as f:
        f.write(text)
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
