// SPDX-License-Identifier: MIT
// Wrong clocks (issue 17 §3): a Raspberry Pi boots with an old wall-clock time and NTP steps it by months later.
// Link state, rates and ages count on the monotonic clock; epoch times come from one WallClockMapping.
#include "testutil.h"

#include <omni/clock.h>
#include <omni/hub.h>
#include <omni/shmsource.h>
#include <omni/simulatedrobot.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>

using namespace omni;
using namespace omni::test;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kDayNs = 86'400'000'000'000;
constexpr qint64 kMs = 1'000'000;

/// A clock that moves only when told to.
class ManualClock final : public Clock
{
public:
    [[nodiscard]] qint64 monotonicNs() const override { return mono; }
    [[nodiscard]] qint64 wallNs() const override { return wall; }
    void advance(qint64 ns)
    {
        mono += ns;
        wall += ns;
    }
    qint64 mono = 5'000'000'000;               // 5 s after boot
    qint64 wall = 1'600'000'000'000'000'000LL; // the Pi's stale idea of "now" (2020)
};

/// The system's monotonic clock with a wall clock the test can step, from any thread.
class SteppedSystemClock final : public Clock
{
public:
    [[nodiscard]] qint64 monotonicNs() const override { return Clock::system().monotonicNs(); }
    [[nodiscard]] qint64 wallNs() const override { return Clock::system().wallNs() + m_stepNs.load(); }
    void step(qint64 ns) { m_stepNs += ns; }

private:
    std::atomic<qint64> m_stepNs{0};
};

RobotState stateAt(quint64 seq, qint64 monoNs, WallClockMapping &mapping)
{
    RobotState s;
    s.seq = seq;
    s.writerPid = 1;
    s.publishMonoNs = monoNs;
    s.publishUnixNs = mapping.toWallNs(monoNs);
    return s;
}

LinkInfo live()
{
    LinkInfo l;
    l.status = LinkStatus::Live;
    return l;
}

} // namespace

TEST(WallClockMapping, EpochTimesKeepTheMonotonicSpacingThroughSlewing)
{
    ManualClock clock;
    WallClockMapping mapping(clock);
    const qint64 first = mapping.toWallNs(clock.mono);
    EXPECT_EQ(first, clock.wall);
    // NTP slews the wall clock by 200 ms: below the step threshold, the mapping stays.
    clock.advance(20 * kMs);
    clock.wall += 200 * kMs;
    EXPECT_EQ(mapping.toWallNs(clock.mono), first + 20 * kMs);
    EXPECT_EQ(mapping.reanchorCount(), 0u);
}

TEST(WallClockMapping, AStepOfMonthsEitherWayReanchorsOnceAndOnlyShiftsEpochTimes)
{
    for (const qint64 step : {+90 * kDayNs, -90 * kDayNs}) {
        ManualClock clock;
        WallClockMapping mapping(clock);
        const qint64 before = mapping.toWallNs(clock.mono);
        clock.advance(20 * kMs);
        clock.wall += step; // NTP's first sync
        const qint64 after = mapping.toWallNs(clock.mono);
        EXPECT_EQ(after, clock.wall) << "epoch times follow the corrected clock at once";
        EXPECT_EQ(after - before, 20 * kMs + step);
        clock.advance(20 * kMs);
        EXPECT_EQ(mapping.toWallNs(clock.mono), after + 20 * kMs) << "and keep the monotonic spacing after it";
        EXPECT_EQ(mapping.reanchorCount(), 1u);
    }
}

