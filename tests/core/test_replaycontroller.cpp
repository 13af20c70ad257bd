// SPDX-License-Identifier: MIT
// ReplayController on a hand-driven clock: the recorded pace, pause, seek, speed limits, step, previous/next event,
// the end and the loop. No timers, no waiting.
#include "replayfixture.h"

#include <omni/replaycontroller.h>

#include <gtest/gtest.h>

using namespace omni;
using namespace omni::test;

namespace {

// States every 10 ms for 20 s; events at 2 s, 5 s and 12.3 s.
std::vector<qint64> states()
{
    std::vector<qint64> t;
    for (qint64 i = 0; i <= 2000; ++i) {
        t.push_back(kT0 + i * 10 * kMs);
    }
    return t;
}

const std::vector<qint64> kEvents = {kT0 + 2000 * kMs, kT0 + 5000 * kMs, kT0 + 12300 * kMs};

} // namespace

TEST(ReplayController, StartsPausedAtTheFirstState)
{
    FakeClock clock;
    ReplayController c(clock, states(), kEvents);
    clock.advanceMs(3000);
    EXPECT_FALSE(c.playing());
    EXPECT_EQ(c.positionNs(), kT0);
    EXPECT_EQ(c.stateIndex(), 0U);
    EXPECT_EQ(c.endNs(), kT0 + 20'000 * kMs);
}

TEST(ReplayController, KeepsTheRecordedPaceAtOneTimesSpeed)
{
    FakeClock clock;
    ReplayController c(clock, states(), kEvents);
    c.play();
    clock.advanceMs(12'300);
    EXPECT_EQ(c.positionNs(), kT0 + 12'300 * kMs);
    EXPECT_EQ(c.stateIndex(), 1230U);
    clock.advanceMs(5);
    EXPECT_EQ(c.stateIndex(), 1230U); // between two states: the last one at or before the position
}

TEST(ReplayController, PauseFreezesThePositionAndPlayGoesOnFromThere)
{
    FakeClock clock;
    ReplayController c(clock, states(), kEvents);
    c.play();
    clock.advanceMs(1000);
    c.pause();
    clock.advanceMs(60'000);
    EXPECT_EQ(c.positionNs(), kT0 + 1000 * kMs);
    c.togglePlay();
    EXPECT_TRUE(c.playing());
    clock.advanceMs(500);
    EXPECT_EQ(c.positionNs(), kT0 + 1500 * kMs);
}

TEST(ReplayController, SpeedScalesTheClockAndIsClampedToAQuarterAndEightTimes)
{
    FakeClock clock;
    ReplayController c(clock, states(), kEvents);
    c.play();
    c.setSpeed(2.0);
    clock.advanceMs(1000);
    EXPECT_EQ(c.positionNs(), kT0 + 2000 * kMs);
    c.setSpeed(0.25);
    clock.advanceMs(1000);
    EXPECT_EQ(c.positionNs(), kT0 + 2250 * kMs); // no jump when the speed changes
    c.setSpeed(100.0);
    EXPECT_DOUBLE_EQ(c.speed(), 8.0);
    c.setSpeed(0.01);
    EXPECT_DOUBLE_EQ(c.speed(), 0.25);
    c.setSpeed(std::nan(""));
    EXPECT_DOUBLE_EQ(c.speed(), 1.0);
}

TEST(ReplayController, SeekIsClampedAndKeepsPlayingOrPaused)
{
    FakeClock clock;
    ReplayController c(clock, states(), kEvents);
    c.seek(kT0 + 7000 * kMs);
    EXPECT_FALSE(c.playing());
    EXPECT_EQ(c.stateIndex(), 700U);
    c.seek(kT0 - 99 * kMs);
    EXPECT_EQ(c.positionNs(), kT0);
    c.seek(kT0 + 99'000 * kMs);
    EXPECT_EQ(c.positionNs(), c.endNs());
    c.play(); // at the end: starts again
    EXPECT_EQ(c.positionNs(), kT0);
    c.seek(kT0 + 1000 * kMs);
    EXPECT_TRUE(c.playing());
    clock.advanceMs(10);
    EXPECT_EQ(c.positionNs(), kT0 + 1010 * kMs);
}

TEST(ReplayController, StepPausesAndMovesOneStateAtATime)
{
    FakeClock clock;
    ReplayController c(clock, states(), kEvents);
    c.play();
    clock.advanceMs(1005);
    c.step(1);
    EXPECT_FALSE(c.playing());
    EXPECT_EQ(c.stateIndex(), 101U);
    EXPECT_EQ(c.positionNs(), kT0 + 1010 * kMs);
    c.step(-3);
    EXPECT_EQ(c.stateIndex(), 98U);
    c.step(-10'000);
    EXPECT_EQ(c.stateIndex(), 0U);
    c.step(10'000);
    EXPECT_EQ(c.stateIndex(), 2000U);
}

TEST(ReplayController, JumpsToThePreviousAndNextEvent)
{
    FakeClock clock;
    ReplayController c(clock, states(), kEvents);
    EXPECT_FALSE(c.previousEvent());
    ASSERT_TRUE(c.nextEvent());
    EXPECT_EQ(c.positionNs(), kEvents[0]);
    ASSERT_TRUE(c.nextEvent());
    EXPECT_EQ(c.positionNs(), kEvents[1]);
    ASSERT_TRUE(c.previousEvent());
    EXPECT_EQ(c.positionNs(), kEvents[0]);
    c.seek(kT0 + 13'000 * kMs);
    EXPECT_FALSE(c.nextEvent());
    EXPECT_EQ(c.positionNs(), kT0 + 13'000 * kMs);
    ASSERT_TRUE(c.previousEvent());
    EXPECT_EQ(c.positionNs(), kEvents[2]);
}

TEST(ReplayController, StopsAtTheEndUnlessItLoops)
{
    FakeClock clock;
    ReplayController c(clock, states(), kEvents);
    c.play();
    clock.advanceMs(25'000);
    EXPECT_EQ(c.positionNs(), c.endNs());
    EXPECT_FALSE(c.playing());
    c.setLoop(true);
    c.play();
    clock.advanceMs(25'000); // 20 s to the end, then 5 s into the second turn (less the 1 ns of the wrap)
    EXPECT_TRUE(c.playing());
    EXPECT_NEAR(static_cast<double>(c.positionNs() - kT0), 5000.0 * kMs, 10.0);
}
