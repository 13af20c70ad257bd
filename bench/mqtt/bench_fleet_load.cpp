// SPDX-License-Identifier: MIT
// A load generator for the fleet (docs/FLEET.md): N simulated robots publishing `status` and `state` at a rate
// through one MQTT connection, standing in for N omniscient processes. Each state carries its publish time
// (`t_publish_ms`, this machine's wall clock), so whoever reads the fleet can tell how old it is
// (bench/mqtt/fleet_age.py).
// Usage: omni-bench-fleet-load --port PORT [--host H] [--robots 100] [--rate 10] [--seconds 30]
// Prints one JSON line: the messages published and refused.
#include <omni/mqttclient.h>
#include <omni/statejson.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <chrono>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("broker host"), QStringLiteral("H"),
                                  QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("broker port"), QStringLiteral("PORT"));
    const QCommandLineOption robots(QStringLiteral("robots"), QStringLiteral("robots"), QStringLiteral("N"),
                                    QStringLiteral("100"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("states per second per robot"),
                                  QStringLiteral("HZ"), QStringLiteral("10"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("how long"), QStringLiteral("S"),
                                     QStringLiteral("30"));
    p.addOptions({host, port, robots, rate, seconds});
    p.process(app);
    const int n = p.value(robots).toInt();
    const double hz = p.value(rate).toDouble();
    if (n <= 0 || hz <= 0 || p.value(port).toInt() <= 0) {
        std::fprintf(stderr, "usage: omni-bench-fleet-load --port PORT [--robots N] [--rate HZ] [--seconds S]\n");
        return 2;
    }
    omni::mqtt::ClientOptions co;
    co.broker.host = p.value(host);
    co.broker.port = static_cast<quint16>(p.value(port).toInt());
    co.maxPendingOutgoing = 100000;
    omni::mqtt::Client client(co);
    quint64 seq = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&client, &omni::mqtt::Client::connected, &client, [&] {
        for (int i = 0; i < n; ++i) {
            client.publish(
                omni::mqtt::topic(QStringLiteral("load-%1").arg(i, 3, 10, QLatin1Char('0')), omni::mqtt::Topic::Status),
                "online", 1, true);
        }
        tick.start(static_cast<int>(1000.0 / hz));
    });
    QObject::connect(&tick, &QTimer::timeout, &client, [&] {
        ++seq;
        omni::LinkInfo link;
        link.status = omni::LinkStatus::Live;
        link.layout = omni::Layout::Current;
        for (int i = 0; i < n; ++i) {
            omni::RobotState s;
            s.seq = seq;
            s.layout = omni::Layout::Current;
            s.publishUnixNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
            s.motorPower = {static_cast<qint32>(seq % 100), -static_cast<qint32>(seq % 100), i % 100};
            client.publish(
                omni::mqtt::topic(QStringLiteral("load-%1").arg(i, 3, 10, QLatin1Char('0')), omni::mqtt::Topic::State),
                omni::json::stateMessage(s, link), 0, true);
        }
    });
    client.start();
    QTimer::singleShot(static_cast<int>(p.value(seconds).toDouble() * 1000), &app, &QCoreApplication::quit);
    QCoreApplication::exec();
    const auto st = client.stats();
    std::printf("{\"robots\":%d,\"rate_hz\":%g,\"published\":%llu,\"refused\":%llu}\n", n, hz,
                static_cast<unsigned long long>(st.published), static_cast<unsigned long long>(st.refusedOutgoing));
    return 0;
}
