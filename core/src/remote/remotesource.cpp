// SPDX-License-Identifier: MIT
#include "omni/remotesource.h"

#include "omni/statejson.h"
#include "remote/logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

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

// QWebSocket reports a refused upgrade only as text: "... Unhandled http status code: 401 (Unauthorized)."
int httpStatusOf(const QString &errorString)
{
    static const QRegularExpression re(QStringLiteral("status code: (\\d{3})"));
    const auto m = re.match(errorString);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

constexpr qint64 kClockJumpNs = 2'000'000'000;
constexpr qint64 kMaxWatchdogMs = 24LL * 3600 * 1000; // a QTimer takes an int; a day is patience enough

} // namespace

RemoteSource::RemoteSource(RemoteSourceOptions options, QObject *parent)
    : StateSource(parent), m_options(std::move(options)), m_retry(new QTimer(this)), m_ping(new QTimer(this)),
      m_stateWatchdog(new QTimer(this)), m_displayUrl(redact(m_options.url))
{
    qRegisterMetaType<omni::NetworkStatus>();
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &RemoteSource::connectNow);
    m_ping->setInterval(m_options.pingInterval);
    connect(m_ping, &QTimer::timeout, this, &RemoteSource::onPingTimer);
    m_stateWatchdog->setSingleShot(true);
    connect(m_stateWatchdog, &QTimer::timeout, this, &RemoteSource::onStateOverdue);
    m_link.layout = Layout::Remote;
    m_link.source = m_displayUrl;
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
    const qint64 floorMs = m_options.staleAfter.count();
    // Three publish periods: a robot publishing slower than 1.2 Hz is not stale between two states.
    const double periodsMs = m_rateHz > 0.0 ? 3000.0 / m_rateHz : 0.0;
    return std::max(floorMs, static_cast<qint64>(std::min(periodsMs, static_cast<double>(kMaxWatchdogMs))));
}

LinkInfo RemoteSource::link() const
{
    return m_link;
}

qint64 RemoteSource::msUntilRetry() const
{
    return m_retry->isActive() ? m_retry->remainingTime() : -1;
}

void RemoteSource::start()
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_failures = 0;
    m_attempts = 0;
    linkDown(QStringLiteral("connecting to %1").arg(m_displayUrl));
    setNetwork(NetworkStatus::Connecting, QString());
    connectNow();
}

void RemoteSource::stop()
{
    m_running = false;
    m_retry->stop();
    m_ping->stop();
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    linkDown(QStringLiteral("disconnected from %1").arg(m_displayUrl));
    setNetwork(NetworkStatus::Idle, QString());
}

void RemoteSource::setUrl(const QUrl &url)
{
    const bool wasRunning = m_running;
    stop();
    m_options.url = url;
    m_displayUrl = redact(url);
    m_haveState = false;
    m_rateHz = 0.0;
    m_upstreamSource.clear();
    m_serverVersion.clear();
    m_serverSchema = 0;
    m_serverSound.reset();
    m_link = LinkInfo{};
    m_link.layout = Layout::Remote;
    m_link.source = m_displayUrl;
    m_serverLink = m_link;
    Q_EMIT linkChanged(m_link);
    if (wasRunning) {
        start();
    }
}

void RemoteSource::connectNow()
{
    if (!m_running) {
        return;
    }
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_helloSeen = false;
    m_pendingFailure = false;
    m_clockOffsetNs.reset();
    ++m_attempts;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(m_options.maxMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(m_options.maxMessageBytes));
    connect(m_socket, &QWebSocket::connected, this, &RemoteSource::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &RemoteSource::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &RemoteSource::onError);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RemoteSource::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &RemoteSource::onBinary);
    connect(m_socket, &QWebSocket::pong, this, [this] {
        if (m_helloSeen) {
            m_lastActivityMs = monotonicMs();
        }
    });
    qCDebug(lcRemote) << "connecting to" << m_displayUrl << "attempt" << m_attempts;
    m_lastActivityMs = monotonicMs();
    m_ping->start(); // also ends an attempt that hangs in the TCP or WebSocket handshake, or before hello
    m_socket->open(m_options.url);
}

void RemoteSource::onConnected()
{
    m_lastActivityMs = monotonicMs();
}

