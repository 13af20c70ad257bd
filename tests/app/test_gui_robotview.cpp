// SPDX-License-Identifier: MIT
// What the robot view draws, checked on its pixels (offscreen): power bars, the line sensors at the original's
// positions, the obstacle, the steering, the direction, and the greyed stale look.
#include "robotview.h"
#include "theme.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QImage>
#include <QRandomGenerator>
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
    /// Shows the view live with `s` and lets it paint once; the model, to change.
    RobotView::Model showLive(const RobotState &s)
    {
        view.show();
        RobotView::Model m;
        m.state = s;
        m.live = true;
        view.setModel(m);
        QTest::qWait(50);
        return m;
    }
    QColor at(QPointF viewBox) const
    {
        const QPoint p = view.viewTransform().map(viewBox).toPoint();
        return image.pixelColor(p);
    }
    QColor onWheel(int i) const
    {
        // Near a tyre's end, clear of the chevrons in its middle.
        return at(view.layout().wheels[static_cast<size_t>(i)].transform().map(QPointF(-40, -12)));
    }
    QColor onBar(int wheel, double fractionOfWidth) const
    {
        const QRectF b = view.layout().badges[static_cast<size_t>(wheel)];
        return at(QPointF(b.left() + b.width() * fractionOfWidth, b.top() + 5)); // above the text
    }
    /// The centre of the front sensor at `position` (0 = leftmost).
    QPointF sensorAt(int position) const { return view.layout().sensors[static_cast<size_t>(position)].center(); }
    /// Which of the five positions show a lit sensor.
    std::vector<int> litPositions() const
    {
        std::vector<int> lit;
        for (int pos = 0; pos < 5; ++pos) {
            if (at(sensorAt(pos)) == legend::frontFill) {
                lit.push_back(pos);
            }
        }
        return lit;
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

TEST_F(RobotViewPixels, EachSensorLightsItsPositionLeftToRight01423)
{
    // The original's order, left to right: sensors[0], [1], [4], [2], [3].
    const int expectedPosition[5] = {0, 1, 3, 4, 2};
    for (int index = 0; index < 5; ++index) {
        RobotState s = state();
        s.sensors = {};
        s.sensors[static_cast<size_t>(index)] = 1;
        show(s);
        EXPECT_EQ(litPositions(), std::vector<int>{expectedPosition[index]}) << "sensors[" << index << "] = 1 alone";
    }
}

TEST_F(RobotViewPixels, TheCentreSensorIsLowerThanItsNeighboursAndLevelWithTheOuterOnes)
{
    const RobotLayout l = view.layout();
    EXPECT_GT(sensorAt(2).y(), sensorAt(1).y());
    EXPECT_GT(sensorAt(2).y(), sensorAt(3).y());
    EXPECT_DOUBLE_EQ(sensorAt(0).y(), sensorAt(2).y());
    EXPECT_DOUBLE_EQ(sensorAt(4).y(), sensorAt(2).y());
    EXPECT_LT(l.edgeSensors[0].center().x(), sensorAt(0).x());
    EXPECT_GT(l.edgeSensors[1].center().x(), sensorAt(4).x());
}

TEST_F(RobotViewPixels, EdgeSensorsAreDrawnButNeverLit)
{
    RobotState s = state();
    s.sensors = {1, 1, 1, 1, 1};
    show(s);
    EXPECT_EQ(litPositions(), (std::vector<int>{0, 1, 2, 3, 4}));
    for (const QRectF &edge : view.layout().edgeSensors) {
        const QColor c = at(edge.center());
        EXPECT_GT(distance(c, legend::edgeFill), 60) << "no field feeds an edge sensor";
        EXPECT_GT(distance(c, Theme::light().robotBody), 10) << "but it is drawn";
    }
    const QString said = view.describeAt(view.layout().edgeSensors[1].center());
    EXPECT_TRUE(said.contains(QLatin1String("no data"))) << said.toStdString();
}

TEST_F(RobotViewPixels, AFourSensorRobotHasNoSensorInTheCentre)
{
    RobotState s = state();
    s.sensors = {0, 0, 0, 0, 0};
    show(s);
    const QColor unlitCentre = at(sensorAt(2));

    s.sensorCount = 4;
    s.layout = Layout::Legacy56;
    s.sensors = {1, 1, 1, 1, 0};
    show(s);
    EXPECT_EQ(litPositions(), (std::vector<int>{0, 1, 3, 4})) << "[0] [1] _ [2] [3]";
    const QColor noSensor = at(sensorAt(2));
    EXPECT_GT(distance(noSensor, unlitCentre), 40) << "no sensor looks unlike an unlit one";
    EXPECT_GT(distance(noSensor, legend::frontFill), 60);
    const QString said = view.describeAt(sensorAt(2));
    EXPECT_TRUE(said.contains(QLatin1String("No sensor"))) << said.toStdString();

    s.sensors = {0, 0, 1, 0, 0};
    show(s);
    EXPECT_EQ(litPositions(), std::vector<int>{3}) << "a four-sensor robot's [2] is right of the centre";
}

TEST_F(RobotViewPixels, AValueOtherThanZeroOrOneShowsTheNumber)
{
    RobotState s = state();
    s.sensors = {0, 0, 0, 0, 1};
    show(s);
    const QImage lit = image;
    s.sensors = {0, 0, 0, 0, 0};
    show(s);
    const QImage off = image;
    s.sensors = {0, 0, 0, 0, 7};
    show(s);

    const QRect diamond = view.layout().toWidget.mapRect(view.layout().sensors[2]).toAlignedRect();
    int textPixels = 0;
    for (int y = diamond.top(); y <= diamond.bottom(); ++y) {
        for (int x = diamond.left(); x <= diamond.right(); ++x) {
            textPixels += distance(image.pixelColor(x, y), Theme::light().text) < 60 ? 1 : 0;
        }
    }
    EXPECT_GT(textPixels, 10) << "the number is written in the diamond";
    EXPECT_NE(image.copy(diamond), lit.copy(diamond)) << "7 is not shown as on";
    EXPECT_NE(image.copy(diamond), off.copy(diamond)) << "nor as off";
    EXPECT_NE(at(sensorAt(2)), legend::frontFill);
    const QString said = view.describeAt(sensorAt(2));
    EXPECT_TRUE(said.contains(QLatin1String("[4]: 7"))) << said.toStdString();
}

TEST_F(RobotViewPixels, ObstacleSensorAndWarning)
{
    RobotState s = state();
    show(s);
    const RobotLayout l = view.layout();
    const QPointF pill(l.obstacleWarning.left() + 8, l.obstacleWarning.center().y());
    EXPECT_EQ(at(l.obstacleSensor.center()), legend::obstacleFill);
    EXPECT_NE(at(pill), legend::alert);
    s.obstacle = 1;
    show(s);
    EXPECT_EQ(at(pill), legend::alert) << "the OBSTACLE pill";
    EXPECT_EQ(at(l.obstacleSensor.center()), legend::obstacleFill);
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
    EXPECT_TRUE(isGrey(at(sensorAt(1))));
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
    RobotView::Model m = showLive(state());
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
    RobotState parked = state();
    parked.seq = 1;
    parked.publishUnixNs = 1'000'000'000;
    RobotView::Model m = showLive(parked);
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

TEST_F(RobotViewPixels, ANewStateRepaintsOnlyThePartsItChanges)
{
    RobotView::Model m = showLive(state());
    const quint64 before = view.paintCount();
    const QRect badge = view.viewTransform().mapRect(view.layout().badges[0]).toAlignedRect();

    m.state->motorPower[0] = 90; // still three chevrons: the badge alone
    view.setModel(m);
    QCoreApplication::processEvents();
    ASSERT_EQ(view.paintCount(), before + 1);
    const QRect painted = view.lastPaintRegion().boundingRect();
    EXPECT_TRUE(painted.contains(badge)) << "the whole badge is repainted";
    EXPECT_LT(painted.width() * painted.height(), 524 * 524 / 20) << "but not much more than the badge";

    m.state->botMode = 2; // not in the picture (the panel shows it)
    m.state->sensorMode = 1;
    view.setModel(m);
    QCoreApplication::processEvents();
    EXPECT_EQ(view.paintCount(), before + 1) << "a field the picture does not show repaints nothing";

    m.live = false; // greyed: the whole picture changes
    view.setModel(m);
    QCoreApplication::processEvents();
    EXPECT_EQ(view.lastPaintRegion().boundingRect(), view.rect());
}

/// Where two pictures of the same size differ, in words; empty when they are the same.
std::string differences(const QImage &a, const QImage &b)
{
    QRect box;
    int count = 0;
    int worst = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            if (p != q) {
                ++count;
                box |= QRect(x, y, 1, 1);
                worst = std::max({worst, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                  std::abs(qBlue(p) - qBlue(q)), std::abs(qAlpha(p) - qAlpha(q))});
            }
        }
    }
    if (count == 0) {
        return {};
    }
    return QStringLiteral("%1 pixels differ (by up to %2) in %3,%4 %5x%6")
        .arg(count)
        .arg(worst)
        .arg(box.x())
        .arg(box.y())
        .arg(box.width())
        .arg(box.height())
        .toStdString();
}

