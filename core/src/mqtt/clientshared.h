// SPDX-License-Identifier: MIT
// What the MQTT client's QObject (Qt thread) and its network thread share (mqttclient.cpp, clientthread.cpp).
#pragma once

#include "omni/mqttclient.h"

#include <mosquitto.h>

#include <QByteArray>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

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
    // What crosses between the Qt thread and this one is deep-copied into std::string: no implicitly shared Qt
    // buffer has an owner on each side (whose last release might happen inside Qt's uninstrumented code).
    struct Outgoing {
        std::string topic;
        std::string payload;
        int qos = 0;
        bool retain = false;
    };
    using Subscription = std::pair<std::string, int>;
    std::deque<Outgoing> m_outbox;                ///< guarded by m_mutex; bounded by maxPendingOutgoing
    std::vector<Subscription> m_newSubscriptions; ///< guarded by m_mutex: to subscribe in the thread
    bool m_stopping = false;                      ///< guarded by m_mutex
    bool m_finished = false;                      ///< guarded by m_mutex
    std::vector<Subscription> m_subscriptions;    ///< guarded by m_mutex
    std::string m_goodbyeTopic;                   ///< guarded by m_mutex
    std::string m_goodbyePayload;                 ///< guarded by m_mutex

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

} // namespace omni::mqtt
