# SPDX-License-Identifier: MIT
"""The parts of the soak (tests/faults/soak.py) that need more than /ws: Foxglove clients churning, black-box saves
into a capped folder, and a local Mosquitto that is restarted while omniscient publishes to it (issue 17 §4)."""
import asyncio
import json
import os
import re
import shutil
import socket
import struct
import threading
import time

import omnilib
import websockets

FOXGLOVE_SUBPROTOCOL = "foxglove.websocket.v1"
SAVE_NAME = re.compile(r"^omniscient-\d{8}-\d{6}(-\d+)?\.mcap$")


class ExtraCounters:
    def __init__(self):
        self.fox_connects = 0
        self.fox_failures = 0
        self.fox_messages = 0
        self.saves = 0
        self.save_failures = 0
        self.save_errors = []
        self.folder_max_bytes = 0
        self.folder_over_cap = 0


async def foxglove_client(port, stop_at, counters, rng):
    """Connects with Foxglove's subprotocol, waits for serverInfo and advertise, subscribes to the state and the
    events, reads MessageData frames for a few seconds and leaves; again until stop_at. A session with no state
    frame, a wrong frame or a timeout is a failure."""
    while time.monotonic() < stop_at:
        try:
            async with websockets.connect("ws://127.0.0.1:%d/ws" % port, subprotocols=[FOXGLOVE_SUBPROTOCOL],
                                          open_timeout=10, max_size=2**22) as ws:
                if ws.subprotocol != FOXGLOVE_SUBPROTOCOL:
                    raise websockets.exceptions.InvalidHandshake("subprotocol %r" % ws.subprotocol)
                channels, info = {}, False
                while not (info and channels):
                    message = await asyncio.wait_for(ws.recv(), 10)
                    if isinstance(message, str):
                        op = json.loads(message)
                        info = info or op.get("op") == "serverInfo"
                        if op.get("op") == "advertise":
                            channels.update({c["topic"]: c["id"] for c in op.get("channels", [])})
                wanted = {1: channels["/robot/state"], 2: channels["/robot/events"]}
                await ws.send(json.dumps({"op": "subscribe", "subscriptions": [
                    {"id": sid, "channelId": cid} for sid, cid in wanted.items()]}))
                counters.fox_connects += 1
                states = 0
                until = time.monotonic() + rng.uniform(1, 6)
                while time.monotonic() < until:
                    message = await asyncio.wait_for(ws.recv(), 5)
                    if isinstance(message, bytes):
                        if len(message) < 13 or message[0] != 0x01:
                            raise ValueError("not a MessageData frame: %r" % message[:16])
                        sid = struct.unpack_from("<I", message, 1)[0]
                        if sid not in wanted:
                            raise ValueError("MessageData for subscription %d" % sid)
                        states += sid == 1
                        counters.fox_messages += 1
                if states == 0:
                    raise ValueError("no state in a session")
                if rng.random() < 0.3:  # vanish without a close handshake
                    ws.transport.abort()
        except (OSError, KeyError, ValueError, asyncio.TimeoutError, websockets.exceptions.WebSocketException):
            counters.fox_failures += 1
        await asyncio.sleep(rng.uniform(0, 1.5))


def folder_bytes(folder):
    """The bytes of the saved recordings omniscient counts against its cap (valid names, *.mcap)."""
    try:
        names = [n for n in os.listdir(folder) if SAVE_NAME.match(n)]
    except FileNotFoundError:
        return 0, 0
    return sum(os.path.getsize(os.path.join(folder, n)) for n in names), len(names)


