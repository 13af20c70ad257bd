// SPDX-License-Identifier: MIT
// What the robot view draws, checked on its pixels (offscreen): power bars, lamps, the obstacle, the
// steering, the direction, and the greyed stale look.
#include "robotview.h"
#include "theme.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QImage>
#include <QTest>
#include <QTransform>

using namespace omni;
using namespace omni::gui;

namespace {

RobotState state()
{
    RobotState s;
    s.direction = 0;
    s.motorPower = {100, 0, -50};
    s.obstacleMode = 0;
    s.sensors = {1, 1, 0, 0, 0};
    s.sensorCount = 5;
    s.layout = Layout::Current;
    return s;
}

class RobotViewPixels : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // 524 × 524 maps the view box one to one.
        view.resize(524, 524);
        view.setTheme(Theme::light());
    }
    void show(const RobotState &s, bool live = true)
    {
        RobotView::Model m;
        m.state = s;
        m.live = live;
        view.setModel(m);
        image = view.grab().toImage();
    }
    QColor at(QPointF viewBox) const
    {
        const QPoint p = view.viewTransform().map(viewBox).toPoint();
        return image.pixelColor(p);
    }
    QColor onWheel(int i) const
    {
        // Near a tyre's end, clear of the chevrons in its middle.
        QTransform t;
        t.translate(RobotView::wheelCenter(i).x(), RobotView::wheelCenter(i).y());
        const double angles[3] = {210, 330, 90};
        t.rotate(angles[i] - 90);
        return at(t.map(QPointF(-40, -12)));
    }
    QColor onBar(int wheel, double fractionOfWidth) const
    {
        const QRectF b = RobotView::badgeRect(wheel);
        return at(QPointF(b.left() + b.width() * fractionOfWidth, b.top() + 5)); // above the text
    }

    RobotView view;
    QImage image;
};

bool isGrey(const QColor &c)
{
    return std::abs(c.red() - c.green()) <= 6 && std::abs(c.green() - c.blue()) <= 6;
}

int distance(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

} // namespace

TEST_F(RobotViewPixels, WheelsAreAmber)
{
    show(state());
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(onWheel(i), legend::wheelFill) << "wheel " << i;
    }
}

TEST_F(RobotViewPixels, PowerBarFillsWithThePowersMagnitude)
{
    show(state());
    const QColor card = Theme::light().card;
    // Left wheel 100 %: full; right 0 %: empty; bottom −50 %: the left half.
    EXPECT_EQ(onBar(0, 0.2), legend::wheelFill);
    EXPECT_EQ(onBar(0, 0.8), legend::wheelFill);
    EXPECT_EQ(onBar(1, 0.2), card);
    EXPECT_EQ(onBar(1, 0.8), card);
    EXPECT_EQ(onBar(2, 0.25), legend::wheelFill);
    EXPECT_EQ(onBar(2, 0.8), card);
}

TEST_F(RobotViewPixels, LitLineSensorsShowTheirLegendColour)
{
    RobotState s = state();
    s.sensors = {1, 1, 0, 0, 0};
    show(s);
    EXPECT_EQ(at(RobotView::sensorCenter(0, 5)), legend::edgeFill) << "edge sensor 0 lit";
    EXPECT_EQ(at(RobotView::sensorCenter(1, 5)), legend::frontFill) << "front sensor 1 lit";
    EXPECT_GT(distance(at(RobotView::sensorCenter(2, 5)), legend::frontFill), 60) << "front sensor 2 unlit";
    EXPECT_GT(distance(at(RobotView::sensorCenter(4, 5)), legend::edgeFill), 60) << "edge sensor 4 unlit";

    s.sensors = {0, 0, 0, 0, 1};
    show(s);
    EXPECT_GT(distance(at(RobotView::sensorCenter(0, 5)), legend::edgeFill), 60);
    EXPECT_EQ(at(RobotView::sensorCenter(4, 5)), legend::edgeFill);
}

TEST_F(RobotViewPixels, TheOriginalLayoutHasFourFrontSensors)
{
    RobotState s = state();
    s.sensorCount = 4;
    s.sensors = {1, 0, 0, 1, 0};
    show(s);
    bool edge = true;
    RobotView::sensorCenter(0, 4, &edge);
    EXPECT_FALSE(edge);
    EXPECT_EQ(at(RobotView::sensorCenter(0, 4)), legend::frontFill);
    EXPECT_EQ(at(RobotView::sensorCenter(3, 4)), legend::frontFill);
    EXPECT_GT(distance(at(RobotView::sensorCenter(1, 4)), legend::frontFill), 60);
}

