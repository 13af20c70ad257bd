// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QTransform>

#include <array>
#include <vector>

namespace omni::gui {

/// Positions on the front arc of line sensors, left to right.
constexpr int kSensorPositions = 5;

/// The index in RobotState::sensors drawn at `position` (0 = leftmost) of the front arc, for a robot with
/// `sensorCount` sensors (omni_shm.h's OMNI_SENSOR_LEFT_TO_RIGHT: [0] [1] [4] [2] [3]); −1 when that position
/// has no sensor (the centre of a four-sensor robot) or `position` is out of range.
int sensorAtPosition(int position, int sensorCount);

/// The translated words the robot picture shows, measured to size their places.
struct RobotTexts {
    QString front;          ///< "FRONT", over the sensors
    QString obstacle;       ///< "OBSTACLE", the warning pill
    QStringList directions; ///< every direction word the label under the arrow can show
};

/// Where every part of the robot picture goes (RobotPainter draws them there): a pure function of the
/// widget's size, its font and the words shown. Coordinates are the 524 × 524 view box centred on the robot
/// (front at the top, y down); `toWidget` maps them into the widget.
struct RobotLayout {
    /// Half the view box: the robot is drawn in [-262, 262]².
    static constexpr double kHalf = 262.0;
    /// The robot's radius.
    static constexpr double kBodyRadius = 170.0;
    /// The widest power a badge must show.
    static inline const QString kWidestBadgeText = QStringLiteral("−100 %");

    /// One omni wheel's tyre: a rectangle around 0 in the wheel's own coordinates, turned by `angle`
    /// degrees about `centre` so that it lies along the body's edge.
    struct Wheel {
        QPointF centre; ///< on the body's edge
        double angle;   ///< degrees, clockwise on screen
        QRectF tyre;    ///< in the wheel's coordinates
        /// The wheel's coordinates → view box.
        [[nodiscard]] QTransform transform() const;
        /// The tyre in the view box.
        [[nodiscard]] QPolygonF outline() const;
    };

    /// One named part, as the area it may ink (its pen included), for overlap checks.
    struct Part {
        QString name;      ///< e.g. "badge 1", "sensor position 2"
        QPolygonF outline; ///< view box
    };

    QTransform toWidget;                          ///< view box → widget
    std::array<Wheel, 3> wheels;                  ///< left, right, bottom
    std::array<QRectF, 3> badges;                 ///< the wheels' power badges, upright
    std::array<QRectF, kSensorPositions> sensors; ///< the front diamonds' bounds, by position left to right
    std::array<QRectF, 2> edgeSensors;            ///< the edge squares, left and right
    QRectF obstacleSensor;                        ///< at the front edge
    QRectF obstacleWaves;                         ///< the waves over it while an obstacle is seen
    QRectF obstacleWarning;                       ///< the "OBSTACLE" pill
    QRectF frontLabel;                            ///< "FRONT"
    std::array<QRectF, 2> steering;               ///< go_left, go_right chevrons
    QRectF direction;                             ///< the arrow, the rotation arc or the stop square
    QRectF directionLabel;                        ///< the direction's word under it
    QFont badgeFont;                              ///< the power in percent
    QFont frontFont;                              ///< "FRONT"
    QFont warningFont;                            ///< "OBSTACLE"
    QFont directionFont;                          ///< the direction's word
    QFont sensorValueFont;                        ///< a sensor value other than 0 or 1, inside its diamond
    QFont overlayTitleFont;                       ///< the notice over a robot that is not live ("STALE")
    QFont overlaySubFont;                         ///< the notice's second line

    /// The obstacle waves, `k` = 0 (inner) or 1 (outer), as paths in the view box.
    [[nodiscard]] QPainterPath obstacleWave(int k) const;
    /// Every part that must not overlap another: wheels, badges, sensors, labels, indicators.
    [[nodiscard]] std::vector<Part> parts() const;
};

/// The layout for a robot view of `widget` size drawing its words in `base`'s family.
RobotLayout computeLayout(QSizeF widget, const QFont &base, const RobotTexts &texts);

} // namespace omni::gui
