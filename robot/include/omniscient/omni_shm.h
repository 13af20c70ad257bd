/* SPDX-License-Identifier: MIT */
/**
 * @file omni_shm.h
 * The shared-memory contract between a robot's control loop (the writer) and
 * observers such as omniscient (readers). This header is the single source of
 * truth for the layout: plain C11, also valid C++11..C++20, header-only, no
 * dependency beyond the C library. It includes the writer API
 * (omni_shm_writer.h), so a robot includes this one file and compiles with
 *     cc -O2 -Wall -Wextra -Werror -Irobot/include robot.c
 * (glibc older than 2.34, e.g. Raspberry Pi OS bullseye, keeps shm_open() in librt: add -lrt there.
 * On 32-bit ARM before ARMv6K, 64-bit atomics may need -latomic.)
 *
 * Dialects: the compiler's default (gnu11/gnu17), -std=c11 and -std=c17 with or without -pedantic,
 * -std=c11 -D_POSIX_C_SOURCE=200809L and -std=c++11 .. -std=c++20 -pedantic all work with
 * -Wall -Wextra -Werror, whether this header comes first or after other system headers. One
 * exception: strict ISO C (-std=c11/c17 without _POSIX_C_SOURCE) on a 32-bit target, with another
 * system header included before this one, stops with an #error that names the flag to add.
 *
 * Reference for robot authors (fields, units, signs, errors, threading, options, Python): docs/ROBOT.md.
 *
 * Segment layout ("/omnigod" by default, mode 0644; readers need read permission only):
 *
 *     offset  size  field
 *          0     4  magic            OMNI_SHM_MAGIC, written last when the segment is ready
 *          4     4  abi_version      OMNI_SHM_ABI_VERSION
 *          8     4  header_size      sizeof(omni_shm_header) = 64
 *         12     4  payload_size     sizeof(omni_state) = 60
 *         16     4  writer_pid       the publishing process
 *         20     4  reserved0
 *         24     8  writer_start_ns  CLOCK_REALTIME when the writer opened the segment (its generation)
 *         32     8  sequence         seqlock: odd while a publish is in progress; publishes = sequence / 2
 *         40     8  publish_ns       CLOCK_MONOTONIC of the last publish (written inside the seqlock)
 *         48    16  reserved1
 *         64    60  omni_state       the payload (written inside the seqlock)
 *        124     4  reserved2        zero; the segment is 128 bytes
 *
 * Seqlock protocol: the writer stores sequence+1 (odd), a release fence, every
 * payload word, then sequence+2 (even) with release. A reader loads the
 * sequence with acquire, copies the words, issues an acquire fence and
 * re-loads the sequence; the copy is good when both loads are equal and even.
 * Every access is a word-sized atomic, so the protocol is data-race-free in the
 * C11/C++11 memory models.
 *
 * One writer per name: the writer holds an exclusive flock() on the segment for
 * as long as it lives; the kernel drops it when the process dies, so the next
 * writer takes a dead robot's segment over at once (see omni_writer_open_ex()).
 *
 * Wake-up side segment ("/omnigod.wake", mode 0600 by default): observers may
 * block on a futex instead of polling. A reader sets `waiting`, re-checks the
 * sequence and sleeps on `epoch`; after each publish the writer loads `waiting`
 * (one plain load: no syscall in the common path) and only when it is set
 * clears it, bumps `epoch` and calls FUTEX_WAKE. A reader that cannot open this
 * segment (no permission, or the writer made none) polls instead. omniscient's
 * reader sets `waiting` only when it cannot predict the next publish (an
 * irregular or idle robot): a steady robot is read on a timer, so its
 * publishes make no syscall at all.
 */
#ifndef OMNISCIENT_OMNI_SHM_H
#define OMNISCIENT_OMNI_SHM_H

/* Strict ISO C (-std=c11) hides POSIX. When this header comes first, ask the C library for POSIX.1-2008; the
 * macro is removed again at the end of omni_shm_writer.h. In the GNU dialects and in C++ nothing is defined. */
#if !defined(__cplusplus) && defined(__STRICT_ANSI__) && !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE) &&       \
    !defined(_GNU_SOURCE) && !defined(_DEFAULT_SOURCE) && !defined(_BSD_SOURCE)