TEST_F(RobotViewPixels, ObstacleSensorAndWarning)
{
    RobotState s = state();
    show(s);
    EXPECT_EQ(at(RobotView::obstacleSensorRect().center()), legend::obstacleFill);
    EXPECT_NE(at(QPointF(-58, -232)), legend::alert);
    s.obstacle = 1;
    show(s);
    EXPECT_EQ(at(QPointF(-58, -232)), legend::alert) << "the OBSTACLE pill";
    EXPECT_EQ(at(RobotView::obstacleSensorRect().center()), legend::obstacleFill);
}

TEST_F(RobotViewPixels, SteeringIndicators)
{
    RobotState s = state();
    s.goLeft = 1;
    show(s);
    // Inside the inner chevron of each side (mirrored on the left).
    EXPECT_EQ(at(QPointF(-109, -6)), legend::steerFill);
    EXPECT_NE(at(QPointF(109, -6)), legend::steerFill);
}

TEST_F(RobotViewPixels, DirectionArrow)
{
    RobotState s = state();
    show(s);
    const QColor arrow = Theme::light().direction;
    EXPECT_EQ(at(QPointF(0, 40)), arrow) << "forward: the shaft below the centre";
    EXPECT_EQ(at(QPointF(0, -30)), arrow) << "the head above it";
    EXPECT_NE(at(QPointF(0, -60)), arrow) << "and nothing beyond the tip";
    s.direction = 1;
    show(s);
    EXPECT_EQ(at(QPointF(0, -16)), arrow) << "backward: the shaft above";
    s.direction = 42;
    show(s);
    EXPECT_NE(at(QPointF(0, 40)), arrow) << "stopped: no arrow";
}

TEST_F(RobotViewPixels, StaleRobotIsGreyedOut)
{
    show(state(), false);
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(isGrey(onWheel(i))) << "wheel " << i << " " << onWheel(i).name().toStdString();
    }
    EXPECT_TRUE(isGrey(at(RobotView::sensorCenter(1, 5))));
    EXPECT_TRUE(isGrey(onBar(0, 0.2)));
}

TEST_F(RobotViewPixels, NoticeInTheMiddleWhenNotLive)
{
    RobotView::Model m;
    m.state = state();
    m.live = false;
    m.overlayTitle = QStringLiteral("STALE");
    m.overlaySub = QStringLiteral("last update 3.0 s ago");
    m.overlayColor = Theme::light().stale;
    view.setModel(m);
    image = view.grab().toImage();
    // The notice's border, left of the centre.
    bool found = false;
    for (int x = 0; x < 262 && !found; ++x) {
        found = distance(image.pixelColor(x, 262), Theme::light().stale) < 30;
    }
    EXPECT_TRUE(found);
}

TEST_F(RobotViewPixels, RepaintsOnlyWhenTheModelChanges)
{
    view.show();
    RobotView::Model m;
    m.state = state();
    m.live = true;
    view.setModel(m);
    QTest::qWait(50); // shown and painted once
    const quint64 before = view.paintCount();
    for (int i = 0; i < 10; ++i) {
        view.setModel(m);
        QCoreApplication::processEvents();
    }
    EXPECT_EQ(view.paintCount(), before);
    m.state->motorPower[0] = 5;
    view.setModel(m);
    QCoreApplication::processEvents();
    EXPECT_EQ(view.paintCount(), before + 1);
}

TEST_F(RobotViewPixels, SameValuesWithANewSeqDoNotRepaint)
{
    // A parked robot publishing at 100 Hz: every state is new, none looks different.
    view.show();
    RobotView::Model m;
    m.state = state();
    m.state->seq = 1;
    m.state->publishUnixNs = 1'000'000'000;
    m.live = true;
    view.setModel(m);
    QTest::qWait(50); // shown and painted once
    const quint64 before = view.paintCount();
    for (int i = 0; i < 10; ++i) {
        ++m.state->seq;
        m.state->publishUnixNs += 10'000'000;
        view.setModel(m);
        QCoreApplication::processEvents();
    }
    EXPECT_EQ(view.paintCount(), before) << "same values, new seq and publish time: the picture is the same";
    m.state->sensors[3] = 1;
    view.setModel(m);
    QCoreApplication::processEvents();
    EXPECT_EQ(view.paintCount(), before + 1) << "a value that changes still repaints";
}
