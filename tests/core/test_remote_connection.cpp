// SPDX-License-Identifier: MIT
// RemoteSource's rules without a socket: RemoteConnection on injected clocks. Attempts and backoff, silence,
// hello, the network status and its detail (the link and the clock: test_remote_connection_link.cpp).
#include "remoteconnection_rig.h"

#include <vector>

using namespace omni;
using namespace omni::test;
using namespace std::chrono_literals;

TEST(RemoteConnection, StartOpensAtOnceSaysConnectingAndCountsTheAttempt)
{
    Rig r;
    EXPECT_EQ(r.c.network(), NetworkStatus::Idle);
    EXPECT_EQ(r.c.msUntilNextTick(), -1) << "stopped: nothing to wake up for";

    EXPECT_EQ(r.c.start(), RemoteAction::Open);

    EXPECT_EQ(r.c.network(), NetworkStatus::Connecting);
    EXPECT_EQ(r.c.attempts(), 1);
    EXPECT_EQ(r.c.link().status, LinkStatus::Waiting);
    EXPECT_EQ(r.c.link().detail, QStringLiteral("connecting to ws://pi:3001/ws"));
    EXPECT_EQ(r.c.link().layout, Layout::Remote);
    EXPECT_EQ(r.c.link().source, kUrl);
    EXPECT_EQ(r.c.start(), RemoteAction::None) << "already running";
    EXPECT_EQ(r.c.attempts(), 1);
}

TEST(RemoteConnection, BackoffDoublesFromTheShortestDelayUpToTheLongest)
{
    Rig r;
    r.c.start();

    const std::vector<qint64> delays = r.failTimes(8);

    EXPECT_EQ(delays, (std::vector<qint64>{250, 500, 1000, 2000, 4000, 5000, 5000, 5000}));
    EXPECT_EQ(r.c.attempts(), 9);
    EXPECT_EQ(r.c.network(), NetworkStatus::Unreachable);
    for (const qint64 delay : r.failTimes(100)) {
        ASSERT_EQ(delay, 5000) << "no overflow after many failures";
    }
}

TEST(RemoteConnection, AZeroBackoffStillWaitsAMillisecond)
{
    RemoteSourceOptions o = timing();
    o.minBackoff = 0ms;
    Rig r(o);
    r.c.start();

    ASSERT_TRUE(r.c.onSocketClosed());

    EXPECT_EQ(r.c.msUntilRetry(), 1);
}

TEST(RemoteConnection, ARetryOpensOnlyWhenItIsDue)
{
    Rig r;
    r.c.start();
    ASSERT_TRUE(r.c.onSocketClosed());
    ASSERT_EQ(r.c.msUntilRetry(), 250);
    EXPECT_EQ(r.c.msUntilNextTick(), 250) << "no attempt under way: the retry is all there is";

    EXPECT_EQ(r.tickAfter(249), RemoteAction::None);
    EXPECT_EQ(r.c.msUntilRetry(), 1);
    EXPECT_EQ(r.tickAfter(1), RemoteAction::Open);

    EXPECT_EQ(r.c.msUntilRetry(), -1);
    EXPECT_EQ(r.c.attempts(), 2);
}

TEST(RemoteConnection, ACloseIsCountedOncePerAttempt)
{
    Rig r;
    r.c.start();
    ASSERT_TRUE(r.c.onSocketClosed());

    EXPECT_FALSE(r.c.onSocketClosed()) << "error and disconnected both report the same end";

    EXPECT_EQ(r.c.msUntilRetry(), 250) << "the backoff grew once";
}

TEST(RemoteConnection, AConnectionLostAfterHelloIsRetriedAtTheShortestDelay)
{
    Rig r;
    r.c.start();
    r.failTimes(4); // the next failure would wait 4 s
    r.c.onSocketOpen();
    ASSERT_TRUE(r.c.onHello(json::kSchemaVersion, QStringLiteral("fake 1")));

    ASSERT_TRUE(r.c.onSocketClosed());

    EXPECT_EQ(r.c.msUntilRetry(), 250);
    EXPECT_EQ(r.c.network(), NetworkStatus::Unreachable);
    EXPECT_EQ(r.c.networkDetail(), QStringLiteral("connection lost"));
    EXPECT_EQ(r.c.link().detail, QStringLiteral("connection to ws://pi:3001/ws lost"));
}

