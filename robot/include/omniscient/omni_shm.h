/* SPDX-License-Identifier: MIT */
/**
 * @file omni_shm.h
 * The shared-memory contract between a robot's control loop (the writer) and
 * observers such as omniscient (readers). This header is the single source of
 * truth for the layout: plain C11 in the compiler's default GNU dialect, also
 * valid C++, header-only, no dependency beyond the C library.
 *
 * A robot includes it and compiles with nothing more than
 *     cc -O2 -Wall -Wextra -Werror -Irobot/include robot.c
 * (glibc older than 2.34, e.g. Raspberry Pi OS bullseye, keeps shm_open() in librt: add -lrt there.
 * On 32-bit ARM before ARMv6K, 64-bit atomics may need -latomic.)
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
 * Wake-up side segment ("/omnigod.wake", mode 0666): observers may block on a
 * futex instead of polling. A reader sets `waiting`, re-checks the sequence
 * and sleeps on `epoch`; after each publish the writer loads `waiting` (one
 * plain load: no syscall in the common path) and only when it is set clears it,
 * bumps `epoch` and calls FUTEX_WAKE. A reader that cannot open this segment
 * polls instead. omniscient's reader sets `waiting` only when it cannot predict
 * the next publish (an irregular or idle robot): a steady robot is read on a
 * timer, so its publishes make no syscall at all.
 */
#ifndef OMNISCIENT_OMNI_SHM_H
#define OMNISCIENT_OMNI_SHM_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/futex.h>
#include <sys/syscall.h>
#endif

#if !defined(CLOCK_MONOTONIC)
#error "omni_shm.h needs POSIX: compile in the default GNU dialect (-std=gnu11) or define _DEFAULT_SOURCE first"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Casts that are C casts in C and named casts in C++ (so -Wold-style-cast stays quiet). */
#ifdef __cplusplus
#define OMNI_SCAST(T, x) static_cast<T>(x)
#define OMNI_RCAST(T, x) reinterpret_cast<T>(x)
#else
#define OMNI_SCAST(T, x) ((T)(x))
#define OMNI_RCAST(T, x) ((T)(x))
#endif

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

/** direction codes */
enum { OMNI_DIR_FORWARD = 0, OMNI_DIR_BACKWARD = 1, OMNI_DIR_ROTATE_LEFT = 2, OMNI_DIR_ROTATE_RIGHT = 3 };
/** bot_mode codes */
enum { OMNI_MODE_LINE_FOLLOWING = 0, OMNI_MODE_OBSTACLE_TRACKING = 1, OMNI_MODE_MANUAL = 2 };
/** obstacle_mode codes */
enum { OMNI_OBSTACLE_MODE_TRACKING = 0, OMNI_OBSTACLE_MODE_AVOIDANCE = 1 };
/** sensor_mode codes */
enum { OMNI_SENSOR_MODE_4_MAPPED = 0, OMNI_SENSOR_MODE_5_WEIGHTED = 1, OMNI_SENSOR_MODE_2_SIMPLE = 2 };
/** Number of line sensors in omni_state. */
#define OMNI_SENSOR_COUNT 5
/** Number of omni wheels (left, right, bottom). */
#define OMNI_MOTOR_COUNT 3

/** One tick of the robot's state. Every field is a plain int32_t; see the enums for codes. */
typedef struct omni_state {
    int32_t direction;                     /**< 0 forward, 1 backward, 2 rotate left, 3 rotate right, else stopped */
    int32_t motor_power[OMNI_MOTOR_COUNT]; /**< percent, -100..100: left, right, bottom wheel */
    int32_t bot_mode;                      /**< 0 line following, 1 obstacle tracking, 2 manual control */
    int32_t obstacle;                      /**< 0 none, otherwise detected */
    int32_t obstacle_mode;                 /**< 0 obstacle tracking, 1 obstacle avoidance */
    int32_t go_left;                       /**< non-zero while the robot steers left */
    int32_t go_right;                      /**< non-zero while the robot steers right */
    int32_t sensor_mode;                   /**< 0 "4 sensor mapped", 1 "5 sensor weighted", 2 "2 sensor simple" */
    int32_t sensors[OMNI_SENSOR_COUNT];    /**< line sensors, usually 0/1 */
} omni_state;

