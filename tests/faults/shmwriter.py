#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A robot-side writer for fault injection, written straight into /dev/shm with the layout of
robot/include/omniscient/omni_shm.h: it can publish, stop in the middle of a publish, or write what no real
writer would (garbage, another ABI, another size).

As a program: shmwriter.py NAME --publish N [--then-stop-mid-publish]
publishes N states (direction = 1, 2, ...), then, with --then-stop-mid-publish, makes the sequence odd,
prints "mid-publish" and waits to be killed.
shmwriter.py NAME --legacy 56|64 --publish N is an original robot instead (no header: a plain struct of ints
whose first one, ver, is bumped on each update; see LegacyWriter), and prints "published" when done.
"""
import argparse
import mmap
import os
import struct
import sys
import time

MAGIC = 0x494E4D4F
ABI = 1
HEADER = struct.Struct("<IIIIiIQQQ16x")  # magic abi header_size payload_size pid reserved0 start_ns sequence publish_ns
STATE = struct.Struct("<15i")
SEGMENT_SIZE = 128
OFF_SEQUENCE = 32
OFF_PUBLISH = 40
OFF_STATE = 64


def shm_path(name):
    return "/dev/shm/" + name.lstrip("/")


def unlink(name):
    for path in (shm_path(name), shm_path(name) + ".wake"):
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def write_raw(name, data):
    """Replaces the segment by a new one (new inode) holding exactly `data`."""
    unlink(name)
    tmp = shm_path(name) + ".tmp%d" % os.getpid()
    with open(tmp, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o644)
    os.rename(tmp, shm_path(name))


def header_bytes(abi=ABI, header_size=64, payload_size=60, magic=MAGIC, sequence=0, publish_ns=0):
    return HEADER.pack(magic, abi, header_size, payload_size, os.getpid(), 0, time.time_ns(), sequence, publish_ns)


def state_words(direction):
    return [direction, 10, -10, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0]


def create_mapped(name, size, mode):
    """A fresh segment of `size` bytes (any old one unlinked first), mapped read-write."""
    unlink(name)
    fd = os.open(shm_path(name), os.O_RDWR | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.ftruncate(fd, size)
        return mmap.mmap(fd, size, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
    finally:
        os.close(fd)


class Writer:
    """A writer that owns a freshly created segment, mapped read-write."""

    def __init__(self, name, abi=ABI, size=SEGMENT_SIZE):
        self.name = name
        self.map = create_mapped(name, size, 0o644)
        self.sequence = 0
        self.map[0:64] = header_bytes(abi=abi, magic=0)
        struct.pack_into("<I", self.map, 0, MAGIC)  # the magic last: the segment is ready

    def publish(self, direction):
        struct.pack_into("<Q", self.map, OFF_SEQUENCE, self.sequence + 1)
        STATE.pack_into(self.map, OFF_STATE, *state_words(direction))
        struct.pack_into("<Q", self.map, OFF_PUBLISH, time.monotonic_ns())
        self.sequence += 2
        struct.pack_into("<Q", self.map, OFF_SEQUENCE, self.sequence)

    def begin_publish(self):
        """Makes the sequence odd and stops there, as a writer killed in the middle of a publish leaves it."""
        struct.pack_into("<Q", self.map, OFF_SEQUENCE, self.sequence + 1)
        STATE.pack_into(self.map, OFF_STATE, *state_words(-999))


LEGACY = {56: struct.Struct("<14i"), 64: struct.Struct("<16i")}


def legacy_fields(ver):
    """The fields of an original robot's update number `ver`, by name (the 64-byte layout has them all)."""
    return {
        "direction": ver % 4,
        "motor_power": [ver % 101, -(ver % 101), 7],
        "bot_mode": 1,
        "obstacle": 1,
        "obstacle_mode": 1,
        "go_left": 0,
        "go_right": 1,
        "sensor_mode": 1,
        "sensors": [1, 0, 1, ver % 2, 1],
    }


def legacy_words(ver, layout):
    f = legacy_fields(ver)
    if layout == 56:  # the blog's struct: no obstacle_mode, four sensors
        return [ver, f["direction"], *f["motor_power"], f["bot_mode"], f["obstacle"], f["go_left"], f["go_right"],
                f["sensor_mode"], *f["sensors"][:4]]
    return [ver, f["direction"], *f["motor_power"], f["bot_mode"], f["obstacle"], f["obstacle_mode"], f["go_left"],
            f["go_right"], f["sensor_mode"], *f["sensors"]]


class LegacyWriter:
    """An original robot: a segment exactly the size of its struct (56 or 64 bytes), rewritten whole on each
    update with ver bumped, no header and no seqlock."""

    def __init__(self, name, layout):
        self.layout = layout
        self.ver = 0
        self.map = create_mapped(name, layout, 0o666)

    def update(self):
        self.ver += 1
        LEGACY[self.layout].pack_into(self.map, 0, *legacy_words(self.ver, self.layout))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--publish", type=int, default=1)
    ap.add_argument("--interval", type=float, default=0.01)
    ap.add_argument("--then-stop-mid-publish", action="store_true")
    ap.add_argument("--legacy", type=int, choices=sorted(LEGACY), help="be an original robot of this layout")
    args = ap.parse_args()
    if args.legacy:
        legacy = LegacyWriter(args.name, args.legacy)
        for _ in range(args.publish):
            legacy.update()
            time.sleep(args.interval)
        print("published", flush=True)
        return 0
    w = Writer(args.name)
    for i in range(args.publish):
        w.publish(i + 1)
        time.sleep(args.interval)
    if args.then_stop_mid_publish:
        w.begin_publish()
        print("mid-publish", flush=True)
        while True:
            time.sleep(60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