void RemoteSource::onError()
{
    const QString why = m_socket ? m_socket->errorString() : QString();
    const int http = httpStatusOf(why);
    qCInfo(lcRemote) << m_displayUrl << why;
    if (http == 401 || http == 403) {
        m_pendingFailure = true;
        setNetwork(NetworkStatus::TokenRefused, QStringLiteral("HTTP %1").arg(http));
    } else if (!m_pendingFailure) {
        m_networkDetail = why;
    }
    // Not every failure is followed by disconnected(): finish the attempt once the event settles.
    QTimer::singleShot(0, this, [this, socket = m_socket] {
        if (socket == m_socket && m_socket && m_socket->state() == QAbstractSocket::UnconnectedState) {
            onDisconnected();
        }
    });
}

void RemoteSource::onDisconnected()
{
    if (!m_running || m_retry->isActive()) {
        return; // already handled for this attempt
    }
    m_ping->stop();
    const bool wasConnected = m_network == NetworkStatus::Connected;
    if (m_socket && m_socket->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData) {
        // Qt refused to buffer a message over maxMessageBytes and closed the connection.
        reject(QStringLiteral("message larger than %1 bytes").arg(m_options.maxMessageBytes));
        m_networkDetail =
            QStringLiteral("the server sent a message larger than %1 bytes").arg(m_options.maxMessageBytes);
    }
    linkDown(wasConnected ? QStringLiteral("connection to %1 lost").arg(m_displayUrl)
                          : QStringLiteral("cannot reach %1").arg(m_displayUrl));
    if (m_pendingFailure) {
        scheduleRetry(true); // token refused or wrong schema: status already set; knock slowly
        return;
    }
    QString detail = m_networkDetail;
    if (detail.isEmpty()) {
        detail = wasConnected ? QStringLiteral("connection lost") : QStringLiteral("no connection");
    }
    setNetwork(NetworkStatus::Unreachable, detail);
    if (wasConnected) {
        m_failures = 0; // a dropped link is tried again at once
    }
    scheduleRetry(false);
}

void RemoteSource::scheduleRetry(bool slow)
{
    qint64 delay = m_options.maxBackoff.count();
    if (!slow) {
        delay =
            std::min<qint64>(m_options.maxBackoff.count(), m_options.minBackoff.count() << std::min(m_failures, 20));
    }
    ++m_failures;
    m_retry->start(static_cast<int>(std::max<qint64>(delay, 1)));
}

void RemoteSource::onPingTimer()
{
    if (!m_socket) {
        return;
    }
    // Before hello only messages count (a server that answers pings but never says hello is no server);
    // after it, pongs count too.
    if (monotonicMs() - m_lastActivityMs > m_options.silenceTimeout.count()) {
        m_networkDetail = QStringLiteral("no answer for %1 s").arg(m_options.silenceTimeout.count() / 1000.0);
        qCInfo(lcRemote) << m_displayUrl << m_networkDetail;
        disconnect(m_socket, nullptr, this, nullptr); // this attempt is over: no late signals from it
        m_socket->abort();
        onDisconnected();
        return;
    }
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->ping();
    }
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
    m_lastActivityMs = monotonicMs();
    reject(QStringLiteral("binary message of %1 bytes").arg(bytes.size()));
}

void RemoteSource::onText(const QString &text)
{
    m_lastActivityMs = monotonicMs();
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
        if (m.schema != json::kSchemaVersion) {
            m_pendingFailure = true;
            setNetwork(NetworkStatus::Incompatible,
                       QStringLiteral("server %1 speaks schema %2; this build reads schema %3")
                           .arg(m.serverVersion)
                           .arg(m.schema)
                           .arg(json::kSchemaVersion));
            m_socket->close();
            return;
        }
        m_helloSeen = true;
        m_failures = 0;
        setNetwork(NetworkStatus::Connected, QString());
        linkDown(QStringLiteral("connected to %1; waiting for its first state").arg(m_displayUrl));
        m_serverSound = m.soundEnabled;
        Q_EMIT soundChanged(m.soundEnabled);
        return;
    }
    if (!m_helloSeen) {
        reject(QStringLiteral("message before hello"));
        return;
    }
    switch (m.type) {
    case json::Message::Type::Sound:
        m_serverSound = m.soundEnabled;
        Q_EMIT soundChanged(m.soundEnabled);
        return;
    case json::Message::Type::Link:
        takeServerLink(m.link);
        if (m_serverLink.status == LinkStatus::Live && !m_stateWatchdog->isActive() && !m_stateOverdue) {
            m_stateWatchdog->start(static_cast<int>(staleTimeoutMs())); // "live" must bring states
        }
        setLink(shownLink());
        return;
    case json::Message::Type::State: {
        takeServerLink(m.link);
        m_rateHz = m.extras.rateHz;
        // Like the web page: the state's age when the server sent it counts, so a "live" that comes with an
        // old state is never shown live.
        const qint64 left = staleTimeoutMs() - std::max<qint64>(m.extras.ageMs, 0);
        m_stateOverdue = m_serverLink.status == LinkStatus::Live && left <= 0;
        if (m_serverLink.status == LinkStatus::Live && left > 0) {
            m_stateWatchdog->start(static_cast<int>(left));
        }
        m_haveState = true;
        setLink(shownLink());
        RobotState s = m.state;
        s.layout = Layout::Remote;
        s.publishUnixNs = rebase(s.publishUnixNs, m.extras.ageMs);
        Q_EMIT stateReceived(s);
        return;
    }
    case json::Message::Type::Hello:
        return;
    }
}