TEST_F(RobotViewPixels, PartialRepaintsLeaveExactlyThePixelsOfAFullPaint)
{
    // Random states, each from the one before: the picture brought up to date by painting only changedArea()
    // must equal the picture painted whole. A part drawn outside the area its StatePart declares, or a changed
    // field that marks no part, leaves stale pixels and fails here.
    QRandomGenerator rng(20261203);
    const auto pick = [&rng](std::initializer_list<qint32> values) {
        return *(values.begin() + rng.bounded(static_cast<int>(values.size())));
    };
    // The view box one to one, and two sizes whose scale rounds differently.
    for (const QSize size : {QSize(524, 524), QSize(371, 300), QSize(913, 707)}) {
        view.resize(size);
        RobotView::Model m;
        m.state = state();
        m.live = true;
        view.setModel(m);
        QImage picture(view.size(), QImage::Format_ARGB32_Premultiplied);
        view.render(&picture);
        for (int step = 0; step < 150; ++step) {
            RobotState next = *m.state;
            switch (rng.bounded(8)) {
            case 0:
                next.obstacle = next.obstacle != 0 ? 0 : pick({1, 7, -1});
                break;
            case 1:
            case 2: {
                const auto wheel = static_cast<size_t>(rng.bounded(3));
                next.motorPower[wheel] = rng.bounded(3) == 0 ? pick({0, 1, -1, 33, 34, -67, 100, -100, 150, INT32_MIN})
                                                             : rng.bounded(-100, 101);
                break;
            }
            case 3:
                next.sensors[static_cast<size_t>(rng.bounded(5))] = pick({0, 1, 0, 1, 2, -3});
                if (rng.bounded(10) == 0) {
                    next.sensorCount = next.sensorCount == 5 ? 4 : 5;
                }
                break;
            case 4:
                next.goLeft = next.goLeft != 0 ? 0 : 1;
                break;
            case 5:
                next.goRight = next.goRight != 0 ? 0 : 1;
                break;
            case 6:
                next.direction = pick({-1, 0, 1, 2, 3, 4});
                break;
            default: // several at once
                next.motorPower = {rng.bounded(-100, 101), rng.bounded(-100, 101), rng.bounded(-100, 101)};
                next.direction = pick({0, 1, 2, 3});
                next.goLeft = rng.bounded(2);
                next.obstacle = rng.bounded(2);
                break;
            }
            const QRegion changed = view.changedArea(&*m.state, &next);
            m.state = next;
            view.setModel(m);
            view.render(&picture, changed.boundingRect().topLeft(), changed); // the region's corner goes there
            QImage whole(view.size(), QImage::Format_ARGB32_Premultiplied);
            view.render(&whole);
            ASSERT_EQ(differences(picture, whole), "")
                << size.width() << "x" << size.height() << " step " << step
                << ": stale pixels outside the repainted area " << changed.boundingRect().x() << ","
                << changed.boundingRect().y() << " " << changed.boundingRect().width() << "x"
                << changed.boundingRect().height();
        }
    }
}
