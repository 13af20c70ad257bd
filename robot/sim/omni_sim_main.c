/* SPDX-License-Identifier: MIT */
/* omni-sim: publishes the simulated chicken robot into shared memory at a steady rate, like a real robot loop. */
#include "omni_sim_model.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#ifndef OMNI_VERSION
#define OMNI_VERSION "unknown"
#endif

#define EXIT_USAGE 2
#define MAX_RATE_HZ 1e6
#define MAX_LAG_NS 100000000LL /* more than this behind schedule: skip ahead instead of catching up */

typedef struct options {
    const char *name;
    double rate_hz;
    double duration_s;
    uint32_t seed;
    int quiet;
} options;

static volatile sig_atomic_t g_stop = 0;

static void on_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: omni-sim [--shm NAME] [--rate HZ] [--duration S] [--seed N] [--quiet]\n"
            "Publishes a simulated omni-wheel chicken robot into POSIX shared memory.\n"
            "\n"
            "  --shm NAME      segment name (default \"%s\", i.e. /dev/shm/%s)\n"
            "  --rate HZ       publish rate, 0 < HZ <= 1000000 (default 50)\n"
            "  --duration S    stop after S seconds; 0 runs until SIGINT/SIGTERM (default 0)\n"
            "  --seed N        simulation seed, 0..4294967295 (default 1); equal seeds give equal runs\n"
            "  --quiet         print nothing unless something goes wrong\n"
            "  --help          show this help and exit\n"
            "  --version       show the version and exit\n"
            "\n"
            "On SIGINT or SIGTERM the segment is removed and omni-sim exits with status 0.\n",
            OMNI_SHM_DEFAULT_NAME, OMNI_SHM_DEFAULT_NAME);
}

static int bad_value(const char *flag, const char *expected, const char *got)
{
    fprintf(stderr, "omni-sim: %s expects %s, got '%s'; try --help\n", flag, expected, got);
    return EXIT_USAGE;
}

/* A whole-string finite number, or -1. */
static int parse_double(const char *text, double *out)
{
    char *end = NULL;
    errno = 0;
    *out = strtod(text, &end);
    return (errno == 0 && end != text && *end == '\0' && isfinite(*out)) ? 0 : -1;
}

/* Returns -1 to go on, otherwise the exit status (0 after --help/--version, 2 for bad arguments). */
static int parse_args(int argc, char **argv, options *opt)
{
    int i;
    for (i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        const char *value = NULL;
        const char *eq = strchr(arg, '=');
        char flag[32];
        size_t flag_len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);

        if (flag_len >= sizeof(flag)) {
            flag_len = sizeof(flag) - 1;
        }
        memcpy(flag, arg, flag_len);
        flag[flag_len] = '\0';

        if (eq != NULL &&
            (strcmp(flag, "--help") == 0 || strcmp(flag, "--version") == 0 || strcmp(flag, "--quiet") == 0)) {
            fprintf(stderr, "omni-sim: %s takes no value, got '%s'; try --help\n", flag, eq + 1);
            return EXIT_USAGE;
        }
        if (strcmp(flag, "--help") == 0 || strcmp(flag, "-h") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(flag, "--version") == 0) {
            printf("omni-sim %s\n", OMNI_VERSION);
            return 0;
        }
        if (strcmp(flag, "--quiet") == 0 || strcmp(flag, "-q") == 0) {
            opt->quiet = 1;
            continue;
        }
        if (strcmp(flag, "--shm") != 0 && strcmp(flag, "--rate") != 0 && strcmp(flag, "--duration") != 0 &&
            strcmp(flag, "--seed") != 0) {
            fprintf(stderr,
                    "omni-sim: unknown option '%s', expected --shm, --rate, --duration, --seed, --quiet, --help or "
                    "--version; try --help\n",
                    arg);
            return EXIT_USAGE;
        }
        if (eq != NULL) {
            value = eq + 1;
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            fprintf(stderr, "omni-sim: %s needs a value; try --help\n", flag);
            return EXIT_USAGE;
        }

        if (strcmp(flag, "--shm") == 0) {
            char path[OMNI_SHM_NAME_MAX + 16];
            if (omni_shm_path(value, 1, path, sizeof(path)) != 0) {
                return bad_value(flag, "a segment name of 1..200 characters without '/'", value);
            }
            opt->name = value;
        } else if (strcmp(flag, "--rate") == 0) {
            if (parse_double(value, &opt->rate_hz) != 0 || !(opt->rate_hz > 0.0) || opt->rate_hz > MAX_RATE_HZ) {
                return bad_value(flag, "a rate in Hz, 0 < HZ <= 1000000", value);
            }
        } else if (strcmp(flag, "--duration") == 0) {
            if (parse_double(value, &opt->duration_s) != 0 || opt->duration_s < 0.0 || opt->duration_s > 1e9) {
                return bad_value(flag, "a duration in seconds >= 0 (0 = forever)", value);
            }
        } else {
            char *end = NULL;
            unsigned long long n;
            errno = 0;
            n = strtoull(value, &end, 10);
            if (errno != 0 || end == value || *end != '\0' || value[0] == '-' || n > UINT32_MAX) {
                return bad_value(flag, "an integer 0..4294967295", value);
            }
            opt->seed = (uint32_t)n;
        }
    }
    return -1;
}

