// SPDX-License-Identifier: MIT
#include "options.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

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

TEST(Options, TokenFileIsReadOnceAndItsFirstLineTrimmed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("token"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("  s3cret-from-file \nsecond line is ignored\n");
    f.close();
    auto r = parse({QStringLiteral("--token-file"), path}, QStringLiteral("fromenv"));
    ASSERT_EQ(r.action, ParseResult::Action::Run) << r.message.toStdString();
    EXPECT_EQ(r.options.token, QStringLiteral("s3cret-from-file")) << "the file wins over the environment";
    EXPECT_FALSE(r.options.protectMetrics);
    r = parse({QStringLiteral("--token-file"), path, QStringLiteral("--protect-metrics")});
    ASSERT_EQ(r.action, ParseResult::Action::Run) << r.message.toStdString();
    EXPECT_TRUE(r.options.protectMetrics);
    EXPECT_EQ(parse({QStringLiteral("--protect-metrics")}, QStringLiteral("fromenv")).action, ParseResult::Action::Run);

    const QString empty = dir.filePath(QStringLiteral("empty"));
    QFile e(empty);
    ASSERT_TRUE(e.open(QIODevice::WriteOnly));
    e.write(" \n");
    e.close();
    struct Case {
        QStringList args;
        const char *mentions;
    };
    const Case cases[] = {
        {{QStringLiteral("--token-file"), dir.filePath(QStringLiteral("missing"))}, "cannot read"},
        {{QStringLiteral("--token-file"), empty}, "is empty"},
        {{QStringLiteral("--token-file"), path, QStringLiteral("--token"), QStringLiteral("t")}, "cannot be combined"},
        {{QStringLiteral("--protect-metrics")}, "needs a token"},
    };
    for (const auto &c : cases) {
        r = parse(c.args);
        EXPECT_EQ(r.action, ParseResult::Action::Error) << c.args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.message.contains(QLatin1String(c.mentions))) << r.message.toStdString();
    }
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
        {{QStringLiteral("--allowed-hosts"), QStringLiteral("robot.example,http://pi:3001")}, "--allowed-hosts"},
        {{QStringLiteral("--allowed-hosts"), QStringLiteral("a,,b")}, "--allowed-hosts"},
    };
    for (const auto &c : cases) {
        const auto r = parse(c.args);
        EXPECT_EQ(r.action, ParseResult::Action::Error) << c.args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.message.contains(QLatin1String(c.mentions))) << r.message.toStdString();
    }
}

TEST(Options, ABarePortIsThePortAsTheOriginalObserverTookIt)
{
    const auto r = parse({QStringLiteral("3002")});
    ASSERT_EQ(r.action, ParseResult::Action::Run) << r.message.toStdString();
    EXPECT_EQ(r.options.port, 3002);
    const auto withFlags =
        parse({QStringLiteral("--headless"), QStringLiteral("0"), QStringLiteral("--shm"), QStringLiteral("robot1")});
    ASSERT_EQ(withFlags.action, ParseResult::Action::Run) << withFlags.message.toStdString();
    EXPECT_EQ(withFlags.options.port, 0);
    EXPECT_EQ(withFlags.options.shmName, QStringLiteral("robot1"));
    const auto same = parse({QStringLiteral("--port"), QStringLiteral("3002"), QStringLiteral("3002")});
    EXPECT_EQ(same.action, ParseResult::Action::Run) << "the same port twice is no contradiction";
}

TEST(Options, ABareArgumentThatIsNotAPortSaysWhatItShouldBe)
{
    for (const char *bad : {"robot1", "70000", "3002.5", "0x10"}) {
        const auto r = parse({QString::fromLatin1(bad)});
        EXPECT_EQ(r.action, ParseResult::Action::Error) << bad;
        EXPECT_EQ(r.message,
                  QStringLiteral("unexpected argument \"%1\": the only argument without a flag is a TCP port "
                                 "from 0 to 65535, as in \"omniscient 3002\"; see --help for the flags")
                      .arg(QString::fromLatin1(bad)));
    }
    const auto two = parse({QStringLiteral("3002"), QStringLiteral("3003")});
    EXPECT_EQ(two.action, ParseResult::Action::Error);
    EXPECT_TRUE(two.message.contains(QStringLiteral("\"3003\""))) << two.message.toStdString();
    const auto clash = parse({QStringLiteral("--port"), QStringLiteral("3001"), QStringLiteral("3002")});
    EXPECT_EQ(clash.action, ParseResult::Action::Error);
    EXPECT_EQ(clash.message, QStringLiteral("two ports given: --port 3001 and 3002; give one"));
}

