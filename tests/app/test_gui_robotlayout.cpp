// SPDX-License-Identifier: MIT
// The robot view's layout: no wheel, badge, sensor, label or indicator overlaps another, everything stays in the
// widget, and the widest power fits its badge, at the sizes the screenshots and the kiosk use, in every language.
#include "dashboard.h"
#include "language.h"
#include "robotlayout.h"
#include "robotpainter.h"
#include "robotview.h"

#include <omni/hub.h>

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainterPath>

#include <tuple>

using namespace omni;
using namespace omni::gui;

namespace {

bool overlap(const QPolygonF &a, const QPolygonF &b)
{
    QPainterPath pa;
    pa.addPolygon(a);
    pa.closeSubpath();
    QPainterPath pb;
    pb.addPolygon(b);
    pb.closeSubpath();
    return pa.intersects(pb);
}

/// The layout of the robot view in a dashboard of `window` size (the kiosk is the same dashboard, full screen).
RobotLayout dashboardLayout(QSize window, QSize *viewSize)
{
    Hub hub;
    Dashboard board(&hub);
    board.resize(window);
    board.show();
    board.refreshNow();
    QCoreApplication::processEvents();
    *viewSize = board.robotView()->size();
    return board.robotView()->layout();
}

class RobotLayoutAt : public ::testing::TestWithParam<std::tuple<QSize, const char *>>
{
protected:
    void SetUp() override { ASSERT_TRUE(installLanguage(QLatin1String(std::get<1>(GetParam())))); }
    void TearDown() override { installLanguage(QStringLiteral("en")); }
};

} // namespace

TEST(RobotLayout, SensorPositionsFollowTheOriginalOrderAndLeaveTheCentreOfFourEmpty)
{
    EXPECT_EQ(sensorAtPosition(0, 5), 0);
    EXPECT_EQ(sensorAtPosition(1, 5), 1);
    EXPECT_EQ(sensorAtPosition(2, 5), 4);
    EXPECT_EQ(sensorAtPosition(3, 5), 2);
    EXPECT_EQ(sensorAtPosition(4, 5), 3);
    EXPECT_EQ(sensorAtPosition(2, 4), -1);
    EXPECT_EQ(sensorAtPosition(3, 4), 2);
    EXPECT_EQ(sensorAtPosition(5, 5), -1);
    EXPECT_EQ(sensorAtPosition(-1, 5), -1);
}

TEST_P(RobotLayoutAt, NoPartOverlapsAnother)
{
    QSize viewSize;
    const RobotLayout l = dashboardLayout(std::get<0>(GetParam()), &viewSize);
    const auto parts = l.parts();
    ASSERT_GE(parts.size(), 20U);
    for (size_t a = 0; a < parts.size(); ++a) {
        for (size_t b = a + 1; b < parts.size(); ++b) {
            EXPECT_FALSE(overlap(parts[a].outline, parts[b].outline))
                << parts[a].name.toStdString() << " overlaps " << parts[b].name.toStdString();
        }
    }
}

TEST_P(RobotLayoutAt, EveryPartStaysInTheWidget)
{
    QSize viewSize;
    const RobotLayout l = dashboardLayout(std::get<0>(GetParam()), &viewSize);
    const QRectF widget(QPointF(0, 0), QSizeF(viewSize));
    for (const auto &part : l.parts()) {
        const QRectF inWidget = l.toWidget.map(part.outline).boundingRect();
        EXPECT_TRUE(widget.contains(inWidget))
            << part.name.toStdString() << " leaves the " << viewSize.width() << "×" << viewSize.height() << " view";
    }
}

TEST_P(RobotLayoutAt, TheWidestPowerAndEveryWordFitTheirPlaces)
{
    QSize viewSize;
    const RobotLayout l = dashboardLayout(std::get<0>(GetParam()), &viewSize);
    const QFontMetricsF badge(l.badgeFont);
    for (const QRectF &r : l.badges) {
        EXPECT_LE(badge.horizontalAdvance(RobotLayout::kWidestBadgeText) + 16, r.width()) << "room either side";
        EXPECT_LE(badge.height(), r.height());
    }
    const RobotTexts texts = RobotPainter::texts();
    EXPECT_LE(QFontMetricsF(l.warningFont).horizontalAdvance(texts.obstacle) + 16, l.obstacleWarning.width());
    EXPECT_LE(QFontMetricsF(l.frontFont).horizontalAdvance(texts.front), l.frontLabel.width());
    for (const QString &word : texts.directions) {
        EXPECT_LE(QFontMetricsF(l.directionFont).horizontalAdvance(word), l.directionLabel.width())
            << word.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Screens, RobotLayoutAt,
                         ::testing::Combine(::testing::Values(QSize(800, 480), QSize(1280, 800), QSize(1920, 1080),
                                                              QSize(480, 800)),
                                            ::testing::Values("en", "de", "es", "fr")),
                         [](const auto &p) {
                             const QSize s = std::get<0>(p.param);
                             return QStringLiteral("%1x%2_%3")
                                 .arg(s.width())
                                 .arg(s.height())
                                 .arg(QLatin1String(std::get<1>(p.param)))
                                 .toStdString();
                         });
