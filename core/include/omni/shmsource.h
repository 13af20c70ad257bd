// SPDX-License-Identifier: MIT
#pragma once

#include "omni/clock.h"
#include "omni/statesource.h"

#include <QMutex>

#include <deque>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

namespace omni {

class ShmReaderThread;

/// Options of a ShmSource.
struct ShmSourceOptions {
    QString name = QStringLiteral("omnigod");     ///< segment name, with or without the leading '/'
    std::chrono::milliseconds staleAfter{1000};   ///< no new state for this long: Stale
    std::chrono::microseconds pollInterval{1000}; ///< polling period when no futex wake-up is available
    std::chrono::milliseconds maxWait{100};       ///< longest futex sleep (bounds stale detection and stop)
    std::chrono::milliseconds checkInterval{100}; ///< how often to check for a replaced or resized segment
    /// A robot publishing faster than this is read about once per interval (latest wins), on a timer: a 10 kHz
    /// robot then costs the observer ~1 kHz of wake-ups and never has to FUTEX_WAKE it. 0: every state.
    std::chrono::microseconds minDeliveryInterval{1000};
    /// A steady robot (its period learnt from publish_ns, its jitter no larger than this) is read on a timer
    /// that ends shortly after the next publish is due: three times the robot's jitter, at least 20 us, at most
    /// this. The futex is armed only when nothing new is there then, so the writer finds nobody waiting and
    /// makes no syscall, at the price of that margin in latency. An irregular or idle robot is waited for on
    /// the futex. 0: always the futex.
    std::chrono::microseconds predictMargin{100};
    /// The clocks: states' t_publish_ms come from a WallClockMapping on it. Tests inject one whose wall clock
    /// jumps; its monotonicNs() must stay CLOCK_MONOTONIC, the clock of the segment's publish_ns. Must outlive
    /// the source.
    const Clock *clock = &Clock::system();
};

/// Reads the robot's shared-memory segment in its own thread (read-only) and delivers each new
/// state to the thread this object lives in. Survives anything the writer does: missing,
/// replaced, truncated (SIGBUS), garbage, or a writer killed mid-publish.
/// Bursts coalesce: the latest state wins and at most one delivery is queued at any time.
class ShmSource : public StateSource
{
    Q_OBJECT
public:
    /// Creates the source; call start() to begin reading.
    explicit ShmSource(ShmSourceOptions options = {}, QObject *parent = nullptr);
    /// Stops and joins the reader thread.
    ~ShmSource() override;

    void start() override;
    /// Stops the reader thread and waits for it. Idempotent; start() may be called again.
    void stop();
    [[nodiscard]] LinkInfo link() const override;
    [[nodiscard]] quint64 coalescedCount() const override;
    /// Advances on every turn of the reader thread's loop, waiting included (at least every 250 ms while
    /// it runs); stops when the thread hangs. nullopt when no reader thread runs.
    [[nodiscard]] std::optional<quint64> workerHeartbeat() const override;
    /// True while the reader sleeps on the writer's futex (false: it polls).
    [[nodiscard]] bool usingWakeups() const;
    /// The options this source was made with.
    [[nodiscard]] const ShmSourceOptions &options() const { return m_options; }

private:
    friend class ShmReaderThread;
    // Called by the reader thread.
    void post(std::optional<RobotState> state, std::optional<LinkInfo> link);
    void deliver();

    ShmSourceOptions m_options;
    std::unique_ptr<ShmReaderThread> m_thread;
    mutable QMutex m_mutex;
    std::optional<RobotState> m_pendingState;
    std::deque<LinkInfo> m_pendingLinks; // bounded: link changes are rare, but a hostile writer could flap
    LinkInfo m_link;
    bool m_deliveryQueued = false;
    std::atomic<quint64> m_coalesced{0};
};

} // namespace omni