TEST(Options, AllowedHostsAreNormalisedAndAddedUp)
{
    const auto none = parse({});
    EXPECT_TRUE(none.options.allowedHosts.isEmpty()) << "the server adds localhost, IPs and this machine's names";
    const auto r = parse({QStringLiteral("--allowed-hosts"), QStringLiteral("Robot.Example., pi.lan"),
                          QStringLiteral("--allowed-hosts"), QStringLiteral("kitchen")});
    ASSERT_EQ(r.action, ParseResult::Action::Run) << r.message.toStdString();
    EXPECT_EQ(r.options.allowedHosts,
              (QStringList{QStringLiteral("robot.example"), QStringLiteral("pi.lan"), QStringLiteral("kitchen")}));
    const auto bad = parse({QStringLiteral("--allowed-hosts"), QStringLiteral("pi:3001")});
    EXPECT_EQ(bad.action, ParseResult::Action::Error);
    EXPECT_TRUE(bad.message.startsWith(QStringLiteral("--allowed-hosts: \"pi:3001\" is not a host name")))
        << bad.message.toStdString();
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

TEST(Options, RecordTakesAFileAndACompression)
{
    EXPECT_TRUE(parse({}).options.recordPath.isEmpty());
    const auto r = parse({QStringLiteral("--record"), QStringLiteral("robot.mcap")});
    ASSERT_EQ(r.action, ParseResult::Action::Run);
    EXPECT_EQ(r.options.recordPath, QStringLiteral("robot.mcap"));
    EXPECT_EQ(r.options.recordCompression, omni::McapCompression::Zstd);
    const auto lz4 = parse({QStringLiteral("--record"), QStringLiteral("a.mcap"),
                            QStringLiteral("--record-compression"), QStringLiteral("lz4")});
    EXPECT_EQ(lz4.options.recordCompression, omni::McapCompression::Lz4);
    const auto none = parse({QStringLiteral("--record"), QStringLiteral("a.mcap"),
                             QStringLiteral("--record-compression"), QStringLiteral("none")});
    EXPECT_EQ(none.options.recordCompression, omni::McapCompression::None);

    const auto bad = parse({QStringLiteral("--record"), QStringLiteral("a.mcap"),
                            QStringLiteral("--record-compression"), QStringLiteral("gzip")});
    EXPECT_EQ(bad.action, ParseResult::Action::Error);
    EXPECT_TRUE(bad.message.contains(QStringLiteral("zstd, lz4 or none"))) << bad.message.toStdString();
    // Without --record it is the black box's saves' compression.
    const auto alone = parse({QStringLiteral("--record-compression"), QStringLiteral("lz4")});
    EXPECT_EQ(alone.action, ParseResult::Action::Run);
    EXPECT_EQ(alone.options.recordCompression, omni::McapCompression::Lz4);
    EXPECT_EQ(parse({QStringLiteral("--record"), QString()}).action, ParseResult::Action::Error);
}

TEST(Options, TheBlackBoxTakesMinutesAFolderAndACap)
{
    const auto defaults = parse({});
    EXPECT_EQ(defaults.options.blackboxMinutes, 10);
    EXPECT_TRUE(defaults.options.recordingsDir.isEmpty());
    EXPECT_EQ(defaults.options.recordingsMaxMb, 1024);
    const auto set =
        parse({QStringLiteral("--blackbox-minutes"), QStringLiteral("0"), QStringLiteral("--recordings-dir"),
               QStringLiteral("/tmp/rec"), QStringLiteral("--recordings-max-mb"), QStringLiteral("50")});
    ASSERT_EQ(set.action, ParseResult::Action::Run) << set.message.toStdString();
    EXPECT_EQ(set.options.blackboxMinutes, 0);
    EXPECT_EQ(set.options.recordingsDir, QStringLiteral("/tmp/rec"));
    EXPECT_EQ(set.options.recordingsMaxMb, 50);
    for (const char *bad : {"61", "-1", "2.5", "ten"}) {
        const auto r = parse({QStringLiteral("--blackbox-minutes"), QString::fromLatin1(bad)});
        EXPECT_EQ(r.action, ParseResult::Action::Error) << bad;
        EXPECT_TRUE(r.message.contains(QStringLiteral("0 (off) to 60"))) << r.message.toStdString();
    }
    EXPECT_EQ(parse({QStringLiteral("--recordings-max-mb"), QStringLiteral("0")}).action, ParseResult::Action::Error);
    EXPECT_EQ(parse({QStringLiteral("--recordings-dir"), QString()}).action, ParseResult::Action::Error);
}
