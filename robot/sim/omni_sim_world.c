/* SPDX-License-Identifier: MIT */
/* The simulated world: a closed track of straights and arcs, five line sensors that read the real geometry under
 * the robot, three motors that lag their commands, and omni-wheel kinematics. */
#include "omni_sim_internal.h"

#define SIM_COS30 0.86602540378443864676
#define WHEEL_RADIUS 0.075 /* wheel contact points from the centre */
#define WHEEL_VMAX 0.45    /* wheel surface speed at 100 % power, m/s */
#define MOTOR_TAU 0.08     /* motor time constant, s */
#define SENSOR_AHEAD 0.07  /* sensor row in front of the centre */
#define LINE_REACH 0.012   /* half the tape width plus half a sensor's footprint */

static void add_piece(omni_sim *sim, int *count, double length, double curvature)
{
    omni_sim_piece *p = &sim->track[*count];
    double x = 0.0, y = 0.0, heading = 0.0, s0 = 0.0;
    if (*count > 0) {
        const omni_sim_piece *prev = &sim->track[*count - 1];
        double end_heading = prev->heading + prev->curvature * prev->length;
        if (prev->curvature == 0.0) {
            x = prev->x + prev->dx * prev->length;
            y = prev->y + prev->dy * prev->length;
        } else {
            double a = prev->a0 + prev->curvature * prev->length;
            x = prev->cx + prev->radius * cos(a);
            y = prev->cy + prev->radius * sin(a);
        }
        heading = sim_wrap_angle(end_heading);
        s0 = prev->s0 + prev->length;
    }
    p->x = x;
    p->y = y;
    p->heading = heading;
    p->length = length;
    p->curvature = curvature;
    p->s0 = s0;
    p->dx = cos(heading);
    p->dy = sin(heading);
    if (curvature == 0.0) {
        p->cx = p->cy = p->radius = p->a0 = 0.0;
        p->mx = x + p->dx * length * 0.5;
        p->my = y + p->dy * length * 0.5;
    } else {
        double a_mid;
        p->cx = x - p->dy / curvature;
        p->cy = y + p->dx / curvature;
        p->radius = fabs(1.0 / curvature);
        p->a0 = atan2(y - p->cy, x - p->cx);
        a_mid = p->a0 + curvature * length * 0.5;
        p->mx = p->cx + p->radius * cos(a_mid);
        p->my = p->cy + p->radius * sin(a_mid);
    }
    ++*count;
}

static void add_arc(omni_sim *sim, int *count, double degrees, double radius)
{
    double angle = fabs(degrees) * SIM_PI / 180.0;
    add_piece(sim, count, angle * radius, (degrees > 0.0 ? 1.0 : -1.0) / radius);
}

/* A counter-clockwise rounded rectangle: a gentle S-bump on the bottom side, a square tab with tight corners on the
 * top side (where the line follower loses the line now and then). Bump and tab return to their side's line and the
 * two long sides have equal extent, so the loop closes exactly. */
void omni_sim_world_build_track(omni_sim *sim)
{
    const double side_a = 2.0, side_b = 1.2, corner = 0.3;
    const double bump_r = 0.35, bump_deg = 35.0, tab_r = 0.03, tab_depth = 0.25, tab_width = 0.35;
    const double bump_dx = 4.0 * bump_r * sin(bump_deg * SIM_PI / 180.0);
    int n = 0;
    add_piece(sim, &n, 0.5, 0.0);
    add_arc(sim, &n, bump_deg, bump_r);
    add_arc(sim, &n, -2.0 * bump_deg, bump_r);
    add_arc(sim, &n, bump_deg, bump_r);
    add_piece(sim, &n, side_a - 0.5 - bump_dx, 0.0);
    add_arc(sim, &n, 90.0, corner);
    add_piece(sim, &n, side_b, 0.0);
    add_arc(sim, &n, 90.0, corner);
    add_piece(sim, &n, 0.6, 0.0);
    add_arc(sim, &n, -90.0, tab_r);
    add_piece(sim, &n, tab_depth, 0.0);
    add_arc(sim, &n, 90.0, tab_r);
    add_piece(sim, &n, tab_width, 0.0);
    add_arc(sim, &n, 90.0, tab_r);
    add_piece(sim, &n, tab_depth, 0.0);
    add_arc(sim, &n, -90.0, tab_r);
    add_piece(sim, &n, side_a - 0.6 - 4.0 * tab_r - tab_width, 0.0);
    add_arc(sim, &n, 90.0, corner);
    add_piece(sim, &n, side_b, 0.0);
    add_arc(sim, &n, 90.0, corner);
    sim->track_length = sim->track[n - 1].s0 + sim->track[n - 1].length;
}