void RemoteSource::takeServerLink(const LinkInfo &link)
{
    m_upstreamSource = link.source;
    m_serverLink = link;
    m_serverLink.source = m_displayUrl;
    if (link.status != LinkStatus::Live) {
        // The server's own word is at least as bad as the watchdog's: show it.
        m_stateWatchdog->stop();
        m_stateOverdue = false;
    }
}

LinkInfo RemoteSource::shownLink() const
{
    if (!m_stateOverdue || m_serverLink.status != LinkStatus::Live) {
        return m_serverLink;
    }
    LinkInfo l = m_serverLink;
    l.status = m_haveState ? LinkStatus::Stale : LinkStatus::Waiting;
    l.detail = QStringLiteral("no new state from %1 for %2 s; it last said live")
                   .arg(m_displayUrl)
                   .arg(static_cast<double>(staleTimeoutMs()) / 1000.0);
    return l;
}

void RemoteSource::onStateOverdue()
{
    if (m_network != NetworkStatus::Connected) {
        return; // linkDown() said it already
    }
    m_stateOverdue = true;
    qCInfo(lcRemote) << m_displayUrl << "no new state for" << staleTimeoutMs() << "ms: the robot reads stale here";
    setLink(shownLink());
}

qint64 RemoteSource::rebase(qint64 publishUnixNs, qint64 ageMs)
{
    if (publishUnixNs <= 0) {
        return publishUnixNs;
    }
    // The robot's clock (a Pi without RTC) may be far from ours. Estimate the offset as the smallest
    // observed (local receive - server send), i.e. the fastest delivery, and restart on clock jumps.
    const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    const qint64 sentNs = publishUnixNs + std::max<qint64>(ageMs, 0) * 1'000'000;
    const qint64 observed = nowNs - sentNs;
    if (!m_clockOffsetNs || observed < *m_clockOffsetNs || observed - *m_clockOffsetNs > kClockJumpNs) {
        m_clockOffsetNs = observed;
    }
    return publishUnixNs + *m_clockOffsetNs;
}

bool RemoteSource::requestSound(bool enabled)
{
    if (m_network != NetworkStatus::Connected || !m_socket || m_serverSound == enabled) {
        return false;
    }
    m_socket->sendTextMessage(QString::fromUtf8(json::soundMessage(enabled)));
    return true;
}

void RemoteSource::setNetwork(NetworkStatus status, const QString &detail)
{
    m_networkDetail = detail;
    if (status == m_network) {
        return;
    }
    m_network = status;
    qCInfo(lcRemote) << m_displayUrl << "network" << static_cast<int>(status) << detail;
    Q_EMIT networkChanged(status);
}

void RemoteSource::setLink(const LinkInfo &link)
{
    if (link == m_link) {
        return;
    }
    m_link = link;
    Q_EMIT linkChanged(link);
}

void RemoteSource::linkDown(const QString &why)
{
    m_stateWatchdog->stop();
    m_stateOverdue = false;
    LinkInfo l;
    l.status = m_haveState ? LinkStatus::Stale : LinkStatus::Waiting;
    l.detail = why;
    l.layout = Layout::Remote;
    l.source = m_displayUrl;
    setLink(l);
}

} // namespace omni
