// SPDX-License-Identifier: MIT
// The MQTT client's QObject in the Qt thread: it starts and stops the thread (clientthread.cpp) and queues for it.
#include "omni/mqttclient.h"

#include "mqtt/clientshared.h"
#include "mqtt/logging.h"

namespace omni::mqtt {

QString statusName(ClientStatus status)
{
    switch (status) {
    case ClientStatus::Idle:
        return QStringLiteral("idle");
    case ClientStatus::Connecting:
        return QStringLiteral("connecting");
    case ClientStatus::Connected:
        return QStringLiteral("connected");
    case ClientStatus::Unreachable:
        return QStringLiteral("unreachable");
    case ClientStatus::Refused:
        return QStringLiteral("refused");
    case ClientStatus::TlsFailed:
        return QStringLiteral("tls_failed");
    }
    return QStringLiteral("idle");
}

Client::Client(ClientOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); }); // not thread-safe: first from the Qt thread
    m_shared = std::make_shared<ClientShared>(this, m_options);
}

Client::~Client()
{
    if (m_thread.joinable()) {
        if (m_shared->stop(m_options.stopTimeout)) {
            m_thread.join();
        } else {
            qCWarning(lcMqtt) << "the MQTT thread did not stop in time (a slow host-name lookup?); leaving it";
            m_thread.detach(); // it owns a reference to what it uses
        }
    }
}

void Client::start()
{
    if (m_thread.joinable()) {
        return;
    }
    onStatus(ClientStatus::Connecting, {});
    m_thread = std::thread([shared = m_shared] { shared->run(); });
}

void Client::setGoodbye(const QByteArray &topic, const QByteArray &payload)
{
    std::string t = topic.toStdString();
    std::string p = payload.toStdString();
    std::lock_guard lock(m_shared->m_mutex);
    m_shared->m_goodbyeTopic = std::move(t);
    m_shared->m_goodbyePayload = std::move(p);
}

void Client::subscribe(const QByteArray &filter, int qos)
{
    {
        std::lock_guard lock(m_shared->m_mutex);
        m_shared->m_subscriptions.emplace_back(filter.toStdString(), qos);    // for every (re)connect
        m_shared->m_newSubscriptions.emplace_back(filter.toStdString(), qos); // now, if connected
    }
    m_shared->wake();
}

bool Client::publish(const QByteArray &topic, const QByteArray &payload, int qos, bool retain)
{
    ClientShared &s = *m_shared;
    if (!s.m_connected || s.m_pendingOut.load() >= m_options.maxPendingOutgoing) {
        ++s.m_refusedOutgoing;
        return false;
    }
    ClientShared::Outgoing message{topic.toStdString(), payload.toStdString(), qos, retain}; // copied outside the lock
    {
        std::lock_guard lock(s.m_mutex);
        s.m_outbox.push_back(std::move(message)); // the thread hands it to libmosquitto
    }
    ++s.m_pendingOut;
    ++s.m_published;
    s.wake();
    return true;
}

ClientStats Client::stats() const
{
    const ClientShared &s = *m_shared;
    return {s.m_connects.load(), s.m_published.load(), s.m_refusedOutgoing.load(), s.m_received.load(),
            s.m_droppedIncoming.load()};
}

void Client::onStatus(ClientStatus status, const QString &detail)
{
    if (status == m_status && detail == m_error) {
        return;
    }
    if (status == ClientStatus::Connected) {
        qCInfo(lcMqtt) << "connected to" << m_options.broker.display();
    } else if (!detail.isEmpty() && detail != m_error) {
        qCWarning(lcMqtt).noquote() << detail << "(retrying)";
    }
    m_status = status;
    m_error = detail;
    Q_EMIT statusChanged(status, detail);
}

} // namespace omni::mqtt
