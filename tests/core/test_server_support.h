// SPDX-License-Identifier: MIT
// Helpers for the mirror server tests: a fixture with a hub and a server on an ephemeral port, a raw HTTP
// exchange, a collecting QWebSocket client and a raw WebSocket peer that can stop reading.
#pragma once

#include "testutil.h"

#include <omni/hub.h>
#include <omni/mirrorserver.h>

#include <gtest/gtest.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtEndian>

#include <memory>
#include <vector>

namespace omni::test {

using namespace std::chrono_literals;

inline RobotState makeState(quint64 seq)
{
    RobotState s;
    s.seq = seq;
    s.direction = 0;
    s.motorPower = {10, -20, static_cast<qint32>(seq % 100)};
    s.publishUnixNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    s.publishMonoNs = omni::Clock::system().monotonicNs();
    s.writerPid = 4242;
    s.layout = Layout::Current;
    return s;
}

inline LinkInfo makeLink(LinkStatus status)
{
    LinkInfo l;
    l.status = status;
    l.layout = Layout::Current;
    l.source = QStringLiteral("shm:test");
    return l;
}

/// A parsed HTTP answer.
struct HttpReply {
    int status = 0;                       ///< 0 when nothing (or no status line) came back
    QMap<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    QByteArray raw;
    bool closedByServer = false; ///< the server closed the connection
};

inline HttpReply parseReply(const QByteArray &raw)
{
    HttpReply r;
    r.raw = raw;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
        return r;
    }
    const QList<QByteArray> lines = raw.left(end).split('\n');
    r.status = lines.first().mid(9, 3).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        r.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    r.body = raw.mid(end + 4);
    return r;
}

/// Sends `request` on a new connection and reads until the server closes it.
inline HttpReply exchange(quint16 port, const QByteArray &request, std::chrono::milliseconds timeout = 10s)
{
    QTcpSocket s;
    bool failed = false;
    QObject::connect(&s, &QAbstractSocket::errorOccurred, [&] { failed = true; });
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!waitUntil([&] { return s.state() == QAbstractSocket::ConnectedState || failed; }, timeout) || failed) {
        HttpReply r;
        r.raw = s.readAll();
        r.closedByServer = s.state() == QAbstractSocket::UnconnectedState;
        return r;
    }
    s.write(request);
    QByteArray raw;
    const bool closed = waitUntil(
        [&] {
            raw += s.readAll();
            return s.state() == QAbstractSocket::UnconnectedState;
        },
        timeout);
    raw += s.readAll();
    HttpReply r = parseReply(raw);
    r.closedByServer = closed;
    return r;
}

/// A request head for `method path` with Host set to this server, plus `extra` header lines ("A: b\r\n").
inline QByteArray request(quint16 port, const QByteArray &method, const QByteArray &path, const QByteArray &extra = {})
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n" + extra + "\r\n";
}

inline QByteArray upgradeHeaders()
{
    return "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n";
}

/// A QWebSocket that records every text message as JSON.
class WsClient
{
public:
    explicit WsClient(const QString &origin = {}) : ws(origin)
    {
        QObject::connect(&ws, &QWebSocket::textMessageReceived, [this](const QString &m) {
            messages.push_back(QJsonDocument::fromJson(m.toUtf8()).object());
        });
        QObject::connect(&ws, &QWebSocket::disconnected, [this] { closed = true; });
    }
    /// Connects to ws://127.0.0.1:PORT/ws + `suffix`; true once connected.
    bool open(quint16 port, const QString &suffix = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest req(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws%2").arg(port).arg(suffix)));
        for (const auto &h : headers) {
            req.setRawHeader(h.first, h.second);
        }
        ws.open(req);
        waitUntil([&] { return ws.state() == QAbstractSocket::ConnectedState || closed; }, 10s);
        return ws.state() == QAbstractSocket::ConnectedState;
    }
    bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds timeout = 10s)
    {
        return waitUntil(done, timeout);
    }
    [[nodiscard]] std::vector<QJsonObject> ofType(const char *type) const
    {
        std::vector<QJsonObject> out;
        for (const auto &m : messages) {
            if (m.value(QLatin1String("type")).toString() == QLatin1String(type)) {
                out.push_back(m);
            }
        }
        return out;
    }
    /// The seq of the last state received, or -1.
    [[nodiscard]] qint64 lastSeq() const
    {
        const auto states = ofType("state");
        return states.empty() ? -1 : states.back().value(QLatin1String("seq")).toInteger();
    }
    bool hasSeq(quint64 seq) const
    {
        const auto states = ofType("state");
        return std::any_of(states.begin(), states.end(), [seq](const QJsonObject &o) {
            return o.value(QLatin1String("seq")).toInteger() == static_cast<qint64>(seq);
        });
    }

