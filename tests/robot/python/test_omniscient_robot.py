# SPDX-License-Identifier: MIT
"""Unit tests of the omniscient_robot module over libomniscient-robot.so.1 (run by CTest:
PYTHONPATH = robot/python, OMNISCIENT_ROBOT_LIB = the built library)."""

import errno
import os
import signal
import struct
import subprocess
import sys
import unittest

import omniscient_robot
from omniscient_robot import State, Writer

MAGIC = 0x494E4D4F


def unique(test):
    return f"omni-test-py-{test}-{os.getpid()}"


def read_segment(name):
    with open(f"/dev/shm/{name}", "rb") as f:
        return f.read()


class WriterTest(unittest.TestCase):
    def setUp(self):
        self.name = unique(self.id().rsplit(".", 1)[-1])

    def tearDown(self):
        for path in (f"/dev/shm/{self.name}", f"/dev/shm/{self.name}.wake"):
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass

    def test_publish_puts_every_field_at_its_omni_shm_h_offset(self):
        with Writer(self.name) as w:
            w.publish(State(direction=3, motor_power=(60, -60, 7), bot_mode=2, obstacle=1, obstacle_mode=1,
                            go_left=1, go_right=0, sensor_mode=2, sensors=(0, 1, 1, 0, 1)))
            raw = read_segment(self.name)
        self.assertEqual(len(raw), 128)
        magic, abi, header_size, payload_size, pid = struct.unpack_from("<IIIIi", raw, 0)
        self.assertEqual((magic, abi, header_size, payload_size, pid), (MAGIC, 1, 64, 60, os.getpid()))
        sequence, = struct.unpack_from("<Q", raw, 32)
        self.assertEqual(sequence % 2, 0)
        self.assertEqual(struct.unpack_from("<15i", raw, 64),
                         (3, 60, -60, 7, 2, 1, 1, 1, 0, 2, 0, 1, 1, 0, 1))

    def test_keyword_publish_and_sequence_advances_by_two_per_publish(self):
        with Writer(self.name) as w:
            w.publish(direction=0)
            first, = struct.unpack_from("<Q", read_segment(self.name), 32)
            w.publish(direction=1, sensors=(1, 0, 0, 0, 0))
            raw = read_segment(self.name)
        self.assertEqual(struct.unpack_from("<Q", raw, 32)[0], first + 2)
        self.assertEqual(struct.unpack_from("<i", raw, 64)[0], 1)
        self.assertEqual(struct.unpack_from("<i", raw, 104)[0], 1)

    def test_context_manager_removes_the_segment(self):
        with Writer(self.name) as w:
            self.assertTrue(os.path.exists(f"/dev/shm/{self.name}"))
        self.assertTrue(w.closed)
        self.assertFalse(os.path.exists(f"/dev/shm/{self.name}"))
        self.assertFalse(os.path.exists(f"/dev/shm/{self.name}.wake"))
        w.close()  # twice is fine

    def test_second_writer_of_a_live_name_raises_ebusy(self):
        with Writer(self.name):
            with self.assertRaises(OSError) as caught:
                Writer(self.name)
            self.assertEqual(caught.exception.errno, errno.EBUSY)

    def test_dead_writers_segment_is_taken_over(self):
        code = ("import os, signal, omniscient_robot as r\n"
                f"w = r.Writer({self.name!r}); w.publish(direction=2)\n"
                "os.kill(os.getpid(), signal.SIGKILL)\n")
        proc = subprocess.run([sys.executable, "-c", code], check=False)
        self.assertEqual(proc.returncode, -signal.SIGKILL)
        self.assertTrue(os.path.exists(f"/dev/shm/{self.name}"))
        with Writer(self.name) as w:
            w.publish(direction=1)
            self.assertEqual(struct.unpack_from("<i", read_segment(self.name), 16)[0], os.getpid())

    def test_bad_name_and_bad_mode_raise_einval(self):
        with self.assertRaises(OSError) as caught:
            Writer("a/b")
        self.assertEqual(caught.exception.errno, errno.EINVAL)
        with self.assertRaises(OSError) as caught:
            Writer(self.name, segment_mode=0o444)
        self.assertEqual(caught.exception.errno, errno.EINVAL)
        self.assertFalse(os.path.exists(f"/dev/shm/{self.name}"))

    def test_options_set_modes_and_can_turn_the_wake_segment_off(self):
        with Writer(self.name, segment_mode=0o640, wake_mode=0o660):
            self.assertEqual(os.stat(f"/dev/shm/{self.name}").st_mode & 0o7777, 0o640)
            self.assertEqual(os.stat(f"/dev/shm/{self.name}.wake").st_mode & 0o7777, 0o660)
        with Writer(self.name, wake_mode=0):
            self.assertFalse(os.path.exists(f"/dev/shm/{self.name}.wake"))
        with Writer(self.name):
            self.assertEqual(os.stat(f"/dev/shm/{self.name}.wake").st_mode & 0o7777, 0o600)

    def test_publish_after_close_raises(self):
        w = Writer(self.name)
        w.close()
        with self.assertRaises(ValueError):
            w.publish(direction=0)

    def test_state_is_omni_state_and_has_a_readable_repr(self):
        self.assertEqual(len(bytes(State())), 60)
        self.assertIn("motor_power=(1, 2, 3)", repr(State(motor_power=(1, 2, 3))))
        self.assertEqual(omniscient_robot.DIRECTION_STOPPED, -1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
