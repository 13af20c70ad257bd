// SPDX-License-Identifier: MIT
// RemoteConnection on injected clocks: the stale watchdog over the server's "live", and the robot's clock.
#include "remoteconnection_rig.h"

using namespace omni;
using namespace omni::test;
using namespace std::chrono_literals;

// --- the robot's link: the server's word, and the stale watchdog ---------------------------------------------

TEST(RemoteConnection, AStateThatSaysLiveIsShownLive)
{
    Rig r;
    r.connect();

    r.state();

    EXPECT_EQ(r.c.link().status, LinkStatus::Live);
    EXPECT_EQ(r.c.link().source, kUrl) << "our URL, not the server's own source";
    EXPECT_EQ(r.c.link().layout, Layout::Current);
}

TEST(RemoteConnection, LinkTurnsStaleWhenNoStateArrivesWithinTheWindow)
{
    Rig r;
    r.connect();
    r.state();
    EXPECT_EQ(r.c.msUntilNextTick(), 2000) << "the ping comes first, the watchdog at 2.5 s";

    ASSERT_TRUE(r.liveFor(2500));

    EXPECT_TRUE(r.c.stateOverdue());
    EXPECT_EQ(r.c.link().detail, QStringLiteral("no new state from ws://pi:3001/ws for 2.5 s; it last said live"));
    EXPECT_EQ(r.c.network(), NetworkStatus::Connected) << "the network link is judged apart";
}

TEST(RemoteConnection, EachNewStateRestartsTheStaleWindow)
{
    Rig r;
    r.connect();
    r.state();
    r.now += 2000;
    r.state();

    EXPECT_TRUE(r.liveFor(2500));
}

TEST(RemoteConnection, AStateThatWasAlreadyOldIsNeverShownLive)
{
    Rig r;
    r.connect();

    r.state(LinkStatus::Live, 2500);
    EXPECT_EQ(r.c.link().status, LinkStatus::Stale) << "not even for a moment";

    r.state(LinkStatus::Live, 2499);
    EXPECT_TRUE(r.liveFor(1)) << "its window was what was left of it";
}

TEST(RemoteConnection, AnUnknownAgeCountsAsFresh)
{
    Rig r;
    r.connect();

    const qint64 local = r.c.onState(serverLink(LinkStatus::Live), 50.0, -1, r.wallMs * kMs);

    EXPECT_EQ(local, r.wallMs * kMs);
    EXPECT_TRUE(r.liveFor(2500)) << "the whole window, not a millisecond more or less";
}

TEST(RemoteConnection, TheStaleTimeoutIsThreePublishPeriodsButNeverLessThanStaleAfter)
{
    Rig r;
    r.connect();
    EXPECT_EQ(r.c.staleTimeoutMs(), 2500) << "before any rate";

    r.state(LinkStatus::Live, 0, 0.5);
    EXPECT_EQ(r.c.staleTimeoutMs(), 6000);
    EXPECT_TRUE(r.liveFor(6000)) << "a slow robot is not stale between two states";
    r.state(LinkStatus::Live, 0, 100.0);
    EXPECT_EQ(r.c.staleTimeoutMs(), 2500);
    r.state(LinkStatus::Live, 0, 1e-9);
    EXPECT_EQ(r.c.staleTimeoutMs(), 24LL * 3600 * 1000) << "at most a day";
}

TEST(RemoteConnection, ALiveLinkWithoutAnyStateIsWaitingOnceTheWindowPasses)
{
    Rig r;
    r.connect();

    r.c.onLink(serverLink(LinkStatus::Live));

    EXPECT_TRUE(r.liveFor(2500, LinkStatus::Waiting)) << "the server's word for a while; no state to show stale";
    EXPECT_TRUE(r.c.link().detail.contains(QLatin1String("no new state")));
}

TEST(RemoteConnection, ALiveLinkMessageNeitherExtendsTheWindowNorEndsAnOverdue)
{
    Rig r;
    r.connect();
    r.state();
    r.now += 2000;

    r.c.onLink(serverLink(LinkStatus::Live));
    r.tickAfter(500);
    EXPECT_EQ(r.c.link().status, LinkStatus::Stale) << "the window still ends 2.5 s after the state";
    r.c.onLink(serverLink(LinkStatus::Live));
    r.tickAfter(3000);

    EXPECT_EQ(r.c.link().status, LinkStatus::Stale) << "a live link without a state does not make it live";
    r.state();
    EXPECT_EQ(r.c.link().status, LinkStatus::Live) << "a new state does";
}

TEST(RemoteConnection, TheServersNotLiveWordIsShownAsItIsAndStopsTheWatchdog)
{
    Rig r;
    r.connect();
    r.state();
    r.tickAfter(2500);
    ASSERT_TRUE(r.c.stateOverdue());

    r.c.onLink(serverLink(LinkStatus::Stale, QStringLiteral("the server's own words")));

    EXPECT_FALSE(r.c.stateOverdue());
    EXPECT_EQ(r.c.link().status, LinkStatus::Stale);
    EXPECT_EQ(r.c.link().detail, QStringLiteral("the server's own words"));
    r.c.onLink(serverLink(LinkStatus::Live));
    EXPECT_TRUE(r.liveFor(2500)) << "the server says live again: a fresh window";
}

