// SPDX-License-Identifier: MIT
#include "omni/event.h"

#include <array>
#include <utility>

namespace omni {

namespace {

// The one place that spells the kinds (docs/protocol.md, `event`).
constexpr std::array<std::pair<EventKind, const char *>, 14> kKindNames{{
    {EventKind::ObstacleDetected, "obstacle_detected"},
    {EventKind::ObstacleCleared, "obstacle_cleared"},
    {EventKind::LinkLive, "link_live"},
    {EventKind::LinkStale, "link_stale"},
    {EventKind::LinkLost, "link_lost"},
    {EventKind::LinkWaiting, "link_waiting"},
    {EventKind::LinkIncompatible, "link_incompatible"},
    {EventKind::BotModeChanged, "bot_mode_changed"},
    {EventKind::ObstacleModeChanged, "obstacle_mode_changed"},
    {EventKind::SensorModeChanged, "sensor_mode_changed"},
    {EventKind::SoundOn, "sound_on"},
    {EventKind::SoundOff, "sound_off"},
    {EventKind::WheelSaturated, "wheel_saturated"},
    {EventKind::WheelSaturationEnded, "wheel_saturation_ended"},
}};

} // namespace

namespace names {

QString eventKind(EventKind kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (k == kind) {
            return QLatin1String(name);
        }
    }
    return {};
}

std::optional<EventKind> eventKindFromName(const QString &name)
{
    for (const auto &[k, text] : kKindNames) {
        if (name == QLatin1String(text)) {
            return k;
        }
    }
    return std::nullopt;
}

QString wheel(int index)
{
    switch (index) {
    case 0:
        return QStringLiteral("left");
    case 1:
        return QStringLiteral("right");
    case 2:
        return QStringLiteral("bottom");
    default:
        return {};
    }
}

} // namespace names

bool isLinkEvent(EventKind kind)
{
    return kind == EventKind::LinkLive || kind == EventKind::LinkStale || kind == EventKind::LinkLost ||
           kind == EventKind::LinkWaiting || kind == EventKind::LinkIncompatible;
}

bool isWheelEvent(EventKind kind)
{
    return kind == EventKind::WheelSaturated || kind == EventKind::WheelSaturationEnded;
}

bool isModeEvent(EventKind kind)
{
    return kind == EventKind::BotModeChanged || kind == EventKind::ObstacleModeChanged ||
           kind == EventKind::SensorModeChanged;
}

} // namespace omni
