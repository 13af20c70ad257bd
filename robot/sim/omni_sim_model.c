/* SPDX-License-Identifier: MIT */
/* The simulated robot's mind: the line follower, finding the line again, the behaviour switch and the public API.
 * See omni_sim_model.h. */
#include "omni_sim_internal.h"

#include <string.h>

#define SUBSTEP_S 0.005
#define K_STEER 110.0     /* rad/s per metre of line offset */
#define LOST_GRACE_S 0.12 /* keep going this long when the row briefly sees nothing */
#define LOST_GIVE_UP_S 3.0
#define SEEK_AHEAD 0.15
#define STEER_FLAG_W 0.3 /* |turn rate| above which go_left/go_right are reported */

/* Where the line is under the sensor row (metres, positive = right), as the current sensor_mode computes it. */
static int line_position(const omni_sim *sim, double *pos)
{
    const int32_t *s = sim->sensors;
    double sum = 0.0;
    int i, n = 0;
    if (!sim_any_sensor(sim)) {
        return 0;
    }
    *pos = 0.0;
    if (sim->sensor_mode == OMNI_SENSOR_MODE_2_SIMPLE) {
        if (s[1] != s[3]) {
            *pos = s[1] ? -SENSOR_SPACING : SENSOR_SPACING;
        } else if (!s[1] && !s[2]) {
            *pos = s[0] ? -2.0 * SENSOR_SPACING : 2.0 * SENSOR_SPACING;
        }
        return 1;
    }
    for (i = 0; i < OMNI_SENSOR_COUNT; ++i) {
        if (s[i] && !(i == 2 && sim->sensor_mode == OMNI_SENSOR_MODE_4_MAPPED)) {
            sum += (i - 2) * SENSOR_SPACING;
            ++n;
        }
    }
    if (n > 0) {
        *pos = sum / n;
    }
    return 1;
}

/* One step of line following; also where obstacles, manual control and pauses begin (only while on the line). */
static void follow_line(omni_sim *sim, double h)
{
    double pos;
    if (!line_position(sim, &pos)) {
        sim->lost_s += h;
        if (sim->lost_s > LOST_GRACE_S) {
            sim_enter(sim, B_LOST, 0, 0.0);
            sim_rotate(sim, sim->last_side, W_SEARCH);
        }
        return; /* within the grace time the last command stands: the row just crossed a gap or a corner */
    }
    sim->lost_s = 0.0;
    if (pos != 0.0) {
        sim->last_side = pos < 0.0 ? 1 : -1;
    }
    sim_command(sim, OMNI_DIRECTION_FORWARD, V_CRUISE * (1.0 - 0.45 * fabs(pos) / (2.0 * SENSOR_SPACING)),
                sim_clamp(-K_STEER * pos, -W_MAX, W_MAX));
    omni_sim_event_start_due(sim, h);
}

static void resume_line(omni_sim *sim)
{
    sim->bot_mode = OMNI_BOT_MODE_LINE_FOLLOWING;
    sim->obstacle = 0;
    sim_enter(sim, B_LINE, 0, 0.0);
    follow_line(sim, 0.0);
}

/* Back to the line from anywhere: face a point a little ahead on the line, drive there, turn along the line. */
static void seek(omni_sim *sim)
{
    double s_c, tx, ty, th, bearing, dist = omni_sim_world_closest(sim, sim->x, sim->y, &s_c);
    omni_sim_world_pose(sim, s_c + SEEK_AHEAD, &tx, &ty, &th);
    bearing = sim_wrap_angle(atan2(ty - sim->y, tx - sim->x) - sim->heading);
    if (sim->phase == SEEK_TURN && fabs(bearing) < 0.12) {
        sim_set_phase(sim, SEEK_DRIVE, 0.0);
    }
    if (sim->phase == SEEK_DRIVE) {
        if (dist < 0.015) {
            sim_set_phase(sim, SEEK_ALIGN, 0.0);
        } else if (fabs(bearing) > 1.2) {
            sim_set_phase(sim, SEEK_TURN, 0.0);
        } else {
            sim_command(sim, OMNI_DIRECTION_FORWARD, V_SEEK, sim_clamp(4.0 * bearing, -2.0, 2.0));
        }
    }
    if (sim->phase == SEEK_TURN) {
        sim_rotate(sim, bearing > 0.0 ? 1 : -1, W_TURN);
    } else if (sim->phase == SEEK_ALIGN) {
        double err;
        omni_sim_world_pose(sim, s_c, &tx, &ty, &th);
        err = sim_wrap_angle(th - sim->heading);
        if (fabs(err) < 0.15) {
            resume_line(sim);
        } else {
            sim_rotate(sim, err > 0.0 ? 1 : -1, 0.8 * W_TURN);
        }
    }
}