TEST(HubClock, RateAndAgeStayRightWhenTheWallClockJumpsByMonths)
{
    ManualClock clock;
    WallClockMapping mapping(clock);
    Hub hub(clock);
    hub.acceptLink(live());
    quint64 seq = 0;
    double minRate = 1e9;
    double maxRate = -1e9;
    auto publishFor = [&](qint64 ns) {
        for (qint64 t = 0; t < ns; t += 20 * kMs) { // 50 Hz
            clock.advance(20 * kMs);
            hub.acceptState(stateAt(++seq, clock.mono, mapping));
            minRate = std::min(minRate, hub.rateHz());
            maxRate = std::max(maxRate, hub.rateHz());
        }
    };
    publishFor(2'000 * kMs);
    ASSERT_NEAR(hub.rateHz(), 50.0, 0.5);

    for (const qint64 step : {+120 * kDayNs, -240 * kDayNs}) {
        clock.wall += step;
        minRate = 1e9;
        maxRate = -1e9;
        publishFor(2'000 * kMs); // two rate windows, the first of them across the step
        // (±2 Hz: the 30 ms pause below for the age falls into the next round's first window.)
        EXPECT_NEAR(minRate, 50.0, 2.0) << "step " << step;
        EXPECT_NEAR(maxRate, 50.0, 2.0) << "step " << step;
        clock.advance(30 * kMs);
        EXPECT_EQ(hub.ageMs(), 30) << "step " << step;
        EXPECT_EQ(hub.latest()->publishUnixNs, clock.wall - 30 * kMs) << "t_publish_ms follows the stepped clock";
    }
}

TEST(HubClock, AStateFromBeforeAJumpDoesNotAgeByMonths)
{
    ManualClock clock;
    WallClockMapping mapping(clock);
    Hub hub(clock);
    hub.acceptState(stateAt(1, clock.mono, mapping));
    clock.advance(250 * kMs);
    clock.wall += 180 * kDayNs; // NTP's first sync, between two states
    EXPECT_EQ(hub.ageMs(), 250);
    clock.wall -= 360 * kDayNs;
    EXPECT_EQ(hub.ageMs(), 250);
}

TEST(ShmSourceClock, AWallClockJumpOfMonthsKeepsALiveRobotLiveWithItsRateAndSaneAges)
{
    SteppedSystemClock clock;
    SimulatedRobot robot(uniqueShmName(QStringLiteral("clock")), 50.0);
    ASSERT_TRUE(robot.start());
    ShmSourceOptions options;
    options.name = robot.name();
    options.clock = &clock;
    ShmSource source(options);
    Hub hub(clock);
    hub.setSource(&source);
    int notLive = 0;
    QObject::connect(&hub, &Hub::linkChanged, [&](const LinkInfo &l) { notLive += l.status != LinkStatus::Live; });
    source.start();
    ASSERT_TRUE(waitUntil([&] { return hub.link().status == LinkStatus::Live && hub.rateHz() > 0.0; }, 20s));
    notLive = 0;

    for (const qint64 step : {+150 * kDayNs, -300 * kDayNs}) {
        clock.step(step);
        const quint64 received = hub.statesReceived();
        // Two rate windows after the step, the first across it; rate and age looked at on every turn.
        double minRate = 1e9;
        double maxRate = -1e9;
        qint64 maxAgeMs = -1;
        ASSERT_TRUE(waitUntil(
            [&] {
                if (hub.statesReceived() > received) {
                    minRate = std::min(minRate, hub.rateHz());
                    maxRate = std::max(maxRate, hub.rateHz());
                    maxAgeMs = std::max(maxAgeMs, hub.ageMs());
                }
                return hub.statesReceived() >= received + 100;
            },
            30s));
        EXPECT_EQ(hub.link().status, LinkStatus::Live) << "step " << step;
        EXPECT_GT(minRate, 40.0) << "step " << step;
        EXPECT_LT(maxRate, 60.0) << "step " << step;
        EXPECT_GE(maxAgeMs, 0);
        EXPECT_LT(maxAgeMs, 5'000) << "step " << step;
        const qint64 fromNowMs = (clock.wallNs() - hub.latest()->publishUnixNs) / kMs;
        EXPECT_GE(fromNowMs, -1'000) << "t_publish_ms follows the stepped wall clock";
        EXPECT_LT(fromNowMs, 5'000) << "t_publish_ms follows the stepped wall clock";
    }
    EXPECT_EQ(notLive, 0) << "the link never left live";
}
