/* SPDX-License-Identifier: MIT */
/*
 * omni-bench-robot: the robot side of the benchmarks. Publishes a state at a steady rate into
 *   - an omni_shm.h segment (omni_writer_publish), timing every call and noting each FUTEX_WAKE it makes;
 *   - optionally the original 56-byte `Shared` segment, written like the original robot (memcpy of the
 *     whole struct with `ver` bumped), plus a side table NAME.clock of publish times indexed by `ver`,
 *     because the original layout carries no timestamp and the baseline's latency must be measured too.
 * On exit (duration over, SIGINT or SIGTERM) it writes per-call statistics as JSON (--stats).
 */
#include <omniscient/omni_shm.h>

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#define BENCH_HAVE_TSC 1
#endif

/* NAME.clock: a header, then the publish time (CLOCK_REALTIME ns) of `ver` in slot ver % CLOCK_SLOTS. */
#define CLOCK_SLOTS 1048576U
#define CLOCK_MAGIC 0x4B434F4C43424FULL /* "OBCLOCK" */
typedef struct bench_clock {
    int64_t magic;      /* CLOCK_MAGIC once the header is valid */
    int64_t slots;      /* CLOCK_SLOTS */
    int64_t seq_offset; /* omni_shm.h publish count (sequence / 2) of the publish with ver = k is seq_offset + k */
    int64_t reserved[5];
    int64_t t[CLOCK_SLOTS];
} bench_clock;
#define MAX_SAMPLES 20000000UL

static volatile sig_atomic_t g_stop = 0;

static void on_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

/* A cycle counter when there is one (cheap enough to time a ~20 ns call), else the monotonic clock. */
static inline uint64_t ticks_now(void)
{
#ifdef BENCH_HAVE_TSC
    uint64_t t;
    _mm_lfence();
    t = __rdtsc();
    _mm_lfence();
    return t;
#else
    return omni_monotonic_ns();
#endif
}

/* Nanoseconds per tick of ticks_now(), measured against CLOCK_MONOTONIC over ~50 ms. */
static double calibrate_ns_per_tick(void)
{
#ifdef BENCH_HAVE_TSC
    struct timespec pause = {0, 50000000L};
    uint64_t m0 = omni_monotonic_ns();
    uint64_t t0 = ticks_now();
    uint64_t m1;
    uint64_t t1;
    nanosleep(&pause, NULL);
    m1 = omni_monotonic_ns();
    t1 = ticks_now();
    return (double)(m1 - m0) / (double)(t1 - t0);
#else
    return 1.0;
#endif
}

/* The median cost of timing nothing, in ticks: subtracted from every sample. */
static uint64_t timer_overhead(void)
{
    uint64_t best[101];
    int i, j;
    for (i = 0; i < 101; ++i) {
        uint64_t a = ticks_now();
        uint64_t b = ticks_now();
        best[i] = b - a;
    }
    for (i = 1; i < 101; ++i) { /* insertion sort: 101 values */
        uint64_t v = best[i];
        for (j = i - 1; j >= 0 && best[j] > v; --j) {
            best[j + 1] = best[j];
        }
        best[j + 1] = v;
    }
    return best[50];
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static double rank(const uint32_t *sorted, size_t n, double q)
{
    size_t r;
    if (n == 0) {
        return 0.0;
    }
    r = (size_t)ceil(q * (double)n);
    if (r < 1) {
        r = 1;
    }
    if (r > n) {
        r = n;
    }
    return (double)sorted[r - 1];
}

static void print_summary(FILE *out, const char *key, uint32_t *v, size_t n, double ns_per_tick, int last)
{
    double sum = 0.0;
    size_t i;
    qsort(v, n, sizeof(*v), cmp_u32);
    for (i = 0; i < n; ++i) {
        sum += (double)v[i];
    }
    fprintf(out,
            "  \"%s\": {\"count\": %zu, \"min\": %.1f, \"p50\": %.1f, \"p90\": %.1f, \"p99\": %.1f, \"p999\": %.1f, "
            "\"max\": %.1f, \"mean\": %.1f}%s\n",
            key, n, n ? v[0] * ns_per_tick : 0.0, rank(v, n, 0.5) * ns_per_tick, rank(v, n, 0.9) * ns_per_tick,
            rank(v, n, 0.99) * ns_per_tick, rank(v, n, 0.999) * ns_per_tick, n ? v[n - 1] * ns_per_tick : 0.0,
            n ? sum / (double)n * ns_per_tick : 0.0, last ? "" : ",");
}

/* Creates (or reuses) a plain read-write segment of `size` bytes, as the original robot's create_shared(). */
static void *map_plain(const char *name, size_t size, char *path, size_t path_size)
{
    void *p;
    int fd;
    if (omni_shm_path(name, 0, path, path_size) != 0) {
        errno = EINVAL;
        return NULL;
    }
    fd = shm_open(path, O_CREAT | O_RDWR, 0644);
    if (fd < 0) {
        return NULL;
    }
    (void)fchmod(fd, 0644);
    if (ftruncate(fd, (off_t)size) != 0) {
        close(fd);
        return NULL;
    }
    p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    return p == MAP_FAILED ? NULL : p;
}

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: omni-bench-robot --shm NAME [--legacy NAME] [--rate HZ | --tight] [--duration S] [--stats FILE]\n"
            "Publishes at HZ (default 1000) for S seconds (default 10; 0 = until SIGTERM) into the omni_shm.h\n"
            "segment NAME and, with --legacy, the original 56-byte segment plus its NAME.clock time table.\n"
            "--tight publishes back to back without sleeping (to count syscalls per publish).\n"
            "Writes per-call publish statistics as JSON to FILE (default: stdout).\n");
}