static void decide(omni_sim *sim, double h)
{
    sim->behaviour_s += h;
    sim->phase_left_s -= h;
    sim->next_sensor_mode_s -= h;
    if (sim->next_sensor_mode_s <= 0.0) {
        sim->sensor_mode = (sim->sensor_mode + 1 + sim_coin(sim)) % 3;
        sim->next_sensor_mode_s = sim_uniform(sim, 25.0, 50.0);
    }
    switch (sim->behaviour) {
    case B_LINE:
        follow_line(sim, h);
        break;
    case B_LOST:
        if (sim_any_sensor(sim)) {
            sim_enter(sim, B_LINE, 0, 0.0);
            follow_line(sim, 0.0);
        } else if (sim->behaviour_s > LOST_GIVE_UP_S) {
            sim_start_seek(sim);
        }
        break;
    case B_SEEK:
        seek(sim);
        break;
    case B_PAUSE:
        if (sim->phase_left_s <= 0.0) {
            sim_enter(sim, B_LINE, 0, 0.0);
            follow_line(sim, 0.0);
        }
        break;
    case B_AVOID:
        omni_sim_event_avoid(sim);
        break;
    case B_TRACK:
        omni_sim_event_track(sim, h);
        break;
    default:
        omni_sim_event_manual(sim);
        break;
    }
}

/* ---- public API ---- */

void omni_sim_init(omni_sim *sim, uint32_t seed)
{
    double start;
    if (sim == NULL) {
        return;
    }
    memset(sim, 0, sizeof(*sim));
    sim->rng = 0x6F6D6E6963686B6EULL ^ ((uint64_t)seed << 16) ^ seed;
    omni_sim_world_build_track(sim);
    start = sim_uniform(sim, 0.0, sim->track_length);
    omni_sim_world_pose(sim, start, &sim->x, &sim->y, &sim->heading);
    sim->heading = sim_wrap_angle(sim->heading + sim_uniform(sim, -0.05, 0.05));
    sim->last_side = 1;
    sim->side = 1;
    sim->direction = DIR_STOP;
    sim->sensor_mode = (int32_t)(sim_next_u64(&sim->rng) % 3U);
    sim->obstacle_mode = sim_coin(sim) ? OMNI_OBSTACLE_MODE_AVOIDANCE : OMNI_OBSTACLE_MODE_TRACKING;
    /* The first events come sooner, so somebody starting a viewer sees them. */
    sim->next_obstacle_s = sim_uniform(sim, 4.0, 8.0);
    sim->next_manual_s = sim_uniform(sim, 14.0, 22.0);
    sim->next_stop_s = sim_uniform(sim, 10.0, 20.0);
    sim->next_sensor_mode_s = sim_uniform(sim, 20.0, 40.0);
    sim_enter(sim, B_LINE, 0, 0.0);
    omni_sim_world_sense(sim);
    decide(sim, 0.0);
}

void omni_sim_step(omni_sim *sim, double dt_seconds, omni_state *out)
{
    double left = dt_seconds > 0.0 ? fmin(dt_seconds, OMNI_SIM_MAX_STEP_S) : 0.0; /* NaN fails the test */
    int i;
    if (sim == NULL) {
        return;
    }
    while (left > 0.0) {
        double h = left < SUBSTEP_S ? left : SUBSTEP_S;
        sim->time_s += h;
        omni_sim_world_move(sim, h);
        omni_sim_world_sense(sim);
        decide(sim, h);
        left -= h;
    }
    if (out == NULL) {
        return;
    }
    memset(out, 0, sizeof(*out));
    out->direction = sim->direction;
    for (i = 0; i < OMNI_MOTOR_COUNT; ++i) {
        out->motor_power[i] = (int32_t)lround(sim_clamp(sim->power[i], -100.0, 100.0));
    }
    out->bot_mode = sim->bot_mode;
    out->obstacle = sim->obstacle;
    out->obstacle_mode = sim->obstacle_mode;
    out->go_left = sim->direction == OMNI_DIRECTION_ROTATE_LEFT ||
                   (sim->direction >= OMNI_DIRECTION_FORWARD && sim->direction <= OMNI_DIRECTION_BACKWARD &&
                    sim->cmd_w > STEER_FLAG_W);
    out->go_right = sim->direction == OMNI_DIRECTION_ROTATE_RIGHT ||
                    (sim->direction >= OMNI_DIRECTION_FORWARD && sim->direction <= OMNI_DIRECTION_BACKWARD &&
                     sim->cmd_w < -STEER_FLAG_W);
    out->sensor_mode = sim->sensor_mode;
    memcpy(out->sensors, sim->sensors, sizeof(out->sensors));
}
