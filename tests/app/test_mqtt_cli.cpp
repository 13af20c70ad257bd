// SPDX-License-Identifier: MIT
// The MQTT fleet as people run it: omniscient processes publishing through a real mosquitto, and a headless fleet.
#include "../core/test_server_support.h"
#include "mosquittobroker.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <csignal>
#include <sys/mman.h>

using namespace omni::test;
using namespace std::chrono_literals;

namespace {

quint16 localhostPort(const QByteArray &text)
{
    const auto m = QRegularExpression(QStringLiteral(R"(http://localhost:(\d+)/)")).match(QString::fromUtf8(text));
    return m.hasMatch() ? static_cast<quint16>(m.captured(1).toUInt()) : 0;
}

/// One omniscient process and what it said on stderr.
struct Omniscient {
    QProcess process;
    QByteArray err;
    quint16 port = 0;

    void start(const QStringList &args, const QString &password = {})
    {
        if (!password.isEmpty()) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("OMNISCIENT_MQTT_PASSWORD"), password);
            process.setProcessEnvironment(env);
        }
        startProgram(process, QStringLiteral(OMNISCIENT_EXE), args);
        process.waitForStarted();
    }
    /// Reads stderr until `text` shows up (or the process ends).
    bool waitFor(const QByteArray &text, std::chrono::milliseconds timeout = 20s)
    {
        return waitUntil(
                   [&] {
                       err += process.readAllStandardError();
                       return err.contains(text) || process.state() == QProcess::NotRunning;
                   },
                   timeout) &&
               err.contains(text);
    }
    bool waitForPort()
    {
        const bool ok = waitUntil(
            [&] {
                err += process.readAllStandardError();
                port = localhostPort(err);
                return port != 0 || process.state() == QProcess::NotRunning;
            },
            20s);
        return ok && port != 0;
    }
    int terminate()
    {
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        process.waitForFinished(10000);
        err += process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    ~Omniscient()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};

QJsonArray fleetRobots(quint16 port)
{
    const HttpReply r = exchange(port, request(port, "GET", "/api/fleet"));
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("robots")).toArray();
}

QString presenceOf(quint16 port, const QString &name)
{
    for (const auto &v : fleetRobots(port)) {
        if (v.toObject().value(QLatin1String("name")).toString() == name) {
            return v.toObject().value(QLatin1String("presence")).toString();
        }
    }
    return {};
}

class MqttCli : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (MosquittoBroker::program().isEmpty()) {
            GTEST_SKIP() << "mosquitto is not installed (scripts/install-deps.sh --test)";
        }
    }
    QString url() const { return QStringLiteral("mqtt://127.0.0.1:%1").arg(broker.port()); }
    MosquittoBroker broker;
};

} // namespace

TEST(MqttCliNames, ARefusedRobotNameExitsWithTwoAndSaysWhy)
{
    Omniscient o;
    o.start({QStringLiteral("--headless"), QStringLiteral("--no-server"), QStringLiteral("--mqtt"),
             QStringLiteral("mqtt://127.0.0.1:1"), QStringLiteral("--robot-name"), QStringLiteral("class/room")});
    ASSERT_TRUE(o.process.waitForFinished(10000));
    EXPECT_EQ(o.process.exitCode(), 2);
    EXPECT_TRUE(o.process.readAllStandardError().contains("--robot-name"));
}

