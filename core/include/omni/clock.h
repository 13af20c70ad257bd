// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <chrono>

namespace omni {

/// The two clocks omniscient reads (docs/protocol.md, "Clocks"). Link state, rates, ages, stale timeouts and
/// pacing use monotonicNs() only; wallNs() is read only by WallClockMapping, to give messages epoch times.
/// A Raspberry Pi has no real-time clock: its wall clock starts months off and NTP steps it later.
/// Tests inject their own clock to make such jumps.
class Clock
{
public:
    virtual ~Clock() = default;
    /// CLOCK_MONOTONIC in ns: never jumps; the clock of the segment's publish_ns and of RobotState::publishMonoNs.
    [[nodiscard]] virtual qint64 monotonicNs() const = 0;
    /// CLOCK_REALTIME in ns since the Unix epoch: may jump by months in either direction.
    [[nodiscard]] virtual qint64 wallNs() const = 0;

    /// The system's clocks (thread-safe).
    [[nodiscard]] static const Clock &system();
};

/// Options of a WallClockMapping.
struct WallClockMappingOptions {
    /// A change of (wall − monotonic) larger than this is a step of the wall clock (NTP's first sync, a date set
    /// by hand) and re-anchors the mapping; smaller changes (NTP slewing, read jitter) are ignored, so that epoch
    /// times keep exactly the monotonic clock's spacing.
    std::chrono::nanoseconds stepThreshold = std::chrono::seconds(1);
};

/// The one mapping from monotonic times to epoch times in messages (t_publish_ms): wall = monotonic + offset,
/// the offset taken at the first use and re-taken only when the wall clock steps (see WallClockMappingOptions).
/// Not thread-safe: one per thread that stamps states.
class WallClockMapping
{
public:
    /// A mapping on `clock` (which must outlive it); anchored at the first toWallNs().
    explicit WallClockMapping(const Clock &clock = Clock::system(), WallClockMappingOptions options = {});

    /// `monoNs` (a CLOCK_MONOTONIC time) as ns since the Unix epoch. Reads both clocks to notice a step first.
    [[nodiscard]] qint64 toWallNs(qint64 monoNs);
    /// The offset in force (wall − monotonic, ns); 0 before the first toWallNs().
    [[nodiscard]] qint64 offsetNs() const { return m_offsetNs; }
    /// How many times a step of the wall clock re-anchored the mapping.
    [[nodiscard]] quint64 reanchorCount() const { return m_reanchors; }

private:
    const Clock *m_clock;
    WallClockMappingOptions m_options;
    bool m_anchored = false;
    qint64 m_offsetNs = 0;
    quint64 m_reanchors = 0;
};

} // namespace omni
