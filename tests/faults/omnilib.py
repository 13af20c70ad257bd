# SPDX-License-Identifier: MIT
"""Driving a real omniscient process from Python: start and stop it, read its memory, descriptors and CPU
from /proc, talk HTTP and WebSocket to it over loopback. Shared by tests/faults and scripts/soak.sh."""
import asyncio
import json
import os
import signal
import socket
import subprocess
import time

import websockets  # Debian: python3-websockets (scripts/install-deps.sh --test)

CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Process:
    """A child process with /proc readings."""

    def __init__(self, argv, log_path, env=None):
        self.argv = argv
        self.log = open(log_path, "ab")
        self.proc = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                     start_new_session=True)
        self.pid = self.proc.pid

    def alive(self):
        if self.proc.poll() is not None:
            return False
        try:
            with open("/proc/%d/stat" % self.pid) as f:
                return f.read().rsplit(")", 1)[1].split()[0] != "Z"
        except FileNotFoundError:
            return False

    def status(self, key):
        with open("/proc/%d/status" % self.pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        return 0

    def rss_kb(self):
        return self.status("VmRSS")

    def threads(self):
        return self.status("Threads")

    def fds(self):
        return len(os.listdir("/proc/%d/fd" % self.pid))

    def cpu_seconds(self):
        """User + system CPU time so far."""
        with open("/proc/%d/stat" % self.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def stop(self, sig=signal.SIGTERM, timeout=10):
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(sig)
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode

    def kill(self):
        return self.stop(signal.SIGKILL)


def start_omniscient(exe, shm, port, log_path, extra=(), headless=True):
    """headless=False: the window, rendered offscreen (the dashboard's painting is part of what runs)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    mode = ["--headless"] if headless else []
    return Process([exe, *mode, "--shm", shm, "--port", str(port), "--bind", "127.0.0.1", *extra], log_path, env)


def start_sim(exe, shm, log_path, rate=100, extra=()):
    return Process([exe, "--shm", shm, "--rate", str(rate), "--quiet", *extra], log_path)


def http_request(port, raw, timeout=5.0, read_all=True):
    """Sends raw bytes, returns (status, headers dict, body bytes, raw reply). status 0: no HTTP answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(raw)
        reply = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            reply += chunk
            if not read_all:
                head_end = reply.find(b"\r\n\r\n")
                if head_end >= 0:
                    length = _content_length(reply[:head_end])
                    if length is not None and len(reply) >= head_end + 4 + length:
                        break
    return parse_reply(reply)


def _content_length(head):
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return None


def parse_reply(reply):
    head_end = reply.find(b"\r\n\r\n")
    if not reply.startswith(b"HTTP/1.") or head_end < 0:
        return 0, {}, b"", reply
    lines = reply[:head_end].split(b"\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower().decode()] = value.strip().decode(errors="replace")
    return status, headers, reply[head_end + 4:], reply


def get(port, path, timeout=5.0):
    return http_request(port, b"GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" % path.encode(),
                        timeout, read_all=False)


def healthz(port, timeout=2.0):
    try:
        status, _, body, _ = get(port, "/healthz", timeout)
        return status == 200 and body.strip() == b"ok"
    except OSError:
        return False


async def _first_state(port, predicate, timeout):
    async with websockets.connect("ws://127.0.0.1:%d/ws" % port, open_timeout=timeout, max_size=2**20) as ws:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                message = json.loads(await asyncio.wait_for(ws.recv(), left))
            except asyncio.TimeoutError:
                return None
            if message.get("type") == "state" and predicate(message):
                return message


def state_reaches_fresh_client(port, predicate, timeout=10.0):
    """Connects a new WebSocket client and returns the first state message satisfying predicate, or None."""
    try:
        return asyncio.run(_first_state(port, predicate, timeout))
    except (OSError, websockets.exceptions.WebSocketException, asyncio.TimeoutError):
        return None


def wait_until(predicate, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


def ws_upgrade_request(port, path="/ws", extra=b""):
    return (b"GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n%s\r\n"
            % (path.encode(), port, extra))


def raw_ws(port, rcvbuf=None, timeout=5.0):
    """A raw upgraded WebSocket connection (a plain socket after the 101), for clients that misbehave."""
    s = socket.socket()
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(timeout)
    s.connect(("127.0.0.1", port))
    s.sendall(ws_upgrade_request(port))
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = s.recv(1)  # byte by byte: leave every frame after the head unread
        if not chunk:
            raise ConnectionError("closed during the handshake")
        head += chunk
    if not head.startswith(b"HTTP/1.1 101"):
        raise ConnectionError("upgrade refused: %r" % head[:60])
    return s


def masked_frame(opcode, payload, fin=True, length_override=None):
    """A client frame (masked, key 0). length_override lies about the payload length in the header."""
    n = len(payload) if length_override is None else length_override
    head = bytes([(0x80 if fin else 0) | opcode])
    if n < 126:
        head += bytes([0x80 | n])
    elif n <= 0xFFFF:
        head += bytes([0x80 | 126]) + n.to_bytes(2, "big")
    else:
        head += bytes([0x80 | 127]) + n.to_bytes(8, "big")
    return head + b"\0\0\0\0" + payload
