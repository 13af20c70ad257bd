// SPDX-License-Identifier: MIT
#include "omni/eventderiver.h"

#include <cstdlib>

namespace omni {

namespace {

EventKind linkKind(LinkStatus status, const std::optional<LinkInfo> &before)
{
    switch (status) {
    case LinkStatus::Live:
        return EventKind::LinkLive;
    case LinkStatus::Stale:
        return EventKind::LinkStale;
    case LinkStatus::Incompatible:
        return EventKind::LinkIncompatible;
    case LinkStatus::Waiting:
    case LinkStatus::Replay: // a replay has no link of its own: its recorded link events come from the file
        break;
    }
    const bool wasUp = before && (before->status == LinkStatus::Live || before->status == LinkStatus::Stale);
    return wasUp ? EventKind::LinkLost : EventKind::LinkWaiting;
}

} // namespace

EventDeriver::EventDeriver(EventDeriverOptions options)
    : m_options(options), m_wallClock(*m_options.clock), m_sound(m_options.soundEnabled)
{
}

Event EventDeriver::make(EventKind kind, qint64 monotonicNs, qint64 wallNs) const
{
    Event e;
    e.kind = kind;
    e.monotonicNs = monotonicNs;
    e.wallNs = wallNs;
    e.seq = m_last ? m_last->seq : 0;
    return e;
}

std::vector<Event> EventDeriver::onState(const RobotState &state)
{
    const qint64 now = m_options.clock->monotonicNs();
    // Timestamps come from the source: a state event happened when the robot published it.
    const qint64 wall = state.publishUnixNs > 0 ? state.publishUnixNs : m_wallClock.toWallNs(now);
    const std::optional<RobotState> before = std::exchange(m_last, state);
    std::vector<Event> out;

    const bool hadObstacle = before && before->obstacle != 0;
    if (state.obstacle != 0 && !hadObstacle) {
        Event e = make(EventKind::ObstacleDetected, now, wall);
        e.to = state.obstacle;
        out.push_back(e);
    } else if (state.obstacle == 0 && hadObstacle) {
        out.push_back(make(EventKind::ObstacleCleared, now, wall));
    }

    if (before) {
        const auto changed = [&](EventKind kind, std::optional<qint32> from, std::optional<qint32> to) {
            if (from != to) {
                Event e = make(kind, now, wall);
                e.from = from;
                e.to = to;
                out.push_back(e);
            }
        };
        changed(EventKind::BotModeChanged, before->botMode, state.botMode);
        changed(EventKind::ObstacleModeChanged, before->obstacleMode, state.obstacleMode);
        changed(EventKind::SensorModeChanged, before->sensorMode, state.sensorMode);
    }

    deriveSaturation(state, now, wall, out);
    return out;
}

Event EventDeriver::wheelEvent(EventKind kind, int wheel, qint32 power, qint64 now, qint64 wall) const
{
    Event e = make(kind, now, wall);
    e.wheel = wheel;
    e.power = power;
    e.durationMs = (now - m_saturation[static_cast<std::size_t>(wheel)].sinceNs.value_or(now)) / 1'000'000;
    return e;
}

void EventDeriver::deriveSaturation(const RobotState &state, qint64 now, qint64 wall, std::vector<Event> &out)
{
    const qint64 holdNs = m_options.saturationHold.count();
    for (int wheel = 0; wheel < 3; ++wheel) {
        Saturation &s = m_saturation[static_cast<std::size_t>(wheel)];
        const qint32 power = state.motorPower[static_cast<std::size_t>(wheel)];
        // std::abs(INT32_MIN) is undefined: compare in 64 bits.
        const bool atLimit = std::llabs(static_cast<long long>(power)) >= m_options.saturationPercent;
        if (atLimit) {
            if (!s.sinceNs) {
                s.sinceNs = now;
            }
            if (!s.reported && now - *s.sinceNs >= holdNs) {
                s.reported = true;
                out.push_back(wheelEvent(EventKind::WheelSaturated, wheel, power, now, wall));
            }
            continue;
        }
        if (s.reported) {
            out.push_back(wheelEvent(EventKind::WheelSaturationEnded, wheel, power, now, wall));
        }
        s = {};
    }
}

std::vector<Event> EventDeriver::onLink(const LinkInfo &link)
{
    std::vector<Event> out;
    const bool same = m_link && m_link->status == link.status && m_link->reason == link.reason;
    if (same) {
        m_link = link;
        return out;
    }
    const qint64 now = m_options.clock->monotonicNs();
    const qint64 wall = m_wallClock.toWallNs(now);
    if (link.status != LinkStatus::Live) {
        // No state tells how long a wheel stays saturated without a live robot: the run ends here.
        for (int wheel = 0; wheel < 3; ++wheel) {
            Saturation &s = m_saturation[static_cast<std::size_t>(wheel)];
            if (s.reported) {
                const qint32 power = m_last ? m_last->motorPower[static_cast<std::size_t>(wheel)] : 0;
                out.push_back(wheelEvent(EventKind::WheelSaturationEnded, wheel, power, now, wall));
            }
            s = {};
        }
    }
    Event e = make(linkKind(link.status, m_link), now, wall);
    e.seq = 0;
    e.link = link;
    if (m_link) {
        e.previous = m_link->status;
    }
    out.push_back(e);
    m_link = link;
    return out;
}

std::vector<Event> EventDeriver::onSound(bool enabled)
{
    if (m_sound == enabled) {
        return {};
    }
    m_sound = enabled;
    const qint64 now = m_options.clock->monotonicNs();
    Event e = make(enabled ? EventKind::SoundOn : EventKind::SoundOff, now, m_wallClock.toWallNs(now));
    e.seq = 0;
    return {e};
}

} // namespace omni
