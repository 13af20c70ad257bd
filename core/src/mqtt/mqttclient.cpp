// SPDX-License-Identifier: MIT
// The MQTT client's thread: libmosquitto's blocking connect and network loop, kept off the Qt thread.
#include "omni/mqttclient.h"

#include "mqtt/logging.h"

#include <mosquitto.h>

#include <QList>
#include <QPair>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace omni::mqtt {

/// What the client's thread and its QObject share. The thread keeps it alive, so a thread that outlives its
/// QObject (stuck in a host-name lookup at exit) touches nothing freed.
class ClientShared
{
public:
    explicit ClientShared(Client *owner, ClientOptions options)
        : m_owner(owner), m_options(std::move(options)), m_wakeFd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
    {
    }
    ~ClientShared()
    {
        if (m_wakeFd >= 0) {
            ::close(m_wakeFd);
        }
    }
    ClientShared(const ClientShared &) = delete;
    ClientShared &operator=(const ClientShared &) = delete;

    /// Wakes the thread out of poll() (something was queued, or it must stop).
    void wake() const
    {
        const quint64 one = 1;
        [[maybe_unused]] const auto n = ::write(m_wakeFd, &one, sizeof one);
    }
    /// One turn of the network loop: hands over what the Qt thread queued, waits at most `timeoutMs` for the
    /// socket or a wake-up, then reads, writes and keeps alive. Every libmosquitto call happens in this thread.
    int step(mosquitto *m, int timeoutMs);

    void run();
    /// Runs `fn(owner)` in the owner's thread, if the owner still exists (Qt drops it if the owner goes first).
    template <typename F> void post(F fn)
    {
        // Its own mutex, never held while calling libmosquitto: callbacks post while the library holds its locks.
        std::lock_guard lock(m_ownerMutex);
        if (m_owner != nullptr) {
            QMetaObject::invokeMethod(
                m_owner, [owner = m_owner, fn = std::move(fn)] { fn(owner); }, Qt::QueuedConnection);
        }
    }
    void postStatus(ClientStatus status, const QString &detail)
    {
        post([status, detail](Client *owner) { owner->onStatus(status, detail); });
    }
    /// Asks the thread to say goodbye and stop; true when it has finished within `timeout`.
    bool stop(std::chrono::milliseconds timeout)
    {
        {
            std::lock_guard owner(m_ownerMutex);
            m_owner = nullptr;
        }
        std::unique_lock lock(m_mutex);
        m_stopping = true;
        m_cv.notify_all();
        wake();
        return m_cv.wait_for(lock, timeout, [this] { return m_finished; });
    }

    static void onConnect(mosquitto *, void *obj, int rc);
    static void onDisconnect(mosquitto *, void *obj, int rc);
    static void onPublish(mosquitto *, void *obj, int mid);
    static void onMessage(mosquitto *, void *obj, const mosquitto_message *message);

    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::mutex m_ownerMutex;
    Client *m_owner; ///< null once the owner is gone (guarded by m_ownerMutex)
    const ClientOptions m_options;
    const int m_wakeFd; ///< eventfd: publish(), subscribe() and stop wake the thread
    struct Outgoing {
        QByteArray topic;
        QByteArray payload;
        int qos = 0;
        bool retain = false;
    };
    std::deque<Outgoing> m_outbox;                    ///< guarded by m_mutex; bounded by maxPendingOutgoing
    QList<QPair<QByteArray, int>> m_newSubscriptions; ///< guarded by m_mutex: to subscribe in the thread
    bool m_stopping = false;                          ///< guarded by m_mutex
    bool m_finished = false;                          ///< guarded by m_mutex
    QList<QPair<QByteArray, int>> m_subscriptions;    ///< guarded by m_mutex
    QByteArray m_goodbyeTopic;                        ///< guarded by m_mutex
    QByteArray m_goodbyePayload;                      ///< guarded by m_mutex

    std::atomic<bool> m_connected{false};
    std::atomic<int> m_refusedRc{0}; ///< the CONNACK code of a refused attempt, 0 otherwise
    std::atomic<int> m_pendingOut{0};
    std::atomic<int> m_pendingIn{0};
    std::atomic<int> m_goodbyeMid{-1};
    std::atomic<bool> m_goodbyeSent{false};
    std::atomic<quint64> m_connects{0};
    std::atomic<quint64> m_published{0};
    std::atomic<quint64> m_refusedOutgoing{0};
    std::atomic<quint64> m_received{0};
    std::atomic<quint64> m_droppedIncoming{0};
};

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
        for (const auto &[filter, qos] : std::as_const(self->m_subscriptions)) {
            mosquitto_subscribe(mosq, nullptr, filter.constData(), qos);
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
    QList<QPair<QByteArray, int>> subscriptions;
    {
        std::lock_guard lock(m_mutex);
        outbox.swap(m_outbox);
        subscriptions.swap(m_newSubscriptions);
    }
    if (m_connected) {
        for (const auto &[filter, qos] : std::as_const(subscriptions)) {
            mosquitto_subscribe(m, nullptr, filter.constData(), qos);
        }
    }
    for (const Outgoing &o : outbox) {
        if (mosquitto_publish(m, nullptr, o.topic.constData(), int(o.payload.size()), o.payload.constData(), o.qos,
                              o.retain) != MOSQ_ERR_SUCCESS) {
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
    QByteArray goodbyeTopic;
    QByteArray goodbyePayload;
    {
        std::lock_guard lock(m_mutex);
        goodbyeTopic = m_goodbyeTopic;
        goodbyePayload = m_goodbyePayload;
    }
    if (m_connected) {
        const auto deadline = std::chrono::steady_clock::now() + o.stopTimeout / 2;
        if (!goodbyeTopic.isEmpty()) {
            int mid = 0;
            if (mosquitto_publish(m, &mid, goodbyeTopic.constData(), int(goodbyePayload.size()),
                                  goodbyePayload.constData(), 1, true) == MOSQ_ERR_SUCCESS) {
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
    std::lock_guard lock(m_shared->m_mutex);
    m_shared->m_goodbyeTopic = topic;
    m_shared->m_goodbyePayload = payload;
}

void Client::subscribe(const QByteArray &filter, int qos)
{
    {
        std::lock_guard lock(m_shared->m_mutex);
        m_shared->m_subscriptions.append({filter, qos});    // for every (re)connect
        m_shared->m_newSubscriptions.append({filter, qos}); // now, if connected
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
    {
        std::lock_guard lock(s.m_mutex);
        s.m_outbox.push_back({topic, payload, qos, retain}); // the thread hands it to libmosquitto
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
