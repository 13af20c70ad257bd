// SPDX-License-Identifier: MIT
// RemoteConnection on hand-moved clocks, for the tests of its rules (test_remote_connection*.cpp).
#pragma once

#include "remote/remoteconnection.h"

#include <omni/statejson.h>

#include <gtest/gtest.h>

#include <vector>

namespace omni::test {

using namespace std::chrono_literals;

inline const QString kUrl = QStringLiteral("ws://pi:3001/ws");
inline constexpr qint64 kMs = 1'000'000; // ns

inline RemoteSourceOptions timing()
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
inline LinkInfo serverLink(LinkStatus status, const QString &detail = {})
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

} // namespace omni::test
