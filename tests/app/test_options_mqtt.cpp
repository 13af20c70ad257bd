// SPDX-License-Identifier: MIT
// The MQTT options (docs/FLEET.md): --mqtt, --fleet, --robot-name, the password, keepalive and rate.
#include "options.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>

using namespace omni::app;

namespace {
ParseResult parse(QStringList args, const QString &envPassword = {})
{
    args.prepend(QStringLiteral("omniscient"));
    return parseOptions(args, {}, envPassword);
}

QString errorOf(const QStringList &args)
{
    const auto r = parse(args);
    EXPECT_EQ(r.action, ParseResult::Action::Error) << args.join(QLatin1Char(' ')).toStdString();
    return r.message;
}
} // namespace

TEST(MqttOptions, DefaultsAreTheHostNameTenSecondsAndTenHertz)
{
    const auto r = parse({QStringLiteral("--mqtt"), QStringLiteral("mqtt://broker.local")}, QStringLiteral("pw"));
    ASSERT_EQ(r.action, ParseResult::Action::Run) << r.message.toStdString();
    EXPECT_EQ(r.options.mqttUrl, QStringLiteral("mqtt://broker.local"));
    EXPECT_EQ(r.options.robotName, QSysInfo::machineHostName());
    EXPECT_EQ(r.options.mqttKeepalive, 10);
    EXPECT_DOUBLE_EQ(r.options.mqttRate, 10.0);
    EXPECT_EQ(r.options.mqttPassword, QStringLiteral("pw")) << "OMNISCIENT_MQTT_PASSWORD";
    EXPECT_FALSE(r.options.mqttHomeAssistant);
}

TEST(MqttOptions, ParsesEveryMqttFlag)
{
    QTemporaryDir dir;
    const QString pw = dir.filePath(QStringLiteral("pw"));
    const QString ca = dir.filePath(QStringLiteral("ca.crt"));
    for (const QString &path : {pw, ca}) {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("  from-file \nsecond line\n");
    }
    const auto r =
        parse({QStringLiteral("--mqtt"), QStringLiteral("mqtts://pi@broker:8884"), QStringLiteral("--robot-name"),
               QStringLiteral("chick-3"), QStringLiteral("--mqtt-password-file"), pw, QStringLiteral("--mqtt-cafile"),
               ca, QStringLiteral("--mqtt-keepalive"), QStringLiteral("5"), QStringLiteral("--mqtt-rate"),
               QStringLiteral("2.5"), QStringLiteral("--mqtt-homeassistant")},
              QStringLiteral("env-loses"));
    ASSERT_EQ(r.action, ParseResult::Action::Run) << r.message.toStdString();
    EXPECT_EQ(r.options.robotName, QStringLiteral("chick-3"));
    EXPECT_EQ(r.options.mqttPassword, QStringLiteral("from-file"));
    EXPECT_EQ(r.options.mqttCaFile, ca);
    EXPECT_EQ(r.options.mqttKeepalive, 5);
    EXPECT_DOUBLE_EQ(r.options.mqttRate, 2.5);
    EXPECT_TRUE(r.options.mqttHomeAssistant);
}

TEST(MqttOptions, BadValuesSayWhatToWrite)
{
    EXPECT_TRUE(errorOf({QStringLiteral("--mqtt"), QStringLiteral("http://x")}).contains(QStringLiteral("mqtt://")));
    EXPECT_TRUE(errorOf({QStringLiteral("--mqtt"), QStringLiteral("mqtt://u:pw@x")})
                    .contains(QStringLiteral("OMNISCIENT_MQTT_PASSWORD")));
    EXPECT_TRUE(errorOf({QStringLiteral("--mqtt"), QStringLiteral("mqtt://x"), QStringLiteral("--robot-name"),
                         QStringLiteral("a/b")})
                    .contains(QStringLiteral("'/'")));
    EXPECT_TRUE(errorOf({QStringLiteral("--mqtt"), QStringLiteral("mqtt://x"), QStringLiteral("--robot-name"),
                         QStringLiteral("bell\a")})
                    .contains(QStringLiteral("control")));
    EXPECT_TRUE(errorOf({QStringLiteral("--mqtt"), QStringLiteral("mqtt://x"), QStringLiteral("--mqtt-keepalive"),
                         QStringLiteral("1")})
                    .contains(QStringLiteral("--mqtt-keepalive")));
    EXPECT_TRUE(errorOf({QStringLiteral("--mqtt"), QStringLiteral("mqtt://x"), QStringLiteral("--mqtt-rate"),
                         QStringLiteral("0")})
                    .contains(QStringLiteral("--mqtt-rate")));
    EXPECT_TRUE(errorOf({QStringLiteral("--mqtt"), QStringLiteral("mqtts://x"), QStringLiteral("--mqtt-cafile"),
                         QStringLiteral("/nonexistent/ca.crt")})
                    .contains(QStringLiteral("does not exist")));
    EXPECT_TRUE(errorOf({QStringLiteral("--mqtt"), QStringLiteral("mqtt://x"), QStringLiteral("--mqtt-cafile"),
                         QStringLiteral("/etc/hostname")})
                    .contains(QStringLiteral("mqtts://")));
    EXPECT_TRUE(errorOf({QStringLiteral("--mqtt"), QStringLiteral("mqtt://x"), QStringLiteral("--mqtt-password-file"),
                         QStringLiteral("/nonexistent/pw")})
                    .contains(QStringLiteral("cannot read")));
    EXPECT_TRUE(
        errorOf({QStringLiteral("--robot-name"), QStringLiteral("r")}).contains(QStringLiteral("needs --mqtt")));
    EXPECT_TRUE(errorOf({QStringLiteral("--mqtt-homeassistant")}).contains(QStringLiteral("needs --mqtt")));
}

TEST(MqttOptions, FleetRunsAloneInAWindowOrHeadless)
{
    const auto r = parse({QStringLiteral("--fleet"), QStringLiteral("mqtt://broker"), QStringLiteral("--headless")});
    ASSERT_EQ(r.action, ParseResult::Action::Run) << r.message.toStdString();
    EXPECT_EQ(r.options.fleetUrl, QStringLiteral("mqtt://broker"));
    EXPECT_EQ(parse({QStringLiteral("--fleet"), QStringLiteral("mqtt://broker"), QStringLiteral("--kiosk")}).action,
              ParseResult::Action::Run)
        << "the fleet window";
    EXPECT_TRUE(errorOf({QStringLiteral("--fleet"), QStringLiteral("mqtt://broker"), QStringLiteral("--headless"),
                         QStringLiteral("--no-server")})
                    .contains(QStringLiteral("--no-server")));
    EXPECT_FALSE(errorOf({QStringLiteral("--fleet"), QStringLiteral("mqtt://b"), QStringLiteral("--headless"),
                          QStringLiteral("--simulate")})
                     .isEmpty());
}
