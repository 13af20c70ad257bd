// SPDX-License-Identifier: MIT
#include <omni/hub.h>
#include <omni/statejson.h>

#include <gtest/gtest.h>

#include <QDateTime>
#include <QSignalSpy>

using namespace omni;

namespace {
RobotState at(quint64 seq, qint64 unixNs)
{
    RobotState s;
    s.seq = seq;
    s.publishUnixNs = unixNs;
    s.publishMonoNs = unixNs; // the hub counts on the monotonic time; here both advance alike
    s.writerPid = 1;
    return s;
}
LinkInfo linkOf(LinkStatus st)
{
    LinkInfo l;
    l.status = st;
    return l;
}
} // namespace

TEST(Hub, RateComesFromSourceCountersIncludingCoalescedStates)
{
    Hub hub;
    hub.acceptLink(linkOf(LinkStatus::Live));
    const qint64 t0 = 1'000'000'000'000;
    hub.acceptState(at(100, t0));
    // 2 seconds later the source has published 200 times, though only 3 states reached us.
    hub.acceptState(at(150, t0 + 500'000'000));
    hub.acceptState(at(300, t0 + 2'000'000'000));
    EXPECT_NEAR(hub.rateHz(), 100.0, 0.01);
    EXPECT_EQ(hub.statesReceived(), 3u);
}

TEST(Hub, RateIsZeroUnlessLive)
{
    Hub hub;
    hub.acceptLink(linkOf(LinkStatus::Live));
    hub.acceptState(at(0, 1'000'000'000));
    hub.acceptState(at(50, 2'000'000'000));
    EXPECT_GT(hub.rateHz(), 0.0);
    hub.acceptLink(linkOf(LinkStatus::Stale));
    EXPECT_EQ(hub.rateHz(), 0.0);
}

TEST(Hub, WriterRestartResetsTheRate)
{
    Hub hub;
    hub.acceptLink(linkOf(LinkStatus::Live));
    hub.acceptState(at(1000, 1'000'000'000));
    hub.acceptState(at(1100, 2'000'000'000));
    EXPECT_NEAR(hub.rateHz(), 100.0, 0.01);
    hub.acceptState(at(3, 2'100'000'000)); // seq went backwards: a new writer
    EXPECT_EQ(hub.rateHz(), 0.0);
}

TEST(Hub, AgeCountsFromThePublishTimeAtTheSource)
{
    Hub hub;
    EXPECT_EQ(hub.ageMs(), -1);
    RobotState s = at(1, 0);
    s.publishMonoNs = Clock::system().monotonicNs() - 1500 * 1'000'000;
    hub.acceptState(s);
    EXPECT_GE(hub.ageMs(), 1500);
    EXPECT_LT(hub.ageMs(), 5000);
}

TEST(Hub, SoundSwitchEmitsOnlyOnChange)
{
    Hub hub;
    QSignalSpy spy(&hub, &Hub::soundEnabledChanged);
    EXPECT_TRUE(hub.soundEnabled());
    hub.setSoundEnabled(true);
    EXPECT_EQ(spy.count(), 0);
    hub.setSoundEnabled(false);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_FALSE(spy.at(0).at(0).toBool());
    EXPECT_FALSE(hub.soundEnabled());
}

TEST(Hub, LinkChangesAreEmittedOnce)
{
    Hub hub;
    QSignalSpy spy(&hub, &Hub::linkChanged);
    hub.acceptLink(linkOf(LinkStatus::Live));
    hub.acceptLink(linkOf(LinkStatus::Live));
    hub.acceptLink(linkOf(LinkStatus::Stale));
    EXPECT_EQ(spy.count(), 2);
    EXPECT_EQ(hub.link().status, LinkStatus::Stale);
}

TEST(Hub, StateJsonIsSerialisedLazilyOncePerStateAndLinkChangeAndShared)
{
    Hub hub;
    EXPECT_TRUE(hub.stateJson().isEmpty()) << "no state, no message";
    hub.acceptLink(linkOf(LinkStatus::Live));
    hub.acceptState(at(7, QDateTime::currentMSecsSinceEpoch() * 1'000'000));
    hub.acceptState(at(8, QDateTime::currentMSecsSinceEpoch() * 1'000'000));
    EXPECT_EQ(hub.statesSerialised(), 0u) << "nobody asked: nothing is serialised";

    const QByteArray first = hub.stateJson();
    EXPECT_EQ(hub.stateJson(), first);
    EXPECT_EQ(hub.stateJson().constData(), hub.stateJson().constData()) << "the same bytes, shared";
    EXPECT_EQ(hub.statesSerialised(), 1u);
    const auto parsed = json::parse(first);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->state.seq, 8u);
    EXPECT_EQ(parsed->link.status, LinkStatus::Live);

    hub.acceptLink(linkOf(LinkStatus::Stale)); // a state message carries the link
    const auto stale = json::parse(hub.stateJson());
    ASSERT_TRUE(stale);
    EXPECT_EQ(stale->link.status, LinkStatus::Stale);
    EXPECT_EQ(hub.statesSerialised(), 2u);

    hub.acceptLink(linkOf(LinkStatus::Live));
    hub.acceptState(at(9, QDateTime::currentMSecsSinceEpoch() * 1'000'000));
    EXPECT_EQ(json::parse(hub.stateJson())->state.seq, 9u);
    EXPECT_EQ(hub.statesSerialised(), 3u) << "a link change and a state before the next use: one serialisation";
}

TEST(Hub, ConsumersOfStateChangedSeeTheNewStateInStateJson)
{
    Hub hub;
    std::vector<quint64> seen;
    QObject::connect(&hub, &Hub::stateChanged, [&] { seen.push_back(json::parse(hub.stateJson())->state.seq); });
    hub.acceptState(at(1, 1'000'000'000));
    hub.acceptState(at(2, 1'100'000'000));
    EXPECT_EQ(seen, (std::vector<quint64>{1, 2}));
}
