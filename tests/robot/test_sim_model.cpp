// SPDX-License-Identifier: MIT
// The simulated robot (robot/sim/omni_sim_model.h): deterministic, in range, eventful, and safe for any dt.
#include "omni_sim_model.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <set>

namespace {

constexpr double kTick = 0.02; // a 50 Hz viewer

// Steps a fresh model for `seconds` at `dt` and hands every state to `check`.
void run(uint32_t seed, double seconds, double dt, const std::function<void(const omni_state &)> &check)
{
    omni_sim sim;
    omni_sim_init(&sim, seed);
    const long steps = std::lround(seconds / dt);
    for (long i = 0; i < steps; ++i) {
        omni_state s;
        omni_sim_step(&sim, dt, &s);
        check(s);
    }
}

bool same(const omni_state &a, const omni_state &b)
{
    return std::memcmp(&a, &b, sizeof(omni_state)) == 0;
}

// Checks every field against the contract's codes and ranges; returns a description of the first problem.
::testing::AssertionResult inRange(const omni_state &s)
{
    if (s.direction < -1 || s.direction > OMNI_DIRECTION_ROTATE_RIGHT) {
        return ::testing::AssertionFailure() << "direction " << s.direction;
    }
    for (int p : s.motor_power) {
        if (p < -100 || p > 100) {
            return ::testing::AssertionFailure() << "motor power " << p;
        }
    }
    for (int v : s.sensors) {
        if (v != 0 && v != 1) {
            return ::testing::AssertionFailure() << "sensor " << v;
        }
    }
    if (s.bot_mode < 0 || s.bot_mode > OMNI_BOT_MODE_MANUAL || s.sensor_mode < 0 || s.sensor_mode > 2 ||
        (s.obstacle != 0 && s.obstacle != 1) || (s.obstacle_mode != 0 && s.obstacle_mode != 1) ||
        (s.go_left != 0 && s.go_left != 1) || (s.go_right != 0 && s.go_right != 1) || (s.go_left && s.go_right)) {
        return ::testing::AssertionFailure()
               << "code out of range: mode " << s.bot_mode << " sensor_mode " << s.sensor_mode << " obstacle "
               << s.obstacle << "/" << s.obstacle_mode << " go " << s.go_left << s.go_right;
    }
    return ::testing::AssertionSuccess();
}

} // namespace

TEST(SimModel, SameSeedGivesIdenticalStates)
{
    omni_sim a, b;
    omni_sim_init(&a, 42);
    omni_sim_init(&b, 42);
    for (int i = 0; i < 30000; ++i) {
        omni_state sa, sb;
        omni_sim_step(&a, kTick, &sa);
        omni_sim_step(&b, kTick, &sb);
        ASSERT_TRUE(same(sa, sb)) << "diverged at step " << i;
    }
}

TEST(SimModel, DifferentSeedsGiveDifferentRuns)
{
    omni_sim a, b;
    omni_sim_init(&a, 1);
    omni_sim_init(&b, 2);
    int differing = 0;
    for (int i = 0; i < 3000; ++i) {
        omni_state sa, sb;
        omni_sim_step(&a, kTick, &sa);
        omni_sim_step(&b, kTick, &sb);
        differing += same(sa, sb) ? 0 : 1;
    }
    EXPECT_GT(differing, 1000);
}

TEST(SimModel, StatesStayWithinRangesOverALongRun)
{
    for (uint32_t seed : {0U, 1U, 7U, 0xFFFFFFFFU}) {
        run(seed, 2000.0, kTick, [&](const omni_state &s) { ASSERT_TRUE(inRange(s)) << "seed " << seed; });
    }
}

TEST(SimModel, ObstaclesEveryModeAndBothRotationsOccurWithin300Seconds)
{
    for (uint32_t seed : {0U, 1U, 2U, 3U, 99U, 12345U, 0xFFFFFFFFU}) {
        std::set<int> modes, directions, sensorModes, obstacleModes;
        bool obstacle = false;
        run(seed, 300.0, kTick, [&](const omni_state &s) {
            modes.insert(s.bot_mode);
            directions.insert(s.direction);
            sensorModes.insert(s.sensor_mode);
            if (s.obstacle) {
                obstacle = true;
                obstacleModes.insert(s.obstacle_mode);
            }
        });
        EXPECT_TRUE(obstacle) << "seed " << seed;
        EXPECT_EQ(modes, (std::set<int>{0, 1, 2})) << "seed " << seed;
        EXPECT_EQ(directions, (std::set<int>{-1, 0, 1, 2, 3})) << "seed " << seed;
        EXPECT_GE(sensorModes.size(), 2U) << "seed " << seed;
        EXPECT_EQ(obstacleModes, (std::set<int>{0, 1})) << "seed " << seed;
    }
}

TEST(SimModel, EventsHappenOnAHumanTimeScale)
{
    constexpr double kSeconds = 1200.0;
    int obstacles = 0, manualEpisodes = 0;
    omni_state previous{};
    run(5, kSeconds, kTick, [&](const omni_state &s) {
        obstacles += (s.obstacle && !previous.obstacle) ? 1 : 0;
        manualEpisodes += (s.bot_mode == OMNI_BOT_MODE_MANUAL && previous.bot_mode != OMNI_BOT_MODE_MANUAL) ? 1 : 0;
        previous = s;
    });
    // Obstacles every ~10-20 s, manual control every ~20-40 s.
    EXPECT_GE(obstacles, kSeconds / 25.0);
    EXPECT_LE(obstacles, kSeconds / 8.0);
    EXPECT_GE(manualEpisodes, kSeconds / 50.0);
    EXPECT_LE(manualEpisodes, kSeconds / 15.0);
}

