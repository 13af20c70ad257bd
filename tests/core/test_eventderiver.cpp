// SPDX-License-Identifier: MIT
// EventDeriver with injected clocks: which events, when, and with which values.
#include <omni/eventderiver.h>

#include <gtest/gtest.h>

using namespace omni;

namespace {

constexpr qint64 kMs = 1'000'000;

class EventDeriverTest : public ::testing::Test, public Clock
{
protected:
    qint64 m_now = 5'000 * kMs;
    qint64 m_wall = 1'700'000'000'000 * kMs;

    [[nodiscard]] qint64 monotonicNs() const override { return m_now; }
    [[nodiscard]] qint64 wallNs() const override { return m_wall; }

    EventDeriver make(std::optional<bool> sound = true)
    {
        EventDeriverOptions o;
        o.clock = this;
        o.soundEnabled = sound;
        return EventDeriver(o);
    }

    static RobotState state(quint64 seq, std::array<qint32, 3> power = {0, 0, 0})
    {
        RobotState s;
        s.seq = seq;
        s.motorPower = power;
        s.obstacleMode = 0;
        s.publishUnixNs = 1'800'000'000'000 * kMs + static_cast<qint64>(seq) * kMs;
        return s;
    }

    static LinkInfo link(LinkStatus status, Incompatibility reason = Incompatibility::None)
    {
        LinkInfo l;
        l.status = status;
        l.reason = reason;
        l.source = QStringLiteral("shm:test");
        return l;
    }
};

std::vector<EventKind> kinds(const std::vector<Event> &events)
{
    std::vector<EventKind> out;
    for (const Event &e : events) {
        out.push_back(e.kind);
    }
    return out;
}

TEST_F(EventDeriverTest, WheelSaturatesAtExactlyTheHoldTimeAndNotBefore)
{
    auto d = make();
    EXPECT_TRUE(d.onState(state(1, {95, 0, 0})).empty());
    m_now += 990 * kMs;
    EXPECT_TRUE(d.onState(state(2, {100, 0, 0})).empty()) << "0.99 s is not saturated yet";
    m_now += 10 * kMs;
    const auto events = d.onState(state(3, {97, 0, 0}));
    ASSERT_EQ(kinds(events), std::vector{EventKind::WheelSaturated});
    EXPECT_EQ(events[0].wheel, 0);
    EXPECT_EQ(events[0].power, 97);
    EXPECT_EQ(events[0].durationMs, 1000);
    EXPECT_EQ(events[0].seq, 3U);
    EXPECT_EQ(events[0].monotonicNs, m_now);
    EXPECT_EQ(events[0].wallNs, state(3).publishUnixNs) << "a state event happened when the robot published it";
    m_now += 500 * kMs;
    EXPECT_TRUE(d.onState(state(4, {99, 0, 0})).empty()) << "reported once per run";
}

TEST_F(EventDeriverTest, NegativePowerSaturatesAndBelowTheLimitRestartsTheRun)
{
    auto d = make();
    EXPECT_TRUE(d.onState(state(1, {0, 0, -95})).empty());
    m_now += 600 * kMs;
    EXPECT_TRUE(d.onState(state(2, {0, 0, -94})).empty()) << "94 % breaks the run";
    m_now += 100 * kMs;
    EXPECT_TRUE(d.onState(state(3, {0, 0, -100})).empty());
    m_now += 999 * kMs;
    EXPECT_TRUE(d.onState(state(4, {0, 0, -100})).empty()) << "the run started again at seq 3";
    m_now += 1 * kMs;
    const auto events = d.onState(state(5, {0, 0, -100}));
    ASSERT_EQ(kinds(events), std::vector{EventKind::WheelSaturated});
    EXPECT_EQ(events[0].wheel, 2);
    EXPECT_EQ(events[0].power, -100);
}

TEST_F(EventDeriverTest, SaturationEndsAtTheFirstStateBelowTheLimitWithItsDuration)
{
    auto d = make();
    (void)d.onState(state(1, {0, 100, 0}));
    m_now += 1500 * kMs;
    ASSERT_EQ(kinds(d.onState(state(2, {0, 100, 0}))), std::vector{EventKind::WheelSaturated});
    m_now += 250 * kMs;
    const auto events = d.onState(state(3, {0, 40, 0}));
    ASSERT_EQ(kinds(events), std::vector{EventKind::WheelSaturationEnded});
    EXPECT_EQ(events[0].wheel, 1);
    EXPECT_EQ(events[0].power, 40);
    EXPECT_EQ(events[0].durationMs, 1750);
}

TEST_F(EventDeriverTest, AnUnreportedRunEndsWithoutAnEvent)
{
    auto d = make();
    (void)d.onState(state(1, {100, 0, 0}));
    m_now += 500 * kMs;
    EXPECT_TRUE(d.onState(state(2, {0, 0, 0})).empty());
}

TEST_F(EventDeriverTest, ALinkThatIsNoLongerLiveEndsAReportedSaturation)
{
    auto d = make();
    (void)d.onLink(link(LinkStatus::Live));
    (void)d.onState(state(1, {100, 0, 0}));
    m_now += 1000 * kMs;
    ASSERT_EQ(kinds(d.onState(state(2, {100, 0, 0}))), std::vector{EventKind::WheelSaturated});
    m_now += 1000 * kMs;
    const auto events = d.onLink(link(LinkStatus::Stale));
    ASSERT_EQ(kinds(events), (std::vector{EventKind::WheelSaturationEnded, EventKind::LinkStale}));
    EXPECT_EQ(events[0].durationMs, 2000);
    EXPECT_EQ(events[0].power, 100);
    EXPECT_EQ(events[0].wallNs, m_wall);
}

TEST_F(EventDeriverTest, ObstacleIsDetectedAndClearedAlsoInTheFirstState)
{
    auto d = make();
    RobotState s = state(1);
    s.obstacle = 2;
    auto events = d.onState(s);
    ASSERT_EQ(kinds(events), std::vector{EventKind::ObstacleDetected});
    EXPECT_EQ(events[0].to, 2);
    s.seq = 2;
    s.obstacle = 1;
    EXPECT_TRUE(d.onState(s).empty()) << "another non-zero code is the same obstacle";
    s.seq = 3;
    s.obstacle = 0;
    events = d.onState(s);
    ASSERT_EQ(kinds(events), std::vector{EventKind::ObstacleCleared});
    EXPECT_EQ(events[0].seq, 3U);
}

TEST_F(EventDeriverTest, ModeChangesCarryTheCodesBeforeAndAfterButTheFirstStateChangesNothing)
{
    auto d = make();
    RobotState s = state(1);
    s.botMode = 2;
    s.sensorMode = 1;
    EXPECT_TRUE(d.onState(s).empty());
    s.seq = 2;
    s.botMode = 1;
    s.obstacleMode.reset();
    s.sensorMode = 7;
    const auto events = d.onState(s);
    ASSERT_EQ(kinds(events),
              (std::vector{EventKind::BotModeChanged, EventKind::ObstacleModeChanged, EventKind::SensorModeChanged}));
    EXPECT_EQ(events[0].from, 2);
    EXPECT_EQ(events[0].to, 1);
    EXPECT_EQ(events[1].from, 0);
    EXPECT_EQ(events[1].to, std::nullopt) << "legacy-56 has no obstacle_mode";
    EXPECT_EQ(events[2].from, 1);
    EXPECT_EQ(events[2].to, 7);
}

TEST_F(EventDeriverTest, LinkEventsNameTheChangeAndWhatCameBefore)
{
    auto d = make();
    auto events = d.onLink(link(LinkStatus::Waiting));
    ASSERT_EQ(kinds(events), std::vector{EventKind::LinkWaiting});
    EXPECT_EQ(events[0].previous, std::nullopt);
    EXPECT_EQ(events[0].wallNs, m_wall);
    LinkInfo detailOnly = link(LinkStatus::Waiting);
    detailOnly.detail = QStringLiteral("no segment yet");
    EXPECT_TRUE(d.onLink(detailOnly).empty()) << "only a change of status or reason is an event";
    ASSERT_EQ(kinds(d.onLink(link(LinkStatus::Live))), std::vector{EventKind::LinkLive});
    ASSERT_EQ(kinds(d.onLink(link(LinkStatus::Stale))), std::vector{EventKind::LinkStale});
    events = d.onLink(link(LinkStatus::Waiting));
    ASSERT_EQ(kinds(events), std::vector{EventKind::LinkLost}) << "a stale link that ends is lost";
    EXPECT_EQ(events[0].previous, LinkStatus::Stale);
    ASSERT_EQ(kinds(d.onLink(link(LinkStatus::Incompatible, Incompatibility::AbiNewer))),
              std::vector{EventKind::LinkIncompatible});
    events = d.onLink(link(LinkStatus::Incompatible, Incompatibility::BadMagic));
    ASSERT_EQ(kinds(events), std::vector{EventKind::LinkIncompatible}) << "a new reason is an event";
    EXPECT_EQ(events[0].link.reason, Incompatibility::BadMagic);
    ASSERT_EQ(kinds(d.onLink(link(LinkStatus::Waiting))), std::vector{EventKind::LinkWaiting})
        << "after incompatible, waiting is not a lost link";
    ASSERT_EQ(kinds(d.onLink(link(LinkStatus::Live))), std::vector{EventKind::LinkLive});
    ASSERT_EQ(kinds(d.onLink(link(LinkStatus::Waiting))), std::vector{EventKind::LinkLost});
}

TEST_F(EventDeriverTest, SoundEventsOnlyOnAChangeFromTheKnownSwitch)
{
    auto d = make(true);
    EXPECT_TRUE(d.onSound(true).empty());
    ASSERT_EQ(kinds(d.onSound(false)), std::vector{EventKind::SoundOff});
    EXPECT_TRUE(d.onSound(false).empty());
    ASSERT_EQ(kinds(d.onSound(true)), std::vector{EventKind::SoundOn});
    auto unknown = make(std::nullopt);
    ASSERT_EQ(kinds(unknown.onSound(true)), std::vector{EventKind::SoundOn}) << "no known switch: the first is news";
}

TEST_F(EventDeriverTest, AStateWithoutAPublishTimeUsesTheWallClock)
{
    auto d = make();
    RobotState s = state(1);
    s.publishUnixNs = 0;
    s.obstacle = 1;
    const auto events = d.onState(s);
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events[0].wallNs, m_wall);
}

TEST_F(EventDeriverTest, EventsWithoutAStateKeepTheMonotonicSpacingWhileTheWallClockIsSlewedOrStepped)
{
    auto d = make(false);
    const auto first = d.onLink(link(LinkStatus::Waiting));
    ASSERT_EQ(first.size(), 1U);
    EXPECT_EQ(first[0].wallNs, m_wall);
    // NTP slews the wall clock: 100 ms pass, the wall clock shows 60 ms. The events stay 100 ms apart.
    m_now += 100 * kMs;
    m_wall += 60 * kMs;
    const auto second = d.onSound(true);
    ASSERT_EQ(second.size(), 1U);
    EXPECT_EQ(second[0].wallNs - first[0].wallNs, 100 * kMs);
    // NTP's first sync steps it by a month: the next event takes the new time (re-anchored), not the old one.
    m_now += 100 * kMs;
    m_wall += 30LL * 24 * 3600 * 1000 * kMs;
    const auto third = d.onSound(false);
    ASSERT_EQ(third.size(), 1U);
    EXPECT_EQ(third[0].wallNs, m_wall);
}

} // namespace