TEST(RemoteConnection, AFailedAttemptIsUnreachableAndSaysWhyEvenForOtherHttpStatuses)
{
    const std::pair<int, QString> failures[] = {{0, QStringLiteral("Connection refused")},
                                                {404, QStringLiteral("Unhandled http status code: 404")}};
    for (const auto &[http, why] : failures) {
        Rig r;
        r.c.start();
        r.c.onSocketError(http, why);

        ASSERT_TRUE(r.c.onSocketClosed());

        EXPECT_EQ(r.c.network(), NetworkStatus::Unreachable) << http;
        EXPECT_EQ(r.c.networkDetail(), why);
        EXPECT_EQ(r.c.msUntilRetry(), 250) << "the short backoff: a server may come back any moment";
        EXPECT_EQ(r.c.link().status, LinkStatus::Waiting) << "no state ever: waiting, not stale";
        EXPECT_EQ(r.c.link().detail, QStringLiteral("cannot reach ws://pi:3001/ws"));
    }
}

TEST(RemoteConnection, AFailureWithoutAnErrorSaysNoConnection)
{
    Rig r;
    r.c.start();

    ASSERT_TRUE(r.c.onSocketClosed());

    EXPECT_EQ(r.c.networkDetail(), QStringLiteral("no connection"));
}

TEST(RemoteConnection, AReasonGivenWithTheCloseOverridesTheSocketError)
{
    Rig r;
    r.connect();
    r.c.onSocketError(0, QStringLiteral("The remote host closed the connection"));

    ASSERT_TRUE(r.c.onSocketClosed(QStringLiteral("the server sent a message larger than 65536 bytes")));

    EXPECT_EQ(r.c.network(), NetworkStatus::Unreachable);
    EXPECT_EQ(r.c.networkDetail(), QStringLiteral("the server sent a message larger than 65536 bytes"));
}

