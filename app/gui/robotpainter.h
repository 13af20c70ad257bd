// SPDX-License-Identifier: MIT
#pragma once

#include "robotlayout.h"
#include "theme.h"

#include <omni/robotstate.h>

#include <QCoreApplication>

class QPainter;

namespace omni::gui {

/// Paints the robot seen from above, front at the top, in the 524 × 524 view box of its RobotLayout:
/// three omni wheels 120° apart (left, right, bottom) with power badges and spin chevrons, the obstacle
/// sensor, the five front line sensors on an arc (left to right [0] [1] [4] [2] [3]) and the two edge
/// sensors (drawn, fed by no field), the steering indicators and the direction arrow.
class RobotPainter
{
    Q_DECLARE_TR_FUNCTIONS(omni::gui::RobotPainter)
public:
    /// Paints with `theme`'s colours where `layout` says.
    RobotPainter(const Theme &theme, const RobotLayout &layout);

    /// The translated words of the picture, for computeLayout().
    static RobotTexts texts();

    /// The robot with `state` (null: an idle robot without values), in view-box coordinates.
    void paint(QPainter &p, const RobotState *state) const;
    /// The parts that never change with the state (rings, body, "FRONT"): a view may cache them.
    void paintBody(QPainter &p) const;
    /// Everything that shows the state, drawn over paintBody().
    void paintState(QPainter &p, const RobotState *state) const;
    /// A notice in the middle (e.g. "STALE" over "last update 3.2 s ago"); nothing when `title` is empty.
    void paintOverlay(QPainter &p, const QString &title, const QString &sub, const QColor &color) const;

private:
    void paintWheel(QPainter &p, int i, qint32 power, bool known) const;
    void paintSensors(QPainter &p, const RobotState *s) const;
    void paintObstacle(QPainter &p, bool detected) const;
    void paintSteering(QPainter &p, bool left, bool right) const;
    void paintDirection(QPainter &p, const RobotState *s) const;

    Theme m_theme;
    RobotLayout m_layout;
};

} // namespace omni::gui
