// SPDX-License-Identifier: MIT
// The MQTT rules without a broker: broker URLs, robot names, topics, and the fleet model fed by hand.
#include "mqtt/homeassistant.h"

#include <omni/fleetmodel.h>
#include <omni/mqtttopics.h>
#include <omni/statejson.h>

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace omni;
using namespace omni::mqtt;

namespace {

class ManualClock final : public Clock
{
public:
    [[nodiscard]] qint64 monotonicNs() const override { return mono; }
    [[nodiscard]] qint64 wallNs() const override { return 1'700'000'000'000'000'000 + mono; }
    qint64 mono = 1'000'000'000;
};

QByteArray stateMessage(quint64 seq, LinkStatus status = LinkStatus::Live)
{
    RobotState s;
    s.seq = seq;
    s.motorPower = {10, -20, 30};
    s.layout = Layout::Current;
    LinkInfo l;
    l.status = status;
    l.layout = Layout::Current;
    return json::stateMessage(s, l);
}

} // namespace

TEST(MqttTopics, BrokerUrlsTakeUserHostAndPortAndRefusePasswords)
{
    const auto plain = parseBrokerUrl(QStringLiteral("mqtt://broker.local"));
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->host, QStringLiteral("broker.local"));
    EXPECT_EQ(plain->port, 1883);
    EXPECT_FALSE(plain->tls);
    const auto tls = parseBrokerUrl(QStringLiteral("mqtts://pi@10.0.0.2:8884"));
    ASSERT_TRUE(tls);
    EXPECT_TRUE(tls->tls);
    EXPECT_EQ(tls->port, 8884);
    EXPECT_EQ(tls->user, QStringLiteral("pi"));
    EXPECT_EQ(parseBrokerUrl(QStringLiteral("mqtts://b")).value().port, 8883);
    EXPECT_EQ(parseBrokerUrl(QStringLiteral("mqtt://u:secret@b")).error(), InputError::PasswordInUrl);
    for (const char *bad : {"http://b", "mqtt://", "broker", "mqtt://b/some/path", "mqtt://b:99999"}) {
        EXPECT_EQ(parseBrokerUrl(QString::fromLatin1(bad)).error(), InputError::NotMqttUrl) << bad;
    }
}

TEST(MqttTopics, RobotNamesRefuseTopicCharactersAndControlCharacters)
{
    EXPECT_TRUE(checkRobotName(QStringLiteral("chicken-7")));
    EXPECT_TRUE(checkRobotName(QStringLiteral("Hühnchen 2")));
    for (const QString &bad : {QStringLiteral("a/b"), QStringLiteral("a+"), QStringLiteral("#"), QString(),
                               QStringLiteral("tab\there"), QString(65, QLatin1Char('x'))}) {
        const auto r = checkRobotName(bad);
        ASSERT_FALSE(r) << bad.toStdString();
        EXPECT_FALSE(r.errorString().isEmpty());
    }
}

TEST(MqttTopics, TopicsRoundTripAndOthersAreRefused)
{
    EXPECT_EQ(topic(QStringLiteral("r1"), Topic::State), QByteArray("omniscient/v1/r1/state"));
    const auto p = parseTopic("omniscient/v1/r1/sound/set");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->robot, QStringLiteral("r1"));
    EXPECT_EQ(p->which, Topic::SoundSet);
    for (const char *bad : {"omniscient/v1/r1/other", "omniscient/v2/r1/state", "omniscient/v1/state",
                            "omniscient/v1//state", "elsewhere/r1/state"}) {
        EXPECT_FALSE(parseTopic(bad)) << bad;
    }
}

TEST(MqttTopics, TopicsWhoseRobotNameIsNotUtf8AreRefused)
{
    // Found by tests/fuzz/fuzz_fleet: both became the robot "r\uFFFD", one robot for two publishers.
    EXPECT_FALSE(parseTopic("omniscient/v1/r\xff/status"));
    EXPECT_FALSE(parseTopic("omniscient/v1/r\xfe/status"));
    EXPECT_FALSE(parseTopic("omniscient/v1/r\xed\xa0\x80/status")); // an encoded surrogate
    const auto ok = parseTopic("omniscient/v1/r\xc3\xa9/status");   // "ré"
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->robot, QStringLiteral("r\u00e9"));
}