TEST(RemoteConnection, StopEndsTheAttemptAndPlansNothing)
{
    Rig r;
    r.connect();
    r.state();

    r.c.stop();

    EXPECT_FALSE(r.c.running());
    EXPECT_EQ(r.c.network(), NetworkStatus::Idle);
    EXPECT_EQ(r.c.networkDetail(), QString());
    EXPECT_EQ(r.c.link().status, LinkStatus::Stale) << "the last state stays, shown as stale";
    EXPECT_EQ(r.c.link().detail, QStringLiteral("disconnected from ws://pi:3001/ws"));
    EXPECT_EQ(r.c.msUntilRetry(), -1);
    EXPECT_EQ(r.c.msUntilNextTick(), -1);
    EXPECT_FALSE(r.c.onSocketClosed()) << "a late close of the stopped attempt counts for nothing";
    EXPECT_EQ(r.tickAfter(60'000), RemoteAction::None);
}

TEST(RemoteConnection, StartAfterStopCountsAttemptsAndBackoffAfresh)
{
    Rig r;
    r.c.start();
    r.failTimes(3);
    r.c.stop();

    EXPECT_EQ(r.c.start(), RemoteAction::Open);

    EXPECT_EQ(r.c.attempts(), 1);
    EXPECT_EQ(r.c.network(), NetworkStatus::Connecting);
    ASSERT_TRUE(r.c.onSocketClosed());
    EXPECT_EQ(r.c.msUntilRetry(), 250);
}

TEST(RemoteConnection, ResetForgetsTheLastServersStateRateAndLink)
{
    Rig r;
    r.connect();
    r.state(LinkStatus::Live, 0, 0.5);
    r.c.stop();

    r.c.reset(QStringLiteral("ws://other:3002/ws"));

    EXPECT_EQ(r.c.link().status, LinkStatus::Waiting);
    EXPECT_EQ(r.c.link().detail, QString());
    EXPECT_EQ(r.c.link().source, QStringLiteral("ws://other:3002/ws"));
    EXPECT_EQ(r.c.staleTimeoutMs(), 2500) << "the old robot's rate is forgotten";
    r.c.start();
    r.c.onSocketClosed();
    EXPECT_EQ(r.c.link().status, LinkStatus::Waiting) << "no state from this server: waiting, not stale";
    EXPECT_EQ(r.c.link().detail, QStringLiteral("cannot reach ws://other:3002/ws"));
}

// --- silence and pings -------------------------------------------------------------------------------------

TEST(RemoteConnection, PingsAreDueEveryPingIntervalDuringAnAttempt)
{
    Rig r;
    r.c.start();
    EXPECT_EQ(r.c.msUntilNextTick(), 2000);

    EXPECT_EQ(r.tickAfter(1999), RemoteAction::None);
    EXPECT_EQ(r.tickAfter(1), RemoteAction::Ping);
    EXPECT_EQ(r.c.msUntilNextTick(), 2000);
}

TEST(RemoteConnection, AnAttemptThatHearsNothingIsGivenUpAfterTheSilenceTimeout)
{
    Rig r;
    r.c.start();
    r.c.onSocketOpen(); // at 0: the handshake counts as an answer

    EXPECT_EQ(r.tickAfter(2000), RemoteAction::Ping);
    EXPECT_EQ(r.tickAfter(2000), RemoteAction::Ping);
    EXPECT_EQ(r.tickAfter(2000), RemoteAction::Ping) << "6 s of silence is not more than the timeout";
    EXPECT_EQ(r.tickAfter(2000), RemoteAction::Abort);

    EXPECT_EQ(r.c.network(), NetworkStatus::Unreachable);
    EXPECT_EQ(r.c.networkDetail(), QStringLiteral("no answer for 6 s"));
    EXPECT_EQ(r.c.msUntilRetry(), 250) << "given up is counted as closed: the retry is planned";
    EXPECT_EQ(r.c.msUntilNextTick(), 250) << "and no more pings for the attempt given up";
    EXPECT_FALSE(r.c.onSocketClosed()) << "the aborted socket's own close is not counted again";
}

TEST(RemoteConnection, AnyMessageEvenBeforeHelloKeepsTheAttemptAlive)
{
    Rig r;
    r.c.start();

    for (int i = 0; i < 10; ++i) {
        r.now += 1000;
        r.c.onMessage();
        EXPECT_NE(r.tickAfter(1000), RemoteAction::Abort) << "at " << (i + 1) * 2 << " s";
    }
}

TEST(RemoteConnection, PongsBeforeHelloDoNotKeepTheAttemptAlive)
{
    Rig r;
    r.c.start();

    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(r.tickAfter(2000), RemoteAction::Ping);
        r.c.onPong();
    }

    EXPECT_EQ(r.tickAfter(2000), RemoteAction::Abort) << "a server that answers pings but never says hello";
}

TEST(RemoteConnection, PongsAfterHelloKeepTheAttemptAlive)
{
    Rig r;
    r.connect();

    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(r.tickAfter(2000), RemoteAction::Ping) << "at " << (i + 1) * 2 << " s";
        r.c.onPong();
    }

    EXPECT_EQ(r.c.network(), NetworkStatus::Connected);
}

// --- hello, refusals -------------------------------------------------------------------------------------

TEST(RemoteConnection, HelloIsRequiredBeforeTheServersOtherMessagesCount)
{
    Rig r;
    r.c.start();
    r.c.onSocketOpen();
    ASSERT_FALSE(r.c.helloSeen());

    const qint64 publish = r.c.onState(serverLink(LinkStatus::Live), 50.0, 0, 123);
    r.c.onLink(serverLink(LinkStatus::Live));

    EXPECT_EQ(publish, 123) << "ignored: nothing to rebase";
    EXPECT_EQ(r.c.link().status, LinkStatus::Waiting);
    EXPECT_EQ(r.c.link().detail, QStringLiteral("connecting to ws://pi:3001/ws"));
    EXPECT_EQ(r.c.msUntilNextTick(), 2000) << "no watchdog armed";
}