#define _POSIX_C_SOURCE 200809L
#define OMNI_SHM_DEFINED_POSIX_C_SOURCE 1
#endif

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ======================================================================================================== */
/* Names and constants                                                                                      */
/* ======================================================================================================== */

/** Segment name used when the robot does not choose one. */
#define OMNI_SHM_DEFAULT_NAME "omnigod"
/** Suffix appended to the segment name for the wake-up side segment. */
#define OMNI_SHM_WAKE_SUFFIX ".wake"
/** "OMNI" read as a little-endian 32-bit word. */
#define OMNI_SHM_MAGIC 0x494E4D4FU
/** Bumped on every incompatible change of the header or the payload. */
#define OMNI_SHM_ABI_VERSION 1U
/** Magic of the wake-up side segment: "OWAK" little-endian. */
#define OMNI_SHM_WAKE_MAGIC 0x4B41574FU
/** Longest segment name accepted, without the leading slash and suffix. */
#define OMNI_SHM_NAME_MAX 200
/** Number of line sensors in omni_state. */
#define OMNI_SENSOR_COUNT 5
/**
 * Where the line sensors sit, as the original robot's observer draws them: the index in omni_state.sensors
 * of each position on the arc across the front, left to right. Its fifth sensor was added in the centre:
 *
 *              [1]       [2]            (a little higher)
 *        [0]        [4]        [3]
 *     edge                        edge   (the two edge sensors, left and right: drawn, fed by no field)
 *
 * Use it as an initialiser: `static const int order[OMNI_SENSOR_COUNT] = OMNI_SENSOR_LEFT_TO_RIGHT;`.
 * A robot with four sensors (the original 56-byte layout) uses [0] [1] [2] [3] at the same outer
 * positions; the centre position then has no sensor.
 */
/* clang-format off */
#define OMNI_SENSOR_LEFT_TO_RIGHT {0, 1, 4, 2, 3}
/* clang-format on */
/** Number of omni wheels (left, right, bottom). */
#define OMNI_MOTOR_COUNT 3

/* One naming scheme: OMNI_<FIELD>_<VALUE>, where FIELD is the omni_state field the code goes into. */

/** Codes of omni_state.direction: what the robot is doing. Any value outside 0..3 is shown as stopped. */
typedef enum omni_direction {
    OMNI_DIRECTION_STOPPED = -1,    /**< standing still on purpose (the value to use; any other outside 0..3 too) */
    OMNI_DIRECTION_FORWARD = 0,     /**< driving forward */
    OMNI_DIRECTION_BACKWARD = 1,    /**< reversing */
    OMNI_DIRECTION_ROTATE_LEFT = 2, /**< rotating on the spot, counter-clockwise seen from above */
    OMNI_DIRECTION_ROTATE_RIGHT = 3 /**< rotating on the spot, clockwise seen from above */
} omni_direction;

/** Codes of omni_state.bot_mode: who or what drives the robot. */
typedef enum omni_bot_mode {
    OMNI_BOT_MODE_LINE_FOLLOWING = 0,    /**< following the line under the front sensors */
    OMNI_BOT_MODE_OBSTACLE_TRACKING = 1, /**< dealing with an obstacle (see omni_state.obstacle_mode) */
    OMNI_BOT_MODE_MANUAL = 2             /**< a person drives it (manual control) */
} omni_bot_mode;

/** Codes of omni_state.obstacle_mode: what the robot does when it meets an obstacle. */
typedef enum omni_obstacle_mode {
    OMNI_OBSTACLE_MODE_TRACKING = 0, /**< follow the obstacle, keeping its distance */
    OMNI_OBSTACLE_MODE_AVOIDANCE = 1 /**< drive around the obstacle and back to the line */
} omni_obstacle_mode;

/** Codes of omni_state.sensor_mode: how the line follower weighs the front sensors. */
typedef enum omni_sensor_mode {
    OMNI_SENSOR_MODE_4_MAPPED = 0,   /**< "4 sensor mapped": sensors[0..3], the centre one ignored */
    OMNI_SENSOR_MODE_5_WEIGHTED = 1, /**< "5 sensor weighted": all five, weighted by position */
    OMNI_SENSOR_MODE_2_SIMPLE = 2    /**< "2 sensor simple": the two outer sensors only */
} omni_sensor_mode;

