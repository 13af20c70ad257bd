/* SPDX-License-Identifier: MIT */
/**
 * @file omni_shm_writer.h
 * The robot's side of the contract in omni_shm.h: open a writer once, publish every tick, close it.
 * Included by omni_shm.h; include that one.
 *
 * Errors, one convention for the whole API:
 * - functions that return a pointer (omni_writer_open(), omni_writer_open_ex()) return NULL and set errno;
 * - functions that return int (omni_writer_publish(), omni_shm_path()) return 0 or a negative errno value
 *   (-EINVAL, ...) and leave errno alone, so that a publish never touches the thread's errno;
 * - omni_writer_close() cannot fail.
 *
 * Threading: an omni_writer is not thread-safe. Publish from one thread, or hold one lock around
 * omni_writer_publish() in every thread that publishes; omni_writer_close() must not run while a publish
 * on the same writer is in progress. Readers never block the writer.
 *
 * The functions are `static inline` by default (header-only). Defining OMNI_SHM_API before including the
 * header changes their linkage; robot/lib uses that to build libomniscient-robot.so.1 from these same bodies.
 */
#ifndef OMNISCIENT_OMNI_SHM_WRITER_H
#define OMNISCIENT_OMNI_SHM_WRITER_H

#include "omni_shm.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/futex.h>
#include <sys/syscall.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Strict ISO C with a system header before omni_shm.h: the C library was set up without POSIX and hid what
 * the writer needs. On LP64 Linux, off_t and time_t are 64-bit with no alternative symbols, so declaring the
 * few functions here is exact; elsewhere (32-bit, _FILE_OFFSET_BITS/_TIME_BITS redirections) it would not be. */
#if !defined(__cplusplus) && !defined(CLOCK_MONOTONIC)
#if defined(__linux__) && defined(__LP64__)
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
int clock_gettime(clockid_t clock_id, struct timespec *tp);
int ftruncate(int fd, off_t length);
int fchmod(int fd, mode_t mode);
int fchown(int fd, uid_t owner, gid_t group);
int posix_fallocate(int fd, off_t offset, off_t len);
#else
#error "omni_shm.h in strict ISO C: include it before other headers, or add -D_POSIX_C_SOURCE=200809L"
#endif
#endif
#if !defined(__cplusplus) && defined(__linux__) && !defined(__USE_MISC)
long syscall(long number, ...); /* hidden by strict ISO C and by _POSIX_C_SOURCE alone */
#endif

#ifndef OMNI_SHM_API
/** Linkage of the writer functions: `static inline` (header-only) unless defined before the include. */
#define OMNI_SHM_API static inline
#endif

/* Casts that are C casts in C and named casts in C++ (so -Wold-style-cast stays quiet). */
#ifdef __cplusplus
#define OMNI_SCAST(T, x) static_cast<T>(x)
#define OMNI_RCAST(T, x) reinterpret_cast<T>(x)
#else
#define OMNI_SCAST(T, x) ((T)(x))
#define OMNI_RCAST(T, x) ((T)(x))
#endif

/** Default permission bits of the segment: everyone may read (observers need read permission only). */
#define OMNI_SHM_DEFAULT_SEGMENT_MODE 0644U
/** Default permission bits of the wake-up segment: the robot's own user only. */
#define OMNI_SHM_DEFAULT_WAKE_MODE 0600U
/** omni_writer_options.group value that keeps the groups the segments are created with. */
#define OMNI_SHM_KEEP_GROUP (-1)

/**
 * How omni_writer_open_ex() creates the segments. Start from OMNI_WRITER_OPTIONS_INIT (or
 * omni_writer_options_default()) and change what you need; a field left alone keeps its default.
 *
 * The wake-up segment lets an observer sleep until the next publish instead of polling. Whoever may
 * write it can make every publish of the robot a system call (FUTEX_WAKE, a few microseconds): that is
 * why it is private to the robot's user by default. To let an observer running as another user (e.g.
 * the omniscient service) use it, put both in a group and choose wake_mode 0660 with that group;
 * 0666 lets any local user cost the robot that syscall. Observers that cannot open it poll, which
 * omniscient does by default anyway.
 */
