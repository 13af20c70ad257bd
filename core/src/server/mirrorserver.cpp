// SPDX-License-Identifier: MIT
// Sockets and lifecycle of the mirror server: accept, peek the request head, answer or hand the socket to
// a non-listening QWebSocketServer (one port for HTTP and WebSocket); and the public MirrorServer.
#include "server/mirrorserver_p.h"

#include "omni/foxglove.h"
#include "omni/hub.h"
#include "omni/statejson.h"
#include "server/logging.h"
#include "server/serversocket.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUuid>
#include <QWebSocketServer>

#include <algorithm>

#include <unistd.h>

namespace omni {

namespace {
ConnectionAdmission::Clock::time_point now()
{
    return ConnectionAdmission::Clock::now();
}
ConnectionAdmission::Id idOf(const QTcpSocket *s)
{
    return reinterpret_cast<ConnectionAdmission::Id>(s);
}
/// The socket of an admission handle, if it is still one of `connections` (a scan, only when making room: the
/// handle is never cast back to a pointer).
template <typename Connections> QTcpSocket *socketOf(const Connections &connections, ConnectionAdmission::Id id)
{
    const auto it =
        std::find_if(connections.keyBegin(), connections.keyEnd(), [id](const QTcpSocket *s) { return idOf(s) == id; });
    return it == connections.keyEnd() ? nullptr : *it;
}
} // namespace

MirrorServerPrivate::MirrorServerPrivate(MirrorServer *server, Hub *hub, MirrorServerOptions options)
    : q(server), m_hub(hub), m_options(std::move(options)), m_files(m_options.resourceRoot),
      m_allowedHosts(HostAllowList::machineNames() + m_options.allowedHosts),
      m_admission({m_options.maxUnfinishedConnections, m_options.maxUnfinishedPerAddress,
                   m_options.evictUnfinishedAfter, m_options.capLoopbackPerAddress})
{
    m_foxSessionId = m_options.foxgloveSessionId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                                           : m_options.foxgloveSessionId;
    if (!m_options.token.isEmpty()) {
        m_tokenHash = QCryptographicHash::hash(m_options.token.toUtf8(), QCryptographicHash::Sha256);
    }
}

bool MirrorServerPrivate::listen()
{
    close();
    m_tcp = new QTcpServer(q); // it only listens: the Acceptor accepts (see onAccepted())
    if (!m_tcp->listen(m_options.address, m_options.port)) {
        MirrorServer::Error e = MirrorServer::Error::Other;
        switch (m_tcp->serverError()) {
        case QAbstractSocket::AddressInUseError:
            e = MirrorServer::Error::AddressInUse;
            break;
        case QAbstractSocket::SocketAddressNotAvailableError:
            e = MirrorServer::Error::AddressNotAvailable;
            break;
        case QAbstractSocket::SocketAccessError:
            e = MirrorServer::Error::PermissionDenied;
            break;
        default:
            break;
        }
        const QString text = QStringLiteral("cannot listen on %1 port %2: %3")
                                 .arg(m_options.address.toString())
                                 .arg(m_options.port)
                                 .arg(m_tcp->errorString());
        delete m_tcp;
        m_tcp = nullptr;
        setError(e, text);
        return false;
    }
    // We accept, not QTcpServer: it spins when out of descriptors (see Acceptor). Its notifier must be off first.
    m_tcp->pauseAccepting();
    http::Response busy = http::textResponse(503, "the server is out of connections; try again shortly");
    busy.with("Retry-After", "5");
    Acceptor::Hooks hooks;
    hooks.accepted = [this](qintptr fd) { onAccepted(fd); };
    hooks.makeRoom = [this] { return makeRoom(); };
    hooks.shed = [this] {
        ++m_stats.connectionsDropped;
        ++m_responses[503];
    };
    m_acceptor = std::make_unique<Acceptor>(m_tcp->socketDescriptor(), serialized(busy, false), std::move(hooks));
    m_wss = new QWebSocketServer(m_options.serverName, QWebSocketServer::NonSecureMode, q);
    m_wss->setSupportedSubprotocols(foxglove::subprotocols()); // the one a client offers is its protocol
    QObject::connect(m_wss, &QWebSocketServer::newConnection, q, [this] { onWebSocketConnection(); });
    m_uptime.start();
    m_error = MirrorServer::Error::None;
    m_errorString.clear();
    if (m_files.size() == 0) {
        qCWarning(lcServer) << "no embedded web files under" << m_options.resourceRoot << "- the page answers 404";
    }
    qCInfo(lcServer) << "listening on" << m_options.address.toString() << "port" << m_tcp->serverPort();
    return true;
}

void MirrorServerPrivate::close(bool notify)
{
    m_pingTimer.stop();
    // Clients first: their TCP sockets are children of m_tcp.
    const auto clients = std::exchange(m_clients, {});
    for (ServerClient *c : clients) {
        delete c;
    }
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        QObject::disconnect(it->readConnection);
        QObject::disconnect(it->closeConnection);
        m_admission.remove(idOf(it.key()));
    }
    m_connections.clear();
    m_handoffs = 0;
    m_acceptor.reset(); // before the socket it watches
    delete m_wss;
    m_wss = nullptr;
    delete m_tcp;
    m_tcp = nullptr;
    if (notify && !clients.isEmpty()) {
        Q_EMIT q->clientCountChanged(0);
    }
}