/* The names used before the scheme above, kept so that no robot breaks. They warn only when the robot asks
 * for it with -DOMNI_SHM_WARN_DEPRECATED (a warning by default would stop every robot built with -Werror). */
#if defined(OMNI_SHM_WARN_DEPRECATED)
#define OMNI_SHM_DEPRECATED_ALIAS(replacement) __attribute__((deprecated("use " replacement)))
#else
#define OMNI_SHM_DEPRECATED_ALIAS(replacement)
#endif
/** Deprecated names of omni_direction and omni_bot_mode codes; use the OMNI_DIRECTION_* and OMNI_BOT_MODE_* names. */
enum omni_deprecated_names {
    OMNI_DIR_FORWARD OMNI_SHM_DEPRECATED_ALIAS("OMNI_DIRECTION_FORWARD") = OMNI_DIRECTION_FORWARD,
    OMNI_DIR_BACKWARD OMNI_SHM_DEPRECATED_ALIAS("OMNI_DIRECTION_BACKWARD") = OMNI_DIRECTION_BACKWARD,
    OMNI_DIR_ROTATE_LEFT OMNI_SHM_DEPRECATED_ALIAS("OMNI_DIRECTION_ROTATE_LEFT") = OMNI_DIRECTION_ROTATE_LEFT,
    OMNI_DIR_ROTATE_RIGHT OMNI_SHM_DEPRECATED_ALIAS("OMNI_DIRECTION_ROTATE_RIGHT") = OMNI_DIRECTION_ROTATE_RIGHT,
    OMNI_MODE_LINE_FOLLOWING OMNI_SHM_DEPRECATED_ALIAS("OMNI_BOT_MODE_LINE_FOLLOWING") = OMNI_BOT_MODE_LINE_FOLLOWING,
    OMNI_MODE_OBSTACLE_TRACKING OMNI_SHM_DEPRECATED_ALIAS("OMNI_BOT_MODE_OBSTACLE_TRACKING") =
        OMNI_BOT_MODE_OBSTACLE_TRACKING,
    OMNI_MODE_MANUAL OMNI_SHM_DEPRECATED_ALIAS("OMNI_BOT_MODE_MANUAL") = OMNI_BOT_MODE_MANUAL
};

/* ======================================================================================================== */
/* The payload: one tick of the robot's state                                                               */
/* ======================================================================================================== */

/**
 * One tick of the robot's state. Every field is a plain int32_t (the codes are the enums above); the
 * robot fills all of it and publishes it with omni_writer_publish(). Units and signs:
 *
 * - Wheels: motor_power[0] is the left wheel, [1] the right wheel, [2] the bottom (rear) wheel of the
 *   three omni wheels 120 degrees apart, in percent of full power, -100..100 (0 = not driven). Sign: a
 *   positive power turns the wheel so that it pushes the robot clockwise seen from above; the dashboard's
 *   spin chevrons point that way. So driving forward is left > 0, right < 0, bottom about 0; rotating
 *   right on the spot is all three > 0, rotating left all three < 0.
 * - Line sensors: sensors[i] is 1 when sensor i sees the line (black tape), 0 when not; other values are
 *   shown as they are (the number, not "on"). The five sit on an arc across the front of the robot, left
 *   to right sensors[0], [1], [4], [2], [3] (OMNI_SENSOR_LEFT_TO_RIGHT): the original robot's order, whose
 *   fifth sensor was added in the centre. A robot with four sensors leaves sensors[4] at 0.
 */
typedef struct omni_state {
    int32_t direction;                     /**< omni_direction: OMNI_DIRECTION_*; anything outside 0..3 is stopped */
    int32_t motor_power[OMNI_MOTOR_COUNT]; /**< percent, -100..100, left/right/bottom; > 0 pushes clockwise */
    int32_t bot_mode;                      /**< omni_bot_mode: OMNI_BOT_MODE_* */
    int32_t obstacle;                      /**< the obstacle sensor: 0 nothing in the way, non-zero obstacle seen */
    int32_t obstacle_mode;                 /**< omni_obstacle_mode: OMNI_OBSTACLE_MODE_* */
    int32_t go_left;                       /**< non-zero while the line follower steers left (line to the left) */
    int32_t go_right;                      /**< non-zero while the line follower steers right (line to the right) */
    int32_t sensor_mode;                   /**< omni_sensor_mode: OMNI_SENSOR_MODE_* */
    int32_t sensors[OMNI_SENSOR_COUNT];    /**< 1 = on the line, 0 = off; left to right [0] [1] [4] [2] [3] */
} omni_state;

