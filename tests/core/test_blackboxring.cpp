// SPDX-License-Identifier: MIT
// BlackboxRing by itself: what it keeps, for how long, how it thins when full, and that it never grows.
#include <omni/blackboxring.h>

#include <gtest/gtest.h>

using namespace omni;

namespace {

constexpr qint64 kMs = 1000000;

RobotState stateAt(quint64 seq, qint64 monoNs)
{
    RobotState s;
    s.seq = seq;
    s.direction = 2;
    s.motorPower = {-100, 95, static_cast<qint32>(seq % 7)};
    s.botMode = 1;
    s.obstacle = 3;
    s.obstacleMode = 1;
    s.goLeft = 1;
    s.sensorMode = 2;
    s.sensors = {1, 2, 3, 4, 70000};
    s.publishMonoNs = monoNs;
    s.publishUnixNs = 1700000000000000000 + monoNs;
    s.writerPid = 77;
    s.layout = Layout::Legacy64;
    return s;
}

BlackboxRingOptions small(qint64 windowMs, qsizetype maxStates)
{
    BlackboxRingOptions o;
    o.windowNs = windowMs * kMs;
    o.maxStates = maxStates;
    return o;
}

} // namespace

TEST(BlackboxRing, APackedStateUnpacksToTheSameState)
{
    RobotState s = stateAt(12345678901, 42 * kMs);
    EXPECT_EQ(PackedState::pack(s, 999.5, 3, 0).unpack(), s);
    s.obstacleMode.reset();
    s.sensorCount = 4;
    s.layout = Layout::Legacy56;
    EXPECT_EQ(PackedState::pack(s, 0, -1, 0).unpack(), s);
    EXPECT_EQ(PackedState::pack(s, 0, -1, 0).age(), -1);
    EXPECT_EQ(PackedState::pack(s, 12.5, 70000, 0).age(), 65534);
}

TEST(BlackboxRing, AStateWithoutAPublishTimeTakesItsArrivalTime)
{
    BlackboxRing ring(small(1000, 100));
    ring.addState(stateAt(1, 0), 0, -1, 555 * kMs);
    EXPECT_EQ(ring.timeSpan().first, 555 * kMs);
}

TEST(BlackboxRing, KeepsEveryStateOfTheWindowAndForgetsOlderOnes)
{
    BlackboxRing ring(small(1000, 10000));
    for (quint64 i = 0; i < 3000; ++i) {
        ring.addState(stateAt(i, static_cast<qint64>(i) * kMs), 1000, 0, 0);
    }
    // The newest is at 2999 ms: everything from 1999 ms on is kept, at full rate.
    EXPECT_EQ(ring.stateCount(), 1001);
    EXPECT_EQ(ring.timeSpan(), std::make_pair(1999 * kMs, 2999 * kMs));
    EXPECT_EQ(ring.thinnedStates(), 0U);
}

TEST(BlackboxRing, AFullRingThinsItsOldestPartAndNeverGrows)
{
    BlackboxRing ring(small(60000, 1000)); // room for 1000 states, a window of 60 s: 10 kHz overflows it
    for (quint64 i = 0; i < 20000; ++i) {
        ring.addState(stateAt(i, static_cast<qint64>(i) * kMs / 10), 10000, 0, 0);
        ASSERT_LE(ring.stateCount(), 1000);
    }
    EXPECT_GT(ring.thinnedStates(), 0U);
    const BlackboxSnapshot all = ring.snapshot(0);
    ASSERT_EQ(static_cast<qsizetype>(all.states.size()), ring.stateCount());
    // Still in time order, the newest part at full rate, the oldest part thinner, and the first state is old.
    for (std::size_t i = 1; i < all.states.size(); ++i) {
        ASSERT_LT(all.states[i - 1].monoNs, all.states[i].monoNs);
    }
    EXPECT_EQ(all.states.back().seq, 19999U);
    EXPECT_EQ(all.states[all.states.size() - 2].seq, 19998U);
    EXPECT_GE(all.states[1].seq - all.states[0].seq, 2U);
    EXPECT_LT(all.states.front().seq, 19000U);
}

TEST(BlackboxRing, TheDocumentedBoundFor10MinutesAt1kHzIsUnder64MB)
{
    const BlackboxRing ring{BlackboxRingOptions{}};
    EXPECT_EQ(ring.options().maxStates, 630000);
    EXPECT_EQ(sizeof(PackedState), 96U);
    EXPECT_LE(ring.bytesBound(), qint64{64} * 1000 * 1000);
}

TEST(BlackboxRing, ASnapshotTakesTheLastSecondsWithTheLinkInForce)
{
    BlackboxRing ring(small(10000, 100000));
    LinkInfo waiting;
    LinkInfo live;
    live.status = LinkStatus::Live;
    ring.addLink(waiting, 0);
    ring.addLink(live, 100 * kMs);
    Event early;
    early.monotonicNs = 500 * kMs;
    Event late;
    late.kind = EventKind::ObstacleCleared;
    late.monotonicNs = 2500 * kMs;
    ring.addEvent(early);
    for (quint64 i = 0; i < 3000; ++i) {
        ring.addState(stateAt(i, static_cast<qint64>(i) * kMs), 1000, 0, 0);
    }
    ring.addEvent(late);
    const BlackboxSnapshot last = ring.snapshot(1.0); // from 1999 ms
    EXPECT_EQ(last.states.size(), 1001U);
    EXPECT_EQ(last.states.front().seq, 1999U);
    ASSERT_EQ(last.events.size(), 1U);
    EXPECT_EQ(last.events.front().kind, EventKind::ObstacleCleared);
    EXPECT_TRUE(last.links.empty());
    EXPECT_TRUE(last.hasLinkBefore);
    EXPECT_EQ(last.linkBefore.status, LinkStatus::Live);
    const BlackboxSnapshot all = ring.snapshot(0);
    EXPECT_EQ(all.states.size(), 3000U);
    EXPECT_EQ(ring.snapshot(1e300).states.size(), 3000U); // more than any window: everything, no overflow
    EXPECT_EQ(all.links.size(), 2U);
    EXPECT_EQ(all.events.size(), 2U);
}

TEST(BlackboxRing, EventsAndLinksAreCappedToo)
{
    BlackboxRingOptions o = small(60000, 100);
    o.maxEvents = 5;
    o.maxLinks = 3;
    BlackboxRing ring(o);
    for (int i = 0; i < 50; ++i) {
        Event e;
        e.monotonicNs = i * kMs;
        e.seq = static_cast<quint64>(i);
        ring.addEvent(e);
        ring.addLink(LinkInfo{}, i * kMs);
    }
    const BlackboxSnapshot all = ring.snapshot(0);
    EXPECT_EQ(all.events.size(), 5U);
    EXPECT_EQ(all.events.front().seq, 45U);
    EXPECT_EQ(all.links.size(), 3U);
    EXPECT_TRUE(all.hasLinkBefore);
}
