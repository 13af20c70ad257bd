// SPDX-License-Identifier: MIT
// The replay in the window: File → Open recording… (MainWindow::openRecording), drag and drop, the timeline under
// the dashboard with its keys (space, arrows, Page Up/Down) and its bar (click to seek), and a file it refuses.
#include "mainwindow.h"
#include "replayfixture.h"
#include "runtime.h"
#include "settings.h"
#include "timeline.h"

#include <omni/hub.h>
#include <omni/replaysource.h>

#include <QFile>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <gtest/gtest.h>

using namespace omni;
using namespace omni::gui;
using namespace omni::test;

namespace {

// 10 s of states every 10 ms, an obstacle at 4 s.
QString writeRecording(const QTemporaryDir &dir)
{
    const QByteArray bytes = recording([](McapWriter &w) {
        LinkInfo link;
        link.status = LinkStatus::Live;
        for (int i = 0; i < 1000; ++i) {
            RobotState s;
            s.seq = static_cast<quint64>(i);
            s.publishUnixNs = kT0 + i * 10 * kMs;
            const auto t = static_cast<quint64>(s.publishUnixNs);
            EXPECT_TRUE(w.write(0, t, t, json::stateMessage(s, link), static_cast<quint32>(i)));
            if (i == 400) {
                EXPECT_TRUE(w.write(2, t, t, json::eventMessage(obstacleDetected(s.publishUnixNs, s.seq))));
            }
        }
    });
    const QString path = dir.filePath(QStringLiteral("run.mcap"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

struct Window {
    QTemporaryDir dir;
    Settings settings{dir.filePath(QStringLiteral("s.ini"))};
    app::Runtime runtime{[] {
        app::Options o;
        o.noServer = true;
        o.shmName = QStringLiteral("omni-test-timeline-none");
        return o;
    }()};
    MainWindow window{runtime, settings, {false, false}};
    QToolBar *bar() const { return window.findChild<QToolBar *>(QStringLiteral("timeline")); }
};

} // namespace

TEST(Timeline, OpeningARecordingShowsItUnderTheDashboardAsReplay)
{
    Window w;
    ASSERT_NE(w.bar(), nullptr);
    EXPECT_FALSE(w.bar()->isVisibleTo(&w.window)) << "no replay, no timeline";
    ASSERT_TRUE(w.window.openRecording(writeRecording(w.dir), true));
    ASSERT_NE(w.runtime.replay(), nullptr);
    EXPECT_TRUE(w.bar()->isVisibleTo(&w.window));
    EXPECT_EQ(w.window.timeline()->replay(), w.runtime.replay());
    EXPECT_EQ(w.runtime.hub()->link().status, LinkStatus::Replay);
    EXPECT_EQ(w.runtime.hub()->link().source, QStringLiteral("replay:run.mcap"));
    EXPECT_TRUE(w.window.windowTitle().contains(QStringLiteral("run.mcap"))) << w.window.windowTitle().toStdString();
    ASSERT_TRUE(w.runtime.hub()->latest());
    EXPECT_TRUE(w.window.timeline()->positionText().endsWith(QStringLiteral("/ 0:09.9")))
        << w.window.timeline()->positionText().toStdString();
}

TEST(Timeline, KeysPlayPauseStepAndJumpToEvents)
{
    Window w;
    ASSERT_TRUE(w.window.openRecording(writeRecording(w.dir), true));
    ReplayController &c = w.runtime.replay()->controller();
    c.pause();
    c.seek(c.startNs());
    QTest::keyClick(&w.window, Qt::Key_Right);
    EXPECT_EQ(c.stateIndex(), 1U);
    EXPECT_EQ(w.runtime.hub()->latest()->seq, 1U) << "the dashboard's state follows";
    QTest::keyClick(&w.window, Qt::Key_Left);
    EXPECT_EQ(c.stateIndex(), 0U);
    QTest::keyClick(&w.window, Qt::Key_PageDown);
    EXPECT_EQ(c.stateIndex(), 400U);
    QTest::keyClick(&w.window, Qt::Key_Up);
    EXPECT_DOUBLE_EQ(c.speed(), 2.0);
    QTest::keyClick(&w.window, Qt::Key_Space);
    EXPECT_TRUE(c.playing());
    QTest::keyClick(&w.window, Qt::Key_Space);
    EXPECT_FALSE(c.playing());
}

TEST(Timeline, ClickingTheBarSeeks)
{
    Window w;
    ASSERT_TRUE(w.window.openRecording(writeRecording(w.dir), true));
    w.window.resize(1000, 700);
    w.window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w.window));
    ReplayController &c = w.runtime.replay()->controller();
    c.pause();
    TimelineBar *bar = w.window.timeline()->bar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, QPoint(bar->width() / 2, bar->height() / 2));
    const double s = static_cast<double>(c.positionNs() - c.startNs()) / 1e9;
    EXPECT_NEAR(s, 4.95, 0.3);
    EXPECT_FALSE(c.playing());
}

TEST(Timeline, ARecordingDroppedOnTheWindowPlays)
{
    Window w;
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(writeRecording(w.dir))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w.window, &enter);
    EXPECT_TRUE(enter.isAccepted()) << "a .mcap file may be dropped";
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w.window, &drop);
    EXPECT_NE(w.runtime.replay(), nullptr);
}

TEST(Timeline, AFileThatIsNoRecordingIsRefusedAndTheRobotStays)
{
    Window w;
    const QString path = w.dir.filePath(QStringLiteral("notes.mcap"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("not a recording");
    f.close();
    EXPECT_FALSE(w.window.openRecording(path, true));
    EXPECT_EQ(w.runtime.replay(), nullptr);
    EXPECT_FALSE(w.bar()->isVisibleTo(&w.window));
}
