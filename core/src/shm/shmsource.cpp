// SPDX-License-Identifier: MIT
#include "omni/shmsource.h"

#include "shm/shmreaderthread.h"

namespace omni {

namespace {
constexpr std::size_t kMaxPendingLinks = 16;
}

ShmSource::ShmSource(ShmSourceOptions options, QObject *parent) : StateSource(parent), m_options(std::move(options))
{
    m_link.source = QStringLiteral("shm:") + m_options.name;
}

ShmSource::~ShmSource()
{
    stop();
}

void ShmSource::start()
{
    if (m_thread) {
        return;
    }
    m_thread = std::make_unique<ShmReaderThread>(this, m_options);
    m_thread->start();
}

void ShmSource::stop()
{
    if (!m_thread) {
        return;
    }
    m_thread->requestStop();
    m_thread->wait();
    m_thread.reset();
    QMutexLocker lock(&m_mutex);
    m_pendingState.reset();
    m_pendingLinks.clear();
}

LinkInfo ShmSource::link() const
{
    QMutexLocker lock(&m_mutex);
    return m_link;
}

quint64 ShmSource::coalescedCount() const
{
    return m_coalesced.load(std::memory_order_relaxed);
}

std::optional<quint64> ShmSource::workerHeartbeat() const
{
    if (!m_thread || m_thread->isFinished()) {
        return std::nullopt;
    }
    return m_thread->heartbeat();
}

bool ShmSource::usingWakeups() const
{
    return m_thread && m_thread->usingWakeups();
}

void ShmSource::post(std::optional<RobotState> state, std::optional<LinkInfo> link)
{
    bool queue = false;
    {
        QMutexLocker lock(&m_mutex);
        if (state) {
            if (m_pendingState) {
                m_coalesced.fetch_add(1, std::memory_order_relaxed);
            }
            m_pendingState = state;
        }
        if (link) {
            if (m_pendingLinks.size() >= kMaxPendingLinks) {
                m_pendingLinks.pop_front();
            }
            m_pendingLinks.push_back(*link);
        }
        if (!m_deliveryQueued) {
            m_deliveryQueued = true;
            queue = true;
        }
    }
    if (queue) {
        QMetaObject::invokeMethod(this, &ShmSource::deliver, Qt::QueuedConnection);
    }
}

void ShmSource::deliver()
{
    std::optional<RobotState> state;
    std::deque<LinkInfo> links;
    {
        QMutexLocker lock(&m_mutex);
        m_deliveryQueued = false;
        state.swap(m_pendingState);
        links.swap(m_pendingLinks);
        if (!links.empty()) {
            m_link = links.back();
        }
    }
    // Links first: the state that follows is then shown under its true status.
    for (const LinkInfo &l : links) {
        Q_EMIT linkChanged(l);
    }
    if (state) {
        Q_EMIT stateReceived(*state);
    }
}

} // namespace omni