void MirrorServerPrivate::onAccepted(qintptr fd)
{
    // A child of m_tcp, as QTcpServer's own sockets are: close() deletes clients before it.
    // A ServerSocket: the 101 that QWebSocketServer writes itself gets the security headers too (handOff()).
    auto *s = new ServerSocket(m_tcp);
    if (!s->setSocketDescriptor(fd)) {
        ::close(static_cast<int>(fd));
        delete s;
        return;
    }
    const QHostAddress peer = s->peerAddress();
    const ConnectionAdmission::Decision admission = m_admission.decide(peer, now());
    const char *const which = admission.perAddress ? "from its address" : "in all";
    if (admission.kind == ConnectionAdmission::Decision::Kind::Refuse) {
        ++m_stats.connectionsDropped;
        qCDebug(lcServer) << "dropping a connection from" << peer.toString() << "- too many unfinished requests"
                          << which << "and none stalled";
        s->abort();
        s->deleteLater();
        return;
    }
    if (admission.kind == ConnectionAdmission::Decision::Kind::Replace) {
        if (QTcpSocket *victim = socketOf(m_connections, admission.victim)) {
            qCDebug(lcServer) << "closing the most stalled unfinished connection, from"
                              << victim->peerAddress().toString() << "- too many unfinished requests" << which;
            evict(victim);
        }
    }
    s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Bounds what Qt buffers for us while the head is incomplete; the parser answers 431 past the cap.
    s->setReadBufferSize(m_options.maxRequestHeadBytes + m_options.maxRequestBodyBytes + 1);
    Connection c;
    c.timer = new QTimer(s);
    c.timer->setSingleShot(true);
    QObject::connect(c.timer, &QTimer::timeout, q, [this, s] { onRequestTimeout(s); });
    c.readConnection = QObject::connect(s, &QTcpSocket::readyRead, q, [this, s] { onReadyRead(s); });
    c.closeConnection = QObject::connect(s, &QTcpSocket::disconnected, q, [this, s] {
        forget(s);
        s->deleteLater();
    });
    // The head has its own, shorter deadline: a connection that sends nothing useful is let go early.
    c.timer->start(std::min(m_options.headTimeout, m_options.requestTimeout));
    c.open.start();
    m_connections.insert(s, c);
    m_admission.add(idOf(s), peer, now());
    if (s->bytesAvailable() > 0) {
        onReadyRead(s);
    }
}

void MirrorServerPrivate::onReadyRead(QTcpSocket *s)
{
    const auto it = m_connections.find(s);
    if (it == m_connections.end() || it->handedOff) {
        return;
    }
    if (it->responding || it->saving) {
        s->skip(s->bytesAvailable()); // the answer is out (or on its way); ignore whatever else the peer sends
        return;
    }
    // Peek, never read: a WebSocket upgrade must find its handshake still in the socket.
    const QByteArray data = s->peek(m_options.maxRequestHeadBytes + m_options.maxRequestBodyBytes + 1);
    m_admission.progressed(idOf(s), data.size(), now());
    http::Limits limits;
    limits.maxHeadBytes = m_options.maxRequestHeadBytes;
    const http::ParseOutcome parsed = http::parseRequestHead(data, limits);
    if (parsed.status == http::ParseOutcome::Status::Incomplete) {
        return;
    }
    if (parsed.status == http::ParseOutcome::Status::Error) {
        qCDebug(lcServer) << "bad request from" << s->peerAddress().toString() << ":" << parsed.error;
        respond(s, http::textResponse(parsed.errorStatus, parsed.error), false);
        return;
    }
    const http::Request &request = parsed.request;
    const qint64 length = request.contentLength.value_or(0);
    if (length > m_options.maxRequestBodyBytes) {
        respond(s, http::textResponse(413, "the request body is too large"), false);
        return;
    }
    if (data.size() < parsed.headBytes + length) {
        if (!it->headDone) {
            // The body may take the rest of the whole request's deadline.
            it->headDone = true;
            it->timer->start(std::max<qint64>(0, m_options.requestTimeout.count() - it->open.elapsed()));
        }
        return; // the body is still on its way
    }
    Routed routed = route(request, QByteArrayView(data).sliced(parsed.headBytes, length));
    if (routed.deferSave) {
        s->skip(s->bytesAvailable());
        startSave(s, routed.saveSeconds);
        return;
    }
    if (!routed.upgrade) {
        respond(s, routed.response, routed.headOnly);
        return;
    }
    if (data.size() > parsed.headBytes) {
        // RFC 6455: a client waits for the handshake answer before sending frames.
        respond(s, http::textResponse(400, "data was sent before the WebSocket handshake completed"), false);
        return;
    }
    bool crossOrigin = false;
    if (const auto refused = admit(s, request, crossOrigin)) {
        respond(s, *refused, false);
        return;
    }
    handOff(s, routed.mayCommand, crossOrigin);
}

