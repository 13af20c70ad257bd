// SPDX-License-Identifier: MIT
#pragma once

#include "omni/robotstate.h"
#include "omni/shmsource.h"
#include "shm/publishpacer.h"

#include <QThread>

#include <atomic>
#include <chrono>

struct omni_shm_wake;

namespace omni {

namespace reader {
/// CLOCK_MONOTONIC in ns, the clock of the segment's publish_ns.
quint64 monotonicNs();
inline quint64 toNs(std::chrono::nanoseconds d)
{
    return static_cast<quint64>(d.count());
}
} // namespace reader

/// The reader loop behind ShmSource: blocks on the writer's futex (or polls), copies consistent
/// states and reports link changes through ShmSource::post(). Nothing here waits on the GUI.
/// shmreaderthread.cpp has the loop and the waiting, shmreadersegment.cpp the hold on the segment.
class ShmReaderThread : public QThread
{
    Q_OBJECT
public:
    ShmReaderThread(ShmSource *host, ShmSourceOptions options);
    ~ShmReaderThread() override;

    /// Asks run() to return soon and wakes it from any wait.
    void requestStop();
    /// Turns of the loop so far (see ShmSource::workerHeartbeat()).
    [[nodiscard]] quint64 heartbeat() const { return m_heartbeat.load(std::memory_order_relaxed); }
    /// True while blocking on the futex.
    [[nodiscard]] bool usingWakeups() const { return m_usingWakeups.load(std::memory_order_relaxed); }

protected:
    void run() override;

private:
    enum class Step { Continue, Reopen };

    bool openSegment();
    void closeSegment();
    void openWake(quint64 writerStartNs);
    Step readOnce();
    Step checkSegmentStillOurs();
    void waitForChange();
    void sleepFor(std::chrono::microseconds d);
    uint32_t *stopWord();
    void backOff();
    void setLink(LinkStatus status, Incompatibility reason = Incompatibility::None, QString detail = {},
                 quint32 segmentAbi = 0, quint32 readerAbi = 0);
    void updateStaleness(quint64 nowMono);

    ShmSource *m_host;
    ShmSourceOptions m_options;
    QByteArray m_path;
    QByteArray m_wakePath;

    // Owned by the reader thread only.
    int m_fd = -1;
    void *m_map = nullptr;
    std::size_t m_mapSize = 0;
    quint64 m_ino = 0;
    quint64 m_dev = 0;
    Layout m_layout = Layout::None;
    quint64 m_writerStartNs = 0;
    omni_shm_wake *m_wake = nullptr;
    quint64 m_lastSeq = ~quint64{0};         ///< raw sequence of the last state delivered
    quint64 m_lastObservedSeq = ~quint64{0}; ///< raw sequence last seen, odd (stuck writer) included
    quint64 m_stuckSeq = ~quint64{0};        ///< odd sequence the last read gave up on
    quint64 m_stuckSinceMono = 0;            ///< when it was first seen
    qint32 m_lastLegacyVer = 0;
    bool m_haveLegacyVer = false;
    quint64 m_lastChangeMono = 0; ///< source publish time (Current) or observation time (legacy layouts)
    PublishPacer m_pacer;         ///< timer or futex, from the robot's learnt period (Current layout)
    WallClockMapping m_wallClock; ///< t_publish_ms from publish_ns
    int m_timedWaits = 0;         ///< timed waits (coalescing or predicted) since the last fresh state
    bool m_everPublished = false;
    quint64 m_nextCheckMono = 0;
    LinkInfo m_link;
    bool m_linkSent = false;
    std::chrono::microseconds m_retryDelay{5000}; ///< back-off for empty/initialising segments

    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_usingWakeups{false};
    std::atomic<quint64> m_heartbeat{0};
    std::atomic<uint32_t *> m_futexWord{nullptr};
    /// Sleeps are FUTEX_WAIT on this word with a timeout (one syscall, like the robot's futex); requestStop()
    /// sets it and wakes them. A condition variable cost twice the reader's CPU at 1 kHz (mutex + wait + mutex).
    std::atomic<uint32_t> m_stopWord{0};
};

} // namespace omni
