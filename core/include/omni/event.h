// SPDX-License-Identifier: MIT
#pragma once

#include "omni/robotstate.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace omni {

/// What happened: the derived events of docs/protocol.md (`event`) and docs/RECORDING.md. EventDeriver makes them.
enum class EventKind {
    ObstacleDetected, ///< "obstacle_detected": `obstacle` went from 0 to non-zero (or is non-zero in the first state)
    ObstacleCleared,  ///< "obstacle_cleared": `obstacle` went back to 0
    LinkLive,         ///< "link_live": the link became live
    LinkStale,        ///< "link_stale": the link became stale
    LinkLost,         ///< "link_lost": a live or stale link ended (the segment went away)
    LinkWaiting,      ///< "link_waiting": waiting for a segment, not after a live link (start, after incompatible)
    LinkIncompatible, ///< "link_incompatible": the segment cannot be read (or its reason changed)
    BotModeChanged,   ///< "bot_mode_changed": `bot_mode` changed
    ObstacleModeChanged,  ///< "obstacle_mode_changed": `obstacle_mode` changed (null: the layout has none)
    SensorModeChanged,    ///< "sensor_mode_changed": `sensor_mode` changed
    SoundOn,              ///< "sound_on": the sound switch was turned on
    SoundOff,             ///< "sound_off": the sound switch was turned off
    WheelSaturated,       ///< "wheel_saturated": a wheel's |power| stayed at or above the limit for the hold time
    WheelSaturationEnded, ///< "wheel_saturation_ended": a saturated wheel's |power| fell below the limit again
};

/// One derived event: when, what, and the values that matter for its kind (the others stay at their defaults).
struct Event {
    EventKind kind = EventKind::ObstacleDetected; ///< what happened
    qint64 monotonicNs = 0;     ///< when, on the deriving process's monotonic clock (for ordering and durations)
    qint64 wallNs = 0;          ///< when, ns since the Unix epoch: the state's publish time for state events
    quint64 seq = 0;            ///< the state's `seq` for obstacle, mode and wheel events; 0 otherwise
    std::optional<qint32> from; ///< mode changes: the code before (nullopt: the field is absent, legacy-56)
    std::optional<qint32> to;   ///< mode changes: the code after; obstacle_detected: the obstacle code
    int wheel = -1;             ///< wheel events: 0 left, 1 right, 2 bottom (motor_power's index)
    qint32 power = 0;           ///< wheel events: the wheel's power in percent in the state of the event
    qint64 durationMs = 0;      ///< wheel events: how long |power| had been at or above the limit
    LinkInfo link;              ///< link events: the new link
    std::optional<LinkStatus> previous; ///< link events: the status before; nullopt for the first link seen

    friend bool operator==(const Event &, const Event &) = default;
};

namespace names {
/// The stable snake_case name of an event kind ("obstacle_detected", ...), as in docs/protocol.md.
QString eventKind(EventKind kind);
/// Parses eventKind() output; nullopt for anything else.
std::optional<EventKind> eventKindFromName(const QString &name);
/// "left", "right", "bottom" for wheels 0, 1, 2; empty for any other index.
QString wheel(int index);
} // namespace names

/// Whether events of `kind` describe a link change (they carry `link` and `previous`).
bool isLinkEvent(EventKind kind);
/// Whether events of `kind` describe a wheel (they carry `wheel`, `power`, `durationMs`).
bool isWheelEvent(EventKind kind);
/// Whether events of `kind` describe a mode change (they carry `from` and `to`).
bool isModeEvent(EventKind kind);

} // namespace omni

Q_DECLARE_METATYPE(omni::Event)
