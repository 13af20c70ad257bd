// SPDX-License-Identifier: MIT
#pragma once

#include "omni/clock.h"
#include "omni/event.h"
#include "omni/robotstate.h"

#include <array>
#include <chrono>
#include <optional>
#include <vector>

namespace omni {

/// How EventDeriver decides, and its clocks (injectable for tests).
struct EventDeriverOptions {
    /// A wheel saturates when |motor_power| is at least this many percent ...
    int saturationPercent = 95;
    /// ... in every state for at least this long (on the monotonic clock, from the first such state).
    std::chrono::nanoseconds saturationHold = std::chrono::seconds(1);
    /// The clocks (must outlive the deriver): the monotonic one times every event; events without a state get
    /// their epoch time through a WallClockMapping on it, as states do.
    const Clock *clock = &Clock::system();
    /// The sound switch as it is at the start (no event for it); nullopt: the first onSound() is an event.
    std::optional<bool> soundEnabled;
};

/// Derives the events of docs/protocol.md (`event`) from the state stream, the link changes and the sound
/// switch. Pure: no timers, no Qt objects; each call returns the events it caused, oldest first.
///
/// - States: obstacle detected (0 → non-zero; also a non-zero obstacle in the very first state) and cleared
///   (non-zero → 0); bot, obstacle and sensor mode changed (against the previous state; the first state changes
///   nothing); a wheel saturated once |power| ≥ saturationPercent has held for saturationHold (checked at each
///   state), and saturation ended at the first state below it after that.
/// - Links: one event per change of status (or of the incompatibility reason); a change to waiting after a live
///   or stale link is `link_lost`, otherwise `link_waiting`. A link that is no longer live ends the saturations
///   reported so far (wheel_saturation_ended at that moment) and forgets the ones not yet reported.
/// - Sound: `sound_on` / `sound_off` when the switch differs from the last one known.
class EventDeriver
{
public:
    /// A deriver that has seen nothing yet.
    explicit EventDeriver(EventDeriverOptions options = {});

    /// Takes a new state; returns the events it caused.
    [[nodiscard]] std::vector<Event> onState(const RobotState &state);
    /// Takes a link (any change of it, as Hub::linkChanged gives); returns the events it caused.
    [[nodiscard]] std::vector<Event> onLink(const LinkInfo &link);
    /// Takes the sound switch; returns the event it caused, if any.
    [[nodiscard]] std::vector<Event> onSound(bool enabled);

private:
    struct Saturation {
        std::optional<qint64> sinceNs; ///< monotonic time of the first state of the current run at the limit
        bool reported = false;         ///< wheel_saturated was returned for this run
    };

    [[nodiscard]] Event make(EventKind kind, qint64 monotonicNs, qint64 wallNs) const;
    [[nodiscard]] Event wheelEvent(EventKind kind, int wheel, qint32 power, qint64 now, qint64 wall) const;
    void deriveSaturation(const RobotState &state, qint64 now, qint64 wall, std::vector<Event> &out);

    EventDeriverOptions m_options;
    WallClockMapping m_wallClock;
    std::optional<RobotState> m_last;
    std::optional<LinkInfo> m_link;
    std::optional<bool> m_sound;
    std::array<Saturation, 3> m_saturation{};
};

} // namespace omni
