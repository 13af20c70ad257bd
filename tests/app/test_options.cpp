// SPDX-License-Identifier: MIT
#include "options.h"

#include <gtest/gtest.h>

using namespace omni::app;

namespace {
ParseResult parse(QStringList args, const QString &envToken = {})
{
    args.prepend(QStringLiteral("omniscient"));
    return parseOptions(args, envToken);
}
} // namespace

TEST(Options, DefaultsReadOmnigodAndServeOnPort3001)
{
    const auto r = parse({});
    ASSERT_EQ(r.action, ParseResult::Action::Run);
    EXPECT_EQ(r.options.shmName, QStringLiteral("omnigod"));
    EXPECT_EQ(r.options.port, 3001);
    EXPECT_EQ(r.options.staleMs, 1000);
    EXPECT_TRUE(r.options.readerPredicts);
    EXPECT_EQ(r.options.maxClients, 64);
    EXPECT_DOUBLE_EQ(r.options.maxRate, 60.0);
    EXPECT_FALSE(r.options.headless);
}

TEST(Options, ParsesEveryFlag)
{
    const auto r = parse({QStringLiteral("--shm"),
                          QStringLiteral("robot1"),
                          QStringLiteral("--headless"),
                          QStringLiteral("--print-json"),
                          QStringLiteral("--stale-ms"),
                          QStringLiteral("250"),
                          QStringLiteral("--port"),
                          QStringLiteral("0"),
                          QStringLiteral("--bind"),
                          QStringLiteral("127.0.0.1"),
                          QStringLiteral("--max-clients"),
                          QStringLiteral("5"),
                          QStringLiteral("--max-rate"),
                          QStringLiteral("30"),
                          QStringLiteral("--token"),
                          QStringLiteral("s3cret"),
                          QStringLiteral("--no-server"),
                          QStringLiteral("--lang"),
                          QStringLiteral("de"),
                          QStringLiteral("--reader-wake"),
                          QStringLiteral("futex")});
    ASSERT_EQ(r.action, ParseResult::Action::Run) << r.message.toStdString();
    EXPECT_EQ(r.options.shmName, QStringLiteral("robot1"));
    EXPECT_TRUE(r.options.headless);
    EXPECT_TRUE(r.options.printJson);
    EXPECT_EQ(r.options.staleMs, 250);
    EXPECT_EQ(r.options.port, 0);
    EXPECT_EQ(r.options.bind, QStringLiteral("127.0.0.1"));
    EXPECT_EQ(r.options.maxClients, 5);
    EXPECT_DOUBLE_EQ(r.options.maxRate, 30.0);
    EXPECT_EQ(r.options.token, QStringLiteral("s3cret"));
    EXPECT_TRUE(r.options.noServer);
    EXPECT_EQ(r.options.lang, QStringLiteral("de"));
    EXPECT_FALSE(r.options.readerPredicts);
}

TEST(Options, SoundDirAndNoSound)
{
    auto r = parse({});
    EXPECT_TRUE(r.options.soundDir.isEmpty()) << "the built-in clucks";
    EXPECT_FALSE(r.options.noSound) << "the robot clucks on its machine by default";
    r = parse({QStringLiteral("--sound-dir"), QStringLiteral("/home/pi/assets"), QStringLiteral("--no-sound")});
    ASSERT_EQ(r.action, ParseResult::Action::Run) << r.message.toStdString();
    EXPECT_EQ(r.options.soundDir, QStringLiteral("/home/pi/assets"));
    EXPECT_TRUE(r.options.noSound);
}

TEST(Options, TokenFallsBackToTheEnvironment)
{
    EXPECT_EQ(parse({}, QStringLiteral("fromenv")).options.token, QStringLiteral("fromenv"));
    EXPECT_EQ(parse({QStringLiteral("--token"), QStringLiteral("flag")}, QStringLiteral("fromenv")).options.token,
              QStringLiteral("flag"));
}

TEST(Options, BadValuesGetAnErrorNamingTheFlagAndWhatIsExpected)
{
    struct Case {
        QStringList args;
        const char *mentions;
    };
    const Case cases[] = {
        {{QStringLiteral("--port"), QStringLiteral("70000")}, "--port"},
        {{QStringLiteral("--port"), QStringLiteral("http")}, "--port"},
        {{QStringLiteral("--sim-rate"), QStringLiteral("0")}, "--sim-rate"},
        {{QStringLiteral("--stale-ms"), QStringLiteral("-5")}, "--stale-ms"},
        {{QStringLiteral("--reader-wake"), QStringLiteral("poll")}, "--reader-wake"},
        {{QStringLiteral("--max-clients"), QStringLiteral("2.5")}, "--max-clients"},
        {{QStringLiteral("--max-rate"), QStringLiteral("nan")}, "--max-rate"},
        {{QStringLiteral("--shm"), QStringLiteral("a/b")}, "--shm"},
        {{QStringLiteral("--shm"), QStringLiteral("")}, "--shm"},
        {{QStringLiteral("--connect"), QStringLiteral("http://pi:3001/ws")}, "--connect"},
        {{QStringLiteral("--connect"), QStringLiteral("ws://pi:3001/ws"), QStringLiteral("--simulate")}, "--simulate"},
        {{QStringLiteral("--sound-dir"), QStringLiteral("")}, "--sound-dir"},
        {{QStringLiteral("--frobnicate")}, "frobnicate"},
        {{QStringLiteral("stray")}, "stray"},
    };
    for (const auto &c : cases) {
        const auto r = parse(c.args);
        EXPECT_EQ(r.action, ParseResult::Action::Error) << c.args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.message.contains(QLatin1String(c.mentions))) << r.message.toStdString();
    }
}

TEST(Options, HelpAndVersion)
{
    const auto help = parse({QStringLiteral("--help")});
    EXPECT_EQ(help.action, ParseResult::Action::Help);
    EXPECT_TRUE(help.message.contains(QStringLiteral("--print-json")));
    const auto version = parse({QStringLiteral("--version")});
    EXPECT_EQ(version.action, ParseResult::Action::Version);
    EXPECT_EQ(version.message, QStringLiteral("omniscient ") + QStringLiteral(OMNI_VERSION));
}