def save_once(port, seconds):
    body = json.dumps({"seconds": seconds}).encode()
    raw = (b"POST /api/recordings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body)) + body
    status, _, reply, _ = omnilib.http_request(port, raw, timeout=30)
    return status, reply


async def blackbox_saver(port, stop_at, counters, folder, cap_bytes, every_s, seconds):
    """POST /api/recordings every every_s seconds; after each save the folder must be within its cap (or hold only
    the file just saved, which omniscient always keeps)."""
    while time.monotonic() + every_s < stop_at:
        await asyncio.sleep(every_s)
        try:
            status, reply = await asyncio.to_thread(save_once, port, seconds)
        except OSError as e:
            status, reply = 0, str(e).encode()
        if status == 201:
            counters.saves += 1
        else:
            counters.save_failures += 1
            counters.save_errors.append("%d %s" % (status, reply[:120].decode(errors="replace")))
        size, files = folder_bytes(folder)
        counters.folder_max_bytes = max(counters.folder_max_bytes, size)
        if size > cap_bytes and files > 1:
            counters.folder_over_cap += 1


def mqtt_metrics(port):
    """omniscient_mqtt_connects_total and the current omniscient_mqtt_status, from /metrics (None, None: absent)."""
    try:
        status, _, body, _ = omnilib.get(port, "/metrics", 5)
    except OSError:
        return None, None
    if status != 200:
        return None, None
    text = body.decode(errors="replace")
    connects = re.search(r"^omniscient_mqtt_connects_total (\d+)", text, re.M)
    current = re.search(r'^omniscient_mqtt_status\{status="(\w+)"\} 1', text, re.M)
    return (int(connects.group(1)) if connects else None), (current.group(1) if current else None)


class Broker:
    """A local Mosquitto on a loopback port with a generated config, restarted every restart_s seconds (same port)
    by a thread; after each restart omniscient must connect again within reconnect_timeout_s."""

    def __init__(self, out_dir, restart_s, reconnect_timeout_s=30):
        self.exe = shutil.which("mosquitto") or next(
            (p for p in ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto") if os.access(p, os.X_OK)), None)
        self.port = omnilib.free_port()
        self.out_dir = out_dir
        self.restart_s = restart_s
        self.reconnect_timeout_s = reconnect_timeout_s
        self.restarts = 0
        self.reconnects = 0
        self.missed = []
        self.proc = None
        self._stop = threading.Event()
        self.quiet = threading.Lock()  # held: no restart (while the soak measures the idle process)
        self._thread = None

    def url(self):
        return "mqtt://127.0.0.1:%d" % self.port

    def start(self):
        config = os.path.join(self.out_dir, "mosquitto.conf")
        with open(config, "w") as f:
            f.write("listener %d 127.0.0.1\nallow_anonymous true\npersistence false\n" % self.port)
        self.proc = omnilib.Process([self.exe, "-c", config], os.path.join(self.out_dir, "mosquitto.log"))
        if not omnilib.wait_until(lambda: self._listening(), 10):
            raise RuntimeError("mosquitto did not listen on port %d (see %s/mosquitto.log)"
                               % (self.port, self.out_dir))

    def _listening(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def watch(self, app_port):
        self._thread = threading.Thread(target=self._run, args=(app_port,), daemon=True)
        self._thread.start()

    def _run(self, app_port):
        while not self._stop.wait(self.restart_s):
            with self.quiet:
                self._restart(app_port)

    def _restart(self, app_port):
        before, _ = mqtt_metrics(app_port)
        self.proc.stop()
        self.restarts += 1
        try:
            self.start()
        except RuntimeError as e:
            self.missed.append(str(e))
            return
        deadline = time.monotonic() + self.reconnect_timeout_s
        while time.monotonic() < deadline and not self._stop.is_set():
            connects, status = mqtt_metrics(app_port)
            if connects is not None and before is not None and connects > before and status == "connected":
                self.reconnects += 1
                print("  mosquitto restarted (%d); omniscient reconnected" % self.restarts, flush=True)
                break
            time.sleep(0.5)
        else:
            if not self._stop.is_set():
                self.missed.append("restart %d: no reconnect within %d s" % (self.restarts, self.reconnect_timeout_s))

    def stop(self):
        self._stop.set()
        if self._thread:
            self._thread.join(self.reconnect_timeout_s + 15)
        if self.proc:
            self.proc.stop()


def mosquitto_missing_reason(usage):
    if "--mqtt " not in usage:
        return "this omniscient has no --mqtt"
    if not (shutil.which("mosquitto") or os.access("/usr/sbin/mosquitto", os.X_OK)):
        return "mosquitto is not installed (Debian: mosquitto; scripts/install-deps.sh --test)"
    return None


def wait_connected(port, timeout):
    return omnilib.wait_until(lambda: mqtt_metrics(port)[1] == "connected", timeout, 0.2)

