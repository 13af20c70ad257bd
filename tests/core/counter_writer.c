/* SPDX-License-Identifier: MIT */
/* Publishes states whose every field derives from one counter, as fast as it can or at a rate,
 * so a reader can check each state it reports is self-consistent (never torn).
 * Usage: omni-test-counter-writer NAME SECONDS [HZ]   (HZ 0 or absent: flat out) */
#include <omniscient/omni_shm.h>

#include <stdio.h>
#include <stdlib.h>

static void fill(omni_state *s, int32_t c)
{
    int i;
    s->direction = c;
    for (i = 0; i < OMNI_MOTOR_COUNT; ++i) {
        s->motor_power[i] = c + 1 + i;
    }
    s->bot_mode = c + 4;
    s->obstacle = c + 5;
    s->obstacle_mode = c + 6;
    s->go_left = c + 7;
    s->go_right = c + 8;
    s->sensor_mode = c + 9;
    for (i = 0; i < OMNI_SENSOR_COUNT; ++i) {
        s->sensors[i] = c + 10 + i;
    }
}

int main(int argc, char **argv)
{
    /* static: the writer is left open on purpose (the test removes the segment), and stays reachable at exit, so
     * LeakSanitizer does not report it (scripts/sanitizers.sh). */
    static omni_writer *w;
    omni_state s;
    uint64_t end;
    uint64_t period = 0;
    uint64_t next;
    int32_t c = 0;
    if (argc < 3) {
        fprintf(stderr, "usage: %s NAME SECONDS [HZ]\n", argv[0]);
        return 2;
    }
    w = omni_writer_open(argv[1]);
    if (w == NULL) {
        perror("omni_writer_open");
        return 1;
    }
    if (argc > 3 && atof(argv[3]) > 0) {
        period = (uint64_t)(1e9 / atof(argv[3]));
    }
    end = omni_monotonic_ns() + (uint64_t)(atof(argv[2]) * 1e9);
    next = omni_monotonic_ns();
    while (omni_monotonic_ns() < end) {
        fill(&s, c++);
        omni_writer_publish(w, &s);
        if (period != 0) {
            struct timespec ts;
            next += period;
            ts.tv_sec = (time_t)(next / 1000000000ULL);
            ts.tv_nsec = (long)(next % 1000000000ULL);
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
        }
    }
    printf("%d\n", c);
    /* Leave the segment in place: the test decides when it goes. */
    return 0;
}
