// SPDX-License-Identifier: MIT
// Blackbox on a real Hub: saving files into a folder (read back by their MCAP summary), the folder's cap, and
// what it says when it cannot save.
#include "testutil.h"

#include <omni/blackbox.h>
#include <omni/eventfeed.h>
#include <omni/hub.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace omni;
using omni::test::waitUntil;

namespace {

RobotState stateNow(quint64 seq)
{
    RobotState s;
    s.seq = seq;
    s.motorPower = {10, 20, 30};
    s.publishMonoNs = Clock::system().monotonicNs();
    s.publishUnixNs = Clock::system().wallNs();
    s.layout = Layout::Current;
    return s;
}

struct Fixture {
    explicit Fixture(int minutes = 1, qint64 maxBytes = qint64{1} << 30)
    {
        BlackboxOptions o;
        o.minutes = minutes;
        o.store.folder = dir.filePath(QStringLiteral("rec"));
        o.store.maxBytes = maxBytes;
        box = std::make_unique<Blackbox>(&hub, &events, o);
    }
    /// Saves and waits for the answer.
    RecordingsApi::Saved save(double seconds)
    {
        std::optional<RecordingsApi::Saved> out;
        box->save(seconds, [&out](const RecordingsApi::Saved &s) { out = s; });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, std::chrono::seconds(30)));
        return out.value_or(RecordingsApi::Saved{});
    }
    QTemporaryDir dir;
    Hub hub;
    EventFeed events{&hub};
    std::unique_ptr<Blackbox> box;
};

} // namespace

TEST(Blackbox, SavesTheStatesLinkAndEventsItKeptIntoAnMcapFile)
{
    Fixture f;
    LinkInfo live;
    live.status = LinkStatus::Live;
    f.hub.acceptLink(live);
    for (quint64 i = 1; i <= 500; ++i) {
        f.hub.acceptState(stateNow(i));
    }
    const auto saved = f.save(0);
    ASSERT_TRUE(saved.info.has_value()) << saved.errorString.toStdString();
    EXPECT_TRUE(saved.info->name.startsWith(QStringLiteral("omniscient-")));
    EXPECT_TRUE(RecordingsApi::validName(saved.info->name));
    const auto path = f.box->pathOf(saved.info->name);
    ASSERT_TRUE(path.has_value());
    EXPECT_EQ(QFile(*path).size(), saved.info->bytes);
    EXPECT_FALSE(QFile::exists(*path + QStringLiteral(".part")));
    const auto stats = RecordingStore::readStatistics(*path);
    ASSERT_TRUE(stats.has_value());
    // 500 states, the waiting link before it went live and the live one, and link_waiting/link_live events.
    EXPECT_EQ(stats->messages, *saved.info->messages);
    EXPECT_GE(stats->messages, 500U + 2U);
    EXPECT_LE(stats->startNs, stats->endNs);
    const auto list = f.box->list();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list.front().messages, saved.info->messages);
    const QByteArray metrics = f.box->metricsText();
    EXPECT_TRUE(metrics.contains("\nomniscient_blackbox_states 500\n")) << metrics.toStdString();
    EXPECT_TRUE(metrics.contains("omniscient_blackbox_saves_total{result=\"ok\"} 1\n")) << metrics.toStdString();
    EXPECT_TRUE(metrics.contains("omniscient_blackbox_saves_total{result=\"failed\"} 0\n"));
    EXPECT_TRUE(metrics.contains("\nomniscient_blackbox_saving 0\n"));
    EXPECT_TRUE(f.box->remove(saved.info->name));
    EXPECT_TRUE(f.box->list().isEmpty());
}

TEST(Blackbox, SavingTheLastSecondsSavesFewerStates)
{
    Fixture f;
    for (quint64 i = 1; i <= 200; ++i) {
        RobotState s = stateNow(i);
        s.publishMonoNs -= static_cast<qint64>(200 - i) * 100000000; // one every 100 ms, the last one now
        f.hub.acceptState(s);
    }
    const auto all = f.save(0);
    const auto last = f.save(1.0);
    ASSERT_TRUE(all.info && last.info);
    EXPECT_LT(*last.info->messages + 150, *all.info->messages);
    EXPECT_NE(all.info->name, last.info->name);
}

TEST(Blackbox, SaysWhyItCannotSave)
{
    Fixture off(0);
    off.hub.acceptState(stateNow(1));
    EXPECT_EQ(off.save(60).error, RecordingsError::Off);

    Fixture empty;
    EXPECT_EQ(empty.save(60).error, RecordingsError::Empty);

    Fixture busy;
    busy.hub.acceptState(stateNow(1));
    std::optional<RecordingsApi::Saved> first;
    busy.box->save(0, [&first](const RecordingsApi::Saved &s) { first = s; });
    EXPECT_TRUE(busy.box->isSaving());
    EXPECT_EQ(busy.save(0).error, RecordingsError::Busy);
    ASSERT_TRUE(waitUntil([&] { return first.has_value(); }));
    EXPECT_TRUE(first->info.has_value());
}

TEST(Blackbox, TheOldestRecordingsGoWhenTheFolderIsOverItsCap)
{
    Fixture f(1, 1); // one byte: every save removes all the older ones
    f.hub.acceptState(stateNow(1));
    const auto a = f.save(0);
    ASSERT_TRUE(a.info);
    f.hub.acceptState(stateNow(2));
    const auto b = f.save(0);
    ASSERT_TRUE(b.info);
    const auto list = f.box->list();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list.front().name, b.info->name); // the new one stays, even over the cap
}

TEST(RecordingStore, NamesCannotLeaveTheFolder)
{
    for (const char *bad : {"../x.mcap", "a/b.mcap", ".hidden.mcap", "x.txt", "", "x.mcap/", "..mcap", "a b.mcap"}) {
        EXPECT_FALSE(RecordingsApi::validName(QString::fromLatin1(bad))) << bad;
    }
    EXPECT_TRUE(RecordingsApi::validName(QStringLiteral("omniscient-20261203-054148-2.mcap")));
    QTemporaryDir dir;
    QFile outside(dir.filePath(QStringLiteral("outside.mcap")));
    ASSERT_TRUE(outside.open(QIODevice::WriteOnly));
    outside.close();
    RecordingStoreOptions o;
    o.folder = dir.filePath(QStringLiteral("rec"));
    const RecordingStore store(o);
    ASSERT_TRUE(store.ensureFolder());
    EXPECT_FALSE(store.pathOf(QStringLiteral("../outside.mcap")));
    EXPECT_FALSE(store.remove(QStringLiteral("../outside.mcap")));
    EXPECT_TRUE(QFile::exists(outside.fileName()));
}

TEST(RecordingStore, AFileWithoutASummaryIsListedWithoutStatistics)
{
    QTemporaryDir dir;
    QFile cut(dir.filePath(QStringLiteral("cut.mcap")));
    ASSERT_TRUE(cut.open(QIODevice::WriteOnly));
    cut.write(QByteArray("\x89MCAP0\r\n", 8) + QByteArray(100, 'x'));
    cut.close();
    RecordingStoreOptions o;
    o.folder = dir.path();
    const auto list = RecordingStore(o).list();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list.front().bytes, 108);
    EXPECT_FALSE(list.front().messages.has_value());
}