TEST(RemoteConnection, AStateThatSaysNotLiveArmsNoWatchdog)
{
    Rig r;
    r.connect();

    r.state(LinkStatus::Incompatible);
    r.tickAfter(5000);

    EXPECT_EQ(r.c.link().status, LinkStatus::Incompatible);
    EXPECT_FALSE(r.c.stateOverdue());
}

TEST(RemoteConnection, ALostConnectionShowsTheLastStateStaleAndStopsTheWatchdog)
{
    Rig r;
    r.connect();
    r.state();

    r.c.onSocketClosed();
    r.tickAfter(2500);

    EXPECT_EQ(r.c.link().status, LinkStatus::Stale);
    EXPECT_EQ(r.c.link().detail, QStringLiteral("connection to ws://pi:3001/ws lost"));
    EXPECT_FALSE(r.c.stateOverdue());
}

TEST(RemoteConnection, AClosedAttemptTakesNoMoreStates)
{
    Rig r;
    r.connect();
    r.c.onSocketClosed();

    r.state();

    EXPECT_FALSE(r.c.helloSeen());
    EXPECT_EQ(r.c.link().status, LinkStatus::Waiting) << "never live while the network is down";
    EXPECT_EQ(r.c.link().detail, QStringLiteral("connection to ws://pi:3001/ws lost"));
}

TEST(RemoteConnection, TheWatchdogStaysQuietOnceTheNetworkIsNoLongerConnected)
{
    Rig r;
    r.connect();
    r.state();

    ASSERT_FALSE(r.c.onHello(json::kSchemaVersion + 1, QStringLiteral("other"))); // a second hello, and a bad one
    r.tickAfter(2500);

    EXPECT_FALSE(r.c.stateOverdue());
}

// --- the robot's clock -----------------------------------------------------------------------------------------

TEST(RemoteConnection, PublishTimesAreMovedOntoTheLocalClock)
{
    Rig r;
    r.connect();
    const qint64 hourBehind = (r.wallMs - 3'600'000) * kMs;

    const qint64 local = r.c.onState(serverLink(LinkStatus::Live), 50.0, 5, hourBehind);

    EXPECT_EQ(local, (r.wallMs - 5) * kMs) << "the age is the server's, not an hour";
    EXPECT_EQ(r.c.onState(serverLink(LinkStatus::Live), 50.0, 5, 0), 0) << "unknown stays unknown";
}

TEST(RemoteConnection, TheClockOffsetKeepsTheFastestDelivery)
{
    Rig r;
    r.connect();
    const qint64 offsetMs = 3'600'000;
    r.c.onState(serverLink(LinkStatus::Live), 50.0, 0, (r.wallMs - offsetMs) * kMs);

    r.wallMs += 1000;
    const qint64 slow = r.c.onState(serverLink(LinkStatus::Live), 50.0, 0, (r.wallMs - offsetMs - 300) * kMs);
    EXPECT_EQ(slow, (r.wallMs - 300) * kMs) << "delivered 300 ms slower: shown 300 ms old";
    r.wallMs += 1000;
    const qint64 fast = r.c.onState(serverLink(LinkStatus::Live), 50.0, 0, (r.wallMs - offsetMs + 100) * kMs);

    EXPECT_EQ(fast, r.wallMs * kMs) << "a faster delivery is the better estimate";
}

TEST(RemoteConnection, AClockJumpOfMoreThanTwoSecondsStartsTheOffsetOver)
{
    Rig r;
    r.connect();
    r.c.onState(serverLink(LinkStatus::Live), 50.0, 0, r.wallMs * kMs);

    r.wallMs += 1000;
    const qint64 slow = r.c.onState(serverLink(LinkStatus::Live), 50.0, 0, (r.wallMs - 2000) * kMs);
    EXPECT_EQ(slow, (r.wallMs - 2000) * kMs) << "up to 2 s slower is a slow delivery: the offset stays";
    r.wallMs += 1000;
    const qint64 jumped = r.c.onState(serverLink(LinkStatus::Live), 50.0, 0, (r.wallMs - 2001) * kMs);

    EXPECT_EQ(jumped, r.wallMs * kMs) << "the robot's clock was set back: a new offset, not a 2 s old state";
}

TEST(RemoteConnection, EachAttemptStartsTheOffsetOver)
{
    Rig r;
    r.connect();
    r.c.onState(serverLink(LinkStatus::Live), 50.0, 0, r.wallMs * kMs);
    r.c.onSocketClosed();
    r.tickAfter(250);
    r.c.onHello(json::kSchemaVersion, QStringLiteral("fake 1"));

    const qint64 again = r.c.onState(serverLink(LinkStatus::Live), 50.0, 0, (r.wallMs - 1000) * kMs);

    EXPECT_EQ(again, r.wallMs * kMs) << "another server, or another route: its own offset";
}
