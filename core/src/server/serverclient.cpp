// SPDX-License-Identifier: MIT
#include "server/serverclient.h"

#include "omni/mirrorserver.h"
#include "server/logging.h"

#include <QHostAddress>
#include <QRandomGenerator>
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
        if (!enforceQueueCap() && (m_statePending || m_linkPending || m_soundPending)) {
            flush();
        }
    });
    // Only the pong that echoes our last ping proves the peer reads; a blind or repeated pong does not.
    connect(m_ws, &QWebSocket::pong, this, [this](quint64, const QByteArray &payload) {
        if (!m_pingPayload.isEmpty() && payload == m_pingPayload) {
            m_awaitingPong = false;
            m_pingPayload.clear();
        }
    });
    connect(m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        onMessage();
        if (!m_finished) {
            m_host.clientCommand(this, message);
        }
    });
    connect(m_ws, &QWebSocket::binaryMessageReceived, this, &ServerClient::onMessage);
    connect(m_ws, &QWebSocket::disconnected, this, &ServerClient::onDisconnected);
    m_commandWindow.start();
    m_incomingWindow.start();
    if (m_tcp) {
        // Connected after QWebSocket's own readyRead slot, so this runs after Qt took what it could: what is left
        // was scanned already. Pongs Qt wrote meanwhile count against the queue cap here.
        connect(m_tcp, &QTcpSocket::readyRead, this, [this] {
            m_scannedBuffered = m_tcp ? m_tcp->bytesAvailable() : 0;
            enforceQueueCap();
        });
    }
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
    inspectIncoming(); // frames that came with the handshake, not yet taken by Qt
    if (m_finished) {
        return;
    }
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
    if (readyToSend()) {
        send(frame);
    }
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
    const quint64 nonce = QRandomGenerator::global()->generate64();
    m_pingPayload = QByteArray(reinterpret_cast<const char *>(&nonce), sizeof nonce);
    m_ws->ping(m_pingPayload);
    return !enforceQueueCap();
}

qint64 ServerClient::bytesBuffered() const
{
    return m_ws->bytesToWrite();
}

void ServerClient::closeWith(int closeCode, const QString &reason)
{
    m_ws->close(static_cast<QWebSocketProtocol::CloseCode>(closeCode), reason);
}

QTcpSocket *ServerClient::tcpSocket() const
{
    return m_tcp;
}

QHostAddress ServerClient::peerAddress() const
{
    return m_ws->peerAddress();
}

void ServerClient::inspectIncoming()
{
    if (m_finished || !m_tcp) {
        return;
    }
    const qint64 buffered = m_tcp->bytesAvailable();
    if (buffered <= m_scannedBuffered) {
        m_scannedBuffered = buffered;
        return;
    }
    const QByteArray fresh = m_tcp->peek(buffered).sliced(m_scannedBuffered);
    m_scannedBuffered = buffered;
    const FrameScan scan = m_scanner.feed(fresh);
    if (scan.unmasked) {
        drop(ClientCloseReason::Unmasked, QWebSocketProtocol::CloseCodeProtocolError,
             QStringLiteral("client frames must be masked"));
        return;
    }
    if (m_incomingWindow.elapsed() >= 1000) {
        m_incomingWindow.start();
        m_bytesInWindow = 0;
        m_controlInWindow = 0;
    }
    m_bytesInWindow += scan.bytes;
    m_controlInWindow += scan.controlFrames;
    if (m_controlInWindow > m_limits.maxControlFramesPerSecond) {
        drop(ClientCloseReason::Rate, QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too many pings"));
    } else if (m_bytesInWindow > m_limits.maxIncomingBytesPerSecond) {
        drop(ClientCloseReason::Rate, QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too many bytes"));
    }
}

void ServerClient::drop(ClientCloseReason reason, int closeCode, const QString &why)
{
    if (m_finished) {
        return;
    }
    qCInfo(lcServer) << "closing" << m_ws->peerAddress().toString() << "-" << why;
    ++m_host.stats().clientsDropped;
    Q_EMIT closedByServer(reason);
    // A close frame if the kernel takes it now; then a reset, so that nothing more is buffered or read (the rest
    // of a flood is discarded before Qt would answer it).
    closeWith(closeCode, why);
    m_ws->abort();
    onDisconnected();
}

bool ServerClient::enforceQueueCap()
{
    if (m_finished || m_ws->bytesToWrite() <= m_limits.maxQueuedBytes) {
        return false;
    }
    drop(ClientCloseReason::QueueFull, QWebSocketProtocol::CloseCodePolicyViolated,
         QStringLiteral("%1 bytes queued and not read").arg(m_ws->bytesToWrite()));
    return true;
}

bool ServerClient::readyToSend() const
{
    return !m_finished && m_ws->state() == QAbstractSocket::ConnectedState &&
           m_ws->bytesToWrite() <= m_limits.maxBufferedBytes;
}

void ServerClient::flush()
{
    // Over the cap nothing is written; bytesWritten brings us back with only the newest values pending.
    if (!readyToSend()) {
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
    enforceQueueCap();
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
        Q_EMIT closedByServer(ClientCloseReason::Rate);
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
