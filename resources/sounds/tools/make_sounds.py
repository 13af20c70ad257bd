#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Synthesises omniscient's chicken sounds (no recordings involved) as 16-bit PCM mono WAV files.

A cluck is a buzzy source (band-limited sawtooth with a pitch contour, plus a little breath noise and a
beak click) shaped by three formant resonators and an amplitude envelope. Deterministic: the same script
always writes the same bytes. Python 3 standard library only.

Usage: make_sounds.py [OUTPUT_DIR]   (default: the directory above this script)
"""
import math
import os
import random
import struct
import sys
import wave

RATE = 22050


class Biquad:
    """RBJ band-pass (constant 0 dB peak gain)."""

    def __init__(self, freq, q):
        w = 2 * math.pi * freq / RATE
        alpha = math.sin(w) / (2 * q)
        a0 = 1 + alpha
        self.b0, self.b2 = alpha / a0, -alpha / a0
        self.a1, self.a2 = -2 * math.cos(w) / a0, (1 - alpha) / a0
        self.x1 = self.x2 = self.y1 = self.y2 = 0.0

    def __call__(self, x):
        y = self.b0 * x + self.b2 * self.x2 - self.a1 * self.y1 - self.a2 * self.y2
        self.x2, self.x1 = self.x1, x
        self.y2, self.y1 = self.y1, y
        return y


def envelope(t, dur, attack, release):
    if t < attack:
        return t / attack
    if t > dur - release:
        return max(0.0, (dur - t) / release)
    return 1.0


def syllable(dur, f0, formants, rng, breath=0.08, click=0.6, attack=0.006, release=0.04, vibrato=0.0,
             rough=0.0):
    """One vocal gesture. f0(x) gives the pitch in Hz for x in 0..1 of the duration."""
    n = int(dur * RATE)
    filters = [(Biquad(f, q), g) for f, q, g in formants]
    out = []
    phase = 0.0
    for i in range(n):
        t = i / RATE
        x = i / max(1, n - 1)
        f = f0(x) * (1 + vibrato * math.sin(2 * math.pi * 28 * t))
        if rough:
            f *= 1 + rough * (rng.random() - 0.5)  # jitter: a hoarse, squawky voice
        phase += f / RATE
        # Band-limited sawtooth: harmonics up to 0.45 * RATE.
        src = 0.0
        k = 1
        while k * f < 0.45 * RATE and k <= 40:
            src += math.sin(2 * math.pi * k * phase) / k
            k += 1
        src += breath * (rng.random() * 2 - 1)
        if t < 0.004:
            src += click * (rng.random() * 2 - 1) * (1 - t / 0.004)
        y = sum(g * flt(src) for flt, g in filters)
        out.append(y * envelope(t, dur, attack, release))
    return out


def mix(parts, total):
    buf = [0.0] * int(total * RATE)
    for start, samples, gain in parts:
        o = int(start * RATE)
        for i, s in enumerate(samples):
            if o + i < len(buf):
                buf[o + i] += gain * s
    return buf


def write(path, samples, peak_db=-3.0):
    peak = max(1e-9, max(abs(s) for s in samples))
    scale = (10 ** (peak_db / 20)) * 32767 / peak
    frames = b"".join(struct.pack("<h", max(-32768, min(32767, int(round(s * scale))))) for s in samples)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


HEN = [(850, 5, 1.0), (1750, 7, 0.7), (3100, 9, 0.35)]
HEN_OPEN = [(1000, 4, 1.0), (1900, 6, 0.8), (3300, 8, 0.4)]
SQUAWK = [(1200, 3, 1.0), (2400, 4, 0.9), (3600, 6, 0.6)]


def buk(rng, pitch=420.0, dur=0.075):
    return syllable(dur, lambda x: pitch * (1.15 - 0.35 * x), HEN, rng, release=0.03)


def gawk(rng, pitch=480.0, dur=0.32):
    # "ba-GAWK": rises fast, holds, falls; the mouth opens on the way.
    return syllable(dur, lambda x: pitch * (0.8 + 0.7 * math.sin(math.pi * min(1.0, x * 1.4))), HEN_OPEN, rng,
                    breath=0.12, attack=0.02, release=0.08, vibrato=0.02)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    rng = random.Random(20240611)

    write(os.path.join(out_dir, "cluck-1.wav"),
          mix([(0.02, buk(rng, 430), 1.0), (0.24, buk(rng, 390, 0.07), 0.7)], 0.42))
    write(os.path.join(out_dir, "cluck-2.wav"),
          mix([(0.02, buk(rng, 400), 0.9), (0.17, buk(rng, 420), 0.95), (0.32, buk(rng, 380, 0.09), 1.0)], 0.5))
    write(os.path.join(out_dir, "cluck-3.wav"),
          mix([(0.02, buk(rng, 410), 0.8), (0.18, buk(rng, 430), 0.85), (0.36, buk(rng, 520, 0.05), 0.6),
               (0.42, gawk(rng), 1.0)], 0.86))
    # Obstacle: two harsh, rising alarm squawks.
    squawk = lambda: syllable(0.2, lambda x: 620 + 480 * x, SQUAWK, rng, breath=0.25, attack=0.004, release=0.05,
                              rough=0.18)
    write(os.path.join(out_dir, "obstacle.wav"), mix([(0.01, squawk(), 1.0), (0.26, squawk(), 1.0)], 0.52))
    # Link lost: a long, falling, fading "bwaaaw".
    sad = syllable(0.9, lambda x: 560 * (1 - 0.62 * x), HEN_OPEN, rng, breath=0.1, attack=0.03, release=0.35,
                   vibrato=0.035)
    write(os.path.join(out_dir, "linklost.wav"), mix([(0.01, sad, 1.0)], 0.95))


if __name__ == "__main__":
    main()
