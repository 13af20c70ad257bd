// SPDX-License-Identifier: MIT
#include "remote/remoteconnection.h"

#include "omni/statejson.h"

#include <algorithm>

namespace omni {

namespace {

constexpr qint64 kClockJumpNs = 2'000'000'000;
constexpr qint64 kMaxWatchdogMs = 24LL * 3600 * 1000; // a QTimer takes an int; a day is patience enough

LinkInfo freshLink(const QString &displayUrl)
{
    LinkInfo l;
    l.layout = Layout::Remote;
    l.source = displayUrl;
    return l;
}

} // namespace

RemoteConnection::RemoteConnection(const RemoteSourceOptions &options, QString displayUrl, Clock clock,
                                   WallClock wallClock)
    : m_options(options), m_displayUrl(std::move(displayUrl)), m_clock(std::move(clock)),
      m_wallClock(std::move(wallClock)), m_link(freshLink(m_displayUrl))
{
}

RemoteAction RemoteConnection::start()
{
    if (m_running) {
        return RemoteAction::None;
    }
    m_running = true;
    m_failures = 0;
    m_attempts = 0;
    linkDown(QStringLiteral("connecting to %1").arg(m_displayUrl));
    setNetwork(NetworkStatus::Connecting, QString());
    return beginAttempt();
}

void RemoteConnection::stop()
{
    m_running = false;
    m_retryAt = -1;
    endAttempt();
    linkDown(QStringLiteral("disconnected from %1").arg(m_displayUrl));
    setNetwork(NetworkStatus::Idle, QString());
}

void RemoteConnection::reset(QString displayUrl)
{
    m_displayUrl = std::move(displayUrl);
    m_haveState = false;
    m_rateHz = 0.0;
    m_link = freshLink(m_displayUrl);
    m_serverLink = m_link;
}

RemoteAction RemoteConnection::beginAttempt()
{
    m_helloSeen = false;
    m_pendingFailure = false;
    m_clockOffsetNs.reset();
    ++m_attempts;
    m_attemptActive = true;
    m_lastActivityMs = m_clock();
    // The silence check also ends an attempt that hangs in the TCP or WebSocket handshake, or before hello.
    m_nextPingAt = m_lastActivityMs + m_options.pingInterval.count();
    return RemoteAction::Open;
}

void RemoteConnection::endAttempt()
{
    m_attemptActive = false;
    m_helloSeen = false; // a late message of a closed attempt is no news from the server
    m_nextPingAt = -1;
}

void RemoteConnection::onSocketOpen()
{
    m_lastActivityMs = m_clock();
}

void RemoteConnection::onMessage()
{
    m_lastActivityMs = m_clock();
}

void RemoteConnection::onPong()
{
    // A server that answers pings but never says hello is no server.
    if (m_helloSeen) {
        m_lastActivityMs = m_clock();
    }
}

void RemoteConnection::onSocketError(int httpStatus, const QString &why)
{
    if (httpStatus == 401 || httpStatus == 403) {
        m_pendingFailure = true;
        setNetwork(NetworkStatus::TokenRefused, QStringLiteral("HTTP %1").arg(httpStatus));
    } else if (!m_pendingFailure) {
        m_networkDetail = why;
    }
}

bool RemoteConnection::onSocketClosed(const QString &why)
{
    if (!m_running || m_retryAt >= 0) {
        return false; // already counted for this attempt
    }
    endAttempt();
    const bool wasConnected = m_network == NetworkStatus::Connected;
    if (!why.isEmpty()) {
        m_networkDetail = why;
    }
    linkDown(wasConnected ? QStringLiteral("connection to %1 lost").arg(m_displayUrl)
                          : QStringLiteral("cannot reach %1").arg(m_displayUrl));
    if (m_pendingFailure) {
        scheduleRetry(true); // token refused or wrong schema: the status says so already; knock slowly
        return true;
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
    return true;
}

void RemoteConnection::scheduleRetry(bool slow)
{
    qint64 delay = m_options.maxBackoff.count();
    if (!slow) {
        delay =
            std::min<qint64>(m_options.maxBackoff.count(), m_options.minBackoff.count() << std::min(m_failures, 20));
    }
    ++m_failures;
    m_retryAt = m_clock() + std::max<qint64>(delay, 1);
}

bool RemoteConnection::onHello(int schema, const QString &serverVersion)
{
    if (schema != json::kSchemaVersion) {
        m_pendingFailure = true;
        setNetwork(NetworkStatus::Incompatible, QStringLiteral("server %1 speaks schema %2; this build reads schema %3")
                                                    .arg(serverVersion)
                                                    .arg(schema)
                                                    .arg(json::kSchemaVersion));
        return false;
    }
    m_helloSeen = true;
    m_failures = 0;
    setNetwork(NetworkStatus::Connected, QString());
    linkDown(QStringLiteral("connected to %1; waiting for its first state").arg(m_displayUrl));
    return true;
}

void RemoteConnection::onLink(const LinkInfo &serverLink)
{
    if (!m_helloSeen) {
        return;
    }
    takeServerLink(serverLink);
    if (m_serverLink.status == LinkStatus::Live && m_overdueAt < 0 && !m_stateOverdue) {
        m_overdueAt = m_clock() + staleTimeoutMs(); // "live" must bring states
    }
    showServerLink();
}

qint64 RemoteConnection::onState(const LinkInfo &serverLink, double rateHz, qint64 ageMs, qint64 publishUnixNs)
{
    if (!m_helloSeen) {
        return publishUnixNs;
    }
    takeServerLink(serverLink);
    m_rateHz = rateHz;
    // Like the web page: the state's age when the server sent it counts, so a "live" that comes with an old
    // state is never shown live.
    const qint64 left = staleTimeoutMs() - std::max<qint64>(ageMs, 0);
    const bool live = m_serverLink.status == LinkStatus::Live;
    m_stateOverdue = live && left <= 0;
    m_overdueAt = live && left > 0 ? m_clock() + left : -1;
    m_haveState = true;
    showServerLink();
    return localPublishTime(publishUnixNs, ageMs);
}

RemoteAction RemoteConnection::tick()
{
    const qint64 now = m_clock();
    if (m_overdueAt >= 0 && now >= m_overdueAt) {
        m_overdueAt = -1;
        if (m_network == NetworkStatus::Connected) {
            m_stateOverdue = true;
            showServerLink();
        }
    }
    if (m_running && m_retryAt >= 0 && now >= m_retryAt) {
        m_retryAt = -1;
        return beginAttempt();
    }
    if (!m_attemptActive || m_nextPingAt < 0 || now < m_nextPingAt) {
        return RemoteAction::None;
    }
    m_nextPingAt = now + m_options.pingInterval.count();
    // Before hello only messages count; after it, pongs too.
    if (now - m_lastActivityMs > m_options.silenceTimeout.count()) {
        m_networkDetail = QStringLiteral("no answer for %1 s").arg(m_options.silenceTimeout.count() / 1000.0);
        onSocketClosed();
        return RemoteAction::Abort;
    }
    return RemoteAction::Ping;
}

qint64 RemoteConnection::staleTimeoutMs() const
{
    const qint64 floorMs = m_options.staleAfter.count();
    // Three publish periods: a robot publishing slower than 1.2 Hz is not stale between two states.
    const double periodsMs = m_rateHz > 0.0 ? 3000.0 / m_rateHz : 0.0;
    return std::max(floorMs, static_cast<qint64>(std::min(periodsMs, static_cast<double>(kMaxWatchdogMs))));
}

qint64 RemoteConnection::msUntilRetry() const
{
    return m_retryAt >= 0 ? std::max<qint64>(0, m_retryAt - m_clock()) : -1;
}

qint64 RemoteConnection::msUntilNextTick() const
{
    qint64 next = -1;
    for (const qint64 at : {m_retryAt, m_nextPingAt, m_overdueAt}) {
        if (at >= 0 && (next < 0 || at < next)) {
            next = at;
        }
    }
    return next < 0 ? -1 : std::max<qint64>(0, next - m_clock());
}

void RemoteConnection::takeServerLink(const LinkInfo &serverLink)
{
    m_serverLink = serverLink;
    m_serverLink.source = m_displayUrl;
    if (serverLink.status != LinkStatus::Live) {
        // The server's own word is at least as bad as the watchdog's: show it.
        m_overdueAt = -1;
        m_stateOverdue = false;
    }
}

void RemoteConnection::showServerLink()
{
    m_link = m_serverLink;
    if (m_stateOverdue && m_serverLink.status == LinkStatus::Live) {
        m_link.status = m_haveState ? LinkStatus::Stale : LinkStatus::Waiting;
        m_link.detail = QStringLiteral("no new state from %1 for %2 s; it last said live")
                            .arg(m_displayUrl)
                            .arg(static_cast<double>(staleTimeoutMs()) / 1000.0);
    }
}

void RemoteConnection::linkDown(const QString &why)
{
    m_overdueAt = -1;
    m_stateOverdue = false;
    LinkInfo l = freshLink(m_displayUrl);
    l.status = m_haveState ? LinkStatus::Stale : LinkStatus::Waiting;
    l.detail = why;
    m_link = l;
}

void RemoteConnection::setNetwork(NetworkStatus status, const QString &detail)
{
    m_network = status;
    m_networkDetail = detail;
}

qint64 RemoteConnection::localPublishTime(qint64 publishUnixNs, qint64 ageMs)
{
    if (publishUnixNs <= 0) {
        return publishUnixNs;
    }
    // The robot's clock (a Pi without RTC) may be far from ours. Estimate the offset as the smallest observed
    // (local receive - server send), i.e. the fastest delivery, and start over on clock jumps.
    const qint64 nowNs = m_wallClock() * 1'000'000;
    const qint64 sentNs = publishUnixNs + std::max<qint64>(ageMs, 0) * 1'000'000;
    const qint64 observed = nowNs - sentNs;
    if (!m_clockOffsetNs || observed < *m_clockOffsetNs || observed - *m_clockOffsetNs > kClockJumpNs) {
        m_clockOffsetNs = observed;
    }
    return publishUnixNs + *m_clockOffsetNs;
}

} // namespace omni
