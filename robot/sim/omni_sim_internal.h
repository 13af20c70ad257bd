/* SPDX-License-Identifier: MIT */
/* Private to the simulation model: shared constants, tiny helpers and the functions its .c files share. */
#ifndef OMNISCIENT_OMNI_SIM_INTERNAL_H
#define OMNISCIENT_OMNI_SIM_INTERNAL_H

#include "omni_sim_model.h"

#include <math.h>

#define SIM_PI 3.14159265358979323846

/* Robot geometry (metres). */
#define SENSOR_SPACING 0.015 /* between neighbouring line sensors */

/* Behaviour tuning. */
#define V_CRUISE 0.2
#define V_SEEK 0.14
#define V_BACK 0.10
#define W_MAX 3.5
#define W_SEARCH 2.4
#define W_TURN 2.0

/* omni_sim.behaviour */
enum { B_LINE, B_LOST, B_SEEK, B_PAUSE, B_AVOID, B_TRACK, B_MANUAL };
/* omni_sim.phase while seeking the line */
enum { SEEK_TURN, SEEK_DRIVE, SEEK_ALIGN };
/* direction code for "stopped on purpose" */
enum { DIR_STOP = -1 };

/* ---- random numbers (splitmix64: tiny state, good enough, any seed works) ---- */

static inline uint64_t sim_next_u64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static inline double sim_uniform(omni_sim *sim, double lo, double hi)
{
    return lo + (hi - lo) * ((double)(sim_next_u64(&sim->rng) >> 11) * (1.0 / 9007199254740992.0));
}

static inline int sim_coin(omni_sim *sim)
{
    return sim_uniform(sim, 0.0, 1.0) < 0.5;
}

/* ---- small helpers ---- */

static inline double sim_clamp(double v, double lo, double hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

static inline double sim_wrap_angle(double a)
{
    return remainder(a, 2.0 * SIM_PI);
}

static inline int sim_any_sensor(const omni_sim *sim)
{
    int i;
    for (i = 0; i < OMNI_SENSOR_COUNT; ++i) {
        if (sim->sensors[i]) {
            return 1;
        }
    }
    return 0;
}

static inline void sim_command(omni_sim *sim, int32_t direction, double v, double w)
{
    sim->direction = direction;
    sim->cmd_v = v;
    sim->cmd_w = w;
}

static inline void sim_stop(omni_sim *sim)
{
    sim_command(sim, DIR_STOP, 0.0, 0.0);
}

static inline void sim_rotate(omni_sim *sim, int side, double w)
{
    sim_command(sim, side > 0 ? OMNI_DIRECTION_ROTATE_LEFT : OMNI_DIRECTION_ROTATE_RIGHT, 0.0, side > 0 ? w : -w);
}

static inline void sim_set_phase(omni_sim *sim, int phase, double seconds)
{
    sim->phase = phase;
    sim->phase_left_s = seconds;
    sim->turned = 0.0;
}

static inline void sim_enter(omni_sim *sim, int behaviour, int phase, double seconds)
{
    sim->behaviour = behaviour;
    sim->behaviour_s = 0.0;
    sim_set_phase(sim, phase, seconds);
}

static inline void sim_start_seek(omni_sim *sim)
{
    sim_enter(sim, B_SEEK, SEEK_TURN, 0.0);
}

/* ---- omni_sim_world.c: the track, the sensors, the motors and the motion ---- */

/* Builds sim->track and sim->track_length. */
void omni_sim_world_build_track(omni_sim *sim);
/* Distance from (qx, qy) to the line; *s gets the track position of the closest point. */
double omni_sim_world_closest(const omni_sim *sim, double qx, double qy, double *s);
/* Point and heading of the line at track position s (any s: the track is a loop). */
void omni_sim_world_pose(const omni_sim *sim, double s, double *x, double *y, double *heading);
/* Reads the five line sensors at the current pose. */
void omni_sim_world_sense(omni_sim *sim);
/* Motors chase the command for h seconds and the robot moves accordingly. */
void omni_sim_world_move(omni_sim *sim, double h);

/* ---- omni_sim_events.c: obstacles, manual control and pauses ---- */

/* While following the line: counts the event timers down by h and starts the first one due. */
void omni_sim_event_start_due(omni_sim *sim, double h);
/* obstacle_mode 1: one step of going round an obstacle. */
void omni_sim_event_avoid(omni_sim *sim);
/* obstacle_mode 0: one step of tracking an obstacle in place. */
void omni_sim_event_track(omni_sim *sim, double h);
/* bot_mode 2: one step of somebody driving with the remote. */
void omni_sim_event_manual(omni_sim *sim);

#endif /* OMNISCIENT_OMNI_SIM_INTERNAL_H */
