/* SPDX-License-Identifier: MIT */
/* The simulated robot's events: obstacles (avoided or tracked), manual control episodes and short pauses. */
#include "omni_sim_internal.h"

/* Clears the way for one event: whatever else was due waits a little, and the robot stops. */
static void begin_event(omni_sim *sim)
{
    sim->next_obstacle_s = fmax(sim->next_obstacle_s, 3.0);
    sim->next_manual_s = fmax(sim->next_manual_s, 3.0);
    sim->next_stop_s = fmax(sim->next_stop_s, 3.0);
    sim->lost_s = 0.0;
    sim_stop(sim);
}

void omni_sim_event_start_due(omni_sim *sim, double h)
{
    sim->next_obstacle_s -= h;
    sim->next_manual_s -= h;
    sim->next_stop_s -= h;
    if (sim->next_obstacle_s <= 0.0) {
        sim->next_obstacle_s = sim_uniform(sim, 4.0, 9.0);
        begin_event(sim);
        sim->bot_mode = OMNI_BOT_MODE_OBSTACLE_TRACKING;
        sim->obstacle = 1;
        if (sim_coin(sim)) {
            sim->obstacle_mode = 1 - sim->obstacle_mode;
        }
        sim->side = sim_coin(sim) ? 1 : -1;
        sim->ref_heading = sim->heading;
        sim_enter(sim, sim->obstacle_mode == OMNI_OBSTACLE_MODE_AVOIDANCE ? B_AVOID : B_TRACK, 0,
                  sim_uniform(sim, 0.3, 0.6));
    } else if (sim->next_manual_s <= 0.0) {
        sim->next_manual_s = sim_uniform(sim, 10.0, 18.0);
        begin_event(sim);
        sim->bot_mode = OMNI_BOT_MODE_MANUAL;
        sim_enter(sim, B_MANUAL, 0, 0.0);
        sim->goal = sim_uniform(sim, 4.0, 8.0);
    } else if (sim->next_stop_s <= 0.0) {
        sim->next_stop_s = sim_uniform(sim, 12.0, 25.0);
        begin_event(sim);
        sim_enter(sim, B_PAUSE, 0, sim_uniform(sim, 0.5, 1.5));
    }
}

void omni_sim_event_avoid(omni_sim *sim)
{
    if (sim->phase == 0) {
        sim_stop(sim);
        if (sim->phase_left_s <= 0.0) {
            sim_set_phase(sim, 1, sim_uniform(sim, 0.5, 0.9));
        }
    } else if (sim->phase == 1) {
        sim_command(sim, OMNI_DIRECTION_BACKWARD, -V_BACK, 0.0);
        if (sim->phase_left_s <= 0.0) {
            sim_set_phase(sim, 2, 0.0);
            sim->goal = sim_uniform(sim, 1.0, 1.4);
        }
    } else if (sim->phase == 2) {
        sim_rotate(sim, sim->side, W_TURN);
        if (sim->turned >= sim->goal) {
            sim->obstacle = 0; /* out of sight */
            sim_set_phase(sim, 3, sim_uniform(sim, 1.3, 2.0));
        }
    } else {
        sim_command(sim, OMNI_DIRECTION_FORWARD, V_SEEK, -sim->side * 0.55);
        if (sim->phase_left_s <= 0.0) {
            sim_start_seek(sim);
        }
    }
}

void omni_sim_event_track(omni_sim *sim, double h)
{
    if (sim->phase == 0) {
        sim_stop(sim);
        if (sim->phase_left_s <= 0.0) {
            sim_set_phase(sim, 1, sim_uniform(sim, 0.3, 0.6));
            sim_command(sim, OMNI_DIRECTION_BACKWARD, -0.08, 0.0);
        }
    } else if (sim->phase == 1) {
        if (sim->phase_left_s <= 0.0) {
            sim_set_phase(sim, 2, 0.0);
            sim->goal = sim_uniform(sim, 2.0, 4.0);
        }
    } else if (sim->phase == 2) {
        sim->goal -= h;
        if (sim->goal <= 0.0) {
            sim->obstacle = 0;
            sim_set_phase(sim, 3, sim_uniform(sim, 0.4, 0.8));
            sim_stop(sim);
        } else if (sim->phase_left_s <= 0.0) {
            double off = sim_wrap_angle(sim->heading - sim->ref_heading), r = sim_uniform(sim, 0.0, 1.0);
            int side = fabs(off) > 0.6 ? (off > 0.0 ? -1 : 1) : (sim_coin(sim) ? 1 : -1);
            sim->phase_left_s = sim_uniform(sim, 0.3, 0.7);
            if (r < 0.45) {
                sim_rotate(sim, side, 1.2);
            } else if (r < 0.7) {
                sim_stop(sim);
            } else if (r < 0.85) {
                sim_command(sim, OMNI_DIRECTION_FORWARD, 0.05, 0.0);
            } else {
                sim_command(sim, OMNI_DIRECTION_BACKWARD, -0.05, 0.0);
            }
        }
    } else if (sim->phase_left_s <= 0.0) {
        sim_start_seek(sim);
    }
}

void omni_sim_event_manual(omni_sim *sim)
{
    double r;
    if (sim->behaviour_s >= sim->goal) {
        sim->bot_mode = OMNI_BOT_MODE_LINE_FOLLOWING;
        sim_start_seek(sim);
        return;
    }
    if (sim->phase_left_s > 0.0) {
        return;
    }
    sim->phase_left_s = sim_uniform(sim, 0.4, 1.2);
    r = sim_uniform(sim, 0.0, 1.0);
    if (r < 0.35) {
        sim_command(sim, OMNI_DIRECTION_FORWARD, 0.15, sim_uniform(sim, -0.6, 0.6));
    } else if (r < 0.5) {
        sim_command(sim, OMNI_DIRECTION_BACKWARD, -0.12, sim_uniform(sim, -0.3, 0.3));
    } else if (r < 0.85) {
        sim_rotate(sim, sim_coin(sim) ? 1 : -1, 1.8);
    } else {
        sim_stop(sim);
    }
}
