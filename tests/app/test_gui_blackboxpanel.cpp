// SPDX-License-Identifier: MIT
// The black box's strip under the dashboard: the event log (newest first, a few lines) and the save button with
// its menu, on a real hub, event feed and black box saving into a temporary folder.
#include "blackboxpanel.h"
#include "testutil.h"

#include <omni/blackbox.h>
#include <omni/eventfeed.h>
#include <omni/hub.h>

#include <gtest/gtest.h>

#include <QDir>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace omni;
using namespace omni::gui;
using omni::test::waitUntil;

namespace {

RobotState stateWith(quint64 seq, qint32 obstacle)
{
    RobotState s;
    s.seq = seq;
    s.obstacle = obstacle;
    s.publishMonoNs = Clock::system().monotonicNs();
    s.publishUnixNs = Clock::system().wallNs();
    s.layout = Layout::Current;
    return s;
}

struct Strip {
    explicit Strip(int minutes = 1)
    {
        BlackboxOptions o;
        o.minutes = minutes;
        o.store.folder = dir.filePath(QStringLiteral("rec"));
        box = std::make_unique<Blackbox>(&hub, &events, o);
        panel = std::make_unique<BlackboxPanel>(&events, box.get());
    }
    QTemporaryDir dir;
    Hub hub;
    EventFeed events{&hub};
    std::unique_ptr<Blackbox> box;
    std::unique_ptr<BlackboxPanel> panel;
};

} // namespace

TEST(BlackboxPanel, ShowsTheNewestEventsFirstAndOnlyAFew)
{
    Strip s;
    EXPECT_EQ(s.panel->logText(), QStringLiteral("No events yet"));
    s.hub.acceptState(stateWith(1, 1));
    EXPECT_TRUE(s.panel->logText().contains(QStringLiteral("Obstacle detected")));
    for (quint64 i = 2; i < 12; ++i) {
        s.hub.acceptState(stateWith(i, static_cast<qint32>(i % 2)));
    }
    const QStringList lines = s.panel->logText().split(QLatin1Char('\n'));
    EXPECT_EQ(lines.size(), BlackboxPanel::kShownEvents);
    EXPECT_TRUE(lines.front().endsWith(QStringLiteral("Obstacle detected"))) << lines.front().toStdString();
    EXPECT_TRUE(lines.at(1).endsWith(QStringLiteral("Obstacle cleared"))) << lines.at(1).toStdString();
}

TEST(BlackboxPanel, TheButtonSavesTheLastMinuteAndSaysWhereItWent)
{
    Strip s;
    s.hub.acceptState(stateWith(1, 0));
    ASSERT_TRUE(s.panel->saveButton()->isEnabled());
    QTest::mouseClick(s.panel->saveButton(), Qt::LeftButton, {}, QPoint(5, 5));
    ASSERT_TRUE(waitUntil([&] { return s.panel->statusText().startsWith(QStringLiteral("Saved ")); }));
    const QStringList files = QDir(s.dir.filePath(QStringLiteral("rec"))).entryList({QStringLiteral("*.mcap")});
    ASSERT_EQ(files.size(), 1);
    EXPECT_TRUE(s.panel->statusText().contains(files.front()));
    EXPECT_TRUE(s.panel->saveButton()->isEnabled());
}

TEST(BlackboxPanel, TheMenuOffersTenSecondsAMinuteTenMinutesAndEverything)
{
    Strip s;
    const QList<QAction *> actions = s.panel->saveButton()->menu()->actions();
    ASSERT_EQ(actions.size(), 4);
    EXPECT_EQ(actions.at(0)->data().toDouble(), 10.0);
    EXPECT_EQ(actions.at(1)->data().toDouble(), 60.0);
    EXPECT_EQ(actions.at(2)->data().toDouble(), 600.0);
    EXPECT_EQ(actions.at(3)->data().toDouble(), 0.0);
    actions.at(3)->trigger(); // nothing kept yet: it says so
    EXPECT_TRUE(s.panel->statusText().contains(QStringLiteral("no state"))) << s.panel->statusText().toStdString();
}

TEST(BlackboxPanel, IsAStripThatLeavesThePiScreenToTheDashboard)
{
    Strip s;
    EXPECT_LE(s.panel->sizeHint().height(), 480 / 6) << "at most a sixth of the Pi's 800 x 480 screen";
}

TEST(BlackboxPanel, WithTheBlackBoxOffTheButtonIsDisabledAndSaysWhy)
{
    Strip s(0);
    EXPECT_FALSE(s.panel->saveButton()->isEnabled());
    EXPECT_TRUE(s.panel->saveButton()->toolTip().contains(QStringLiteral("--blackbox-minutes 0")));
}
