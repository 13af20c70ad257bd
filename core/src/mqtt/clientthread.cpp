// SPDX-License-Identifier: MIT
// The MQTT client's thread: libmosquitto's blocking connect and its network loop (poll on the broker's socket and an
// eventfd), kept off the Qt thread. Every libmosquitto call of a client happens here.
#include "mqtt/clientshared.h"

#include <cerrno>
#include <cstring>

#include <poll.h>

namespace omni::mqtt {

namespace {

QString failureDetail(const ClientOptions &o, int rc, int err)
{
    const QString where = o.broker.display();
    switch (rc) {
    case MOSQ_ERR_TLS:
        return QStringLiteral("the TLS handshake with %1 failed: the broker's certificate is not signed by the CA "
                              "given (--mqtt-cafile), or does not name this host, or the broker speaks no TLS")
            .arg(where);
    case MOSQ_ERR_EAI:
        return QStringLiteral("cannot find the broker's host %1 (name lookup failed)").arg(o.broker.host);
    case MOSQ_ERR_ERRNO:
        return QStringLiteral("cannot reach the broker %1: %2").arg(where, QString::fromLocal8Bit(std::strerror(err)));
    default:
        return QStringLiteral("the connection to %1 failed: %2").arg(where, QString::fromUtf8(mosquitto_strerror(rc)));
    }
}

QString refusedDetail(const ClientOptions &o, int connack)
{
    QString text = QStringLiteral("the broker %1 refused us: %2")
                       .arg(o.broker.display(), QString::fromUtf8(mosquitto_connack_string(connack)));
    if (connack == 4 || connack == 5) {
        text += QStringLiteral("; check the user (in the URL) and the password (OMNISCIENT_MQTT_PASSWORD or "
                               "--mqtt-password-file)");
    }
    return text;
}

} // namespace

void ClientShared::onConnect(mosquitto *mosq, void *obj, int rc)
{
    auto *self = static_cast<ClientShared *>(obj);
    if (rc != 0) {
        self->m_refusedRc = rc;
        return;
    }
    self->m_connected = true;
    ++self->m_connects;
    {
        std::lock_guard lock(self->m_mutex);
        self->m_newSubscriptions.clear(); // all of them follow
        for (const auto &[filter, qos] : self->m_subscriptions) {
            mosquitto_subscribe(mosq, nullptr, filter.c_str(), qos);
        }
    }
    self->post([](Client *owner) {
        owner->onStatus(ClientStatus::Connected, {});
        Q_EMIT owner->connected();
    });
}

void ClientShared::onDisconnect(mosquitto *, void *obj, int)
{
    static_cast<ClientShared *>(obj)->m_connected = false;
}

void ClientShared::onPublish(mosquitto *, void *obj, int mid)
{
    auto *self = static_cast<ClientShared *>(obj);
    int pending = self->m_pendingOut.load();
    while (pending > 0 && !self->m_pendingOut.compare_exchange_weak(pending, pending - 1)) {
    }
    if (mid == self->m_goodbyeMid) {
        self->m_goodbyeSent = true;
    }
}

void ClientShared::onMessage(mosquitto *, void *obj, const mosquitto_message *message)
{
    auto *self = static_cast<ClientShared *>(obj);
    if (self->m_pendingIn.load() >= self->m_options.maxPendingIncoming) {
        ++self->m_droppedIncoming;
        return;
    }
    ++self->m_pendingIn;
    ++self->m_received;
    QByteArray topic(message->topic);
    QByteArray payload(static_cast<const char *>(message->payload), message->payloadlen);
    self->post([self, topic = std::move(topic), payload = std::move(payload)](Client *owner) {
        --self->m_pendingIn;
        Q_EMIT owner->messageReceived(topic, payload);
    });
}

int ClientShared::step(mosquitto *m, int timeoutMs)
{
    std::deque<Outgoing> outbox;
    std::vector<Subscription> subscriptions;
    {
        std::lock_guard lock(m_mutex);
        outbox.swap(m_outbox);
        subscriptions.swap(m_newSubscriptions);
    }
    if (m_connected) {
        for (const auto &[filter, qos] : subscriptions) {
            mosquitto_subscribe(m, nullptr, filter.c_str(), qos);
        }
    }
    for (const Outgoing &o : outbox) {
        if (mosquitto_publish(m, nullptr, o.topic.c_str(), int(o.payload.size()), o.payload.data(), o.qos, o.retain) !=
            MOSQ_ERR_SUCCESS) {
            ++m_refusedOutgoing;
        }
    }
    pollfd fds[2] = {{mosquitto_socket(m), short(POLLIN | (mosquitto_want_write(m) ? POLLOUT : 0)), 0},
                     {m_wakeFd, POLLIN, 0}};
    if (::poll(fds, 2, timeoutMs) < 0 && errno != EINTR) {
        return MOSQ_ERR_ERRNO;
    }
    if ((fds[1].revents & POLLIN) != 0) {
        quint64 count = 0;
        [[maybe_unused]] const auto n = ::read(m_wakeFd, &count, sizeof count);
    }
    int rc = MOSQ_ERR_SUCCESS;
    if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        rc = mosquitto_loop_read(m, 100); // until the socket (and TLS's buffer) is empty
    }
    if (rc == MOSQ_ERR_SUCCESS && mosquitto_want_write(m)) {
        rc = mosquitto_loop_write(m, 100);
    }
    return rc == MOSQ_ERR_SUCCESS ? mosquitto_loop_misc(m) : rc;
}