/* ======================================================================================================== */
/* The segment                                                                                              */
/* ======================================================================================================== */

/** The header at offset 0 of the segment. */
typedef struct omni_shm_header {
    uint32_t magic;           /**< OMNI_SHM_MAGIC once initialised, 0 while (re)initialising or after close */
    uint32_t abi_version;     /**< OMNI_SHM_ABI_VERSION of the writer */
    uint32_t header_size;     /**< sizeof(omni_shm_header), bytes */
    uint32_t payload_size;    /**< sizeof(omni_state), bytes */
    int32_t writer_pid;       /**< pid of the writer */
    uint32_t reserved0;       /**< zero */
    uint64_t writer_start_ns; /**< CLOCK_REALTIME at open, ns since the epoch: tells writer generations apart */
    uint64_t sequence;        /**< seqlock counter: odd while writing; publishes so far = sequence / 2 */
    uint64_t publish_ns;      /**< CLOCK_MONOTONIC of the last publish, ns (0 before the first one) */
    uint64_t reserved1[2];    /**< zero */
} omni_shm_header;

/** The whole segment. */
typedef struct omni_shm_segment {
    omni_shm_header header; /**< see omni_shm_header */
    omni_state state;       /**< the payload, guarded by header.sequence */
    int32_t reserved2;      /**< zero; makes the size an explicit 128 bytes */
} omni_shm_segment;

/** The wake-up side segment. */
typedef struct omni_shm_wake {
    uint32_t magic;           /**< OMNI_SHM_WAKE_MAGIC */
    uint32_t epoch;           /**< futex word: bumped by the writer before each FUTEX_WAKE */
    uint32_t waiting;         /**< set by a reader before it sleeps, cleared by the writer when it wakes */
    uint32_t reserved0;       /**< zero */
    uint64_t writer_start_ns; /**< same value as the main header's, so a reader can match generations */
    uint64_t reserved1[5];    /**< zero */
} omni_shm_wake;

/* The layout is pinned here, for C and C++ alike: a change that moves a field fails to compile. */
#ifdef __cplusplus
#define OMNI_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#else
#define OMNI_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif
OMNI_STATIC_ASSERT(sizeof(omni_state) == 60, "omni_state must be 60 bytes");
OMNI_STATIC_ASSERT(offsetof(omni_state, direction) == 0, "omni_state.direction offset");
OMNI_STATIC_ASSERT(offsetof(omni_state, motor_power) == 4, "omni_state.motor_power offset");
OMNI_STATIC_ASSERT(offsetof(omni_state, bot_mode) == 16, "omni_state.bot_mode offset");
OMNI_STATIC_ASSERT(offsetof(omni_state, obstacle) == 20, "omni_state.obstacle offset");
OMNI_STATIC_ASSERT(offsetof(omni_state, obstacle_mode) == 24, "omni_state.obstacle_mode offset");
OMNI_STATIC_ASSERT(offsetof(omni_state, go_left) == 28, "omni_state.go_left offset");
OMNI_STATIC_ASSERT(offsetof(omni_state, go_right) == 32, "omni_state.go_right offset");
OMNI_STATIC_ASSERT(offsetof(omni_state, sensor_mode) == 36, "omni_state.sensor_mode offset");
OMNI_STATIC_ASSERT(offsetof(omni_state, sensors) == 40, "omni_state.sensors offset");
OMNI_STATIC_ASSERT(sizeof(omni_shm_header) == 64, "omni_shm_header must be 64 bytes");
OMNI_STATIC_ASSERT(offsetof(omni_shm_header, abi_version) == 4, "header.abi_version offset");
OMNI_STATIC_ASSERT(offsetof(omni_shm_header, header_size) == 8, "header.header_size offset");
OMNI_STATIC_ASSERT(offsetof(omni_shm_header, payload_size) == 12, "header.payload_size offset");
OMNI_STATIC_ASSERT(offsetof(omni_shm_header, writer_pid) == 16, "header.writer_pid offset");
OMNI_STATIC_ASSERT(offsetof(omni_shm_header, writer_start_ns) == 24, "header.writer_start_ns offset");
OMNI_STATIC_ASSERT(offsetof(omni_shm_header, sequence) == 32, "header.sequence offset");
OMNI_STATIC_ASSERT(offsetof(omni_shm_header, publish_ns) == 40, "header.publish_ns offset");
OMNI_STATIC_ASSERT(offsetof(omni_shm_segment, state) == 64, "payload offset");
OMNI_STATIC_ASSERT(sizeof(omni_shm_segment) == 128, "segment must be 128 bytes");
OMNI_STATIC_ASSERT(sizeof(omni_shm_wake) == 64, "omni_shm_wake must be 64 bytes");
OMNI_STATIC_ASSERT(offsetof(omni_shm_wake, epoch) == 4, "wake.epoch offset");
OMNI_STATIC_ASSERT(offsetof(omni_shm_wake, waiting) == 8, "wake.waiting offset");
OMNI_STATIC_ASSERT(offsetof(omni_shm_wake, writer_start_ns) == 16, "wake.writer_start_ns offset");

