// SPDX-License-Identifier: MIT
#include "robotpainter.h"

#include "statustext.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QStaticText>

#include <cmath>
#include <numbers>

namespace omni::gui {

namespace {

QPointF polar(double angleDeg, double r)
{
    const double a = angleDeg * std::numbers::pi / 180.0;
    return {r * std::cos(a), r * std::sin(a)};
}

QPolygonF polygon(std::initializer_list<QPointF> pts)
{
    return QPolygonF(QList<QPointF>(pts));
}

QPolygonF diamond(const QRectF &r)
{
    const QPointF c = r.center();
    return polygon({{c.x(), r.top()}, {r.right(), c.y()}, {c.x(), r.bottom()}, {r.left(), c.y()}});
}

/// An unlit sensor: a faint fill and a dashed outline in its legend colours.
void setUnlitLook(QPainter &p, QColor fill, QColor border)
{
    fill.setAlphaF(0.16);
    border.setAlpha(150);
    p.setPen(QPen(border, 2, Qt::DashLine));
    p.setBrush(fill);
}

/// A sensor's value as it is, with a real minus sign.
QString sensorValueText(qint32 v)
{
    const qint64 wide = v;
    return wide < 0 ? QStringLiteral("−%1").arg(-wide) : QString::number(wide);
}

} // namespace

RobotPainter::RobotPainter(const Theme &theme, const RobotLayout &layout) : m_theme(theme), m_layout(layout) {}

RobotTexts RobotPainter::texts()
{
    RobotTexts t;
    t.front = tr("FRONT");
    t.obstacle = tr("OBSTACLE");
    for (qint32 d = -1; d <= 3; ++d) {
        t.directions.append(StatusText::direction(d));
    }
    return t;
}

void RobotPainter::paint(QPainter &p, const RobotState *s) const
{
    paintBody(p);
    paintState(p, s);
}

void RobotPainter::paintBody(QPainter &p) const
{
    p.save();
    p.setPen(QPen(m_theme.line, 10));
    p.setBrush(Qt::NoBrush);
    constexpr double kBodyRadius = RobotLayout::kBodyRadius;
    p.drawEllipse(QPointF(0, 0), kBodyRadius + 8, kBodyRadius + 8);
    QRadialGradient body(QPointF(-40, -50), kBodyRadius * 1.4);
    body.setColorAt(0, m_theme.robotBody.lighter(m_theme.isDark ? 120 : 106));
    body.setColorAt(1, m_theme.robotBody);
    p.setBrush(body);
    p.setPen(QPen(m_theme.robotEdge, 4));
    p.drawEllipse(QPointF(0, 0), kBodyRadius, kBodyRadius);
    QPen rim(m_theme.robotEdge, 2, Qt::CustomDashLine, Qt::RoundCap);
    rim.setDashPattern({1, 4});
    p.setPen(rim);
    p.setBrush(Qt::NoBrush);
    p.setOpacity(0.35);
    p.drawEllipse(QPointF(0, 0), kBodyRadius - 14, kBodyRadius - 14);
    p.setOpacity(1.0);

    p.setPen(m_theme.muted);
    p.setFont(m_layout.frontFont);
    p.drawText(m_layout.frontLabel, Qt::AlignCenter, tr("FRONT"));

    // The edge sensors are part of the original picture, but no field feeds them: never lit.
    for (const QRectF &r : m_layout.edgeSensors) {
        p.save();
        setUnlitLook(p, legend::edgeFill, legend::edgeBorder);
        p.drawRoundedRect(r, 3, 3);
        p.restore();
    }
    // The tyres (their chevrons show the state, paintSpin()) and the empty power badges (paintBadge()).
    for (const RobotLayout::Wheel &wheel : m_layout.wheels) {
        p.save();
        p.setTransform(wheel.transform(), true);
        p.setPen(QPen(legend::wheelBorder, 3));
        p.setBrush(legend::wheelFill);
        p.drawRoundedRect(wheel.tyre, 8, 8);
        p.restore();
    }
    p.setPen(QPen(legend::wheelBorder, 2.5));
    p.setBrush(m_theme.card);
    for (const QRectF &badge : m_layout.badges) {
        p.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
    }
    p.restore();
}

namespace {
/// `text` laid out in `font` for `transform`, kept for the next paint (at most a few hundred: the badges' values).
const QStaticText &staticText(const QString &text, const QFont &font, const QTransform &transform)
{
    static QHash<QString, QStaticText> cache;
    static QString cachedFont;
    static QTransform cachedTransform;
    const QString fontKey = font.key();
    if (fontKey != cachedFont || transform != cachedTransform || cache.size() > 512) {
        cache.clear();
        cachedFont = fontKey;
        cachedTransform = transform;
    }
    auto it = cache.find(text);
    if (it == cache.end()) {
        QStaticText laidOut(text);
        laidOut.setTextFormat(Qt::PlainText);
        laidOut.prepare(transform, font);
        it = cache.insert(text, laidOut);
    }
    return *it;
}

/// The chevrons a wheel at `power` shows: 1 to 3 for up to a third, two thirds or more of full power, negative
/// for a negative power; 0 when it stands still.
int spinChevrons(qint32 power)
{
    if (power == 0) {
        return 0;
    }
    const int count = static_cast<int>(std::clamp<qint64>((std::abs(qint64{power}) + 32) / 33, 1, 3));
    return power > 0 ? count : -count;
}
} // namespace

unsigned RobotPainter::changedParts(const RobotState &from, const RobotState &to)
{
    unsigned parts = 0;
    if ((from.obstacle != 0) != (to.obstacle != 0)) {
        parts |= Obstacle;
    }
    for (unsigned i = 0; i < 3; ++i) {
        if (from.motorPower[i] != to.motorPower[i]) {
            parts |= Badge0 << i;
            if (spinChevrons(from.motorPower[i]) != spinChevrons(to.motorPower[i])) {
                parts |= Spin0 << i;
            }
        }
    }
    if (from.sensorCount != to.sensorCount || from.sensors != to.sensors) {
        parts |= Sensors;
    }
    if ((from.goLeft != 0) != (to.goLeft != 0)) {
        parts |= SteerLeft;
    }
    if ((from.goRight != 0) != (to.goRight != 0)) {
        parts |= SteerRight;
    }
    if (from.direction != to.direction) {
        parts |= Direction;
    }
    return parts;
}

QRectF RobotPainter::partArea(StatePart part) const
{
    // The widest pen is the obstacle waves' (5 wide), plus a unit for the antialiased edge.
    constexpr double kInk = 6.0;
    QRectF r;
    switch (part) {
    case Obstacle:
        r = m_layout.obstacleSensor | m_layout.obstacleWaves | m_layout.obstacleWarning;
        break;
    case Badge0:
    case Badge1:
    case Badge2:
        r = m_layout.badges[part == Badge0 ? 0 : part == Badge1 ? 1 : 2];
        break;
    case Spin0:
    case Spin1:
    case Spin2:
        r = m_layout.wheels[part == Spin0 ? 0 : part == Spin1 ? 1 : 2].outline().boundingRect();
        break;
    case Sensors:
        for (const QRectF &sensor : m_layout.sensors) {
            r |= sensor;
        }
        break;
    case SteerLeft:
        r = m_layout.steering[0];
        break;
    case SteerRight:
        r = m_layout.steering[1];
        break;
    case Direction: {
        // The rotation's arrow head reaches past the 116-unit box the shapes are drawn in: a fifth more.
        const double reach = m_layout.direction.width() / 5;
        r = m_layout.direction.adjusted(-reach, -reach, reach, reach) | m_layout.directionLabel;
        break;
    }
    default:
        return {};
    }
    return r.adjusted(-kInk, -kInk, kInk, kInk);
}

void RobotPainter::paintState(QPainter &p, const RobotState *s, unsigned parts) const
{
    if ((parts & Obstacle) != 0) {
        paintObstacle(p, s && s->obstacle != 0);
    }
    for (unsigned i = 0; i < 3; ++i) {
        if ((parts & (Spin0 << i)) != 0) {
            paintSpin(p, static_cast<int>(i), s ? s->motorPower[i] : 0);
        }
        if ((parts & (Badge0 << i)) != 0) {
            paintBadge(p, static_cast<int>(i), s ? s->motorPower[i] : 0, s != nullptr);
        }
    }
    if ((parts & Sensors) != 0) {
        paintSensors(p, s);
    }
    if ((parts & SteerLeft) != 0) {
        paintSteering(p, 0, s && s->goLeft != 0);
    }
    if ((parts & SteerRight) != 0) {
        paintSteering(p, 1, s && s->goRight != 0);
    }
    if ((parts & Direction) != 0) {
        paintDirection(p, s);
    }
}

void RobotPainter::paintSpin(QPainter &p, int i, qint32 power) const
{
    const RobotLayout::Wheel &wheel = m_layout.wheels[static_cast<size_t>(i)];
    p.save();
    p.setTransform(wheel.transform(), true);
    // Chevrons show the spin: positive power turns the robot clockwise, i.e. towards the wheel's local −x.
    // One, two or three chevrons for up to a third, two thirds, or more of full power.
    const int chevrons = spinChevrons(power);
    const int count = std::abs(chevrons);
    const double dir = chevrons > 0 ? -1.0 : 1.0;
    p.setPen(QPen(legend::wheelBorder, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    for (int k = 0; k < count; ++k) {
        const double x = (k - (count - 1) / 2.0) * 18.0;
        p.drawPolyline(polygon({{x - dir * 5, -9}, {x + dir * 5, 0}, {x - dir * 5, 9}}));
    }
    if (count == 0) {
        p.setPen(QPen(legend::wheelBorder, 2));
        p.setOpacity(0.5);
        for (int k = -2; k <= 2; ++k) {
            p.drawLine(QPointF(k * 16.0, -8), QPointF(k * 16.0, 8));
        }
        p.setOpacity(1.0);
    }
    p.restore();
}

void RobotPainter::paintBadge(QPainter &p, int i, qint32 power, bool known) const
{
    // The badge: a power bar filling from the left with |power|, and the value in percent.
    // The empty badge is in the body (paintBody()).
    const QRectF badge = m_layout.badges[static_cast<size_t>(i)];
    if (known && power != 0) {
        // The inside of the badge, cut at the power: a rectangular clip, far cheaper than a rounded one.
        const double frac = std::min(1.0, static_cast<double>(std::abs(qint64{power})) / 100.0);
        const QRectF inside = badge.adjusted(2, 2, -2, -2);
        p.save();
        p.setClipRect(QRectF(badge.left(), badge.top(), badge.width() * frac, badge.height()), Qt::IntersectClip);
        p.setPen(Qt::NoPen);
        p.setBrush(legend::wheelFill);
        p.drawRoundedRect(inside, inside.height() / 2, inside.height() / 2);
        p.restore();
    }
    p.setFont(m_layout.badgeFont);
    const QString sign = power > 0 ? QStringLiteral("+") : power < 0 ? QStringLiteral("−") : QString();
    const QString value =
        known ? QStringLiteral("%1%2 %").arg(sign).arg(std::abs(qint64{power})) : QStringLiteral("— %");
    // The text is dark where it sits on the bar and the theme's colour elsewhere: readable in both palettes.
    const double barRight =
        badge.left() +
        badge.width() * (known ? std::min(1.0, static_cast<double>(std::abs(qint64{power})) / 100.0) : 0.0);
    // Laid out once per text and font (a badge's value changes with every state of a moving robot).
    const QStaticText &text = staticText(value, m_layout.badgeFont, p.transform());
    const QPointF at = badge.center() - QPointF(text.size().width() / 2, text.size().height() / 2);
    p.save();
    p.setClipRect(QRectF(badge.left(), badge.top(), barRight - badge.left(), badge.height()));
    p.setPen(legend::wheelText);
    p.drawStaticText(at, text);
    p.setClipRect(QRectF(barRight, badge.top(), badge.right() - barRight, badge.height()));
    p.setPen(m_theme.text);
    p.drawStaticText(at, text);
    p.restore();
}

void RobotPainter::paintSensors(QPainter &p, const RobotState *s) const
{
    const int count = s ? std::clamp(s->sensorCount, 0, kSensorPositions) : kSensorPositions;
    for (int pos = 0; pos < kSensorPositions; ++pos) {
        const QRectF r = m_layout.sensors[static_cast<size_t>(pos)];
        const QPolygonF shape = diamond(r);
        const int index = sensorAtPosition(pos, count);
        if (index < 0) {
            // No sensor at this position: an empty outline with a cross, unlike an unlit sensor.
            p.save();
            p.setOpacity(0.6);
            p.setPen(QPen(m_theme.muted, 1.5, Qt::DotLine));
            p.setBrush(Qt::NoBrush);
            p.drawPolygon(shape);
            p.setPen(QPen(m_theme.muted, 2, Qt::SolidLine, Qt::RoundCap));
            const QPointF c = r.center();
            p.drawLine(c + QPointF(-5, -5), c + QPointF(5, 5));
            p.drawLine(c + QPointF(-5, 5), c + QPointF(5, -5));
            p.restore();
            continue;
        }
        const qint32 value = s ? s->sensors[static_cast<size_t>(index)] : 0;
        if (value == 1) {
            QColor glow = legend::frontFill;
            glow.setAlpha(90);
            p.setPen(QPen(glow, 10, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            p.drawPolygon(shape);
            p.setPen(QPen(legend::frontBorder, 2.5));
            p.setBrush(legend::frontFill);
            p.drawPolygon(shape);
        } else if (value == 0) {
            setUnlitLook(p, legend::frontFill, legend::frontBorder);
            p.drawPolygon(shape);
        } else {
            // Neither on nor off: the number itself, on the card's colour, never passed off as "on".
            p.setPen(QPen(legend::frontBorder, 2.5));
            p.setBrush(m_theme.card);
            p.drawPolygon(shape);
            const QString text = sensorValueText(value);
            QFont f = m_layout.sensorValueFont;
            const double room = r.width() - 4;
            const double w = QFontMetricsF(f).horizontalAdvance(text);
            if (w > room) {
                f.setPixelSize(std::max(6, static_cast<int>(f.pixelSize() * room / w)));
            }
            p.setFont(f);
            p.setPen(m_theme.text);
            p.drawText(r, Qt::AlignCenter, text);
        }
    }
}

void RobotPainter::paintObstacle(QPainter &p, bool detected) const
{
    const QRectF r = m_layout.obstacleSensor;
    if (detected) {
        p.setPen(QPen(legend::alert, 5, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawPath(m_layout.obstacleWave(0));
        p.drawPath(m_layout.obstacleWave(1));
        const QRectF pill = m_layout.obstacleWarning;
        p.setPen(Qt::NoPen);
        p.setBrush(legend::alert);
        p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        p.setPen(legend::alertText);
        p.setFont(m_layout.warningFont);
        p.drawText(pill, Qt::AlignCenter, tr("OBSTACLE"));
    }
    p.setPen(QPen(detected ? legend::alertBorder : legend::obstacleBorder, detected ? 3.5 : 2.5));
    p.setBrush(legend::obstacleFill);
    p.drawRoundedRect(r, 5, 5);
}

void RobotPainter::paintSteering(QPainter &p, int side, bool on) const
{
    const double sign = side == 0 ? -1.0 : 1.0;
    // The chevrons' own origin sits 14 in from their inner edge, mirrored on the left.
    const QRectF r = m_layout.steering[static_cast<size_t>(side)];
    p.save();
    p.translate(side == 0 ? r.right() - 14 : r.left() + 14, r.center().y());
    p.scale(sign, 1);
    if (on) {
        p.setPen(QPen(legend::steerBorder, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(legend::steerFill);
    } else {
        p.setPen(QPen(m_theme.muted, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.setOpacity(0.45);
    }
    p.drawPolygon(polygon({{-14, -26}, {14, 0}, {-14, 26}, {-4, 0}}));
    p.drawPolygon(polygon({{4, -26}, {32, 0}, {4, 26}, {14, 0}}));
    p.restore();
}

void RobotPainter::paintDirection(QPainter &p, const RobotState *s) const
{
    const qint32 d = s ? s->direction : -1;
    // The shapes are drawn in a 116 × 116 box around their centre, scaled into the layout's.
    p.save();
    p.translate(m_layout.direction.center());
    p.scale(m_layout.direction.width() / 116.0, m_layout.direction.height() / 116.0);
    if (d == 0 || d == 1) {
        if (d == 1) {
            p.rotate(180);
        }
        p.setPen(Qt::NoPen);
        p.setBrush(m_theme.direction);
        p.drawPolygon(polygon({{-12, 46}, {-12, -14}, {-32, -14}, {0, -54}, {32, -14}, {12, -14}, {12, 46}}));
    } else if (d == 2 || d == 3) {
        if (d == 2) {
            p.scale(-1, 1); // rotate left: the clockwise arrow mirrored
        }
        // A clockwise arc around the centre, ending in an arrow head.
        const double r = 46;
        const double start = 211.0;
        const double sweep = 300.0;
        QPainterPath arc;
        for (int k = 0; k <= 60; ++k) {
            const QPointF pt = polar(start + sweep * k / 60.0, r);
            k == 0 ? arc.moveTo(pt) : arc.lineTo(pt);
        }
        p.setPen(QPen(m_theme.direction, 14, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawPath(arc);
        const double endA = (start + sweep) * std::numbers::pi / 180.0;
        const QPointF tip = polar(start + sweep, r);
        const QPointF tangent(-std::sin(endA), std::cos(endA));
        const QPointF normal(std::cos(endA), std::sin(endA));
        p.setPen(Qt::NoPen);
        p.setBrush(m_theme.direction);
        p.drawPolygon(polygon({tip + tangent * 22, tip + normal * 18, tip - normal * 18}));
    } else {
        p.setPen(QPen(m_theme.muted, 6));
        p.setBrush(Qt::NoBrush);
        p.setOpacity(0.7);
        p.drawRoundedRect(QRectF(-26, -26, 52, 52), 10, 10);
    }
    p.restore();
    if (s) {
        p.setPen(m_theme.muted);
        p.setFont(m_layout.directionFont);
        p.drawText(m_layout.directionLabel, Qt::AlignCenter, StatusText::direction(d));
    }
}

void RobotPainter::paintOverlay(QPainter &p, const QString &title, const QString &sub, const QColor &color) const
{
    if (title.isEmpty()) {
        return;
    }
    const QFont &titleFont = m_layout.overlayTitleFont;
    const QFont &subFont = m_layout.overlaySubFont;
    const double w = std::clamp(
        std::max(QFontMetricsF(titleFont).horizontalAdvance(title), QFontMetricsF(subFont).horizontalAdvance(sub)) + 48,
        200.0, 460.0);
    const double h = sub.isEmpty() ? 58 : 90;
    const QRectF box(-w / 2, -h / 2, w, h);
    QColor bg = m_theme.card;
    bg.setAlpha(235);
    p.setPen(QPen(color, 3));
    p.setBrush(bg);
    p.drawRoundedRect(box, 14, 14);
    p.setPen(color);
    p.setFont(titleFont);
    p.drawText(QRectF(box.left(), box.top() + 8, w, 42), Qt::AlignCenter, title);
    if (!sub.isEmpty()) {
        p.setPen(m_theme.text);
        p.setFont(subFont);
        p.drawText(QRectF(box.left() + 8, box.top() + 50, w - 16, 30), Qt::AlignCenter | Qt::TextWordWrap, sub);
    }
}

} // namespace omni::gui