TEST_F(MqttCli, ThreeRobotsShowInTheFleetAndAKilledOneGoesOfflineThroughItsWill)
{
    QString error;
    ASSERT_TRUE(broker.start({}, &error)) << error.toStdString();
    constexpr int kKeepalive = 5;
    Omniscient robots[3];
    for (int i = 0; i < 3; ++i) {
        robots[i].start({QStringLiteral("--headless"), QStringLiteral("--simulate"), QStringLiteral("--no-sound"),
                         QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--mqtt"), url(),
                         QStringLiteral("--robot-name"), QStringLiteral("robot-%1").arg(i + 1),
                         QStringLiteral("--mqtt-keepalive"), QString::number(kKeepalive)});
    }
    Omniscient fleet;
    fleet.start({QStringLiteral("--headless"), QStringLiteral("--fleet"), url(), QStringLiteral("--port"),
                 QStringLiteral("0")});
    ASSERT_TRUE(fleet.waitForPort()) << fleet.err.toStdString();
    ASSERT_TRUE(waitUntil(
        [&] {
            const QJsonArray list = fleetRobots(fleet.port);
            int online = 0;
            for (const auto &v : list) {
                const QJsonObject r = v.toObject();
                online += r.value(QLatin1String("presence")).toString() == QLatin1String("online") &&
                                  r.value(QLatin1String("state")).toObject().value(QLatin1String("seq")).toInt() > 0
                              ? 1
                              : 0;
            }
            return list.size() == 3 && online == 3;
        },
        20s))
        << exchange(fleet.port, request(fleet.port, "GET", "/api/fleet")).body.toStdString();
    EXPECT_EQ(fleetRobots(fleet.port).at(0).toObject().value(QLatin1String("name")).toString(),
              QStringLiteral("robot-1"));
    EXPECT_EQ(exchange(fleet.port, request(fleet.port, "GET", "/fleet")).status, 200);

    ASSERT_TRUE(robots[0].waitForPort());
    const QByteArray metrics = exchange(robots[0].port, request(robots[0].port, "GET", "/metrics")).body;
    EXPECT_TRUE(metrics.contains("omniscient_mqtt_status{status=\"connected\"} 1")) << metrics.toStdString();
    EXPECT_TRUE(metrics.contains("\nomniscient_blackbox_states ")) << "the black box's lines beside the MQTT ones";

    const qint64 killedPid = robots[1].process.processId();
    QElapsedTimer sinceKill;
    robots[1].process.kill(); // SIGKILL: no goodbye, only the broker's last will
    sinceKill.start();
    ASSERT_TRUE(waitUntil([&] { return presenceOf(fleet.port, QStringLiteral("robot-2")) == QLatin1String("offline"); },
                          std::chrono::milliseconds(kKeepalive * 1500)))
        << "the last will must arrive within 1.5 x the keepalive";
    std::printf("[ MEASURED ] SIGKILL to offline in the fleet: %lld ms (keepalive %d s)\n",
                static_cast<long long>(sinceKill.elapsed()), kKeepalive);
    robots[1].process.waitForFinished(5000);
    ::shm_unlink(QStringLiteral("/omnigod-sim-%1").arg(killedPid).toLocal8Bit().constData());
    ::shm_unlink(QStringLiteral("/omnigod-sim-%1.wake").arg(killedPid).toLocal8Bit().constData());

    EXPECT_EQ(robots[0].terminate(), 0);
    EXPECT_TRUE(
        waitUntil([&] { return presenceOf(fleet.port, QStringLiteral("robot-1")) == QLatin1String("offline"); }, 3s))
        << "a clean exit says offline itself";
    EXPECT_EQ(presenceOf(fleet.port, QStringLiteral("robot-3")), QStringLiteral("online"));

    // A frozen robot (power cut, cable pulled: its socket stays open): the fleet calls it stale after its 3 s
    // without a state, and offline when it has said nothing for 1.4 x its keepalive (it says its status again every
    // half keepalive), before Debian 12's mosquitto 2.0.11 sends the will about 2 s later (docs/FLEET.md).
    ::kill(static_cast<pid_t>(robots[2].process.processId()), SIGSTOP);
    QElapsedTimer sinceStop;
    sinceStop.start();
    const bool frozenStale =
        waitUntil([&] { return presenceOf(fleet.port, QStringLiteral("robot-3")) == QLatin1String("stale"); }, 5s);
    const qint64 staleMs = sinceStop.elapsed();
    const bool frozenOffline =
        waitUntil([&] { return presenceOf(fleet.port, QStringLiteral("robot-3")) == QLatin1String("offline"); },
                  std::chrono::milliseconds(kKeepalive * 1500 + 500));
    std::printf("[ MEASURED ] SIGSTOP to stale: %lld ms, to offline: %lld ms (keepalive %d s)\n",
                static_cast<long long>(staleMs), static_cast<long long>(sinceStop.elapsed()), kKeepalive);
    ::kill(static_cast<pid_t>(robots[2].process.processId()), SIGCONT);
    EXPECT_TRUE(frozenStale) << "a robot without states for 3 s is stale in the fleet";
    EXPECT_TRUE(frozenOffline) << "silent for 1.5 keepalives: offline";
    EXPECT_EQ(robots[2].terminate(), 0);
    EXPECT_EQ(fleet.terminate(), 0);
}

TEST_F(MqttCli, WrongCredentialsGiveAClearMessageAndOmniscientKeepsRunningAndRetrying)
{
    MosquittoBroker::Options o;
    o.user = QStringLiteral("robot");
    o.password = QStringLiteral("right");
    QString error;
    ASSERT_TRUE(broker.start(o, &error)) << error.toStdString();
    Omniscient robot;
    robot.start({QStringLiteral("--headless"), QStringLiteral("--no-server"), QStringLiteral("--simulate"),
                 QStringLiteral("--no-sound"), QStringLiteral("--mqtt"),
                 QStringLiteral("mqtt://robot@127.0.0.1:%1").arg(broker.port())},
                QStringLiteral("wrong"));
    ASSERT_TRUE(robot.waitFor("check the user")) << robot.err.toStdString();
    EXPECT_TRUE(robot.err.contains("OMNISCIENT_MQTT_PASSWORD")) << robot.err.toStdString();
    EXPECT_EQ(robot.process.state(), QProcess::Running);
    EXPECT_EQ(robot.terminate(), 0);
}