TEST(FleetModel, RobotsBeyondTheLimitAreIgnoredAndCountedUntilOneLeaves)
{
    ManualClock clock;
    FleetModelOptions options;
    options.maxRobots = 2;
    FleetModel model(options, clock);
    for (const char *name : {"a", "b", "c", "d"}) {
        model.acceptMessage(QByteArray("omniscient/v1/") + name + "/status", "online");
    }
    EXPECT_EQ(model.robots().size(), 2);
    EXPECT_EQ(model.stats().tooManyRobots, 2u);
    model.acceptMessage("omniscient/v1/a/state", stateMessage(1)); // a known robot still updates
    EXPECT_TRUE(model.robot(QStringLiteral("a"))->state);
    model.acceptMessage("omniscient/v1/a/status", ""); // a leaves: room for c
    model.acceptMessage("omniscient/v1/c/status", "online");
    EXPECT_NE(model.robot(QStringLiteral("c")), nullptr);
    EXPECT_EQ(QJsonDocument::fromJson(model.toJson(QStringLiteral("connected")))
                  .object()
                  .value(QLatin1String("ignored"))
                  .toObject()
                  .value(QLatin1String("too_many_robots"))
                  .toInt(),
              2);
}

TEST(FleetModel, RobotsAppearSortedWithTheirStateAndGoOfflineByStatus)
{
    ManualClock clock;
    FleetModel model({}, clock);
    model.acceptMessage("omniscient/v1/zed/status", "online");
    model.acceptMessage("omniscient/v1/alpha/status", "online");
    model.acceptMessage("omniscient/v1/alpha/state", stateMessage(7));
    model.acceptMessage("omniscient/v1/zed/state", stateMessage(9));
    ASSERT_EQ(model.robots().size(), 2);
    EXPECT_EQ(model.robots().at(0).name, QStringLiteral("alpha"));
    EXPECT_EQ(model.robots().at(0).state->seq, 7u);
    EXPECT_EQ(model.presence(*model.robot(QStringLiteral("alpha"))), Presence::Online);

    model.acceptMessage("omniscient/v1/zed/status", "offline");
    EXPECT_EQ(model.presence(*model.robot(QStringLiteral("zed"))), Presence::Offline);
    EXPECT_EQ(model.robot(QStringLiteral("zed"))->state->seq, 9u) << "an offline robot keeps its last state";

    clock.mono += 3'500'000'000;
    EXPECT_EQ(model.presence(*model.robot(QStringLiteral("alpha"))), Presence::Stale);

    model.acceptMessage("omniscient/v1/zed/status", "");
    EXPECT_EQ(model.robots().size(), 1) << "a cleared retained status removes the robot";
}

TEST(FleetModel, ARobotSilentFor1Point4KeepalivesIsOfflineBeforeTheBrokerSaysSo)
{
    ManualClock clock;
    FleetModel model({}, clock);
    model.acceptMessage("omniscient/v1/ten/meta", R"({"name":"ten","keepalive_s":10})");
    model.acceptMessage("omniscient/v1/ten/status", "online");
    model.acceptMessage("omniscient/v1/ten/state", stateMessage(1));
    model.acceptMessage("omniscient/v1/old/status", "online"); // an omniscient whose meta says no keepalive
    model.acceptMessage("omniscient/v1/old/state", stateMessage(1));
    const auto presenceOf = [&](const char *name) { return model.presence(*model.robot(QString::fromLatin1(name))); };

    clock.mono += 5'000'000'000;
    model.acceptMessage("omniscient/v1/ten/status", "online"); // its heartbeat: a robot without states, alive
    clock.mono += 13'900'000'000;
    EXPECT_EQ(presenceOf("ten"), Presence::Stale) << "13.9 s since its last message: stale, not yet offline";
    clock.mono += 200'000'000;
    EXPECT_EQ(presenceOf("ten"), Presence::Offline) << "14.1 s silent at a keepalive of 10 s";
    EXPECT_TRUE(model.robot(QStringLiteral("ten"))->online) << "the broker has not sent its will yet";
    EXPECT_EQ(presenceOf("old"), Presence::Stale) << "without a keepalive in meta, only the will says offline";

    model.acceptMessage("omniscient/v1/ten/status", "online"); // back (SIGCONT, cable plugged in)
    EXPECT_EQ(presenceOf("ten"), Presence::Stale);
    model.acceptMessage("omniscient/v1/ten/state", stateMessage(2));
    EXPECT_EQ(presenceOf("ten"), Presence::Online);
}