/** The header at offset 0 of the segment. */
typedef struct omni_shm_header {
    uint32_t magic;           /**< OMNI_SHM_MAGIC once initialised, 0 while (re)initialising */
    uint32_t abi_version;     /**< OMNI_SHM_ABI_VERSION of the writer */
    uint32_t header_size;     /**< sizeof(omni_shm_header) */
    uint32_t payload_size;    /**< sizeof(omni_state) */
    int32_t writer_pid;       /**< pid of the writer */
    uint32_t reserved0;       /**< zero */
    uint64_t writer_start_ns; /**< CLOCK_REALTIME at omni_writer_open(): tells writer generations apart */
    uint64_t sequence;        /**< seqlock counter: odd while writing */
    uint64_t publish_ns;      /**< CLOCK_MONOTONIC of the last publish */
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

/** The original robot's layout: no header, a `ver` counter bumped on each memcpy(). 56 bytes. */
typedef struct omni_legacy_shared {
    int32_t ver;            /**< bumped by the writer on every update */
    int32_t direction;      /**< as omni_state */
    int32_t motor_power[3]; /**< as omni_state */
    int32_t bot_mode;       /**< as omni_state */
    int32_t obstacle;       /**< as omni_state */
    int32_t go_left;        /**< as omni_state */
    int32_t go_right;       /**< as omni_state */
    int32_t sensor_mode;    /**< as omni_state */
    int32_t sensors[4];     /**< four line sensors */
} omni_legacy_shared;

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
OMNI_STATIC_ASSERT(sizeof(omni_legacy_shared) == 56, "the original layout is 56 bytes");
OMNI_STATIC_ASSERT(offsetof(omni_legacy_shared, sensors) == 40, "legacy sensors offset");

/** A writer: the robot side's handle. Treat it as opaque; create it with omni_writer_open(). */
typedef struct omni_writer {
    omni_shm_segment *seg;                  /**< the mapped segment */
    omni_shm_wake *wake;                    /**< the mapped wake-up segment, or NULL when it could not be made */
    uint64_t sequence;                      /**< the writer's own copy of header.sequence (it is the only writer) */
    char name[OMNI_SHM_NAME_MAX + 8];       /**< "/name" */
    char wake_name[OMNI_SHM_NAME_MAX + 16]; /**< "/name.wake" */
} omni_writer;

/** CLOCK_MONOTONIC now, in nanoseconds (vDSO: no syscall on Linux). */
static inline uint64_t omni_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return OMNI_SCAST(uint64_t, ts.tv_sec) * 1000000000ULL + OMNI_SCAST(uint64_t, ts.tv_nsec);
}

/** CLOCK_REALTIME now, in nanoseconds. */
static inline uint64_t omni_realtime_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return OMNI_SCAST(uint64_t, ts.tv_sec) * 1000000000ULL + OMNI_SCAST(uint64_t, ts.tv_nsec);
}

/**
 * Builds "/NAME" (and "/NAME.wake" when wake is non-zero) into out.
 * Returns 0, or -EINVAL for an empty name, a name with a '/' after the optional
 * leading one, or one longer than OMNI_SHM_NAME_MAX.
 */
static inline int omni_shm_path(const char *name, int wake, char *out, size_t out_size)
{
    size_t len;
    if (name == NULL) {
        return -EINVAL;
    }
    if (name[0] == '/') {
        ++name;
    }
    len = strlen(name);
    if (len == 0 || len > OMNI_SHM_NAME_MAX || strchr(name, '/') != NULL) {
        return -EINVAL;
    }
    if (out_size < len + sizeof(OMNI_SHM_WAKE_SUFFIX) + 1) {
        return -ENAMETOOLONG;
    }
    out[0] = '/';
    memcpy(out + 1, name, len);
    out[len + 1] = '\0';
    if (wake) {
        memcpy(out + len + 1, OMNI_SHM_WAKE_SUFFIX, sizeof(OMNI_SHM_WAKE_SUFFIX));
    }
    return 0;
}

