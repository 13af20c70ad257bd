// SPDX-License-Identifier: MIT
// ReplaySource over recordings written here (McapWriter, the channels of a Recorder), on a hand-driven clock:
// the first state, the recorded pace, the replay link, seeking, the JSON commands, events, a recording cut short,
// and files it must refuse. update() is called by hand: the clock, not a timer, moves the play head.
#include "replayfixture.h"

#include <omni/replaysource.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace omni;
using namespace omni::test;

namespace {

// `states` states every 10 ms (seq 1000 + i), an obstacle event at 2 s; a chunk every 100 states; closed, or cut
// `cutBytes` before its end.
QString writeRecording(const QTemporaryDir &dir, int states, qsizetype cutBytes = 0)
{
    const QByteArray bytes = recording(
        [&](McapWriter &w) {
            LinkInfo link;
            link.status = LinkStatus::Live;
            for (int i = 0; i < states; ++i) {
                RobotState s;
                s.seq = static_cast<quint64>(1000 + i);
                s.motorPower = {i % 100, 0, 0};
                s.publishUnixNs = kT0 + i * 10 * kMs;
                const auto t = static_cast<quint64>(s.publishUnixNs);
                EXPECT_TRUE(w.write(0, t, t, json::stateMessage(s, link), static_cast<quint32>(s.seq)));
                if (i == 200) {
                    EXPECT_TRUE(w.write(2, t, t, json::eventMessage(test::obstacleDetected(s.publishUnixNs, s.seq))));
                }
                if (i % 100 == 99) {
                    EXPECT_TRUE(w.flushChunk());
                }
            }
        },
        cutBytes == 0);
    const QString path = dir.filePath(QStringLiteral("robot.mcap"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes.left(bytes.size() - cutBytes));
    return path;
}

struct Fixture {
    QTemporaryDir dir;
    FakeClock clock;
    std::unique_ptr<ReplaySource> source;
    std::unique_ptr<QSignalSpy> states;

    explicit Fixture(int count = 1000, qsizetype cut = 0)
    {
        ReplaySourceOptions o;
        o.path = writeRecording(dir, count, cut);
        o.clock = &clock;
        o.playAtStart = false;
        source = std::make_unique<ReplaySource>(o);
        states = std::make_unique<QSignalSpy>(source.get(), &StateSource::stateReceived);
    }
    quint64 lastSeq() const { return states->isEmpty() ? 0 : states->last().at(0).value<RobotState>().seq; }
};

QJsonObject status(const ReplaySource &s)
{
    return QJsonDocument::fromJson(s.statusJson()).object();
}

} // namespace

TEST(ReplaySource, ShowsTheFirstStateAtStartAsReplayNeverLive)
{
    Fixture f;
    ASSERT_TRUE(f.source->open()) << f.source->errorString().toStdString();
    QSignalSpy links(f.source.get(), &StateSource::linkChanged);
    f.source->start();
    ASSERT_EQ(f.states->size(), 1);
    EXPECT_EQ(f.lastSeq(), 1000U);
    const RobotState first = f.states->last().at(0).value<RobotState>();
    EXPECT_EQ(first.publishUnixNs, kT0) << "the recorded publish time";
    EXPECT_EQ(first.publishMonoNs, f.clock.mono) << "shown now: never stale";
    ASSERT_FALSE(links.isEmpty());
    const LinkInfo link = links.last().at(0).value<LinkInfo>();
    EXPECT_EQ(link.status, LinkStatus::Replay);
    EXPECT_EQ(link.source, QStringLiteral("replay:robot.mcap"));
    EXPECT_EQ(link.detail, QStringLiteral("0.0/10.0 s"));
}

TEST(ReplaySource, PlaysAtTheRecordedPace)
{
    Fixture f;
    ASSERT_TRUE(f.source->open());
    f.source->start();
    f.source->controller().play();
    f.clock.mono += 1234 * kMs;
    f.source->update();
    EXPECT_EQ(f.lastSeq(), 1123U); // 1.234 s in: the state recorded at 1.230 s
    EXPECT_EQ(f.source->link().detail, QStringLiteral("1.2/10.0 s"));
    f.clock.mono += 5 * kMs;
    const auto before = f.states->size();
    f.source->update();
    EXPECT_EQ(f.states->size(), before) << "no new state before its time";
}

TEST(ReplaySource, CommandsMoveThePlayHeadAndBadOnesSayWhy)
{
    Fixture f;
    ASSERT_TRUE(f.source->open());
    f.source->start();
    auto r = f.source->command(R"({"action":"seek","position_s":7.5})");
    ASSERT_TRUE(r) << r.errorString().toStdString();
    EXPECT_EQ(f.lastSeq(), 1750U);
    EXPECT_DOUBLE_EQ(status(*f.source).value(QStringLiteral("position_s")).toDouble(), 7.5);
    ASSERT_TRUE(f.source->command(R"({"action":"speed","speed":4})"));
    ASSERT_TRUE(f.source->command(R"({"action":"play"})"));
    f.clock.mono += 500 * kMs;
    f.source->update();
    EXPECT_EQ(f.lastSeq(), 1950U);
    ASSERT_TRUE(f.source->command(R"({"action":"pause"})"));
    ASSERT_TRUE(f.source->command(R"({"action":"previous_event"})"));
    EXPECT_EQ(f.lastSeq(), 1200U);
    ASSERT_TRUE(f.source->command(R"({"action":"step","count":-2})"));
    EXPECT_EQ(f.lastSeq(), 1198U);
    ASSERT_TRUE(f.source->command(R"({"action":"loop","loop":true})"));
    const QJsonObject s = status(*f.source);
    EXPECT_EQ(s.value(QStringLiteral("file")).toString(), QStringLiteral("robot.mcap"));
    EXPECT_DOUBLE_EQ(s.value(QStringLiteral("duration_s")).toDouble(), 9.99);
    EXPECT_EQ(s.value(QStringLiteral("loop")).toBool(), true);
    EXPECT_EQ(s.value(QStringLiteral("playing")).toBool(), false);
    EXPECT_DOUBLE_EQ(s.value(QStringLiteral("speed")).toDouble(), 4.0);
    EXPECT_EQ(s.value(QStringLiteral("events")).toArray().size(), 1);
    for (const QByteArray &bad :
         {QByteArray("nope"), QByteArray(R"({"action":"fly"})"), QByteArray(R"({"action":"seek"})"),
          QByteArray(R"({"action":"speed","speed":-1})"), QByteArray(R"({"action":"loop","loop":"yes"})")}) {
        const auto refused = f.source->command(bad);
        ASSERT_FALSE(refused) << bad.toStdString();
        EXPECT_EQ(refused.error(), ReplayError::BadCommand);
        EXPECT_FALSE(refused.errorString().isEmpty());
    }
}

TEST(ReplaySource, KnowsItsEventsAndJumpsToThem)
{
    Fixture f;
    ASSERT_TRUE(f.source->open());
    ASSERT_EQ(f.source->events().size(), 1U);
    EXPECT_EQ(f.source->events().front().kind, QStringLiteral("obstacle_detected"));
    EXPECT_EQ(f.source->events().front().timeNs, kT0 + 2000 * kMs);
    f.source->start();
    ASSERT_TRUE(f.source->command(R"({"action":"next_event"})"));
    EXPECT_EQ(f.lastSeq(), 1200U);
}

TEST(ReplaySource, ARecordingCutShortPlaysItsCompleteChunks)
{
    Fixture f(1000, 40); // the last chunk's message indexes are cut off: its states are found by reading it
    ASSERT_TRUE(f.source->open()) << f.source->errorString().toStdString();
    EXPECT_EQ(f.source->controller().stateTimes().size(), 1000U);
    f.source->start();
    f.source->controller().seek(kT0 + 9990 * kMs);
    f.source->update();
    EXPECT_EQ(f.lastSeq(), 1999U);
}

TEST(ReplaySource, RefusesFilesItCannotReplayWithAReason)
{
    QTemporaryDir dir;
    ReplaySourceOptions o;
    o.path = dir.filePath(QStringLiteral("missing.mcap"));
    ReplaySource missing(o);
    const auto r = missing.open();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error(), ReplayError::CannotRead);
    EXPECT_TRUE(r.errorString().contains(QStringLiteral("missing.mcap")));

    Fixture empty(0);
    const auto none = empty.source->open();
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error(), ReplayError::NoStates);
    empty.source->start(); // harmless
    EXPECT_TRUE(empty.states->isEmpty());
}