/* Distance from (qx, qy) to one piece; *s_local gets the distance along the piece of the closest point. */
static double piece_distance(const omni_sim_piece *p, double qx, double qy, double *s_local)
{
    double ex, ey, d_end;
    if (p->curvature == 0.0) {
        double t = sim_clamp((qx - p->x) * p->dx + (qy - p->y) * p->dy, 0.0, p->length);
        *s_local = t;
        return hypot(qx - (p->x + p->dx * t), qy - (p->y + p->dy * t));
    }
    {
        double sweep = fabs(p->curvature) * p->length;
        double aq = atan2(qy - p->cy, qx - p->cx);
        double rel = fmod(p->curvature > 0.0 ? aq - p->a0 : p->a0 - aq, 2.0 * SIM_PI);
        double a_end = p->a0 + p->curvature * p->length;
        if (rel < 0.0) {
            rel += 2.0 * SIM_PI;
        }
        if (rel <= sweep) {
            *s_local = rel * p->radius;
            return fabs(hypot(qx - p->cx, qy - p->cy) - p->radius);
        }
        ex = p->cx + p->radius * cos(a_end);
        ey = p->cy + p->radius * sin(a_end);
    }
    d_end = hypot(qx - ex, qy - ey);
    if (d_end < hypot(qx - p->x, qy - p->y)) {
        *s_local = p->length;
        return d_end;
    }
    *s_local = 0.0;
    return hypot(qx - p->x, qy - p->y);
}

/* Is the line within LINE_REACH of (qx, qy)? The bounding circles keep this cheap enough for 100 kHz. */
static int line_under(const omni_sim *sim, double qx, double qy)
{
    int i;
    double s;
    for (i = 0; i < OMNI_SIM_TRACK_PIECES; ++i) {
        const omni_sim_piece *p = &sim->track[i];
        double reach = p->length * 0.5 + LINE_REACH;
        double mx = qx - p->mx, my = qy - p->my;
        if (mx * mx + my * my <= reach * reach && piece_distance(p, qx, qy, &s) < LINE_REACH) {
            return 1;
        }
    }
    return 0;
}

double omni_sim_world_closest(const omni_sim *sim, double qx, double qy, double *s)
{
    double best = INFINITY, s_local;
    int i;
    *s = 0.0;
    for (i = 0; i < OMNI_SIM_TRACK_PIECES; ++i) {
        double d = piece_distance(&sim->track[i], qx, qy, &s_local);
        if (d < best) {
            best = d;
            *s = sim->track[i].s0 + s_local;
        }
    }
    return best;
}

void omni_sim_world_pose(const omni_sim *sim, double s, double *x, double *y, double *heading)
{
    const omni_sim_piece *p = &sim->track[0];
    double t;
    int i;
    s = fmod(s, sim->track_length);
    if (s < 0.0) {
        s += sim->track_length;
    }
    for (i = OMNI_SIM_TRACK_PIECES - 1; i >= 0; --i) {
        if (s >= sim->track[i].s0) {
            p = &sim->track[i];
            break;
        }
    }
    t = sim_clamp(s - p->s0, 0.0, p->length);
    *heading = sim_wrap_angle(p->heading + p->curvature * t);
    if (p->curvature == 0.0) {
        *x = p->x + p->dx * t;
        *y = p->y + p->dy * t;
    } else {
        double a = p->a0 + p->curvature * t;
        *x = p->cx + p->radius * cos(a);
        *y = p->cy + p->radius * sin(a);
    }
}

void omni_sim_world_sense(omni_sim *sim)
{
    double c = cos(sim->heading), s = sin(sim->heading);
    int i;
    for (i = 0; i < OMNI_SENSOR_COUNT; ++i) {
        double offset = (i - 2) * SENSOR_SPACING; /* negative = left of the centre line */
        double qx = sim->x + SENSOR_AHEAD * c + offset * s;
        double qy = sim->y + SENSOR_AHEAD * s - offset * c;
        sim->sensors[i] = line_under(sim, qx, qy);
    }
}

/* Inverse kinematics of three omni wheels 120 degrees apart; positive power pushes clockwise. Saturation scales all
 * three wheels together so the robot keeps its direction of motion. */
static void wheel_targets(double v, double w_ccw, double target[3])
{
    double rot = -w_ccw * WHEEL_RADIUS;
    double l = SIM_COS30 * v + rot, r = -SIM_COS30 * v + rot, b = rot;
    double biggest = fmax(fabs(l), fmax(fabs(r), fabs(b)));
    double k = 100.0 / WHEEL_VMAX;
    if (biggest * k > 100.0) {
        k = 100.0 / biggest;
    }
    target[0] = l * k;
    target[1] = r * k;
    target[2] = b * k;
}

/* The motors chase their targets; the robot moves with what the wheels actually deliver (forward kinematics). */
void omni_sim_world_move(omni_sim *sim, double h)
{
    double target[3], vl, vr, vb, v, vx, w, mid;
    double follow = 1.0 - exp(-h / MOTOR_TAU);
    int i;
    wheel_targets(sim->cmd_v, sim->cmd_w, target);
    for (i = 0; i < 3; ++i) {
        sim->power[i] += (target[i] - sim->power[i]) * follow;
    }
    vl = sim->power[0] * WHEEL_VMAX / 100.0;
    vr = sim->power[1] * WHEEL_VMAX / 100.0;
    vb = sim->power[2] * WHEEL_VMAX / 100.0;
    v = (vl - vr) / (2.0 * SIM_COS30);
    vx = (vl + vr - 2.0 * vb) / 3.0; /* sideways, to the right */
    w = -(vl + vr + vb) / (3.0 * WHEEL_RADIUS);
    mid = sim->heading + 0.5 * w * h;
    sim->x += (v * cos(mid) + vx * sin(mid)) * h;
    sim->y += (v * sin(mid) - vx * cos(mid)) * h;
    sim->heading = sim_wrap_angle(sim->heading + w * h);
    sim->turned += fabs(w * h);
}