/* Maps a freshly created or reused segment of exactly `size` bytes read-write; NULL with errno. */
static inline void *omni_internal_map_rw(const char *path, size_t size, mode_t mode)
{
    void *p;
    int saved;
    int fd = shm_open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode);
    if (fd < 0) {
        return NULL;
    }
    /* shm_open honours the umask; make the intended permissions explicit. */
    (void)fchmod(fd, mode);
    if (ftruncate(fd, OMNI_SCAST(off_t, size)) != 0) {
        saved = errno;
        close(fd);
        errno = saved;
        return NULL;
    }
    p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    saved = errno;
    close(fd);
    errno = saved;
    return p == MAP_FAILED ? NULL : p;
}

/**
 * Creates (or re-initialises) the segment `name` and maps it once.
 * An existing segment is re-initialised: an earlier writer may have died in the
 * middle of a publish. Also creates the wake-up side segment; when that fails
 * the writer works all the same and readers poll.
 * Returns the writer, or NULL with errno set (EINVAL for a bad name).
 */
static inline omni_writer *omni_writer_open(const char *name)
{
    omni_writer *w;
    omni_shm_header *h;
    uint64_t start_ns;
    int rc;

    w = OMNI_SCAST(omni_writer *, calloc(1, sizeof(*w)));
    if (w == NULL) {
        return NULL;
    }
    rc = omni_shm_path(name, 0, w->name, sizeof(w->name));
    if (rc == 0) {
        rc = omni_shm_path(name, 1, w->wake_name, sizeof(w->wake_name));
    }
    if (rc != 0) {
        free(w);
        errno = -rc;
        return NULL;
    }
    w->seg = OMNI_SCAST(omni_shm_segment *, omni_internal_map_rw(w->name, sizeof(omni_shm_segment), 0644));
    if (w->seg == NULL) {
        rc = errno;
        free(w);
        errno = rc;
        return NULL;
    }
    h = &w->seg->header;
    start_ns = omni_realtime_ns();

    /* Readers treat magic 0 as "initialising"; publish the rest before the magic. */
    __atomic_store_n(&h->magic, 0U, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    /* Re-initialise inside the seqlock (odd while writing), so that a reader that still saw the old
     * magic can never copy a mix of an earlier writer's words and zeros as a consistent state. */
    w->sequence = __atomic_load_n(&h->sequence, __ATOMIC_RELAXED) | 1U; /* odd */
    __atomic_store_n(&h->sequence, w->sequence, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    __atomic_store_n(&h->abi_version, OMNI_SHM_ABI_VERSION, __ATOMIC_RELAXED);
    __atomic_store_n(&h->header_size, OMNI_SCAST(uint32_t, sizeof(omni_shm_header)), __ATOMIC_RELAXED);
    __atomic_store_n(&h->payload_size, OMNI_SCAST(uint32_t, sizeof(omni_state)), __ATOMIC_RELAXED);
    __atomic_store_n(&h->writer_pid, OMNI_SCAST(int32_t, getpid()), __ATOMIC_RELAXED);
    __atomic_store_n(&h->reserved0, 0U, __ATOMIC_RELAXED);
    __atomic_store_n(&h->writer_start_ns, start_ns, __ATOMIC_RELAXED);
    __atomic_store_n(&h->publish_ns, OMNI_SCAST(uint64_t, 0U), __ATOMIC_RELAXED);
    __atomic_store_n(&h->reserved1[0], OMNI_SCAST(uint64_t, 0U), __ATOMIC_RELAXED);
    __atomic_store_n(&h->reserved1[1], OMNI_SCAST(uint64_t, 0U), __ATOMIC_RELAXED);
    {
        /* An earlier writer may have died mid-publish: never leave its half-written payload readable. */
        int32_t *words = OMNI_SCAST(int32_t *, OMNI_SCAST(void *, &w->seg->state));
        size_t i;
        for (i = 0; i < sizeof(omni_state) / sizeof(int32_t) + 1U; ++i) {
            __atomic_store_n(&words[i], 0, __ATOMIC_RELAXED);
        }
    }
    w->sequence += 1U; /* even: a value no reader has delivered before */
    __atomic_store_n(&h->sequence, w->sequence, __ATOMIC_RELEASE);

    w->wake = OMNI_SCAST(omni_shm_wake *, omni_internal_map_rw(w->wake_name, sizeof(omni_shm_wake), 0666));
    if (w->wake != NULL) {
        __atomic_store_n(&w->wake->writer_start_ns, start_ns, __ATOMIC_RELAXED);
        __atomic_store_n(&w->wake->magic, OMNI_SHM_WAKE_MAGIC, __ATOMIC_RELEASE);
    }
    __atomic_store_n(&h->magic, OMNI_SHM_MAGIC, __ATOMIC_RELEASE);
    return w;
}

/**
 * Publishes one state: never blocks, never allocates, and makes no syscall
 * unless a reader sleeps on the wake-up segment (then one FUTEX_WAKE, after
 * which the reader re-arms). Returns 0, or -EINVAL for NULL arguments.
 */
static inline int omni_writer_publish(omni_writer *w, const omni_state *s)
{
    const int32_t *src;
    int32_t *dst;
    size_t i;
    uint64_t seq;

    if (w == NULL || w->seg == NULL || s == NULL) {
        return -EINVAL;
    }
    seq = w->sequence;
    src = OMNI_SCAST(const int32_t *, OMNI_SCAST(const void *, s));
    dst = OMNI_SCAST(int32_t *, OMNI_SCAST(void *, &w->seg->state));

    __atomic_store_n(&w->seg->header.sequence, seq + 1U, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    for (i = 0; i < sizeof(omni_state) / sizeof(int32_t); ++i) {
        __atomic_store_n(&dst[i], src[i], __ATOMIC_RELAXED);
    }
    __atomic_store_n(&w->seg->header.publish_ns, omni_monotonic_ns(), __ATOMIC_RELAXED);
    seq += 2U;
    __atomic_store_n(&w->seg->header.sequence, seq, __ATOMIC_RELEASE);
    w->sequence = seq;

#ifdef __linux__
    if (w->wake != NULL) {
        /* Pairs with the reader's fence between setting `waiting` and re-reading the sequence. */
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        if (__atomic_load_n(&w->wake->waiting, __ATOMIC_RELAXED) != 0U &&
            __atomic_exchange_n(&w->wake->waiting, 0U, __ATOMIC_SEQ_CST) != 0U) {
            __atomic_fetch_add(&w->wake->epoch, 1U, __ATOMIC_SEQ_CST);
            (void)syscall(SYS_futex, &w->wake->epoch, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
        }
    }
#endif
    return 0;
}

/** Marks the segment as closed (readers notice at once), unmaps and unlinks both segments, frees the writer. Accepts
 * NULL. */
static inline void omni_writer_close(omni_writer *w)
{
    if (w == NULL) {
        return;
    }
    if (w->seg != NULL) {
        /* Tell readers at once that this writer is gone (magic 0), wake any that sleep, then leave. */
        __atomic_store_n(&w->seg->header.magic, 0U, __ATOMIC_RELEASE);
#ifdef __linux__
        if (w->wake != NULL) {
            __atomic_store_n(&w->wake->waiting, 0U, __ATOMIC_SEQ_CST);
            __atomic_fetch_add(&w->wake->epoch, 1U, __ATOMIC_SEQ_CST);
            (void)syscall(SYS_futex, &w->wake->epoch, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
        }
#endif
        munmap(w->seg, sizeof(omni_shm_segment));
        shm_unlink(w->name);
    }
    if (w->wake != NULL) {
        munmap(w->wake, sizeof(omni_shm_wake));
    }
    shm_unlink(w->wake_name); /* also when it was created but could not be mapped */
    free(w);
}

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* OMNISCIENT_OMNI_SHM_H */
