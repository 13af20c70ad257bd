// SPDX-License-Identifier: MIT
#include <omni/statejson.h>

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace omni;

namespace {

RobotState sample()
{
    RobotState s;
    s.seq = 99;
    s.direction = 0;
    s.motorPower = {55, -55, 0};
    s.botMode = 0;
    s.obstacle = 0;
    s.obstacleMode = 1;
    s.goLeft = 1;
    s.sensorMode = 1;
    s.sensors = {0, 1, 1, 0, 0};
    s.publishUnixNs = 1'700'000'000'123'000'000;
    s.writerPid = 1234;
    s.layout = Layout::Current;
    return s;
}

LinkInfo live()
{
    LinkInfo l;
    l.status = LinkStatus::Live;
    l.layout = Layout::Current;
    l.source = QStringLiteral("shm:omnigod");
    return l;
}

QJsonObject object(const QByteArray &bytes)
{
    QJsonParseError e{};
    const auto doc = QJsonDocument::fromJson(bytes, &e);
    EXPECT_EQ(e.error, QJsonParseError::NoError) << bytes.toStdString();
    return doc.object();
}

} // namespace

TEST(StateJson, StateMessageCarriesRawFieldsUnderTheirCNamesAndLabels)
{
    const auto o = object(json::stateMessage(sample(), live(), {50.0, 3}));
    EXPECT_EQ(o[QLatin1String("type")].toString(), QStringLiteral("state"));
    EXPECT_EQ(o[QLatin1String("seq")].toInteger(), 99);
    EXPECT_EQ(o[QLatin1String("direction")].toInt(), 0);
    EXPECT_EQ(o[QLatin1String("motor_power")].toArray(), (QJsonArray{55, -55, 0}));
    EXPECT_EQ(o[QLatin1String("obstacle_mode")].toInt(), 1);
    EXPECT_EQ(o[QLatin1String("go_left")].toInt(), 1);
    EXPECT_EQ(o[QLatin1String("sensors")].toArray(), (QJsonArray{0, 1, 1, 0, 0}));
    const auto labels = o[QLatin1String("labels")].toObject();
    EXPECT_EQ(labels[QLatin1String("direction")].toString(), QStringLiteral("forward"));
    EXPECT_EQ(labels[QLatin1String("bot_mode")].toString(), QStringLiteral("line following"));
    EXPECT_EQ(labels[QLatin1String("obstacle_mode")].toString(), QStringLiteral("obstacle avoidance"));
    EXPECT_EQ(labels[QLatin1String("sensor_mode")].toString(), QStringLiteral("5 sensor weighted"));
    EXPECT_EQ(labels[QLatin1String("action")].toString(), QStringLiteral("steering left"));
    EXPECT_EQ(o[QLatin1String("link")].toString(), QStringLiteral("live"));
    EXPECT_EQ(o[QLatin1String("layout")].toString(), QStringLiteral("omni-v1"));
    EXPECT_DOUBLE_EQ(o[QLatin1String("t_publish_ms")].toDouble(), 1'700'000'000'123.0);
    EXPECT_DOUBLE_EQ(o[QLatin1String("rate_hz")].toDouble(), 50.0);
}

TEST(StateJson, UnknownCodesReadUnknownWithTheNumber)
{
    auto s = sample();
    s.botMode = 9;
    s.sensorMode = -3;
    s.obstacleMode = 4;
    s.direction = 17;
    const auto labels = object(json::stateMessage(s, live()))[QLatin1String("labels")].toObject();
    EXPECT_EQ(labels[QLatin1String("bot_mode")].toString(), QStringLiteral("unknown (9)"));
    EXPECT_EQ(labels[QLatin1String("sensor_mode")].toString(), QStringLiteral("unknown (-3)"));
    EXPECT_EQ(labels[QLatin1String("obstacle_mode")].toString(), QStringLiteral("unknown (4)"));
    EXPECT_EQ(labels[QLatin1String("direction")].toString(), QStringLiteral("stopped"));
}

TEST(StateJson, LegacyStateHasNullObstacleModeAndFourSensors)
{
    auto s = sample();
    s.obstacleMode.reset();
    s.sensorCount = 4;
    s.layout = Layout::Legacy;
    const auto o = object(json::stateMessage(s, live()));
    EXPECT_TRUE(o[QLatin1String("obstacle_mode")].isNull());
    EXPECT_TRUE(o[QLatin1String("labels")].toObject()[QLatin1String("obstacle_mode")].isNull());
    EXPECT_EQ(o[QLatin1String("sensors")].toArray().size(), 4);
}

