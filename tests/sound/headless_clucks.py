#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The robot clucks from the machine it runs on, without a screen: `omniscient --headless --simulate` against a
private PulseAudio whose only output is a null sink, the sink's monitor recorded with parec and measured here.

1. sound on: an audible cluck within 12 s (the built-in clucks: not a pure 1200 Hz tone);
2. POST /api/sound {"enabled":false}: silence for the next 12 s;
3. --sound-dir with one .ogg (a 1200 Hz tone made by sox): that tone is what is heard.

Exit 77 (CTest's skip) when pulseaudio, parec or sox are missing or PulseAudio cannot start here, with the reason.
Usage: headless_clucks.py OMNISCIENT_EXE
"""
import json
import math
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

RATE = 22050
WINDOW = RATE // 10  # 100 ms
AUDIBLE_RMS = 0.01  # a cluck is ~0.1; the null sink's silence is exactly 0
TONE_HZ = 1200


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(77)


def fail(why):
    print(f"FAIL: {why}")
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Pulse:
    """A private PulseAudio daemon with a null sink; its socket in its own runtime directory."""

    def __init__(self, base):
        self.dir = os.path.join(base, "pulse-runtime")
        os.makedirs(self.dir, mode=0o700)
        self.env = dict(os.environ, XDG_RUNTIME_DIR=self.dir, HOME=self.dir,
                        PULSE_SERVER=f"unix:{self.dir}/pulse/native")
        self.env.pop("DISPLAY", None)
        cmd = ["pulseaudio", "-n", "--daemonize=yes", "--use-pid-file=yes", "--exit-idle-time=-1",
               "--disallow-exit=yes", "--disable-shm=yes", f"--log-target=file:{self.dir}/pulse.log",
               "--load=module-null-sink sink_name=omni_null", "--load=module-native-protocol-unix"]
        r = subprocess.run(cmd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)
        if r.returncode != 0 or not self._wait_for(f"{self.dir}/pulse/native"):
            skip(f"PulseAudio did not start here (see {self.dir}/pulse.log)")

    @staticmethod
    def _wait_for(path, seconds=5):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if os.path.exists(path):
                return True
            time.sleep(0.05)
        return False

    def stop(self):
        try:
            with open(f"{self.dir}/pulse/pid") as f:
                os.kill(int(f.read().strip()), signal.SIGTERM)  # only the daemon started here, by its id
        except (OSError, ValueError):
            pass


class Recording:
    """parec on the null sink's monitor: 16-bit mono samples, read as they come."""

    def __init__(self, pulse, path):
        self.path = path
        self.file = open(path, "wb")
        self.proc = subprocess.Popen(
            ["parec", "-d", "omni_null.monitor", "--format=s16le", f"--rate={RATE}", "--channels=1",
             "--latency-msec=20"], env=pulse.env, stdout=self.file)

    def samples(self):
        if not self.file.closed:
            self.file.flush()
        with open(self.path, "rb") as f:
            data = f.read()
        n = len(data) // 2
        return struct.unpack(f"<{n}h", data[: 2 * n])

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=5)
        self.file.close()
        return self.samples()


def windows(samples):
    for at in range(0, len(samples) - WINDOW + 1, WINDOW):
        yield samples[at: at + WINDOW]


def rms(w):
    return math.sqrt(sum((v / 32768.0) ** 2 for v in w) / len(w))


def tone_share(w, hz=TONE_HZ):
    """How much of the window's energy is at `hz` (Goertzel), 0..1: a pure tone gives about 1."""
    k = 2 * math.cos(2 * math.pi * hz / RATE)
    s1 = s2 = 0.0
    for v in w:
        s0 = v + k * s1 - s2
        s2, s1 = s1, s0
    power = s1 * s1 + s2 * s2 - k * s1 * s2
    total = sum(v * v for v in w) * len(w) / 2
    return power / total if total > 0 else 0.0


def loud(samples):
    return [w for w in windows(samples) if rms(w) > AUDIBLE_RMS]