TEST(FleetModel, MalformedHugeAndUnknownMessagesAreIgnoredAndCounted)
{
    ManualClock clock;
    FleetModel model({}, clock);
    model.acceptMessage("omniscient/v1/r1/status", "online");
    model.acceptMessage("omniscient/v1/r1/state", stateMessage(1));
    model.acceptMessage("omniscient/v1/r1/state", "{not json");
    model.acceptMessage("omniscient/v1/r1/state", "{\"type\":\"link\",\"link\":\"live\"}");
    model.acceptMessage("omniscient/v1/r1/status", "maybe");
    model.acceptMessage("omniscient/v1/r1/meta", "[1,2]");
    model.acceptMessage("omniscient/v1/r1/state", QByteArray(1024 * 1024, '{'));
    model.acceptMessage("omniscient/v1/r1/whatever", "x");
    model.acceptMessage("omniscient/v1/a/b/c/state", "x");
    EXPECT_EQ(model.stats().malformed, 4u);
    EXPECT_EQ(model.stats().tooLarge, 1u);
    EXPECT_EQ(model.stats().unknownTopic, 2u);
    EXPECT_EQ(model.robot(QStringLiteral("r1"))->state->seq, 1u) << "the last good state stays";

    const QJsonObject fleet = QJsonDocument::fromJson(model.toJson(QStringLiteral("connected"))).object();
    EXPECT_EQ(fleet.value(QLatin1String("robots")).toArray().size(), 1);
    EXPECT_EQ(fleet.value(QLatin1String("ignored")).toObject().value(QLatin1String("malformed")).toInt(), 4);
    const QJsonObject r1 = fleet.value(QLatin1String("robots")).toArray().at(0).toObject();
    EXPECT_EQ(r1.value(QLatin1String("presence")).toString(), QStringLiteral("online"));
    EXPECT_EQ(r1.value(QLatin1String("state")).toObject().value(QLatin1String("seq")).toInt(), 1);
}

TEST(FleetModel, MetaGivesTheDashboardAndEventsTheLastEvent)
{
    ManualClock clock;
    FleetModel model({}, clock);
    model.acceptMessage("omniscient/v1/r1/meta",
                        R"({"name":"r1","version":"9.9","layout":"omni-v1","dashboard":"http://pi:3001/"})");
    Event e;
    e.kind = EventKind::ObstacleDetected;
    e.to = 1;
    model.acceptMessage("omniscient/v1/r1/events", json::eventMessage(e));
    const FleetRobot *r = model.robot(QStringLiteral("r1"));
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->dashboardUrl, QStringLiteral("http://pi:3001/"));
    EXPECT_EQ(r->version, QStringLiteral("9.9"));
    EXPECT_TRUE(r->lastEventJson.contains("obstacle_detected"));
    EXPECT_EQ(model.presence(*r), Presence::Offline) << "nothing said it is online";
}

TEST(FleetModel, TheRateCountsStatesOverTwoSeconds)
{
    ManualClock clock;
    FleetModel model({}, clock);
    model.acceptMessage("omniscient/v1/r1/status", "online");
    for (quint64 seq = 1; seq <= 21; ++seq) {
        model.acceptMessage("omniscient/v1/r1/state", stateMessage(seq));
        clock.mono += 100'000'000; // 10 Hz
    }
    EXPECT_DOUBLE_EQ(model.robot(QStringLiteral("r1"))->rateHz, 10.0);
}

TEST(HomeAssistant, EachRobotIsOneDeviceWithItsEntitiesAndASoundSwitch)
{
    const QList<DiscoveryConfig> configs = discoveryConfigs(QStringLiteral("chick 7"));
    ASSERT_EQ(configs.size(), 10);
    QSet<QString> ids;
    for (const DiscoveryConfig &c : configs) {
        EXPECT_TRUE(c.topic.startsWith("homeassistant/")) << c.topic.toStdString();
        EXPECT_TRUE(c.topic.contains("/omniscient_chick_7/")) << "object ids allow no spaces";
        QJsonParseError error{};
        const QJsonObject o = QJsonDocument::fromJson(c.payload, &error).object();
        ASSERT_EQ(error.error, QJsonParseError::NoError) << c.payload.toStdString();
        ids.insert(o.value(QLatin1String("unique_id")).toString());
        EXPECT_EQ(o.value(QLatin1String("device")).toObject().value(QLatin1String("name")).toString(),
                  QStringLiteral("chick 7"));
        EXPECT_TRUE(
            o.value(QLatin1String("state_topic")).toString().startsWith(QLatin1String("omniscient/v1/chick 7/")));
    }
    EXPECT_EQ(ids.size(), configs.size()) << "unique ids";
    const auto sw = std::find_if(configs.cbegin(), configs.cend(),
                                 [](const DiscoveryConfig &c) { return c.topic.startsWith("homeassistant/switch/"); });
    ASSERT_NE(sw, configs.cend());
    EXPECT_TRUE(sw->payload.contains("\"command_topic\":\"omniscient/v1/chick 7/sound/set\""));
}
