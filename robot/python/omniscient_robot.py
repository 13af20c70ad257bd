# SPDX-License-Identifier: MIT
"""Publish a robot's state to omniscient from Python.

A thin ctypes wrapper over libomniscient-robot.so.1, which is omni_shm.h's own writer compiled as a shared
library: the same seqlock, the same memory ordering (which pure Python cannot express on ARM), the same
rules (one writer per name, nothing left behind on failure). No third-party dependency.

    from omniscient_robot import Writer, State
    with Writer() as w:                 # OMNI_SHM_DEFAULT_NAME; raises OSError with errno on failure
        w.publish(State(direction=0, motor_power=(60, -60, 0), sensors=(0, 1, 1, 0, 0)))

Fields, units and signs are those of omni_state (docs/ROBOT.md). A Writer is not thread-safe: publish
from one thread, or hold one lock around publish() in every thread that does.

The library is found by its soname; set OMNISCIENT_ROBOT_LIB to a path to use another build of it.
"""

import ctypes
import os

__all__ = [
    "Writer", "State", "DEFAULT_NAME",
    "DIRECTION_STOPPED", "DIRECTION_FORWARD", "DIRECTION_BACKWARD", "DIRECTION_ROTATE_LEFT",
    "DIRECTION_ROTATE_RIGHT", "BOT_MODE_LINE_FOLLOWING", "BOT_MODE_OBSTACLE_TRACKING", "BOT_MODE_MANUAL",
    "OBSTACLE_MODE_TRACKING", "OBSTACLE_MODE_AVOIDANCE", "SENSOR_MODE_4_MAPPED", "SENSOR_MODE_5_WEIGHTED",
    "SENSOR_MODE_2_SIMPLE",
]

#: Segment name used when the robot does not choose one (OMNI_SHM_DEFAULT_NAME).
DEFAULT_NAME = "omnigod"

# The codes of omni_shm.h (OMNI_<FIELD>_<VALUE> there).
DIRECTION_STOPPED = -1
DIRECTION_FORWARD = 0
DIRECTION_BACKWARD = 1
DIRECTION_ROTATE_LEFT = 2
DIRECTION_ROTATE_RIGHT = 3
BOT_MODE_LINE_FOLLOWING = 0
BOT_MODE_OBSTACLE_TRACKING = 1
BOT_MODE_MANUAL = 2
OBSTACLE_MODE_TRACKING = 0
OBSTACLE_MODE_AVOIDANCE = 1
SENSOR_MODE_4_MAPPED = 0
SENSOR_MODE_5_WEIGHTED = 1
SENSOR_MODE_2_SIMPLE = 2


class State(ctypes.Structure):
    """One tick of the robot's state: omni_state, field for field (all int32).

    direction: DIRECTION_*; motor_power: (left, right, bottom) percent -100..100, > 0 pushes the robot
    clockwise seen from above; bot_mode: BOT_MODE_*; obstacle: 0 or non-zero; obstacle_mode: OBSTACLE_MODE_*;
    go_left/go_right: non-zero while steering that way; sensor_mode: SENSOR_MODE_*; sensors: five line
    sensors, 1 on the line. Fields not given are 0.
    """

    _fields_ = [
        ("direction", ctypes.c_int32),
        ("motor_power", ctypes.c_int32 * 3),
        ("bot_mode", ctypes.c_int32),
        ("obstacle", ctypes.c_int32),
        ("obstacle_mode", ctypes.c_int32),
        ("go_left", ctypes.c_int32),
        ("go_right", ctypes.c_int32),
        ("sensor_mode", ctypes.c_int32),
        ("sensors", ctypes.c_int32 * 5),
    ]

    def __init__(self, direction=0, motor_power=(0, 0, 0), bot_mode=0, obstacle=0, obstacle_mode=0, go_left=0,
                 go_right=0, sensor_mode=0, sensors=(0, 0, 0, 0, 0)):
        # Field by field: ctypes' own keyword __init__ converts tuples into array fields on a slow path.
        super().__init__()
        self.direction = direction
        self.bot_mode = bot_mode
        self.obstacle = obstacle
        self.obstacle_mode = obstacle_mode
        self.go_left = go_left
        self.go_right = go_right
        self.sensor_mode = sensor_mode
        m = self.motor_power
        m[0], m[1], m[2] = motor_power
        s = self.sensors
        s[0], s[1], s[2], s[3], s[4] = sensors

    def __repr__(self):
        parts = []
        for field, _ in self._fields_:
            value = getattr(self, field)
            parts.append(f"{field}={tuple(value) if hasattr(value, '__len__') else value}")
        return f"State({', '.join(parts)})"


if ctypes.sizeof(State) != 60:  # omni_shm.h pins sizeof(omni_state) == 60
    raise ImportError("omniscient_robot: State does not match omni_state (60 bytes)")


class _Options(ctypes.Structure):
    _fields_ = [("segment_mode", ctypes.c_uint32), ("wake_mode", ctypes.c_uint32), ("group", ctypes.c_int64)]


def _load():
    path = os.environ.get("OMNISCIENT_ROBOT_LIB") or "libomniscient-robot.so.1"
    lib = ctypes.CDLL(path, use_errno=True)
    lib.omni_writer_open_ex.argtypes = [ctypes.c_char_p, ctypes.POINTER(_Options)]
    lib.omni_writer_open_ex.restype = ctypes.c_void_p
    lib.omni_writer_options_default.argtypes = []
    lib.omni_writer_options_default.restype = _Options
    lib.omni_writer_publish.argtypes = [ctypes.c_void_p, ctypes.POINTER(State)]
    lib.omni_writer_publish.restype = ctypes.c_int
    lib.omni_writer_close.argtypes = [ctypes.c_void_p]
    lib.omni_writer_close.restype = None
    return lib


_lib = _load()


class Writer:
    """The robot's writer for segment `name`: omni_writer_open_ex() / publish / close.

    segment_mode, wake_mode and group are omni_writer_options (None = the header's default: 0644, a
    private 0600 wake-up segment, the process's group; wake_mode=0 makes no wake-up segment).
    Raises OSError with errno: EBUSY (another live robot writes this name), ENOSPC (/dev/shm full),
    EACCES/EPERM, EINVAL (bad name or mode).
    """

    def __init__(self, name=DEFAULT_NAME, *, segment_mode=None, wake_mode=None, group=None):
        options = _lib.omni_writer_options_default()
        if segment_mode is not None:
            options.segment_mode = segment_mode
        if wake_mode is not None:
            options.wake_mode = wake_mode
        if group is not None:
            options.group = group
        self.name = name
        self._w = _lib.omni_writer_open_ex(os.fsencode(name), ctypes.byref(options))
        if not self._w:
            err = ctypes.get_errno()
            raise OSError(err, f"{os.strerror(err)}: cannot open omniscient segment '{name}'")
        self._publish = _lib.omni_writer_publish

    def publish(self, state=None, **fields):
        """Publishes `state` (a State), or a State made from keyword fields. Never blocks."""
        if state is None:
            state = State(**fields)
        elif fields:
            raise TypeError("publish() takes a State or keyword fields, not both")
        if not self._w:
            raise ValueError("publish() on a closed Writer")
        rc = self._publish(self._w, state)
        if rc != 0:
            raise OSError(-rc, os.strerror(-rc))

    def close(self):
        """Removes the segment (if still this writer's) and releases the name. Safe to call twice."""
        if self._w:
            _lib.omni_writer_close(self._w)
            self._w = None

    @property
    def closed(self):
        """True after close()."""
        return not self._w

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        self.close()