static void add_ns(struct timespec *t, long long ns)
{
    long long total = (long long)t->tv_nsec + ns;
    t->tv_sec += (time_t)(total / 1000000000LL);
    t->tv_nsec = (long)(total % 1000000000LL);
}

static long long diff_ns(const struct timespec *a, const struct timespec *b)
{
    return (long long)(a->tv_sec - b->tv_sec) * 1000000000LL + (a->tv_nsec - b->tv_nsec);
}

/* Sleeps until the absolute CLOCK_MONOTONIC time t; a signal that asks to stop cuts the sleep short. */
static void sleep_until(const struct timespec *t)
{
    while (!g_stop && clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, t, NULL) == EINTR) {
    }
}

int main(int argc, char **argv)
{
    options opt = {OMNI_SHM_DEFAULT_NAME, 50.0, 0.0, 1U, 0};
    struct sigaction sa;
    struct timespec start, deadline, now;
    omni_writer *writer;
    omni_sim sim;
    omni_state state;
    long long period_ns, duration_ns;
    double dt;
    int rc = parse_args(argc, argv, &opt);
    if (rc >= 0) {
        return rc;
    }

    /* No SA_RESTART: a signal must wake clock_nanosleep() so the loop sees g_stop at once. */
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);

    writer = omni_writer_open(opt.name);
    if (writer == NULL) {
        fprintf(stderr, "omni-sim: cannot open shared memory '%s': %s\n", opt.name, strerror(errno));
        return 1;
    }
    if (!opt.quiet) {
        char path[OMNI_SHM_NAME_MAX + 16];
        (void)omni_shm_path(opt.name, 0, path, sizeof(path)); /* validated while parsing */
        printf("omni-sim: publishing to /dev/shm%s at %g Hz (seed %u, ABI %u); Ctrl-C to stop\n", path, opt.rate_hz,
               (unsigned)opt.seed, (unsigned)OMNI_SHM_ABI_VERSION);
        fflush(stdout);
    }

#ifdef __linux__
    if (opt.rate_hz > 1000.0) {
        (void)prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL); /* the default 50 us slack is longer than a tick */
    }
#endif
    omni_sim_init(&sim, opt.seed);
    period_ns = llround(1e9 / opt.rate_hz);
    if (period_ns < 1) {
        period_ns = 1;
    }
    dt = 1.0 / opt.rate_hz; /* simulated time per tick: the run is reproducible whatever the machine's load */
    duration_ns = llround(opt.duration_s * 1e9);
    clock_gettime(CLOCK_MONOTONIC, &start);
    deadline = start;

    while (!g_stop) {
        omni_sim_step(&sim, dt, &state);
        omni_writer_publish(writer, &state);

        add_ns(&deadline, period_ns);
        if (duration_ns > 0 && diff_ns(&deadline, &start) >= duration_ns) {
            /* The next tick would fall after the end: wait for the end itself, then stop. */
            deadline = start;
            add_ns(&deadline, duration_ns);
            sleep_until(&deadline);
            break;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (diff_ns(&deadline, &now) > 0) {
            sleep_until(&deadline); /* absolute deadlines: one late wake-up does not shift every later tick */
        } else if (diff_ns(&now, &deadline) > MAX_LAG_NS) {
            deadline = now; /* far behind (suspended, overloaded): start afresh rather than burst */
        }
        /* Otherwise slightly behind: publish the next tick at once, without sleeping. */
    }

    omni_writer_close(writer);
    return 0;
}
