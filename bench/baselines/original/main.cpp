// SPDX-License-Identifier: MIT
// omni-baseline-original: the original observer's design, re-implemented in C++/Qt so that the comparison
// with omniscient is about design, not language. A WebSocket server; every client gets its own reader
// (LegacyPoller) that polls the original 56-byte segment every 100 ms and sends each new `ver` as JSON.
// No page, no sound, no hub: only what the latency and fan-out benchmarks exercise.
#include "legacypoller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("The original observer's design: a 100 ms poller per client."));
    p.addHelpOption();
    const QCommandLineOption shm(QStringLiteral("shm"), QStringLiteral("Legacy segment (default omnigod)."),
                                 QStringLiteral("NAME"), QStringLiteral("omnigod"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port; 0 picks one (default 3002)."),
                                  QStringLiteral("PORT"), QStringLiteral("3002"));
    const QCommandLineOption bind(QStringLiteral("bind"), QStringLiteral("Address (default 127.0.0.1)."),
                                  QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption poll(QStringLiteral("poll-ms"), QStringLiteral("Poll period (default 100)."),
                                  QStringLiteral("MS"), QStringLiteral("100"));
    p.addOptions({shm, port, bind, poll});
    p.process(app);

    QWebSocketServer server(QStringLiteral("omni-baseline-original"), QWebSocketServer::NonSecureMode);
    if (!server.listen(QHostAddress(p.value(bind)), static_cast<quint16>(p.value(port).toUInt()))) {
        std::fprintf(stderr, "omni-baseline-original: cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::fprintf(stderr, "omni-baseline-original: listening on port %u\n", server.serverPort());
    std::fflush(stderr);

    const QByteArray name = p.value(shm).toLocal8Bit();
    const int pollMs = p.value(poll).toInt();
    QObject::connect(&server, &QWebSocketServer::newConnection, &app, [&] {
        while (QWebSocket *ws = server.nextPendingConnection()) {
            auto *poller = new omni::baseline::LegacyPoller(name, pollMs, 5000, ws);
            QObject::connect(poller, &omni::baseline::LegacyPoller::message, ws,
                             [ws](const QString &json) { ws->sendTextMessage(json); });
            QObject::connect(ws, &QWebSocket::disconnected, ws, [ws, poller] {
                poller->stop();
                ws->deleteLater(); // deletes the poller (its child) after joining it
            });
            poller->start();
        }
    });
    return QCoreApplication::exec();
}
