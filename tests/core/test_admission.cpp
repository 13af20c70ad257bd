// SPDX-License-Identifier: MIT
// ConnectionAdmission: which unfinished HTTP connection makes room for a newcomer, and the per-address cap.
// Pure, with an injected clock: no sockets, no waiting.
#include "server/admission.h"

#include <gtest/gtest.h>

using namespace omni;
using namespace std::chrono_literals;
using Kind = ConnectionAdmission::Decision::Kind;

namespace {
const QHostAddress kAttacker(QStringLiteral("192.0.2.66"));
const QHostAddress kReader(QStringLiteral("198.51.100.7"));
const ConnectionAdmission::Clock::time_point t0{};

ConnectionAdmission::Limits limits(int total, int perAddress)
{
    ConnectionAdmission::Limits l;
    l.maxUnfinished = total;
    l.maxUnfinishedPerAddress = perAddress;
    l.minStall = 1000ms;
    return l;
}
} // namespace

TEST(ConnectionAdmission, AdmitsBelowTheCaps)
{
    ConnectionAdmission a(limits(3, 2));
    a.add(1, kAttacker, t0);
    EXPECT_EQ(a.decide(kAttacker, t0).kind, Kind::Admit);
    EXPECT_EQ(a.decide(kReader, t0).kind, Kind::Admit);
}

TEST(ConnectionAdmission, AtTheTotalCapReplacesTheConnectionStalledLongest)
{
    ConnectionAdmission a(limits(3, 3));
    a.add(1, kAttacker, t0);         // accepted first, but it keeps sending
    a.add(2, kAttacker, t0 + 100ms); // a slowloris: a partial head, then silence
    a.add(3, kReader, t0 + 200ms);
    a.progressed(1, 10, t0 + 4000ms);
    a.progressed(2, 30, t0 + 300ms);
    a.progressed(3, 5, t0 + 2000ms);

    const auto d = a.decide(kReader, t0 + 4500ms);

    EXPECT_EQ(d.kind, Kind::Replace);
    EXPECT_EQ(d.victim, 2u) << "not the one whose last byte lies furthest back";
    EXPECT_FALSE(d.perAddress);
}

TEST(ConnectionAdmission, AmongEquallyStalledTheOneWithFewerBytesGoes)
{
    ConnectionAdmission a(limits(2, 2));
    a.add(1, kAttacker, t0);
    a.add(2, kReader, t0);
    a.progressed(1, 40, t0 + 10ms);
    a.progressed(2, 4, t0 + 10ms);

    const auto d = a.decide(kReader, t0 + 2000ms);

    EXPECT_EQ(d.kind, Kind::Replace);
    EXPECT_EQ(d.victim, 2u);
}

TEST(ConnectionAdmission, NeverReplacesOneThatJustConnectedOrJustSentSomething)
{
    ConnectionAdmission a(limits(2, 2));
    a.add(1, kReader, t0 + 5000ms); // a real reader that has not sent its request yet
    a.add(2, kAttacker, t0);        // old, but just trickled a byte
    a.progressed(2, 1, t0 + 5200ms);

    const auto d = a.decide(kReader, t0 + 5300ms);

    EXPECT_EQ(d.kind, Kind::Refuse);
    EXPECT_FALSE(a.stalest(t0 + 5300ms).has_value());
}

TEST(ConnectionAdmission, AConnectionOpenLongButIdleSinceItsAcceptIsTheVictim)
{
    ConnectionAdmission a(limits(2, 2));
    a.add(1, kAttacker, t0); // connected, not a byte since
    a.add(2, kReader, t0 + 1900ms);

    const auto d = a.decide(kReader, t0 + 2000ms);

    EXPECT_EQ(d.kind, Kind::Replace);
    EXPECT_EQ(d.victim, 1u);
}

