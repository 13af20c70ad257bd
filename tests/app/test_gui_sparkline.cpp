// SPDX-License-Identifier: MIT
// The line sensors' sparkline: one row per sensor, top to bottom in the order they sit left to right on the robot.
#include "sparkline.h"
#include "theme.h"

#include <gtest/gtest.h>

#include <QImage>

using namespace omni;
using namespace omni::gui;

namespace {

/// The rows (of `rows`, top first) in which the sensor sparkline lights anything, for one sensor lit.
std::vector<int> litRows(std::array<qint32, 5> sensors, int sensorCount, int rows)
{
    History history;
    RobotState s;
    s.sensors = sensors;
    s.sensorCount = sensorCount;
    for (qint64 t = 0; t <= 6000; t += 100) {
        history.add(s, t);
    }
    Sparkline line(Sparkline::Kind::Sensors, &history);
    line.resize(300, 100);
    line.setLook(Theme::light(), true);
    line.setNow(6000);
    const QImage image = line.grab().toImage();
    const QColor lit = legend::frontBorder.lighter(150);
    std::vector<int> out;
    for (int row = 0; row < rows; ++row) {
        const int y = static_cast<int>((row + 0.5) * image.height() / rows);
        bool any = false;
        for (int x = 0; x < image.width() && !any; ++x) {
            const QColor c = image.pixelColor(x, y);
            any = std::abs(c.red() - lit.red()) + std::abs(c.green() - lit.green()) + std::abs(c.blue() - lit.blue()) <
                  30;
        }
        if (any) {
            out.push_back(row);
        }
    }
    return out;
}

} // namespace

TEST(SensorSparkline, RowsFollowTheRobotLeftToRight)
{
    EXPECT_EQ(litRows({1, 0, 0, 0, 0}, 5, 5), std::vector<int>{0});
    EXPECT_EQ(litRows({0, 0, 0, 0, 1}, 5, 5), std::vector<int>{2}) << "sensors[4] is the centre";
    EXPECT_EQ(litRows({0, 0, 0, 1, 0}, 5, 5), std::vector<int>{4});
}

TEST(SensorSparkline, FourSensorsGetFourRows)
{
    EXPECT_EQ(litRows({0, 0, 1, 0, 0}, 4, 4), std::vector<int>{2});
    EXPECT_EQ(litRows({0, 0, 0, 1, 0}, 4, 4), std::vector<int>{3});
}
