// SPDX-License-Identifier: MIT
#include "server/serverclient.h"

#include "omni/mirrorserver.h"
#include "server/logging.h"

#include <QTcpSocket>
#include <QWebSocket>

#include <cmath>

namespace omni {

ServerClient::ServerClient(QWebSocket *socket, QTcpSocket *tcp, ClientHost &host, const ClientLimits &limits,
                           bool mayCommand, QObject *parent)
    : QObject(parent), m_ws(socket), m_tcp(tcp), m_host(host), m_limits(limits), m_mayCommand(mayCommand)
{
    m_ws->setParent(this);
    m_rateTimer.setSingleShot(true);
    m_rateTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_rateTimer, &QTimer::timeout, this, &ServerClient::flush);
    connect(m_ws, &QWebSocket::bytesWritten, this, [this] {
        if (m_statePending || m_linkPending || m_soundPending) {
            flush();
        }
    });
    connect(m_ws, &QWebSocket::pong, this, [this] { m_awaitingPong = false; });
    connect(m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        onMessage();
        if (!m_finished) {
            m_host.clientCommand(this, message);
        }
    });
    connect(m_ws, &QWebSocket::binaryMessageReceived, this, &ServerClient::onMessage);
    connect(m_ws, &QWebSocket::disconnected, this, &ServerClient::onDisconnected);
    m_commandWindow.start();
}

ServerClient::~ServerClient()
{
    // No finished() from a socket closing under us; QWebSocket leaves its QTcpSocket to whoever owns it
    // (the QTcpServer): free it with the client.
    m_finished = true;
    disconnect(m_ws, nullptr, this, nullptr);
    delete m_ws;
    if (m_tcp) {
        m_tcp->deleteLater();
    }
}

void ServerClient::greet(const QString &hello)
{
    send(hello);
    const QString state = m_host.stateFrame();
    if (state.isEmpty()) {
        send(m_host.linkFrame());
        return;
    }
    send(state);
    ++m_host.stats().statesSent;
    m_lastState.start();
}

void ServerClient::notifyState()
{
    if (m_statePending) {
        ++m_host.stats().statesSkipped; // the pending one is superseded before it was sent
    }
    m_statePending = true;
    flush();
}

void ServerClient::notifyLink()
{
    m_linkPending = true;
    flush();
}

void ServerClient::notifySound()
{
    m_soundPending = true;
    flush();
}

void ServerClient::sendTransient(const QString &frame)
{
    if (m_finished || m_ws->state() != QAbstractSocket::ConnectedState ||
        m_ws->bytesToWrite() > m_limits.maxBufferedBytes) {
        return;
    }
    send(frame);
}

bool ServerClient::pingTick()
{
    if (m_finished) {
        return false;
    }
    if (m_awaitingPong) {
        qCInfo(lcServer) << "dropping" << m_ws->peerAddress().toString() << "- no pong to the last ping";
        ++m_host.stats().clientsDropped;
        m_ws->abort();
        return false;
    }
    m_awaitingPong = true;
    m_ws->ping();
    return true;
}

qint64 ServerClient::bytesBuffered() const
{
    return m_ws->bytesToWrite();
}

void ServerClient::closeWith(int closeCode, const QString &reason)
{
    m_ws->close(static_cast<QWebSocketProtocol::CloseCode>(closeCode), reason);
}

void ServerClient::flush()
{
    if (m_finished || m_ws->state() != QAbstractSocket::ConnectedState) {
        return;
    }
    // Over the cap nothing is written; bytesWritten brings us back with only the newest values pending.
    if (m_ws->bytesToWrite() > m_limits.maxBufferedBytes) {
        return;
    }
    if (m_linkPending) {
        m_linkPending = false;
        send(m_host.linkFrame());
    }
    if (m_soundPending) {
        m_soundPending = false;
        send(m_host.soundFrame());
    }
    if (!m_statePending) {
        return;
    }
    if (m_lastState.isValid()) {
        const qint64 waitNs = m_limits.minStateIntervalNs - m_lastState.nsecsElapsed();
        if (waitNs > 0) {
            if (!m_rateTimer.isActive()) {
                m_rateTimer.start(static_cast<int>(std::ceil(static_cast<double>(waitNs) / 1e6)));
            }
            return;
        }
    }
    m_statePending = false;
    const QString frame = m_host.stateFrame();
    if (!frame.isEmpty()) {
        send(frame);
        ++m_host.stats().statesSent;
        m_lastState.start();
    }
}

void ServerClient::send(const QString &frame)
{
    m_ws->sendTextMessage(frame);
    ++m_host.stats().messagesSent;
}

void ServerClient::onMessage()
{
    if (m_finished) {
        return; // already closed: the rest of a flood must not count or close again
    }
    if (m_commandWindow.elapsed() >= 1000) {
        m_commandWindow.start();
        m_commandsInWindow = 0;
    }
    if (++m_commandsInWindow > m_limits.maxCommandsPerSecond) {
        qCInfo(lcServer) << "closing" << m_ws->peerAddress().toString() << "- too many messages";
        ++m_host.stats().clientsDropped;
        closeWith(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too many messages"));
        onDisconnected();
    }
}

void ServerClient::onDisconnected()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_rateTimer.stop();
    if (m_ws->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData) {
        ++m_host.stats().clientsDropped;
    }
    Q_EMIT finished(this);
}

} // namespace omni
