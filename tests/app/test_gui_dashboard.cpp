// SPDX-License-Identifier: MIT
// The dashboard on a hub: words from codes, problems explained, stale never shown as live, the repaint
// budget, and a layout that fits from the Pi's 800 × 480 to 1920 × 1080.
#include "dashboard.h"
#include "testutil.h"

#include <omni/hub.h>
#include <omni/remotesource.h>

#include <gtest/gtest.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace omni;
using namespace omni::gui;
using namespace std::chrono_literals;

namespace {

/// A port nothing listens on (it was free a moment ago).
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

qint64 nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1'000'000;
}

RobotState state(quint64 seq = 1, qint64 ageMs = 0)
{
    RobotState s;
    s.seq = seq;
    s.direction = 0;
    s.motorPower = {40, -40, 0};
    s.botMode = 1;
    s.obstacleMode = 1;
    s.goLeft = 1;
    s.sensorMode = 2;
    s.sensors = {0, 1, 0, 0, 0};
    s.publishUnixNs = nowNs() - ageMs * 1'000'000;
    s.publishMonoNs = omni::Clock::system().monotonicNs() - ageMs * 1'000'000;
    s.layout = Layout::Current;
    return s;
}

LinkInfo link(LinkStatus status, Incompatibility reason = Incompatibility::None, const QString &detail = {})
{
    LinkInfo l;
    l.status = status;
    l.reason = reason;
    l.detail = detail;
    l.layout = status == LinkStatus::Live || status == LinkStatus::Stale ? Layout::Current : Layout::None;
    l.source = QStringLiteral("shm:omnigod");
    return l;
}

struct Board {
    Board() : dashboard(&hub)
    {
        dashboard.setSegmentName(QStringLiteral("omnigod"));
        dashboard.resize(800, 480);
    }
    Hub hub;
    Dashboard dashboard;
    InfoPanel &info() { return *dashboard.infoPanel(); }
};

bool isGrey(const QColor &c)
{
    return std::abs(c.red() - c.green()) <= 6 && std::abs(c.green() - c.blue()) <= 6;
}

} // namespace

TEST(Dashboard, ShowsTheRobotInWordsMadeFromItsCodes)
{
    Board b;
    b.hub.acceptLink(link(LinkStatus::Live));
    b.hub.acceptState(state());
    b.dashboard.refreshNow();
    EXPECT_EQ(b.info().valueText(InfoPanel::Field::Mode), QStringLiteral("obstacle tracking"));
    EXPECT_EQ(b.info().valueText(InfoPanel::Field::Action), QStringLiteral("steering left"));
    EXPECT_EQ(b.info().valueText(InfoPanel::Field::ObstacleMode), QStringLiteral("obstacle avoidance"));
    EXPECT_EQ(b.info().valueText(InfoPanel::Field::SensorMode), QStringLiteral("2 sensor simple"));
    EXPECT_EQ(b.info().valueText(InfoPanel::Field::Link), QStringLiteral("live"));
    EXPECT_EQ(b.info().valueText(InfoPanel::Field::Source), QStringLiteral("omnigod (shared memory, omni-v1)"));
    EXPECT_FALSE(b.dashboard.problem().has_value());
    EXPECT_TRUE(b.dashboard.banner()->isHidden());
}

TEST(Dashboard, UnknownCodesReadUnknownN)
{
    Board b;
    b.hub.acceptLink(link(LinkStatus::Live));
    RobotState s = state();
    s.botMode = 9;
    s.sensorMode = -3;
    s.obstacleMode = 5;
    b.hub.acceptState(s);
    b.dashboard.refreshNow();
    EXPECT_EQ(b.info().valueText(InfoPanel::Field::Mode), QStringLiteral("unknown (9)"));
    EXPECT_EQ(b.info().valueText(InfoPanel::Field::SensorMode), QStringLiteral("unknown (-3)"));
    EXPECT_EQ(b.info().valueText(InfoPanel::Field::ObstacleMode), QStringLiteral("unknown (5)"));
    s.obstacleMode.reset();
    b.hub.acceptState(s);
    b.dashboard.refreshNow();
    EXPECT_EQ(b.info().valueText(InfoPanel::Field::ObstacleMode), QStringLiteral("not in the 56-byte layout"));
}