void ClientShared::run()
{
    const ClientOptions &o = m_options;
    const QByteArray clientId = o.clientId.toUtf8();
    mosquitto *m = mosquitto_new(clientId.isEmpty() ? nullptr : clientId.constData(), true, this);
    if (m == nullptr) {
        postStatus(ClientStatus::Unreachable, QStringLiteral("cannot create an MQTT client (out of memory)"));
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_cv.notify_all();
        return;
    }
    mosquitto_int_option(m, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    if (!o.broker.user.isEmpty()) {
        mosquitto_username_pw_set(m, o.broker.user.toUtf8().constData(),
                                  o.password.isEmpty() ? nullptr : o.password.toUtf8().constData());
    }
    if (!o.willTopic.isEmpty()) {
        mosquitto_will_set(m, o.willTopic.constData(), int(o.willPayload.size()), o.willPayload.constData(), 1, true);
    }
    if (o.broker.tls) {
        const QByteArray ca = o.caFile.toLocal8Bit();
        mosquitto_tls_set(m, ca.isEmpty() ? nullptr : ca.constData(), ca.isEmpty() ? "/etc/ssl/certs" : nullptr,
                          nullptr, nullptr, nullptr);
    }
    mosquitto_connect_callback_set(m, &ClientShared::onConnect);
    mosquitto_disconnect_callback_set(m, &ClientShared::onDisconnect);
    mosquitto_publish_callback_set(m, &ClientShared::onPublish);
    mosquitto_message_callback_set(m, &ClientShared::onMessage);
    auto stopping = [this] {
        std::lock_guard lock(m_mutex);
        return m_stopping;
    };
    const QByteArray host = o.broker.host.toUtf8();
    auto backoff = o.minBackoff;
    while (!stopping()) {
        postStatus(ClientStatus::Connecting, {});
        m_pendingOut = 0; // what the library held for a dead connection is gone
        {
            std::lock_guard lock(m_mutex);
            m_outbox.clear();
        }
        m_refusedRc = 0;
        errno = 0;
        const quint64 connectsBefore = m_connects;
        int rc = mosquitto_connect(m, host.constData(), o.broker.port, o.keepaliveSeconds);
        int err = errno;
        while (rc == MOSQ_ERR_SUCCESS && m_refusedRc == 0 && !stopping()) {
            if (m_connected) {
                backoff = o.minBackoff;
            }
            rc = step(m, 100);
            err = errno;
        }
        const bool wasConnected = m_connects != connectsBefore;
        const bool stillConnected = m_connected.exchange(false);
        if (stopping()) {
            m_connected = stillConnected; // says goodbye below
            break;
        }
        if (m_refusedRc != 0) {
            postStatus(ClientStatus::Refused, refusedDetail(o, m_refusedRc));
        } else {
            postStatus(rc == MOSQ_ERR_TLS ? ClientStatus::TlsFailed : ClientStatus::Unreachable,
                       wasConnected ? QStringLiteral("lost the connection to %1").arg(o.broker.display())
                                    : failureDetail(o, rc, err));
        }
        std::unique_lock lock(m_mutex);
        m_cv.wait_for(lock, backoff, [this] { return m_stopping; });
        backoff = std::min(backoff * 2, o.maxBackoff);
    }
    // A clean exit: the goodbye ("offline", retained) replaces the last will, which the broker would not send.
    std::string goodbyeTopic;
    std::string goodbyePayload;
    {
        std::lock_guard lock(m_mutex);
        goodbyeTopic = m_goodbyeTopic;
        goodbyePayload = m_goodbyePayload;
    }
    if (m_connected) {
        const auto deadline = std::chrono::steady_clock::now() + o.stopTimeout / 2;
        if (!goodbyeTopic.empty()) {
            int mid = 0;
            if (mosquitto_publish(m, &mid, goodbyeTopic.c_str(), int(goodbyePayload.size()), goodbyePayload.data(), 1,
                                  true) == MOSQ_ERR_SUCCESS) {
                m_goodbyeMid = mid;
                while (!m_goodbyeSent && std::chrono::steady_clock::now() < deadline &&
                       step(m, 20) == MOSQ_ERR_SUCCESS) {
                }
            }
        }
        mosquitto_disconnect(m);
        while (std::chrono::steady_clock::now() < deadline && step(m, 20) == MOSQ_ERR_SUCCESS) {
        }
    }
    mosquitto_destroy(m);
    std::lock_guard lock(m_mutex);
    m_finished = true;
    m_cv.notify_all();
}

} // namespace omni::mqtt
