#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The port abused as an attacker would (issue 17 §1), while real WebSocket readers connect: slowloris connections
(a partial request head, then silence; reconnected when the server closes them), clients that never read, and
churners that connect and leave, all at once with the readers. Counts the readers that were served (upgraded and
got their hello). Used by faults.py (scaled to a loaded 2-core machine) and runnable by itself at full size:

  tests/faults/portabuse.py --omniscient build/dev/app/omniscient --sim build/dev/robot/sim/omni-sim --full

Full size: omniscient --max-clients 400; 100 slowloris, 10 never-reading clients, 300 churners, 150 readers.
--same-address runs everything from 127.0.0.1 (default: the attack from 127.0.0.2-4, the readers from 127.0.0.1).
"""
import argparse
import asyncio
import collections
import os
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import omnilib  # noqa: E402
import shmwriter  # noqa: E402

import websockets  # noqa: E402

FULL = dict(slowloris=100, never_read=10, churners=300, readers=150)
SCALED = dict(slowloris=100, never_read=10, churners=150, readers=150)
MAX_CLIENTS = 400
HEAD_DEADLINE_S = 3.0  # MirrorServerOptions::headTimeout


class Attack:
    def __init__(self, port, same_address=False):
        self.port = port
        self.stop = asyncio.Event()
        self.slowloris_connects = 0

        def source(n):
            return ("127.0.0.1" if same_address else "127.0.0.%d" % n, 0)

        self.slowloris_from, self.churn_from, self.reader_from = source(2), source(4), ("127.0.0.1", 0)

    async def slowloris(self, held):
        """One slowloris slot: connects, sends half a head, waits; connects again whenever closed."""
        while not self.stop.is_set():
            try:
                r, w = await asyncio.open_connection("127.0.0.1", self.port, local_addr=self.slowloris_from)
                self.slowloris_connects += 1
                w.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow")
                await w.drain()
                held.release()
                stop = asyncio.ensure_future(self.stop.wait())
                read = asyncio.ensure_future(r.read(65536))
                await asyncio.wait({stop, read}, return_when=asyncio.FIRST_COMPLETED)
                stop.cancel()
                read.cancel()
                w.close()
            except OSError:
                await asyncio.sleep(0.05)

    async def churn(self):
        """Connects and leaves at once, without a byte."""
        try:
            _, w = await asyncio.open_connection("127.0.0.1", self.port, local_addr=self.churn_from)
            w.close()
        except OSError:
            pass

    async def reader(self, timeout):
        """A real reader: connects, sends its upgrade at once, waits for the 101 and the hello frame. True when
        served; else why not: "starved" when this (Python) client itself sent its head later than the server's head
        deadline allows (HEAD_DEADLINE_S; the client, not the server, was the slowloris), or the error's name."""
        loop = asyncio.get_running_loop()
        started = loop.time()  # the kernel completes a loopback connect at once; this coroutine may resume late
        try:
            r, w = await asyncio.open_connection("127.0.0.1", self.port, local_addr=self.reader_from)
        except OSError as e:
            return type(e).__name__
        try:
            w.write(omnilib.ws_upgrade_request(self.port))
            late = loop.time() - started > HEAD_DEADLINE_S - 0.5
            head = await asyncio.wait_for(r.readuntil(b"\r\n\r\n"), timeout)
            if not head.startswith(b"HTTP/1.1 101"):
                return "HTTP %s" % head[9:12].decode(errors="replace")
            # The first server frame (unmasked): the hello.
            b0, b1 = await asyncio.wait_for(r.readexactly(2), timeout)
            n = b1 & 0x7F
            if n >= 126:
                n = int.from_bytes(await r.readexactly(2 if n == 126 else 8), "big")
            payload = await asyncio.wait_for(r.readexactly(n), timeout)
            return b0 == 0x81 and b'"type":"hello"' in payload or "no hello"
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as e:
            return "starved" if late else type(e).__name__
        except asyncio.TimeoutError:
            return "TimeoutError"
        finally:
            w.close()


def never_readers(port, count):
    return [omnilib.raw_ws(port, rcvbuf=4096) for _ in range(count)]


async def _run(port, sizes, same_address, timeout):
    attack = Attack(port, same_address)
    held = asyncio.Semaphore(0)
    slow = [asyncio.ensure_future(attack.slowloris(held)) for _ in range(sizes["slowloris"])]
    for _ in range(sizes["slowloris"]):  # the attack is in place before the readers come
        await asyncio.wait_for(held.acquire(), 30)
    churners = [attack.churn() for _ in range(sizes["churners"])]
    readers = [attack.reader(timeout) for _ in range(sizes["readers"])]
    results = await asyncio.gather(*readers, *churners)
    why = collections.Counter("served" if r is True else r for r in results[:sizes["readers"]])
    return attack, slow, why


def run(port, sizes, same_address=False, timeout=20.0, after=None):
    """Runs the scenario against omniscient on `port`; returns (the readers' outcomes as a Counter: "served",
    "starved" or an error, slowloris connects, what `after` returned). `after` is called while the slowloris
    connections are still held (e.g. to check that a fresh client is served)."""
    stalled = never_readers(port, sizes["never_read"])
    try:
        async def main():
            attack, slow, outcomes = await _run(port, sizes, same_address, timeout)
            fresh = await asyncio.get_running_loop().run_in_executor(None, after) if after else None
            attack.stop.set()
            await asyncio.gather(*slow)
            return outcomes, attack.slowloris_connects, fresh

        return asyncio.run(main())
    finally:
        for s in stalled:
            s.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--omniscient", required=True)
    ap.add_argument("--sim", required=True)
    ap.add_argument("--full", action="store_true", help="the full-size scenario of issue 17 (default: scaled)")
    ap.add_argument("--same-address", action="store_true", help="attack and readers all from 127.0.0.1")
    args = ap.parse_args()
    sizes = FULL if args.full else SCALED
    tmp = tempfile.mkdtemp(prefix="omni-portabuse-")
    shm = "omni-portabuse-%d" % os.getpid()
    port = omnilib.free_port()
    app = omnilib.start_omniscient(os.path.abspath(args.omniscient), shm, port, os.path.join(tmp, "omniscient.log"),
                                   ["--max-clients", str(MAX_CLIENTS)])
    sim = omnilib.start_sim(os.path.abspath(args.sim), shm, os.path.join(tmp, "sim.log"))
    try:
        if not omnilib.wait_until(lambda: omnilib.healthz(port), 30):
            sys.exit("omniscient did not come up; see %s" % tmp)
        t0 = time.monotonic()
        outcomes, connects, fresh = run(port, sizes, args.same_address,
                                        after=lambda: omnilib.state_reaches_fresh_client(port, lambda m: True, 15))
        print("%s: %d of %d readers served (%d slowloris connects, %.1f s); a fresh client afterwards: %s"
              % ("full" if args.full else "scaled", outcomes["served"], sizes["readers"], connects,
                 time.monotonic() - t0, "served" if fresh else "NOT served"))
        print("readers: %s" % dict(outcomes))
        print("sizes: %r, same address: %s, alive: %s, logs: %s" % (sizes, args.same_address, app.alive(), tmp))
    finally:
        sim.stop()
        app.stop()
        shmwriter.unlink(shm)


if __name__ == "__main__":
    main()