typedef struct omni_writer_options {
    uint32_t segment_mode; /**< permission bits of the segment; default 0644 (readers need read only) */
    uint32_t wake_mode;    /**< permission bits of the wake-up segment; default 0600; 0 = make no wake segment */
    int64_t group;         /**< group id given to both segments (fchown), or OMNI_SHM_KEEP_GROUP (default) */
} omni_writer_options;

/** The defaults of omni_writer_options, as an initialiser. */
#define OMNI_WRITER_OPTIONS_INIT                                                                                       \
    {                                                                                                                  \
        OMNI_SHM_DEFAULT_SEGMENT_MODE, OMNI_SHM_DEFAULT_WAKE_MODE, OMNI_SHM_KEEP_GROUP                                 \
    }

/** A writer: the robot side's handle. Treat it as opaque; create it with omni_writer_open(). */
typedef struct omni_writer {
    omni_shm_segment *seg;                  /**< the mapped segment */
    omni_shm_wake *wake;                    /**< the mapped wake-up segment, or NULL when there is none */
    uint64_t sequence;                      /**< the writer's own copy of header.sequence (it is the only writer) */
    int fd;                                 /**< the segment, kept open: it carries the writer's flock() */
    int created;                            /**< non-zero when this writer created the segment (not taken over) */
    char name[OMNI_SHM_NAME_MAX + 8];       /**< "/name" */
    char wake_name[OMNI_SHM_NAME_MAX + 16]; /**< "/name.wake" */
} omni_writer;

/** Returns the default options (the same as OMNI_WRITER_OPTIONS_INIT). */
OMNI_SHM_API omni_writer_options omni_writer_options_default(void)
{
    omni_writer_options o = OMNI_WRITER_OPTIONS_INIT;
    return o;
}

/** CLOCK_MONOTONIC now, in nanoseconds (vDSO: no syscall on Linux). */
OMNI_SHM_API uint64_t omni_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return OMNI_SCAST(uint64_t, ts.tv_sec) * 1000000000ULL + OMNI_SCAST(uint64_t, ts.tv_nsec);
}

/** CLOCK_REALTIME now, in nanoseconds since the epoch. */
OMNI_SHM_API uint64_t omni_realtime_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return OMNI_SCAST(uint64_t, ts.tv_sec) * 1000000000ULL + OMNI_SCAST(uint64_t, ts.tv_nsec);
}

/**
 * Builds "/NAME" (and "/NAME.wake" when wake is non-zero) into out.
 * Returns 0, -EINVAL for an empty name, a name with a '/' after the optional leading one, or one longer
 * than OMNI_SHM_NAME_MAX, or -ENAMETOOLONG when out_size is too small.
 */
OMNI_SHM_API int omni_shm_path(const char *name, int wake, char *out, size_t out_size)
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

/* ---- internals (not API: names and behaviour may change) ---- */
#include "omni_shm_writer_internal.h"

/* ---- the API ---- */

/**
 * Opens the segment `name` (e.g. OMNI_SHM_DEFAULT_NAME) as its one writer and maps it once, with the
 * options `opt` (NULL = the defaults, see omni_writer_options).
 *
 * - A name nobody writes is created; a segment whose writer died (even by SIGKILL or power loss) is taken
 *   over at once and re-initialised (readers see a new writer generation).
 * - The memory is reserved up front, so a full /dev/shm is an error here, never a SIGBUS later.
 * - The wake-up segment is made too; when that fails (no room, a foreign file under its name) the writer
 *   works all the same and readers poll.
 * - On failure nothing this call created is left behind, and another writer's segment is untouched.
 *
 * Returns the writer, or NULL with errno: EBUSY another live process writes this name; ENOSPC no room in
 * /dev/shm; EACCES/EPERM a segment of another user, or a group the process may not give; EINVAL a bad name
 * or mode; ENOMEM; or what shm_open()/mmap() report.
 */
