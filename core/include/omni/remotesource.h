// SPDX-License-Identifier: MIT
#pragma once

#include "omni/statejson.h"
#include "omni/statesource.h"

#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

class QTimer;
class QWebSocket;

namespace omni {

class RemoteConnection;

/// The network link to a remote omniscient, apart from the robot's own link behind it.
enum class NetworkStatus {
    Idle,         ///< not started
    Connecting,   ///< first attempt under way
    Connected,    ///< the server said hello with a schema this build reads
    Unreachable,  ///< no connection (refused, timed out, dropped, host unknown); retrying
    TokenRefused, ///< the server answered the upgrade with HTTP 401/403: wrong or missing token; retrying slowly
    Incompatible, ///< the server speaks another message schema; retrying slowly
};

/// Options of a RemoteSource.
struct RemoteSourceOptions {
    QUrl url;                                       ///< ws://HOST:PORT/ws, token in the query when needed
    std::chrono::milliseconds minBackoff{250};      ///< first reconnect delay; doubles per failure
    std::chrono::milliseconds maxBackoff{5000};     ///< longest reconnect delay
    std::chrono::milliseconds pingInterval{2000};   ///< WebSocket ping period while connected
    std::chrono::milliseconds silenceTimeout{6000}; ///< no message and no pong for this long: the link is dead
    /// No new state for max(staleAfter, 3 / rate_hz): the robot's link reads Stale here, whatever the server
    /// last said (a server or network gone quiet); the network link is judged apart. As the web page does.
    std::chrono::milliseconds staleAfter{2500};
    /// Larger messages close the connection (Qt enforces it while receiving); json::parse takes no more either.
    qint64 maxMessageBytes = json::kMaxMessageBytes;
};

/// Shows a remote robot: a StateSource over another omniscient's WebSocket stream (docs/protocol.md).
/// Parses every message with json::parse and trusts none: malformed or binary messages are dropped and
/// counted; a message over maxMessageBytes is counted too and ends the connection (Qt does not buffer it).
/// Reconnects by itself with exponential backoff, keeps the network link apart from the robot's link,
/// mirrors the server's sound switch and can change it.
/// While the network is down the robot's link reads Stale (with a state) or Waiting (without): never live;
/// nor while connected when no new state came for the stale timeout (see RemoteSourceOptions::staleAfter).
class RemoteSource : public StateSource
{
    Q_OBJECT
public:
    /// A source for `options.url`; call start() to connect.
    explicit RemoteSource(RemoteSourceOptions options, QObject *parent = nullptr);
    ~RemoteSource() override;

    void start() override;
    /// Closes the connection and stops retrying. start() connects again.
    void stop();
    /// Connects to another server (restarts when running).
    void setUrl(const QUrl &url);

    [[nodiscard]] LinkInfo link() const override;
    /// The network link.
    [[nodiscard]] NetworkStatus networkStatus() const;
    /// Facts about the last network problem, in English (e.g. "HTTP 401", a socket error), or empty.
    [[nodiscard]] QString networkDetail() const;
    /// The URL connected to.
    [[nodiscard]] const QUrl &url() const { return m_options.url; }
    /// The URL with any token or password removed, fit to show and log (made once per URL).
    [[nodiscard]] const QString &displayUrl() const { return m_displayUrl; }
    /// How long the robot's link may read live without a new state, in ms, at the last state's rate.
    [[nodiscard]] qint64 staleTimeoutMs() const;
    /// Where the server itself reads the robot from (e.g. "shm:omnigod"), empty until known.
    [[nodiscard]] QString upstreamSource() const { return m_upstreamSource; }
    /// The server's version from its hello, empty until known.
    [[nodiscard]] QString serverVersion() const { return m_serverVersion; }
    /// The server's schema from its hello, 0 until known.
    [[nodiscard]] int serverSchema() const { return m_serverSchema; }
    /// The server's sound switch, once it said.
    [[nodiscard]] std::optional<bool> serverSound() const { return m_serverSound; }
    /// Messages dropped because they were malformed, binary, unknown or too large.
    [[nodiscard]] quint64 malformedCount() const { return m_malformed; }
    /// Milliseconds until the next connection attempt, or -1 when none is planned.
    [[nodiscard]] qint64 msUntilRetry() const;
    /// Connection attempts since start().
    [[nodiscard]] int attempts() const;

    /// Strips user info and a `token` query item from `url` for display.
    static QString redact(const QUrl &url);

public Q_SLOTS:
    /// Asks the server to switch the robot's sound. Sent only while connected and when it differs from
    /// the server's switch; the server answers with a sound message to everyone. False when not sent.
    bool requestSound(bool enabled);

Q_SIGNALS:
    /// The network link changed.
    void networkChanged(omni::NetworkStatus status);
    /// The server's sound switch is known or changed (hello or sound message).
    void soundChanged(bool enabled);
    /// A message was dropped; `why` is English, for logs.
    void malformedMessage(const QString &why);

private:
    void onConnected();
    void onDisconnected();
    void onError();
    void onText(const QString &text);
    void onBinary(const QByteArray &bytes);
    void onTick();
    void openSocket();
    void dropSocket(); ///< aborts and forgets the socket, if any, without hearing from it again
    void handle(const json::Message &m);
    void reject(const QString &why);
    void publish();

    RemoteSourceOptions m_options;
    std::unique_ptr<RemoteConnection> m_connection; ///< the rules; this class only carries them out
    QWebSocket *m_socket = nullptr;
    QTimer *m_timer; ///< single shot, armed for the connection's next tick (retry, ping, stale watchdog)
    QString m_displayUrl;
    NetworkStatus m_shownNetwork = NetworkStatus::Idle; ///< as last signalled
    LinkInfo m_shownLink;                               ///< as last signalled
    QString m_upstreamSource;
    QString m_serverVersion;
    int m_serverSchema = 0;
    std::optional<bool> m_serverSound;
    quint64 m_malformed = 0;
};

} // namespace omni

Q_DECLARE_METATYPE(omni::NetworkStatus)
