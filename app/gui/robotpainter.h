// SPDX-License-Identifier: MIT
#pragma once

#include "theme.h"

#include <omni/robotstate.h>

#include <QCoreApplication>
#include <QFont>
#include <QRectF>

class QPainter;

namespace omni::gui {

/// Paints the robot seen from above, front at the top, in a 524 × 524 "view box" centred on the robot:
/// three omni wheels 120° apart (left, right, bottom) with power badges and spin chevrons, the obstacle
/// sensor, the line sensors across the front (five: the outer two are the edge sensors; the original
/// layout's four are all front sensors), the steering indicators and the direction arrow.
class RobotPainter
{
    Q_DECLARE_TR_FUNCTIONS(omni::gui::RobotPainter)
public:
    /// Half the view box: the robot is drawn in [-262, 262]².
    static constexpr double kHalf = 262.0;
    /// The robot's radius in view-box units.
    static constexpr double kBodyRadius = 170.0;

    /// Paints with `theme`'s colours and text in `font`'s family.
    RobotPainter(const Theme &theme, const QFont &font);

    /// The robot with `state` (null: an idle robot without values), in view-box coordinates.
    void paint(QPainter &p, const RobotState *state) const;
    /// The parts that never change with the state (rings, body, "FRONT"): a view may cache them.
    void paintBody(QPainter &p) const;
    /// Everything that shows the state, drawn over paintBody().
    void paintState(QPainter &p, const RobotState *state) const;
    /// A notice in the middle (e.g. "STALE" over "last update 3.2 s ago"); nothing when `title` is empty.
    void paintOverlay(QPainter &p, const QString &title, const QString &sub, const QColor &color) const;

    /// Centre of wheel `i` (0 left, 1 right, 2 bottom).
    static QPointF wheelCenter(int i);
    /// The wheel's power badge (upright, outside the circle).
    static QRectF badgeRect(int i);
    /// Centre of line sensor `i` of `count`; `edge` tells whether it is an edge sensor.
    static QPointF sensorCenter(int i, int count, bool *edge = nullptr);
    /// The obstacle sensor.
    static QRectF obstacleSensorRect();

private:
    void paintWheel(QPainter &p, int i, qint32 power, bool known) const;
    void paintSensors(QPainter &p, const RobotState *s) const;
    void paintObstacle(QPainter &p, bool detected) const;
    void paintSteering(QPainter &p, bool left, bool right) const;
    void paintDirection(QPainter &p, const RobotState *s) const;

    Theme m_theme;
    QFont m_font;
};

} // namespace omni::gui