int main(int argc, char **argv)
{
    const char *name = NULL;
    const char *legacy_name = NULL;
    const char *stats_path = NULL;
    double rate = 1000.0;
    double duration = 10.0;
    int tight = 0;
    struct sigaction sa;
    omni_writer *w;
    omni_legacy_shared *legacy = NULL;
    bench_clock *clock_table = NULL;
    char legacy_path[OMNI_SHM_NAME_MAX + 16] = "";
    char clock_path[OMNI_SHM_NAME_MAX + 32] = "";
    uint32_t *cost_all, *cost_quiet, *cost_wake, *cost_legacy;
    size_t n_all = 0, n_quiet = 0, n_wake = 0, n_legacy = 0, cap;
    uint64_t overhead, wakes = 0, late = 0;
    double ns_per_tick;
    long long period_ns;
    struct timespec next, start, now;
    omni_legacy_shared shared;
    int i;
    FILE *out;

    for (i = 1; i < argc; ++i) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "--tight") == 0) {
            tight = 1;
            continue;
        }
        if (v == NULL) {
            usage(stderr);
            return 2;
        }
        if (strcmp(a, "--shm") == 0) {
            name = v;
        } else if (strcmp(a, "--legacy") == 0) {
            legacy_name = v;
        } else if (strcmp(a, "--rate") == 0) {
            rate = atof(v);
        } else if (strcmp(a, "--duration") == 0) {
            duration = atof(v);
        } else if (strcmp(a, "--stats") == 0) {
            stats_path = v;
        } else {
            usage(stderr);
            return 2;
        }
        ++i;
    }
    if (name == NULL || !(rate > 0.0 && rate <= 1e6) || !(duration >= 0.0 && duration <= 86400.0)) {
        usage(stderr);
        return 2;
    }

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    cap = duration > 0.0 ? (size_t)(rate * duration * 1.05) + 1024 : MAX_SAMPLES;
    if (cap > MAX_SAMPLES) {
        cap = MAX_SAMPLES;
    }
    cost_all = calloc(cap, sizeof(uint32_t));
    cost_quiet = calloc(cap, sizeof(uint32_t));
    cost_wake = calloc(cap, sizeof(uint32_t));
    cost_legacy = calloc(cap, sizeof(uint32_t));
    if (!cost_all || !cost_quiet || !cost_wake || !cost_legacy) {
        fprintf(stderr, "omni-bench-robot: out of memory\n");
        return 1;
    }

    w = omni_writer_open(name);
    if (w == NULL) {
        fprintf(stderr, "omni-bench-robot: cannot open %s: %s\n", name, strerror(errno));
        return 1;
    }
    if (legacy_name != NULL) {
        char clock_name[OMNI_SHM_NAME_MAX + 16];
        snprintf(clock_name, sizeof clock_name, "%s.clock", legacy_name);
        legacy = map_plain(legacy_name, sizeof(omni_legacy_shared), legacy_path, sizeof legacy_path);
        clock_table = map_plain(clock_name, sizeof(bench_clock), clock_path, sizeof clock_path);
        if (legacy == NULL || clock_table == NULL) {
            fprintf(stderr, "omni-bench-robot: cannot open the legacy segment %s: %s\n", legacy_name, strerror(errno));
            omni_writer_close(w);
            return 1;
        }
        clock_table->slots = CLOCK_SLOTS;
        clock_table->seq_offset = (int64_t)(w->sequence / 2U);
        __atomic_store_n(&clock_table->magic, (int64_t)CLOCK_MAGIC, __ATOMIC_RELEASE);
    }

    if (rate > 1000.0) {
        (void)prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
    }
    ns_per_tick = calibrate_ns_per_tick();
    overhead = timer_overhead();
    period_ns = llround(1e9 / rate);
    memset(&shared, 0, sizeof shared);
    shared.direction = -1;

    clock_gettime(CLOCK_MONOTONIC, &start);
    next = start;
    while (!g_stop) {
        omni_state s;
        uint64_t t0, t1, cost;
        uint32_t epoch_before = 0;
        int woke = 0;
        long long elapsed;
        int32_t k = (int32_t)(shared.ver + 1);

        memset(&s, 0, sizeof s);
        s.direction = (k / 97) % 4;
        s.motor_power[0] = k % 101;
        s.motor_power[1] = -(k % 89);
        s.motor_power[2] = (k % 7) - 3;
        s.bot_mode = (k / 1000) % 2;
        s.obstacle = (k / 50) % 9 == 0;
        s.go_left = (k / 13) % 2;
        s.go_right = !s.go_left;
        s.sensor_mode = 1;
        s.sensors[(k / 11) % OMNI_SENSOR_COUNT] = 1;

        if (legacy != NULL) {
            /* The original loop: bump ver, memcpy the whole struct (a torn read is possible, by design). */
            shared.ver = k;
            shared.direction = s.direction;
            memcpy(shared.motor_power, s.motor_power, sizeof shared.motor_power);
            shared.bot_mode = s.bot_mode;
            shared.obstacle = s.obstacle;
            shared.go_left = s.go_left;
            shared.go_right = s.go_right;
            shared.sensor_mode = s.sensor_mode;
            memcpy(shared.sensors, s.sensors, sizeof shared.sensors);
            __atomic_store_n(&clock_table->t[(uint32_t)k % CLOCK_SLOTS], (int64_t)omni_realtime_ns(), __ATOMIC_RELEASE);
            t0 = ticks_now();
            memcpy(legacy, &shared, sizeof shared);
            t1 = ticks_now();
            cost = t1 - t0 > overhead ? t1 - t0 - overhead : 0;
            if (n_legacy < cap) {
                cost_legacy[n_legacy++] = (uint32_t)(cost > UINT32_MAX ? UINT32_MAX : cost);
            }
        } else {
            shared.ver = k;
        }

        if (w->wake != NULL) {
            epoch_before = __atomic_load_n(&w->wake->epoch, __ATOMIC_RELAXED);
        }
        t0 = ticks_now();
        omni_writer_publish(w, &s);
        t1 = ticks_now();
        cost = t1 - t0 > overhead ? t1 - t0 - overhead : 0;
        if (w->wake != NULL && __atomic_load_n(&w->wake->epoch, __ATOMIC_RELAXED) != epoch_before) {
            woke = 1;
            ++wakes;
        }
        if (n_all < cap) {
            uint32_t c = (uint32_t)(cost > UINT32_MAX ? UINT32_MAX : cost);
            cost_all[n_all++] = c;
            if (woke) {
                cost_wake[n_wake++] = c;
            } else {
                cost_quiet[n_quiet++] = c;
            }
        }

        next.tv_nsec += period_ns % 1000000000LL;
        next.tv_sec += (time_t)(period_ns / 1000000000LL);
        if (next.tv_nsec >= 1000000000L) {
            next.tv_nsec -= 1000000000L;
            ++next.tv_sec;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        elapsed = (long long)(now.tv_sec - start.tv_sec) * 1000000000LL + (now.tv_nsec - start.tv_nsec);
        if (duration > 0.0 && (double)elapsed >= duration * 1e9) {
            break;
        }
        if ((now.tv_sec - next.tv_sec) * 1000000000LL + (now.tv_nsec - next.tv_nsec) > 100000000LL) {
            next = now; /* far behind: start afresh rather than burst */
            ++late;
        }
        while (!tight && !g_stop && clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL) == EINTR) {
        }
    }

    clock_gettime(CLOCK_MONOTONIC, &now);
    out = stats_path != NULL ? fopen(stats_path, "w") : stdout;
    if (out == NULL) {
        fprintf(stderr, "omni-bench-robot: cannot write %s: %s\n", stats_path, strerror(errno));
        out = stdout;
    }
    fprintf(out, "{\n  \"tool\": \"omni-bench-robot\",\n  \"rate_hz\": %g,\n  \"publishes\": %d,\n", rate,
            (int)shared.ver);
    fprintf(out, "  \"seconds\": %.3f,\n  \"futex_wakes\": %llu,\n  \"wake_fraction\": %.6f,\n",
            (double)((now.tv_sec - start.tv_sec) * 1000000000LL + (now.tv_nsec - start.tv_nsec)) / 1e9,
            (unsigned long long)wakes, shared.ver > 0 ? (double)wakes / (double)shared.ver : 0.0);
    fprintf(out, "  \"timer\": \"%s\",\n  \"timer_overhead_ns\": %.1f,\n  \"restarts\": %llu,\n",
#ifdef BENCH_HAVE_TSC
            "rdtsc",
#else
            "clock_gettime",
#endif
            (double)overhead * ns_per_tick, (unsigned long long)late);
    print_summary(out, "publish_ns", cost_all, n_all, ns_per_tick, 0);
    print_summary(out, "publish_no_wake_ns", cost_quiet, n_quiet, ns_per_tick, 0);
    print_summary(out, "publish_with_wake_ns", cost_wake, n_wake, ns_per_tick, 0);
    print_summary(out, "legacy_memcpy_ns", cost_legacy, n_legacy, ns_per_tick, 1);
    fprintf(out, "}\n");
    if (out != stdout) {
        fclose(out);
    }

    omni_writer_close(w);
    if (legacy != NULL) {
        munmap(legacy, sizeof(omni_legacy_shared));
        munmap(clock_table, sizeof(bench_clock));
        shm_unlink(legacy_path);
        shm_unlink(clock_path);
    }
    free(cost_all);
    free(cost_quiet);
    free(cost_wake);
    free(cost_legacy);
    return 0;
}
