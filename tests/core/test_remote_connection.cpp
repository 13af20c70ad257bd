// SPDX-License-Identifier: MIT
// RemoteSource's rules without a socket: RemoteConnection on injected clocks. Attempts and backoff, silence,
// hello, the network status and its detail, the stale watchdog over the server's "live", the robot's clock.
#include "remote/remoteconnection.h"

#include <omni/statejson.h>

#include <gtest/gtest.h>

#include <utility>
#include <vector>

using namespace omni;
using namespace std::chrono_literals;

namespace {

const QString kUrl = QStringLiteral("ws://pi:3001/ws");
constexpr qint64 kMs = 1'000'000; // ns

RemoteSourceOptions timing()
{
    RemoteSourceOptions o;
    o.minBackoff = 250ms;
    o.maxBackoff = 5000ms;
    o.pingInterval = 2000ms;
    o.silenceTimeout = 6000ms;
    o.staleAfter = 2500ms;
    return o;
}

/// The robot's link as the server says it: `status`, with the server's own `detail`.
LinkInfo serverLink(LinkStatus status, const QString &detail = {})
{
    LinkInfo l;
    l.status = status;
    l.detail = detail;
    l.layout = Layout::Current;
    l.source = QStringLiteral("shm:omnigod");
    return l;
}

/// A connection on hand-moved clocks.
struct Rig {
    explicit Rig(const RemoteSourceOptions &o = timing()) : c(o, kUrl, monotonicClock(), wallClock()) {}
    Rig(const Rig &) = delete;
    Rig &operator=(const Rig &) = delete;

    RemoteConnection::Clock monotonicClock()
    {
        return [this] { return now; };
    }
    RemoteConnection::WallClock wallClock()
    {
        return [this] { return wallMs; };
    }
    /// Moves the monotonic clock by `ms` and ticks.
    RemoteAction tickAfter(qint64 ms)
    {
        now += ms;
        return c.tick();
    }
    /// Fails attempts until `n` closes were counted, each retry opened when due; returns the delays.
    std::vector<qint64> failTimes(int n)
    {
        std::vector<qint64> delays;
        for (int i = 0; i < n; ++i) {
            EXPECT_TRUE(c.onSocketClosed());
            delays.push_back(c.msUntilRetry());
            EXPECT_EQ(tickAfter(c.msUntilRetry()), RemoteAction::Open);
        }
        return delays;
    }
    /// The link reads live for `ms` - 1 more milliseconds (ticked then), and `then` a millisecond later.
    ::testing::AssertionResult liveFor(qint64 ms, LinkStatus then = LinkStatus::Stale)
    {
        if (tickAfter(ms - 1); c.link().status != LinkStatus::Live) {
            return ::testing::AssertionFailure() << "no longer live " << ms - 1 << " ms later";
        }
        if (tickAfter(1); c.link().status != then) {
            return ::testing::AssertionFailure() << "not what was expected " << ms << " ms later";
        }
        return ::testing::AssertionSuccess();
    }
    /// Starts and gets the server's hello.
    void connect()
    {
        EXPECT_EQ(c.start(), RemoteAction::Open);
        c.onSocketOpen();
        EXPECT_TRUE(c.onHello(json::kSchemaVersion, QStringLiteral("fake 1")));
    }
    /// A state that says `status`, `ageMs` old at the server, from a robot publishing at `rateHz`.
    void state(LinkStatus status = LinkStatus::Live, qint64 ageMs = 0, double rateHz = 50.0)
    {
        c.onMessage();
        c.onState(serverLink(status), rateHz, ageMs, wallMs * kMs);
    }

    qint64 now = 10'000;
    qint64 wallMs = 1'700'000'000'000;
    RemoteConnection c;
};

} // namespace

// --- attempts, backoff, stop -------------------------------------------------------------------------------

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