void MirrorServerPrivate::onRequestTimeout(QTcpSocket *s)
{
    const auto it = m_connections.constFind(s);
    if (it == m_connections.cend()) {
        return;
    }
    if (it->saving) {
        m_connections[s].saving = false; // the save goes on; its file appears in the list when done
        respond(s, http::textResponse(503, "still saving; the file appears in GET /api/recordings when it is done"),
                false);
        return;
    }
    ++m_stats.connectionsDropped;
    if (it->responding || it->handedOff || s->bytesAvailable() == 0) {
        // A peer that does not take its answer, a handshake that never finished, or an idle connection.
        qCDebug(lcServer) << "closing an unfinished connection from" << s->peerAddress().toString();
        s->abort();
        return;
    }
    respond(s, http::textResponse(408, "the request was not completed in time"), false);
}

bool MirrorServerPrivate::makeRoom()
{
    const auto stalest = m_admission.stalest(now());
    QTcpSocket *victim = stalest ? socketOf(m_connections, *stalest) : nullptr;
    if (victim == nullptr) {
        return false;
    }
    qCDebug(lcServer) << "out of descriptors: closing the most stalled unfinished connection, from"
                      << victim->peerAddress().toString();
    evict(victim); // abort() closes its descriptor at once
    return true;
}

void MirrorServerPrivate::evict(QTcpSocket *s)
{
    ++m_stats.connectionsDropped;
    forget(s);
    s->abort();
    s->deleteLater();
}

void MirrorServerPrivate::forget(QTcpSocket *s)
{
    const auto it = m_connections.constFind(s);
    if (it == m_connections.cend()) {
        return;
    }
    if (it->handedOff) {
        --m_handoffs;
    }
    m_admission.remove(idOf(s));
    m_connections.erase(it);
}

void MirrorServerPrivate::respond(QTcpSocket *s, const http::Response &response, bool headOnly)
{
    const auto it = m_connections.find(s);
    if (it == m_connections.end()) {
        return;
    }
    ++m_responses[response.status];
    s->write(serialized(response, headOnly));
    m_admission.settle(idOf(s));
    it->responding = true;
    it->timer->start(m_options.requestTimeout); // now a deadline for the peer to take the answer
    s->disconnectFromHost();                    // may emit disconnected (and forget s) right here
}

QByteArray MirrorServerPrivate::serialized(const http::Response &response, bool headOnly) const
{
    http::Response r = response;
    r.headers.append(http::securityHeaders());
    return http::serialize(r, m_options.serverName.toUtf8(), headOnly);
}

void MirrorServerPrivate::handOff(QTcpSocket *s, bool mayCommand, bool crossOrigin)
{
    const auto it = m_connections.find(s);
    if (it == m_connections.end()) {
        return;
    }
    // Disconnect our readyRead first: handleConnection() re-emits it, and our slot must not run again.
    QObject::disconnect(it->readConnection);
    // Connected before QWebSocket's slot, so that the client's frame headers are read before Qt acts on them (Qt
    // 6.4 answers pings itself, without a signal, and obeys unmasked frames).
    QObject::connect(s, &QTcpSocket::readyRead, q, [this, s] { inspectIncoming(s); });
    it->handedOff = true;
    it->mayCommand = mayCommand;
    it->crossOrigin = crossOrigin;
    m_admission.settle(idOf(s));
    it->timer->start(m_options.requestTimeout); // QWebSocketServer has no handshake timeout for handed sockets
    ++m_handoffs;
    if (auto *socket = qobject_cast<ServerSocket *>(s)) {
        QByteArray lines; // Qt's 101 (or its refusal) gets the headers every response has
        for (const auto &h : http::securityHeaders()) {
            lines.append(h.first).append(": ").append(h.second).append("\r\n");
        }
        socket->addHeadersToNextResponse(lines);
    }
    s->setReadBufferSize(0);
    m_wss->handleConnection(s);
}

void MirrorServerPrivate::setError(MirrorServer::Error error, const QString &text)
{
    m_error = error;
    m_errorString = text;
    qCWarning(lcServer).noquote() << text;
    Q_EMIT q->errorOccurred(error);
}

