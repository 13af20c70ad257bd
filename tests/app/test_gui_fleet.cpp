// SPDX-License-Identifier: MIT
// The desktop fleet window, offscreen, fed by hand (no broker): tiles sorted by name, offline greyed, only the
// changed tile repainted; a click on a robot whose page is out of reach opens its dashboard from its MQTT state.
#include "dashboard.h"
#include "fleetwindow.h"
#include "robotview.h"

#include <omni/fleetmodel.h>
#include <omni/statejson.h>

#include <gtest/gtest.h>

#include <QImage>
#include <QTest>

using namespace omni;
using namespace omni::gui;

namespace {

QByteArray state(quint64 seq, int power)
{
    RobotState s;
    s.seq = seq;
    s.motorPower = {power, power, power};
    s.layout = Layout::Current;
    LinkInfo l;
    l.status = LinkStatus::Live;
    l.layout = Layout::Current;
    return json::stateMessage(s, l);
}

/// How grey the tile's pixels are on average: 0 for greys only, larger with colour.
double colourfulness(const QImage &image)
{
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            sum += std::max({c.red(), c.green(), c.blue()}) - std::min({c.red(), c.green(), c.blue()});
            ++n;
        }
    }
    return n == 0 ? 0 : sum / n;
}

class FleetWindowTest : public ::testing::Test
{
protected:
    FleetWindowTest()
    {
        client.broker.host = QStringLiteral("127.0.0.1");
        client.broker.port = 1;
    }
    void robot(const char *name, bool online, int power)
    {
        const QByteArray base = QByteArray("omniscient/v1/") + name;
        fleet.model()->acceptMessage(base + "/status", online ? "online" : "offline");
        fleet.model()->acceptMessage(base + "/state", state(1, power));
    }
    mqtt::ClientOptions client;
    mqtt::FleetSubscriber fleet{client}; // never started: the model is fed by hand
};

} // namespace

TEST_F(FleetWindowTest, TilesAreSortedByNameAndOfflineOnesAreGrey)
{
    robot("zulu", true, 90);
    robot("alpha", false, 90);
    FleetWindow window(&fleet);
    window.resize(800, 600);
    window.show();
    ASSERT_EQ(window.grid()->names(), (QStringList{QStringLiteral("alpha"), QStringLiteral("zulu")}));
    const QImage shot = window.grid()->grab().toImage();
    const QImage offline = shot.copy(window.grid()->tileRect(0));
    const QImage online = shot.copy(window.grid()->tileRect(1));
    EXPECT_LT(colourfulness(offline), 3.0) << "an offline robot is drawn in greys";
    EXPECT_GT(colourfulness(online), colourfulness(offline) + 2.0) << "an online robot keeps its colours";
    EXPECT_TRUE(window.statusText().contains(QStringLiteral("retrying")) ||
                window.statusText().contains(QStringLiteral("robot")));
}

TEST_F(FleetWindowTest, ARobotThatAppearsGetsATileWithoutARestart)
{
    robot("alpha", true, 10);
    FleetWindow window(&fleet);
    window.show();
    ASSERT_EQ(window.grid()->names().size(), 1);
    robot("beta", true, 10);
    EXPECT_EQ(window.grid()->names().size(), 2);
    fleet.model()->acceptMessage("omniscient/v1/beta/status", "");
    EXPECT_EQ(window.grid()->names().size(), 1) << "a cleared status removes the tile";
}

TEST_F(FleetWindowTest, ARobotWithoutADashboardOpensFromItsMqttStateAndFollowsIt)
{
    robot("alpha", true, 10);
    FleetWindow window(&fleet);
    window.resize(800, 600);
    window.show();
    QTest::mouseClick(window.grid(), Qt::LeftButton, {}, window.grid()->tileRect(0).center());
    EXPECT_TRUE(window.statusText().contains(QStringLiteral("from its MQTT state")) &&
                window.statusText().contains(QStringLiteral("no dashboard address")))
        << window.statusText().toStdString();
    ASSERT_EQ(window.mqttDashboards().size(), 1);
    auto *dashboard = window.mqttDashboards().front()->findChild<Dashboard *>();
    ASSERT_NE(dashboard, nullptr);
    const auto shown = [&] { return dashboard->robotView()->model(); };
    ASSERT_TRUE(QTest::qWaitFor([&] { return shown().state.has_value(); }, 2000));
    EXPECT_EQ(shown().state->motorPower[0], 10);
    EXPECT_TRUE(shown().live);

    fleet.model()->acceptMessage("omniscient/v1/alpha/state", state(2, 55)); // the broker brings a new state
    EXPECT_TRUE(QTest::qWaitFor([&] { return shown().state && shown().state->motorPower[0] == 55; }, 2000));
    fleet.model()->acceptMessage("omniscient/v1/alpha/status", "offline");
    EXPECT_TRUE(QTest::qWaitFor([&] { return !shown().live; }, 2000)) << "offline on the broker: never shown live";

    window.mqttDashboards().front()->close(); // and back to the fleet
    EXPECT_TRUE(QTest::qWaitFor([&] { return window.mqttDashboards().isEmpty(); }, 2000));
}

TEST_F(FleetWindowTest, ARobotWhosePageDoesNotAnswerOpensFromItsMqttState)
{
    robot("beta", true, 20);
    // A dashboard address on which nothing listens (port 1 of this machine refuses at once).
    fleet.model()->acceptMessage("omniscient/v1/beta/meta", R"({"name":"beta","dashboard":"http://127.0.0.1:1/"})");
    FleetWindow window(&fleet);
    window.resize(800, 600);
    window.show();
    const QString first = window.openRobot(QStringLiteral("beta"));
    EXPECT_TRUE(first.contains(QStringLiteral("looking for"))) << first.toStdString();
    EXPECT_TRUE(QTest::qWaitFor([&] { return window.mqttDashboards().size() == 1; }, 3000));
    EXPECT_TRUE(window.statusText().contains(QStringLiteral("does not answer"))) << window.statusText().toStdString();
}