TEST(Dashboard, WaitingSaysWhichSharedMemoryItAwaits)
{
    Board b;
    b.hub.acceptLink(link(LinkStatus::Waiting, Incompatibility::None, QStringLiteral("no segment /omnigod yet")));
    b.dashboard.refreshNow();
    ASSERT_TRUE(b.dashboard.problem());
    EXPECT_EQ(b.dashboard.problem()->kind, ProblemKind::Waiting);
    EXPECT_TRUE(b.dashboard.problem()->sentence.contains(QLatin1String("\"omnigod\"")));
    EXPECT_EQ(b.dashboard.problem()->facts, QStringLiteral("no segment /omnigod yet"));
    EXPECT_FALSE(b.dashboard.banner()->isHidden());
}

TEST(Dashboard, IncompatibleSaysWhichAbi)
{
    Board b;
    LinkInfo l = link(LinkStatus::Incompatible, Incompatibility::AbiNewer, QStringLiteral("abi_version 2 > 1"));
    l.segmentAbi = 2;
    l.readerAbi = 1;
    b.hub.acceptLink(l);
    b.dashboard.refreshNow();
    ASSERT_TRUE(b.dashboard.problem());
    EXPECT_EQ(b.dashboard.problem()->kind, ProblemKind::Incompatible);
    const QString sentence = b.dashboard.problem()->sentence;
    EXPECT_TRUE(sentence.contains(QLatin1String("ABI 2"))) << sentence.toStdString();
    EXPECT_TRUE(sentence.contains(QLatin1String("ABI 1"))) << sentence.toStdString();
    EXPECT_TRUE(sentence.contains(QLatin1String("Update omniscient")));
    EXPECT_EQ(b.dashboard.problem()->facts, l.detail) << "the English detail stays a fact, shown as such";
}

TEST(Dashboard, AbiNumbersComeFromTheLinkNotFromItsEnglishDetail)
{
    Board b;
    b.hub.acceptLink(link(LinkStatus::Incompatible, Incompatibility::AbiOlder,
                          QStringLiteral("segment ABI 7, this build reads ABI 9")));
    b.dashboard.refreshNow();
    ASSERT_TRUE(b.dashboard.problem());
    const QString sentence = b.dashboard.problem()->sentence;
    EXPECT_FALSE(sentence.contains(QLatin1String("7"))) << "no numbers from prose: " << sentence.toStdString();
    EXPECT_TRUE(sentence.contains(QLatin1String("older ABI"))) << sentence.toStdString();
}

TEST(Dashboard, StaleIsGreyWithAnAgeThatCountsUp)
{
    Board b;
    b.dashboard.show();
    b.hub.acceptLink(link(LinkStatus::Live));
    b.hub.acceptState(state(1, 1500));
    b.hub.acceptLink(link(LinkStatus::Stale));
    b.dashboard.refreshNow();
    ASSERT_TRUE(b.dashboard.problem());
    EXPECT_EQ(b.dashboard.problem()->kind, ProblemKind::Stale);
    EXPECT_TRUE(b.dashboard.problem()->title.startsWith(QLatin1String("STALE")));
    const QString age = b.info().valueText(InfoPanel::Field::Age);
    EXPECT_TRUE(age.endsWith(QLatin1String(" s"))) << age.toStdString();
    EXPECT_TRUE(omni::test::waitUntil([&] { return b.info().valueText(InfoPanel::Field::Age) != age; }, 2s))
        << "the age counts up with no new state";

    // The robot itself: grey, not amber.
    RobotView *view = b.dashboard.robotView();
    const QImage image = view->grab().toImage();
    const RobotLayout layout = view->layout();
    const QPoint wheel = layout.toWidget.map(layout.wheels[2].centre + QPointF(-40, -12)).toPoint();
    EXPECT_TRUE(isGrey(image.pixelColor(wheel))) << image.pixelColor(wheel).name().toStdString();
}

