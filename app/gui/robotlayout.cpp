// SPDX-License-Identifier: MIT
#include "robotlayout.h"

#include <omniscient/omni_shm.h>

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace omni::gui {

namespace {

constexpr int kLeftToRight[kSensorPositions] = OMNI_SENSOR_LEFT_TO_RIGHT;
static_assert(kSensorPositions == OMNI_SENSOR_COUNT, "one position per sensor of omni_state");

// Wheel angles on screen (y down, degrees): upper left, upper right, bottom — 120° apart.
constexpr double kWheelAngle[3] = {210.0, 330.0, 90.0};
// Half the widest pen of any part (the obstacle sensor's 3.5 while an obstacle is seen, the wheels' 3).
constexpr double kInk = 2.0;
// Room between a wheel and its badge, and around a badge's text.
constexpr double kBadgeGap = 8.0;
constexpr double kBadgePadding = 12.0;
constexpr double kBadgeHeight = 36.0;

QPointF polar(double angleDeg, double r)
{
    const double a = angleDeg * std::numbers::pi / 180.0;
    return {r * std::cos(a), r * std::sin(a)};
}

QFont viewFont(const QFont &base, double px, QFont::Weight weight)
{
    QFont f = base;
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setWeight(weight);
    return f;
}

/// A rectangle of `size` centred on `c`.
QRectF centred(QPointF c, QSizeF size)
{
    return {c.x() - size.width() / 2, c.y() - size.height() / 2, size.width(), size.height()};
}

/// A text's place: its advance and line height, with `pad` on each side.
QRectF textRect(const QFont &font, const QStringList &texts, QPointF centre, double pad)
{
    const QFontMetricsF fm(font);
    double w = 0;
    for (const QString &t : texts) {
        w = std::max(w, fm.horizontalAdvance(t));
    }
    return centred(centre, QSizeF(w + 2 * pad, fm.height()));
}

QPolygonF inked(const QRectF &r)
{
    return QPolygonF(r.adjusted(-kInk, -kInk, kInk, kInk));
}

} // namespace

int sensorAtPosition(int position, int sensorCount)
{
    if (position < 0 || position >= kSensorPositions) {
        return -1;
    }
    const int index = kLeftToRight[position];
    return index < sensorCount ? index : -1;
}

QTransform RobotLayout::Wheel::transform() const
{
    QTransform t;
    t.translate(centre.x(), centre.y());
    t.rotate(angle);
    return t;
}

QPolygonF RobotLayout::Wheel::outline() const
{
    return transform().map(QPolygonF(tyre));
}

QPainterPath RobotLayout::obstacleWave(int k) const
{
    // Two arcs over the sensor, the outer one wider and higher.
    const double w = k == 0 ? 26.0 : 44.0;
    const double base = obstacleSensor.top() - 3;
    QPainterPath wave;
    wave.moveTo(-w * 1.2, base - w * 0.2);
    wave.quadTo(0, base - 6 - w * 1.1, w * 1.2, base - w * 0.2);
    return wave;
}

std::vector<RobotLayout::Part> RobotLayout::parts() const
{
    std::vector<Part> out;
    static const char *const wheelNames[3] = {"left", "right", "bottom"};
    for (int i = 0; i < 3; ++i) {
        Wheel inkedWheel = wheels[static_cast<size_t>(i)];
        inkedWheel.tyre.adjust(-kInk, -kInk, kInk, kInk);
        out.push_back({QStringLiteral("wheel %1").arg(QLatin1String(wheelNames[i])), inkedWheel.outline()});
        out.push_back(
            {QStringLiteral("badge %1").arg(QLatin1String(wheelNames[i])), inked(badges[static_cast<size_t>(i)])});
    }
    for (int p = 0; p < kSensorPositions; ++p) {
        const QRectF &r = sensors[static_cast<size_t>(p)];
        const QPointF c = r.center();
        const double h = r.width() / 2 + kInk;
        out.push_back({QStringLiteral("sensor position %1").arg(p),
                       QPolygonF({{c.x(), c.y() - h}, {c.x() + h, c.y()}, {c.x(), c.y() + h}, {c.x() - h, c.y()}})});
    }
    out.push_back({QStringLiteral("edge sensor left"), inked(edgeSensors[0])});
    out.push_back({QStringLiteral("edge sensor right"), inked(edgeSensors[1])});
    out.push_back({QStringLiteral("obstacle sensor"), inked(obstacleSensor)});
    out.push_back({QStringLiteral("obstacle waves"), inked(obstacleWaves)});
    out.push_back({QStringLiteral("obstacle warning"), inked(obstacleWarning)});
    out.push_back({QStringLiteral("front label"), inked(frontLabel)});
    out.push_back({QStringLiteral("steering left"), inked(steering[0])});
    out.push_back({QStringLiteral("steering right"), inked(steering[1])});
    out.push_back({QStringLiteral("direction"), inked(direction)});
    out.push_back({QStringLiteral("direction label"), inked(directionLabel)});
    return out;
}

RobotLayout computeLayout(QSizeF widget, const QFont &base, const RobotTexts &texts)
{
    RobotLayout l;
    const double side = std::min(widget.width(), widget.height());
    l.toWidget.translate(widget.width() / 2.0, widget.height() / 2.0);
    l.toWidget.scale(side / (2 * RobotLayout::kHalf), side / (2 * RobotLayout::kHalf));

    l.badgeFont = viewFont(base, 20, QFont::Bold);
    l.frontFont = viewFont(base, 12, QFont::DemiBold);
    l.warningFont = viewFont(base, 15, QFont::ExtraBold);
    l.directionFont = viewFont(base, 17, QFont::DemiBold);
    l.sensorValueFont = viewFont(base, 13, QFont::Bold);
    l.overlayTitleFont = viewFont(base, 30, QFont::ExtraBold);
    l.overlaySubFont = viewFont(base, 17, QFont::DemiBold);

    for (size_t i = 0; i < 3; ++i) {
        l.wheels[i] = {polar(kWheelAngle[i], RobotLayout::kBodyRadius), kWheelAngle[i] - 90.0, {-50, -18, 100, 36}};
    }
    // Each badge is as wide as the widest power with room around it, and clear of its wheel: the upper
    // wheels' badges above them (beside them they would leave the view box), the bottom one below.
    const double badgeWidth =
        std::max(86.0, QFontMetricsF(l.badgeFont).horizontalAdvance(RobotLayout::kWidestBadgeText) + 2 * kBadgePadding);
    for (size_t i = 0; i < 3; ++i) {
        const QRectF wheel = l.wheels[i].outline().boundingRect().adjusted(-kInk, -kInk, kInk, kInk);
        const double cy =
            i < 2 ? wheel.top() - kBadgeGap - kBadgeHeight / 2 : wheel.bottom() + kBadgeGap + kBadgeHeight / 2;
        const double cx = i < 2 ? l.wheels[i].centre.x() * 1.16 : 0.0;
        l.badges[i] = centred(QPointF(cx, cy), QSizeF(badgeWidth, kBadgeHeight));
    }

    // The front arc: [0], [3] and the centre [4] a little lower than [1] and [2], as the original draws them.
    constexpr double kSensorX[kSensorPositions] = {-76, -38, 0, 38, 76};
    constexpr double kSensorY[kSensorPositions] = {-106, -118, -106, -118, -106};
    for (size_t p = 0; p < kSensorPositions; ++p) {
        l.sensors[p] = centred(QPointF(kSensorX[p], kSensorY[p]), QSizeF(28, 28));
    }
    l.edgeSensors = {centred(QPointF(-104, -72), QSizeF(22, 22)), centred(QPointF(104, -72), QSizeF(22, 22))};

    l.obstacleSensor = QRectF(-26, -RobotLayout::kBodyRadius - 11, 52, 22);
    QRectF waves = l.obstacleWave(0).boundingRect().united(l.obstacleWave(1).boundingRect());
    l.obstacleWaves = waves.adjusted(-2.5, -2.5, 2.5, 2.5); // their round-capped pen
    const QRectF pill = textRect(l.warningFont, {texts.obstacle}, QPointF(), 20);
    l.obstacleWarning =
        centred(QPointF(0, l.obstacleWaves.top() - 2 * kInk - 2 - 14), QSizeF(std::max(132.0, pill.width()), 28));
    l.frontLabel = textRect(l.frontFont, {texts.front}, QPointF(0, -146), 4);

    l.steering = {QRectF(-136, -32, 46, 52), QRectF(90, -32, 46, 52)};
    l.direction = centred(QPointF(0, 12), QSizeF(116, 116));
    l.directionLabel = textRect(l.directionFont, texts.directions, QPointF(0, 84), 6);
    return l;
}

} // namespace omni::gui