class Omniscient:
    def __init__(self, exe, pulse, extra):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([exe, "--headless", "--simulate", "--bind", "127.0.0.1", "--port",
                                      str(self.port), *extra], env=pulse.env, stdout=subprocess.DEVNULL,
                                     stderr=self.log)

    def sound(self, enabled=None):
        req = urllib.request.Request(self.base + "api/sound")
        if enabled is not None:
            req = urllib.request.Request(self.base + "api/sound", method="POST",
                                         data=json.dumps({"enabled": enabled}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=5) as r:
            return json.load(r)

    def wait_ready(self):
        end = time.monotonic() + 20
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                fail(f"omniscient exited with {self.proc.returncode}:\n{self.stderr()}")
            try:
                s = self.sound()
                if s.get("output") not in (None, "", "none"):
                    return s
            except OSError:
                pass
            time.sleep(0.2)
        fail(f"omniscient did not report an audio output within 20 s:\n{self.stderr()}")

    def stderr(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            fail("omniscient did not stop on SIGTERM within 10 s")


def record_until_audible(pulse, path, seconds):
    rec = Recording(pulse, path)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.5)
        if loud(rec.samples()):
            time.sleep(1.5)  # the rest of the sound
            return rec.stop(), True
    return rec.stop(), False


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    exe = sys.argv[1]
    for tool in ("pulseaudio", "parec", "sox"):
        if shutil.which(tool) is None:
            skip(f"{tool} is not installed (scripts/install-deps.sh --test installs it)")
    work = tempfile.mkdtemp(prefix="omni-clucks-")
    pulse = Pulse(work)
    try:
        # 1 + 2: the built-in clucks, then silence once the shared switch is off.
        omni = Omniscient(exe, pulse, [])
        try:
            state = omni.wait_ready()
            print(f"audio output reported by /api/sound: {state['output']!r}")
            if not state.get("enabled"):
                omni.sound(True)
            samples, heard = record_until_audible(pulse, os.path.join(work, "on.raw"), 12)
            if not heard:
                fail(f"sound on, but nothing audible within 12 s:\n{omni.stderr()}")
            clucks = loud(samples)
            best = max(tone_share(w) for w in clucks)
            print(f"sound on: {len(clucks)} loud 100 ms windows; largest {TONE_HZ} Hz share {best:.2f}")
            if best > 0.8:
                fail("the built-in clucks look like the test's pure tone: the tone check below could not fail")
            answer = omni.sound(False)
            if answer.get("enabled") is not False:
                fail(f"POST /api/sound false answered {answer}")
            time.sleep(0.3)  # the switch stops a playing sound at once; allow the sink's latency
            rec = Recording(pulse, os.path.join(work, "off.raw"))
            deadline = time.monotonic() + 20
            while len(rec.samples()) < 12 * RATE and time.monotonic() < deadline:
                time.sleep(0.5)
            off = rec.stop()
            if len(off) < 12 * RATE:
                fail(f"parec recorded only {len(off) / RATE:.1f} s in 20 s")
            noisy = loud(off)
            print(f"sound off: {len(off) / RATE:.1f} s recorded, {len(noisy)} loud windows")
            if noisy:
                fail(f"sound off, but {len(noisy)} audible 100 ms windows in the next 12 s")
        finally:
            omni.stop()

        # 3: the user's own .ogg is the one heard.
        sounds = os.path.join(work, "sounds")
        os.makedirs(sounds)
        subprocess.run(["sox", "-n", os.path.join(sounds, "tone.ogg"), "synth", "1.0", "sine", str(TONE_HZ),
                        "vol", "0.5"], check=True, stderr=subprocess.DEVNULL)
        omni = Omniscient(exe, pulse, ["--sound-dir", sounds])
        try:
            omni.wait_ready()
            omni.sound(True)
            end = time.monotonic() + 12
            found = False
            shares = []
            rec = Recording(pulse, os.path.join(work, "ogg.raw"))
            while time.monotonic() < end and not found:
                time.sleep(0.5)
                shares = [tone_share(w) for w in loud(rec.samples())]
                found = any(s > 0.8 for s in shares)
            rec.stop()
            print(f"--sound-dir: {len(shares)} loud windows; largest {TONE_HZ} Hz share "
                  f"{max(shares, default=0):.2f}")
            if not found:
                fail(f"the .ogg's {TONE_HZ} Hz tone was not heard within 12 s:\n{omni.stderr()}")
            if "tone.ogg" not in omni.stderr():
                fail(f"omniscient did not say which clucks it uses:\n{omni.stderr()}")
        finally:
            omni.stop()
    finally:
        pulse.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("PASS")


if __name__ == "__main__":
    main()
