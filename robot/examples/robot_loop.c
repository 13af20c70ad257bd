/* SPDX-License-Identifier: MIT */
/*
 * robot_loop.c - how a robot's control loop publishes its state for omniscient.
 *
 * This is the whole integration: include one header, open the writer once
 * before the loop, fill an omni_state every tick and publish it, close the
 * writer on the way out. Publishing never blocks, never allocates and makes no
 * system call (unless an observer sleeps waiting for news), so it cannot slow
 * the robot down the way calling mmap() every tick once did.
 *
 * Build it like any other robot program; no extra libraries are needed:
 *     cc -O2 -Wall -Wextra -Werror -Irobot/include robot/examples/robot_loop.c -o robot_loop
 * Run it, then watch it with `omniscient`:
 *     ./robot_loop [SEGMENT_NAME [SECONDS]]      (default "omnigod", forever; Ctrl-C stops)
 *
 * The "hardware" below is pretend: replace read_line_sensors(),
 * read_obstacle_sensor() and set_motors() with your GPIO and motor driver code.
 */
#include <omniscient/omni_shm.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#define TICK_NS 10000000L /* the control loop runs at 100 Hz */

static volatile sig_atomic_t stop_requested = 0;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1; /* only set a flag here; the loop cleans up */
}

/* ---- pretend hardware ---- */

/* Five reflectance sensors across the front, left to right: 1 = black tape underneath.
 * Here the tape wanders slowly from side to side under the robot. */
static void read_line_sensors(unsigned long tick, int32_t sensors[OMNI_SENSOR_COUNT])
{
    long phase = (long)(tick % 400UL);                         /* one sweep every 4 s */
    long line = phase < 200 ? phase / 40 : (399 - phase) / 40; /* 0..4 and back */
    int i;
    for (i = 0; i < OMNI_SENSOR_COUNT; ++i) {
        sensors[i] = (i == line) ? 1 : 0;
    }
}

/* The ultrasonic sensor: something is in the way for 1.5 s out of every 12 s. */
static int read_obstacle_sensor(unsigned long tick)
{
    return tick % 1200UL >= 1050UL;
}

/* Would drive the three omni wheels (left, right, bottom), power in percent. */
static void set_motors(const int32_t power[OMNI_MOTOR_COUNT])
{
    (void)power;
}

/* ---- the control loop ---- */

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : OMNI_SHM_DEFAULT_NAME;
    double seconds = argc > 2 ? atof(argv[2]) : 0.0;
    unsigned long ticks = seconds > 0.0 ? (unsigned long)(seconds * 1e9 / TICK_NS) : 0UL;
    unsigned long tick;
    struct sigaction sa;
    struct timespec next;
    omni_writer *writer;
    omni_state state;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    /* 1. Open the writer ONCE, before the loop. It creates /dev/shm/<name> (readable by everyone). */
    writer = omni_writer_open(name);
    if (writer == NULL) {
        perror("omni_writer_open");
        return 1;
    }
    printf("robot_loop: publishing to /dev/shm/%s at 100 Hz\n", name[0] == '/' ? name + 1 : name);
    fflush(stdout);

    /* Start from a clean state: zero everything, then say "stopped". */
    memset(&state, 0, sizeof(state));
    state.direction = OMNI_DIRECTION_STOPPED;
    state.bot_mode = OMNI_BOT_MODE_LINE_FOLLOWING;
    state.obstacle_mode = OMNI_OBSTACLE_MODE_AVOIDANCE;
    state.sensor_mode = OMNI_SENSOR_MODE_5_WEIGHTED;

    clock_gettime(CLOCK_MONOTONIC, &next);
    for (tick = 0; !stop_requested && (ticks == 0 || tick < ticks); ++tick) {
        int i, weight = 0, seen = 0;

        /* 2. Sense. */
        read_line_sensors(tick, state.sensors);
        state.obstacle = read_obstacle_sensor(tick);

        /* 3. Decide: a tiny weighted line follower that stops and turns away from obstacles. */
        for (i = 0; i < OMNI_SENSOR_COUNT; ++i) {
            if (state.sensors[i]) {
                weight += (i - 2);
                ++seen;
            }
        }
        state.bot_mode = state.obstacle ? OMNI_BOT_MODE_OBSTACLE_TRACKING : OMNI_BOT_MODE_LINE_FOLLOWING;
        state.go_left = seen > 0 && weight < 0;
        state.go_right = seen > 0 && weight > 0;
        if (state.obstacle) {
            /* Rotate right on the spot: all three wheels push the same way. */
            state.direction = OMNI_DIRECTION_ROTATE_RIGHT;
            state.go_left = 0;
            state.go_right = 1;
            state.motor_power[0] = state.motor_power[1] = state.motor_power[2] = 40;
        } else {
            /* Forward: left and right wheels opposite, bottom wheel only helps to steer. */
            int steer = seen > 0 ? 12 * weight / seen : 0;
            state.direction = OMNI_DIRECTION_FORWARD;
            state.motor_power[0] = 50 + steer;
            state.motor_power[1] = -50 + steer;
            state.motor_power[2] = steer;
        }

        /* 4. Act. */
        set_motors(state.motor_power);

        /* 5. Publish what the robot just did. Cheap enough to call every tick. */
        omni_writer_publish(writer, &state);

        /* Wait for the next tick on an absolute schedule, so the loop does not drift. */
        next.tv_nsec += TICK_NS;
        if (next.tv_nsec >= 1000000000L) {
            next.tv_nsec -= 1000000000L;
            ++next.tv_sec;
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
    }

    /* 6. Close on the way out: unmaps and removes the segment, so no stale one is left behind. */
    omni_writer_close(writer);
    return 0;
}
