// SPDX-License-Identifier: MIT
#pragma once

#include "omni/mqtttopics.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>
#include <thread>

namespace omni::mqtt {

class ClientShared;

/// How an MqttClient connects. The defaults are the product's; tests shorten the backoff.
struct ClientOptions {
    Broker broker;             ///< where
    QString password;          ///< with broker.user; never from the command line
    QString caFile;            ///< mqtts: the CA that signed the broker's certificate (empty: system CAs)
    QString clientId;          ///< empty: the library makes one
    int keepaliveSeconds = 10; ///< the broker declares a silent client dead after 1.5 times this
    std::chrono::milliseconds minBackoff{500};   ///< first reconnect delay; doubles per failure
    std::chrono::milliseconds maxBackoff{10000}; ///< longest reconnect delay
    QByteArray willTopic;                        ///< the last will's topic (empty: none); retained, QoS 1
    QByteArray willPayload;                      ///< the last will's payload
    int maxPendingIncoming = 1000; ///< received messages waiting for the main thread; more are dropped and counted
    int maxPendingOutgoing = 256;  ///< messages handed to the library not yet written; more are refused and counted
    std::chrono::milliseconds stopTimeout{1500}; ///< how long the destructor waits for the goodbye and the thread
};

/// Where the connection to the broker stands.
enum class ClientStatus {
    Idle,        ///< not started
    Connecting,  ///< an attempt is under way
    Connected,   ///< the broker accepted us
    Unreachable, ///< no connection (refused, timed out, dropped, unknown host); retrying with backoff
    Refused,     ///< the broker refused the credentials or the client; retrying with backoff
    TlsFailed,   ///< the TLS handshake failed (certificate not trusted or not for this host); retrying
};

/// The stable lower-case name of a status ("connected", "unreachable", ...), as /metrics and /api/fleet say it.
QString statusName(ClientStatus status);

/// Counters of one client.
struct ClientStats {
    quint64 connects = 0;        ///< successful connections so far
    quint64 published = 0;       ///< messages handed to the library
    quint64 refusedOutgoing = 0; ///< publish() refused: not connected, or maxPendingOutgoing reached
    quint64 received = 0;        ///< messages received and handed to the main thread
    quint64 droppedIncoming = 0; ///< messages dropped because maxPendingIncoming were waiting
};

/// An MQTT 3.1.1 client on libmosquitto, in its own thread (docs/FLEET.md says why). The thread connects,
/// reconnects with exponential backoff and runs the network loop; everything it reports reaches this object
/// through queued calls, so the object and its signals live in the thread that made it. Nothing here blocks
/// that thread on the network: publish() only queues (bounded), and the destructor waits at most
/// ClientOptions::stopTimeout for a clean goodbye.
class Client : public QObject
{
    Q_OBJECT
public:
    /// A client for `options`; nothing connects before start().
    explicit Client(ClientOptions options, QObject *parent = nullptr);
    /// Says goodbye (setGoodbye()), disconnects cleanly, and stops the thread (waiting at most stopTimeout).
    ~Client() override;

    /// Starts the thread: connect, and keep connecting.
    void start();
    /// A retained QoS 1 message published before a clean disconnect (the destructor): "offline" instead of
    /// the last will, which the broker sends only when the connection dies.
    void setGoodbye(const QByteArray &topic, const QByteArray &payload);
    /// Subscribes to `filter` now (when connected) and after every reconnect.
    void subscribe(const QByteArray &filter, int qos = 0);
    /// Queues a message; false (and counted) when not connected or when maxPendingOutgoing are waiting.
    bool publish(const QByteArray &topic, const QByteArray &payload, int qos, bool retain);

    /// Where the connection stands.
    [[nodiscard]] ClientStatus status() const { return m_status; }
    /// Why the last attempt failed, in English with the facts; empty when connected.
    [[nodiscard]] QString errorString() const { return m_error; }
    /// Counters so far.
    [[nodiscard]] ClientStats stats() const;
    /// The options in force.
    [[nodiscard]] const ClientOptions &options() const { return m_options; }

Q_SIGNALS:
    /// The status changed; `detail` says why for a failure (English).
    void statusChanged(omni::mqtt::ClientStatus status, const QString &detail);
    /// Connected (again): publish what is retained, the latest state.
    void connected();
    /// A message arrived on a subscribed topic.
    void messageReceived(const QByteArray &topic, const QByteArray &payload);

private:
    friend class ClientShared;
    void onStatus(ClientStatus status, const QString &detail);

    ClientOptions m_options;
    ClientStatus m_status = ClientStatus::Idle;
    QString m_error;
    std::shared_ptr<ClientShared> m_shared;
    std::thread m_thread;
};

} // namespace omni::mqtt