TEST(SimModel, MotorPowersMatchOmniWheelKinematics)
{
    // Once a command has held for 0.5 s the motors have caught up with it.
    int rotateLeft = 0, rotateRight = 0, straight = 0;
    omni_state previous{};
    double held = 0.0;
    run(3, 600.0, kTick, [&](const omni_state &s) {
        const bool unchanged = s.direction == previous.direction && s.go_left == previous.go_left &&
                               s.go_right == previous.go_right && s.bot_mode == previous.bot_mode;
        held = unchanged ? held + kTick : 0.0;
        previous = s;
        if (held < 0.5) {
            return;
        }
        const auto &m = s.motor_power;
        if (s.direction == OMNI_DIRECTION_ROTATE_LEFT) {
            ++rotateLeft;
            EXPECT_TRUE(m[0] < 0 && m[1] < 0 && m[2] < 0) << m[0] << " " << m[1] << " " << m[2];
        } else if (s.direction == OMNI_DIRECTION_ROTATE_RIGHT) {
            ++rotateRight;
            EXPECT_TRUE(m[0] > 0 && m[1] > 0 && m[2] > 0) << m[0] << " " << m[1] << " " << m[2];
        } else if (s.direction == OMNI_DIRECTION_FORWARD && !s.go_left && !s.go_right && s.bot_mode == 0) {
            ++straight;
            EXPECT_TRUE(m[0] > 0 && m[1] < 0 && std::abs(m[2]) <= 15) << m[0] << " " << m[1] << " " << m[2];
        } else if (s.direction == -1) {
            EXPECT_TRUE(m[0] == 0 && m[1] == 0 && m[2] == 0) << m[0] << " " << m[1] << " " << m[2];
        }
    });
    EXPECT_GT(rotateLeft, 0);
    EXPECT_GT(rotateRight, 0);
    EXPECT_GT(straight, 1000);
}

TEST(SimModel, SensorsSeeTheLineWhileFollowingIt)
{
    int following = 0, onLine = 0, sawLeftEdge = 0, sawRightEdge = 0;
    run(11, 600.0, kTick, [&](const omni_state &s) {
        if (s.bot_mode == OMNI_BOT_MODE_LINE_FOLLOWING && s.direction == OMNI_DIRECTION_FORWARD) {
            ++following;
            int on = 0;
            for (int v : s.sensors) {
                on += v;
            }
            onLine += on > 0 ? 1 : 0;
            sawLeftEdge += s.sensors[0];
            sawRightEdge += s.sensors[4];
        }
    });
    ASSERT_GT(following, 10000);
    EXPECT_GT(onLine, following * 95 / 100);
    EXPECT_GT(sawLeftEdge, 0);
    EXPECT_GT(sawRightEdge, 0);
}

TEST(SimModel, AViewerAt50HzSeesMotion)
{
    int changes = 0;
    omni_state previous{};
    run(8, 10.0, kTick, [&](const omni_state &s) {
        changes += same(s, previous) ? 0 : 1;
        previous = s;
    });
    EXPECT_GT(changes, 100);
}

TEST(SimModel, ZeroOrInvalidDtAdvancesNothing)
{
    omni_sim sim;
    omni_sim_init(&sim, 4);
    omni_state before, after;
    omni_sim_step(&sim, 1.0, &before);
    for (double dt : {0.0, -0.0, -1.0, -std::numeric_limits<double>::infinity(),
                      std::numeric_limits<double>::quiet_NaN(), -std::numeric_limits<double>::denorm_min()}) {
        omni_sim_step(&sim, dt, &after);
        EXPECT_TRUE(same(before, after)) << "dt " << dt;
    }
}

TEST(SimModel, AnyDtIsSafe)
{
    const std::array<double, 12> dts = {0.0,
                                        1e-300,
                                        std::numeric_limits<double>::denorm_min(),
                                        1e-9,
                                        1e-5,
                                        0.02,
                                        0.7,
                                        3.0,
                                        1e6,
                                        std::numeric_limits<double>::max(),
                                        std::numeric_limits<double>::infinity(),
                                        std::numeric_limits<double>::quiet_NaN()};
    omni_sim sim;
    omni_sim_init(&sim, 6);
    for (int round = 0; round < 40; ++round) {
        for (double dt : dts) {
            omni_state s;
            omni_sim_step(&sim, dt, &s);
            ASSERT_TRUE(inRange(s)) << "dt " << dt;
            ASSERT_TRUE(std::isfinite(sim.x) && std::isfinite(sim.y) && std::isfinite(sim.heading)) << "dt " << dt;
        }
    }
    // After all that abuse it still follows its line and still reacts.
    int onLine = 0;
    for (int i = 0; i < 3000; ++i) {
        omni_state s;
        omni_sim_step(&sim, kTick, &s);
        onLine += (s.sensors[0] | s.sensors[1] | s.sensors[2] | s.sensors[3] | s.sensors[4]) ? 1 : 0;
    }
    EXPECT_GT(onLine, 1500);
}

TEST(SimModel, HugeDtIsClampedToTheMaximumStep)
{
    omni_sim sim;
    omni_sim_init(&sim, 9);
    omni_sim_step(&sim, 1e12, nullptr);
    EXPECT_DOUBLE_EQ(sim.time_s, OMNI_SIM_MAX_STEP_S);
}

TEST(SimModel, NullPointersAreIgnored)
{
    omni_state s{};
    omni_sim_step(nullptr, kTick, &s); // must not crash
    omni_sim_init(nullptr, 1);
    omni_sim sim;
    omni_sim_init(&sim, 1);
    omni_sim_step(&sim, 0.5, nullptr); // advances without output
    EXPECT_NEAR(sim.time_s, 0.5, 1e-12);
}
