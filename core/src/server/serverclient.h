// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QTcpSocket;
class QWebSocket;

namespace omni {

struct MirrorServerStats;
class ServerClient;

/// What a client needs from its server: the shared, lazily built frames, the counters and the commands.
class ClientHost
{
public:
    virtual ~ClientHost() = default;
    /// The latest state message, built at most once per state and link change; empty before any state.
    virtual QString stateFrame() = 0;
    /// The current link message.
    virtual QString linkFrame() = 0;
    /// The current sound message.
    virtual QString soundFrame() = 0;
    /// A text message from `client`.
    virtual void clientCommand(ServerClient *client, const QString &message) = 0;
    /// Counters the client updates.
    virtual MirrorServerStats &stats() = 0;
};

/// Per-client bounds.
struct ClientLimits {
    qint64 minStateIntervalNs = 0;               ///< 1 / max rate
    qint64 maxBufferedBytes = qint64{64} * 1024; ///< above this, nothing is written until the socket drains
    int maxCommandsPerSecond = 20;               ///< more incoming messages per second close the client
};

/// One WebSocket client. Holds no queue: only "the newest state / link / sound is pending" flags, so a
/// slow or rate-capped client gets the newest value when it can take one, and memory stays bounded.
class ServerClient : public QObject
{
    Q_OBJECT
public:
    /// Takes ownership of `socket`; `tcp` is its underlying socket (owned by the QTcpServer, deleted with us).
    ServerClient(QWebSocket *socket, QTcpSocket *tcp, ClientHost &host, const ClientLimits &limits, bool mayCommand,
                 QObject *parent = nullptr);
    ~ServerClient() override;

    /// Sends `hello`, then the latest state at once (or the link when there is no state yet).
    void greet(const QString &hello);
    /// A new state exists: send it now, or as soon as the rate cap and the socket allow.
    void notifyState();
    /// The link changed.
    void notifyLink();
    /// The sound switch changed.
    void notifySound();
    /// Sends a message that is only worth anything now (a `cue`): dropped, not queued, for a client that is
    /// behind.
    void sendTransient(const QString &frame);
    /// Called every ping interval: drops the client if the previous ping got no pong (returns false),
    /// otherwise pings.
    bool pingTick();
    /// Bytes waiting in this client's socket.
    [[nodiscard]] qint64 bytesBuffered() const;
    /// Whether commands from this client (sound switch) are accepted: same origin or a valid token.
    [[nodiscard]] bool mayCommand() const { return m_mayCommand; }
    /// Closes the connection with a WebSocket close code (see QWebSocketProtocol::CloseCode).
    void closeWith(int closeCode, const QString &reason);

Q_SIGNALS:
    /// The connection ended; the server deletes the client.
    void finished(omni::ServerClient *client);

private:
    void flush();
    void send(const QString &frame);
    void onMessage();
    void onDisconnected();

    QWebSocket *m_ws;
    QPointer<QTcpSocket> m_tcp;
    ClientHost &m_host;
    ClientLimits m_limits;
    bool m_mayCommand;
    bool m_statePending = false;
    bool m_linkPending = false;
    bool m_soundPending = false;
    bool m_awaitingPong = false;
    bool m_finished = false;
    QElapsedTimer m_lastState;
    QTimer m_rateTimer;
    QElapsedTimer m_commandWindow;
    int m_commandsInWindow = 0;
};

} // namespace omni
