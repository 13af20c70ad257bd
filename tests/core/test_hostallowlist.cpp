// SPDX-License-Identifier: MIT
// HostAllowList alone: which Host header values pass, and how names are normalised.
#include <omni/hostallowlist.h>

#include <QHostInfo>

#include <gtest/gtest.h>

using namespace omni;

TEST(HostAllowList, AllowsIpLiteralsWithOrWithoutAPort)
{
    const HostAllowList list;
    for (const char *host : {"127.0.0.1", "127.0.0.1:3001", "192.168.1.20", "10.0.0.255:65535", "[::1]", "[::1]:3001",
                             "[fe80::1:2]:80", "[2001:DB8::1]"}) {
        EXPECT_TRUE(list.allows(host)) << host;
    }
}

TEST(HostAllowList, AllowsLocalhostAndItsSubdomainsInAnyCaseWithATrailingDot)
{
    const HostAllowList list;
    for (const char *host : {"localhost", "localhost:3001", "LocalHost", "localhost.", "localhost.:3001",
                             "app.localhost", "a.b.LOCALHOST:1"}) {
        EXPECT_TRUE(list.allows(host)) << host;
    }
    EXPECT_FALSE(list.allows("localhost.evil.example"));
    EXPECT_FALSE(list.allows("evil-localhost"));
}

TEST(HostAllowList, AllowsOnlyTheNamesItWasGivenNormalised)
{
    const HostAllowList list({QStringLiteral("Robot.Example."), QStringLiteral("pi")});
    EXPECT_EQ(list.names(), (QStringList{QStringLiteral("robot.example"), QStringLiteral("pi")}));
    for (const char *host : {"robot.example", "ROBOT.example:3001", "robot.example.", "pi", "pi:3002", "PI."}) {
        EXPECT_TRUE(list.allows(host)) << host;
    }
    for (const char *host : {"evil.example", "robot.example.evil", "xrobot.example", "pi.local", "p"}) {
        EXPECT_FALSE(list.allows(host)) << host;
    }
}

TEST(HostAllowList, RefusesMalformedHostValues)
{
    const HostAllowList list({QStringLiteral("robot.example")});
    for (const char *host : {"",
                             " ",
                             "robot.example:",
                             "robot.example:abc",
                             "robot.example:65536",
                             "robot.example:3001:1",
                             "::1",
                             "::1:3001",
                             "[::1",
                             "[::1]x",
                             "[::1]:",
                             "[::1]:99999",
                             "[127.0.0.1]",
                             "[robot.example]",
                             "[fe80::1%eth0]",
                             "robot..example",
                             ".robot.example",
                             "robot.example..",
                             "robot example",
                             "robot.example/x",
                             "user@robot.example",
                             "http://robot.example",
                             "r\xc3\xb6"
                             "bot.example"}) {
        EXPECT_FALSE(list.allows(host)) << '"' << host << '"';
    }
}

TEST(HostAllowList, ANumericLookingNameIsNotTakenForAnAddress)
{
    const HostAllowList list;
    EXPECT_FALSE(list.allows("256.1.1.1")) << "not an IPv4 address: a name nobody listed";
    EXPECT_FALSE(list.allows("127.1"));
    EXPECT_FALSE(list.allows("1.2.3.4.5"));
}

TEST(HostAllowList, HostOfGivesTheHostPartNormalised)
{
    EXPECT_EQ(HostAllowList::hostOf("Robot.Example.:3001"), std::optional<QString>(QStringLiteral("robot.example")));
    EXPECT_EQ(HostAllowList::hostOf("[::1]:3001"), std::optional<QString>(QStringLiteral("::1")));
    EXPECT_EQ(HostAllowList::hostOf("10.1.2.3:80"), std::optional<QString>(QStringLiteral("10.1.2.3")));
    EXPECT_EQ(HostAllowList::hostOf("a:b"), std::nullopt);
}

TEST(HostAllowList, NormaliseNameAcceptsDnsNamesOnly)
{
    EXPECT_EQ(HostAllowList::normaliseName(u"My-Pi_2.Local."), std::optional<QString>(QStringLiteral("my-pi_2.local")));
    EXPECT_EQ(HostAllowList::normaliseName(QString(63, QLatin1Char('a'))), QString(63, QLatin1Char('a')));
    EXPECT_EQ(HostAllowList::normaliseName(QString(64, QLatin1Char('a'))), std::nullopt) << "a label is <= 63";
    EXPECT_EQ(HostAllowList::normaliseName(QStringList(64, QStringLiteral("abc")).join(QLatin1Char('.'))), std::nullopt)
        << "a name is <= 253";
    for (const char16_t *bad : {u"", u".", u"a..b", u"a:3001", u"http://a", u"[::1]", u"a b", u"a/b"}) {
        EXPECT_EQ(HostAllowList::normaliseName(bad), std::nullopt) << QString::fromUtf16(bad).toStdString();
    }
}

TEST(HostAllowList, MachineNamesAreTheHostNameAndItsMdnsName)
{
    const QString host = QHostInfo::localHostName().toLower().section(QLatin1Char('.'), 0, 0);
    if (host.isEmpty() || host == QLatin1String("localhost")) {
        GTEST_SKIP() << "this machine has no host name of its own";
    }
    const QStringList names = HostAllowList::machineNames();
    EXPECT_TRUE(names.contains(host)) << names.join(QLatin1Char(',')).toStdString();
    EXPECT_TRUE(names.contains(host + QStringLiteral(".local"))) << names.join(QLatin1Char(',')).toStdString();
    const HostAllowList list(names);
    EXPECT_TRUE(list.allows((host + QStringLiteral(".local:3001")).toUtf8()));
    EXPECT_TRUE(list.allows(host.toUpper().toUtf8()));
}
