// SPDX-License-Identifier: MIT
#include "omni/replaycontroller.h"

#include <algorithm>
#include <cmath>

namespace omni {

ReplayController::ReplayController(const Clock &clock, std::vector<qint64> stateTimes, std::vector<qint64> eventTimes,
                                   ReplayControllerOptions options)
    : m_clock(&clock), m_states(std::move(stateTimes)), m_events(std::move(eventTimes)), m_options(options)
{
    if (m_states.empty()) {
        m_states.push_back(0); // the caller refuses such a recording; this keeps every call defined
    }
    m_anchorPos = m_states.front();
    m_anchorMono = nowNs();
}

qint64 ReplayController::positionNs() const
{
    if (!m_playing) {
        return m_anchorPos;
    }
    const auto moved = static_cast<qint64>(std::llround(static_cast<double>(nowNs() - m_anchorMono) * m_speed));
    const qint64 p = m_anchorPos + moved;
    if (p <= endNs()) {
        return p;
    }
    const qint64 length = endNs() - startNs();
    if (!m_options.loop || length <= 0) {
        return endNs();
    }
    return startNs() + (p - startNs()) % (length + 1);
}

bool ReplayController::playing() const
{
    return m_playing && (m_options.loop || positionNs() < endNs());
}

std::size_t ReplayController::stateIndex() const
{
    const qint64 p = positionNs();
    const auto it = std::upper_bound(m_states.begin(), m_states.end(), p);
    return it == m_states.begin() ? 0 : static_cast<std::size_t>(it - m_states.begin() - 1);
}

void ReplayController::reanchor()
{
    m_anchorPos = positionNs();
    m_anchorMono = nowNs();
}

void ReplayController::play()
{
    reanchor();
    if (m_anchorPos >= endNs()) {
        m_anchorPos = startNs();
    }
    m_playing = true;
}

void ReplayController::pause()
{
    reanchor();
    m_playing = false;
}

void ReplayController::togglePlay()
{
    if (playing()) {
        pause();
    } else {
        play();
    }
}

void ReplayController::seek(qint64 ns)
{
    const bool wasPlaying = playing();
    m_anchorPos = std::clamp(ns, startNs(), endNs());
    m_anchorMono = nowNs();
    m_playing = wasPlaying;
}

void ReplayController::setSpeed(double speed)
{
    reanchor();
    m_speed = std::isfinite(speed) ? std::clamp(speed, m_options.minSpeed, m_options.maxSpeed) : 1.0;
}

void ReplayController::setLoop(bool loop)
{
    reanchor();
    m_options.loop = loop;
}

void ReplayController::step(int count)
{
    const auto last = static_cast<qint64>(m_states.size()) - 1;
    const qint64 target = std::clamp(static_cast<qint64>(stateIndex()) + count, qint64{0}, last);
    pause();
    m_anchorPos = m_states[static_cast<std::size_t>(target)];
}

bool ReplayController::nextEvent()
{
    const qint64 p = positionNs();
    const auto it = std::upper_bound(m_events.begin(), m_events.end(), p);
    if (it == m_events.end() || *it > endNs()) {
        return false;
    }
    seek(*it);
    return true;
}

bool ReplayController::previousEvent()
{
    const qint64 p = positionNs();
    const auto it = std::lower_bound(m_events.begin(), m_events.end(), p);
    if (it == m_events.begin()) {
        return false;
    }
    seek(*(it - 1));
    return true;
}

} // namespace omni
