// SPDX-License-Identifier: MIT
#include "omni/remotesource.h"

#include "omni/clock.h"
#include "omni/statejson.h"
#include "remote/logging.h"
#include "remote/remoteconnection.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <limits>

namespace omni {

namespace {

qint64 monotonicMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

// The wall clock only puts the server's t_publish_ms on ours (docs/protocol.md, Clocks).
qint64 wallMs()
{
    return Clock::system().wallNs() / 1'000'000;
}

// QWebSocket reports a refused upgrade only as text: "... Unhandled http status code: 401 (Unauthorized)."
int httpStatusOf(const QString &errorString)
{
    static const QRegularExpression re(QStringLiteral("status code: (\\d{3})"));
    const auto m = re.match(errorString);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace

RemoteSource::RemoteSource(RemoteSourceOptions options, QObject *parent)
    : StateSource(parent), m_options(std::move(options)), m_timer(new QTimer(this)), m_displayUrl(redact(m_options.url))
{
    qRegisterMetaType<omni::NetworkStatus>();
    m_connection = std::make_unique<RemoteConnection>(m_options, m_displayUrl, &monotonicMs, &wallMs);
    m_shownLink = m_connection->link();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RemoteSource::onTick);
}

RemoteSource::~RemoteSource()
{
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        delete m_socket;
    }
}

QString RemoteSource::redact(const QUrl &url)
{
    QUrl u = url;
    u.setUserInfo(QString());
    QUrlQuery q(u);
    if (q.hasQueryItem(QStringLiteral("token"))) {
        q.removeAllQueryItems(QStringLiteral("token"));
        u.setQuery(q.isEmpty() ? QString() : q.query());
    }
    return u.toString();
}

qint64 RemoteSource::staleTimeoutMs() const
{
    return m_connection->staleTimeoutMs();
}

LinkInfo RemoteSource::link() const
{
    return m_shownLink;
}

NetworkStatus RemoteSource::networkStatus() const
{
    return m_shownNetwork;
}

QString RemoteSource::networkDetail() const
{
    return m_connection->networkDetail();
}

qint64 RemoteSource::msUntilRetry() const
{
    return m_connection->msUntilRetry();
}

int RemoteSource::attempts() const
{
    return m_connection->attempts();
}

void RemoteSource::start()
{
    if (m_connection->start() == RemoteAction::Open) {
        openSocket();
    }
    publish();
}

void RemoteSource::stop()
{
    m_connection->stop();
    dropSocket();
    publish();
}

void RemoteSource::setUrl(const QUrl &url)
{
    const bool wasRunning = m_connection->running();
    stop();
    m_options.url = url;
    m_displayUrl = redact(url);
    m_connection->reset(m_displayUrl);
    m_upstreamSource.clear();
    m_serverVersion.clear();
    m_serverSchema = 0;
    m_serverSound.reset();
    m_shownLink = m_connection->link();
    Q_EMIT linkChanged(m_shownLink);
    if (wasRunning) {
        start();
    }
}

void RemoteSource::dropSocket()
{
    if (!m_socket) {
        return;
    }
    disconnect(m_socket, nullptr, this, nullptr); // that attempt is over: no late signals from it
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void RemoteSource::openSocket()
{
    dropSocket();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(m_options.maxMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(m_options.maxMessageBytes));
    connect(m_socket, &QWebSocket::connected, this, &RemoteSource::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &RemoteSource::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &RemoteSource::onError);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RemoteSource::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &RemoteSource::onBinary);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_connection->onPong(); });
    qCDebug(lcRemote) << "connecting to" << m_displayUrl << "attempt" << m_connection->attempts();
    m_socket->open(m_options.url);
}

void RemoteSource::onConnected()
{
    m_connection->onSocketOpen();
}

void RemoteSource::onError()
{
    const QString why = m_socket ? m_socket->errorString() : QString();
    qCInfo(lcRemote) << m_displayUrl << why;
    m_connection->onSocketError(httpStatusOf(why), why);
    publish();
    // Not every failure is followed by disconnected(): finish the attempt once the event settles.
    QTimer::singleShot(0, this, [this, socket = m_socket] {
        if (socket == m_socket && m_socket && m_socket->state() == QAbstractSocket::UnconnectedState) {
            onDisconnected();
        }
    });
}

void RemoteSource::onDisconnected()
{
    // Qt refuses to buffer a message over maxMessageBytes and closes the connection.
    const bool tooLarge = m_socket && m_socket->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData;
    const QString why =
        tooLarge ? QStringLiteral("the server sent a message larger than %1 bytes").arg(m_options.maxMessageBytes)
                 : QString();
    if (!m_connection->onSocketClosed(why)) {
        return; // already handled for this attempt
    }
    if (tooLarge) {
        reject(QStringLiteral("message larger than %1 bytes").arg(m_options.maxMessageBytes));
    }
    publish();
}