TEST(StateJson, StateRoundTripsThroughParse)
{
    const auto bytes = json::stateMessage(sample(), live(), {49.5, 12});
    QString error;
    const auto m = json::parse(bytes, &error);
    ASSERT_TRUE(m.has_value()) << error.toStdString();
    EXPECT_EQ(m->type, json::Message::Type::State);
    EXPECT_TRUE(m->state.samePayload(sample()));
    EXPECT_EQ(m->state.seq, 99u);
    EXPECT_EQ(m->state.layout, Layout::Remote);
    EXPECT_EQ(m->link.status, LinkStatus::Live);
    EXPECT_EQ(m->extras.ageMs, 12);
    EXPECT_NEAR(m->extras.rateHz, 49.5, 0.05);
}

TEST(StateJson, LinkMessageNamesTheReason)
{
    LinkInfo l;
    l.status = LinkStatus::Incompatible;
    l.reason = Incompatibility::AbiNewer;
    l.detail = QStringLiteral("segment ABI 2, this build reads ABI 1");
    const auto o = object(json::linkMessage(l));
    EXPECT_EQ(o[QLatin1String("type")].toString(), QStringLiteral("link"));
    EXPECT_EQ(o[QLatin1String("link")].toString(), QStringLiteral("incompatible"));
    EXPECT_EQ(o[QLatin1String("reason")].toString(), QStringLiteral("abi_newer"));
    EXPECT_EQ(o[QLatin1String("detail")].toString(), l.detail);
    const auto parsed = json::parse(json::linkMessage(l));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->link, l);
}

TEST(StateJson, HelloAndSoundRoundTrip)
{
    const auto hello = json::parse(json::helloMessage(QStringLiteral("omniscient 1.2.3"), false));
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->type, json::Message::Type::Hello);
    EXPECT_EQ(hello->serverVersion, QStringLiteral("omniscient 1.2.3"));
    EXPECT_EQ(hello->schema, json::kSchemaVersion);
    EXPECT_FALSE(hello->soundEnabled);
    const auto sound = json::parse(json::soundMessage(true));
    ASSERT_TRUE(sound);
    EXPECT_TRUE(sound->soundEnabled);
}

TEST(StateJson, ParseRejectsMalformedInputWithAReason)
{
    const QByteArray bad[] = {
        "",
        "not json",
        "[1,2]",
        "{\"type\":\"nope\"}",
        "{\"type\":\"sound\",\"enabled\":\"yes\"}",
        R"({"type":"state","seq":1,"direction":"x","motor_power":[1,2,3],"bot_mode":0,"obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[],"link":"live"})",
        R"({"type":"state","seq":1,"direction":0,"motor_power":[1,2],"bot_mode":0,"obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[],"link":"live"})",
        R"({"type":"state","seq":1,"direction":1e20,"motor_power":[1,2,3],"bot_mode":0,"obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[],"link":"live"})",
        R"({"type":"state","seq":1,"direction":0,"motor_power":[1,2,3],"bot_mode":0,"obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[1,1,1,1,1,1],"link":"live"})",
        R"({"type":"state","seq":1,"direction":0,"motor_power":[1,2,3],"bot_mode":0,"obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[],"link":"dead"})",
    };
    for (const auto &b : bad) {
        QString error;
        EXPECT_FALSE(json::parse(b, &error).has_value()) << b.toStdString();
        EXPECT_FALSE(error.isEmpty()) << b.toStdString();
    }
    QString error;
    EXPECT_FALSE(json::parse(QByteArray(1 << 20, ' '), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("larger"))) << error.toStdString();
}

// Found by tests/fuzz (fuzz_statejson): "seq":1e300 was converted to quint64, undefined behaviour.
TEST(StateJson, ParseRefusesNumbersOutsideTheIntegerRangesInsteadOfConvertingThem)
{
    const QByteArray state = R"({"type":"state","seq":SEQ,"direction":0,"motor_power":[1,2,3],"bot_mode":0,)"
                             R"("obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[],"link":"live",)"
                             R"("t_publish_ms":PUB,"age_ms":AGE})";
    auto with = [&](const char *seq, const char *pub, const char *age) {
        return QByteArray(state).replace("SEQ", seq).replace("PUB", pub).replace("AGE", age);
    };
    const QByteArray bad[] = {
        with("1e300", "0", "0"),  with("18446744073709551616", "0", "0"), with("1", "9.9e307", "0"),
        with("1", "-1e300", "0"), with("1", "0", "-1e30"),                with("1", "0", "1e19"),
    };
    for (const auto &b : bad) {
        QString error;
        EXPECT_FALSE(json::parse(b, &error).has_value()) << b.toStdString();
        EXPECT_FALSE(error.isEmpty()) << b.toStdString();
    }
    const auto largest = json::parse(with("18446744073709549568", "1795673704798.129", "3999999999999"));
    ASSERT_TRUE(largest.has_value());
    EXPECT_EQ(largest->state.seq, 18446744073709549568ULL);
    EXPECT_EQ(largest->extras.ageMs, 3999999999999);
    EXPECT_EQ(largest->state.publishUnixNs / 1000000, 1795673704798);
}
