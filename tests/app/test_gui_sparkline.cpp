// SPDX-License-Identifier: MIT
// The line sensors' sparkline: one row per sensor, top to bottom in the order they sit left to right on the robot.
#include "sparkline.h"
#include "theme.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QRandomGenerator>

#include <algorithm>

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

namespace {

/// Pixels that differ between two images of the same size.
int differingPixels(const QImage &a, const QImage &b)
{
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
        }
    }
    return n;
}

} // namespace

TEST(MotorSparkline, TheScrolledLinesAreExactlyTheLinesDrawnWhole)
{
    // The motor lines are kept between paints, scrolled by whole pixels and drawn again only where new samples
    // arrived. After every paint they must be what drawing all of them at once gives, through a busy robot's
    // buckets (the newest sample replaced), a silence drawn as a gap, and a history cleared for another robot.
    History history;
    Sparkline line(Sparkline::Kind::Motors, &history);
    line.resize(397, 83);
    line.setLook(Theme::light(), true);
    QRandomGenerator rng(7);
    RobotState s;
    qint64 t = 1000;
    for (int step = 0; step < 400; ++step) {
        const int states = 1 + rng.bounded(8);
        for (int k = 0; k < states; ++k) {
            t += step == 150 ? 900 : 1 + rng.bounded(40); // one silence longer than a gap
            for (auto &m : s.motorPower) {
                m = std::clamp(m + rng.bounded(-30, 31), -120, 120);
            }
            history.add(s, t);
        }
        if (step == 300) {
            history.clear(); // another robot
        }
        line.setNow(t);
        static_cast<void>(line.grab()); // paints, as the window would
        ASSERT_EQ(differingPixels(line.linesImage(), line.linesAt(line.linesNowMs())), 0)
            << "step " << step << ", lines at " << line.linesNowMs() << " ms";
        ASSERT_LE(static_cast<double>(t) - line.linesNowMs(), 30'000.0 / (397 - 5))
            << "at most a pixel's time behind (the content is 5 px narrower)";
    }
}
