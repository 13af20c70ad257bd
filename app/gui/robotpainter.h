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
    /// The parts that never change with the state (rings, body, the wheels' tyres, "FRONT"): a view may cache them.
    void paintBody(QPainter &p) const;
    /// The parts of the picture that show the state, as bits: a view repaints only those a new state changes.
    enum StatePart : unsigned {
        Obstacle = 1U << 0,   ///< the obstacle sensor, its waves and the warning
        Badge0 = 1U << 1,     ///< the left wheel's power badge (Badge0 << i for wheel i)
        Badge1 = 1U << 2,     ///< the right wheel's power badge
        Badge2 = 1U << 3,     ///< the bottom wheel's power badge
        Sensors = 1U << 4,    ///< the five front line sensors
        SteerLeft = 1U << 5,  ///< the go_left chevrons
        SteerRight = 1U << 6, ///< the go_right chevrons
        Direction = 1U << 7,  ///< the arrow (or arc, or square) and its word
        Spin0 = 1U << 8,      ///< the left wheel's spin chevrons, over its tyre (Spin0 << i for wheel i)
        Spin1 = 1U << 9,      ///< the right wheel's spin chevrons
        Spin2 = 1U << 10,     ///< the bottom wheel's spin chevrons
        AllStateParts = (1U << 11) - 1,
    };
    /// How many StatePart bits there are.
    static constexpr int kStatePartCount = 11;
    static_assert(AllStateParts == (1U << kStatePartCount) - 1);
    /// The parts whose pixels may differ between the pictures of `from` and `to` (both non-null).
    static unsigned changedParts(const RobotState &from, const RobotState &to);
    /// The area, in the view box, that the single part `part` may ink (its pens and antialiasing included).
    [[nodiscard]] QRectF partArea(StatePart part) const;
    /// Everything that shows the state, drawn over paintBody(); only the `parts` given.
    void paintState(QPainter &p, const RobotState *state, unsigned parts = AllStateParts) const;
    /// A notice in the middle (e.g. "STALE" over "last update 3.2 s ago"); nothing when `title` is empty.
    void paintOverlay(QPainter &p, const QString &title, const QString &sub, const QColor &color) const;

private:
    void paintSpin(QPainter &p, int i, qint32 power) const;
    void paintBadge(QPainter &p, int i, qint32 power, bool known) const;
    void paintSensors(QPainter &p, const RobotState *s) const;
    void paintObstacle(QPainter &p, bool detected) const;
    void paintSteering(QPainter &p, int side, bool on) const;
    void paintDirection(QPainter &p, const RobotState *s) const;

    Theme m_theme;
    RobotLayout m_layout;
};

} // namespace omni::gui