TEST(ConnectionAdmission, SettledConnectionsCountButAreNeverVictims)
{
    ConnectionAdmission a(limits(2, 2));
    a.add(1, kAttacker, t0);
    a.add(2, kAttacker, t0);
    a.settle(1); // answering, or in its WebSocket handshake
    a.settle(2);

    const auto d = a.decide(kReader, t0 + 60s);

    EXPECT_EQ(d.kind, Kind::Refuse);
    EXPECT_EQ(a.count(), 2);
}

TEST(ConnectionAdmission, OneAddressAtItsCapReplacesOnlyItsOwnConnections)
{
    ConnectionAdmission a(limits(10, 2));
    a.add(1, kReader, t0); // stalled longest of all, but another address
    a.add(2, kAttacker, t0 + 100ms);
    a.add(3, kAttacker, t0 + 200ms);

    const auto attacker = a.decide(kAttacker, t0 + 5000ms);
    const auto reader = a.decide(kReader, t0 + 5000ms);

    EXPECT_EQ(attacker.kind, Kind::Replace);
    EXPECT_TRUE(attacker.perAddress);
    EXPECT_EQ(attacker.victim, 2u);
    EXPECT_EQ(reader.kind, Kind::Admit) << "another address is not held to the attacker's cap";
}

TEST(ConnectionAdmission, OneAddressAtItsCapWithOnlyFreshConnectionsIsRefused)
{
    ConnectionAdmission a(limits(10, 2));
    a.add(1, kAttacker, t0);
    a.add(2, kAttacker, t0);

    const auto d = a.decide(kAttacker, t0 + 500ms);

    EXPECT_EQ(d.kind, Kind::Refuse);
    EXPECT_TRUE(d.perAddress);
    EXPECT_EQ(a.countFrom(kAttacker), 2);
}

TEST(ConnectionAdmission, RemovingAConnectionFreesItsAddressSlot)
{
    ConnectionAdmission a(limits(10, 1));
    a.add(1, kAttacker, t0);
    ASSERT_EQ(a.decide(kAttacker, t0).kind, Kind::Refuse);

    a.remove(1);
    a.remove(1); // twice is harmless

    EXPECT_EQ(a.decide(kAttacker, t0).kind, Kind::Admit);
    EXPECT_EQ(a.countFrom(kAttacker), 0);
    EXPECT_EQ(a.count(), 0);
}

TEST(ConnectionAdmission, AnIPv6SubnetCountsAsOneAddressAndMappedIPv4AsItsIPv4)
{
    ConnectionAdmission a(limits(10, 2));
    a.add(1, QHostAddress(QStringLiteral("2001:db8:1:2::1")), t0);
    a.add(2, QHostAddress(QStringLiteral("2001:db8:1:2:ffff::9")), t0);
    a.add(3, QHostAddress(QStringLiteral("::ffff:192.0.2.66")), t0);

    EXPECT_EQ(a.decide(QHostAddress(QStringLiteral("2001:db8:1:2::77")), t0).kind, Kind::Refuse);
    EXPECT_EQ(a.decide(QHostAddress(QStringLiteral("2001:db8:1:3::1")), t0).kind, Kind::Admit);
    EXPECT_EQ(a.countFrom(kAttacker), 1) << "a dual-stack socket's ::ffff:a.b.c.d is that IPv4 address";
}

TEST(ConnectionAdmission, LoopbackHasNoPerAddressCapUnlessAskedButCountsInTheTotal)
{
    const QHostAddress local(QHostAddress::LocalHost);
    ConnectionAdmission a(limits(3, 1));
    a.add(1, local, t0);
    a.add(2, local, t0);
    EXPECT_EQ(a.decide(local, t0).kind, Kind::Admit) << "a reverse proxy here makes every client 127.0.0.1";
    a.add(3, local, t0);
    EXPECT_EQ(a.decide(local, t0).kind, Kind::Refuse) << "the total cap still holds";

    ConnectionAdmission::Limits capped = limits(3, 1);
    capped.capLoopback = true;
    ConnectionAdmission b(capped);
    b.add(1, local, t0);
    EXPECT_EQ(b.decide(local, t0).kind, Kind::Refuse);
    EXPECT_TRUE(b.decide(local, t0).perAddress);
}
