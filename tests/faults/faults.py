#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Whole-program fault injection (issue 7 §3): one real omniscient process (--headless, loopback only) takes
every fault in turn. After each one it must still be alive, answer /healthz, be back near its baseline memory
and descriptor count, and show a good writer's state to a fresh WebSocket client.

Usage: faults.py --omniscient build/dev/app/omniscient --sim build/dev/robot/sim/omni-sim [--keep-logs DIR]
       [unittest options, e.g. -k oversized]
"""
import argparse
import asyncio
import os
import random
import socket
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import omnilib  # noqa: E402
import portabuse  # noqa: E402
import shmwriter  # noqa: E402

import websockets  # noqa: E402

CONFIG = {}

# Memory may settle a little above the warmed-up baseline (malloc keeps freed arenas): what counts as "back".
RSS_SLACK_KB = 12 * 1024
RSS_SLACK_RATIO = 0.25
FD_SLACK = 4


def read_text(path):
    with open(path, errors="replace") as f:
        return f.read()


class Faults(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = CONFIG.get("log_dir") or tempfile.mkdtemp(prefix="omni-faults-")
        os.makedirs(cls.tmp, exist_ok=True)
        cls.shm = "omni-faults-%d" % os.getpid()
        cls.port = omnilib.free_port()
        cls.app = omnilib.start_omniscient(CONFIG["omniscient"], cls.shm, cls.port, os.path.join(cls.tmp, "omniscient.log"))
        if not omnilib.wait_until(lambda: omnilib.healthz(cls.port), 30):
            raise RuntimeError("omniscient did not come up; see %s" % cls.tmp)
        # Warm up everything that allocates once (reader, hub, server, a client, a state), then take the baseline.
        cls.sims = []
        sim = cls.start_sim(cls)
        assert omnilib.state_reaches_fresh_client(cls.port, lambda m: m["writer_pid"] == sim.pid, 15), "no warm-up state"
        omnilib.get(cls.port, "/")
        sim.stop()
        time.sleep(1.5)
        cls.baseline_rss = cls.app.rss_kb()
        cls.baseline_fds = cls.app.fds()
        print("\nbaseline: RSS %d kB, %d fds, logs in %s" % (cls.baseline_rss, cls.baseline_fds, cls.tmp), file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        for sim in cls.sims:
            sim.stop()
        code = cls.app.stop()
        shmwriter.unlink(cls.shm)
        if code not in (0, None):
            print("omniscient exited with %s at the end; see %s" % (code, cls.tmp), file=sys.stderr)

    def start_sim(self, rate=100, name=None):
        sim = omnilib.start_sim(CONFIG["sim"], name or self.shm, os.path.join(self.tmp, "sim.log"), rate)
        self.sims.append(sim)
        return sim

    # --- the checks after every fault

    def assertRecovered(self):
        self.assertTrue(self.app.alive(), "omniscient died")
        self.assertTrue(omnilib.wait_until(lambda: omnilib.healthz(self.port), 15), "/healthz does not answer")
        if CONFIG["check_rss"]:
            rss_limit = self.baseline_rss + max(RSS_SLACK_KB, int(self.baseline_rss * RSS_SLACK_RATIO))
            self.assertTrue(omnilib.wait_until(lambda: self.app.rss_kb() <= rss_limit, 15, 0.25),
                            "RSS %d kB stays above %d kB (baseline %d kB)" % (self.app.rss_kb(), rss_limit,
                                                                               self.baseline_rss))
        self.assertTrue(omnilib.wait_until(lambda: self.app.fds() <= self.baseline_fds + FD_SLACK, 15, 0.25),
                        "%d open fds, baseline %d" % (self.app.fds(), self.baseline_fds))
        sim = self.start_sim()
        try:
            got = omnilib.state_reaches_fresh_client(
                self.port, lambda m: m["writer_pid"] == sim.pid and m["link"] == "live", 15)
            self.assertIsNotNone(got, "a good writer's state does not reach a fresh client")
        finally:
            sim.stop()
        self.assertTrue(self.app.alive(), "omniscient died")

    def linkReaches(self, predicate, timeout=10.0):
        """Waits until /api/state reports a link satisfying predicate (a dict of the JSON)."""
        import json

        def check():
            status, _, body, _ = omnilib.get(self.port, "/api/state")
            if status != 200:
                return None
            message = json.loads(body)
            return message if predicate(message) else None

        return omnilib.wait_until(check, timeout, 0.1)

    def liveFrom(self, sim):
        """Waits until the state shown is live and comes from `sim` (not the previous writer's last one)."""
        got = self.linkReaches(lambda m: m.get("link") == "live" and m.get("writer_pid") == sim.pid)
        self.assertIsNotNone(got, "the writer %d never went live" % sim.pid)

    # --- the faults of issue 7 §3, in a fixed order

    def test_01_writer_sigkilled_mid_publish(self):
        helper = omnilib.Process([sys.executable, shmwriter.__file__, self.shm, "--publish", "20",
                                  "--then-stop-mid-publish"], os.path.join(self.tmp, "writer.log"))
        log = os.path.join(self.tmp, "writer.log")
        self.assertTrue(omnilib.wait_until(lambda: "mid-publish" in read_text(log), 10),
                        "helper writer never reached mid-publish")
        helper.kill()
        got = self.linkReaches(lambda m: m.get("link") == "stale" and "middle of a publish" in m.get("detail", ""))
        self.assertIsNotNone(got, "a writer killed mid-publish is not reported as such")
        # A real writer killed at random moments while publishing at 100 kHz.
        for _ in range(3):
            sim = self.start_sim(rate=100000)
            time.sleep(random.uniform(0.2, 0.6))
            sim.kill()
        shmwriter.unlink(self.shm)
        self.assertRecovered()

    def test_02_segment_truncated_to_zero_while_mapped(self):
        sim = self.start_sim(rate=1000)
        self.liveFrom(sim)
        os.truncate(shmwriter.shm_path(self.shm), 0)  # the reader's next access would SIGBUS; so will the writer's
        self.assertIsNotNone(self.linkReaches(lambda m: m.get("link") in ("waiting", "stale", "incompatible")))
        sim.kill()
        shmwriter.unlink(self.shm)
        self.assertRecovered()

    def test_03_segment_unlinked_and_recreated_with_another_size_or_abi(self):
        sim = self.start_sim(rate=1000)
        self.liveFrom(sim)
        sim.kill()
        cases = [
            (shmwriter.header_bytes(abi=2) + bytes(64), "abi_newer"),
            (shmwriter.header_bytes(abi=1, header_size=72) + bytes(4096 - 64), "header_size"),
            (shmwriter.header_bytes(abi=1, payload_size=56) + bytes(64), "payload_size"),
            (shmwriter.header_bytes(abi=1)[:40], "too_small"),
            (shmwriter.header_bytes(abi=1) + bytes(40), "too_small"),
        ]
        for data, reason in cases:
            shmwriter.write_raw(self.shm, data)
            got = self.linkReaches(lambda m: m.get("link") == "incompatible" and m.get("reason") == reason)
            self.assertIsNotNone(got, "no incompatible/%s for a %d-byte segment" % (reason, len(data)))
        # The original robot's 56-byte layout is read.
        shmwriter.write_raw(self.shm, bytes(56))
        self.assertIsNotNone(self.linkReaches(lambda m: m.get("layout") == "legacy-56"))
        shmwriter.unlink(self.shm)
        self.assertRecovered()

    def test_03b_original_64_byte_robot_read_live_then_stale_when_killed(self):
        helper = omnilib.Process([sys.executable, shmwriter.__file__, self.shm, "--legacy", "64", "--publish", "100000",
                                  "--interval", "0.005"], os.path.join(self.tmp, "legacy-writer.log"))
        # Live, as legacy-64, with a publish rate: its ver changes drive the rate (measured over about a second).
        got = self.linkReaches(lambda m: m.get("link") == "live" and m.get("layout") == "legacy-64" and m["seq"] > 5
                               and m["rate_hz"] > 0)
        self.assertIsNotNone(got, "the original's 64-byte robot is not read live as legacy-64 with a rate")
        want = shmwriter.legacy_fields(got["seq"])
        self.assertEqual({k: got[k] for k in want}, want, "the fields of update %d" % got["seq"])
        helper.kill()
        stale = self.linkReaches(lambda m: m.get("link") == "stale" and m.get("layout") == "legacy-64")
        self.assertIsNotNone(stale, "a killed legacy-64 robot is not reported stale")
        self.assertGreaterEqual(stale["seq"], got["seq"])
        self.assertEqual({k: stale[k] for k in want}, shmwriter.legacy_fields(stale["seq"]))
        shmwriter.unlink(self.shm)
        self.assertRecovered()

    def test_04_garbage_bytes(self):
        rng = random.Random(7)
        for size in (1, 3, 56, 63, 64, 123, 124, 128, 4096, 1 << 20):
            shmwriter.write_raw(self.shm, bytes(rng.getrandbits(8) for _ in range(min(size, 4096))) * (size // 4096 or 1)
                                if size > 4096 else bytes(rng.getrandbits(8) for _ in range(size)))
            time.sleep(0.15)
        # Garbage written over a live segment in place (same inode, the reader keeps its mapping).
        sim = self.start_sim(rate=1000)
        self.liveFrom(sim)
        sim.kill()
        with open(shmwriter.shm_path(self.shm), "r+b") as f:
            for _ in range(200):
                f.seek(rng.randrange(128))
                f.write(bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 16))))
                f.flush()
                time.sleep(0.002)
        time.sleep(0.5)
        shmwriter.unlink(self.shm)
        self.assertRecovered()

    def test_05_writer_at_100_khz(self):
        sim = self.start_sim(rate=100000)
        cpu0, t0 = self.app.cpu_seconds(), time.monotonic()
        got = omnilib.state_reaches_fresh_client(self.port, lambda m: m["writer_pid"] == sim.pid and m["seq"] > 100000, 15)
        self.assertIsNotNone(got, "no state from the 100 kHz writer")
        time.sleep(3)
        cpu = (self.app.cpu_seconds() - cpu0) / (time.monotonic() - t0)
        print("\n  omniscient CPU with a 100 kHz writer and one client: %.0f%% of a core" % (cpu * 100), file=sys.stderr)
        sim.stop()
        self.assertRecovered()

    def test_06_a_thousand_connects_and_disconnects(self):
        async def one(i):
            kind = i % 4
            try:
                if kind == 0:  # a WebSocket client that says goodbye
                    async with websockets.connect("ws://127.0.0.1:%d/ws" % self.port, open_timeout=10) as ws:
                        await asyncio.wait_for(ws.recv(), 10)
                elif kind == 1:  # one that vanishes: RST right after the upgrade
                    r, w = await asyncio.open_connection("127.0.0.1", self.port)
                    w.write(omnilib.ws_upgrade_request(self.port))
                    await w.drain()
                    await asyncio.wait_for(r.readuntil(b"\r\n\r\n"), 10)
                    w.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")
                    w.close()
                elif kind == 2:  # a page load
                    r, w = await asyncio.open_connection("127.0.0.1", self.port)
                    w.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    await w.drain()
                    await asyncio.wait_for(r.read(4096), 10)
                    w.close()
                else:  # connect and hang up without a byte
                    _, w = await asyncio.open_connection("127.0.0.1", self.port)
                    w.close()
            except (OSError, asyncio.TimeoutError, websockets.exceptions.WebSocketException) as e:
                return e
            return None

        async def run():
            sem = asyncio.Semaphore(25)

            async def limited(i):
                async with sem:
                    return await one(i)

            return await asyncio.gather(*(limited(i) for i in range(1000)))

        sim = self.start_sim(rate=200)
        errors = [e for e in asyncio.run(run()) if e is not None]
        sim.stop()
        self.assertLessEqual(len(errors), 10, "connections failed: %r" % errors[:5])
        self.assertRecovered()

    def test_07_two_hundred_half_open_idle_connections(self):
        idle = []
        try:
            for _ in range(10):  # upgraded, then silent: never reads, never answers a ping
                idle.append(omnilib.raw_ws(self.port, rcvbuf=4096))
            for _ in range(10):  # half a request head, then nothing
                s = socket.create_connection(("127.0.0.1", self.port), timeout=5)
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x")
                idle.append(s)
            for _ in range(200):  # connected, not a byte sent (past the server's cap of unfinished connections)
                idle.append(socket.create_connection(("127.0.0.1", self.port), timeout=5))
            # While all of them are still held, a newcomer is served at the latest when the server's request
            # timeout (5 s) has closed the idle ones.
            t0 = time.monotonic()
            ok = omnilib.wait_until(lambda: omnilib.healthz(self.port), 15, 0.2)
            print("\n  /healthz answered %.1f s after 220 idle connections" % (time.monotonic() - t0), file=sys.stderr)
            self.assertTrue(ok, "/healthz does not answer while idle connections are held")
        finally:
            for s in idle:
                s.close()
        self.assertRecovered()

    def test_08_clients_that_never_read(self):
        sim = self.start_sim(rate=1000)
        stalled = [omnilib.raw_ws(self.port, rcvbuf=4096) for _ in range(20)]
        try:
            time.sleep(5)
            peak = self.app.rss_kb()
            # A reading client beside them still gets the newest states at the rate cap.
            async def count():
                async with websockets.connect("ws://127.0.0.1:%d/ws" % self.port) as ws:
                    n, deadline = 0, time.monotonic() + 2
                    while time.monotonic() < deadline:
                        m = await asyncio.wait_for(ws.recv(), 2)
                        n += '"type":"state"' in m
                    return n
            states = asyncio.run(count())
            print("\n  20 stalled clients: RSS %d kB (baseline %d kB); a reader got %d states in 2 s"
                  % (peak, self.baseline_rss, states), file=sys.stderr)
            self.assertGreaterEqual(states, 40, "a reading client is starved by stalled ones")
            if CONFIG["check_rss"]:
                self.assertLessEqual(peak, self.baseline_rss + 32 * 1024, "stalled clients grow memory")
        finally:
            for s in stalled:
                s.close()
            sim.stop()
        self.assertRecovered()

    def test_09_oversized_frames(self):
        attacks = [
            omnilib.masked_frame(0x1, b"x" * (1 << 20)),                       # a 1 MiB text message
            omnilib.masked_frame(0x2, b"\0" * 100000),                         # a 100 kB binary one
            omnilib.masked_frame(0x1, b"", length_override=(1 << 63) - 1),     # a header claiming 8 EiB
            omnilib.masked_frame(0x1, b"a" * 1000, fin=False) + b"".join(
                omnilib.masked_frame(0x0, b"a" * 1000, fin=False) for _ in range(50)),  # fragments past the cap
            omnilib.masked_frame(0x9, b"p" * 200),                             # a control frame over 125 bytes
        ]
        for attack in attacks:
            s = omnilib.raw_ws(self.port)
            try:
                s.sendall(attack)
            except OSError:
                pass  # the server may hang up before taking it all
            s.settimeout(5)
            closed = False
            try:
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline:
                    if not s.recv(65536):
                        closed = True
                        break
            except (ConnectionResetError, socket.timeout):
                closed = True
            s.close()
            self.assertTrue(closed, "the server kept a client that sent %r..." % attack[:12])
        self.assertRecovered()

    def test_10_malformed_upgrade_requests(self):
        p = self.port
        bad = [
            b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n",
            omnilib.ws_upgrade_request(p).replace(b"Version: 13", b"Version: 8"),
            omnilib.ws_upgrade_request(p).replace(b"HTTP/1.1", b"HTTP/1.0"),
            omnilib.ws_upgrade_request(p).replace(b"GET", b"POST"),
            omnilib.ws_upgrade_request(p).replace(b"Upgrade: websocket", b"Upgrade: h2c"),
            omnilib.ws_upgrade_request(p, path="/ws/../ws"),
            omnilib.ws_upgrade_request(p, path="/wss"),
            omnilib.ws_upgrade_request(p, extra=b"X-Big: " + b"a" * 100000 + b"\r\n"),
            omnilib.ws_upgrade_request(p, extra=b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"),
            omnilib.ws_upgrade_request(p, extra=b"Host: second\r\n"),
            omnilib.ws_upgrade_request(p).replace(b"\r\n", b"\n"),
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(64),   # a TLS hello
            b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n",  # never finished
            os.urandom(3000),
        ]
        for i, request in enumerate(bad):
            status, _, _, raw = omnilib.http_request(p, request, timeout=8)
            self.assertNotEqual(status, 101, "upgraded malformed request #%d: %r" % (i, request[:200]))
        # RFC 6455 4.2.1: a key that is not 16 bytes in base64 is answered 400 (QWebSocketServer does not check).
        for key in (b"short", b"dGhlIHNhbXBsZSBub25jZQ", b"!!!!!!!!!!!!!!!!!!!!!!==", b"dGhlIHNhbXBsZSBub25jZXg="):
            status, _, _, _ = omnilib.http_request(p, omnilib.ws_upgrade_request(p).replace(
                b"dGhlIHNhbXBsZSBub25jZQ==", key), timeout=8)
            self.assertEqual(status, 400, "a malformed Sec-WebSocket-Key %r was not refused" % key)
        self.assertRecovered()

    def test_11_path_traversal_attempts(self):
        paths = ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                 "/..%2f..%2fetc%2fpasswd", "/icons/../../etc/passwd", "/..\\..\\etc\\passwd", "/%5c..%5cetc%5cpasswd",
                 "//etc/passwd", "/./index.html", "/index.html%00.png", "/%00", "/icons/%252e%252e/secret",
                 "/" + "a/" * 900, "/....//....//etc/passwd", "/:/etc/passwd", "/~root/.ssh/id_rsa",
                 "/proc/self/environ", "/%c0%ae%c0%ae/etc/passwd"]
        for path in paths:
            status, _, body, raw = omnilib.http_request(
                self.port, b"GET " + path.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5)
            self.assertIn(status, (400, 403, 404, 414), "%s answered %d" % (path, status))
            self.assertNotIn(b"root:", body)
            self.assertNotIn(b"PATH=", body)
        self.assertRecovered()


    def test_12_ping_flood_that_never_reads_and_blind_pongs(self):
        """Issue 17 §0: Qt answers every ping itself; a client that floods pings and never reads must not grow
        the server's memory, must be dropped within seconds, and must not starve a reader beside it."""
        sim = self.start_sim(rate=200)
        self.liveFrom(sim)
        before = self.app.rss_kb()
        flood = omnilib.raw_ws(self.port, rcvbuf=4096)
        blind = omnilib.raw_ws(self.port, rcvbuf=4096)
        ping = omnilib.masked_frame(0x9, b"p" * 125)
        pong = omnilib.masked_frame(0xA, b"not your ping")
        states, peak, dropped_after = [0], [before], [None]

        async def read_states():
            async with websockets.connect("ws://127.0.0.1:%d/ws" % self.port) as ws:
                deadline = time.monotonic() + 4
                while time.monotonic() < deadline:
                    m = await asyncio.wait_for(ws.recv(), 2)
                    states[0] += '"type":"state"' in m

        async def attack():
            start = time.monotonic()
            for s in (flood, blind):
                s.setblocking(False)
            alive = {flood: ping * 64, blind: pong * 64}
            while time.monotonic() - start < 4:
                for s, burst in list(alive.items()):
                    try:
                        s.send(burst)
                    except BlockingIOError:
                        pass
                    except OSError:  # reset by the server: dropped
                        del alive[s]
                if not alive and dropped_after[0] is None:
                    dropped_after[0] = time.monotonic() - start
                peak[0] = max(peak[0], self.app.rss_kb())
                await asyncio.sleep(0.005)

        async def both():
            await asyncio.gather(read_states(), attack())

        try:
            asyncio.run(both())
        finally:
            flood.close()
            blind.close()
            sim.stop()
        _, _, metrics, _ = omnilib.get(self.port, "/metrics")
        print("\n  ping flood + blind pongs: RSS %d -> peak %d kB; both dropped after %s s; a reader got %d states"
              % (before, peak[0], dropped_after[0], states[0]), file=sys.stderr)
        self.assertIsNotNone(dropped_after[0], "the flooding clients were not dropped within 4 s")
        self.assertLess(dropped_after[0], 3.0)
        self.assertGreaterEqual(states[0], 100, "a reading client is starved by the flood")
        self.assertIn(b'omniscient_clients_closed_total{reason="rate"}', metrics)
        if CONFIG["check_rss"]:
            self.assertLessEqual(peak[0], before + 6 * 1024, "the ping flood grows memory")
        self.assertRecovered()

    def test_99_exits_cleanly_and_no_sanitizer_spoke(self):
        code = self.app.stop()
        self.assertEqual(code, 0, "omniscient exited with %s on SIGTERM" % code)
        log = read_text(os.path.join(self.tmp, "omniscient.log"))
        for marker in ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:", "WARNING: ThreadSanitizer"):
            self.assertNotIn(marker, log, "a sanitizer reported a problem; see %s" % self.tmp)