    QWebSocket ws;
    std::vector<QJsonObject> messages;
    bool closed = false;
};

/// A WebSocket peer on a raw socket: it completes the handshake, then reads (or not) as the test says and
/// never answers pings.
class RawWsPeer
{
public:
    struct Frame {
        int opcode = 0;
        QByteArray payload;
    };
    /// Sends an upgrade request; true once the 101 answer arrived.
    bool handshake(quint16 port)
    {
        sock.connectToHost(QHostAddress::LocalHost, port);
        if (!waitUntil([&] { return sock.state() == QAbstractSocket::ConnectedState; }, 10s)) {
            return false;
        }
        sock.write(request(port, "GET", "/ws", upgradeHeaders()));
        waitUntil([&] {
            buffer += sock.readAll();
            return buffer.contains("\r\n\r\n") || sock.state() != QAbstractSocket::ConnectedState;
        });
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (!buffer.startsWith("HTTP/1.1 101") || end < 0) {
            return false;
        }
        buffer.remove(0, end + 4);
        return true;
    }
    /// Takes no more bytes from the kernel, so the server's socket fills up.
    void stopReading() { sock.setReadBufferSize(1); }
    void resumeReading() { sock.setReadBufferSize(0); }
    /// Reads what is there and returns the complete frames.
    std::vector<Frame> frames()
    {
        buffer += sock.readAll();
        std::vector<Frame> out;
        while (buffer.size() >= 2) {
            const auto b1 = static_cast<unsigned char>(buffer[1]);
            qint64 len = b1 & 0x7f;
            qsizetype header = 2;
            if (len == 126) {
                if (buffer.size() < 4) {
                    break;
                }
                len = qFromBigEndian<quint16>(buffer.constData() + 2);
                header = 4;
            } else if (len == 127) {
                if (buffer.size() < 10) {
                    break;
                }
                len = static_cast<qint64>(qFromBigEndian<quint64>(buffer.constData() + 2));
                header = 10;
            }
            if (buffer.size() < header + len) {
                break;
            }
            out.push_back({static_cast<unsigned char>(buffer[0]) & 0x0f, buffer.mid(header, len)});
            buffer.remove(0, header + len);
        }
        return out;
    }

    QTcpSocket sock;
    QByteArray buffer;
};

/// A hub and a server on 127.0.0.1 with an ephemeral port, serving the test files under :/testweb.
class ServerTest : public ::testing::Test
{
protected:
    static MirrorServerOptions testOptions()
    {
        MirrorServerOptions o;
        o.address = QHostAddress(QHostAddress::LocalHost);
        o.port = 0;
        o.resourceRoot = QStringLiteral(":/testweb");
        o.maxRateHz = 10000; // tests that check the cap set their own
        return o;
    }
    void start(const MirrorServerOptions &options = testOptions())
    {
        server = std::make_unique<MirrorServer>(&hub, options);
        ASSERT_TRUE(server->listen()) << server->errorString().toStdString();
        port = server->port();
        ASSERT_NE(port, 0);
    }
    HttpReply get(const QByteArray &path, const QByteArray &extra = {})
    {
        return exchange(port, request(port, "GET", path, extra));
    }

    Hub hub;
    std::unique_ptr<MirrorServer> server;
    quint16 port = 0;
};

} // namespace omni::test