/* ======================================================================================================== */
/* Legacy layouts: what robots written for the original observer put into the segment                      */
/* ======================================================================================================== */
/* Read-only descriptions for readers: such a robot writes a plain struct of ints with memcpy() (no header,
 * no seqlock, a `ver` counter bumped on each update) into a segment sized exactly like the struct, and
 * readers tell the layouts apart by that size. New robots use omni_state and the writer API below. */

/** The blog's original robot: 14 x int32 = 56 bytes, four line sensors, no obstacle_mode. */
typedef struct omni_legacy_shared {
    int32_t ver;            /**< bumped by the writer on every update */
    int32_t direction;      /**< as omni_state */
    int32_t motor_power[3]; /**< as omni_state */
    int32_t bot_mode;       /**< as omni_state */
    int32_t obstacle;       /**< as omni_state */
    int32_t go_left;        /**< as omni_state */
    int32_t go_right;       /**< as omni_state */
    int32_t sensor_mode;    /**< as omni_state */
    int32_t sensors[4];     /**< four line sensors, left to right */
} omni_legacy_shared;

OMNI_STATIC_ASSERT(sizeof(omni_legacy_shared) == 56, "the original layout is 56 bytes");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared, sensor_mode) == 36, "legacy sensor_mode offset");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared, sensors) == 40, "legacy sensors offset");

/** The original observer's last robot: 16 x int32 = 64 bytes, obstacle_mode and a fifth line sensor added.
 *  The same size as omni_shm_header: readers tell them apart by the first word (OMNI_SHM_MAGIC or not). */
typedef struct omni_legacy_shared64 {
    int32_t ver;            /**< bumped by the writer on every update */
    int32_t direction;      /**< as omni_state */
    int32_t motor_power[3]; /**< as omni_state */
    int32_t bot_mode;       /**< as omni_state */
    int32_t obstacle;       /**< as omni_state */
    int32_t obstacle_mode;  /**< as omni_state */
    int32_t go_left;        /**< as omni_state */
    int32_t go_right;       /**< as omni_state */
    int32_t sensor_mode;    /**< as omni_state */
    int32_t sensors[5];     /**< five line sensors, indexed as omni_state's */
} omni_legacy_shared64;

OMNI_STATIC_ASSERT(sizeof(omni_legacy_shared64) == 64, "the original's last layout is 64 bytes");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared64, direction) == 4, "legacy-64 direction offset");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared64, motor_power) == 8, "legacy-64 motor_power offset");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared64, bot_mode) == 20, "legacy-64 bot_mode offset");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared64, obstacle) == 24, "legacy-64 obstacle offset");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared64, obstacle_mode) == 28, "legacy-64 obstacle_mode offset");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared64, go_left) == 32, "legacy-64 go_left offset");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared64, go_right) == 36, "legacy-64 go_right offset");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared64, sensor_mode) == 40, "legacy-64 sensor_mode offset");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared64, sensors) == 44, "legacy-64 sensors offset");

#ifdef __cplusplus
} /* extern "C" */
#endif

/* The writer API: omni_writer_open(), omni_writer_publish(), omni_writer_close(). */
#include "omni_shm_writer.h"

#endif /* OMNISCIENT_OMNI_SHM_H */
