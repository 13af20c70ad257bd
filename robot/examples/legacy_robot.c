/* SPDX-License-Identifier: MIT */
/*
 * legacy_robot.c - a faithful re-creation of the ORIGINAL chicken robot's shared-memory writer, as the blog post
 * the project grew from describes it (the layout is omni_legacy_shared in robot/include/omniscient/omni_shm.h, the
 * legacy layouts are explained in docs/ROBOT.md): a plain 56-byte `Shared` struct of ints, no header, no seqlock,
 * copied with memcpy() into the segment "omnigod" on every update, `ver` bumped each time. omniscient must still
 * read it. With --layout 64 it writes the original's last struct instead (omni_legacy_shared64: 64 bytes,
 * obstacle_mode after obstacle and a fifth sensor), in the same way.
 *
 * Deliberately kept as it was (do not "fix" it: the reader's tests use this process as the real legacy writer):
 * - the mapping is made once (create_shared) and kept; update_shared() bumps ver and memcpy()s the whole struct;
 * - no atomics and no barriers: a reader can see a torn copy, or a new ver with old fields;
 * - the segment is exactly sizeof(Shared) = 56 bytes (sizeof(Shared64) = 64 with --layout 64), mode 0666.
 *
 * The values come from the simulated robot: update number n (ver == n) carries the state after n steps of
 * 1/HZ seconds of omni_sim seeded with N; legacy sensors[i] = simulated sensors[i] for i < 4 and obstacle_mode
 * is not sent (the original struct had no such field); with --layout 64, obstacle_mode and all five sensors
 * are. Before the first update the segment holds ver 0, direction -1 and zeros.
 *
 * Usage: omni-legacy-robot [--shm NAME] [--rate HZ] [--duration S] [--seed N] [--layout 56|64]
 * On SIGINT/SIGTERM or at the end of the duration it unmaps and unlinks the segment and exits 0.
 */
#if !defined(_POSIX_C_SOURCE) && !defined(_GNU_SOURCE)
#define _POSIX_C_SOURCE 200809L /* sigaction, clock_nanosleep, shm_open: also under -std=c11 */
#endif
#include "omni_sim_model.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int ver;
    int direction;
    int motor_power[3];
    int bot_mode;
    int obstacle;
    int go_left;
    int go_right;
    int sensor_mode;
    int sensors[4];
} Shared;

_Static_assert(sizeof(Shared) == 56, "the original struct is 56 bytes");
_Static_assert(sizeof(Shared) == sizeof(omni_legacy_shared), "omni_shm.h describes the same layout");
_Static_assert(offsetof(Shared, sensors) == offsetof(omni_legacy_shared, sensors), "same sensors offset");

/* The original's last robot. */
typedef struct {
    int ver;
    int direction;
    int motor_power[3];
    int bot_mode;
    int obstacle;
    int obstacle_mode;
    int go_left;
    int go_right;
    int sensor_mode;
    int sensors[5];
} Shared64;

_Static_assert(sizeof(Shared64) == 64, "the original's last struct is 64 bytes");
_Static_assert(sizeof(Shared64) == sizeof(omni_legacy_shared64), "omni_shm.h describes the same layout");
_Static_assert(offsetof(Shared64, obstacle_mode) == offsetof(omni_legacy_shared64, obstacle_mode),
               "same obstacle_mode offset");
_Static_assert(offsetof(Shared64, sensors) == offsetof(omni_legacy_shared64, sensors), "same sensors offset");

/* The fields both structs have, from the simulated state; `sensors` takes as many as the struct has. */
#define COPY_FIELDS(dst, src)                                                                                          \
    do {                                                                                                               \
        (dst).direction = (src).direction;                                                                             \
        memcpy((dst).motor_power, (src).motor_power, sizeof((dst).motor_power));                                       \
        (dst).bot_mode = (src).bot_mode;                                                                               \
        (dst).obstacle = (src).obstacle;                                                                               \
        (dst).go_left = (src).go_left;                                                                                 \
        (dst).go_right = (src).go_right;                                                                               \
        (dst).sensor_mode = (src).sensor_mode;                                                                         \
        memcpy((dst).sensors, (src).sensors, sizeof((dst).sensors));                                                   \
    } while (0)

static void *shared_mem_ptr = NULL;
static char shared_name[OMNI_SHM_NAME_MAX + 8];
static volatile sig_atomic_t stop_requested = 0;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* Creates the segment of `size` bytes, maps it once and copies the initial struct in. Returns the fd, or -1. */
static int create_shared(const void *shared, size_t size)
{
    int fd = shm_open(shared_name, O_CREAT | O_RDWR, 0666);
    if (fd < 0) {
        return -1;
    }
    if (ftruncate(fd, (off_t)size) != 0) {
        close(fd);
        return -1;
    }
    shared_mem_ptr = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (shared_mem_ptr == MAP_FAILED) {
        shared_mem_ptr = NULL;
        close(fd);
        return -1;
    }
    memcpy(shared_mem_ptr, shared, size);
    return fd;
}

/* Bumps `ver` (a field of `shared`), then copies the whole struct, as the original did. */
static void update_shared(int shared_fd, const void *shared, int *ver, size_t size)
{
    (void)shared_fd;
    ++*ver;
    memcpy(shared_mem_ptr, shared, size);
}

