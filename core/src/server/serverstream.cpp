// SPDX-License-Identifier: MIT
// The WebSocket side of the mirror server: taking over upgraded connections, the shared frames, pings and
// client commands.
#include "server/mirrorserver_p.h"

#include "omni/foxglove.h"
#include "omni/hub.h"
#include "omni/statejson.h"
#include "server/logging.h"

#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace omni {

void MirrorServerPrivate::onWebSocketConnection()
{
    while (m_wss && m_wss->hasPendingConnections()) {
        QWebSocket *ws = m_wss->nextPendingConnection();
        QTcpSocket *tcp = nullptr;
        bool mayCommand = false;
        bool crossOrigin = false;
        // The QWebSocket wraps one of our handed-off sockets: the same peer address and port.
        for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
            if (it->handedOff && it.key()->peerPort() == ws->peerPort() &&
                it.key()->peerAddress() == ws->peerAddress()) {
                tcp = it.key();
                mayCommand = it->mayCommand;
                crossOrigin = it->crossOrigin;
                QObject::disconnect(it->closeConnection);
                delete it->timer;
                forget(tcp); // no longer unfinished: out of the table and of the admission count
                break;
            }
        }
        if (tcp == nullptr) {
            qCWarning(lcServer) << "a WebSocket connection that was not handed over; closing it";
            ws->abort();
            ws->deleteLater();
            continue;
        }
#ifdef TCP_NOTSENT_LOWAT
        if (const int lowat = m_options.maxKernelUnsentBytes; lowat > 0) {
            const auto fd = static_cast<int>(tcp->socketDescriptor());
            if (::setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof lowat) != 0) {
                qCDebug(lcServer) << "TCP_NOTSENT_LOWAT not set:" << qt_error_string(errno);
            }
        }
#endif
        ws->setMaxAllowedIncomingFrameSize(static_cast<quint64>(m_options.maxIncomingMessageBytes));
        ws->setMaxAllowedIncomingMessageSize(static_cast<quint64>(m_options.maxIncomingMessageBytes));
        ClientLimits limits;
        limits.minStateIntervalNs = m_options.maxRateHz > 0 ? static_cast<qint64>(1e9 / m_options.maxRateHz) : 0;
        limits.maxBufferedBytes = m_options.maxBufferedBytesPerClient;
        limits.maxCommandsPerSecond = m_options.maxCommandsPerSecond;
        limits.maxQueuedBytes = m_options.maxQueuedBytesPerClient;
        limits.maxControlFramesPerSecond = m_options.maxControlFramesPerSecond;
        limits.maxIncomingBytesPerSecond = m_options.maxIncomingBytesPerSecond;
        auto *client = new ServerClient(ws, tcp, *this, limits, mayCommand, q);
        client->setCrossOrigin(crossOrigin);
        // QWebSocketServer accepted the subprotocol the client offered, if it was one of Foxglove's.
        const bool foxgloveClient = foxglove::isSubprotocol(ws->subprotocol());
        if (foxgloveClient) {
            foxglove::SessionLimits sessionLimits;
            sessionLimits.maxSubscriptions = m_options.maxFoxgloveSubscriptions;
            client->makeFoxglove(sessionLimits);
        }
        QObject::connect(client, &ServerClient::finished, q, [this](ServerClient *c) { removeClient(c); });
        QObject::connect(client, &ServerClient::closedByServer, q, [this](ClientCloseReason reason) {
            switch (reason) {
            case ClientCloseReason::QueueFull:
                ++m_stats.clientsClosedQueueFull;
                break;
            case ClientCloseReason::Rate:
                ++m_stats.clientsClosedRate;
                break;
            case ClientCloseReason::Unmasked:
                ++m_stats.clientsClosedUnmasked;
                break;
            }
        });
        m_clients.append(client);
        ++m_stats.clientsAccepted;
        qCInfo(lcServer).noquote() << (foxgloveClient ? "Foxglove client" : "client") << ws->peerAddress().toString()
                                   << "connected;" << m_clients.size() << "now";
        if (!m_pingTimer.isActive()) {
            m_pingTimer.start(m_options.pingInterval);
        }
        Q_EMIT q->clientCountChanged(static_cast<int>(m_clients.size()));
        client->greet(
            QString::fromUtf8(json::helloMessage(m_options.serverName, m_hub->soundEnabled(), m_hub->soundOutput())));
    }
}

void MirrorServerPrivate::inspectIncoming(QTcpSocket *tcp)
{
    for (ServerClient *c : std::as_const(m_clients)) {
        if (c->tcpSocket() == tcp) {
            c->inspectIncoming();
            return;
        }
    }
}

void MirrorServerPrivate::removeClient(ServerClient *client)
{
    if (!m_clients.removeOne(client)) {
        return;
    }
    client->deleteLater();
    qCInfo(lcServer) << "client left;" << m_clients.size() << "now";
    if (m_clients.isEmpty()) {
        m_pingTimer.stop();
    }
    Q_EMIT q->clientCountChanged(static_cast<int>(m_clients.size()));
}

void MirrorServerPrivate::pingClients()
{
    const auto clients = m_clients; // a client dropped here leaves the list
    for (ServerClient *c : clients) {
        c->pingTick();
    }
}

QString MirrorServerPrivate::stateFrame()
{
    if (!m_stateCacheValid) {
        // The hub serialises (once, for every consumer); the text API wants a QString, made once per state.
        m_stateCacheValid = true;
        m_stateCache = QString::fromUtf8(m_hub->stateJson());
    }
    return m_stateCache;
}

QString MirrorServerPrivate::linkFrame()
{
    if (m_linkCache.isEmpty()) {
        m_linkCache = QString::fromUtf8(json::linkMessage(m_hub->link()));
    }
    return m_linkCache;
}

QString MirrorServerPrivate::soundFrame()
{
    if (m_soundCache.isEmpty()) {
        m_soundCache = QString::fromUtf8(json::soundMessage(m_hub->soundEnabled(), m_hub->soundOutput()));
    }
    return m_soundCache;
}

void MirrorServerPrivate::clientCommand(ServerClient *client, const QString &message)
{
    if (client->foxgloveSession() != nullptr) {
        foxgloveCommand(client, message);
        return;
    }
    const auto enabled = json::parseSoundCommand(message.toUtf8());
    if (!enabled) {
        ++m_stats.commandsRefused;
        qCDebug(lcServer) << "ignoring a client message:" << enabled.errorString();
        return;
    }
    if (!applySound(*enabled, client->mayCommand())) {
        qCInfo(lcServer) << "refused a sound command from a client of another origin";
    }
}

} // namespace omni