class PortAbuse(unittest.TestCase):
    """Issue 17 §1: real clients are served while the port is abused. Each test runs its own omniscient."""

    def setUp(self):
        self.tmp = CONFIG.get("log_dir") or tempfile.mkdtemp(prefix="omni-faults-")
        os.makedirs(self.tmp, exist_ok=True)
        self.shm = "omni-abuse-%d" % os.getpid()
        self.port = omnilib.free_port()
        self.procs = []

    def tearDown(self):
        for p in reversed(self.procs):
            p.stop()
        shmwriter.unlink(self.shm)

    def start(self, name, extra=(), nofile=None):
        log = os.path.join(self.tmp, name + ".log")
        if nofile is None:
            app = omnilib.start_omniscient(CONFIG["omniscient"], self.shm, self.port, log, extra)
        else:  # a low `ulimit -n`, soft and hard, so that omniscient cannot raise it
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            app = omnilib.Process(["/bin/sh", "-c", 'ulimit -n %d && exec "$@"' % nofile, "sh", CONFIG["omniscient"],
                                   "--headless", "--shm", self.shm, "--port", str(self.port), "--bind", "127.0.0.1",
                                   *extra], log, env)
        self.procs.append(app)
        self.assertTrue(omnilib.wait_until(lambda: omnilib.healthz(self.port), 30), "omniscient did not come up")
        return app

    def test_readers_are_served_during_slowloris_never_readers_and_churners(self):
        app = self.start("abuse", ["--max-clients", str(portabuse.MAX_CLIENTS)])
        self.procs.append(omnilib.start_sim(CONFIG["sim"], self.shm, os.path.join(self.tmp, "abuse-sim.log")))
        sizes = portabuse.FULL if CONFIG["full_abuse"] else portabuse.SCALED
        for same_address in (False, True):  # the attack from other hosts, then from the readers' own address
            outcomes, connects, fresh = portabuse.run(
                self.port, sizes, same_address,
                after=lambda: omnilib.state_reaches_fresh_client(self.port, lambda m: True, 15))
            print("\n  %d of %d readers served beside %d slowloris (%d connects), %d never-reading, %d churners%s: %s"
                  % (outcomes["served"], sizes["readers"], sizes["slowloris"], connects, sizes["never_read"],
                     sizes["churners"], ", all from one address" if same_address else "", dict(outcomes)),
                  file=sys.stderr)
            # A reader this test process itself was too slow to send (a loaded machine) is not the server's doing.
            measured = sizes["readers"] - outcomes["starved"]
            self.assertGreaterEqual(measured * 2, sizes["readers"], "the machine is too loaded to measure anything")
            self.assertGreaterEqual(outcomes["served"] * 100, measured * 95,
                                    "fewer than 95 % of the real readers were served")
            self.assertIsNotNone(fresh, "a fresh client is not served while the slowloris connections are held")
        self.assertTrue(app.alive(), "omniscient died")

    def test_out_of_descriptors_a_newcomer_gets_a_quick_503_and_nothing_spins(self):
        if CONFIG["ubsan"]:
            # Not a pass: reported as a skip, and the plain build's fault stage runs this test.
            self.skipTest("UBSan's vptr check needs a free descriptor (it proves a vtable readable through a pipe) and "
                          "calls virtual calls out of descriptors 'invalid vptr'; the plain build runs this test")
        app = self.start("nofile", ["--max-clients", "400"], nofile=48)

        async def scenario():
            # WebSocket clients hold a descriptor each, answer pings and are never evicted: fill the process up.
            held, refused = [], []
            for _ in range(60):
                try:
                    held.append(await websockets.connect("ws://127.0.0.1:%d/ws" % self.port, open_timeout=5))
                except (OSError, asyncio.TimeoutError, websockets.exceptions.WebSocketException) as e:
                    refused.append(e)
            try:
                # Still out of descriptors: each newcomer is answered at once, and nothing spins meanwhile.
                cpu0, t0, answers = app.cpu_seconds(), time.monotonic(), []
                for _ in range(5):
                    started = time.monotonic()
                    r, w = await asyncio.open_connection("127.0.0.1", self.port)
                    w.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    try:
                        reply = await asyncio.wait_for(r.read(), 5)
                    except (OSError, asyncio.TimeoutError):
                        reply = b""  # no answer: the newcomer waits in the backlog
                    w.close()
                    answers.append((omnilib.parse_reply(reply)[0], time.monotonic() - started))
                    await asyncio.sleep(0.4)
                cpu = (app.cpu_seconds() - cpu0) / (time.monotonic() - t0)
                return len(held), refused, answers, cpu
            finally:
                for ws in held:
                    await ws.close()

        held, refused, answers, cpu = asyncio.run(scenario())
        print("\n  ulimit -n 48: %d clients held, %d refused (%s); newcomers then: %s; CPU %.0f%% of a core"
              % (held, len(refused), refused[0] if refused else "-", answers, cpu * 100), file=sys.stderr)
        self.assertTrue(refused, "60 clients fitted in 48 descriptors?")
        for e in refused:
            self.assertIn("503", str(e), "a client refused out of descriptors got no 503: %r" % e)
        for status, seconds in answers:
            self.assertEqual(status, 503, "no 503 for a newcomer while out of descriptors")
            self.assertLess(seconds, 2.0, "the 503 was not quick")
        self.assertLess(cpu, 0.5, "the process spins while out of descriptors")
        self.assertTrue(app.alive(), "omniscient died out of descriptors")
        # Descriptors back: a fresh client is served.
        self.assertTrue(omnilib.wait_until(lambda: omnilib.healthz(self.port), 15), "not served after the crowd left")
        self.assertTrue(asyncio.run(portabuse.Attack(self.port).reader(10)), "no WebSocket after the crowd left")
        self.assertTrue(app.alive())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--omniscient", required=True)
    ap.add_argument("--sim", required=True)
    ap.add_argument("--keep-logs")
    ap.add_argument("--full-abuse", action="store_true",
                    help="PortAbuse at the full size of issue 17 (300 churners) instead of the scaled one")
    ap.add_argument("--no-rss", action="store_true",
                    help="skip the memory checks (AddressSanitizer's quarantine keeps freed memory resident)")
    ap.add_argument("--ubsan", action="store_true",
                    help="the build has UBSan: skip the out-of-descriptors test, which its vptr check cannot survive")
    args, rest = ap.parse_known_args()
    CONFIG.update(omniscient=os.path.abspath(args.omniscient), sim=os.path.abspath(args.sim), log_dir=args.keep_logs,
                  check_rss=not args.no_rss, full_abuse=args.full_abuse, ubsan=args.ubsan)
    unittest.main(argv=[sys.argv[0], "-v", *rest])


if __name__ == "__main__":
    main()
