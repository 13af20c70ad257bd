// SPDX-License-Identifier: MIT
#pragma once

#include "omni/event.h"
#include "omni/robotstate.h"

#include <QtGlobal>

#include <array>
#include <deque>
#include <utility>
#include <vector>

namespace omni {

/// One state as the black box keeps it: 96 bytes, every field of RobotState plus the rate and age that travel
/// with it in a `state` message (docs/RECORDING.md, "The black box"). Not JSON: a message is made only on save.
struct PackedState {
    qint64 monoNs = 0;               ///< publish time on the monotonic clock (arrival when the source gives none)
    qint64 unixNs = 0;               ///< publishUnixNs
    quint64 seq = 0;                 ///< publish count
    std::array<qint32, 15> fields{}; ///< direction, motor power x3, bot mode, obstacle, obstacle mode, steering x2,
                                     ///< sensor mode, sensors x5
    qint32 writerPid = 0;            ///< writerPid
    float rateHz = 0;                ///< the hub's rate when it arrived
    quint16 ageMs = 0;               ///< its age when it arrived, capped at 65535; 65535 also for "unknown"
    quint8 layout = 0;               ///< Layout
    quint8 flags = 0;                ///< bit 0: obstacleMode set; bit 1: four sensors (legacy-56)

    /// Packs `state` with the rate and age the hub gave it.
    static PackedState pack(const RobotState &state, double rateHz, qint64 ageMs, qint64 arrivalMonoNs);
    /// The state again (exactly the one packed).
    [[nodiscard]] RobotState unpack() const;
    /// The age as StateExtras takes it (-1: unknown).
    [[nodiscard]] qint64 age() const { return ageMs == 0xffff ? -1 : ageMs; }
};
static_assert(sizeof(PackedState) == 96, "the documented memory bound counts 96 bytes a state");

/// What the black box keeps; the defaults are --blackbox-minutes 10's.
struct BlackboxRingOptions {
    qint64 windowNs = qint64{10} * 60 * 1000000000; ///< how far back it keeps (by the newest record's time)
    /// The most states it keeps: 1 kHz for the window plus 5 % (statesFor()). Beyond it the oldest half is thinned.
    qsizetype maxStates = statesFor(10);
    qsizetype maxEvents = 10000; ///< the most events it keeps (the oldest go first)
    qsizetype maxLinks = 1000;   ///< the most link changes it keeps (the oldest go first)

    /// The state capacity for a window of `minutes`: 63 000 a minute (1 kHz plus 5 %).
    static constexpr qsizetype statesFor(int minutes) { return qsizetype{63000} * minutes; }
};

/// A copy of part of the black box, for saving.
struct BlackboxSnapshot {
    std::vector<PackedState> states;                ///< oldest first
    std::vector<std::pair<qint64, LinkInfo>> links; ///< (monotonic ns, link), oldest first
    std::vector<Event> events;                      ///< oldest first
    LinkInfo linkBefore;                            ///< the link in force at the snapshot's start
    bool hasLinkBefore = false;                     ///< whether linkBefore is known
};

/// The always-on flight recorder's memory (docs/RECORDING.md): the last windowNs of every state at full rate,
/// link change and event, in memory that never grows past its bound (bytesBound()). States live in one ring of
/// PackedState allocated as it fills; when it is full before the window is (a robot faster than 1 kHz), every
/// other state of the oldest half is dropped, so the oldest part keeps fewer states per second. Pure: no Qt
/// objects, no clock of its own (times come with the records); not thread-safe.
class BlackboxRing
{
public:
    /// An empty ring; nothing is allocated before the first state.
    explicit BlackboxRing(BlackboxRingOptions options = {});

    /// Keeps a state (its time: publishMonoNs, or `arrivalMonoNs` when that is 0).
    void addState(const RobotState &state, double rateHz, qint64 ageMs, qint64 arrivalMonoNs);
    /// Keeps a link change at `monoNs`.
    void addLink(const LinkInfo &link, qint64 monoNs);
    /// Keeps an event (at its monotonicNs).
    void addEvent(const Event &event);
    /// Forgets everything.
    void clear();

    /// The records of the last `seconds` before the newest one (0 or less: all kept).
    [[nodiscard]] BlackboxSnapshot snapshot(double seconds) const;
    /// States kept now.
    [[nodiscard]] qsizetype stateCount() const { return m_size; }
    /// Events kept now.
    [[nodiscard]] qsizetype eventCount() const { return static_cast<qsizetype>(m_events.size()); }
    /// States dropped by thinning so far (not those that aged out of the window).
    [[nodiscard]] quint64 thinnedStates() const { return m_thinned; }
    /// The time of the oldest and newest state kept (monotonic ns); 0 when empty.
    [[nodiscard]] std::pair<qint64, qint64> timeSpan() const;
    /// The options in force.
    [[nodiscard]] const BlackboxRingOptions &options() const { return m_options; }
    /// The most memory it can hold, in bytes: states at 96 bytes plus events and links at their typical size.
    [[nodiscard]] qint64 bytesBound() const;

private:
    [[nodiscard]] const PackedState &at(qsizetype i) const;
    void expire(qint64 newestNs);
    void thin();

    BlackboxRingOptions m_options;
    std::vector<PackedState> m_slots; ///< grows to maxStates, then used as a ring
    qsizetype m_head = 0;             ///< the oldest state's slot
    qsizetype m_size = 0;
    quint64 m_thinned = 0;
    std::deque<std::pair<qint64, LinkInfo>> m_links;
    std::deque<Event> m_events;
    LinkInfo m_linkBefore; ///< the newest link that aged out (in force at the oldest record)
    bool m_hasLinkBefore = false;
};

} // namespace omni
