// SPDX-License-Identifier: MIT
#include "robotpainter.h"

#include "statustext.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <numbers>

namespace omni::gui {

namespace {

// Wheel angles on screen (y down, degrees): upper left, upper right, bottom — 120° apart.
constexpr double kWheelAngle[3] = {210.0, 330.0, 90.0};
constexpr double kBadgeRadius = RobotPainter::kBodyRadius + 66.0; // clear of the tyres

QPointF polar(double angleDeg, double r)
{
    const double a = angleDeg * std::numbers::pi / 180.0;
    return {r * std::cos(a), r * std::sin(a)};
}

QFont viewFont(const QFont &base, double px, int weight)
{
    QFont f = base;
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setWeight(static_cast<QFont::Weight>(weight));
    return f;
}

QPolygonF polygon(std::initializer_list<QPointF> pts)
{
    return QPolygonF(QList<QPointF>(pts));
}

} // namespace

RobotPainter::RobotPainter(const Theme &theme, const QFont &font) : m_theme(theme), m_font(font) {}

QPointF RobotPainter::wheelCenter(int i)
{
    return polar(kWheelAngle[std::clamp(i, 0, 2)], kBodyRadius);
}

QRectF RobotPainter::badgeRect(int i)
{
    const QPointF c = polar(kWheelAngle[std::clamp(i, 0, 2)], kBadgeRadius);
    return {c.x() - 43, c.y() - 18, 86, 36};
}

QPointF RobotPainter::sensorCenter(int i, int count, bool *edge)
{
    // Five sensors in one row across the front: the outer two are the edge sensors (as on the web page).
    if (count == 5) {
        const bool isEdge = i == 0 || i == 4;
        if (edge) {
            *edge = isEdge;
        }
        return isEdge ? QPointF((i - 2) * 46.0, -96.0) : QPointF((i - 2) * 40.0, -118.0);
    }
    if (edge) {
        *edge = false;
    }
    const double x = (i - (count - 1) / 2.0) * 38.0;
    return {x, -118.0 + std::abs(x) * 0.12};
}

QRectF RobotPainter::obstacleSensorRect()
{
    return {-26, -kBodyRadius - 11, 52, 22};
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
    p.setFont(viewFont(m_font, 12, QFont::DemiBold));
    p.drawText(QRectF(-80, -156, 160, 18), Qt::AlignCenter, tr("FRONT"));
    p.restore();
}

void RobotPainter::paintState(QPainter &p, const RobotState *s) const
{
    paintObstacle(p, s && s->obstacle != 0);
    for (int i = 0; i < 3; ++i) {
        paintWheel(p, i, s ? s->motorPower[i] : 0, s != nullptr);
    }
    paintSensors(p, s);
    paintSteering(p, s && s->goLeft != 0, s && s->goRight != 0);
    paintDirection(p, s);
}

void RobotPainter::paintWheel(QPainter &p, int i, qint32 power, bool known) const
{
    p.save();
    p.translate(wheelCenter(i));
    p.rotate(kWheelAngle[i] - 90.0);
    const QRectF tyre(-50, -18, 100, 36);
    p.setPen(QPen(legend::wheelBorder, 3));
    p.setBrush(legend::wheelFill);
    p.drawRoundedRect(tyre, 8, 8);
    // Chevrons show the spin: positive power turns the robot clockwise, i.e. towards the wheel's local −x.
    // One, two or three chevrons for up to a third, two thirds, or more of full power.
    const int count = power == 0 ? 0 : std::clamp((std::abs(power) + 32) / 33, 1, 3);
    const double dir = power > 0 ? -1.0 : 1.0;
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

    // The badge: a power bar filling from the left with |power|, and the value in percent.
    const QRectF badge = badgeRect(i);
    p.setPen(QPen(legend::wheelBorder, 2.5));
    p.setBrush(m_theme.card);
    p.drawRoundedRect(badge, 18, 18);
    if (known && power != 0) {
        const double frac = std::min(1.0, std::abs(power) / 100.0);
        QPainterPath clip;
        clip.addRoundedRect(badge.adjusted(2, 2, -2, -2), 16, 16);
        p.save();
        p.setClipPath(clip);
        p.setPen(Qt::NoPen);
        p.setBrush(legend::wheelFill);
        p.drawRect(QRectF(badge.left(), badge.top(), badge.width() * frac, badge.height()));
        p.restore();
    }
    p.setFont(viewFont(m_font, 20, QFont::Bold));
    const QString sign = power > 0 ? QStringLiteral("+") : power < 0 ? QStringLiteral("−") : QString();
    const QString value = known ? QStringLiteral("%1%2 %").arg(sign).arg(std::abs(power)) : QStringLiteral("— %");
    // The text is dark where it sits on the bar and the theme's colour elsewhere: readable in both palettes.
    const double barRight = badge.left() + badge.width() * (known ? std::min(1.0, std::abs(power) / 100.0) : 0.0);
    p.save();
    p.setClipRect(QRectF(badge.left(), badge.top(), barRight - badge.left(), badge.height()));
    p.setPen(legend::wheelText);
    p.drawText(badge, Qt::AlignCenter, value);
    p.setClipRect(QRectF(barRight, badge.top(), badge.right() - barRight, badge.height()));
    p.setPen(m_theme.text);
    p.drawText(badge, Qt::AlignCenter, value);
    p.restore();
}

void RobotPainter::paintSensors(QPainter &p, const RobotState *s) const
{
    const int count = s ? std::clamp(s->sensorCount, 0, 5) : 5;
    for (int i = 0; i < count; ++i) {
        bool edge = false;
        const QPointF c = sensorCenter(i, count, &edge);
        const bool on = s && s->sensors[i] != 0;
        const QColor fill = edge ? legend::edgeFill : legend::frontFill;
        const QColor border = edge ? legend::edgeBorder : legend::frontBorder;
        const QPolygonF shape =
            edge ? polygon({{c.x() - 12, c.y() - 12},
                            {c.x() + 12, c.y() - 12},
                            {c.x() + 12, c.y() + 12},
                            {c.x() - 12, c.y() + 12}})
                 : polygon({{c.x(), c.y() - 15}, {c.x() + 15, c.y()}, {c.x(), c.y() + 15}, {c.x() - 15, c.y()}});
        if (on) {
            QColor glow = fill;
            glow.setAlpha(90);
            p.setPen(QPen(glow, 10, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            p.drawPolygon(shape);
            p.setPen(QPen(border, 2.5));
            p.setBrush(fill);
        } else {
            QColor faint = fill;
            faint.setAlphaF(0.16);
            QColor dash = border;
            dash.setAlpha(150);
            QPen pen(dash, 2, Qt::DashLine);
            p.setPen(pen);
            p.setBrush(faint);
        }
        p.drawPolygon(shape);
    }
}

void RobotPainter::paintObstacle(QPainter &p, bool detected) const
{
    const QRectF r = obstacleSensorRect();
    if (detected) {
        p.setPen(QPen(legend::alert, 5, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        for (double w : {26.0, 44.0}) {
            QPainterPath wave;
            wave.moveTo(-w * 1.2, -184 - w * 0.2);
            wave.quadTo(0, -190 - w * 1.1, w * 1.2, -184 - w * 0.2);
            p.drawPath(wave);
        }
        const QRectF pill(-66, -246, 132, 28);
        p.setPen(Qt::NoPen);
        p.setBrush(legend::alert);
        p.drawRoundedRect(pill, 14, 14);
        p.setPen(legend::alertText);
        p.setFont(viewFont(m_font, 15, QFont::ExtraBold));
        p.drawText(pill, Qt::AlignCenter, tr("OBSTACLE"));
    }
    p.setPen(QPen(detected ? legend::alertBorder : legend::obstacleBorder, detected ? 3.5 : 2.5));
    p.setBrush(legend::obstacleFill);
    p.drawRoundedRect(r, 5, 5);
}

void RobotPainter::paintSteering(QPainter &p, bool left, bool right) const
{
    for (int side = 0; side < 2; ++side) {
        const double sign = side == 0 ? -1.0 : 1.0;
        const bool on = side == 0 ? left : right;
        p.save();
        p.translate(sign * 104, -6);
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
}

void RobotPainter::paintDirection(QPainter &p, const RobotState *s) const
{
    const qint32 d = s ? s->direction : -1;
    p.save();
    p.translate(0, 12);
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
        p.setFont(viewFont(m_font, 17, QFont::DemiBold));
        p.drawText(QRectF(-120, 72, 240, 24), Qt::AlignCenter, StatusText::direction(d));
    }
}

void RobotPainter::paintOverlay(QPainter &p, const QString &title, const QString &sub, const QColor &color) const
{
    if (title.isEmpty()) {
        return;
    }
    const QFont titleFont = viewFont(m_font, 30, QFont::ExtraBold);
    const QFont subFont = viewFont(m_font, 17, QFont::DemiBold);
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