// ---------------------------------------------------------------------------------------------------------

MirrorServer::MirrorServer(Hub *hub, MirrorServerOptions options, QObject *parent)
    : QObject(parent), d(std::make_unique<MirrorServerPrivate>(this, hub, std::move(options)))
{
    d->m_pingTimer.setInterval(d->m_options.pingInterval);
    connect(&d->m_pingTimer, &QTimer::timeout, this, [this] { d->pingClients(); });
    connect(hub, &Hub::stateChanged, this, [this] {
        d->m_stateCacheValid = false; // serialised again only when a client sends it
        d->m_foxStateFramesValid = false;
        const auto clients = d->m_clients;
        for (ServerClient *c : clients) {
            c->notifyState();
        }
    });
    connect(hub, &Hub::linkChanged, this, [this] {
        d->m_stateCacheValid = false; // a state message carries the link
        d->m_foxStateFramesValid = false;
        d->m_linkCache.clear();
        d->foxgloveLinkChanged();
        const auto clients = d->m_clients;
        for (ServerClient *c : clients) {
            c->notifyLink();
        }
    });
    const auto soundChanged = [this] {
        d->m_soundCache.clear();
        const auto clients = d->m_clients;
        for (ServerClient *c : clients) {
            c->notifySound();
        }
    };
    connect(hub, &Hub::soundEnabledChanged, this, soundChanged);
    connect(hub, &Hub::soundOutputChanged, this, soundChanged);
    connect(hub, &Hub::soundPlayed, this, [this](const QString &cue, const QString &sample) {
        const QString frame = QString::fromUtf8(json::cueMessage(cue, sample)); // once for every client
        const auto clients = d->m_clients;
        for (ServerClient *c : clients) {
            c->sendTransient(frame);
        }
    });
}

void MirrorServer::publishEvent(const omni::Event &event)
{
    const QByteArray json = json::eventMessage(event); // once for every client, of either protocol
    d->rememberEvent(json);
    const QString frame = QString::fromUtf8(json);
    const auto logTimeNs = static_cast<quint64>(std::max<qint64>(0, event.wallNs));
    const auto clients = d->m_clients;
    for (ServerClient *c : clients) {
        if (c->foxgloveSession() != nullptr) {
            c->sendTransientMessage(foxglove::ChannelId::Events, logTimeNs, json); // subscribers of /robot/events
        } else {
            c->sendTransient(frame);
        }
    }
}

void MirrorServer::setRecordings(RecordingsApi *recordings)
{
    d->m_recordings = recordings;
}

void MirrorServer::setExtraMetrics(std::function<QByteArray()> provider)
{
    d->m_extraMetrics = std::move(provider);
}

void MirrorServer::setApiRoute(const QByteArray &path, const std::function<QByteArray()> &provider)
{
    if (provider) {
        d->m_apiRoutes.insert(path, provider);
    } else {
        d->m_apiRoutes.remove(path);
    }
}

void MirrorServer::setSounds(const QList<ServedSound> &sounds)
{
    QHash<QString, QByteArray> files;
    for (const ServedSound &s : sounds) {
        if (!s.name.isEmpty() && !s.name.contains(QLatin1Char('/'))) {
            files.insert(s.name, s.body);
        }
    }
    d->m_files.replaceUnder(QByteArrayLiteral("/sounds/"), files);
}

MirrorServer::~MirrorServer()
{
    d->close(false);
}

Result<void, MirrorServer::Error> MirrorServer::listen()
{
    if (d->listen()) {
        return {};
    }
    return fail(d->m_error, d->m_errorString);
}

void MirrorServer::close()
{
    d->close();
}

bool MirrorServer::isListening() const
{
    return d->m_tcp != nullptr && d->m_tcp->isListening();
}

quint16 MirrorServer::port() const
{
    return isListening() ? d->m_tcp->serverPort() : 0;
}

const MirrorServerOptions &MirrorServer::options() const
{
    return d->m_options;
}

MirrorServer::Error MirrorServer::error() const
{
    return d->m_error;
}

QString MirrorServer::errorString() const
{
    return d->m_errorString;
}

int MirrorServer::clientCount() const
{
    return static_cast<int>(d->m_clients.size());
}

int MirrorServer::unfinishedConnections() const
{
    return static_cast<int>(d->m_connections.size());
}

qint64 MirrorServer::bytesBuffered() const
{
    qint64 total = 0;
    for (const ServerClient *c : d->m_clients) {
        total += c->bytesBuffered();
    }
    return total;
}

MirrorServerStats MirrorServer::stats() const
{
    MirrorServerStats s = d->m_stats;
    s.statesSerialised = d->m_hub->statesSerialised();
    return s;
}

} // namespace omni