TEST(Dashboard, RemoteProblemsComeBeforeTheRobots)
{
    Board b;
    RemoteSourceOptions o;
    const QString where = QStringLiteral("ws://127.0.0.1:%1/ws").arg(closedPort());
    o.url = QUrl(where + QStringLiteral("?token=secret"));
    o.minBackoff = 50ms;
    RemoteSource remote(o);
    b.hub.setSource(&remote);
    b.dashboard.setRemote(&remote);
    remote.start();
    ASSERT_TRUE(omni::test::waitUntil([&] { return remote.networkStatus() == NetworkStatus::Unreachable; }));
    b.dashboard.refreshNow();
    ASSERT_TRUE(b.dashboard.problem());
    EXPECT_EQ(b.dashboard.problem()->kind, ProblemKind::Offline);
    EXPECT_TRUE(b.dashboard.problem()->sentence.contains(where));
    EXPECT_FALSE(b.dashboard.problem()->sentence.contains(QLatin1String("secret")));
    EXPECT_FALSE(b.info().soundButton()->isEnabled()) << "the switch lives on the unreachable server";
    EXPECT_FALSE(b.info().valueLabel(InfoPanel::Field::Network)->isHidden());
}

TEST(Dashboard, RepaintsAtMostSixtyTimesASecondHoweverFastStatesCome)
{
    Board b;
    b.dashboard.show();
    b.hub.acceptLink(link(LinkStatus::Live));
    QCoreApplication::processEvents();
    const quint64 paints0 = b.dashboard.robotView()->paintCount();
    const quint64 refreshes0 = b.dashboard.refreshCount();
    QElapsedTimer t;
    t.start();
    quint64 seq = 1;
    while (t.elapsed() < 600) {
        for (int i = 0; i < 50; ++i) { // a burst far above 60 Hz
            RobotState s = state(seq++);
            s.motorPower[0] = static_cast<qint32>(seq % 200) - 100;
            b.hub.acceptState(s);
        }
        QCoreApplication::processEvents();
    }
    const qint64 elapsed = t.elapsed();
    const quint64 states = seq - 1;
    const quint64 paints = b.dashboard.robotView()->paintCount() - paints0;
    const quint64 refreshes = b.dashboard.refreshCount() - refreshes0;
    const auto budget = static_cast<quint64>(elapsed / Dashboard::kFrameIntervalMs + 3);
    EXPECT_GT(states, 1000u);
    EXPECT_GT(paints, 5u) << "it did show the new states";
    EXPECT_LE(refreshes, budget);
    EXPECT_LE(paints, budget);
}

TEST(Dashboard, DoesNotRepaintTheRobotWhenNothingChanged)
{
    Board b;
    b.dashboard.show();
    b.hub.acceptLink(link(LinkStatus::Live));
    b.hub.acceptState(state());
    // The state reaches the robot view now, before its first paint, rather than a frame later: a fixed wait
    // for "first paint and first frame done" is too short on a slow machine (qemu) and counts that frame too.
    b.dashboard.refreshNow();
    ASSERT_TRUE(omni::test::waitUntil([&] { return b.dashboard.robotView()->paintCount() > 0; }));
    const quint64 paints = b.dashboard.robotView()->paintCount();
    QTest::qWait(600); // several ticks: the age label may change, the robot may not
    EXPECT_EQ(b.dashboard.robotView()->paintCount(), paints);
}

TEST(Dashboard, AnIdleDashboardWithoutARobotDoesNoWork)
{
    Board b;
    b.dashboard.show();
    b.hub.acceptLink(link(LinkStatus::Waiting, Incompatibility::None, QStringLiteral("no segment /omnigod yet")));
    QTest::qWait(200); // shown, laid out, painted once
    const quint64 refreshes = b.dashboard.refreshCount();
    const quint64 robotPaints = b.dashboard.robotView()->paintCount();
    const quint64 motorPaints = b.info().motorSparkline()->paintCount();
    const quint64 sensorPaints = b.info().sensorSparkline()->paintCount();
    QTest::qWait(1000); // five ticks, had the tick run
    EXPECT_FALSE(b.dashboard.ticking()) << "nothing on screen moves with time";
    EXPECT_EQ(b.dashboard.refreshCount(), refreshes);
    EXPECT_EQ(b.dashboard.robotView()->paintCount(), robotPaints);
    EXPECT_EQ(b.info().motorSparkline()->paintCount(), motorPaints) << "an empty history is not redrawn";
    EXPECT_EQ(b.info().sensorSparkline()->paintCount(), sensorPaints);
}

