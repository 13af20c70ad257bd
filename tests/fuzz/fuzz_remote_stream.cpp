// SPDX-License-Identifier: MIT
// Remote mode's stream parsing, through real sockets: a RemoteSource connected to an in-process WebSocket
// server that sends it the input. The input is split at 0x1E (record separator) into up to 16 messages; one
// that starts with 0x02 goes as a binary message (without that byte), the others as text. A fresh
// connection gets a valid hello first, as from a real server, so the fuzzer reaches the states after it.
// Properties: every state delivered is a Remote one, and the robot's link never reads live while the
// network link is not connected.
#include "fuzzcheck.h"
#include "fuzzqt.h"

#include "omni/remotesource.h"
#include "omni/statejson.h"

#include <QHostAddress>
#include <QPointer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using namespace omni;
using namespace std::chrono_literals;

namespace {

constexpr int kMaxMessages = 16;

struct Peer {
    QWebSocketServer server{QStringLiteral("fuzz"), QWebSocketServer::NonSecureMode};
    QPointer<QWebSocket> client; // the RemoteSource's connection, server side
    bool greeted = false;
    bool pong = false;
    std::unique_ptr<RemoteSource> source;
    quint64 states = 0;
};
Peer *g_peer = nullptr;

void checkLinkInvariant()
{
    const RemoteSource &s = *g_peer->source;
    if (s.networkStatus() != NetworkStatus::Connected) {
        FUZZ_CHECK(s.link().status != LinkStatus::Live);
    }
}

/// Waits until the RemoteSource is connected to our server (it reconnects by itself after a drop).
void ensureConnected()
{
    const bool ok = fuzz::spinUntil(
        [] { return g_peer->client && g_peer->client->state() == QAbstractSocket::ConnectedState; }, 5s);
    FUZZ_CHECK(ok);
    if (!g_peer->greeted) {
        g_peer->client->sendTextMessage(QString::fromUtf8(json::helloMessage(QStringLiteral("fuzz 1"), true)));
        g_peer->greeted = true;
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureApplication();
    qputenv("QT_LOGGING_RULES", "*.debug=false;omni.*=false;qt.*=false");
    g_peer = new Peer;
    FUZZ_CHECK(g_peer->server.listen(QHostAddress::LocalHost, 0));
    QObject::connect(&g_peer->server, &QWebSocketServer::newConnection, [] {
        while (QWebSocket *ws = g_peer->server.nextPendingConnection()) {
            if (g_peer->client) {
                g_peer->client->abort();
                g_peer->client->deleteLater();
            }
            g_peer->client = ws;
            g_peer->greeted = false;
            QObject::connect(ws, &QWebSocket::pong, [] { g_peer->pong = true; });
            QObject::connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
        }
    });
    RemoteSourceOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(g_peer->server.serverPort()));
    options.minBackoff = 1ms;
    options.maxBackoff = 5ms;
    options.pingInterval = 60s;
    options.silenceTimeout = 120s;
    options.maxMessageBytes = 64 * 1024;
    g_peer->source = std::make_unique<RemoteSource>(options);
    QObject::connect(g_peer->source.get(), &StateSource::stateReceived, [](const RobotState &s) {
        FUZZ_CHECK(s.layout == Layout::Remote);
        FUZZ_CHECK(s.sensorCount >= 0 && s.sensorCount <= 5);
        ++g_peer->states;
    });
    QObject::connect(g_peer->source.get(), &StateSource::linkChanged, [](const LinkInfo &) { checkLinkInvariant(); });
    g_peer->source->start();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ensureConnected();
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QList<QByteArray> messages = input.split('\x1e');
    const quint64 malformedBefore = g_peer->source->malformedCount();
    int binaries = 0;
    QWebSocket *ws = g_peer->client;
    for (qsizetype i = 0; i < messages.size() && i < kMaxMessages; ++i) {
        const QByteArray &m = messages[i];
        if (m.startsWith('\x02')) {
            ws->sendBinaryMessage(m.mid(1));
            ++binaries;
        } else {
            ws->sendTextMessage(QString::fromUtf8(m));
        }
    }
    // The client answers our ping after it has handled every message before it (or it hangs up).
    g_peer->pong = false;
    ws->ping();
    const bool handled = fuzz::spinUntil(
        [&] { return g_peer->pong || !g_peer->client || g_peer->client->state() != QAbstractSocket::ConnectedState; },
        5s);
    FUZZ_CHECK(handled);
    if (g_peer->pong) {
        // Binary messages are never taken as data.
        FUZZ_CHECK(g_peer->source->malformedCount() >= malformedBefore + static_cast<quint64>(binaries));
    }
    checkLinkInvariant();
    fuzz::flushDeferredDeletes();
    return 0;
}