TEST(RemoteConnection, AHelloWithThisSchemaConnectsAndWaitsForTheFirstState)
{
    Rig r;
    r.c.start();

    EXPECT_TRUE(r.c.onHello(json::kSchemaVersion, QStringLiteral("fake 1")));

    EXPECT_TRUE(r.c.helloSeen());
    EXPECT_EQ(r.c.network(), NetworkStatus::Connected);
    EXPECT_EQ(r.c.networkDetail(), QString());
    EXPECT_EQ(r.c.link().status, LinkStatus::Waiting) << "connected is not live: no robot state yet";
    EXPECT_EQ(r.c.link().detail, QStringLiteral("connected to ws://pi:3001/ws; waiting for its first state"));
}

TEST(RemoteConnection, EachAttemptNeedsItsOwnHello)
{
    Rig r;
    r.connect();
    r.c.onSocketClosed();

    ASSERT_EQ(r.tickAfter(250), RemoteAction::Open);

    EXPECT_FALSE(r.c.helloSeen());
}

TEST(RemoteConnection, AHelloWithAnotherSchemaIsIncompatibleAndRetriedOnlyAtTheLongestDelay)
{
    Rig r;
    r.c.start();
    const int other = json::kSchemaVersion + 1;

    EXPECT_FALSE(r.c.onHello(other, QStringLiteral("omniscient 9.0"))) << "close the socket";

    EXPECT_FALSE(r.c.helloSeen());
    EXPECT_EQ(r.c.network(), NetworkStatus::Incompatible);
    EXPECT_EQ(r.c.networkDetail(), QStringLiteral("server omniscient 9.0 speaks schema %1; this build reads schema %2")
                                       .arg(other)
                                       .arg(json::kSchemaVersion));
    ASSERT_TRUE(r.c.onSocketClosed());
    EXPECT_EQ(r.c.network(), NetworkStatus::Incompatible) << "the close does not hide why";
    EXPECT_EQ(r.c.msUntilRetry(), 5000);
}

TEST(RemoteConnection, ATokenRefusalIsRetriedOnlyAtTheLongestDelay)
{
    for (const int http : {401, 403}) {
        Rig r;
        r.c.start();

        r.c.onSocketError(http, QStringLiteral("Unhandled http status code: %1").arg(http));
        r.c.onSocketError(0, QStringLiteral("The remote host closed the connection"));
        ASSERT_TRUE(r.c.onSocketClosed());

        EXPECT_EQ(r.c.network(), NetworkStatus::TokenRefused) << http;
        EXPECT_EQ(r.c.networkDetail(), QStringLiteral("HTTP %1").arg(http)) << "a later error does not hide it";
        EXPECT_EQ(r.c.link().detail, QStringLiteral("cannot reach ws://pi:3001/ws"));
        EXPECT_EQ(r.c.msUntilRetry(), 5000) << http;
    }
}

TEST(RemoteConnection, AfterASlowRetryAPlainFailureIsUnreachableAgain)
{
    Rig r;
    r.c.start();
    r.c.onSocketError(401, QString());
    r.c.onSocketClosed();
    ASSERT_EQ(r.tickAfter(5000), RemoteAction::Open);

    r.c.onSocketError(0, QStringLiteral("Connection refused"));
    ASSERT_TRUE(r.c.onSocketClosed());

    EXPECT_EQ(r.c.network(), NetworkStatus::Unreachable);
    EXPECT_EQ(r.c.networkDetail(), QStringLiteral("Connection refused"));
    EXPECT_EQ(r.c.msUntilRetry(), 500) << "the slow retry counted as a failure of the backoff";
}