static int usage_error(const char *flag, const char *expected, const char *got)
{
    fprintf(stderr, "omni-legacy-robot: %s expects %s, got '%s'; try --help\n", flag, expected, got ? got : "");
    return 2;
}

int main(int argc, char **argv)
{
    const char *name = OMNI_SHM_DEFAULT_NAME;
    double rate = 50.0, duration = 0.0, seconds;
    unsigned long seed = 1;
    Shared shared = {.ver = 0, .direction = -1};
    Shared64 shared64 = {.ver = 0, .direction = -1};
    int layout = 56;
    struct sigaction sa;
    struct timespec next, start, now;
    long long period_ns;
    omni_sim sim;
    omni_state state;
    int shared_fd, i;

    for (i = 1; i < argc; i += 2) { /* every option but --help takes a value */
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        char *end = NULL;
        if (strcmp(argv[i], "--help") == 0) {
            printf("Usage: omni-legacy-robot [--shm NAME] [--rate HZ] [--duration S] [--seed N] [--layout 56|64]\n"
                   "The original robot's writer: a 56-byte struct (or, with --layout 64, its last version's 64-byte\n"
                   "struct) memcpy()'d into /dev/shm/NAME (default %s).\n",
                   OMNI_SHM_DEFAULT_NAME);
            return 0;
        } else if (strcmp(argv[i], "--shm") == 0) {
            if (value == NULL || omni_shm_path(value, 0, shared_name, sizeof(shared_name)) != 0) {
                return usage_error(argv[i], "a segment name without '/'", value);
            }
            name = value;
        } else if (strcmp(argv[i], "--rate") == 0) {
            rate = value ? strtod(value, &end) : 0.0;
            if (value == NULL || end == value || *end != '\0' || !(rate > 0.0) || rate > 1e6) {
                return usage_error(argv[i], "a rate in Hz, 0 < HZ <= 1000000", value);
            }
        } else if (strcmp(argv[i], "--duration") == 0) {
            duration = value ? strtod(value, &end) : -1.0;
            if (value == NULL || end == value || *end != '\0' || !(duration >= 0.0) || duration > 1e9) {
                return usage_error(argv[i], "a duration in seconds >= 0 (0 = forever)", value);
            }
        } else if (strcmp(argv[i], "--seed") == 0) {
            seed = value ? strtoul(value, &end, 10) : 0UL;
            if (value == NULL || end == value || *end != '\0' || value[0] == '-' || seed > 0xFFFFFFFFUL) {
                return usage_error(argv[i], "an integer 0..4294967295", value);
            }
        } else if (strcmp(argv[i], "--layout") == 0) {
            if (value == NULL || (strcmp(value, "56") != 0 && strcmp(value, "64") != 0)) {
                return usage_error(argv[i], "56 (the blog's struct) or 64 (the original's last struct)", value);
            }
            layout = atoi(value);
        } else {
            fprintf(stderr, "omni-legacy-robot: unknown option '%s'; try --help\n", argv[i]);
            return 2;
        }
    }
    if (omni_shm_path(name, 0, shared_name, sizeof(shared_name)) != 0) {
        return usage_error("--shm", "a segment name without '/'", name);
    }

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    shared_fd = layout == 64 ? create_shared(&shared64, sizeof(shared64)) : create_shared(&shared, sizeof(shared));
    if (shared_fd < 0) {
        fprintf(stderr, "omni-legacy-robot: cannot create %s: %s\n", shared_name, strerror(errno));
        return 1;
    }

    omni_sim_init(&sim, (uint32_t)seed);
    period_ns = llround(1e9 / rate);
    period_ns = period_ns > 0 ? period_ns : 1;
    clock_gettime(CLOCK_MONOTONIC, &start);
    next = start;
    while (!stop_requested) {
        omni_sim_step(&sim, 1.0 / rate, &state);
        if (layout == 64) {
            COPY_FIELDS(shared64, state);
            shared64.obstacle_mode = state.obstacle_mode;
            update_shared(shared_fd, &shared64, &shared64.ver, sizeof(shared64));
        } else {
            COPY_FIELDS(shared, state);
            update_shared(shared_fd, &shared, &shared.ver, sizeof(shared));
        }

        next.tv_sec += (time_t)(period_ns / 1000000000LL);
        next.tv_nsec += (long)(period_ns % 1000000000LL);
        if (next.tv_nsec >= 1000000000L) {
            next.tv_nsec -= 1000000000L;
            ++next.tv_sec;
        }
        seconds = (double)(next.tv_sec - start.tv_sec) + (double)(next.tv_nsec - start.tv_nsec) * 1e-9;
        if (duration > 0.0 && seconds >= duration) {
            break; /* the next update would come after the end */
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        if ((double)(next.tv_sec - now.tv_sec) + (double)(next.tv_nsec - now.tv_nsec) * 1e-9 < -0.1) {
            next = now; /* far behind: skip ahead rather than burst */
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
    }

    munmap(shared_mem_ptr, layout == 64 ? sizeof(Shared64) : sizeof(Shared));
    close(shared_fd);
    shm_unlink(shared_name);
    return 0;
}
