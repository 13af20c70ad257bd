/* SPDX-License-Identifier: MIT */
/**
 * @file omni_sim_model.h
 * A deterministic simulation of the omni-wheel line-following chicken robot.
 *
 * The model drives a robot around a closed track (a rounded rectangle with a
 * gentle S-bump on one side and a square notch on the other), reads five line
 * sensors from the real geometry under the robot, steers with a line follower
 * whose algorithm depends on sensor_mode, loses the line in sharp corners and
 * rotates to find it again, meets obstacles (backs up and goes around them, or
 * tracks them in place), hands over to a "human" for short manual episodes and
 * pauses now and then. Motor powers come from the kinematics of three omni
 * wheels 120 degrees apart and lag the commands like real motors do.
 *
 * Conventions of the produced omni_state:
 * - motor_power[0..2] = left, right, bottom wheel, percent in -100..100. A
 *   positive power pushes the robot clockwise (seen from above): forward is
 *   left > 0, right < 0, bottom ~ 0; rotating right is all > 0, left all < 0.
 * - sensors[0..4] form one row across the front of the robot, left to right.
 * - direction is -1 while the robot stands still on purpose.
 *
 * Pure computation: no I/O, no allocation, no global state. Instances are
 * independent, so each may be used from its own thread. The same seed and the
 * same sequence of dt values always give the same states (on one platform).
 * Plain C11, also valid C++.
 */
#ifndef OMNISCIENT_OMNI_SIM_MODEL_H
#define OMNISCIENT_OMNI_SIM_MODEL_H

#include <stdint.h>

#include <omniscient/omni_shm.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Number of pieces (straights and arcs) of the simulated track.
#define OMNI_SIM_TRACK_PIECES 20
/// The longest time one omni_sim_step() call advances the model, in seconds; a larger dt is clamped to it.
#define OMNI_SIM_MAX_STEP_S 10.0

/// One piece of the track: a straight (curvature 0) or a circular arc. Private to the model.
typedef struct omni_sim_piece {
    double x;         ///< start point x, metres
    double y;         ///< start point y, metres
    double heading;   ///< heading at the start, radians counter-clockwise from +x
    double length;    ///< arc length, metres
    double curvature; ///< 1/radius, positive for a left turn, 0 for a straight
    double s0;        ///< distance along the track at the start, metres
    double dx;        ///< unit direction at the start, x
    double dy;        ///< unit direction at the start, y
    double cx;        ///< arc centre x (arcs only)
    double cy;        ///< arc centre y (arcs only)
    double radius;    ///< arc radius, metres (arcs only)
    double a0;        ///< angle of the start point seen from the centre, radians (arcs only)
    double mx;        ///< middle point x: with length / 2 it bounds the piece
    double my;        ///< middle point y
} omni_sim_piece;

/// A simulated robot (about 2.5 KB, no pointers inside: the stack is fine, copies are independent snapshots).
/// Set it up with omni_sim_init(). Fields are private.
typedef struct omni_sim omni_sim;

/// The simulated robot's whole state. Treat it as opaque: fields may change in any release.
struct omni_sim {
    uint64_t rng;                       ///< random generator state (splitmix64)
    double time_s;                      ///< simulated time since omni_sim_init(), seconds
    double x;                           ///< robot centre x, metres
    double y;                           ///< robot centre y, metres
    double heading;                     ///< robot heading, radians counter-clockwise from +x
    double power[3];                    ///< wheel power as the motors deliver it, percent (left, right, bottom)
    double cmd_v;                       ///< commanded forward speed, m/s
    double cmd_w;                       ///< commanded turn rate, rad/s counter-clockwise
    int32_t direction;                  ///< reported direction code
    int32_t bot_mode;                   ///< reported bot_mode
    int32_t obstacle;                   ///< reported obstacle flag
    int32_t obstacle_mode;              ///< reported obstacle_mode
    int32_t sensor_mode;                ///< reported sensor_mode
    int32_t sensors[OMNI_SENSOR_COUNT]; ///< last line sensor readings
    int behaviour;                      ///< what the robot is doing (private enum, omni_sim_internal.h)
    int phase;                          ///< step within the behaviour
    int side;                           ///< +1 left / -1 right: the side chosen for the current manoeuvre
    int last_side;                      ///< +1 / -1: the side where the line was seen last
    double phase_left_s;                ///< time left in the current phase, seconds
    double behaviour_s;                 ///< time spent in the current behaviour, seconds
    double turned;                      ///< angle rotated in the current phase, radians (absolute)
    double goal;                        ///< a per-behaviour target: an angle, or seconds left of an episode
    double ref_heading;                 ///< heading when the current manoeuvre started, radians
    double lost_s;                      ///< how long the line follower has seen no line, seconds
    double next_obstacle_s;             ///< line-following time until the next obstacle, seconds
    double next_manual_s;               ///< line-following time until the next manual episode, seconds
    double next_stop_s;                 ///< line-following time until the next short pause, seconds
    double next_sensor_mode_s;          ///< time until sensor_mode changes, seconds
    double track_length;                ///< total length of the track, metres
    omni_sim_piece track[OMNI_SIM_TRACK_PIECES]; ///< the track, built by omni_sim_init()
};

/// Sets up sim for `seed`: builds the track and puts the robot on the line, following it.
/// Any seed is valid (0 included); equal seeds and equal dt sequences give equal runs. A NULL sim does nothing.
void omni_sim_init(omni_sim *sim, uint32_t seed);

/// Advances the model by dt_seconds and writes the resulting state to out.
/// dt_seconds <= 0 or NaN advances nothing (out gets the current state again); dt above OMNI_SIM_MAX_STEP_S
/// is clamped to it. The model integrates in internal steps of at most 5 ms, so any dt is stable.
/// out may be NULL (the model just advances); a NULL sim does nothing.
void omni_sim_step(omni_sim *sim, double dt_seconds, omni_state *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* OMNISCIENT_OMNI_SIM_MODEL_H */
