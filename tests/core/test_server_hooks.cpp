// SPDX-License-Identifier: MIT
// The mirror server's hooks for other parts of omniscient: an extra /api route (the fleet's /api/fleet) and extra
// /metrics lines (the MQTT publisher's), over real sockets.
#include "test_server_support.h"

using namespace omni;
using namespace omni::test;

class Hooks : public ServerTest
{
};

TEST_F(Hooks, AnApiRouteAnswersItsJsonUnderTheApiRulesAndExtraMetricsAreAppended)
{
    MirrorServerOptions o = testOptions();
    o.token = QStringLiteral("s3cret");
    start(o);
    int asked = 0;
    server->setApiRoute("/api/fleet", [&asked] {
        ++asked;
        return QByteArray(R"({"type":"fleet","robots":[]})");
    });
    server->setExtraMetrics([] { return QByteArray("omniscient_mqtt_connects_total 3\n"); });

    EXPECT_EQ(get("/api/fleet").status, 401) << "the token guards it like every /api route";
    const HttpReply fleet = get("/api/fleet?token=s3cret");
    EXPECT_EQ(fleet.status, 200);
    EXPECT_EQ(fleet.headers.value("content-type"), QByteArray("application/json"));
    EXPECT_EQ(fleet.body, QByteArray(R"({"type":"fleet","robots":[]})"));
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(get("/metrics").body.endsWith("omniscient_mqtt_connects_total 3\n"));

    server->setApiRoute("/api/fleet", {});
    EXPECT_EQ(get("/api/fleet?token=s3cret").status, 404) << "removed";
}