void RemoteSource::onTick()
{
    const bool wasOverdue = m_connection->stateOverdue();
    switch (m_connection->tick()) {
    case RemoteAction::None:
        break;
    case RemoteAction::Open:
        openSocket();
        break;
    case RemoteAction::Ping:
        if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
            m_socket->ping();
        }
        break;
    case RemoteAction::Abort:
        qCInfo(lcRemote) << m_displayUrl << m_connection->networkDetail();
        dropSocket();
        break;
    }
    if (!wasOverdue && m_connection->stateOverdue()) {
        qCInfo(lcRemote) << m_displayUrl << "no new state for" << m_connection->staleTimeoutMs()
                         << "ms: the robot reads stale here";
    }
    publish();
}

void RemoteSource::reject(const QString &why)
{
    ++m_malformed;
    // Rate-limited: a hostile server must not flood the log either.
    if (m_malformed <= 10 || (m_malformed % 1000) == 0) {
        qCWarning(lcRemote) << "dropped message" << m_malformed << "from" << m_displayUrl << ":" << why;
    }
    Q_EMIT malformedMessage(why);
}

void RemoteSource::onBinary(const QByteArray &bytes)
{
    m_connection->onMessage();
    reject(QStringLiteral("binary message of %1 bytes").arg(bytes.size()));
}

void RemoteSource::onText(const QString &text)
{
    m_connection->onMessage();
    const auto m = json::parse(text.toUtf8());
    if (!m) {
        reject(m.errorString());
        return;
    }
    handle(*m);
}

void RemoteSource::handle(const json::Message &m)
{
    if (m.type == json::Message::Type::Hello) {
        m_serverVersion = m.serverVersion;
        m_serverSchema = m.schema;
        if (!m_connection->onHello(m.schema, m.serverVersion)) {
            m_socket->close();
            publish();
            return;
        }
        m_serverSound = m.soundEnabled;
        publish();
        Q_EMIT soundChanged(m.soundEnabled);
        return;
    }
    if (!m_connection->helloSeen()) {
        reject(QStringLiteral("message before hello"));
        return;
    }
    switch (m.type) {
    case json::Message::Type::Sound:
        m_serverSound = m.soundEnabled;
        Q_EMIT soundChanged(m.soundEnabled);
        return;
    case json::Message::Type::Link:
        m_upstreamSource = m.link.source;
        m_connection->onLink(m.link);
        publish();
        return;
    case json::Message::Type::State: {
        m_upstreamSource = m.link.source;
        RobotState s = m.state;
        s.layout = Layout::Remote;
        s.publishUnixNs = m_connection->onState(m.link, m.extras.rateHz, m.extras.ageMs, s.publishUnixNs);
        // Ages and rates count on our monotonic clock: the state was as old as the server said when it arrived.
        s.publishMonoNs = Clock::system().monotonicNs() - std::max<qint64>(m.extras.ageMs, 0) * 1'000'000;
        publish();
        Q_EMIT stateReceived(s);
        return;
    }
    case json::Message::Type::Hello:
    case json::Message::Type::Cue:   // the robot's machine plays a sound: this computer clucks on its own schedule
    case json::Message::Type::Event: // this computer derives its own events from the states it gets
        return;
    }
}

bool RemoteSource::requestSound(bool enabled)
{
    if (m_shownNetwork != NetworkStatus::Connected || !m_socket || m_serverSound == enabled) {
        return false;
    }
    m_socket->sendTextMessage(QString::fromUtf8(json::soundMessage(enabled)));
    return true;
}

void RemoteSource::publish()
{
    // The robot's link first: whoever hears that the network went down finds the link already down with it.
    if (m_connection->link() != m_shownLink) {
        m_shownLink = m_connection->link();
        Q_EMIT linkChanged(m_shownLink);
    }
    if (m_connection->network() != m_shownNetwork) {
        m_shownNetwork = m_connection->network();
        qCInfo(lcRemote) << m_displayUrl << "network" << static_cast<int>(m_shownNetwork)
                         << m_connection->networkDetail();
        Q_EMIT networkChanged(m_shownNetwork);
    }
    const qint64 next = m_connection->msUntilNextTick();
    if (next < 0) {
        m_timer->stop();
    } else {
        m_timer->start(static_cast<int>(std::min<qint64>(next, std::numeric_limits<int>::max())));
    }
}

} // namespace omni