OMNI_SHM_API omni_writer *omni_writer_open_ex(const char *name, const omni_writer_options *opt)
{
    omni_writer_options o = opt != NULL ? *opt : omni_writer_options_default();
    omni_writer *w;
    void *p;
    uint64_t start_ns;
    int rc;

    if ((o.segment_mode & ~0777U) != 0 || (o.wake_mode & ~0777U) != 0 || (o.segment_mode & 0600U) != 0600U ||
        (o.wake_mode != 0 && (o.wake_mode & 0600U) != 0600U) || o.group < OMNI_SHM_KEEP_GROUP) {
        errno = EINVAL; /* the robot itself must be able to read and write what it creates */
        return NULL;
    }
    w = OMNI_SCAST(omni_writer *, calloc(1, sizeof(*w)));
    if (w == NULL) {
        return NULL;
    }
    w->fd = -1;
    rc = omni_shm_path(name, 0, w->name, sizeof(w->name));
    if (rc == 0) {
        rc = omni_shm_path(name, 1, w->wake_name, sizeof(w->wake_name));
    }
    if (rc != 0) {
        return omni_internal_fail(w, -rc);
    }
    w->fd = omni_internal_claim(w->name, OMNI_SCAST(mode_t, o.segment_mode), &w->created);
    if (w->fd < 0) {
        return omni_internal_fail(w, errno);
    }
    rc = omni_internal_prepare(w->fd, sizeof(omni_shm_segment), OMNI_SCAST(mode_t, o.segment_mode), o.group);
    if (rc != 0) {
        return omni_internal_fail(w, rc);
    }
    p = mmap(NULL, sizeof(omni_shm_segment), PROT_READ | PROT_WRITE, MAP_SHARED, w->fd, 0);
    if (p == MAP_FAILED) {
        return omni_internal_fail(w, errno);
    }
    w->seg = OMNI_SCAST(omni_shm_segment *, p);
    start_ns = omni_realtime_ns();
    omni_internal_initialise(w, start_ns);
    if (o.wake_mode != 0) {
        w->wake = omni_internal_open_wake(w->wake_name, OMNI_SCAST(mode_t, o.wake_mode), o.group, start_ns);
    } else {
        (void)shm_unlink(w->wake_name); /* a dead writer's would mislead readers into waiting */
    }
    __atomic_store_n(&w->seg->header.magic, OMNI_SHM_MAGIC, __ATOMIC_RELEASE);
    return w;
}

/** omni_writer_open_ex(name, NULL): the default options. NULL with errno on failure (see there). */
OMNI_SHM_API omni_writer *omni_writer_open(const char *name)
{
    return omni_writer_open_ex(name, NULL);
}

/**
 * Publishes one state: never blocks, never allocates, and makes no syscall unless a reader sleeps on
 * the wake-up segment (then one FUTEX_WAKE, after which the reader re-arms).
 * Returns 0, or -EINVAL for NULL arguments; errno is left alone.
 *
 * Threading: not thread-safe. One thread publishes on a given writer (or every publishing thread holds
 * the same lock around this call), and omni_writer_close() must not race a publish. Two threads that
 * publish concurrently corrupt the sequence; readers then see stale or skipped states, never torn ones.
 */
OMNI_SHM_API int omni_writer_publish(omni_writer *w, const omni_state *s)
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
            int saved = errno;
            __atomic_fetch_add(&w->wake->epoch, 1U, __ATOMIC_SEQ_CST);
            (void)syscall(SYS_futex, &w->wake->epoch, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
            errno = saved;
        }
    }
#endif
    return 0;
}

/**
 * Marks the segment as closed (readers notice at once), wakes sleeping readers, removes both names if
 * they are still this writer's (a segment someone else has since put under the name is left alone),
 * unmaps, releases the writer lock and frees the writer. Accepts NULL; cannot fail; keeps errno.
 */
OMNI_SHM_API void omni_writer_close(omni_writer *w)
{
    int saved = errno;
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
    }
    if (w->fd >= 0 && omni_internal_names_fd(w->name, w->fd)) {
        /* Still ours (we hold the lock): the wake-up name belongs to it too. */
        (void)shm_unlink(w->wake_name);
        (void)shm_unlink(w->name);
    }
    if (w->wake != NULL) {
        munmap(w->wake, sizeof(omni_shm_wake));
    }
    if (w->fd >= 0) {
        close(w->fd); /* releases the lock */
    }
    free(w);
    errno = saved;
}

#ifdef __cplusplus
} /* extern "C" */
#endif

#ifdef OMNI_SHM_DEFINED_POSIX_C_SOURCE
#undef _POSIX_C_SOURCE
#undef OMNI_SHM_DEFINED_POSIX_C_SOURCE
#endif

#endif /* OMNISCIENT_OMNI_SHM_WRITER_H */
