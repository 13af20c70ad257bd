// SPDX-License-Identifier: MIT
#pragma once

#include "omni/foxglovesession.h"
#include "server/framescanner.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <memory>

class QHostAddress;
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
    /// What a Foxglove client gets first: serverInfo, advertise, and the link's status when it is not live.
    virtual QList<QString> foxgloveGreeting() = 0;
    /// The newest state as a Foxglove MessageData frame for `subscriptionId` (the shared `state` JSON, log time its
    /// publish time), built once per state and subscription id for every client; empty before any state.
    virtual QByteArray foxgloveStateFrame(quint32 subscriptionId) = 0;
    /// The current `link` JSON and the time of the change, for the /robot/link channel.
    virtual QByteArray foxgloveLink(quint64 &logTimeNs) = 0;
    /// The status (or removeStatus) message of the current link.
    virtual QString foxgloveLinkStatus() = 0;
    /// A parameterValues message with the current values of `names` (no request id).
    virtual QString foxgloveParameters(const QStringList &names) = 0;
    /// Counters the client updates.
    virtual MirrorServerStats &stats() = 0;
};

/// Per-client bounds.
struct ClientLimits {
    qint64 minStateIntervalNs = 0;               ///< 1 / max rate
    qint64 maxBufferedBytes = qint64{64} * 1024; ///< above this, nothing is written until the socket drains
    int maxCommandsPerSecond = 20;               ///< more incoming messages per second close the client
    /// Bytes queued for the client by anyone (our messages, Qt's pongs, close frames): past this it is dropped.
    qint64 maxQueuedBytes = qint64{256} * 1024;
    int maxControlFramesPerSecond = 10;                   ///< more pings and pongs from the client per second close it
    qint64 maxIncomingBytesPerSecond = qint64{64} * 1024; ///< more bytes from the client per second close it
};

/// Why the server closed a client, for /metrics.
enum class ClientCloseReason {
    QueueFull, ///< more than ClientLimits::maxQueuedBytes waited for it
    Rate,      ///< too many messages, control frames or bytes per second
    Unmasked,  ///< it sent an unmasked frame (RFC 6455 5.1)
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
    /// Sends a message that is only worth anything now (a `cue`, an `event`): dropped, not queued, for a client
    /// that is behind. Not sent to Foxglove clients.
    void sendTransient(const QString &frame);

    /// Makes this a Foxglove client (before greet()): it speaks the Foxglove WebSocket protocol from then on.
    void makeFoxglove(foxglove::SessionLimits limits);
    /// The Foxglove session, or null for a client of omniscient's own protocol.
    [[nodiscard]] foxglove::Session *foxgloveSession() const { return m_foxglove.get(); }
    /// Foxglove: sends `payload` as a MessageData frame on each subscription to `channel` (none: nothing is sent),
    /// dropped for a client that is behind, as sendTransient(). For events.
    void sendTransientMessage(foxglove::ChannelId channel, quint64 logTimeNs, QByteArrayView payload);
    /// Foxglove: sends a binary frame (a Time frame) unless the client is behind.
    void sendTransientBinary(const QByteArray &frame);
    /// Sends a text message now (a Foxglove answer, status or serverInfo).
    void sendText(const QString &frame);
    /// Called every ping interval: drops the client if the previous ping got no pong (returns false),
    /// otherwise pings.
    bool pingTick();
    /// Bytes waiting in this client's socket.
    [[nodiscard]] qint64 bytesBuffered() const;
    /// Whether commands from this client (sound switch) are accepted: same origin or a valid token.
    [[nodiscard]] bool mayCommand() const { return m_mayCommand; }
    /// Closes the connection with a WebSocket close code (see QWebSocketProtocol::CloseCode).
    void closeWith(int closeCode, const QString &reason);
    /// Reads the frame headers that arrived since the last call, before QWebSocket processes them: the server
    /// calls it from a readyRead slot of the TCP socket connected before QWebSocket's own. Counts bytes and
    /// control frames against the rate limits and closes on an unmasked frame, before Qt answers a ping.
    void inspectIncoming();
    /// Whether it came from another site's page without a token (counted against that quota).
    [[nodiscard]] bool crossOrigin() const { return m_crossOrigin; }
    /// See crossOrigin().
    void setCrossOrigin(bool crossOrigin) { m_crossOrigin = crossOrigin; }
    /// The underlying TCP socket (null once it is gone).
    [[nodiscard]] QTcpSocket *tcpSocket() const;
    /// The peer's address, as the server counts clients per address.
    [[nodiscard]] QHostAddress peerAddress() const;

Q_SIGNALS:
    /// The connection ended; the server deletes the client.
    void finished(omni::ServerClient *client);
    /// The server closed the client for `reason` (finished() follows).
    void closedByServer(omni::ClientCloseReason reason);

private:
    void flush();
    /// Foxglove: the link's status, its message for /robot/link subscribers, and the link parameters' updates.
    void sendFoxgloveLink();
    void send(const QString &frame);
    void sendBinary(const QByteArray &frame);
    /// Foxglove: a MessageData frame per subscription to `channel`.
    void sendMessages(foxglove::ChannelId channel, quint64 logTimeNs, QByteArrayView payload);
    void onMessage();
    void onDisconnected();
    /// Closes at once (a close frame if the kernel takes it, then a reset) and counts why.
    void drop(ClientCloseReason reason, int closeCode, const QString &why);
    /// Drops the client when more than maxQueuedBytes wait for it, whoever queued them.
    bool enforceQueueCap();
    /// Whether the client may be sent something now: connected, open, and not more than maxBufferedBytes behind
    /// (over it, only the newest values wait: see flush()).
    [[nodiscard]] bool readyToSend() const;

    QWebSocket *m_ws;
    QPointer<QTcpSocket> m_tcp;
    std::unique_ptr<foxglove::Session> m_foxglove;
    ClientHost &m_host;
    ClientLimits m_limits;
    bool m_mayCommand;
    bool m_crossOrigin = false;
    bool m_statePending = false;
    bool m_linkPending = false;
    bool m_soundPending = false;
    bool m_awaitingPong = false;
    bool m_finished = false;
    QElapsedTimer m_lastState;
    QTimer m_rateTimer;
    QElapsedTimer m_commandWindow;
    int m_commandsInWindow = 0;
    QByteArray m_pingPayload; ///< the random payload of the last ping; only a pong echoing it counts
    FrameScanner m_scanner;
    qint64 m_scannedBuffered = 0; ///< bytes in the TCP read buffer already scanned (not yet taken by Qt)
    QElapsedTimer m_incomingWindow;
    qint64 m_bytesInWindow = 0;
    int m_controlInWindow = 0;
};

} // namespace omni