TEST(Dashboard, TicksOnlyWhileSomethingOnScreenMovesWithTime)
{
    Board b;
    b.dashboard.show();
    b.dashboard.refreshNow();
    EXPECT_FALSE(b.dashboard.ticking()) << "no robot";

    b.hub.acceptLink(link(LinkStatus::Live));
    b.hub.acceptState(state());
    b.dashboard.refreshNow();
    EXPECT_TRUE(b.dashboard.ticking()) << "the sparklines scroll";

    b.dashboard.history().clear();
    b.dashboard.refreshNow();
    EXPECT_FALSE(b.dashboard.ticking()) << "live, and nothing scrolls: new states drive the refreshes";

    b.hub.acceptLink(link(LinkStatus::Stale));
    b.dashboard.refreshNow();
    EXPECT_TRUE(b.dashboard.ticking()) << "the stale state's age counts up";

    b.dashboard.hide();
    EXPECT_FALSE(b.dashboard.ticking()) << "hidden: nothing on screen";
    b.dashboard.show();
    EXPECT_TRUE(omni::test::waitUntil([&] { return b.dashboard.ticking(); }, 2s)) << "shown again";
}

TEST(Dashboard, SoundButtonAsksForTheOtherState)
{
    Board b;
    b.hub.acceptLink(link(LinkStatus::Live));
    b.dashboard.refreshNow();
    QSignalSpy toggled(&b.dashboard, &Dashboard::soundToggled);
    QPushButton *button = b.info().soundButton();
    EXPECT_TRUE(button->isChecked()) << "the hub starts with sound on";
    button->click();
    ASSERT_EQ(toggled.size(), 1);
    EXPECT_FALSE(toggled.at(0).at(0).toBool());
    b.hub.setSoundEnabled(false);
    b.dashboard.refreshNow();
    EXPECT_FALSE(button->isChecked());
    EXPECT_TRUE(button->text().contains(QLatin1String("off")));
}

class DashboardSizes : public ::testing::TestWithParam<QSize>
{
};

TEST_P(DashboardSizes, EverythingFitsAndTheButtonIsTouchFriendly)
{
    const QSize size = GetParam();
    for (LinkStatus status : {LinkStatus::Live, LinkStatus::Stale}) {
        Board b;
        b.hub.acceptLink(link(LinkStatus::Live));
        b.hub.acceptState(state(1, 2500));
        b.hub.acceptLink(link(status));
        b.dashboard.resize(size);
        b.dashboard.show();
        b.dashboard.refreshNow();
        QCoreApplication::processEvents();
        EXPECT_EQ(b.dashboard.size(), size) << "nothing forces the window larger";
        const QRect area = b.dashboard.rect();
        QPushButton *button = b.info().soundButton();
        const QRect buttonRect(button->mapTo(&b.dashboard, QPoint(0, 0)), button->size());
        EXPECT_TRUE(area.contains(buttonRect)) << "button at " << buttonRect.y() << "+" << buttonRect.height();
        EXPECT_GE(button->height(), 40) << "a finger can hit it";
        const QRect robot(b.dashboard.robotView()->mapTo(&b.dashboard, QPoint(0, 0)), b.dashboard.robotView()->size());
        EXPECT_TRUE(area.contains(robot));
        EXPECT_GE(std::min(robot.width(), robot.height()), std::min(size.width(), size.height()) / 2);
    }
}

INSTANTIATE_TEST_SUITE_P(Screens, DashboardSizes,
                         ::testing::Values(QSize(800, 480), QSize(1024, 600), QSize(1280, 800), QSize(1920, 1080),
                                           QSize(480, 800)));
